package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"qbsettings/backend/sqlite"
)

// ERPJob is a job to queue for an ERP Request: its kind and what it is
// asked (JSON).
type ERPJob struct {
	Kind  string
	Input string
}

// QueueERPJobs queues the QuickBooks half of fetched ERP Request
// requestID as jobs, in order, and records with the request that they
// are: all or none. A request has its jobs once: ErrERPState when it is
// not fetched, or has them already. A request with no jobs is recorded
// as queued all the same (it needs no QuickBooks).
func (d *DB) QueueERPJobs(ctx context.Context, requestID int64, jobs []ERPJob, at time.Time) error {
	marker := fmt.Sprintf("erp-%d", requestID)
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := moveERP(ctx, tx, `UPDATE erp_requests SET job_id = ?, updated_at = ? WHERE request_id = ? AND state = 'fetched' AND job_id = ''`,
			marker, sqlite.FormatTime(at), requestID); err != nil {
			return err
		}
		for i, j := range jobs {
			// created_at in order, for the queue's order among them.
			created := sqlite.FormatTime(at.Add(time.Duration(i) * time.Microsecond))
			if _, err := tx.ExecContext(ctx, `INSERT INTO jobs (id, kind, state, request, erp_request, created_at, updated_at)
				VALUES (?, ?, 'queued', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
				fmt.Sprintf("%s.%d", marker, i+1), j.Kind, j.Input, requestID, created, created); err != nil {
				return err
			}
		}
		return nil
	})
}

// ERPJobs are the jobs of ERP Request requestID, in the order queued.
func (d *DB) ERPJobs(ctx context.Context, requestID int64) ([]Job, error) {
	return queryJobs(ctx, d.db, `SELECT `+jobColumns+` FROM jobs WHERE erp_request = ? ORDER BY created_at, rowid`, requestID)
}

// FinishJob ends a running job as done, with what it did (JSON).
func (d *DB) FinishJob(ctx context.Context, id, output string, at time.Time) error {
	_, err := d.db.ExecContext(ctx, finishRunning,
		output, sqlite.FormatTime(at), id)
	return err
}

// Listed is a record a job read, by its QuickBooks ListID, as JSON.
type Listed struct {
	ListID string
	JSON   string
}

// KeepRecordPage keeps a page of records (vendors, customers) a job
// read, and the step after it: both or neither.
func (d *DB) KeepRecordPage(ctx context.Context, jobID string, records []Listed, step string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO job_records (job_id, list_id, record) VALUES (?, ?, ?)
			ON CONFLICT (job_id, list_id) DO UPDATE SET record = excluded.record`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, r := range records {
			if _, err := st.ExecContext(ctx, jobID, r.ListID, r.JSON); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, setRunningStep, step, sqlite.FormatTime(at), jobID)
		return err
	})
}

// JobRecords are the records job read after ListID after ("" for the
// first), by ListID, at most limit: a read of any size is worked a page
// at a time.
func (d *DB) JobRecords(ctx context.Context, jobID, after string, limit int) ([]Listed, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT list_id, record FROM job_records WHERE job_id = ? AND list_id > ? ORDER BY list_id LIMIT ?`,
		jobID, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Listed
	for rows.Next() {
		var l Listed
		if err := rows.Scan(&l.ListID, &l.JSON); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// RecordsReadSince is QuickBooks' time from which the next refresh of the
// vendors list reads ("" for every vendor).
func (d *DB) RecordsReadSince(ctx context.Context) (string, error) {
	var since string
	err := d.db.QueryRowContext(ctx, `SELECT vendors_read_since FROM procore_connection WHERE id = 1`).Scan(&since)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return since, err
}

// SetRecordsReadSince keeps since for the connection of company.
func (d *DB) SetRecordsReadSince(ctx context.Context, company int64, since string) error {
	_, err := d.db.ExecContext(ctx, `UPDATE procore_connection SET vendors_read_since = ? WHERE id = 1 AND company_id = ?`, since, company)
	return err
}

// LinesAddedTo is how many lines the service's change orders other than
// changeOrder added to purchase order txnID (its done purchase order
// changes): with the commitment's own lines, what QuickBooks should hold
// before changeOrder's (which a change order sent again finds there).
func (d *DB) LinesAddedTo(ctx context.Context, txnID string, changeOrder int64) (int, error) {
	var n sql.NullInt64
	err := d.db.QueryRowContext(ctx, `SELECT SUM(json_array_length(request, '$.change.add')) FROM jobs
		WHERE kind = 'purchase_order_change' AND state = 'done' AND json_extract(request, '$.change.txnId') = ?
		AND json_extract(request, '$.changeOrder') <> ?`, txnID, changeOrder).Scan(&n)
	return int(n.Int64), err
}
