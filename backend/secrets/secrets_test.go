package secrets

import (
	"context"
	"errors"
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

func TestRemoveAllTakesOnlyOurs(t *testing.T) {
	k := openReal(t)
	ours := []Account{{Profile: "test-" + t.Name(), User: "a"}, {Profile: "test-" + t.Name(), User: "b"}}
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

	n, err := k.RemoveAll(ctx)
	if err != nil || n < len(ours) {
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
	k := New(h, 50*time.Millisecond)

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
