package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"qbsettings/backend/sqlite"
)

// TrustedCertificate is a certificate the user trusts for one service origin.
type TrustedCertificate struct {
	Origin      string // scheme://host:port
	Fingerprint string // SHA-256, as quickbooks.Fingerprint writes it
	Subject     string
	TrustedAt   time.Time
}

// TrustedCertificates lists the profile's trusted certificates by origin.
func (s *Store) TrustedCertificates(ctx context.Context, profile string) ([]TrustedCertificate, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT origin, fingerprint, subject, trusted_at FROM trusted_certificates
		WHERE profile_id = ? ORDER BY origin`, profile)
	if err != nil {
		return nil, fmt.Errorf("load trusted certificates of profile %q: %w", profile, err)
	}
	defer rows.Close()
	var out []TrustedCertificate
	for rows.Next() {
		var c TrustedCertificate
		var at string
		if err := rows.Scan(&c.Origin, &c.Fingerprint, &c.Subject, &at); err != nil {
			return nil, err
		}
		if c.TrustedAt, err = sqlite.ParseTime(at); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// TrustCertificate trusts c for its origin, replacing any certificate
// trusted there before.
func (s *Store) TrustCertificate(ctx context.Context, profile string, c TrustedCertificate) error {
	return trustCertificate(ctx, s.db, profile, c)
}

// execer is what both *sql.DB and *sql.Tx offer for a statement.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func trustCertificate(ctx context.Context, db execer, profile string, c TrustedCertificate) error {
	_, err := db.ExecContext(ctx, `
		INSERT INTO trusted_certificates (profile_id, origin, fingerprint, subject, trusted_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (profile_id, origin) DO UPDATE SET
		       fingerprint = excluded.fingerprint, subject = excluded.subject, trusted_at = excluded.trusted_at`,
		profile, c.Origin, c.Fingerprint, c.Subject, sqlite.FormatTime(c.TrustedAt))
	if err != nil {
		return fmt.Errorf("trust certificate for %s: %w", c.Origin, err)
	}
	return nil
}

// RemoveTrustedCertificate stops trusting the certificate of origin.
func (s *Store) RemoveTrustedCertificate(ctx context.Context, profile, origin string) error {
	_, err := s.db.ExecContext(ctx,
		`DELETE FROM trusted_certificates WHERE profile_id = ? AND origin = ?`, profile, origin)
	if err != nil {
		return fmt.Errorf("remove trusted certificate for %s: %w", origin, err)
	}
	return nil
}
