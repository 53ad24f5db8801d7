package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"qbsettings/backend/settings"

	"qbsettings/backend/sqlite"
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
	out.SavedAt, err = sqlite.ParseTime(savedAt)
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
	// PasswordToken names the pending keychain entry that holds the new
	// password until it is settled (see SettlePasswords).
	PasswordToken string
	// TakenFromService, when set, says whose copy on the QuickBooks service
	// the revision's settings were taken from.
	TakenFromService *ServiceApplier
}

// NewRevision is a save: the settings to store as the revision after Base,
// by whom, and what else lands with them in the same transaction.
type NewRevision struct {
	Profile  string
	Base     int64
	Settings settings.Settings
	At       time.Time
	By       Author
	// Trust is trusted with the settings (an import's certificates).
	Trust []TrustedCertificate
	// Sync, when set, is recorded as what this computer knows of the
	// service's settings (settings taken from the service).
	Sync *ServiceSync
	// BeforeCommit, when set, runs inside the transaction once every row is
	// written, while the database's write lock is held; an error undoes the
	// whole save. A new password's pending keychain entry is written here,
	// so that settling never meets an entry whose save is still under way.
	BeforeCommit func() error
}

// SaveSettings stores st as the revision after base, and records it in the
// history, in one transaction. If the stored revision is not base, nothing
// is written and the error is a *ConflictError.
func (s *Store) SaveSettings(ctx context.Context, profile string, base int64, st settings.Settings, now time.Time, by Author) (Saved, error) {
	return s.SaveRevision(ctx, NewRevision{Profile: profile, Base: base, Settings: st, At: now, By: by})
}

// SaveRevision stores r in one transaction: the settings row, the history,
// the certificates to trust, and whatever BeforeCommit does, or none of it.
// If the stored revision is not r.Base, the error is a *ConflictError.
func (s *Store) SaveRevision(ctx context.Context, r NewRevision) (Saved, error) {
	next := Saved{Settings: r.Settings, Revision: r.Base + 1, SavedAt: r.At.UTC()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := loadSettings(ctx, tx, r.Profile)
		if err != nil {
			return err
		}
		if cur.Revision != r.Base {
			return &ConflictError{Base: r.Base, Stored: cur.Revision, StoredAt: cur.SavedAt}
		}
		args := append(append([]any{r.Profile}, settingsArgs(r.Settings)...), next.Revision, sqlite.FormatTime(next.SavedAt))
		_, err = tx.ExecContext(ctx, `
			INSERT INTO settings (profile_id, `+settingsColumns+`, revision, saved_at)
			VALUES (?, `+settingsPlaceholders+`, ?, ?)
			ON CONFLICT (profile_id) DO UPDATE SET `+settingsUpdates+`,
			       revision = excluded.revision,
			       saved_at = excluded.saved_at`, args...)
		if err != nil {
			return err
		}
		if err := recordRevision(ctx, tx, r.Profile, next, r.By); err != nil {
			return err
		}
		for _, c := range r.Trust {
			if err := trustCertificate(ctx, tx, r.Profile, c); err != nil {
				return err
			}
		}
		if r.Sync != nil {
			if err := saveServiceSync(ctx, tx, r.Profile, *r.Sync); err != nil {
				return err
			}
		}
		if r.BeforeCommit != nil {
			return r.BeforeCommit()
		}
		return nil
	})
	if err != nil {
		return Saved{}, fmt.Errorf("save settings of profile %q: %w", r.Profile, err)
	}
	return next, nil
}
