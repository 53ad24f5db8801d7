package servicedb

import (
	"context"
	"strings"
	"time"
)

// Connector is what the Web Connector's last session learned of QuickBooks.
type Connector struct {
	LastCallAt        time.Time
	CompanyFile       string
	Product           string
	MajorVersion      string
	MinorVersion      string
	Country           string
	FileMode          string
	SupportedVersions []string
	CompanyName       string
	FileID            string
	// QuickBooksOpen: QuickBooks opened the company file in the last
	// session; HResult and Message are its last failure, if any.
	QuickBooksOpen bool
	HResult        string
	Message        string
}

// Connector returns what the last session learned.
func (d *DB) Connector(ctx context.Context) (Connector, error) {
	var (
		c              Connector
		last, versions string
		open           int
	)
	err := d.db.QueryRowContext(ctx, `
		SELECT last_call_at, company_file, product, major_version, minor_version, country, file_mode, supported_versions,
		       company_name, file_id, quickbooks_open, hresult, message FROM connector WHERE id = 1`).
		Scan(&last, &c.CompanyFile, &c.Product, &c.MajorVersion, &c.MinorVersion, &c.Country, &c.FileMode, &versions,
			&c.CompanyName, &c.FileID, &open, &c.HResult, &c.Message)
	if err != nil {
		return Connector{}, err
	}
	c.QuickBooksOpen = open != 0
	if versions != "" {
		c.SupportedVersions = strings.Split(versions, ",")
	}
	c.LastCallAt, err = parseTime(last)
	return c, err
}

// SaveConnector records what a session learned.
func (d *DB) SaveConnector(ctx context.Context, c Connector) error {
	_, err := d.db.ExecContext(ctx, `
		UPDATE connector SET last_call_at = ?, company_file = ?, product = ?, major_version = ?, minor_version = ?, country = ?,
		       file_mode = ?, supported_versions = ?, company_name = ?, file_id = ?, quickbooks_open = ?, hresult = ?, message = ?
		WHERE id = 1`,
		formatTime(c.LastCallAt), c.CompanyFile, c.Product, c.MajorVersion, c.MinorVersion, c.Country, c.FileMode,
		strings.Join(c.SupportedVersions, ","), c.CompanyName, c.FileID, boolInt(c.QuickBooksOpen), c.HResult, c.Message)
	return err
}
