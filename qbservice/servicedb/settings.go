package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"qbsettings/backend/sqlite"
)

// SyncSettings is the settings the sync runs with: their JSON ("" while
// none were applied), their version, and who applied them when.
type SyncSettings struct {
	JSON      string
	Version   int
	AppliedAt time.Time
	Computer  string
	User      string
}

// ErrSettingsChanged: the settings are not the version the change was
// made over.
var ErrSettingsChanged = errors.New("the settings changed since that version")

// SyncSettings returns the settings the sync runs with.
func (d *DB) SyncSettings(ctx context.Context) (SyncSettings, error) {
	var (
		s  SyncSettings
		at string
	)
	err := d.db.QueryRowContext(ctx, `SELECT settings, version, applied_at, applied_by, applied_user FROM sync_settings WHERE id = 1`).
		Scan(&s.JSON, &s.Version, &at, &s.Computer, &s.User)
	if err == nil {
		s.AppliedAt, err = sqlite.ParseTime(at)
	}
	return s, err
}

// ApplySyncSettings replaces the settings if they are still version
// (ErrSettingsChanged if not), and returns the new version.
func (d *DB) ApplySyncSettings(ctx context.Context, version int, s SyncSettings) (int, error) {
	next := version + 1
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE sync_settings SET settings = ?, version = ?, applied_at = ?, applied_by = ?, applied_user = ?
			WHERE id = 1 AND version = ?`, s.JSON, next, sqlite.FormatTime(s.AppliedAt), s.Computer, s.User, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errors.Join(ErrSettingsChanged, err)
		}
		return nil
	})
	return next, err
}
