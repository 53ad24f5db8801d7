package servicedb

import (
	"context"
	"database/sql"
	"time"

	"qbsettings/backend/sqlite"
)

// CostTxn is a cost transaction as the ledger keeps it: its kind, TxnID,
// date, and its lines that name a job and an item.
type CostTxn struct {
	Kind    string
	TxnID   string
	TxnDate string
	Lines   []CostLine
}

// CostLine is a line of a cost transaction: its job, its item, and its
// amount in cents (negative for a credit's).
type CostLine struct {
	LineID string
	Job    string
	Item   string
	Cents  int64
}

// dropCostTxn takes a cost transaction's lines out of the ledger.
const dropCostTxn = `DELETE FROM cost_lines WHERE txn_kind = ? AND txn_id = ?`

// DeletedReadName is the cost_reads row of the latest deletion seen.
const DeletedReadName = "deleted"

// KeepCostPage keeps a page of cost transactions a job read, each in
// place of what the ledger had of it, and the step after it: both or
// neither.
func (d *DB) KeepCostPage(ctx context.Context, jobID string, txns []CostTxn, step string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := replaceCostTxns(ctx, tx, txns); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, setRunningStep, step, sqlite.FormatTime(at), jobID)
		return err
	})
}

func replaceCostTxns(ctx context.Context, tx *sql.Tx, txns []CostTxn) error {
	drop, err := tx.PrepareContext(ctx, dropCostTxn)
	if err != nil {
		return err
	}
	defer drop.Close()
	add, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO cost_lines (txn_kind, txn_id, line_id, job, item, cents, txn_date) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer add.Close()
	for _, t := range txns {
		if _, err := drop.ExecContext(ctx, t.Kind, t.TxnID); err != nil {
			return err
		}
		for _, l := range t.Lines {
			if _, err := add.ExecContext(ctx, t.Kind, t.TxnID, l.LineID, l.Job, l.Item, l.Cents, t.TxnDate); err != nil {
				return err
			}
		}
	}
	return nil
}

// FinishCostRead ends a job's read of cost transactions: the deleted
// ones leave the ledger, the latest times seen are kept for the next
// read (by kind, and DeletedReadName), and the job is done with output.
func (d *DB) FinishCostRead(ctx context.Context, jobID string, deleted []CostTxn, latest map[string]string, output string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range deleted {
			if _, err := tx.ExecContext(ctx, dropCostTxn, t.Kind, t.TxnID); err != nil {
				return err
			}
		}
		for name, when := range latest {
			if when == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO cost_reads (name, latest) VALUES (?, ?)
				ON CONFLICT (name) DO UPDATE SET latest = excluded.latest`, name, when); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, finishRunning,
			output, sqlite.FormatTime(at), jobID)
		return err
	})
}

// CostReads are the latest times seen by the last reads, by kind of
// transaction and DeletedReadName.
func (d *DB) CostReads(ctx context.Context) (map[string]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT name, latest FROM cost_reads`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, latest string
		if err := rows.Scan(&name, &latest); err != nil {
			return nil, err
		}
		out[name] = latest
	}
	return out, rows.Err()
}

// CostTotal is a job's costs on one item: to date, and in the month
// asked.
type CostTotal struct {
	Item      string
	ToDate    int64 // cents
	ThisMonth int64
}

// CostTotals are job's costs by item, the month's being those dated from
// monthStart (YYYY-MM-DD) on.
func (d *DB) CostTotals(ctx context.Context, job, monthStart string) ([]CostTotal, error) {
	rows, err := d.db.QueryContext(ctx, `
		SELECT item, SUM(cents), SUM(CASE WHEN txn_date >= ? THEN cents ELSE 0 END)
		FROM cost_lines WHERE job = ? GROUP BY item ORDER BY item`, monthStart, job)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CostTotal
	for rows.Next() {
		var t CostTotal
		if err := rows.Scan(&t.Item, &t.ToDate, &t.ThisMonth); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
