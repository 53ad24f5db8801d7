package servicedb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"qbsettings/backend/sqlite"
)

// NewItem is a Service item to create in QuickBooks: at the top of the
// item list, or under Parent (a Service item's full name); the accounts
// by ListID, a Procore cost code's.
type NewItem struct {
	Name           string `json:"name"`
	Description    string `json:"description,omitempty"`
	Parent         string `json:"parent,omitempty"`
	IncomeAccount  string `json:"incomeAccount,omitempty"`
	ExpenseAccount string `json:"expenseAccount,omitempty"`
}

// FullName is the item's full name once made.
func (n NewItem) FullName() string {
	if n.Parent == "" {
		return n.Name
	}
	return n.Parent + ":" + n.Name
}

// QueueCreate queues the creation of item as job id, unless a create of
// the same name (as QuickBooks compares names: ignoring case) is already
// queued or running: then it returns that job's ID, so that a request
// sent twice creates one item.
func (d *DB) QueueCreate(ctx context.Context, id string, item NewItem, at time.Time) (string, error) {
	request, err := json.Marshal(item)
	if err != nil {
		return "", err
	}
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		pending, err := pendingCreates(ctx, tx)
		if err != nil {
			return err
		}
		for _, j := range pending {
			if strings.EqualFold(j.Request.Name, item.Name) {
				id = j.ID
				return nil
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO jobs (id, kind, state, request, created_at, updated_at) VALUES (?, 'create', 'queued', ?, ?, ?)`,
			id, string(request), sqlite.FormatTime(at), sqlite.FormatTime(at))
		return err
	})
	return id, err
}

func pendingCreates(ctx context.Context, tx *sql.Tx) ([]Job, error) {
	return queryJobs(ctx, tx, `SELECT `+jobColumns+` FROM jobs WHERE kind = 'create' AND erp_request = 0 AND state IN ('queued', 'running')`)
}

// FinishCreate keeps the item QuickBooks made, or found by its name, in
// the item list and ends the job as done with it: both or neither.
func (d *DB) FinishCreate(ctx context.Context, jobID string, it Item, found bool, at time.Time) error {
	result, err := json.Marshal(struct {
		Item
		Found bool `json:"found,omitempty"`
	}{it, found})
	if err != nil {
		return err
	}
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO items (list_id, full_name, type, is_active, edit_sequence, description) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (list_id) DO UPDATE SET full_name = excluded.full_name, type = excluded.type, is_active = excluded.is_active,
				edit_sequence = excluded.edit_sequence, description = excluded.description`,
			it.ListID, it.FullName, it.Type, boolInt(it.IsActive), it.EditSequence, it.Description); err != nil {
			return err
		}
		if err := noteItemsChanged(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'done', step = '', failure = '', result = ?, updated_at = ? WHERE id = ?`,
			string(result), sqlite.FormatTime(at), jobID)
		return err
	})
}

// ItemNamed is the item whose full name is name, ignoring case as
// QuickBooks does; ok is false when the list has none.
func (d *DB) ItemNamed(ctx context.Context, name string) (Item, bool, error) {
	items, err := d.queryItems(ctx, `SELECT list_id, full_name, type, is_active, edit_sequence, description FROM items
		WHERE full_name = ? COLLATE NOCASE LIMIT 1`, name)
	if err != nil || len(items) == 0 {
		return Item{}, false, err
	}
	return items[0], true, nil
}

// ItemByListID is the item of the list whose ListID is listID; ok is
// false when the list has none.
func (d *DB) ItemByListID(ctx context.Context, listID string) (Item, bool, error) {
	items, err := d.queryItems(ctx, `SELECT list_id, full_name, type, is_active, edit_sequence, description FROM items
		WHERE list_id = ? LIMIT 1`, listID)
	if err != nil || len(items) == 0 {
		return Item{}, false, err
	}
	return items[0], true, nil
}

// MadeForProcore tells whether the item listID was made in QuickBooks
// for a cost code exported from Procore (a create of an ERP Request).
func (d *DB) MadeForProcore(ctx context.Context, listID string) (bool, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = 'create' AND erp_request <> 0 AND state = 'done'
		AND json_extract(result, '$.ListID') = ?`, listID).Scan(&n)
	return n > 0, err
}
