package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"qbsettings/backend/settings"

	"qbsettings/backend/sqlite"
)

// ItemListSummary is what the form shows of a profile's stored QuickBooks
// item list without reading its items: a 20,000-item list read whole costs
// tens of milliseconds and megabytes the first screen need not spend
// (issue 33). A zero RefreshedAt means the list was never filled.
type ItemListSummary struct {
	RefreshedAt time.Time
	// Version changes with every write of the list (0: never filled).
	Version int64
	// ServiceETag is the service's version of the list, when it said one.
	ServiceETag string
	Count       int
	// HasRetainage: the list holds an active Service item named for
	// retainage or retention, so creating one need not be offered.
	HasRetainage bool
}

// ItemList is a profile's stored QuickBooks item list.
type ItemList struct {
	ItemListSummary
	Items []settings.Item
}

// retainageItem is the rule of ItemListSummary.HasRetainage, on a row of
// items. SQLite's LIKE ignores case in ASCII, which both words are.
const retainageItem = `(is_active = 1 AND type = 'Service' AND (full_name LIKE '%retain%' OR full_name LIKE '%retention%'))`

// ItemListSummary returns the summary of the profile's stored item list,
// in one statement.
func (s *Store) ItemListSummary(ctx context.Context, profile string) (ItemListSummary, error) {
	var sum ItemListSummary
	var refreshedAt string
	err := s.db.QueryRowContext(ctx, `
		SELECT l.refreshed_at, l.version, l.service_etag,
			(SELECT COUNT(*) FROM items WHERE profile_id = l.profile_id),
			EXISTS (SELECT 1 FROM items WHERE profile_id = l.profile_id AND `+retainageItem+`)
		FROM item_lists l WHERE l.profile_id = ?`, profile).Scan(&refreshedAt, &sum.Version, &sum.ServiceETag, &sum.Count, &sum.HasRetainage)
	if errors.Is(err, sql.ErrNoRows) {
		return sum, nil
	}
	if err != nil {
		return sum, fmt.Errorf("load the item list summary of profile %q: %w", profile, err)
	}
	if sum.RefreshedAt, err = sqlite.ParseTime(refreshedAt); err != nil {
		return sum, err
	}
	return sum, nil
}

// Item returns the stored item of the profile with listID, if the list
// holds it.
func (s *Store) Item(ctx context.Context, profile, listID string) (settings.Item, bool, error) {
	it := settings.Item{ListID: listID}
	err := s.db.QueryRowContext(ctx, `SELECT full_name, type, is_active FROM items WHERE profile_id = ? AND list_id = ?`,
		profile, listID).Scan(&it.FullName, &it.Type, &it.IsActive)
	if errors.Is(err, sql.ErrNoRows) {
		return settings.Item{}, false, nil
	}
	if err != nil {
		return settings.Item{}, false, fmt.Errorf("load item %q of profile %q: %w", listID, profile, err)
	}
	return it, true, nil
}

// Items returns the profile's stored item list, sorted by full name.
func (s *Store) Items(ctx context.Context, profile string) (ItemList, error) {
	s.itemListReads.Add(1)
	var list ItemList
	var refreshedAt string
	err := s.db.QueryRowContext(ctx,
		`SELECT refreshed_at, version, service_etag FROM item_lists WHERE profile_id = ?`, profile).Scan(&refreshedAt, &list.Version, &list.ServiceETag)
	if errors.Is(err, sql.ErrNoRows) {
		return list, nil
	}
	if err != nil {
		return list, fmt.Errorf("load item list of profile %q: %w", profile, err)
	}
	if list.RefreshedAt, err = sqlite.ParseTime(refreshedAt); err != nil {
		return list, err
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT list_id, full_name, type, is_active, `+retainageItem+` FROM items
		WHERE profile_id = ? ORDER BY full_name COLLATE NOCASE, list_id`, profile)
	if err != nil {
		return list, fmt.Errorf("load item list of profile %q: %w", profile, err)
	}
	defer rows.Close()
	for rows.Next() {
		var it settings.Item
		var retainage bool
		if err := rows.Scan(&it.ListID, &it.FullName, &it.Type, &it.IsActive, &retainage); err != nil {
			return list, err
		}
		list.Items = append(list.Items, it)
		list.HasRetainage = list.HasRetainage || retainage
	}
	list.Count = len(list.Items)
	return list, rows.Err()
}

// ItemListReads is how many times a whole item list was read since the
// store was opened: what the form's checks as the user types cost is
// measured by it.
func (s *Store) ItemListReads() int64 { return s.itemListReads.Load() }

// ItemListVersion is the version of the profile's item list (0 when it was
// never filled): one row, to tell whether a list held in memory is current.
func (s *Store) ItemListVersion(ctx context.Context, profile string) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT version FROM item_lists WHERE profile_id = ?`, profile).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("load the item list version of profile %q: %w", profile, err)
	}
	return v, nil
}

// ReplaceItems swaps the profile's whole item list for items, read at
// refreshedAt, the service's version etag (or ""), in one transaction: if
// anything fails, the old list stays.
func (s *Store) ReplaceItems(ctx context.Context, profile string, items []settings.Item, refreshedAt time.Time, etag string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE profile_id = ?`, profile); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx,
			`INSERT INTO items (profile_id, list_id, full_name, type, is_active) VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, it := range items {
			if _, err := ins.ExecContext(ctx, profile, it.ListID, it.FullName, it.Type, boolInt(it.IsActive)); err != nil {
				return fmt.Errorf("item %q: %w", it.ListID, err)
			}
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO item_lists (profile_id, refreshed_at, version, service_etag) VALUES (?, ?, 1, ?)
			ON CONFLICT (profile_id) DO UPDATE SET refreshed_at = excluded.refreshed_at, version = item_lists.version + 1,
				service_etag = excluded.service_etag`,
			profile, sqlite.FormatTime(refreshedAt), etag)
		return err
	})
	if err != nil {
		return fmt.Errorf("replace item list of profile %q: %w", profile, err)
	}
	return nil
}

// ConfirmItems records that the profile's stored list was found current
// at refreshedAt (the service's was unchanged): its items stay; its
// version moves on, as its time changed.
func (s *Store) ConfirmItems(ctx context.Context, profile string, refreshedAt time.Time) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE item_lists SET refreshed_at = ?, version = version + 1 WHERE profile_id = ?`, sqlite.FormatTime(refreshedAt), profile); err != nil {
		return fmt.Errorf("confirm item list of profile %q: %w", profile, err)
	}
	return nil
}
