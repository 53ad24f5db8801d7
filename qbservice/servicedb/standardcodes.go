package servicedb

import (
	"context"
	"database/sql"
)

// StandardCodesSent are the ListIDs of the Service items the service has
// synced to company's ERP Standard Cost Code List (none before its first
// cost-code refresh).
func (d *DB) StandardCodesSent(ctx context.Context, company int64) (map[string]bool, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT list_id FROM standard_codes_sent WHERE company_id = ?`, company)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// KeepStandardCodesSent adds listIDs to those synced to company's list.
func (d *DB) KeepStandardCodesSent(ctx context.Context, company int64, listIDs []string) error {
	add, err := d.prepared(ctx, `INSERT OR IGNORE INTO standard_codes_sent (company_id, list_id) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	return d.inTx(ctx, func(tx *sql.Tx) error {
		stmt := tx.StmtContext(ctx, add)
		for _, id := range listIDs {
			if _, err := stmt.ExecContext(ctx, company, id); err != nil {
				return err
			}
		}
		return nil
	})
}
