package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"qbsettings/backend/sqlite"
)

// Account is what sign-in checks a password against: its bcrypt hash,
// and its generation, which each new password moves on.
type Account struct {
	PasswordHash string
	Generation   int64
}

// MaxTrustedDevices bounds the devices remembered for an account (the
// least recently used goes first): a bookkeeper's few computers, not a
// guesser's endless tokens.
const MaxTrustedDevices = 16

// SetAccount creates the account user, or gives it a new password hash.
// A new password ends, in the same commit, every session the old one
// opened (their running jobs go back to the queue) and forgets the
// devices it signed in from: whoever had the old password is cut off at
// once, also when the service running beside this process has them open.
func (d *DB) SetAccount(ctx context.Context, user, passwordHash string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO accounts (user_name, password_hash, created_at) VALUES (?, ?, ?)
			ON CONFLICT (user_name) DO UPDATE SET password_hash = excluded.password_hash, generation = generation + 1`,
			user, passwordHash, sqlite.FormatTime(at)); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT ticket FROM sessions WHERE closed = 0 AND user_name = ?`, user)
		if err != nil {
			return err
		}
		tickets, err := scanStrings(rows)
		if err != nil {
			return err
		}
		for _, ticket := range tickets {
			if _, err := tx.ExecContext(ctx, `UPDATE sessions SET closed = 1 WHERE ticket = ?`, ticket); err != nil {
				return err
			}
			if err := requeue(ctx, tx, at, ticket, ""); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM trusted_devices WHERE user_name = ?`, user)
		return err
	})
}

// AccountOf is the account user; ok is false when there is none.
func (d *DB) AccountOf(ctx context.Context, user string) (a Account, ok bool, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT password_hash, generation FROM accounts WHERE user_name = ?`, user).
		Scan(&a.PasswordHash, &a.Generation)
	if errors.Is(err, sql.ErrNoRows) {
		return Account{}, false, nil
	}
	return a, err == nil, err
}

// PasswordHash is the account's password hash; ok is false when there is
// no such account.
func (d *DB) PasswordHash(ctx context.Context, user string) (hash string, ok bool, err error) {
	a, ok, err := d.AccountOf(ctx, user)
	return a.PasswordHash, ok, err
}

// TrustDevice remembers that the device of deviceHash signed in to user
// with its password, keeping the MaxTrustedDevices used last.
func (d *DB) TrustDevice(ctx context.Context, user, deviceHash string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO trusted_devices (user_name, device_hash, last_used_at) VALUES (?, ?, ?)
			ON CONFLICT (user_name, device_hash) DO UPDATE SET last_used_at = excluded.last_used_at`,
			user, deviceHash, sqlite.FormatTime(at)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			DELETE FROM trusted_devices WHERE user_name = ?1 AND device_hash NOT IN (
				SELECT device_hash FROM trusted_devices WHERE user_name = ?1 ORDER BY last_used_at DESC LIMIT ?2)`,
			user, MaxTrustedDevices)
		return err
	})
}

// DeviceTrusted tells whether the device of deviceHash signed in to user
// since its password was last changed.
func (d *DB) DeviceTrusted(ctx context.Context, user, deviceHash string) (bool, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM trusted_devices WHERE user_name = ? AND device_hash = ?`, user, deviceHash).Scan(&n)
	return n > 0, err
}

func scanStrings(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
