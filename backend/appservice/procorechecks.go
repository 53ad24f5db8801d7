package appservice

import (
	"context"
	"errors"
	"strconv"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/serviceapi"
)

// The readiness checklist's Procore lines: the service's connection to
// Procore, and Procore's requests reaching it. They hang on the service
// and the sign-in only, not on QuickBooks: a service whose Web Connector
// is quiet still works with Procore.
const (
	CheckProcore       CheckID = "procore"       // the service is signed in to the Procore company
	CheckProcoreEvents CheckID = "procoreEvents" // it is registered in Procore and reads its requests
)

// RemedyConnectProcore: connect the service to Procore (the window's
// Procore section; qbsettings procore set).
const RemedyConnectProcore Remedy = "connectProcore"

// procoreQuiet is how long the service may go without reading Procore's
// requests before the checklist warns: ten of its rounds.
const procoreQuiet = 5 * time.Minute

// procoreChecks reads the service's Procore connection with what is left
// of the test's time, and makes its lines: none from a service that keeps
// no Procore connection, nor when the service or the sign-in failed.
func procoreChecks(ctx context.Context, client *quickbooks.Client, failure *quickbooks.Error, now time.Time) []Check {
	if failure != nil {
		if link := linkOf(failure.Kind); link == CheckService || link == CheckSignIn {
			return nil
		}
	}
	st, err := client.Procore(ctx)
	var qe *quickbooks.Error
	switch {
	case errors.As(err, &qe) && qe.Kind == quickbooks.KindProcoreUnsupported:
		return nil
	case errors.As(err, &qe):
		return []Check{{ID: CheckProcore, Status: CheckWarning, Said: saidProcoreUnread.With(qe.Said), Kind: qe.Kind}}
	case err != nil:
		return []Check{{ID: CheckProcore, Status: CheckWarning, Said: saidProcoreUnreadNoReason.With()}}
	}
	c := st.Connection
	switch {
	case c == nil:
		return []Check{{ID: CheckProcore, Status: CheckFail, Said: saidProcoreNotConnected.With(), Remedy: RemedyConnectProcore}}
	case c.Problem != "":
		return []Check{
			{ID: CheckProcore, Status: CheckFail, Said: quickbooks.ProcoreProblem(c.Problem, c.CompanyID), Remedy: RemedyConnectProcore},
			{ID: CheckProcoreEvents, Status: CheckSkipped, Said: saidNotChecked.With()},
		}
	}
	// An ID is a name, not a number to group in thousands.
	signedIn := Check{ID: CheckProcore, Status: CheckPass, Said: saidProcoreSignedIn.With(orDefault(c.CompanyName, "Procore"), strconv.FormatInt(c.CompanyID, 10))}
	return []Check{signedIn, procoreEventsCheck(*c, now)}
}

// procoreEventsCheck says whether Procore's requests reach the service:
// registered in Procore's ERP Integrations, and read lately.
func procoreEventsCheck(c serviceapi.ProcoreConnection, now time.Time) Check {
	check := func(status CheckStatus, said locale.Said) Check {
		return Check{ID: CheckProcoreEvents, Status: status, Said: said}
	}
	switch {
	case c.RegisteredAt.IsZero():
		return check(CheckWarning, saidProcoreNotRegistered.With())
	case c.PolledAt.IsZero() || now.Sub(c.PolledAt) > procoreQuiet:
		return check(CheckWarning, saidProcoreNotPolled.With(dateTime(c.PolledAt, c.RegisteredAt)))
	}
	said := saidProcorePolled.With(dateTime(c.PolledAt), dateTime(c.LastEventAt))
	if c.LastEventAt.IsZero() {
		said = saidProcorePolledNoEvent.With(dateTime(c.PolledAt))
	}
	if !c.Receives {
		// It works, and the bookkeeper should know how far.
		said = saidProcoreOnlyPolled.With(said)
	}
	return check(CheckPass, said)
}

// dateTime words the first time that is not zero, in the locale in use.
func dateTime(times ...time.Time) string {
	for _, t := range times {
		if !t.IsZero() {
			return locale.Current().DateTime(t.Local())
		}
	}
	return ""
}

var (
	saidProcoreSignedIn       = locale.Coded("check.procoreSignedIn", "The QuickBooks service is signed in to Procore for %s (company ID %s).")
	saidProcoreNotConnected   = locale.Coded("check.procoreNotConnected", "The QuickBooks service is not connected to Procore yet, so nothing moves between Procore and QuickBooks. Connect it with the Procore company's ID and its service account's Client ID and Client Secret.")
	saidProcoreUnread         = locale.Coded("check.procoreUnread", "The QuickBooks service's connection to Procore could not be read: %s")
	saidProcoreUnreadNoReason = locale.Coded("check.procoreUnreadNoReason", "The QuickBooks service's connection to Procore could not be read. Test again.")
	saidProcoreNotRegistered  = locale.Coded("check.procoreNotRegistered", "The QuickBooks service has not registered in Procore's ERP Integrations yet. It does within a minute of connecting; if this lasts, a Procore super user must turn ERP Integrations on for the company (Company Admin, ERP Integrations), then test again.")
	saidProcoreNotPolled      = locale.Coded("check.procoreNotPolled", "The QuickBooks service has not read Procore's requests since %s. Check that its computer reaches the Internet; if it does, restart the QuickBooks service.")
	saidProcorePolledNoEvent  = locale.Coded("check.procorePolledNoEvent", "The QuickBooks service reads Procore's requests (last at %s); none has come yet.")
	saidProcorePolled         = locale.Coded("check.procorePolled", "The QuickBooks service reads Procore's requests (last at %s); the last one came at %s.")
	saidProcoreOnlyPolled     = locale.Coded("check.procoreOnlyPolled", "%s Procore cannot reach this computer, so when several requests are sent together it holds the later ones back, for up to 12 hours. To have each one at once, ask IT to relay Procore's webhooks to the QuickBooks service (its -public-url).")
)
