package quickbooks

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/serviceapi"
)

// heldBackBy words the QuickBooks failure that keeps a refresh or a create
// queued at a service reaching QuickBooks through the Web Connector
// (contract 1.2): waiting longer would not help until it is fixed in
// QuickBooks, so the wait ends with what to fix there, and whether it
// usually passes by itself (retry). The work stays queued at the service.
func heldBackBy(code *serviceapi.Code) (why locale.Said, retry bool) {
	if qe, known := quickBooksError(code, ""); known {
		return qe.Said, qe.Retry
	}
	shown := code.HResult
	if shown == "" {
		shown = strconv.Itoa(code.StatusCode)
	}
	return saidQuickBooksCode.With(shown), false
}

// heldBackError ends the wait for work that QuickBooks holds back (code):
// phrase words it with args, then why; retry is whether it usually passes.
func heldBackError(kind Kind, work string, code *serviceapi.Code, phrase locale.Phrase, args ...any) *Error {
	why, retry := heldBackBy(code)
	e := newError(kind, fmt.Sprintf("%s held back by quickbooks=%+v", work, *code), phrase.With(append(args, why)...))
	e.Retry, e.QuickBooks = retry, code
	return e
}

// quietEvery is how often a wait for queued work asks health whether the
// Web Connector still calls: a Web Connector that stopped would otherwise
// keep the wait going, in silence, to its end.
var quietEvery = 5 * time.Second // a variable for the tests

// quietWatch tells a wait for queued work when the Web Connector has gone
// quiet (health's KindWebConnector failure), asking health at most once
// every quietEvery.
type quietWatch struct {
	client *Client
	asked  time.Time
}

func (c *Client) watchQuiet() *quietWatch { return &quietWatch{client: c, asked: time.Now()} }

// quiet is health's failure when the Web Connector has gone quiet, or nil
// (also when health was not asked this time, or failed otherwise: the
// work's own state says the rest).
func (q *quietWatch) quiet(ctx context.Context) *Error {
	if time.Since(q.asked) < quietEvery {
		return nil
	}
	q.asked = time.Now()
	_, err := q.client.Health(ctx)
	var qe *Error
	if errors.As(err, &qe) && qe.Kind == KindWebConnector {
		return qe
	}
	return nil
}

// quietError ends the wait for queued work because the Web Connector has
// gone quiet (why): phrase words it with args, then why, as heldBackError.
func quietError(kind Kind, work string, why *Error, phrase locale.Phrase, args ...any) *Error {
	e := newError(kind, work+" queued while the web connector is quiet: "+why.Detail, phrase.With(append(args, why.Said)...))
	e.WebConnector = why.WebConnector
	return e
}
