package quickbooks

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// Kind sorts failures by what the user can do about them.
type Kind string

const (
	KindHostNotFound       Kind = "hostNotFound"
	KindConnectionRefused  Kind = "connectionRefused"
	KindTimeout            Kind = "timeout"
	KindCertificate        Kind = "certificateNotTrusted"
	KindUnauthorized       Kind = "unauthorized"
	KindServiceError       Kind = "serviceError"
	KindNotQuickBooks      Kind = "notQuickBooks"
	KindQuickBooksNotReady Kind = "quickBooksNotReady"
	KindConnectionLost     Kind = "connectionLost"
	KindCanceled           Kind = "canceled"
	KindRefreshFailed      Kind = "refreshFailed"
	// KindCreatePending: the service queued the creation and QuickBooks
	// has not made the item yet (the Web Connector has not called).
	KindCreatePending Kind = "createPending"
	// KindRefreshPending: the wait ended with the refresh still queued at
	// the service (the Web Connector has not called).
	KindRefreshPending Kind = "refreshPending"
	// Reported by QuickBooks itself (Error.QuickBooks holds its code):
	KindQuickBooksBusy    Kind = "quickBooksBusy"    // a dialog open, still starting, a list locked: try again
	KindQuickBooksRefused Kind = "quickBooksRefused" // the integration not authorized, no permission
	KindCompanyFile       Kind = "companyFile"       // another file open, or the wrong file mode
	KindNameInUse         Kind = "nameInUse"         // an item of that name exists
	KindQuickBooksRecord  Kind = "quickBooksRecord"  // a record gone or changed since it was read
	// KindInvalidName: a name QuickBooks would refuse; nothing was sent.
	KindInvalidName Kind = "invalidName"
	// KindSettingsChanged: the service's settings changed since the
	// version the app last saw (HTTP 412); nothing was applied.
	KindSettingsChanged Kind = "settingsChanged"
	// KindSettingsRefused: the service refused values (Error.FieldErrors).
	KindSettingsRefused Kind = "settingsRefused"
	// KindWebConnector: the QuickBooks Web Connector has not called the
	// service lately, never did, or was refused its password (1.3).
	KindWebConnector Kind = "webConnector"
	// KindSignInSlowedDown: the service slowed sign-ins down after wrong
	// passwords in a row, and checked nothing; Error.RetryAfter says when
	// to try again (1.4).
	KindSignInSlowedDown Kind = "signInSlowedDown"
	// KindWrongCompanyFile: the service has another company file open than
	// the one the settings belong to (found by the app, not the client).
	KindWrongCompanyFile Kind = "wrongCompanyFile"
	// The Procore connection (1.5):
	KindProcoreUnsupported  Kind = "procoreUnsupported"  // the service keeps none
	KindProcoreInvalid      Kind = "procoreInvalid"      // fields refused (Error.FieldErrors, with codes)
	KindProcore             Kind = "procore"             // Procore did not take it (Error.ProcoreProblem)
	KindProcoreKeychain     Kind = "procoreKeychain"     // the service's keychain could not be used
	KindProcoreNotConnected Kind = "procoreNotConnected" // none is set
)

func (k Kind) String() string { return string(k) }

// Error is a failed call, explained. Said is for the user, worded when
// shown; Detail is for the log and never holds the password.
type Error struct {
	Kind   Kind
	Said   locale.Said
	Detail string
	// Certificate is set for KindCertificate: what the service presented.
	Certificate *Certificate
	// QuickBooks is QuickBooks' own code, when it reported the failure.
	QuickBooks *serviceapi.Code
	// Retry: trying again soon usually works.
	Retry bool
	// FieldErrors are the values the service refused (KindSettingsRefused).
	FieldErrors []settings.FieldError
	// WebConnector is what the service said of the Web Connector's calls
	// with the failure (health's, 1.3), or nil.
	WebConnector *serviceapi.WebConnector
	// RetryAfter is how long to wait before trying again
	// (KindSignInSlowedDown).
	RetryAfter time.Duration
	// ServiceCode is the error code the service answered with, if any.
	ServiceCode string
	// ProcoreProblem is what Procore found wrong with a connection
	// (KindProcore): a serviceapi.ProcoreProblem code.
	ProcoreProblem string
}

// Error is for the log: the kind, the message's code and the detail, in
// one language whatever the user's.
func (e *Error) Error() string { return fmt.Sprintf("%s: %s (%s)", e.Kind, e.Said.Code, e.Detail) }

// Message is what the user is told, in the language in use.
func (e *Error) Message() string { return e.Said.Text() }

// Certificate describes a TLS certificate the user may choose to trust.
type Certificate struct {
	Fingerprint string // SHA-256 of the DER bytes, upper-case hex pairs joined by ':'
	Subject     string
	Issuer      string
	NotBefore   time.Time
	NotAfter    time.Time
	SelfSigned  bool
	Reason      string // why the system did not trust it, for the log
}

func describeCertificate(c *x509.Certificate, reason error) *Certificate {
	return &Certificate{
		Fingerprint: Fingerprint(c.Raw),
		Subject:     c.Subject.String(),
		Issuer:      c.Issuer.String(),
		NotBefore:   c.NotBefore,
		NotAfter:    c.NotAfter,
		SelfSigned:  bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil,
		Reason:      reason.Error(),
	}
}

func newError(kind Kind, detail string, said locale.Said) *Error {
	return &Error{Kind: kind, Said: said, Detail: detail}
}
