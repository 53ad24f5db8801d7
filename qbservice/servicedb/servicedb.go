// Package servicedb keeps the QuickBooks service's state in SQLite: the
// accounts (password hashes only), the Web Connector's sessions, the queue
// of work for QuickBooks, the item list, and what the last Web Connector
// session learned. It survives restarts: a job that was running when the
// service stopped is queued again when it opens, since its iterators ended
// with the QuickBooks session.
package servicedb

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"
	"sync"
	"time"

	"qbsettings/backend/sqlite"
)

// FileName is the database's name in the service's data folder.
const FileName = "qbservice.db"

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is an open service database.
type DB struct {
	db *sql.DB
	// stmts are the statements a Web Connector call runs, prepared once:
	// a refresh makes two calls a page, a thousand pages for 100,000
	// items, and SQLite's parsing of each statement each time was a good
	// part of the service's time.
	stmts sync.Map // query → *sql.Stmt
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date. It changes nothing else: a command beside the running
// service (status, account set) opens it too, and must not end the Web
// Connector's session under way. The service itself calls Started.
func Open(path string) (*DB, error) {
	migrations, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	db, err := sqlite.Open(path, migrations)
	if err != nil {
		return nil, err
	}
	return &DB{db: db}, nil
}

// prepared is query as a statement prepared once for the database. It
// needs the database's one connection the first time: never call it
// inside a transaction (prepare first, then use tx.StmtContext).
func (d *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := d.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := d.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := d.stmts.LoadOrStore(query, st); loaded {
		_ = st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// Started is the service's start, holding its data folder: it ends the
// sessions a stopped service left open, and puts back in the queue the
// jobs they were running (their QuickBooks iterators are gone).
func (d *DB) Started(ctx context.Context, at time.Time) error {
	return d.endSessions(ctx, at)
}

// Close closes the database.
func (d *DB) Close() error {
	d.stmts.Range(func(_, st any) bool { _ = st.(*sql.Stmt).Close(); return true })
	return d.db.Close()
}

func (d *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return sqlite.InTx(ctx, d.db, fn)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
