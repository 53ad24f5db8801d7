package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"qbsettings/backend/sqlite"
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
	// SignInRefusedAt is when the Web Connector was last turned away at
	// sign-in (zero when it has not been since its last session began).
	SignInRefusedAt time.Time
	// SessionError is how the service ended the last session, a code as
	// getLastError told the Web Connector, or "" when it did not end it.
	SessionError string
	// CallsEvery is how often the Web Connector calls, as seen from its
	// last sessions (0 before it called twice).
	CallsEvery time.Duration
	// Inventory and Estimates are the company file's preferences the
	// sync's transactions need (Inventory and purchase orders; estimates),
	// as the last session's first answer said them.
	Inventory, Estimates Preference
}

// Preference is a company file's preference as QuickBooks said it.
type Preference string

const (
	PreferenceUnknown Preference = "" // not said (no session yet)
	PreferenceOn      Preference = "on"
	PreferenceOff     Preference = "off"
)

// PreferenceOf is a preference QuickBooks said (nil: not said).
func PreferenceOf(on *bool) Preference {
	switch {
	case on == nil:
		return PreferenceUnknown
	case *on:
		return PreferenceOn
	}
	return PreferenceOff
}

// RefusedSinceLastCall is when the Web Connector was last turned away at
// sign-in, when that came after its last call that went in; otherwise
// zero (a later call went in with the right password).
func (c Connector) RefusedSinceLastCall() time.Time {
	if c.SignInRefusedAt.After(c.LastCallAt) {
		return c.SignInRefusedAt
	}
	return time.Time{}
}

// Connector returns what the last session learned. Its LastCallAt counts
// the calls of a session under way too: a long one (a slow QuickBooks, a
// large list) is the Web Connector calling, not gone quiet.
func (d *DB) Connector(ctx context.Context) (Connector, error) {
	var (
		c                            Connector
		last, versions, refuse, gaps string
		open                         int
	)
	err := d.db.QueryRowContext(ctx, `
		SELECT last_call_at, company_file, product, major_version, minor_version, country, file_mode, supported_versions,
		       company_name, file_id, quickbooks_open, hresult, message, signin_refused_at, session_error, session_gaps,
		       inventory_preference, estimates_preference FROM connector WHERE id = 1`).
		Scan(&last, &c.CompanyFile, &c.Product, &c.MajorVersion, &c.MinorVersion, &c.Country, &c.FileMode, &versions,
			&c.CompanyName, &c.FileID, &open, &c.HResult, &c.Message, &refuse, &c.SessionError, &gaps, &c.Inventory, &c.Estimates)
	if err != nil {
		return Connector{}, err
	}
	c.CallsEvery = scheduleSeen(gaps)
	c.QuickBooksOpen = open != 0
	if versions != "" {
		c.SupportedVersions = strings.Split(versions, ",")
	}
	if c.LastCallAt, err = sqlite.ParseTime(last); err == nil {
		c.SignInRefusedAt, err = sqlite.ParseTime(refuse)
	}
	if err != nil {
		return Connector{}, err
	}
	var sessionCall string
	err = d.db.QueryRowContext(ctx, `SELECT last_call_at FROM sessions ORDER BY rowid DESC LIMIT 1`).Scan(&sessionCall)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	t, err := sqlite.ParseTime(sessionCall)
	if err == nil && t.After(c.LastCallAt) {
		c.LastCallAt = t
	}
	return c, err
}

// SaveConnector records what a session learned.
func (d *DB) SaveConnector(ctx context.Context, c Connector) error {
	_, err := d.db.ExecContext(ctx, `
		UPDATE connector SET last_call_at = ?, company_file = ?, product = ?, major_version = ?, minor_version = ?, country = ?,
		       file_mode = ?, supported_versions = ?, company_name = ?, file_id = ?, quickbooks_open = ?, hresult = ?, message = ?,
		       signin_refused_at = ?, session_error = ?, inventory_preference = ?, estimates_preference = ?
		WHERE id = 1`,
		sqlite.FormatTime(c.LastCallAt), c.CompanyFile, c.Product, c.MajorVersion, c.MinorVersion, c.Country, c.FileMode,
		strings.Join(c.SupportedVersions, ","), c.CompanyName, c.FileID, boolInt(c.QuickBooksOpen), c.HResult, c.Message,
		sqlite.FormatTime(c.SignInRefusedAt), c.SessionError, c.Inventory, c.Estimates)
	return err
}

// NoteSignInRefused records that the Web Connector was turned away at
// sign-in at at; nothing else of the connector changes.
func (d *DB) NoteSignInRefused(ctx context.Context, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `UPDATE connector SET signin_refused_at = ? WHERE id = 1`, sqlite.FormatTime(at))
	return err
}

// NoteSessionError records how the service ended the last session (a
// getLastError code); nothing else of the connector changes.
func (d *DB) NoteSessionError(ctx context.Context, code string) error {
	_, err := d.db.ExecContext(ctx, `UPDATE connector SET session_error = ? WHERE id = 1`, code)
	return err
}
