package store

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"

	"qbsettings/backend/sqlite"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrNewerSchema means the database was written by a newer version of the
// app; this one must not touch it.
var ErrNewerSchema = sqlite.ErrNewerSchema

// migrations are the schema's SQL files (migrations/NNNN_name.sql).
func migrations() fs.FS {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		panic(err) // the folder is embedded: a build that lacks it must not ship
	}
	return sub
}

func loadMigrations() ([]sqlite.Migration, error) { return sqlite.Migrations(migrations()) }

func migrate(ctx context.Context, db *sql.DB) error { return sqlite.Migrate(ctx, db, migrations()) }

func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	return sqlite.SchemaVersion(ctx, db)
}

// SchemaVersion reports the version of the open database's schema.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	return schemaVersion(ctx, s.db)
}
