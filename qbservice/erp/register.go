package erp

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/servicedb"
)

// Namespace is the service's webhook namespace: one per app
// (webhooks_api.md, "Namespaces": a–z, 0–9 and dashes).
const Namespace = "qbsettings-quickbooks-desktop"

// unreachable is the hook's destination when the service has no public
// address: a name that never resolves (RFC 2606's .invalid), so every
// delivery fails at once and Procore lists it among the failing
// deliveries, which the service reads. A destination is required, and no
// office PC can be reached from Procore without IT's help [I].
const unreachable = "https://qbservice.invalid/procore/events"

// Register makes what the service needs in Procore, once, for the
// connection kept: its ERP connection (which makes the company's ERP
// Standard Cost Code List), the webhook hook whose destination is
// publicURL (or none that resolves), carrying a new secret, and the
// trigger for ERP Requests. Each step is kept as it is done, so a
// service stopped halfway does the rest, not the whole, again. The
// secret's hash is kept before the hook is made: a hook made before a
// kill is found again by its namespace, and its secret is the one kept.
func (c *Connection) Register(ctx context.Context, publicURL string, metadata any) (servicedb.Registration, error) {
	client, row, err := c.clientAndRow(ctx)
	if err != nil {
		return servicedb.Registration{}, err
	}
	company := row.CompanyID
	reg, _, err := c.DB.Registration(ctx, company)
	if err != nil {
		return reg, err
	}
	destination := Destination(publicURL)
	save := func() error { return c.DB.SetRegistration(ctx, company, reg) }
	if reg.ERPConnectionID == 0 {
		var made struct {
			ID             int64 `json:"id"`
			CostCodeListID int64 `json:"standard_cost_code_list_id"`
		}
		body := map[string]any{"connection": map[string]any{"service_url": destination, "metadata": metadata}}
		if _, err := client.Do(ctx, http.MethodPost, erpConnectionsPath(company), body, &made); err != nil {
			return reg, err
		}
		if made.ID <= 0 {
			return reg, &procore.Error{Kind: procore.KindBadAnswer, Method: http.MethodPost, Path: erpConnectionsPath(company), Detail: "no ERP connection id"}
		}
		reg.ERPConnectionID, reg.CostCodeListID, reg.MetadataHash = made.ID, made.CostCodeListID, metadataHash(metadata)
		if err := save(); err != nil {
			return reg, err
		}
	}
	if reg.HookID == 0 {
		if reg.HookID, err = c.hook(ctx, client, company, destination, &reg); err != nil {
			return reg, err
		}
		reg.HookDestination = destination
		trigger := map[string]any{"company_id": company, "api_version": "v2",
			"trigger": map[string]any{"resource_name": ERPResource, "event_type": ERPEventType}}
		if _, err := client.Do(ctx, http.MethodPost, triggersPath(reg.HookID), trigger, nil); err != nil {
			return reg, err
		}
		reg.RegisteredAt = c.now()
		if err := save(); err != nil {
			return reg, err
		}
	}
	return reg, nil
}

// hook finds the hook made for the secret whose hash is kept (before a
// kill), or makes one with a new secret.
func (c *Connection) hook(ctx context.Context, client *procore.Client, company int64, destination string, reg *servicedb.Registration) (int64, error) {
	type hook struct {
		ID             int64  `json:"id"`
		Namespace      string `json:"namespace"`
		DestinationURL string `json:"destination_url"`
	}
	if reg.ReceiverSecretHash != "" {
		var found int64
		err := procore.List(ctx, client, hooksPath+"?company_id="+itoa(company)+"&namespace="+Namespace, func(page []hook) error {
			for _, h := range page {
				if h.Namespace == Namespace && h.DestinationURL == destination {
					found = max(found, h.ID) // the newest
				}
			}
			return nil
		})
		if err != nil || found != 0 {
			return found, err
		}
	}
	secret, err := newSecret()
	if err != nil {
		return 0, err
	}
	reg.ReceiverSecretHash = secretHash(secret)
	if err := c.DB.SetRegistration(ctx, company, *reg); err != nil {
		return 0, err
	}
	var made hook
	body := map[string]any{"company_id": company, "hook": map[string]any{"api_version": "v2", "namespace": Namespace,
		"destination_url": destination, "destination_headers": map[string]string{"Authorization": "Bearer " + secret}}}
	if _, err := client.Do(ctx, http.MethodPost, hooksPath, body, &made); err != nil {
		return 0, err
	}
	if made.ID <= 0 {
		return 0, &procore.Error{Kind: procore.KindBadAnswer, Method: http.MethodPost, Path: hooksPath, Detail: "no hook id"}
	}
	return made.ID, nil
}

func newSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// secretHash is what is kept of the receiver's secret.
func secretHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// clientAndRow is a client of the connection kept, and the connection.
func (c *Connection) clientAndRow(ctx context.Context) (*procore.Client, servicedb.ProcoreConnection, error) {
	row, found, err := c.DB.ProcoreConnection(ctx)
	if err != nil {
		return nil, row, err
	}
	if !found {
		return nil, row, ErrNotConnected
	}
	client, err := c.workClient(ctx, row)
	return client, row, err
}

// Destination is where the hook delivers for a service whose public
// address is publicURL ("": none Procore reaches).
func Destination(publicURL string) string {
	if publicURL == "" {
		return unreachable
	}
	return publicURL
}

// Receives tells whether a hook delivering to destination reaches the
// service (through IT's relay).
func Receives(destination string) bool { return destination != "" && destination != unreachable }

// followDestination moves the hook to where the service now receives (IT
// set up a relay, or took it away): Procore keeps the hook's queue and
// secret, and delivers to the new address.
func (c *Connection) followDestination(ctx context.Context, company int64, reg servicedb.Registration, destination string) error {
	if reg.HookID == 0 || reg.HookDestination == destination {
		return nil
	}
	client, _, err := c.clientAndRow(ctx)
	if err != nil {
		return err
	}
	body := map[string]any{"company_id": company, "hook": map[string]any{"destination_url": destination}}
	if _, err := client.Do(ctx, http.MethodPatch, hookPath(reg.HookID), body, nil); err != nil {
		return err
	}
	reg.HookDestination = destination
	return c.DB.SetRegistration(ctx, company, reg)
}

// metadataHash is what is kept of the metadata sent: its SHA-256.
func metadataHash(metadata any) string {
	b, _ := json.Marshal(metadata) // maps and strings: it always marshals
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// followMetadata sends the ERP connection's metadata again when it is not
// what was last sent (the service handles more than it did, or other
// rules): Procore then offers what the service does, and only that.
func (c *Connection) followMetadata(ctx context.Context, company int64, reg servicedb.Registration, metadata any) error {
	hash := metadataHash(metadata)
	if reg.ERPConnectionID == 0 || reg.MetadataHash == hash {
		return nil
	}
	client, _, err := c.clientAndRow(ctx)
	if err != nil {
		return err
	}
	body := map[string]any{"connection": map[string]any{"metadata": metadata}}
	if _, err := client.Do(ctx, http.MethodPatch, erpConnectionPath(company, reg.ERPConnectionID), body, nil); err != nil {
		return err
	}
	reg.MetadataHash = hash
	return c.DB.SetRegistration(ctx, company, reg)
}
