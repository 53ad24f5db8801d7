package appservice

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
	"strings"
	"testing"
	"time"

	"github.com/99designs/keyring"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

var ctx = context.Background()

var retainage = settings.Item{ListID: "80000005-1468535148", FullName: "Retainage Payable", Type: "Service", IsActive: true}

type fixture struct {
	svc     *Service
	store   *store.Store
	keys    *secrets.Keychain
	dir     string
	profile string
	logBuf  *bytes.Buffer
}

// newFixture builds the service on a real SQLite file and the real
// keychain, with a profile of the test's own so packages tested in parallel
// never share a keychain entry.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	keys := testkeys.Open(t)
	f := &fixture{keys: keys, dir: testdir.New(t), profile: "form-" + t.Name(), logBuf: &bytes.Buffer{}}
	var err error
	if f.store, err = store.Open(filepath.Join(f.dir, store.FileName)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		f.store.Close()
		for _, user := range []string{"procore-sync", "new-user", "demo"} {
			keys.Remove(ctx, secrets.Account{Profile: f.profile, User: user})
		}
	})
	if err := f.store.CreateProfile(ctx, f.profile, t.Name()); err != nil {
		t.Fatal(err)
	}
	if err := f.store.ReplaceItems(ctx, f.profile, []settings.Item{retainage}, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(f.logBuf, nil))
	f.svc = New(f.store, func(context.Context) (Passwords, error) { return keys, nil }, log)
	return f
}

func filled() settings.Settings {
	s := settings.Defaults()
	s.ServiceURL = " https://qbserver:8443 "
	s.ServiceUser = "procore-sync"
	s.UseProcoreContractNumber = true
	s.RetainageItem = settings.ItemRef{ListID: retainage.ListID, FullName: retainage.FullName}
	return s
}

// storedPassword is the keychain's password for the profile's user
// procore-sync (the user of filled()).
func (f *fixture) storedPassword(t *testing.T) string {
	t.Helper()
	pw, _, err := f.keys.Get(ctx, secrets.Account{Profile: f.profile, User: "procore-sync"})
	if err != nil {
		t.Fatal(err)
	}
	return pw
}

func TestFirstLoad(t *testing.T) {
	f := newFixture(t)
	st, err := f.svc.Load(ctx, f.profile)
	if err != nil {
		t.Fatal(err)
	}
	if st.Saved.Revision != 0 || st.Saved.Settings != settings.Defaults() || st.PasswordStored ||
		st.Status.Connected || !st.Status.CheckedAt.IsZero() || st.ItemList.Count != 1 || st.KeychainProblem != "" {
		t.Fatalf("first load = %+v", st)
	}
}

func TestInvalidSaveStoresNothing(t *testing.T) {
	f := newFixture(t)
	c := settings.Change{Settings: settings.Defaults(), ChangePassword: true, Password: "pw"}
	_, errs, err := f.svc.Save(ctx, f.profile, 0, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 3 { // URL, user, retainage item
		t.Fatalf("field errors = %v", errs)
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if st.Saved.Revision != 0 || st.PasswordStored {
		t.Fatalf("a refused save stored something: %+v", st)
	}
}

func TestSaveKeepsPasswordOnlyInKeychain(t *testing.T) {
	f := newFixture(t)
	const secret = "Correct-Horse-7731-Battery"
	st, errs, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: secret})
	if err != nil || errs != nil {
		t.Fatalf("save: %v %v", errs, err)
	}
	if st.Saved.Revision != 1 || !st.PasswordStored || st.Saved.Settings.ServiceURL != "https://qbserver:8443" {
		t.Fatalf("after save: %+v", st)
	}
	if got := f.storedPassword(t); got != secret {
		t.Fatalf("keychain has %q", got)
	}
	// Keep the stored password: the box stays closed.
	next := filled()
	next.VendorUpdates = settings.VendorUpdatesNone
	if _, errs, err := f.svc.Save(ctx, f.profile, 1, settings.Change{Settings: next}); err != nil || errs != nil {
		t.Fatalf("second save: %v %v", errs, err)
	}
	if got := f.storedPassword(t); got != secret {
		t.Fatalf("keeping the password changed it to %q", got)
	}
	f.store.Close() // flush the WAL into the file before scanning it

	files, _ := filepath.Glob(filepath.Join(f.dir, "*"))
	for _, p := range files {
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the password is in %s", filepath.Base(p))
		}
	}
	if strings.Contains(f.logBuf.String(), secret) {
		t.Error("the password is in the log")
	}
	if !strings.Contains(f.logBuf.String(), "settings saved") {
		t.Error("the save was not logged")
	}
}

