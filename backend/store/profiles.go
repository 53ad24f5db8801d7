package store

import (
	"context"
	"fmt"
	"time"
)

// CreateProfile adds a company profile. Every profile has its own settings,
// status and item list; "default" exists from the first migration.
func (s *Store) CreateProfile(ctx context.Context, id, name string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO profiles (id, name, created_at) VALUES (?, ?, ?)`, id, name, formatTime(time.Now()))
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
