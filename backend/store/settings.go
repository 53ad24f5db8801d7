package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"qbsettings/backend/settings"
)

// Saved is a profile's settings as stored, with the revision they carry.
// Revision 0 means the profile was never saved and Settings are the defaults.
type Saved struct {
	Settings settings.Settings
	Revision int64
	SavedAt  time.Time
}

// ConflictError refuses a save based on a revision older than the stored one:
// someone else saved in between, and writing would lose their change.
type ConflictError struct {
	Base, Stored int64
	StoredAt     time.Time
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("settings changed since revision %d: stored revision is %d (saved %s)",
		e.Base, e.Stored, e.StoredAt.Format(time.RFC3339))
}

// LoadSettings returns the profile's stored settings, or the defaults at
// revision 0 if it was never saved.
func (s *Store) LoadSettings(ctx context.Context, profile string) (Saved, error) {
	return loadSettings(ctx, s.db, profile)
}

// queryRower is what both *sql.DB and *sql.Tx offer for a one-row query.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func loadSettings(ctx context.Context, q queryRower, profile string) (Saved, error) {
	var (
		out     Saved
		st      = &out.Settings
		savedAt string
	)
	dest := append(settingsDest(st), &out.Revision, &savedAt)
	err := q.QueryRowContext(ctx,
		`SELECT `+settingsColumns+`, revision, saved_at FROM settings WHERE profile_id = ?`, profile).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return Saved{Settings: settings.Defaults()}, nil
	}
	if err != nil {
		return Saved{}, fmt.Errorf("load settings of profile %q: %w", profile, err)
	}
	out.SavedAt, err = parseTime(savedAt)
	return out, err
}

// CurrentRevision returns the stored revision of the profile (0 if never saved).
func (s *Store) CurrentRevision(ctx context.Context, profile string) (int64, error) {
	saved, err := s.LoadSettings(ctx, profile)
	return saved.Revision, err
}

// Author says who saved a revision and whether the password changed with it.
type Author struct {
	SavedBy         string // the operating system's user name
	PasswordChanged bool
}

// SaveSettings stores st as the revision after base, and records it in the
// history, in one transaction. If the stored revision is not base, nothing
// is written and the error is a *ConflictError.
func (s *Store) SaveSettings(ctx context.Context, profile string, base int64, st settings.Settings, now time.Time, by Author) (Saved, error) {
	next := Saved{Settings: st, Revision: base + 1, SavedAt: now.UTC()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := loadSettings(ctx, tx, profile)
		if err != nil {
			return err
		}
		if cur.Revision != base {
			return &ConflictError{Base: base, Stored: cur.Revision, StoredAt: cur.SavedAt}
		}
		args := append(append([]any{profile}, settingsArgs(st)...), next.Revision, formatTime(next.SavedAt))
		_, err = tx.ExecContext(ctx, `
			INSERT INTO settings (profile_id, `+settingsColumns+`, revision, saved_at)
			VALUES (?, `+settingsPlaceholders+`, ?, ?)
			ON CONFLICT (profile_id) DO UPDATE SET
			       service_url = excluded.service_url,
			       service_user = excluded.service_user,
			       use_procore_contract_number = excluded.use_procore_contract_number,
			       auto_add_new_cost_codes = excluded.auto_add_new_cost_codes,
			       direct_cost_column = excluded.direct_cost_column,
			       hide_job_to_date_costs = excluded.hide_job_to_date_costs,
			       vendor_updates = excluded.vendor_updates,
			       retainage_item_list_id = excluded.retainage_item_list_id,
			       retainage_item_full_name = excluded.retainage_item_full_name,
			       revision = excluded.revision,
			       saved_at = excluded.saved_at`, args...)
		if err != nil {
			return err
		}
		return recordRevision(ctx, tx, profile, next, by)
	})
	if err != nil {
		return Saved{}, fmt.Errorf("save settings of profile %q: %w", profile, err)
	}
	return next, nil
}
