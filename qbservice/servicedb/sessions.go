package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"time"
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
}

// ErrSessionBusy: another Web Connector session is under way.
var ErrSessionBusy = errors.New("another web connector session is under way")

// StartSession records a new session, unless another open session called
// since activeSince (ErrSessionBusy: one Web Connector session at a time).
// Open sessions quiet since before then were abandoned (the Web Connector
// stopped, or lost them): they are closed, and their jobs queued again.
func (d *DB) StartSession(ctx context.Context, s Session, activeSince time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT ticket, last_call_at FROM sessions WHERE closed = 0`)
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
			if t, err := parseTime(last); err == nil && !t.Before(activeSince) {
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
		_, err = tx.ExecContext(ctx, `INSERT INTO sessions (ticket, user_name, started_at, last_call_at) VALUES (?, ?, ?, ?)`,
			s.Ticket, s.User, formatTime(s.StartedAt), formatTime(s.StartedAt))
		return err
	})
}

// Session returns the session of ticket; ok is false when there is none.
func (d *DB) Session(ctx context.Context, ticket string) (s Session, ok bool, err error) {
	var started, last string
	var closed int
	err = d.db.QueryRowContext(ctx, `
		SELECT ticket, user_name, started_at, last_call_at, closed, qbxml_version, last_error FROM sessions WHERE ticket = ?`, ticket).
		Scan(&s.Ticket, &s.User, &started, &last, &closed, &s.QBXMLVersion, &s.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, false, nil
	}
	if err != nil {
		return Session{}, false, err
	}
	s.Closed = closed != 0
	if s.StartedAt, err = parseTime(started); err == nil {
		s.LastCallAt, err = parseTime(last)
	}
	return s, err == nil, err
}

// UpdateSession records the session's last call, version and last error.
func (d *DB) UpdateSession(ctx context.Context, s Session) error {
	_, err := d.db.ExecContext(ctx, `UPDATE sessions SET last_call_at = ?, qbxml_version = ?, last_error = ? WHERE ticket = ?`,
		formatTime(s.LastCallAt), s.QBXMLVersion, s.LastError, s.Ticket)
	return err
}

// CloseSession ends the session and puts back in the queue any job it
// left unfinished, with what it had read so far dropped.
func (d *DB) CloseSession(ctx context.Context, ticket string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET closed = 1, last_call_at = ? WHERE ticket = ?`, formatTime(at), ticket); err != nil {
			return err
		}
		return requeue(ctx, tx, at, ticket, "")
	})
}
