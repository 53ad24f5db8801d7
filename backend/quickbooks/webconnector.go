package quickbooks

import (
	"time"

	"qbsettings/backend/locale"
	"qbsettings/serviceapi"
)

// What the app says of the QuickBooks Web Connector (contract 1.3), in its
// own words: a service that QuickBooks reaches through the Web Connector
// says when it last called, whether its password was refused and how the
// service ended its last session; what to do about each is done on the
// QuickBooks computer, in the Web Connector.
var (
	saidWCNeverCalled = locale.Coded("qb.webConnectorNeverCalled", "The QuickBooks Web Connector has not called the QuickBooks service yet. On the QuickBooks computer, add this company's .qwc file to the Web Connector (Add an application), type the Service Password in its Password column, and tick Auto-Run.")
	saidWCQuiet       = locale.Coded("qb.webConnectorQuiet", "The QuickBooks Web Connector has not called the QuickBooks service for %s, since %s. On the QuickBooks computer, start the QuickBooks Web Connector if it is not running (its icon is beside the clock), and check that Auto-Run is ticked for this company.")
	// A schedule seen of two minutes or more: the bookkeeper set the Web
	// Connector to call less often than the .qwc's minute, and the service
	// waited three of its intervals.
	saidWCQuietSchedule = locale.Coded("qb.webConnectorQuietSchedule", "The QuickBooks Web Connector has not called the QuickBooks service for %s, since %s, although it had been calling about every %s. On the QuickBooks computer, start the QuickBooks Web Connector if it is not running (its icon is beside the clock), and check that Auto-Run is ticked for this company.")
	saidWCRefused       = locale.Coded("qb.webConnectorSignInRefused", "The QuickBooks Web Connector called at %s, but the QuickBooks service did not accept the password typed in it. On the QuickBooks computer, in the Web Connector, type the Service Password again in this company's Password column, then choose Update Selected.")
	saidWCCalled        = locale.Coded("qb.webConnectorCalled", "The QuickBooks Web Connector last called %s ago, at %s.")
	saidWCUnreadable    = locale.Coded("qb.webConnectorUnreadable", "The QuickBooks Web Connector's last update, at %s, was stopped: QuickBooks sent an answer the QuickBooks service could not read, so nothing was changed. In the Web Connector, choose Update Selected; if it happens again, restart QuickBooks on that computer.")
	saidWCUnexpected    = locale.Coded("qb.webConnectorUnexpected", "The QuickBooks Web Connector's last update, at %s, was stopped: QuickBooks answered a request the QuickBooks service had not sent, so nothing was changed. In the Web Connector, choose Update Selected; if it happens again, restart QuickBooks on that computer.")
	saidWCInvalid       = locale.Coded("qb.webConnectorInvalid", "The QuickBooks Web Connector's last update, at %s, was stopped: QuickBooks sent a value longer than QuickBooks itself allows (a damaged record), so the QuickBooks service kept nothing of that answer and the work stays queued. In the Web Connector, choose Update Selected; if it happens again, run Verify Data in QuickBooks (File > Utilities) on that computer.")
	saidWCOtherError    = locale.Coded("qb.webConnectorError", "The QuickBooks Web Connector's last update, at %s, was stopped by the QuickBooks service. The Web Connector shows why beside this company; choose Update Selected there to try again.")

	saidAMoment = locale.Coded("qb.aMoment", "a moment")
	saidSeconds = locale.Coded("qb.seconds", "%d seconds")
	saidMinutes = locale.Coded("qb.minutes", "%d minutes")
	saidHours   = locale.Coded("qb.hours", "%d hours")
	saidDays    = locale.Coded("qb.days", "%d days")
)

// webConnectorError explains health's 503 for the Web Connector (code),
// with what the service knows of its calls (wc, possibly nil); ok is
// false for any other code.
func webConnectorError(code string, wc *serviceapi.WebConnector, detail string, now time.Time) (*Error, bool) {
	var said locale.Said
	switch {
	case code == serviceapi.CodeWebConnectorSignInRefused && wc != nil && !wc.SignInRefusedAt.IsZero():
		said = saidWCRefused.With(dateTime(wc.SignInRefusedAt))
	case code == serviceapi.CodeWebConnectorQuiet && wc != nil && !wc.LastCallAt.IsZero() && wc.CallsEverySeconds >= 120:
		said = saidWCQuietSchedule.With(howLong(now.Sub(wc.LastCallAt)), dateTime(wc.LastCallAt), howLong(time.Duration(wc.CallsEverySeconds)*time.Second))
	case code == serviceapi.CodeWebConnectorQuiet && wc != nil && !wc.LastCallAt.IsZero():
		said = saidWCQuiet.With(howLong(now.Sub(wc.LastCallAt)), dateTime(wc.LastCallAt))
	case code == serviceapi.CodeWebConnectorNeverCalled:
		said = saidWCNeverCalled.With()
	default:
		// A 1.2 service's, without the times: its own words stand.
		return nil, false
	}
	return newError(KindWebConnector, detail, said), true
}

// WebConnectorCalled says when the Web Connector last called, as of now:
// how long ago and at what time, and how its last session ended when the
// service stopped it (problem is true then).
func WebConnectorCalled(wc serviceapi.WebConnector, now time.Time) (said locale.Said, problem bool) {
	if wc.LastCallAt.IsZero() {
		return saidWCNeverCalled.With(), true
	}
	at := dateTime(wc.LastCallAt)
	switch wc.LastError {
	case "":
		return saidWCCalled.With(howLong(now.Sub(wc.LastCallAt)), at), false
	case serviceapi.WebConnectorUnreadable:
		return saidWCUnreadable.With(at), true
	case serviceapi.WebConnectorUnexpected:
		return saidWCUnexpected.With(at), true
	case serviceapi.WebConnectorInvalid:
		return saidWCInvalid.With(at), true
	}
	return saidWCOtherError.With(at), true
}

// howLong words a span of time as a bookkeeper says it: in seconds under a
// minute, in minutes under two hours, in hours under two days, then in
// days.
func howLong(d time.Duration) locale.Said {
	switch {
	case d < time.Second: // or a clock ahead of this computer's
		return saidAMoment.With()
	case d < time.Minute:
		return saidSeconds.With(int(d / time.Second))
	case d < 2*time.Hour:
		return saidMinutes.With(int(d / time.Minute))
	case d < 48*time.Hour:
		return saidHours.With(int(d / time.Hour))
	}
	return saidDays.With(int(d / (24 * time.Hour)))
}

// dateTime writes t as the language in use writes a date and time, in
// this computer's time zone.
func dateTime(t time.Time) string { return locale.Current().DateTime(t.Local()) }

// webConnectorOf is the service's account of the Web Connector, checked:
// a code this client does not know stands as one it words generally.
func webConnectorOf(wc *serviceapi.WebConnector) *serviceapi.WebConnector {
	if wc == nil {
		return nil
	}
	out := *wc
	switch out.LastError {
	case "", serviceapi.WebConnectorUnreadable, serviceapi.WebConnectorUnexpected, serviceapi.WebConnectorInvalid:
	default:
		out.LastError = webConnectorOtherError
	}
	return &out
}

// webConnectorOtherError stands for a LastError code this client does not
// know (a newer service's, or garbage): worded as the service's stop.
const webConnectorOtherError = "other"