// failSettingsWrites makes every write to the settings table fail inside the
// transaction, as a failing disk would, with a real SQLite error.
func (f *fixture) failSettingsWrites(t *testing.T) { f.failWrites(t, "settings") }

// failWrites makes every insert and update of table fail with a real SQLite
// error, through a trigger.
func (f *fixture) failWrites(t *testing.T, table string) {
	t.Helper()
	db, err := sql.Open("sqlite3", filepath.Join(f.dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, ev := range []string{"INSERT", "UPDATE"} {
		if _, err := db.Exec(`CREATE TRIGGER fail_` + table + `_` + ev + ` BEFORE ` + ev + ` ON ` + table + `
			BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END`); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFailedDatabaseWriteKeepsThePassword(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "old-password"}); err != nil {
		t.Fatal(err)
	}
	f.failSettingsWrites(t)

	changed := filled()
	changed.UseProcoreContractNumber = false
	_, _, err := f.svc.Save(ctx, f.profile, 1, settings.Change{Settings: changed, ChangePassword: true, Password: "new-password"})
	var ue *UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Message(), "nothing was saved") {
		t.Fatalf("save on a failing database: %v", err)
	}
	if got := f.storedPassword(t); got != "old-password" {
		t.Fatalf("keychain has %q after the failed save, want the old password", got)
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if !st.Saved.Settings.UseProcoreContractNumber || st.Saved.Revision != 1 {
		t.Fatalf("failed save changed the settings: %+v", st.Saved)
	}
}

func TestFailedFirstSaveRemovesNewPassword(t *testing.T) {
	f := newFixture(t)
	f.failSettingsWrites(t)
	_, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "first"})
	if err == nil {
		t.Fatal("save on a failing database succeeded")
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if st.PasswordStored {
		t.Fatal("the password of a failed first save is still in the keychain")
	}
}

func TestStaleSaveIsRefusedBeforeTheKeychain(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "one"}); err != nil {
		t.Fatal(err)
	}
	_, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "two"})
	var ue *UserError
	if !errors.As(err, &ue) || ue.Said.Code != "app.conflict" || !strings.Contains(ue.Message(), "Load the latest settings") {
		t.Fatalf("stale save: %v", err)
	}
	if got := f.storedPassword(t); got != "one" {
		t.Fatalf("stale save changed the password to %q", got)
	}
}

func TestNoKeychainMeansNoSave(t *testing.T) {
	dir := testdir.New(t)
	st, err := store.Open(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.ReplaceItems(ctx, store.DefaultProfile, []settings.Item{retainage}, time.Now(), "")
	noKeychain := func(context.Context) (Passwords, error) {
		return nil, errors.Join(secrets.ErrUnavailable, errors.New("no Secret Service on the bus"))
	}
	svc := New(st, noKeychain, slog.New(slog.DiscardHandler))

	loaded, err := svc.Load(ctx, store.DefaultProfile)
	if err != nil || !strings.Contains(loaded.KeychainProblem, "No system keychain is available") {
		t.Fatalf("load without a keychain: %q, %v", loaded.KeychainProblem, err)
	}
	_, _, err = svc.Save(ctx, store.DefaultProfile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "pw"})
	if msg := MessageFor(err); !strings.HasPrefix(msg, "Nothing was saved. No system keychain") {
		t.Fatalf("save without a keychain: %q", msg)
	}
	if saved, _ := st.LoadSettings(ctx, store.DefaultProfile); saved.Revision != 0 {
		t.Fatal("settings were saved without a keychain")
	}
}

// hungRing is a keyring that never answers.
type hungRing struct {
	keyring.Keyring
	release chan struct{}
}

func (h hungRing) Get(string) (keyring.Item, error) { <-h.release; return keyring.Item{}, nil }
func (h hungRing) Keys() ([]string, error)          { <-h.release; return nil, nil }

