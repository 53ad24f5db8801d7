package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"qbsettings/backend/sqlite"
)

// gapsKept is how many gaps between session starts the schedule seen is
// judged by: a few, so one session that ran long, or an Update Selected
// clicked between two scheduled ones, does not move it.
const gapsKept = 5

// noteSessionGap keeps the time since the last session began, as a
// session begins at start.
func noteSessionGap(ctx context.Context, tx *sql.Tx, start time.Time) error {
	var last, gaps string
	err := tx.QueryRowContext(ctx, `SELECT started_at FROM sessions ORDER BY rowid DESC LIMIT 1`).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	prev, err := sqlite.ParseTime(last)
	if err != nil || !prev.Before(start) {
		return err
	}
	if err := tx.QueryRowContext(ctx, `SELECT session_gaps FROM connector WHERE id = 1`).Scan(&gaps); err != nil {
		return err
	}
	kept := append(strings.FieldsFunc(gaps, func(r rune) bool { return r == ',' }), strconv.FormatInt(int64(start.Sub(prev)/time.Second), 10))
	if len(kept) > gapsKept {
		kept = kept[len(kept)-gapsKept:]
	}
	_, err = tx.ExecContext(ctx, `UPDATE connector SET session_gaps = ? WHERE id = 1`, strings.Join(kept, ","))
	return err
}

// scheduleSeen is the middle of the gaps kept: how often the Web
// Connector calls, or 0 before it called twice.
func scheduleSeen(gaps string) time.Duration {
	var seconds []int64
	for _, g := range strings.Split(gaps, ",") {
		if n, err := strconv.ParseInt(g, 10, 64); err == nil && n > 0 {
			seconds = append(seconds, n)
		}
	}
	if len(seconds) == 0 {
		return 0
	}
	slices.Sort(seconds)
	return time.Duration(seconds[len(seconds)/2]) * time.Second
}
