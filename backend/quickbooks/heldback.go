package quickbooks

import (
	"fmt"
	"strconv"

	"qbsettings/backend/locale"
)

// heldBackBy words the QuickBooks failure that keeps a refresh or a create
// queued at a service reaching QuickBooks through the Web Connector
// (contract 1.2): waiting longer would not help until it is fixed in
// QuickBooks, so the wait ends with what to fix there, and whether it
// usually passes by itself (retry). The work stays queued at the service.
func heldBackBy(code *Code) (why locale.Said, retry bool) {
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
func heldBackError(kind Kind, work string, code *Code, phrase locale.Phrase, args ...any) *Error {
	why, retry := heldBackBy(code)
	e := newError(kind, fmt.Sprintf("%s held back by quickbooks=%+v", work, *code), phrase.With(append(args, why)...))
	e.Retry, e.QuickBooks = retry, code
	return e
}
