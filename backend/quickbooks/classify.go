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
	"time"

	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
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
		return newError(KindCanceled, err.Error(), saidCanceled.With())
	case errors.As(err, &certErr):
		e := newError(KindCertificate, certErr.Error(),
			saidCertificate.With(c.base.Host))
		e.Certificate = certErr.cert
		return e
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || isTimeout(err):
		return newError(KindTimeout, err.Error(),
			saidTimeout.With(c.base.Host))
	case errors.As(err, &dnsErr):
		return newError(KindHostNotFound, err.Error(),
			saidHostNotFound.With(host))
	case connectionRefused(err):
		return newError(KindConnectionRefused, err.Error(),
			saidConnectionRefused.With(c.base.Host))
	// net/http turns a plain-HTTP answer to a TLS hello into this text, with
	// no error type to match; other non-TLS answers stay RecordHeaderErrors.
	case errors.As(err, &recordErr) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return newError(KindNotQuickBooks, err.Error(),
			saidNotHTTPS.With(c.base.Host))
	}
	return newError(KindConnectionLost, err.Error(),
		saidConnectionLost.With(c.base.Host))
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// statusError explains an HTTP answer with an unexpected status, using the
// service's own words for the user when it sent them.
func (c *Client) statusError(path string, status int, body []byte) *Error {
	var eb serviceapi.ErrorBody
	parsed := json.Unmarshal(body, &eb) == nil && eb.Error.Code != ""
	e := c.explainStatus(path, status, eb, parsed)
	if parsed {
		e.WebConnector = webConnectorOf(eb.Error.WebConnector)
		e.ServiceCode = eb.Error.Code
	}
	return e
}

// explainStatus is statusError's explanation; parsed tells whether the
// body was an error body (eb).
func (c *Client) explainStatus(path string, status int, eb serviceapi.ErrorBody, parsed bool) *Error {
	detail := fmt.Sprintf("%s: HTTP %d", path, status)
	if parsed {
		detail += fmt.Sprintf(" code=%s message=%q", eb.Error.Code, eb.Error.Message)
	}
	if status == http.StatusUnauthorized {
		return newError(KindUnauthorized, detail,
			saidUnauthorized.With())
	}
	if status == http.StatusPreconditionFailed {
		return newError(KindSettingsChanged, detail,
			saidSettingsChanged.With())
	}
	if parsed {
		if e, ok := procoreStatusError(eb, detail); ok {
			return e
		}
	}
	if parsed && len(eb.Error.FieldErrors) > 0 {
		refused := make([]settings.FieldError, len(eb.Error.FieldErrors))
		for i, fe := range eb.Error.FieldErrors {
			refused[i] = settings.FieldError{Field: fe.Field, Message: displayText(fe.Message, maxMessageRunes)}
		}
		return &Error{Kind: KindSettingsRefused, Detail: detail, FieldErrors: refused,
			Said: saidSettingsRefused.With()}
	}
	if parsed {
		if e, ok := webConnectorError(eb.Error.Code, eb.Error.WebConnector, detail, time.Now()); ok {
			return e
		}
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
		return &Error{Kind: KindServiceError, Said: saidByService.With(displayText(eb.Error.UserFacingMessage, maxMessageRunes)), Detail: detail, QuickBooks: eb.Error.QuickBooks}
	case status == http.StatusNotFound && !parsed, status < 400, !parsed && status < 500:
		return c.notQuickBooks(detail)
	}
	return newError(KindServiceError, detail,
		saidServiceError.With(status))
}

func (c *Client) notQuickBooks(detail string) *Error {
	return newError(KindNotQuickBooks, detail,
		saidNotQuickBooks.With(c.base.Host))
}
