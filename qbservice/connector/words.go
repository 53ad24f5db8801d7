package connector

import (
	"qbsettings/qbservice/qbxml"
	"qbsettings/serviceapi"
)

// What the Web Connector shows its user (getLastError, closeConnection):
// the service's own words, kept here. Inside the service a failure is a
// code (sessions.last_error).

// Codes of a session's last error.
const (
	errNone           = ""
	errTicket         = "ticket"
	errVersion        = "qbxmlVersion"
	errUnreadable     = serviceapi.WebConnectorUnreadable // health carries these two (contract 1.3)
	errUnexpected     = serviceapi.WebConnectorUnexpected
	errInvalid        = serviceapi.WebConnectorInvalid
	errQuickBooksCode = "quickbooks:" // followed by the HRESULT
)

// hresultVersion is QuickBooks' HRESULT for a qbXML version it does not
// support: the service says it for a QuickBooks too old for it.
const hresultVersion = "0x80040423"

func lastErrorWords(code string) string {
	switch {
	case code == errNone:
		return ""
	case code == errTicket:
		return "This session of the Web Connector has ended or is not known to the QuickBooks service. The next scheduled update starts a new one; or choose Update Selected now."
	case code == errVersion:
		return "This QuickBooks does not speak a qbXML version the QuickBooks service can use (" + qbxml.MinVersion + " to " + qbxml.MaxVersion + "). Install a newer QuickBooks Desktop, then choose Update Selected."
	case code == errUnreadable:
		return "The QuickBooks service could not read QuickBooks' answer, so nothing was changed. Choose Update Selected to try again."
	case code == errInvalid:
		return "QuickBooks' answer holds a value QuickBooks itself could not have (longer than it allows), so the QuickBooks service kept nothing of it and the work stays queued. Choose Update Selected to try again; if it recurs, run Verify Data in QuickBooks (File > Utilities)."
	case code == errUnexpected:
		return "QuickBooks answered a request the QuickBooks service did not send, so nothing was changed. Choose Update Selected to try again."
	case len(code) > len(errQuickBooksCode) && code[:len(errQuickBooksCode)] == errQuickBooksCode:
		return "QuickBooks could not do what the QuickBooks service asked (" + code[len(errQuickBooksCode):] + "). The work stays queued for the next update; QuickBooks Integration Settings says what to do."
	}
	return "The QuickBooks service stopped this session. Choose Update Selected to try again."
}

// closedWords end a session in the Web Connector's status column.
const closedWords = "QuickBooks Integration Settings: up to date."
