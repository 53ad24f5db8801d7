package appservice

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// recordingKeys passes every call on to the real keychain and notes the
// names it was asked about.
type recordingKeys struct {
	Passwords
	mu    sync.Mutex
	names []string
}

func (r *recordingKeys) note(e secrets.Entry) {
	r.mu.Lock()
	r.names = append(r.names, e.Key())
	r.mu.Unlock()
}
func (r *recordingKeys) Get(ctx context.Context, e secrets.Entry) (string, bool, error) {
	r.note(e)
	return r.Passwords.Get(ctx, e)
}
func (r *recordingKeys) Set(ctx context.Context, e secrets.Entry, pw string) error {
	r.note(e)
	return r.Passwords.Set(ctx, e, pw)
}
func (r *recordingKeys) Remove(ctx context.Context, e secrets.Entry) error {
	r.note(e)
	return r.Passwords.Remove(ctx, e)
}

// A value with a hidden character is refused with the rules' message
// before it reaches the keychain, and the next valid Update saves.
func TestHiddenCharactersAreRefusedBeforeTheKeychain(t *testing.T) {
	f := newFixture(t)
	rec := &recordingKeys{Passwords: f.keys}
	f.svc = New(f.store, func(context.Context) (Passwords, error) { return rec, nil }, slog.New(slog.DiscardHandler))
	base := int64(0)
	for i, user := range []string{"procore\x00sync", "procore\u200bsync", "\u202eprocore-sync", "procore\u2066sync", "\ufeffprocore-sync", "procore\xffsync"} {
		c := settings.Change{Settings: filled(), ChangePassword: true, Password: "pw"}
		c.Settings.ServiceUser = user
		for _, call := range []string{"validate", "save", "test"} {
			var errs []settings.FieldError
			var err error
			switch call {
			case "validate":
				errs, err = f.svc.Validate(ctx, f.profile, c)
			case "save":
				_, errs, err = f.svc.Save(ctx, f.profile, base, c)
			case "test":
				_, errs, err = f.svc.TestConnection(ctx, f.profile, c)
			}
			if err != nil || len(errs) != 1 || errs[0].Field != settings.FieldServiceUser || !strings.Contains(errs[0].Message, "hidden character") {
				t.Fatalf("%s with user %q: %v %v", call, user, errs, err)
			}
		}
		for _, name := range rec.names {
			if strings.Contains(name, user) {
				t.Fatalf("the keychain was asked about %q", name)
			}
		}
		// The next valid Update saves.
		st, errs, err := f.svc.Save(ctx, f.profile, base, settings.Change{Settings: filled(), ChangePassword: true, Password: fmt.Sprint("pw ", i)})
		if err != nil || len(errs) > 0 {
			t.Fatalf("valid save after %q: %v %v", user, errs, err)
		}
		base = st.Saved.Revision
		if got := f.storedPassword(t); got != fmt.Sprint("pw ", i) {
			t.Fatalf("stored %q", got)
		}
	}
	for _, url := range []string{"https://qbserver\u200b:8443", "https://\u202eqbserver", "https://qb\x00server"} {
		c := settings.Change{Settings: filled(), ChangePassword: true, Password: "pw"}
		c.Settings.ServiceURL = url
		_, errs, err := f.svc.Save(ctx, f.profile, base, c)
		if err != nil || len(errs) != 1 || errs[0].Field != settings.FieldServiceURL || !strings.Contains(errs[0].Message, "hidden character") {
			t.Fatalf("save with URL %q: %v %v", url, errs, err)
		}
	}
}

// restart gives the fixture a new service on the same database and
// keychain, as the app's next start would.
func (f *fixture) restart() {
	f.svc = New(f.store, func(context.Context) (Passwords, error) { return f.keys, nil }, slog.New(slog.DiscardHandler))
}

// A save killed after writing its pending password but before its commit
// changed nothing: the next start removes the pending entry.
func TestSaveKilledBeforeCommitChangesNothing(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "old"}); err != nil {
		t.Fatal(err)
	}
	acct := secrets.Account{Profile: f.profile, User: "procore-sync"}
	orphan, err := f.svc.newPendingPassword(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.keys.Set(ctx, orphan, "never saved"); err != nil {
		t.Fatal(err)
	}

	f.restart()
	st, err := f.svc.Load(ctx, f.profile)
	if err != nil || !st.PasswordStored || st.Saved.Revision != 1 {
		t.Fatalf("after the restart: %+v %v", st, err)
	}
	if got := f.storedPassword(t); got != "old" {
		t.Fatalf("password %q, want the old one", got)
	}
	if _, found, _ := f.keys.Get(ctx, orphan); found {
		t.Fatal("the pending entry of a save that never landed is still there")
	}
}

// A save killed after its commit but before the pending password became
// the account's: the next keychain read settles it, once.
func TestSaveKilledAfterCommitIsCompletedByTheNextRead(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "old"}); err != nil {
		t.Fatal(err)
	}
	acct := secrets.Account{Profile: f.profile, User: "procore-sync"}
	// Steps 1 and 2 of a save, as a process killed before step 3 leaves them.
	landed := func(base int64, pw string) secrets.PendingPassword {
		p, err := f.svc.newPendingPassword(ctx, acct)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.store.SaveRevision(ctx, store.NewRevision{Profile: f.profile, Base: base, Settings: filled(), At: time.Now(),
			By:           store.Author{PasswordChanged: true, PasswordToken: p.Token},
			BeforeCommit: func() error { return f.keys.Set(ctx, p, pw) }})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	older := landed(1, "superseded")
	newer := landed(2, "newest")

	f.restart()
	errs, err := f.svc.Validate(ctx, f.profile, settings.Change{Settings: filled()})
	if err != nil || len(errs) != 0 {
		t.Fatalf("validate after the restart: %v %v", errs, err)
	}
	if got := f.storedPassword(t); got != "newest" {
		t.Fatalf("password %q, want the newest landed one", got)
	}
	for _, p := range []secrets.PendingPassword{older, newer} {
		if _, found, _ := f.keys.Get(ctx, p); found {
			t.Fatalf("pending entry %s left", p.Key())
		}
	}
	if has, _ := f.store.HasUnsettledPasswords(ctx); has {
		t.Fatal("the landed changes are not recorded as settled")
	}
	// Settling again (another process, a repeat) changes nothing.
	f.restart()
	if _, err := f.svc.Load(ctx, f.profile); err != nil || f.storedPassword(t) != "newest" {
		t.Fatalf("a second settlement: %v, %q", err, f.storedPassword(t))
	}
}
