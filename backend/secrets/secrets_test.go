package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/99designs/keyring"
)

var ctx = context.Background()

// openReal opens the real platform keychain. make test runs the tests in a
// private D-Bus session with an unlocked gnome-keyring and sets
// QBSETTINGS_KEYRING_TESTS=1, so there a missing keychain is a failure;
// a bare `go test` elsewhere skips.
func openReal(t *testing.T) *Keychain {
	t.Helper()
	k, err := Open(ctx)
	if err != nil {
		if os.Getenv("QBSETTINGS_KEYRING_TESTS") == "1" {
			t.Fatalf("the test keychain is not usable: %v", err)
		}
		t.Skipf("no keychain here (%v); run the tests with make test", err)
	}
	return k
}

func TestRoundTripInRealKeychain(t *testing.T) {
	k := openReal(t)
	profile := Account{Profile: "test-" + t.Name(), User: "procore-sync"}
	t.Cleanup(func() { k.Remove(ctx, profile) })

	if _, has, err := k.Get(ctx, profile); err != nil || has {
		t.Fatalf("fresh profile: has=%v err=%v", has, err)
	}
	for _, pw := range []string{"first password", "  spaces and ünïcode ✓  "} {
		if err := k.Set(ctx, profile, pw); err != nil {
			t.Fatal(err)
		}
		got, found, err := k.Get(ctx, profile)
		if err != nil || !found || got != pw {
			t.Fatalf("Get = %q, %v, %v; want %q", got, found, err, pw)
		}
	}
	if err := k.Remove(ctx, profile); err != nil {
		t.Fatal(err)
	}
	if _, has, _ := k.Get(ctx, profile); has {
		t.Fatal("password still there after Remove")
	}
	if err := k.Remove(ctx, profile); err != nil {
		t.Fatalf("removing an absent password: %v", err)
	}
}

func TestAccountsAreSeparate(t *testing.T) {
	k := openReal(t)
	a := Account{Profile: "test-a-" + t.Name(), User: "sync"}
	others := []Account{{Profile: "test-b-" + t.Name(), User: "sync"}, {Profile: a.Profile, User: "other"}}
	t.Cleanup(func() { k.Remove(ctx, a) })
	if err := k.Set(ctx, a, "for a"); err != nil {
		t.Fatal(err)
	}
	for _, o := range others {
		if _, has, _ := k.Get(ctx, o); has {
			t.Fatalf("%+v sees the password of %+v", o, a)
		}
	}
}

// scoped gives the test a part of the keychain of its own, so that
// RemoveAll cannot reach the entries other tests use at the same time.
func scoped(t *testing.T, k *Keychain) *Keychain {
	k.scope = fmt.Sprintf("test %s %d ", t.Name(), time.Now().UnixNano())
	return k
}

func TestRemoveAllTakesOnlyOurs(t *testing.T) {
	k := scoped(t, openReal(t))
	ours := []Entry{Account{Profile: "test-" + t.Name(), User: "a"}, Account{Profile: "test-" + t.Name(), User: "b"},
		PendingPassword{Account: Account{Profile: "test-" + t.Name(), User: "b"}, Token: "db.1"},
		ProcoreSecret{CompanyID: 4242, ClientID: "test-" + t.Name()}}
	for _, a := range ours {
		if err := k.Set(ctx, a, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	// Another program's entry in the same store.
	other := keyring.Item{Key: "someone-else", Data: []byte("theirs")}
	if err := k.ring.Set(other); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.ring.Remove(other.Key) })

	// An entry of the same name outside the scope: another test's.
	unscoped := openReal(t)
	neighbor := Account{Profile: "test-" + t.Name(), User: "a"}
	if err := unscoped.Set(ctx, neighbor, "neighbor's"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unscoped.Remove(ctx, neighbor) })

	n, err := k.RemoveAll(ctx)
	if err != nil || n != len(ours) {
		t.Fatalf("RemoveAll = %d, %v", n, err)
	}
	for _, a := range ours {
		if _, found, _ := k.Get(ctx, a); found {
			t.Fatalf("%+v still stored", a)
		}
	}
	if _, err := k.ring.Get(other.Key); err != nil {
		t.Fatalf("another program's entry was removed: %v", err)
	}
	if _, found, _ := unscoped.Get(ctx, neighbor); !found {
		t.Fatal("an entry outside the scope was removed")
	}
}

