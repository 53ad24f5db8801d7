package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"qbsettings/backend/sqlite"
)

// CreateProfile adds a company profile. Every profile has its own settings,
// status and item list; "default" exists from the first migration.
func (s *Store) CreateProfile(ctx context.Context, id, name string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO profiles (id, name, created_at) VALUES (?, ?, ?)`, id, name, sqlite.FormatTime(time.Now()))
	if err != nil {
		return fmt.Errorf("create profile %q: %w", id, err)
	}
	return nil
}

// Profile is a company profile.
type Profile struct {
	ID   string
	Name string
}

// Profiles lists the company profiles by name.
func (s *Store) Profiles(ctx context.Context) ([]Profile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM profiles ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	defer rows.Close()
	var out []Profile
	for rows.Next() {
		var p Profile
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ProfileExists tells whether a profile has the ID.
func (s *Store) ProfileExists(ctx context.Context, id string) (bool, error) {
	var exists bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM profiles WHERE id = ?)`, id).Scan(&exists)
	if err != nil {
		return false, fmt.Errorf("look up profile %q: %w", id, err)
	}
	return exists, nil
}

// ErrNoProfile means no profile has the given id.
var ErrNoProfile = errors.New("no such profile")

// RenameProfile gives a profile a new name.
func (s *Store) RenameProfile(ctx context.Context, id, name string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE profiles SET name = ? WHERE id = ?`, name, id)
	if err != nil {
		return fmt.Errorf("rename profile %q: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("rename profile %q: %w", id, ErrNoProfile)
	}
	return nil
}

// DeleteProfile removes a profile with its settings, status, item list,
// trusted certificates and history (the foreign keys cascade).
func (s *Store) DeleteProfile(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM profiles WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete profile %q: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete profile %q: %w", id, ErrNoProfile)
	}
	return nil
}

// ServiceUsers lists every Service User the profile's settings and history
// name: whose passwords the keychain may hold for it.
func (s *Store) ServiceUsers(ctx context.Context, profile string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT service_user FROM settings WHERE profile_id = ?1
		UNION SELECT service_user FROM revisions WHERE profile_id = ?1`, profile)
	if err != nil {
		return nil, fmt.Errorf("list service users of profile %q: %w", profile, err)
	}
	defer rows.Close()
	var users []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

const lastProfileKey = "lastProfile"

// LastProfile is the profile used last, or DefaultProfile.
func (s *Store) LastProfile(ctx context.Context) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `
		SELECT p.id FROM app_state a JOIN profiles p ON p.id = a.value WHERE a.key = ?`, lastProfileKey).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultProfile, nil
	}
	if err != nil {
		return "", fmt.Errorf("load last profile: %w", err)
	}
	return id, nil
}

// SetLastProfile remembers the profile to open at the next start.
func (s *Store) SetLastProfile(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO app_state (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, lastProfileKey, id)
	if err != nil {
		return fmt.Errorf("remember last profile: %w", err)
	}
	return nil
}
