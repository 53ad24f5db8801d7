package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"qbsettings/backend/settings"

	"qbsettings/backend/sqlite"
)

// Revision is one saved version of a profile's settings.
type Revision struct {
	Revision int64
	SavedAt  time.Time
	Author
	Settings settings.Settings
}

func recordRevision(ctx context.Context, tx *sql.Tx, profile string, saved Saved, by Author) error {
	var token sql.NullString
	if by.PasswordChanged && by.PasswordToken != "" {
		token = sql.NullString{String: by.PasswordToken, Valid: true}
	}
	takenFrom, err := marshalIfAny(by.TakenFromService, by.TakenFromService != nil)
	if err != nil {
		return err
	}
	args := append([]any{profile, saved.Revision, sqlite.FormatTime(saved.SavedAt), by.SavedBy, boolInt(by.PasswordChanged), token, takenFrom},
		settingsArgs(saved.Settings)...)
	_, err = tx.ExecContext(ctx, `
		INSERT INTO revisions (profile_id, revision, saved_at, saved_by, password_changed, password_token, taken_from, `+settingsColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, `+settingsPlaceholders+`)`, args...)
	if err != nil {
		return fmt.Errorf("record revision %d: %w", saved.Revision, err)
	}
	return nil
}

// History returns the profile's revisions, newest first, at most limit.
func (s *Store) History(ctx context.Context, profile string, limit int) ([]Revision, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT revision, saved_at, saved_by, password_changed, taken_from, `+settingsColumns+`
		FROM revisions WHERE profile_id = ? ORDER BY revision DESC LIMIT ?`, profile, limit)
	if err != nil {
		return nil, fmt.Errorf("load history of profile %q: %w", profile, err)
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		var at, takenFrom string
		dest := append([]any{&r.Revision, &at, &r.SavedBy, &r.PasswordChanged, &takenFrom}, settingsDest(&r.Settings)...)
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if err := unmarshalIfAny(takenFrom, &r.TakenFromService); err != nil {
			return nil, err
		}
		if r.SavedAt, err = sqlite.ParseTime(at); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
