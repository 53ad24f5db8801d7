package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"qbsettings/backend/sqlite"
)

// CompanyFile is the QuickBooks company file a profile's settings belong to.
type CompanyFile struct {
	ID      string // the identifier the integration stores in the file
	Name    string // the company's name
	Path    string // where the file is, on the QuickBooks computer
	BoundAt time.Time
}

// BoundCompanyFile returns the profile's company file; ok is false before
// the profile's first successful connection.
func (s *Store) BoundCompanyFile(ctx context.Context, profile string) (CompanyFile, bool, error) {
	var (
		f  CompanyFile
		at string
	)
	err := s.db.QueryRowContext(ctx, `SELECT file_id, name, path, bound_at FROM company_files WHERE profile_id = ?`, profile).
		Scan(&f.ID, &f.Name, &f.Path, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return CompanyFile{}, false, nil
	}
	if err != nil {
		return CompanyFile{}, false, fmt.Errorf("load the company file of profile %q: %w", profile, err)
	}
	f.BoundAt, err = sqlite.ParseTime(at)
	return f, true, err
}

// BindCompanyFile makes f the profile's company file, replacing any other.
func (s *Store) BindCompanyFile(ctx context.Context, profile string, f CompanyFile) error {
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO company_files (profile_id, file_id, name, path, bound_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (profile_id) DO UPDATE SET
		       file_id = excluded.file_id, name = excluded.name, path = excluded.path, bound_at = excluded.bound_at`,
		profile, f.ID, f.Name, f.Path, sqlite.FormatTime(f.BoundAt))
	if err != nil {
		return fmt.Errorf("bind the company file of profile %q: %w", profile, err)
	}
	return nil
}
