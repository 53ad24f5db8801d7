package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"qbsettings/backend/locale"

	"qbsettings/backend/sqlite"
)

// Status is the result of the last check of the service connection.
// A zero CheckedAt means the connection was never checked.
type Status struct {
	Connected bool
	CheckedAt time.Time
	// Outcome is what the check found: a message's code and values,
	// worded when shown.
	Outcome locale.Said
	// Capabilities are what the service said it can do (contract 1.1).
	Capabilities []string
}

// Can tells whether the service said it can do capability.
func (st Status) Can(capability string) bool { return slices.Contains(st.Capabilities, capability) }

// Status returns the profile's last connection check.
func (s *Store) Status(ctx context.Context, profile string) (Status, error) {
	var (
		st                       Status
		checkedAt, outcome, caps string
	)
	err := s.db.QueryRowContext(ctx,
		`SELECT connected, checked_at, outcome, capabilities FROM connection_status WHERE profile_id = ?`, profile).
		Scan(&st.Connected, &checkedAt, &outcome, &caps)
	if errors.Is(err, sql.ErrNoRows) {
		return Status{}, nil
	}
	if err != nil {
		return Status{}, fmt.Errorf("load connection status of profile %q: %w", profile, err)
	}
	if caps != "" {
		st.Capabilities = strings.Split(caps, ",")
	}
	if err := unmarshalIfAny(outcome, &st.Outcome); err != nil {
		return Status{}, fmt.Errorf("load connection status of profile %q: %w", profile, err)
	}
	st.CheckedAt, err = sqlite.ParseTime(checkedAt)
	return st, err
}

// SaveStatus records the result of a connection check.
func (s *Store) SaveStatus(ctx context.Context, profile string, st Status) error {
	outcome, err := marshalIfAny(st.Outcome, !st.Outcome.IsZero())
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `
		INSERT INTO connection_status (profile_id, connected, checked_at, outcome, capabilities) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (profile_id) DO UPDATE SET
		       connected = excluded.connected, checked_at = excluded.checked_at, outcome = excluded.outcome,
		       capabilities = excluded.capabilities`,
		profile, boolInt(st.Connected), sqlite.FormatTime(st.CheckedAt), outcome, strings.Join(st.Capabilities, ","))
	if err != nil {
		return fmt.Errorf("save connection status of profile %q: %w", profile, err)
	}
	return nil
}
