package desktop

import (
	"strings"

	"qbsettings/backend/appservice"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// Connection is the link to the QuickBooks service: the connection test
// and its checklist, the item list, the retainage item made in QuickBooks,
// the certificates trusted, and the company file the settings belong to.
type Connection struct{ *shell }

// CertificateInfo is a certificate the service presented that this computer
// does not trust; times are worded by timeText.
type CertificateInfo struct {
	Fingerprint string `json:"fingerprint"`
	Subject     string `json:"subject"`
	Issuer      string `json:"issuer"`
	NotAfter    string `json:"notAfter"`
	SelfSigned  bool   `json:"selfSigned"`
}

// TrustedCertificateInfo is a certificate the user trusts for one address.
type TrustedCertificateInfo struct {
	Origin      string `json:"origin"`
	Fingerprint string `json:"fingerprint"`
	Subject     string `json:"subject"`
	TrustedAt   string `json:"trustedAt"`
}

// ConnectionTestResult is what Test connection found: a status, or the
// field errors that stopped it, or a message for the user.
type ConnectionTestResult struct {
	Status      ConnectionStatus      `json:"status"`
	Kind        quickbooks.Kind       `json:"kind"`
	Certificate *CertificateInfo      `json:"certificate"`
	FieldErrors []settings.FieldError `json:"fieldErrors"`
	Error       string                `json:"error"`
	Canceled    bool                  `json:"canceled"`
	// Checks is the readiness checklist, in the order the links depend on
	// each other.
	Checks []Check `json:"checks"`
	// OpenCompanyFile names the company file the service has open, for the
	// choice to use it when it is not the settings' own.
	OpenCompanyFile string `json:"openCompanyFile"`
}

func (r *ConnectionTestResult) failWith(problem string) { r.Error = problem }

// Check is a line of the readiness checklist: what was found, or one next
// step, and, for a program, what failed and the app's action that helps.
type Check struct {
	ID      appservice.CheckID     `json:"id"`
	Label   string                 `json:"label"`
	Status  appservice.CheckStatus `json:"status"`
	Message string                 `json:"message"`
	Kind    quickbooks.Kind        `json:"kind,omitempty"`
	Remedy  appservice.Remedy      `json:"remedy,omitempty"`
}

func toChecks(checks []appservice.Check) []Check {
	out := make([]Check, len(checks))
	for i, ch := range checks {
		out[i] = Check{ID: ch.ID, Label: ch.Label, Status: ch.Status, Message: windowText(ch.Said), Kind: ch.Kind, Remedy: ch.Remedy}
	}
	return out
}

// RefreshResult is the refreshed item list, or why it was not refreshed.
type RefreshResult struct {
	ItemList ItemListInfo `json:"itemList"`
	// LeftOut counts the items the service sent that QuickBooks could not
	// have: left out of the list, which the rest still make.
	LeftOut     int                   `json:"leftOut"`
	FieldErrors []settings.FieldError `json:"fieldErrors"`
	Error       string                `json:"error"`
}

func (r *RefreshResult) failWith(problem string) { r.Error = problem }

// TrustResult is the trusted certificates after a change, or why it failed.
type TrustResult struct {
	Trusted []TrustedCertificateInfo `json:"trusted"`
	Error   string                   `json:"error"`
}

func (r *TrustResult) failWith(problem string) { r.Error = problem }

// TestConnection checks the connection values in the form without saving
// them. It gives up after 10 s; CancelConnectionTest stops it sooner.
func (c *Connection) TestConnection(ch settings.Change) ConnectionTestResult {
	return serve(c.shell, func(svc *appservice.Service) ConnectionTestResult {
		ctx, done := c.ops.start(c.context(), "connection")
		defer done()
		res, errs, err := svc.TestConnection(ctx, c.currentProfile(), ch)
		switch {
		case err != nil:
			return ConnectionTestResult{Error: windowMessage(err)}
		case len(errs) > 0:
			return ConnectionTestResult{FieldErrors: windowFieldErrors(errs)}
		}
		out := ConnectionTestResult{Status: toConnectionStatus(res.Status), Kind: res.Kind, Canceled: res.Kind == quickbooks.KindCanceled,
			Checks: toChecks(res.Checks), OpenCompanyFile: appservice.FileName(res.OpenFile)}
		if cert := res.Certificate; cert != nil {
			out.Certificate = &CertificateInfo{Fingerprint: cert.Fingerprint, Subject: cert.Subject, Issuer: cert.Issuer,
				NotAfter: timeText(cert.NotAfter), SelfSigned: cert.SelfSigned}
		}
		return out
	})
}

// RebindCompanyFile makes the company file the service has open the one
// these settings belong to (the user chose it after a test found another
// file open), then tests the connection again.
func (c *Connection) RebindCompanyFile(ch settings.Change) ConnectionTestResult {
	return serve(c.shell, func(svc *appservice.Service) ConnectionTestResult {
		_, errs, err := svc.RebindCompanyFile(c.context(), c.currentProfile(), ch)
		switch {
		case err != nil:
			return ConnectionTestResult{Error: windowMessage(err)}
		case len(errs) > 0:
			return ConnectionTestResult{FieldErrors: windowFieldErrors(errs)}
		}
		return c.TestConnection(ch)
	})
}

// CreateItemResult is the item created in QuickBooks with the refreshed
// list, or why it was not created.
type CreateItemResult struct {
	Item        *ItemOption           `json:"item"`
	ItemList    ItemListInfo          `json:"itemList"`
	FieldErrors []settings.FieldError `json:"fieldErrors"`
	Error       string                `json:"error"`
}

func (r *CreateItemResult) failWith(problem string) { r.Error = problem }

// CreateRetainageItem creates a Service item named name in QuickBooks with
// the connection values in the form, refreshes the list, and returns the
// new item for the form to choose. A service that queues the creation is
// waited for up to 3 minutes; CancelCreateItem stops waiting sooner.
func (c *Connection) CreateRetainageItem(ch settings.Change, name string) CreateItemResult {
	return serve(c.shell, func(svc *appservice.Service) CreateItemResult {
		ctx, done := c.ops.start(c.context(), "create")
		defer done()
		it, list, errs, err := svc.CreateRetainageItem(ctx, c.currentProfile(), ch, name)
		switch {
		case err != nil:
			return CreateItemResult{Error: windowMessage(err)}
		case len(errs) > 0:
			return CreateItemResult{FieldErrors: windowFieldErrors(errs)}
		}
		item := ItemOption{ListID: it.ListID, FullName: it.FullName, Type: it.Type, IsActive: it.IsActive}
		return CreateItemResult{Item: &item, ItemList: toItemListInfo(list.ItemListSummary)}
	})
}

// CancelCreateItem stops waiting for an item to be created. A service
// that queued it still creates it when QuickBooks can be reached.
func (c *Connection) CancelCreateItem() { c.ops.cancel("create") }

// CancelConnectionTest stops a running connection test.
func (c *Connection) CancelConnectionTest() { c.ops.cancel("connection") }

// RefreshItems has the service re-read QuickBooks' items and stores them,
// reporting progress as EventItemsRefreshProgress events.
func (c *Connection) RefreshItems(ch settings.Change) RefreshResult {
	return serve(c.shell, func(svc *appservice.Service) RefreshResult {
		ctx, done := c.ops.start(c.context(), "refresh")
		defer done()
		list, errs, err := svc.RefreshItems(ctx, c.currentProfile(), ch, func(state string) {
			c.window.EventsEmit(c.ctx, EventItemsRefreshProgress, state)
		})
		switch {
		case err != nil:
			return RefreshResult{Error: windowMessage(err)}
		case len(errs) > 0:
			return RefreshResult{FieldErrors: windowFieldErrors(errs)}
		}
		return RefreshResult{ItemList: toItemListInfo(list.ItemListSummary), LeftOut: list.LeftOut}
	})
}

// ItemIndexResult is the stored item list in the picker's order, for the
// page to search as the user types: the full names, the ListIDs and the
// kinds, each joined by line ends (none holds one: a name with a control
// character is never stored), one line an item. A kind is a letter: S a
// Service item, O Other Charge, N Non-inventory, X another type; lower
// case when the item is inactive. Version is the list's.
type ItemIndexResult struct {
	Version int64  `json:"version"`
	Names   string `json:"names"`
	ListIDs string `json:"listIds"`
	Kinds   string `json:"kinds"`
	Error   string `json:"error"`
}

func (r *ItemIndexResult) failWith(problem string) { r.Error = problem }

// ItemIndex is the stored item list for the picker, asked once per
// version of the list, after the form is on screen.
func (c *Connection) ItemIndex() ItemIndexResult {
	return serve(c.shell, func(svc *appservice.Service) ItemIndexResult {
		ix, err := svc.PickerItems(c.context(), c.currentProfile())
		if err != nil {
			return ItemIndexResult{Error: windowMessage(err)}
		}
		return toItemIndex(ix)
	})
}

// itemKinds are the letters of ItemIndexResult.Kinds.
var itemKinds = map[string]byte{"Service": 'S', "OtherCharge": 'O', "NonInventory": 'N'}

func toItemIndex(ix appservice.ItemIndex) ItemIndexResult {
	var names, ids strings.Builder
	kinds := make([]byte, len(ix.Items))
	for i, it := range ix.Items {
		if i > 0 {
			names.WriteByte('\n')
			ids.WriteByte('\n')
		}
		names.WriteString(it.FullName)
		ids.WriteString(it.ListID)
		k, ok := itemKinds[it.Type]
		if !ok {
			k = 'X'
		}
		if !it.IsActive {
			k += 'a' - 'A'
		}
		kinds[i] = k
	}
	return ItemIndexResult{Version: ix.Version, Names: names.String(), ListIDs: ids.String(), Kinds: string(kinds)}
}

// CancelRefresh stops a running list refresh; the stored list stays.
func (c *Connection) CancelRefresh() { c.ops.cancel("refresh") }

// TrustCertificate trusts the certificate with fingerprint for the address
// of serviceURL.
func (c *Connection) TrustCertificate(serviceURL, fingerprint, subject string) TrustResult {
	return serve(c.shell, func(svc *appservice.Service) TrustResult {
		if err := svc.TrustCertificate(c.context(), c.currentProfile(), serviceURL, fingerprint, subject); err != nil {
			return TrustResult{Error: windowMessage(err)}
		}
		return c.trusted(svc)
	})
}

// RemoveTrustedCertificate stops trusting the certificate of origin.
func (c *Connection) RemoveTrustedCertificate(origin string) TrustResult {
	return serve(c.shell, func(svc *appservice.Service) TrustResult {
		if err := svc.RemoveTrustedCertificate(c.context(), c.currentProfile(), origin); err != nil {
			return TrustResult{Error: windowMessage(err)}
		}
		return c.trusted(svc)
	})
}

func (c *Connection) trusted(svc *appservice.Service) TrustResult {
	list, err := svc.TrustedCertificates(c.context(), c.currentProfile())
	if err != nil {
		return TrustResult{Error: windowMessage(err)}
	}
	return TrustResult{Trusted: toTrustedInfos(list)}
}

func toTrustedInfos(list []store.TrustedCertificate) []TrustedCertificateInfo {
	out := make([]TrustedCertificateInfo, len(list))
	for i, c := range list {
		out[i] = TrustedCertificateInfo{Origin: c.Origin, Fingerprint: c.Fingerprint, Subject: c.Subject, TrustedAt: timeText(c.TrustedAt)}
	}
	return out
}
