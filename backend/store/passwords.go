package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PasswordChange is a landed revision whose new password may still wait in
// a pending keychain entry named by Token.
type PasswordChange struct {
	Profile  string
	Revision int64
	User     string // the Service User the password belongs to
	Token    string
	// Newest: no later revision of the profile changed this user's
	// password, so this password is the account's; an older one is only
	// to be removed.
	Newest bool
}

// PasswordSettlement is the database's side of settling pending passwords,
// usable only inside SettlePasswords.
type PasswordSettlement struct {
	ctx context.Context
	tx  *sql.Tx
}

// Unsettled lists the landed revisions whose pending password is not
// settled yet, oldest first.
func (p *PasswordSettlement) Unsettled() ([]PasswordChange, error) {
	rows, err := p.tx.QueryContext(p.ctx, `
		SELECT r.profile_id, r.revision, r.service_user, r.password_token,
		       r.revision = (SELECT max(n.revision) FROM revisions n
		                     WHERE n.profile_id = r.profile_id AND n.service_user = r.service_user
		                       AND n.password_changed = 1)
		FROM revisions r WHERE r.password_token IS NOT NULL
		ORDER BY r.profile_id, r.revision`)
	if err != nil {
		return nil, fmt.Errorf("list unsettled password changes: %w", err)
	}
	defer rows.Close()
	var out []PasswordChange
	for rows.Next() {
		var c PasswordChange
		if err := rows.Scan(&c.Profile, &c.Revision, &c.User, &c.Token, &c.Newest); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Settled records that c's pending entry is gone: made the account's
// password or removed.
func (p *PasswordSettlement) Settled(c PasswordChange) error {
	_, err := p.tx.ExecContext(p.ctx,
		`UPDATE revisions SET password_token = NULL WHERE profile_id = ? AND revision = ?`, c.Profile, c.Revision)
	if err != nil {
		return fmt.Errorf("record password change of revision %d as settled: %w", c.Revision, err)
	}
	return nil
}

// SettlePasswords runs settle while holding the database's write lock, so
// that no save can land in between, and commits what it recorded; an error
// from settle undoes its records (settling is safe to repeat).
func (s *Store) SettlePasswords(ctx context.Context, settle func(*PasswordSettlement) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return settle(&PasswordSettlement{ctx: ctx, tx: tx})
	})
}

// HasUnsettledPasswords tells, without taking the write lock, whether a
// landed revision's password still waits to be settled.
func (s *Store) HasUnsettledPasswords(ctx context.Context) (bool, error) {
	var found bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM revisions WHERE password_token IS NOT NULL)`).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("look for unsettled password changes: %w", err)
	}
	return found, nil
}

const (
	databaseIDKey  = "databaseId"
	deviceTokenKey = "deviceToken"
)

// DeviceToken is this installation's device token for the QuickBooks
// service (contract 1.4), made when the database was.
func (s *Store) DeviceToken(ctx context.Context) (string, error) {
	var token string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM app_state WHERE key = ?`, deviceTokenKey).Scan(&token)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && token == "") {
		return "", fmt.Errorf("the database has no device token")
	}
	if err != nil {
		return "", fmt.Errorf("load the device token: %w", err)
	}
	return token, nil
}

// DatabaseID is this database's identifier, made when it was created.
func (s *Store) DatabaseID(ctx context.Context) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM app_state WHERE key = ?`, databaseIDKey).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && id == "") {
		return "", fmt.Errorf("the database has no identifier")
	}
	if err != nil {
		return "", fmt.Errorf("load the database's identifier: %w", err)
	}
	return id, nil
}
