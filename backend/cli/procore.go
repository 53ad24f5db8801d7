package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/serviceapi"
)

// The Procore connection, which the QuickBooks service keeps: the company
// the service is Procore's ERP integrator of, and its service account.

// ProcoreJSON is what procore status, set and test print with --json
// (documented in README).
type ProcoreJSON struct {
	// Connected: a connection is kept, and its last check passed.
	Connected   bool      `json:"connected"`
	CompanyID   int64     `json:"companyId,omitempty"`
	CompanyName string    `json:"companyName,omitempty"`
	ClientID    string    `json:"clientId,omitempty"`
	Environment string    `json:"environment,omitempty"`
	BaseURL     string    `json:"baseUrl,omitempty"`
	CheckedAt   time.Time `json:"checkedAt,omitzero"`
	// Problem is the last check's problem code, and Message its words.
	Problem string `json:"problem,omitempty"`
	Message string `json:"message,omitempty"`
}

func procoreJSON(v appservice.ProcoreView) ProcoreJSON {
	c := v.Connection
	if v.Unsupported {
		return ProcoreJSON{Message: v.Said.Text()}
	}
	if c == nil {
		return ProcoreJSON{}
	}
	return ProcoreJSON{Connected: c.Problem == "", CompanyID: c.CompanyID, CompanyName: c.CompanyName, ClientID: c.ClientID,
		Environment: c.Environment, BaseURL: c.BaseURL, CheckedAt: c.CheckedAt, Problem: c.Problem, Message: v.Problem.Text()}
}

// maxSecretInput bounds what is read as a Client Secret: more than any
// secret, so an overlong one reaches the rule and is refused there.
const maxSecretInput = 4 << 10

// procoreStatus shows the connection the service keeps.
type procoreStatus struct {
	profileOption
	jsonOption
}

func (in *procoreStatus) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
}

func (in *procoreStatus) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("procore status takes no arguments"))
	}
	v, err := c.b.Service.Procore(ctx, in.profile)
	if err != nil {
		return err
	}
	return c.printProcore(v, in.json)
}

// procoreSet connects the service to a Procore company: the Client Secret
// is read from standard input (never an argument, which other users of
// the computer could see), or with --keep-secret the service keeps the
// one it has.
type procoreSet struct {
	profileOption
	jsonOption
	companyID, clientID, environment, baseURL string
	keepSecret                                bool
}

func (in *procoreSet) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
	fs.StringVar(&in.companyID, "company-id", "", "the Procore company's ID")
	fs.StringVar(&in.clientID, "client-id", "", "the service account's Client ID")
	fs.StringVar(&in.environment, "environment", serviceapi.ProcoreProduction, "production, sandbox or custom")
	fs.StringVar(&in.baseURL, "base-url", "", "custom's address")
	fs.BoolVar(&in.keepSecret, "keep-secret", false, "keep the Client Secret the service has")
}

func (in *procoreSet) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("procore set takes options only; the Client Secret is read from standard input"))
	}
	p := appservice.ProcoreInput{CompanyID: in.companyID, ClientID: in.clientID, Environment: in.environment, BaseURL: in.baseURL}
	if !in.keepSecret {
		secret, err := c.readSecret()
		if err != nil {
			return err
		}
		p.ClientSecret = secret
	}
	v, errs, err := c.b.Service.ConnectProcore(ctx, in.profile, p)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintf(c.Stderr, "%s: %s\n", procoreOption(appservice.ProcoreField(e.Field)), e.Message)
		}
		locale.Fprintf(c.Stderr, "Nothing was changed.\n")
		return errTold
	}
	return c.printProcore(v, in.json)
}

// procoreTest has the service sign in to Procore with the connection it
// keeps; exit 1 unless it passed.
type procoreTest struct {
	profileOption
	jsonOption
}

func (in *procoreTest) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
}

func (in *procoreTest) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("procore test takes no arguments"))
	}
	v, err := c.b.Service.TestProcore(ctx, in.profile)
	if err != nil {
		return err
	}
	if err := c.printProcore(v, in.json); err != nil {
		return err
	}
	if v.Connection == nil || v.Connection.Problem != "" {
		return errTold
	}
	return nil
}

// procoreRemove has the service forget the connection and its secret.
type procoreRemove struct {
	profileOption
	yesOption
}

func (in *procoreRemove) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.yesOption.declare(fs)
}

func (in *procoreRemove) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("procore remove takes no arguments"))
	}
	if !in.yes && !c.confirm(locale.T("Disconnect the QuickBooks service from Procore, forgetting its Client Secret? [y/N] ")) {
		locale.Fprintf(c.Stderr, "Nothing was changed. (Add --yes to disconnect without being asked.)\n")
		return errTold
	}
	if err := c.b.Service.DisconnectProcore(ctx, in.profile); err != nil {
		return err
	}
	locale.Fprintf(c.Stdout, "The QuickBooks service is no longer connected to Procore.\n")
	return nil
}

