package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
)

// cliChecks words the checklist for the command line: a remedy names a
// command or option where the window's names a button.
func cliChecks(checks []appservice.Check, serviceURL string, res appservice.ConnectionResult) []checkJSON {
	out := make([]checkJSON, len(checks))
	for i, ch := range checks {
		message := ch.Said.Text()
		switch {
		case ch.Kind != "":
			message = serviceProblem(serviceFailure{ch.Kind, message, res.Certificate}, serviceURL)
		case ch.Remedy == appservice.RemedyRefreshItems:
			message = locale.T("%s Run: qbsettings items refresh", message)
		case ch.Remedy == appservice.RemedySendSettings && ch.Status == appservice.CheckFail:
			message = locale.T("%s Run qbsettings settings apply --keep-local to replace them with this computer's, or --take-service to save them here.", message)
		case ch.Remedy == appservice.RemedySendSettings:
			message = locale.T("%s Run: qbsettings settings apply", message)
		case ch.Remedy == appservice.RemedyConnectProcore:
			message = locale.T("%s Run: printf '%%s\\n' \"$SECRET\" | qbsettings procore set --company-id ID --client-id ID", message)
		case ch.Remedy == appservice.RemedyChooseItem:
			message = locale.T("%s Run: qbsettings items list, then qbsettings settings set \"retainageItem=NAME\"", message)
		}
		out[i] = checkJSON{ID: ch.ID, Label: ch.Label, Status: ch.Status, Message: message, Kind: ch.Kind, Remedy: ch.Remedy}
	}
	return out
}

// checkJSON is a line of the readiness checklist, as connection test
// --json prints it.
type checkJSON struct {
	ID      appservice.CheckID     `json:"id"`
	Label   string                 `json:"label"`
	Status  appservice.CheckStatus `json:"status"`
	Message string                 `json:"message"`
	Kind    quickbooks.Kind        `json:"kind,omitempty"`
	Remedy  appservice.Remedy      `json:"remedy,omitempty"`
}

// ConnectionJSON is what connection test --json prints.
type ConnectionJSON struct {
	Connected bool      `json:"connected"`
	CheckedAt time.Time `json:"checkedAt"`
	// Kind sorts a failure (quickbooks.Kind), empty when connected.
	Kind quickbooks.Kind `json:"kind,omitempty"`
	// Message is the outcome in words: the company file, or what failed
	// and what to do.
	Message     string           `json:"message"`
	Certificate *CertificateJSON `json:"certificate,omitempty"`
	// Checks is the readiness checklist, every link a sync needs.
	Checks []checkJSON `json:"checks"`
}

// checkMarks mark a checklist line's outcome on a terminal or in a log.
var checkMarks = map[appservice.CheckStatus]string{
	appservice.CheckPass: "[ok]  ", appservice.CheckWarning: "[warn]", appservice.CheckFail: "[fail]", appservice.CheckSkipped: "[--]  ",
}

type connectionTest struct {
	valuesInput
	jsonOption
}

func (in *connectionTest) declare(fs *flag.FlagSet) {
	in.valuesInput.declare(fs)
	in.jsonOption.declare(fs)
}

func (in *connectionTest) run(ctx context.Context, c *call) error {
	_, ch, err := in.change(ctx, c, c.args)
	if err != nil {
		return err
	}
	res, errs, err := c.b.Service.TestConnection(ctx, in.profile, ch)
	if err != nil {
		return atService(err, ch.Settings.ServiceURL)
	}
	if len(errs) > 0 {
		return c.refused(errs, "")
	}
	message := res.Status.Outcome.Text()
	if !res.Status.Connected {
		message = serviceProblem(serviceFailure{res.Kind, message, res.Certificate}, ch.Settings.ServiceURL)
	}
	if in.json {
		out := ConnectionJSON{Connected: res.Status.Connected, CheckedAt: res.Status.CheckedAt, Kind: res.Kind, Message: message,
			Checks: cliChecks(res.Checks, ch.Settings.ServiceURL, res)}
		if res.Certificate != nil {
			out.Certificate = certificateJSON(quickbooks.Presented{Certificate: res.Certificate}, ch.Settings.ServiceURL)
		}
		if err := c.printJSON(out); err != nil {
			return err
		}
	} else {
		if res.Status.Connected {
			locale.Fprintf(c.Stdout, "Connected. %s\n", message)
		} else {
			locale.Fprintf(c.Stdout, "Not Connected. %s\n", message)
		}
		for _, check := range cliChecks(res.Checks, ch.Settings.ServiceURL, res) {
			fmt.Fprintf(c.Stdout, "  %s %s: %s\n", checkMarks[check.Status], check.ID, check.Message)
		}
	}
	if !res.Status.Connected {
		return errTold
	}
	return nil
}

type connectionRebind struct{ valuesInput }

func (in *connectionRebind) run(ctx context.Context, c *call) error {
	_, ch, err := in.change(ctx, c, c.args)
	if err != nil {
		return err
	}
	file, errs, err := c.b.Service.RebindCompanyFile(ctx, in.profile, ch)
	if err != nil {
		return atService(err, ch.Settings.ServiceURL)
	}
	if len(errs) > 0 {
		return c.refused(errs, "")
	}
	locale.Fprintf(c.Stdout, "These settings now belong to the company file %s.\n", appservice.FileName(file))
	return nil
}
