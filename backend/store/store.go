// Package store keeps the integration settings in a local SQLite database:
// one file, migrated at open, written in transactions that either land whole
// or not at all. It never holds a password.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" database/sql driver
)

// FileName is the database's name inside the data folder.
const FileName = "settings.db"

// DefaultProfile is the one company profile the app edits for now.
const DefaultProfile = "default"

// Store is an open settings database.
type Store struct {
	db            *sql.DB
	itemListReads atomic.Int64
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date.
func Open(path string) (*Store, error) {
	// WAL keeps readers off the writer's back; synchronous=FULL makes each
	// commit durable before it returns, which a settings file (small, rarely
	// written, precious) can afford. BEGIN IMMEDIATE takes the write lock
	// up front so two writers wait on busy_timeout instead of deadlocking.
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	// A plain path, not a file: URI, so that '%' and '#' in folder names
	// are taken literally (the driver splits its options off at '?').
	db, err := sql.Open("sqlite3", path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	// One connection: the app is the only busy writer, and a single
	// connection makes every statement see the same pragmas and state.
	db.SetMaxOpenConns(1)
	if err := migrate(context.Background(), db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// inTx runs fn in one transaction, committed only if fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

// Times are stored as UTC RFC 3339 text, readable in any SQLite tool.
const timeLayout = time.RFC3339Nano

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(timeLayout, s)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
