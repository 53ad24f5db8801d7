package connector

import (
	"context"
	"strings"

	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/servicedb"
)

// quickBooksFailed keeps QuickBooks' failure (an HRESULT instead of an
// answer): the running job goes back to the queue for the next session,
// and the service says what QuickBooks said.
func (c *Connector) quickBooksFailed(ctx context.Context, s *servicedb.Session, job servicedb.Job, running bool, call qbwc.ResponseCall) int {
	c.Log.Warn("quickbooks failed a request", "hresult", call.HResult, "message", call.Message)
	c.noteQuickBooks(ctx, normalizeHResult(call.HResult), call.Message, true)
	return c.stop(ctx, s, job, running, errQuickBooksCode+call.HResult, servicedb.Failure{HResult: call.HResult, Message: call.Message})
}

// stop ends the session's work with a failure: the running job is queued
// again with it, and getLastError says code (s is saved by the caller).
func (c *Connector) stop(ctx context.Context, s *servicedb.Session, job servicedb.Job, running bool, code string, f servicedb.Failure) int {
	if running {
		if err := c.DB.RequeueJob(ctx, job.ID, f, c.Now()); err != nil {
			c.Log.Error("job not queued again", "job", job.ID, "err", err)
		}
	}
	s.LastError = code
	if !strings.HasPrefix(code, errQuickBooksCode) {
		// QuickBooks' own failures are kept with their HRESULT; the
		// service's reasons are kept for health as the code.
		if err := c.DB.NoteSessionError(ctx, code); err != nil {
			c.Log.Error("session's error not kept", "err", err)
		}
	}
	return -1
}

// noteQuickBooks keeps QuickBooks' last failure, and whether it had the
// company file open.
func (c *Connector) noteQuickBooks(ctx context.Context, hresult, message string, open bool) {
	conn, err := c.DB.Connector(ctx)
	if err == nil {
		conn.LastCallAt, conn.HResult, conn.Message, conn.QuickBooksOpen = c.Now(), hresult, message, open
		err = c.DB.SaveConnector(ctx, conn)
	}
	if err != nil {
		c.Log.Error("quickbooks' failure not kept", "err", err)
	}
}

func (c *Connector) saveSession(ctx context.Context, was, s servicedb.Session) {
	now := c.Now()
	if s.QBXMLVersion == was.QBXMLVersion && s.LastError == was.LastError && now.Sub(was.LastCallAt) < touchEvery {
		return
	}
	s.LastCallAt = now
	if err := c.DB.UpdateSession(ctx, s); err != nil {
		c.Log.Error("session not kept", "err", err)
	}
}

// ConnectionError hears that QuickBooks could not open the company file;
// the session ends, its work queued for the next.
// Only a session's Web Connector is heard, with what QuickBooks could say.
func (c *Connector) ConnectionError(ctx context.Context, ticket, hresult, message string) string {
	s, ok := c.session(ctx, ticket)
	if !ok {
		return qbwc.Done
	}
	was := s
	defer func() { c.saveSession(ctx, was, s) }()
	if err := checkFailure(hresult, message); err != nil {
		c.Log.Warn("quickbooks' failure to open refused", "err", err)
		s.LastError = errInvalid
		return qbwc.Done
	}
	c.Log.Warn("quickbooks not opened", "hresult", hresult, "message", message)
	c.noteQuickBooks(ctx, normalizeHResult(hresult), message, false)
	s.LastError = errQuickBooksCode + hresult
	return qbwc.Done
}

// GetLastError says why the session's last call failed.
func (c *Connector) GetLastError(ctx context.Context, ticket string) string {
	s, ok, err := c.DB.Session(ctx, ticket)
	if err != nil || !ok || s.Closed || c.Now().Sub(s.LastCallAt) > SessionIdle {
		return lastErrorWords(errTicket)
	}
	if s.LastError == errNone {
		return lastErrorWords("unknown")
	}
	return lastErrorWords(s.LastError)
}

// CloseConnection ends the session: its ticket is refused from now on, and
// a job it did not finish is queued again.
func (c *Connector) CloseConnection(ctx context.Context, ticket string) string {
	if err := c.DB.CloseSession(ctx, ticket, c.Now()); err != nil {
		c.Log.Error("session not closed", "err", err)
	}
	return closedWords
}

// normalizeHResult writes an HRESULT as QuickBooks' documents do: 0x and
// eight upper-case hex digits.
func normalizeHResult(h string) string {
	h = strings.TrimSpace(h)
	if len(h) > 2 && (h[:2] == "0x" || h[:2] == "0X") {
		return "0x" + strings.ToUpper(h[2:])
	}
	return strings.ToUpper(h)
}
