// Package store keeps the integration settings in a local SQLite database:
// one file, migrated at open, written in transactions that either land whole
// or not at all. It never holds a password.
package store

import (
	"context"
	"database/sql"
	"sync/atomic"

	"qbsettings/backend/sqlite"
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
// up to date. The app is its only busy writer.
func Open(path string) (*Store, error) {
	db, err := sqlite.Open(path, migrations())
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// inTx runs fn in one transaction, committed only if fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return sqlite.InTx(ctx, s.db, fn)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
