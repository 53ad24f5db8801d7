package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"qbsettings/backend/sqlite"
)

// Session is a Web Connector session.
type Session struct {
	Ticket       string
	User         string
	StartedAt    time.Time
	LastCallAt   time.Time
	Closed       bool
	QBXMLVersion string // chosen at the session's first request
	LastError    string // a code for getLastError, or ""
	// AccountGeneration is the account's password generation the session
	// signed in with: once the account has another, the session is closed.
	AccountGeneration int64
}

// Errors of StartSession.
var (
	// ErrSessionBusy: another Web Connector session is under way.
	ErrSessionBusy = errors.New("another web connector session is under way")
	// ErrPasswordChanged: the account's password changed after the
	// sign-in was checked and before its session began.
	ErrPasswordChanged = errors.New("the account's password changed during the sign-in")
)

// openSessions selects the open sessions whose account still has the
// password they signed in with; the others were ended by a new password.
const openSessions = `
	SELECT s.ticket, s.last_call_at FROM sessions s JOIN accounts a ON a.user_name = s.user_name
	WHERE s.closed = 0 AND s.account_generation = a.generation`

// StartSession records a new session, unless another open session called
// since activeSince (ErrSessionBusy: one Web Connector session at a time)
// or the account's password is no longer the one s signed in with
// (ErrPasswordChanged). Open sessions quiet since before then were
// abandoned (the Web Connector stopped, or lost them): they are closed,
// and their jobs queued again.
func (d *DB) StartSession(ctx context.Context, s Session, activeSince time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		var generation int64
		err := tx.QueryRowContext(ctx, `SELECT generation FROM accounts WHERE user_name = ?`, s.User).Scan(&generation)
		if errors.Is(err, sql.ErrNoRows) || err == nil && generation != s.AccountGeneration {
			return ErrPasswordChanged
		}
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, openSessions)
		if err != nil {
			return err
		}
		var abandoned []string
		busy := false
		for rows.Next() {
			var ticket, last string
			if err := rows.Scan(&ticket, &last); err != nil {
				rows.Close()
				return err
			}
			if t, err := sqlite.ParseTime(last); err == nil && !t.Before(activeSince) {
				busy = true
			} else {
				abandoned = append(abandoned, ticket)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if busy {
			return ErrSessionBusy
		}
		for _, ticket := range abandoned {
			if _, err := tx.ExecContext(ctx, `UPDATE sessions SET closed = 1 WHERE ticket = ?`, ticket); err != nil {
				return err
			}
			if err := requeue(ctx, tx, s.StartedAt, ticket, ""); err != nil {
				return err
			}
		}
		if err := noteSessionGap(ctx, tx, s.StartedAt); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sessions (ticket, user_name, started_at, last_call_at, account_generation) VALUES (?, ?, ?, ?, ?)`,
			s.Ticket, s.User, sqlite.FormatTime(s.StartedAt), sqlite.FormatTime(s.StartedAt), s.AccountGeneration)
		return err
	})
}

// Session returns the session of ticket; ok is false when there is none.
// A session whose account has had a new password since it signed in is
// Closed, whether or not the process that changed it could close it.
func (d *DB) Session(ctx context.Context, ticket string) (s Session, ok bool, err error) {
	var started, last string
	var closed int
	st, err := d.prepared(ctx, `
		SELECT s.ticket, s.user_name, s.started_at, s.last_call_at,
		       s.closed OR a.generation IS NULL OR a.generation != s.account_generation,
		       s.qbxml_version, s.last_error, s.account_generation
		FROM sessions s LEFT JOIN accounts a ON a.user_name = s.user_name WHERE s.ticket = ?`)
	if err != nil {
		return Session{}, false, err
	}
	err = st.QueryRowContext(ctx, ticket).
		Scan(&s.Ticket, &s.User, &started, &last, &closed, &s.QBXMLVersion, &s.LastError, &s.AccountGeneration)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, false, nil
	}
	if err != nil {
		return Session{}, false, err
	}
	s.Closed = closed != 0
	if s.StartedAt, err = sqlite.ParseTime(started); err == nil {
		s.LastCallAt, err = sqlite.ParseTime(last)
	}
	return s, err == nil, err
}

// UpdateSession records the session's last call, version and last error.
func (d *DB) UpdateSession(ctx context.Context, s Session) error {
	_, err := d.db.ExecContext(ctx, `UPDATE sessions SET last_call_at = ?, qbxml_version = ?, last_error = ? WHERE ticket = ?`,
		sqlite.FormatTime(s.LastCallAt), s.QBXMLVersion, s.LastError, s.Ticket)
	return err
}

// CloseSession ends the session and puts back in the queue any job it
// left unfinished, with what it had read so far dropped.
func (d *DB) CloseSession(ctx context.Context, ticket string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET closed = 1, last_call_at = ? WHERE ticket = ?`, sqlite.FormatTime(at), ticket); err != nil {
			return err
		}
		return requeue(ctx, tx, at, ticket, "")
	})
}
