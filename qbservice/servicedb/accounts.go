package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SetAccount creates the account user, or replaces its password hash.
func (d *DB) SetAccount(ctx context.Context, user, passwordHash string, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `
		INSERT INTO accounts (user_name, password_hash, created_at) VALUES (?, ?, ?)
		ON CONFLICT (user_name) DO UPDATE SET password_hash = excluded.password_hash`,
		user, passwordHash, formatTime(at))
	return err
}

// PasswordHash is the account's password hash; ok is false when there is
// no such account.
func (d *DB) PasswordHash(ctx context.Context, user string) (hash string, ok bool, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT password_hash FROM accounts WHERE user_name = ?`, user).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return hash, err == nil, err
}
