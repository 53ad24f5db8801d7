package quickbooks

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

// transportError explains a request that got no HTTP answer.
func (c *Client) transportError(err error) *Error {
	host := c.base.Hostname()
	var (
		dnsErr    *net.DNSError
		certErr   *certificateError
		recordErr tls.RecordHeaderError
	)
	switch {
	case errors.Is(err, context.Canceled):
		return newError(KindCanceled, err.Error(), locale.T("Canceled."))
	case errors.As(err, &certErr):
		e := newError(KindCertificate, certErr.Error(),
			locale.T("This computer does not trust the security certificate of the service at %s, so nothing was sent to it. If this is your own QuickBooks service with a self-signed certificate, compare the fingerprint below with the one your IT support gives you, then choose Trust this certificate.", c.base.Host))
		e.Certificate = certErr.cert
		return e
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || isTimeout(err):
		return newError(KindTimeout, err.Error(),
			locale.T("The QuickBooks service at %s did not answer in time. Check that the computer running it is on and the service is started, then try again.", c.base.Host))
	case errors.As(err, &dnsErr):
		return newError(KindHostNotFound, err.Error(),
			locale.T("The server name %q could not be found on the network. Check the Service URL for typing mistakes, and that this computer is connected to the office network.", host))
	case connectionRefused(err):
		return newError(KindConnectionRefused, err.Error(),
			locale.T("Nothing is accepting connections at %s. Check that the QuickBooks service is running on that computer and that the port in the Service URL is right.", c.base.Host))
	// net/http turns a plain-HTTP answer to a TLS hello into this text, with
	// no error type to match; other non-TLS answers stay RecordHeaderErrors.
	case errors.As(err, &recordErr) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return newError(KindNotQuickBooks, err.Error(),
			locale.T("The address %s does not answer secure (https) connections. Check the Service URL: ask your IT support whether it starts with https:// or http://.", c.base.Host))
	}
	return newError(KindConnectionLost, err.Error(),
		locale.T("The connection to the QuickBooks service at %s was lost before it answered. Try again; if it keeps happening, restart the QuickBooks service.", c.base.Host))
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// statusError explains an HTTP answer with an unexpected status, using the
// service's own words for the user when it sent them.
func (c *Client) statusError(path string, status int, body []byte) *Error {
	var eb ErrorBody
	parsed := json.Unmarshal(body, &eb) == nil && eb.Error.Code != ""
	detail := fmt.Sprintf("%s: HTTP %d", path, status)
	if parsed {
		detail += fmt.Sprintf(" code=%s message=%q", eb.Error.Code, eb.Error.Message)
	}
	if status == http.StatusUnauthorized {
		return newError(KindUnauthorized, detail,
			locale.T("The QuickBooks service did not accept the Service User and Service Password. Check the user name, and enter the password again with Edit Credentials."))
	}
	if status == http.StatusPreconditionFailed {
		return newError(KindSettingsChanged, detail,
			locale.T("The settings on the QuickBooks service were changed from somewhere else (another computer, or Procore) since this computer last applied them, so nothing was sent. Compare them with yours, then choose which to keep."))
	}
	if parsed && len(eb.Error.FieldErrors) > 0 {
		refused := make([]settings.FieldError, len(eb.Error.FieldErrors))
		for i, fe := range eb.Error.FieldErrors {
			refused[i] = settings.FieldError{Field: fe.Field, Message: displayText(fe.Message, maxMessageRunes)}
		}
		return &Error{Kind: KindSettingsRefused, Detail: detail, FieldErrors: refused,
			Message: locale.T("The QuickBooks service did not accept some of the settings, so none were applied there. The reasons are shown beside the settings.")}
	}
	// QuickBooks' own code, where the service passes it on, has its own
	// next step; an unknown one keeps the service's words.
	if parsed && eb.Error.QuickBooks != nil {
		detail += fmt.Sprintf(" quickbooks=%+v", *eb.Error.QuickBooks)
		if qe, ok := quickBooksError(eb.Error.QuickBooks, detail); ok {
			return qe
		}
	}
	switch {
	case parsed && displayText(eb.Error.UserFacingMessage, maxMessageRunes) != "":
		return &Error{Kind: KindServiceError, Message: displayText(eb.Error.UserFacingMessage, maxMessageRunes), Detail: detail, QuickBooks: eb.Error.QuickBooks}
	case status == http.StatusNotFound && !parsed, status < 400, !parsed && status < 500:
		return c.notQuickBooks(detail)
	}
	return newError(KindServiceError, detail,
		locale.T("The QuickBooks service reported a problem (error %d). Try again in a few minutes; if it keeps happening, ask your IT support to check the QuickBooks service.", status))
}

func (c *Client) notQuickBooks(detail string) *Error {
	return newError(KindNotQuickBooks, detail,
		locale.T("Something answered at %s, but not the way a QuickBooks service does. Check the Service URL with your IT support.", c.base.Host))
}
