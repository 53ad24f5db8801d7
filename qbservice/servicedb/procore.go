package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"qbsettings/backend/sqlite"
)

// ProcoreConnection is the Procore company the service works for and the
// service account it signs in as (its secret is in the keychain), with
// what the last check of the connection found.
type ProcoreConnection struct {
	CompanyID   int64
	ClientID    string
	Environment string // production, sandbox or custom
	BaseURL     string // custom's
	SetAt       time.Time
	CompanyName string
	CheckedAt   time.Time
	Problem     string // a procore.Kind; "" when the last check passed
}

// ProcoreConnection returns the connection; found is false while none is set.
func (d *DB) ProcoreConnection(ctx context.Context) (c ProcoreConnection, found bool, err error) {
	var setAt, checkedAt string
	err = d.db.QueryRowContext(ctx, `
		SELECT company_id, client_id, environment, base_url, set_at, company_name, checked_at, problem
		FROM procore_connection WHERE id = 1`).
		Scan(&c.CompanyID, &c.ClientID, &c.Environment, &c.BaseURL, &setAt, &c.CompanyName, &checkedAt, &c.Problem)
	if errors.Is(err, sql.ErrNoRows) {
		return ProcoreConnection{}, false, nil
	}
	if err == nil {
		if c.SetAt, err = sqlite.ParseTime(setAt); err == nil {
			c.CheckedAt, err = sqlite.ParseTime(checkedAt)
		}
	}
	return c, err == nil, err
}

// SetProcoreConnection keeps c as the connection, in place of any other.
// What was registered in Procore stays for the same company (the same
// ERP connection and hook serve a new secret or client), and is dropped
// for another.
func (d *DB) SetProcoreConnection(ctx context.Context, c ProcoreConnection) error {
	_, err := d.db.ExecContext(ctx, `
		INSERT INTO procore_connection
			(id, company_id, client_id, environment, base_url, set_at, company_name, checked_at, problem)
		VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
		ON CONFLICT (id) DO UPDATE SET
			erp_connection_id    = CASE WHEN company_id = ?1 THEN erp_connection_id ELSE 0 END,
			cost_code_list_id    = CASE WHEN company_id = ?1 THEN cost_code_list_id ELSE 0 END,
			hook_id              = CASE WHEN company_id = ?1 THEN hook_id ELSE 0 END,
			receiver_secret_hash = CASE WHEN company_id = ?1 THEN receiver_secret_hash ELSE '' END,
			registered_at        = CASE WHEN company_id = ?1 THEN registered_at ELSE '' END,
			vendors_read_since   = CASE WHEN company_id = ?1 THEN vendors_read_since ELSE '' END,
			metadata_hash        = CASE WHEN company_id = ?1 THEN metadata_hash ELSE '' END,
			hook_destination     = CASE WHEN company_id = ?1 THEN hook_destination ELSE '' END,
			company_id = ?1, client_id = ?2, environment = ?3, base_url = ?4, set_at = ?5,
			company_name = ?6, checked_at = ?7, problem = ?8`,
		c.CompanyID, c.ClientID, c.Environment, c.BaseURL, sqlite.FormatTime(c.SetAt), c.CompanyName, sqlite.FormatTime(c.CheckedAt), c.Problem)
	return err
}

// RecordProcoreCheck keeps what a check of the connection of companyID
// and clientID found: the company's name when it passed (problem ""),
// else the problem, the name of the last check that passed kept. A check
// of a connection replaced meanwhile changes nothing.
func (d *DB) RecordProcoreCheck(ctx context.Context, companyID int64, clientID, companyName, problem string, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `
		UPDATE procore_connection
		SET company_name = CASE WHEN ? = '' THEN ? ELSE company_name END, checked_at = ?, problem = ?
		WHERE id = 1 AND company_id = ? AND client_id = ?`,
		problem, companyName, sqlite.FormatTime(at), problem, companyID, clientID)
	return err
}

// RemoveProcoreConnection forgets the connection.
func (d *DB) RemoveProcoreConnection(ctx context.Context) error {
	_, err := d.db.ExecContext(ctx, `DELETE FROM procore_connection`)
	return err
}
