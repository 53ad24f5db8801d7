package servicedb

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"qbsettings/backend/sqlite"
)

// Item is a QuickBooks Service or Other Charge item.
type Item struct {
	ListID       string
	FullName     string
	Type         string
	IsActive     bool
	EditSequence string
	Description  string
}

// KeepPage keeps a page of items a refresh has read and the request that
// follows it: both or neither.
func (d *DB) KeepPage(ctx context.Context, jobID string, items []Item, step string, at time.Time) error {
	setStep, err := d.prepared(ctx, setRunningStep)
	if err != nil {
		return err
	}
	add, err := d.refreshItemsAdder(ctx, len(items))
	if err != nil {
		return err
	}
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := add(ctx, tx, jobID, items); err != nil {
			return err
		}
		_, err := tx.StmtContext(ctx, setStep).ExecContext(ctx, step, sqlite.FormatTime(at), jobID)
		return err
	})
}

// rowsAnInsert is how many items one INSERT statement adds: a page's,
// in one statement, not a statement an item.
const rowsAnInsert = 100

// refreshItemsAdder is what keeps count items a refresh read, in a
// transaction, with its statements prepared before the transaction holds
// the database's one connection.
func (d *DB) refreshItemsAdder(ctx context.Context, count int) (func(context.Context, *sql.Tx, string, []Item) error, error) {
	inserts := map[int]*sql.Stmt{}
	for _, n := range []int{min(count, rowsAnInsert), count % rowsAnInsert} {
		if n == 0 || inserts[n] != nil {
			continue
		}
		st, err := d.prepared(ctx, `INSERT INTO refresh_items (job_id, list_id, full_name, type, is_active, edit_sequence, description) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?), ", n), ", ")+` ON CONFLICT (job_id, list_id) DO NOTHING`)
		if err != nil {
			return nil, err
		}
		inserts[n] = st
	}
	return func(ctx context.Context, tx *sql.Tx, jobID string, items []Item) error {
		for len(items) > 0 {
			n := min(len(items), rowsAnInsert)
			args := make([]any, 0, 7*n)
			for _, it := range items[:n] {
				args = append(args, jobID, it.ListID, it.FullName, it.Type, boolInt(it.IsActive), it.EditSequence, it.Description)
			}
			if _, err := tx.StmtContext(ctx, inserts[n]).ExecContext(ctx, args...); err != nil {
				return err
			}
			items = items[n:]
		}
		return nil
	}, nil
}

// FinishRefresh keeps the refresh's last page, replaces the item list
// with all it read, and ends the job as done: all or nothing.
func (d *DB) FinishRefresh(ctx context.Context, jobID string, last []Item, at time.Time) error {
	add, err := d.refreshItemsAdder(ctx, len(last))
	if err != nil {
		return err
	}
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := add(ctx, tx, jobID, last); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM items`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO items (list_id, full_name, type, is_active, edit_sequence, description)
			SELECT list_id, full_name, type, is_active, edit_sequence, description FROM refresh_items WHERE job_id = ?`, jobID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM refresh_items WHERE job_id = ?`, jobID); err != nil {
			return err
		}
		if err := noteItemsChanged(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'done', step = '', failure = '', updated_at = ? WHERE id = ?`, sqlite.FormatTime(at), jobID)
		return err
	})
}

// Items is the item list, by full name.
func (d *DB) Items(ctx context.Context) ([]Item, error) {
	return d.queryItems(ctx, `SELECT list_id, full_name, type, is_active, edit_sequence, description FROM items ORDER BY full_name`)
}

// ItemFilter chooses items: of the Types given (any when none), active,
// inactive or both.
type ItemFilter struct {
	Types    []string
	Active   bool
	Inactive bool
}

// ItemKey is an item's place in the list's order: by full name, then
// ListID (full names are unique in QuickBooks; ListIDs always are).
type ItemKey struct {
	FullName string
	ListID   string
}

// ItemsPage is up to limit items that pass f, in the list's order, after
// the item at after (from the first when nil); more tells whether any
// follow. Each page is read from where the last ended, on the index of
// that order: its cost is its own rows, wherever it is in the list.
func (d *DB) ItemsPage(ctx context.Context, f ItemFilter, after *ItemKey, limit int) (page []Item, more bool, err error) {
	var where []string
	var args []any
	if after != nil {
		where = append(where, `(full_name, list_id) > (?, ?)`)
		args = append(args, after.FullName, after.ListID)
	}
	if len(f.Types) > 0 {
		where = append(where, `type IN (`+strings.TrimSuffix(strings.Repeat("?, ", len(f.Types)), ", ")+`)`)
		for _, t := range f.Types {
			args = append(args, t)
		}
	}
	switch {
	case f.Active && !f.Inactive:
		where = append(where, `is_active = 1`)
	case f.Inactive && !f.Active:
		where = append(where, `is_active = 0`)
	case !f.Active && !f.Inactive:
		return nil, false, nil
	}
	query := `SELECT list_id, full_name, type, is_active, edit_sequence, description FROM items`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	page, err = d.queryItems(ctx, query+` ORDER BY full_name, list_id LIMIT ?`, append(args, limit+1)...)
	if len(page) > limit {
		return page[:limit], true, err
	}
	return page, false, err
}

func (d *DB) queryItems(ctx context.Context, query string, args ...any) ([]Item, error) {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		var active int
		if err := rows.Scan(&it.ListID, &it.FullName, &it.Type, &active, &it.EditSequence, &it.Description); err != nil {
			return nil, err
		}
		it.IsActive = active != 0
		out = append(out, it)
	}
	return out, rows.Err()
}

// PagesKept counts the items refreshes have read and not yet put in the
// list (none once no job runs).
func (d *DB) PagesKept(ctx context.Context) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM refresh_items`).Scan(&n)
	return n, err
}