func TestHungKeychainGivesUpAndSavesNothing(t *testing.T) {
	dir := testdir.New(t)
	st, err := store.Open(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := hungRing{release: make(chan struct{})}
	defer close(h.release)
	keys := secrets.New(func() (keyring.Keyring, error) { return h, nil }, 100*time.Millisecond)
	svc := New(st, func(context.Context) (Passwords, error) { return keys, nil }, slog.New(slog.DiscardHandler))

	_, _, err = svc.Save(ctx, store.DefaultProfile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "pw"})
	if msg := MessageFor(err); !strings.Contains(msg, "did not answer in time") {
		t.Fatalf("save on a hung keychain: %q", msg)
	}
}

func TestValidateUsesStoredPasswordAndItems(t *testing.T) {
	f := newFixture(t)
	errs, err := f.svc.Validate(ctx, f.profile, settings.Change{Settings: filled()})
	if err != nil || len(errs) != 1 || errs[0].Field != settings.FieldPassword {
		t.Fatalf("before any password is stored: %v, %v", errs, err)
	}
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "pw"}); err != nil {
		t.Fatal(err)
	}
	errs, _ = f.svc.Validate(ctx, f.profile, settings.Change{Settings: filled()})
	if len(errs) != 0 {
		t.Fatalf("with a stored password: %v", errs)
	}
}

func TestChangingTheUserNeedsItsPasswordAndForgetsTheOld(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "old-user-pw"}); err != nil {
		t.Fatal(err)
	}
	changed := filled()
	changed.ServiceUser = "new-user"
	_, errs, err := f.svc.Save(ctx, f.profile, 1, settings.Change{Settings: changed})
	if err != nil || len(errs) != 1 || !strings.Contains(errs[0].Message, "No password is stored for this Service User") {
		t.Fatalf("new user with the old password: %v %v", errs, err)
	}
	if _, _, err := f.svc.Save(ctx, f.profile, 1, settings.Change{Settings: changed, ChangePassword: true, Password: "new-user-pw"}); err != nil {
		t.Fatal(err)
	}
	if pw, found, _ := f.keys.Get(ctx, secrets.Account{Profile: f.profile, User: "new-user"}); !found || pw != "new-user-pw" {
		t.Fatalf("new user's password: %q %v", pw, found)
	}
	if _, found, _ := f.keys.Get(ctx, secrets.Account{Profile: f.profile, User: "procore-sync"}); found {
		t.Fatal("the old user's password is still in the keychain")
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if !st.PasswordStored || st.Saved.Settings.ServiceUser != "new-user" {
		t.Fatalf("after the change: %+v", st)
	}
}

func TestHistoryRecordsWhoWhatAndPasswordChangesOnly(t *testing.T) {
	f := newFixture(t)
	f.svc.whoami = func() string { return "OFFICE\\pat" }
	const secret = "History-Secret-9921"
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: secret}); err != nil {
		t.Fatal(err)
	}
	next := filled()
	next.VendorUpdates = settings.VendorUpdatesNone
	if _, _, err := f.svc.Save(ctx, f.profile, 1, settings.Change{Settings: next}); err != nil {
		t.Fatal(err)
	}
	h, err := f.svc.History(ctx, f.profile)
	if err != nil || len(h) != 2 {
		t.Fatalf("history: %+v %v", h, err)
	}
	newest := h[0]
	if newest.Revision.Revision != 2 || newest.SavedBy != "OFFICE\\pat" || len(newest.Changes) != 1 ||
		newest.Changes[0].Old != "Automatically Update Vendors when Refreshing the Vendor List" || newest.Changes[0].New != "Do Not Update Vendors" {
		t.Fatalf("newest: %+v", newest)
	}
	oldest := h[1]
	last := oldest.Changes[len(oldest.Changes)-1]
	if last.Label != settings.LabelServicePassword.Text() || last.New != "password changed" {
		t.Fatalf("first save's changes: %+v", oldest.Changes)
	}
	f.store.Close()
	b, _ := os.ReadFile(filepath.Join(f.dir, store.FileName))
	if bytes.Contains(b, []byte(secret)) {
		t.Fatal("the password is in the database")
	}
}
