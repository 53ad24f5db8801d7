package accounts

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"qbsettings/backend/localservice"
	"qbsettings/internal/testdir"
	"qbsettings/qbservice/servicedb"
)

var ctx = context.Background()

func open(t *testing.T) (*Accounts, *servicedb.DB, *[]time.Duration) {
	t.Helper()
	db, err := servicedb.Open(filepath.Join(testdir.New(t), servicedb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := New(db)
	a.cost = bcrypt.MinCost
	var waits []time.Duration
	a.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	return a, db, &waits
}

func TestOnlyTheRightPasswordSignsIn(t *testing.T) {
	a, db, _ := open(t)
	if err := a.Set(ctx, "procore-sync", "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	hash, _, _ := db.PasswordHash(ctx, "procore-sync")
	if strings.Contains(hash, "correct horse") || !strings.HasPrefix(hash, "$2") {
		t.Fatalf("kept as %q", hash)
	}
	for _, tc := range []struct {
		user, password string
		want           bool
	}{
		{"procore-sync", "correct horse battery", true},
		{"procore-sync", "correct horse batterY", false},
		{"procore-sync", "", false},
		{"PROCORE-SYNC", "correct horse battery", false},
		{"nobody", "correct horse battery", false},
	} {
		if got, err := a.Verify(ctx, tc.user, tc.password); got != tc.want || err != nil {
			t.Errorf("%s/%s: %v %v", tc.user, tc.password, got, err)
		}
	}
	// A new password replaces the old one.
	if err := a.Set(ctx, "procore-sync", "a new password here"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := a.Verify(ctx, "procore-sync", "correct horse battery"); ok {
		t.Fatal("the old password still signs in")
	}
}

func TestSetRefusesWhatCannotBeAnAccount(t *testing.T) {
	a, _, _ := open(t)
	for _, tc := range []struct{ user, password string }{
		{"", "correct horse battery"},
		{"tab\tuser", "correct horse battery"},
		{"procore\u200bsync", "correct horse battery"},
		{"ok", "correct horse\tbattery"},
		{"ok", "\xff\xfe correct horse battery"},
		{strings.Repeat("u", 129), "correct horse battery"},
		{"ok", "short"},
		{"ok", strings.Repeat("p", 73)},
	} {
		if err := a.Set(ctx, tc.user, tc.password); err == nil {
			t.Errorf("%q / %d bytes taken", tc.user, len(tc.password))
		}
	}
}

// Failures in a row for one user name slow its next attempts down, more
// each time, up to 16 s; a success ends it; other user names are not
// slowed.
func TestFailedSignInsAreSlowedDown(t *testing.T) {
	a, _, waits := open(t)
	if err := a.Set(ctx, "procore-sync", "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	for range 9 {
		a.Verify(ctx, "procore-sync", "guess")
	}
	want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 16 * time.Second}
	if !equal(*waits, want) {
		t.Fatalf("waited %v, want %v", *waits, want)
	}
	*waits = nil
	a.Verify(ctx, "someone-else", "guess")
	a.Verify(ctx, "procore-sync", "correct horse battery")
	a.Verify(ctx, "procore-sync", "guess")
	if !equal(*waits, []time.Duration{0, 16 * time.Second, 0}) {
		t.Fatalf("after a success: %v", *waits)
	}
}

func equal(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The app checks a password for the service on its computer by the same
// rule before it sends it.
func TestTheAppKnowsThePasswordRule(t *testing.T) {
	if localservice.MinPasswordBytes != MinPasswordBytes || localservice.MaxPasswordBytes != MaxPasswordBytes {
		t.Fatalf("localservice says %d to %d bytes, the service %d to %d", localservice.MinPasswordBytes, localservice.MaxPasswordBytes, MinPasswordBytes, MaxPasswordBytes)
	}
}
