package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Status is the result of the last check of the service connection.
// A zero CheckedAt means the connection was never checked.
type Status struct {
	Connected bool
	CheckedAt time.Time
	Detail    string // what the check found, in the user's words
}

// Status returns the profile's last connection check.
func (s *Store) Status(ctx context.Context, profile string) (Status, error) {
	var (
		st        Status
		checkedAt string
	)
	err := s.db.QueryRowContext(ctx,
		`SELECT connected, checked_at, detail FROM connection_status WHERE profile_id = ?`, profile).
		Scan(&st.Connected, &checkedAt, &st.Detail)
	if errors.Is(err, sql.ErrNoRows) {
		return Status{}, nil
	}
	if err != nil {
		return Status{}, fmt.Errorf("load connection status of profile %q: %w", profile, err)
	}
	st.CheckedAt, err = parseTime(checkedAt)
	return st, err
}

// SaveStatus records the result of a connection check.
func (s *Store) SaveStatus(ctx context.Context, profile string, st Status) error {
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO connection_status (profile_id, connected, checked_at, detail) VALUES (?, ?, ?, ?)
		ON CONFLICT (profile_id) DO UPDATE SET
		       connected = excluded.connected, checked_at = excluded.checked_at, detail = excluded.detail`,
		profile, boolInt(st.Connected), formatTime(st.CheckedAt), st.Detail)
	if err != nil {
		return fmt.Errorf("save connection status of profile %q: %w", profile, err)
	}
	return nil
}