// hungRing is a keyring that never answers, as a Secret Service waiting on
// an unseen prompt does.
type hungRing struct {
	keyring.Keyring
	release chan struct{}
}

func (h hungRing) Get(string) (keyring.Item, error) { <-h.release; return keyring.Item{}, nil }
func (h hungRing) Set(keyring.Item) error           { <-h.release; return nil }

func TestHungKeychainTimesOut(t *testing.T) {
	h := hungRing{release: make(chan struct{})}
	defer close(h.release)
	k := New(func() (keyring.Keyring, error) { return h, nil }, 50*time.Millisecond)

	start := time.Now()
	if err := k.Set(ctx, Account{"p", "u"}, "pw"); !errors.Is(err, ErrTimeout) {
		t.Fatalf("Set on a hung keychain: %v, want ErrTimeout", err)
	}
	// The first call is still hung; the next one must not wait behind it
	// for longer than its own timeout.
	if _, _, err := k.Get(ctx, Account{"p", "u"}); !errors.Is(err, ErrTimeout) {
		t.Fatalf("Get behind a hung call: %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("two timed-out calls took %v", d)
	}
}

func TestInvalidNamesNeverReachTheKeychain(t *testing.T) {
	k := openReal(t)
	good := Account{Profile: "test-" + t.Name(), User: "procore-sync"}
	t.Cleanup(func() { k.Remove(ctx, good) })
	for _, user := range []string{"a\x00b", "\xff\xfe", "line\nbreak"} {
		bad := Account{Profile: "test-" + t.Name(), User: user}
		if _, _, err := k.Get(ctx, bad); !errors.Is(err, ErrInvalidName) {
			t.Errorf("Get %q: %v, want ErrInvalidName", user, err)
		}
		if err := k.Set(ctx, bad, "pw"); !errors.Is(err, ErrInvalidName) {
			t.Errorf("Set %q: %v, want ErrInvalidName", user, err)
		}
		if err := k.Remove(ctx, bad); !errors.Is(err, ErrInvalidName) {
			t.Errorf("Remove %q: %v, want ErrInvalidName", user, err)
		}
	}
	if err := k.Set(ctx, good, "pw"); err != nil {
		t.Fatalf("a valid call after refused ones: %v", err)
	}
}

func TestParseKeyReadsBackEveryEntry(t *testing.T) {
	for _, e := range []Entry{
		Account{Profile: "default", User: "procore-sync"},
		Account{Profile: "company-1a2b", User: "DOMAIN\\user, user two"},
		PendingPassword{Account: Account{Profile: "default", User: "a, b"}, Token: "db1.tok"},
		ProcoreSecret{CompanyID: 4242, ClientID: "a1b2c3, client d4"},
	} {
		got, ok := parseKey(e.Key())
		if !ok || got != e {
			t.Errorf("parseKey(%q) = %#v %v", e.Key(), got, ok)
		}
	}
	for _, key := range []string{"someone-else", "profile , user x", "pending , profile p, user u", "profile p",
		"procore company 0, client x", "procore company 12, client ", "procore company twelve, client x", "procore company 12"} {
		if _, ok := parseKey(key); ok {
			t.Errorf("parseKey(%q) took another program's name as ours", key)
		}
	}
}

func TestPendingPasswordsOfOneDatabase(t *testing.T) {
	k := scoped(t, openReal(t))
	a := Account{Profile: "test-" + t.Name(), User: "sync"}
	mine := []PendingPassword{{a, "dbA.1"}, {a, "dbA.2"}}
	theirs := PendingPassword{a, "dbB.1"}
	for _, p := range append(mine, theirs) {
		if err := k.Set(ctx, p, "pw "+p.Token); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { k.RemoveAll(ctx) })
	got, err := k.PendingPasswords(ctx, "dbA.")
	if err != nil || len(got) != 2 {
		t.Fatalf("PendingPasswords = %v, %v", got, err)
	}
	for _, p := range got {
		if pw, _, _ := k.Get(ctx, p); pw != "pw "+p.Token {
			t.Errorf("%s holds %q", p.Key(), pw)
		}
	}
}
