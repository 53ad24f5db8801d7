package store

import (
	"database/sql"
	"path/filepath"
	"testing"

	"qbsettings/backend/locale"
	"qbsettings/internal/testdir"
)

// keptSaid is a message kept with every kind of value: text, a whole
// number, and a message inside it.
var keptSaid = locale.Said{Code: "test.kept", Args: []any{"OFFICE-PC", int64(503), locale.Said{Code: "test.inner"}}}

// A database of schema version 9 kept sentences. Upgraded, it keeps none:
// each becomes a code this version does not know (worded as "recorded by
// another version"), and the refused values' words go with the sentence
// that explained them.
func TestUpgradeKeepsNoSentence(t *testing.T) {
	path := filepath.Join(testdir.New(t), FileName)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:9] {
		if _, err := db.Exec(m.SQL); err != nil {
			t.Fatal(m.Name, err)
		}
	}
	for _, q := range []string{
		"PRAGMA user_version = 9",
		`INSERT INTO connection_status (profile_id, connected, checked_at, detail, capabilities)
		 VALUES ('default', 0, '2026-11-20T10:00:00Z', 'Nothing is accepting connections at localhost:8080.', '')`,
		`INSERT INTO service_sync (profile_id, attempted_at, problem, problem_kind, field_errors)
		 VALUES ('default', '2026-11-20T10:00:00Z', 'The QuickBooks service refused some of the settings.', 'settingsRefused',
		         '[{"field":"vendorUpdates","message":"The QuickBooks service refused this value: no"}]')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Status(ctx, DefaultProfile)
	if err != nil || st.Outcome.Code != "earlierVersion.text" || len(st.Outcome.Args) != 0 || st.CheckedAt.IsZero() {
		t.Fatalf("status after the upgrade = %+v, %v; want the earlier version's sentence as an unknown code", st, err)
	}
	sync, err := s.ServiceSync(ctx, DefaultProfile)
	if err != nil || sync.Problem.Code != "earlierVersion.text" || sync.Refused != nil || sync.ProblemKind != "settingsRefused" {
		t.Fatalf("service sync after the upgrade = %+v, %v", sync, err)
	}
}