// readSecret reads the Client Secret: all of standard input, one line
// break at its end dropped. A second line is kept, and refused by the
// rule, rather than dropped in silence: a secret cut short is another
// secret.
func (c *call) readSecret() (string, error) {
	data, err := io.ReadAll(io.LimitReader(c.Stdin, maxSecretInput))
	secret := strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
	if err != nil || secret == "" {
		return "", failed(locale.T("no Client Secret on standard input. Give it as one line, for example: printf '%%s\\n' \"$SECRET\" | qbsettings procore set …; or --keep-secret to keep the service's"))
	}
	return secret, nil
}

func (c *call) printProcore(v appservice.ProcoreView, asJSON bool) error {
	if asJSON {
		return c.printJSON(procoreJSON(v))
	}
	conn := v.Connection
	if v.Unsupported {
		fmt.Fprintln(c.Stdout, v.Said.Text())
		return nil
	}
	if conn == nil {
		locale.Fprintf(c.Stdout, "The QuickBooks service is not connected to Procore. Connect it with: qbsettings procore set --company-id ID --client-id ID (the Client Secret on standard input)\n")
		return nil
	}
	// An ID is a name, not a number to group in thousands.
	companyID := strconv.FormatInt(conn.CompanyID, 10)
	name := conn.CompanyName
	if name == "" {
		name = locale.T("company %s", companyID)
	}
	locale.Fprintf(c.Stdout, "Procore company: %s (ID %s), %s\n", name, companyID, environmentWords(conn.Environment, conn.BaseURL))
	locale.Fprintf(c.Stdout, "Service account: Client ID %s\n", conn.ClientID)
	if conn.Problem == "" {
		locale.Fprintf(c.Stdout, "Signed in at %s.\n", c.dateTime(conn.CheckedAt))
		return nil
	}
	locale.Fprintf(c.Stdout, "Not signed in at %s: %s\n", c.dateTime(conn.CheckedAt), v.Problem.Text())
	return nil
}

func environmentWords(env, base string) string {
	switch env {
	case serviceapi.ProcoreProduction:
		return locale.T("Production")
	case serviceapi.ProcoreSandbox:
		return locale.T("Sandbox")
	}
	return locale.T("at %s", base)
}

// procoreOption is the option of a Procore connection's field.
func procoreOption(f appservice.ProcoreField) string {
	switch f {
	case appservice.ProcoreCompanyID:
		return "--company-id"
	case appservice.ProcoreClientID:
		return "--client-id"
	case appservice.ProcoreClientSecret:
		return locale.T("Client Secret (standard input)")
	case appservice.ProcoreEnvironment:
		return "--environment"
	case appservice.ProcoreBaseURL:
		return "--base-url"
	}
	return string(f)
}

// ActivityJSON is one line of sync activity --json (documented in README).
type ActivityJSON struct {
	ID      int64  `json:"id"`
	Name    string `json:"name,omitempty"`
	Action  string `json:"action"`
	State   string `json:"state"`
	Outcome string `json:"outcome,omitempty"`
	Problem string `json:"problem,omitempty"`
	Message string `json:"message"`
	// Details are what its work did, a line each; Result is the same as
	// the service keeps it (counts by code, records refused…).
	Details   []string                   `json:"details,omitempty"`
	Result    *serviceapi.ActivityResult `json:"result,omitempty"`
	SeenAt    time.Time                  `json:"seenAt"`
	UpdatedAt time.Time                  `json:"updatedAt"`
}

// syncActivity lists what came of Procore's requests at the service.
type syncActivity struct {
	profileOption
	jsonOption
	limit int
}

func (in *syncActivity) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
	fs.IntVar(&in.limit, "limit", 50, "how many, newest first")
}

func (in *syncActivity) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("sync activity takes no arguments"))
	}
	if in.limit < 1 || in.limit > serviceapi.MaxActivity {
		return misused(locale.T("--limit must be 1 to %d", serviceapi.MaxActivity))
	}
	entries, err := c.b.Service.Activity(ctx, in.profile, in.limit)
	if err != nil {
		return err
	}
	if in.json {
		out := make([]ActivityJSON, 0, len(entries))
		for _, e := range entries {
			out = append(out, ActivityJSON{ID: e.ID, Name: e.Name, Action: e.Action.Text(), State: e.State, Outcome: e.Outcome,
				Problem: e.Problem, Message: e.Said.Text(), Details: texts(e.Details), Result: e.Result, SeenAt: e.SeenAt, UpdatedAt: e.UpdatedAt})
		}
		return c.printJSON(out)
	}
	if len(entries) == 0 {
		locale.Fprintf(c.Stdout, "No request from Procore has reached the QuickBooks service yet.\n")
		return nil
	}
	for _, e := range entries {
		fmt.Fprintf(c.Stdout, "%s\t%s\t%s\n", c.dateTime(e.SeenAt), e.Action.Text(), e.Said.Text())
		for _, d := range e.Details {
			fmt.Fprintf(c.Stdout, "\t\t%s\n", d.Text())
		}
	}
	return nil
}

// texts are saids in words.
func texts(saids []locale.Said) []string {
	out := make([]string, len(saids))
	for i, s := range saids {
		out[i] = s.Text()
	}
	return out
}
