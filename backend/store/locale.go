package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const localeKey = "locale"

// ChosenLocale is the locale the user chose in the window ("" when the
// app follows the system's).
func (s *Store) ChosenLocale(ctx context.Context) (string, error) {
	var tag string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM app_state WHERE key = ?`, localeKey).Scan(&tag)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("load the chosen locale: %w", err)
	}
	return tag, nil
}

// ChooseLocale remembers the user's locale; "" follows the system's again.
func (s *Store) ChooseLocale(ctx context.Context, tag string) error {
	var err error
	if tag == "" {
		_, err = s.db.ExecContext(ctx, `DELETE FROM app_state WHERE key = ?`, localeKey)
	} else {
		_, err = s.db.ExecContext(ctx, `
			INSERT INTO app_state (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, localeKey, tag)
	}
	if err != nil {
		return fmt.Errorf("remember the chosen locale: %w", err)
	}
	return nil
}
