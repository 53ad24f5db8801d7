// Package sqlite opens the project's SQLite databases (the app's settings,
// the QuickBooks service's queue) the same way: durable commits, one
// connection, and a schema brought up to date from numbered SQL files, all
// of an upgrade in one transaction; and it writes their times one way.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" database/sql driver
)

// ErrNewerSchema means the database was written by a newer version of the
// program; this one must not touch it.
var ErrNewerSchema = errors.New("the database schema is newer than this program")

// Open opens (creating if needed) the database at path and brings its
// schema up to date with migrations.
func Open(path string, migrations fs.FS) (*sql.DB, error) {
	// WAL keeps readers off the writer's back; synchronous=FULL makes each
	// commit durable before it returns, which small, precious databases can
	// afford. BEGIN IMMEDIATE takes the write lock up front so two writers
	// wait on busy_timeout instead of deadlocking.
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
	// One connection: every statement sees the same pragmas and state.
	db.SetMaxOpenConns(1)
	if err := Migrate(context.Background(), db, migrations); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// Migration is one numbered SQL file: NNNN_name.sql.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations reads the migrations at the root of fsys, numbered from 1
// without a gap.
func Migrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []Migration
	for i, name := range names {
		num, _, _ := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want number %04d", name, i+1)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(body)})
	}
	return ms, nil
}

// Migrate applies the migrations the database has not seen yet, all in
// one transaction together with the schema version (SQLite's
// user_version): an upgrade is taken whole or not at all, and a new
// database is made with one durable commit instead of one per migration.
func Migrate(ctx context.Context, db *sql.DB, migrations fs.FS) error {
	ms, err := Migrations(migrations)
	if err != nil {
		return err
	}
	current, err := SchemaVersion(ctx, db)
	if err != nil {
		return err
	}
	if current > len(ms) {
		return fmt.Errorf("%w (database version %d, program knows up to %d)", ErrNewerSchema, current, len(ms))
	}
	if current == len(ms) {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, m := range ms[current:] {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return errors.Join(fmt.Errorf("migration %s: %w", m.Name, err), tx.Rollback())
		}
	}
	// PRAGMA takes no parameters; the count is ours.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(ms))); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

// SchemaVersion is the version of the database's schema.
func SchemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// InTx runs fn in one transaction, committed only if fn succeeds.
func InTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}
