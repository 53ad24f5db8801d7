package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"qbsettings/internal/testdir"
	"reflect"
	"testing"
	"time"

	"qbsettings/backend/settings"
)

var ctx = context.Background()

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(testdir.New(t), FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func sample() settings.Settings {
	return settings.Settings{
		ServiceURL:               "https://qbserver:8443",
		ServiceUser:              "procore-sync",
		UseProcoreContractNumber: true,
		AutoAddNewCostCodes:      true,
		DirectCostColumn:         settings.DirectCostEditable,
		HideJobToDateCosts:       true,
		VendorUpdates:            settings.VendorUpdatesNone,
		RetainageItem:            settings.ItemRef{ListID: "80000005-1468535148", FullName: "Retainage Payable"},
	}
}

func TestMigratesFromEmpty(t *testing.T) {
	s, _ := openTemp(t)
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := loadMigrations()
	if v != len(ms) || v < 1 {
		t.Fatalf("schema version %d, want %d", v, len(ms))
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q (%v), want wal", mode, err)
	}
	var fk, sync int
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	s.db.QueryRow("PRAGMA synchronous").Scan(&sync)
	if fk != 1 || sync != 2 {
		t.Fatalf("foreign_keys=%d synchronous=%d, want 1 and 2 (FULL)", fk, sync)
	}
}

func TestFirstLoadGivesDefaults(t *testing.T) {
	s, _ := openTemp(t)
	got, err := s.LoadSettings(ctx, DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	if got.Revision != 0 || !reflect.DeepEqual(got.Settings, settings.Defaults()) {
		t.Fatalf("first load = %+v, want defaults at revision 0", got)
	}
}

func TestSaveAndReopen(t *testing.T) {
	s, path := openTemp(t)
	now := time.Date(2026, 11, 24, 15, 4, 5, 600, time.FixedZone("EST", -5*3600))
	saved, err := s.SaveSettings(ctx, DefaultProfile, 0, sample(), now, Author{})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Revision != 1 {
		t.Fatalf("revision %d, want 1", saved.Revision)
	}
	s.Close()

	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	got, err := again.LoadSettings(ctx, DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Settings, sample()) || got.Revision != 1 || !got.SavedAt.Equal(now) {
		t.Fatalf("after reopen: %+v, want %+v at revision 1 saved %v", got, sample(), now)
	}

	second := sample()
	second.VendorUpdates = settings.VendorUpdatesAutomatic
	if saved, err = again.SaveSettings(ctx, DefaultProfile, 1, second, now, Author{}); err != nil || saved.Revision != 2 {
		t.Fatalf("second save: %+v, %v", saved, err)
	}
}

func TestSaveOnOlderRevisionIsRefused(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.SaveSettings(ctx, DefaultProfile, 0, sample(), time.Now(), Author{}); err != nil {
		t.Fatal(err)
	}
	stale := sample()
	stale.ServiceUser = "someone-else"
	_, err := s.SaveSettings(ctx, DefaultProfile, 0, stale, time.Now(), Author{})
	var conflict *ConflictError
	if !errors.As(err, &conflict) || conflict.Stored != 1 || conflict.Base != 0 {
		t.Fatalf("stale save: %v, want a conflict with stored revision 1", err)
	}
	got, _ := s.LoadSettings(ctx, DefaultProfile)
	if got.Settings.ServiceUser != "procore-sync" || got.Revision != 1 {
		t.Fatalf("stale save changed the stored settings: %+v", got)
	}
}

func TestFailedSaveLeavesNothing(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.SaveSettings(ctx, DefaultProfile, 0, sample(), time.Now(), Author{}); err != nil {
		t.Fatal(err)
	}
	// A value the schema refuses fails the statement inside the transaction.
	bad := sample()
	bad.DirectCostColumn = "sideways"
	if _, err := s.SaveSettings(ctx, DefaultProfile, 1, bad, time.Now(), Author{}); err == nil {
		t.Fatal("the schema accepted an unknown Direct Cost option")
	}
	got, _ := s.LoadSettings(ctx, DefaultProfile)
	if got.Revision != 1 || got.Settings != sample() {
		t.Fatalf("failed save left a change: %+v", got)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("open of a newer schema: %v, want ErrNewerSchema", err)
	}
}

// A failed migration leaves the database as it was, and an upgrade is
// taken whole: a migration failing after others succeeded leaves none of
// them, and the database at its old version.
func TestFailedMigrationLeavesTheDatabaseAsItWas(t *testing.T) {
	// A table in the way of the first migration, or of the sixth only.
	for _, inTheWay := range []string{"settings", "company_files"} {
		t.Run(inTheWay, func(t *testing.T) {
			db, err := sql.Open("sqlite3", filepath.Join(testdir.New(t), FileName))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE " + inTheWay + " (x)"); err != nil {
				t.Fatal(err)
			}
			if err := migrate(ctx, db); err == nil {
				t.Fatal("migrating over a conflicting table succeeded")
			}
			var n int
			db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name IN ('profiles', 'trusted_certificates')").Scan(&n)
			v, _ := schemaVersion(ctx, db)
			if n != 0 || v != 0 {
				t.Fatalf("the failed migration left %d tables of earlier ones, version %d", n, v)
			}
		})
	}
}

func TestOpenInMissingFolderFails(t *testing.T) {
	if _, err := Open(filepath.Join(testdir.New(t), "no", "such", FileName)); err == nil {
		t.Fatal("open in a missing folder succeeded")
	}
}

func TestStatus(t *testing.T) {
	s, _ := openTemp(t)
	st, err := s.Status(ctx, DefaultProfile)
	if err != nil || st.Connected || !st.CheckedAt.IsZero() {
		t.Fatalf("first status = %+v, %v; want never checked", st, err)
	}
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	want := Status{Connected: true, CheckedAt: at, Outcome: keptSaid, Capabilities: []string{"items.create", "settings"}}
	if err := s.SaveStatus(ctx, DefaultProfile, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Status(ctx, DefaultProfile); !reflect.DeepEqual(got, want) || !got.Can("settings") {
		t.Fatalf("status = %+v, want %+v", got, want)
	}
}

func TestReplaceItems(t *testing.T) {
	s, _ := openTemp(t)
	if l, err := s.Items(ctx, DefaultProfile); err != nil || len(l.Items) != 0 || !l.RefreshedAt.IsZero() {
		t.Fatalf("first item list = %+v, %v", l, err)
	}
	first := []settings.Item{
		{ListID: "2", FullName: "Retainage Payable", Type: "Service", IsActive: true},
		{ListID: "1", FullName: "01 Fees & Permits:01.11 Fee - City License", Type: "Service", IsActive: false},
	}
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	if err := s.ReplaceItems(ctx, DefaultProfile, first, at, ""); err != nil {
		t.Fatal(err)
	}
	l, err := s.Items(ctx, DefaultProfile)
	if err != nil || !l.RefreshedAt.Equal(at) || len(l.Items) != 2 || l.Items[0].ListID != "1" || l.Items[0].IsActive {
		t.Fatalf("item list = %+v, %v", l, err)
	}
	// Two items with one ListID fail the whole replacement: the old list stays.
	dup := []settings.Item{{ListID: "9", FullName: "A"}, {ListID: "9", FullName: "B"}}
	if err := s.ReplaceItems(ctx, DefaultProfile, dup, at.Add(time.Hour), ""); err == nil {
		t.Fatal("duplicate ListIDs accepted")
	}
	if l2, _ := s.Items(ctx, DefaultProfile); !reflect.DeepEqual(l2, l) {
		t.Fatalf("failed replacement changed the list: %+v", l2)
	}
	// Every replacement is a new version, even at the same moment; a failed
	// one is not.
	if v, err := s.ItemListVersion(ctx, DefaultProfile); err != nil || v != 1 || l.Version != 1 {
		t.Fatalf("version after one replacement: %d %d %v", v, l.Version, err)
	}
	if err := s.ReplaceItems(ctx, DefaultProfile, first[:1], at, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.ItemListVersion(ctx, "nobody"); v != 0 {
		t.Fatalf("a list never filled has version %d", v)
	}
	if l3, _ := s.Items(ctx, DefaultProfile); l3.Version != 2 || len(l3.Items) != 1 {
		t.Fatalf("after a second replacement: %+v", l3)
	}
}

// The summary says what the whole list would: its size, its version and
// whether it holds an active Service item named for retainage or retention,
// in any case; the chosen item is read alone.
func TestItemListSummary(t *testing.T) {
	s, _ := openTemp(t)
	if sum, err := s.ItemListSummary(ctx, DefaultProfile); err != nil || sum != (ItemListSummary{}) {
		t.Fatalf("a list never filled: %+v %v", sum, err)
	}
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		items     []settings.Item
		retainage bool
	}{
		{"none named so", []settings.Item{{ListID: "1", FullName: "Freight", Type: "Service", IsActive: true}}, false},
		{"retainage", []settings.Item{{ListID: "1", FullName: "Freight", Type: "Service", IsActive: true}, {ListID: "2", FullName: "Sub:RETAINAGE Payable", Type: "Service", IsActive: true}}, true},
		{"retention", []settings.Item{{ListID: "3", FullName: "Retention held", Type: "Service", IsActive: true}}, true},
		{"inactive", []settings.Item{{ListID: "4", FullName: "Retainage", Type: "Service", IsActive: false}}, false},
		{"not a Service item", []settings.Item{{ListID: "5", FullName: "Retainage", Type: "OtherCharge", IsActive: true}}, false},
		{"empty", nil, false},
	}
	for i, tc := range cases {
		if err := s.ReplaceItems(ctx, DefaultProfile, tc.items, at, "etag-"+tc.name); err != nil {
			t.Fatal(err)
		}
		sum, err := s.ItemListSummary(ctx, DefaultProfile)
		whole, _ := s.Items(ctx, DefaultProfile)
		want := ItemListSummary{RefreshedAt: at, Version: int64(i + 1), ServiceETag: "etag-" + tc.name, Count: len(tc.items), HasRetainage: tc.retainage}
		if err != nil || sum != want || whole.ItemListSummary != want {
			t.Fatalf("%s: summary %+v, whole list's %+v, want %+v (%v)", tc.name, sum, whole.ItemListSummary, want, err)
		}
	}
	if err := s.ReplaceItems(ctx, DefaultProfile, cases[1].items, at, ""); err != nil {
		t.Fatal(err)
	}
	if it, ok, err := s.Item(ctx, DefaultProfile, "2"); err != nil || !ok || it != cases[1].items[1] {
		t.Fatalf("item 2: %+v %v %v", it, ok, err)
	}
	if _, ok, err := s.Item(ctx, DefaultProfile, "3"); err != nil || ok {
		t.Fatalf("an item of an older list: %v %v", ok, err)
	}
	if _, ok, err := s.Item(ctx, "nobody", "2"); err != nil || ok {
		t.Fatalf("another profile's item: %v %v", ok, err)
	}
}

func TestProfilesAreIsolated(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.CreateProfile(ctx, "second", "Second company"); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateProfile(ctx, "second", "Again"); err == nil {
		t.Fatal("a profile id was accepted twice")
	}
	if _, err := s.SaveSettings(ctx, DefaultProfile, 0, sample(), time.Now(), Author{}); err != nil {
		t.Fatal(err)
	}
	other, err := s.LoadSettings(ctx, "second")
	if err != nil || other.Revision != 0 || other.Settings != settings.Defaults() {
		t.Fatalf("second profile sees the first one's settings: %+v, %v", other, err)
	}
	if _, err := s.SaveSettings(ctx, "no-such-profile", 0, sample(), time.Now(), Author{}); err == nil {
		t.Fatal("settings saved for a profile that does not exist")
	}
}

func TestTrustedCertificates(t *testing.T) {
	s, _ := openTemp(t)
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	a := TrustedCertificate{Origin: "https://127.0.0.1:8766", Fingerprint: "AA:BB", Subject: "CN=sim", TrustedAt: at}
	if err := s.TrustCertificate(ctx, DefaultProfile, a); err != nil {
		t.Fatal(err)
	}
	a.Fingerprint = "CC:DD" // a new certificate for the same origin replaces the old
	if err := s.TrustCertificate(ctx, DefaultProfile, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.TrustedCertificates(ctx, DefaultProfile)
	if err != nil || len(got) != 1 || got[0] != a {
		t.Fatalf("trusted = %+v, %v; want only %+v", got, err, a)
	}
	if err := s.RemoveTrustedCertificate(ctx, DefaultProfile, a.Origin); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.TrustedCertificates(ctx, DefaultProfile); len(got) != 0 {
		t.Fatalf("still trusted after removal: %+v", got)
	}
}

func TestHistoryKeepsEveryRevisionNewestFirst(t *testing.T) {
	s, _ := openTemp(t)
	first := sample()
	second := sample()
	second.VendorUpdates = settings.VendorUpdatesAutomatic
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	if _, err := s.SaveSettings(ctx, DefaultProfile, 0, first, at, Author{SavedBy: "OFFICE\\pat", PasswordChanged: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSettings(ctx, DefaultProfile, 1, second, at.Add(time.Hour), Author{SavedBy: "OFFICE\\sam"}); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(ctx, DefaultProfile, 10)
	if err != nil || len(h) != 2 {
		t.Fatalf("history = %+v, %v", h, err)
	}
	if h[0].Revision != 2 || h[0].SavedBy != "OFFICE\\sam" || h[0].PasswordChanged || h[0].Settings != second {
		t.Fatalf("newest = %+v", h[0])
	}
	if h[1].Revision != 1 || !h[1].PasswordChanged || h[1].Settings != first || !h[1].SavedAt.Equal(at) {
		t.Fatalf("oldest = %+v", h[1])
	}
	if h, _ := s.History(ctx, DefaultProfile, 1); len(h) != 1 {
		t.Fatalf("limit ignored: %d", len(h))
	}
}

func TestFailedSaveRecordsNoRevision(t *testing.T) {
	s, _ := openTemp(t)
	bad := sample()
	bad.DirectCostColumn = "sideways"
	s.SaveSettings(ctx, DefaultProfile, 0, bad, time.Now(), Author{})
	if h, _ := s.History(ctx, DefaultProfile, 10); len(h) != 0 {
		t.Fatalf("a refused save left history: %+v", h)
	}
}

func TestProfileLifecycle(t *testing.T) {
	s, _ := openTemp(t)
	if last, err := s.LastProfile(ctx); err != nil || last != DefaultProfile {
		t.Fatalf("first last profile: %q %v", last, err)
	}
	if err := s.CreateProfile(ctx, "p2", "Second Co"); err != nil {
		t.Fatal(err)
	}
	s.SetLastProfile(ctx, "p2")
	if last, _ := s.LastProfile(ctx); last != "p2" {
		t.Fatalf("last profile: %q", last)
	}
	if err := s.RenameProfile(ctx, "p2", "Renamed Co"); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameProfile(ctx, "nope", "x"); !errors.Is(err, ErrNoProfile) {
		t.Fatalf("rename of a missing profile: %v", err)
	}
	s.SaveSettings(ctx, "p2", 0, sample(), time.Now(), Author{})
	second := sample()
	second.ServiceUser = "other-user"
	s.SaveSettings(ctx, "p2", 1, second, time.Now(), Author{})
	if users, _ := s.ServiceUsers(ctx, "p2"); len(users) != 2 {
		t.Fatalf("service users: %v", users)
	}
	if err := s.DeleteProfile(ctx, "p2"); err != nil {
		t.Fatal(err)
	}
	if h, _ := s.History(ctx, "p2", 10); len(h) != 0 {
		t.Fatal("the deleted profile's history is still there")
	}
	if last, _ := s.LastProfile(ctx); last != DefaultProfile {
		t.Fatalf("last profile after deleting it: %q", last)
	}
	profiles, _ := s.Profiles(ctx)
	if len(profiles) != 1 || profiles[0].ID != DefaultProfile {
		t.Fatalf("profiles: %+v", profiles)
	}
}

func TestChosenLocaleIsRemembered(t *testing.T) {
	s, path := openTemp(t)
	if tag, err := s.ChosenLocale(ctx); err != nil || tag != "" {
		t.Fatalf("never chosen: %q %v", tag, err)
	}
	if err := s.ChooseLocale(ctx, "en-GB"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if tag, _ := again.ChosenLocale(ctx); tag != "en-GB" {
		t.Fatalf("after reopening: %q", tag)
	}
	if err := again.ChooseLocale(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if tag, _ := again.ChosenLocale(ctx); tag != "" {
		t.Fatalf("following the system again: %q", tag)
	}
}
