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
