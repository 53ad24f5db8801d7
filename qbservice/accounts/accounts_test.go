package accounts

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"qbsettings/backend/localservice"
	"qbsettings/internal/testdir"
	"qbsettings/qbservice/servicedb"
)

var ctx = context.Background()

const (
	user     = "procore-sync"
	password = "correct horse battery"
)

// The callers of the tests: the owner's app (its device token), the Web
// Connector and a guesser on the same computer, a guesser elsewhere.
var (
	ownersApp  = Caller{Device: "owners-app-device-token-0123456789abcdef", Addr: "127.0.0.1"}
	localCall  = Caller{Addr: "127.0.0.1"}
	remoteCall = Caller{Addr: "192.0.2.7"}
)

// clock is a test's time, moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

func open(t *testing.T) (*Accounts, *servicedb.DB, *clock) {
	t.Helper()
	db, err := servicedb.Open(filepath.Join(testdir.New(t), servicedb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := &clock{t: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	a := New(db).WithCost(bcrypt.MinCost).WithClock(c.now)
	if err := a.Set(ctx, user, password); err != nil {
		t.Fatal(err)
	}
	return a, db, c
}

// verify is Verify's outcome in short: "ok", "wrong", or "wait 2s".
func verify(a *Accounts, c Caller, u, p string) string {
	g, err := a.Verify(ctx, c, u, p)
	var slowed *WaitError
	switch {
	case errors.As(err, &slowed):
		return "wait " + slowed.Wait.String()
	case err != nil:
		return err.Error()
	case g.OK:
		return "ok"
	}
	return "wrong"
}

func TestOnlyTheRightPasswordSignsIn(t *testing.T) {
	a, db, _ := open(t)
	hash, _, _ := db.PasswordHash(ctx, user)
	if strings.Contains(hash, "correct horse") || !strings.HasPrefix(hash, "$2") {
		t.Fatalf("kept as %q", hash)
	}
	for _, tc := range []struct {
		user, password string
		want           string
	}{
		{user, password, "ok"},
		{user, "correct horse batterY", "wrong"},
		{user, "", "wrong"},
		{"PROCORE-SYNC", password, "wrong"},
		{"nobody", password, "wrong"},
		{user, password, "ok"}, // known now, and still right
	} {
		if got := verify(a, remoteCall, tc.user, tc.password); got != tc.want {
			t.Errorf("%s/%s: %s, want %s", tc.user, tc.password, got, tc.want)
		}
	}
	// A new password replaces the old one, which was known a moment ago.
	if err := a.Set(ctx, user, "a new password here"); err != nil {
		t.Fatal(err)
	}
	if got := verify(a, remoteCall, user, password); got != "wrong" {
		t.Fatalf("the old password: %s", got)
	}
	g, err := a.Verify(ctx, remoteCall, user, "a new password here")
	if err != nil || !g.OK || g.Generation != 2 {
		t.Fatalf("the new password: %+v %v", g, err)
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

// Wrong passwords in a row from one caller: three are free, then each
// waits twice as long as the one before, up to MaxWait, whatever the
// count (the old shift overflowed to no wait at all after 58). A caller
// told to wait was checked for nothing; a right password ends it.
func TestWrongPasswordsInARowAreSlowedDown(t *testing.T) {
	a, _, c := open(t)
	var waits []string
	for range 200 {
		got := verify(a, remoteCall, user, "guess")
		if strings.HasPrefix(got, "wait ") {
			waits = append(waits, got)
			wait, _ := time.ParseDuration(strings.TrimPrefix(got, "wait "))
			c.add(wait)
			if again := verify(a, remoteCall, user, "guess"); again != "wrong" {
				t.Fatalf("after the wait: %s", again)
			}
		}
	}
	want := []string{"wait 1s", "wait 2s", "wait 4s", "wait 8s", "wait 8s"}
	if strings.Join(waits[:5], ",") != strings.Join(want, ",") {
		t.Fatalf("waited %v, want %v first", waits[:5], want)
	}
	for _, w := range waits {
		if w != "wait 1s" && w != "wait 2s" && w != "wait 4s" && w != "wait 8s" {
			t.Fatalf("a wait of %s", w)
		}
	}
	// Waiting the whole time, the right password gets in, and clears it.
	c.add(MaxWait)
	if got := verify(a, remoteCall, user, password); got != "ok" {
		t.Fatalf("the right password after the wait: %s", got)
	}
	if got := verify(a, remoteCall, user, "guess"); got != "wrong" {
		t.Fatalf("after a success: %s", got)
	}
}

func TestTheWaitNeverOverflows(t *testing.T) {
	prev := time.Duration(0)
	for k := range failureCeiling + 10 {
		w := waitAfter(k)
		if w < prev || w > MaxWait {
			t.Fatalf("after %d failures: %v (before: %v)", k, w, prev)
		}
		prev = w
	}
	if prev != MaxWait {
		t.Fatalf("the longest wait is %v", prev)
	}
}

// Guesses sent side by side are counted as they start: of 100 sent at
// once, only the free three are checked; the rest are told to wait.
func TestGuessesSideBySideAreGuesses(t *testing.T) {
	a, _, _ := open(t)
	var mu sync.Mutex
	outcomes := map[string]int{}
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			got := verify(a, remoteCall, user, "guess")
			mu.Lock()
			outcomes[got]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if outcomes["wrong"] > freeTries || outcomes["wrong"]+outcomes["wait 1s"] != 100 {
		t.Fatalf("checked %d of 100 sent at once: %v", outcomes["wrong"], outcomes)
	}
}

// The owner is never locked out: guesses from the same computer slow
// down that address only. The owner's app, which signed in from its
// device before, gets in at once while they go on; an address where no
// one guessed is not slowed; and once guessing stops, the right password
// gets in from the guessed address within MaxWait.
func TestGuessingNeverLocksTheOwnerOut(t *testing.T) {
	a, _, c := open(t)
	if got := verify(a, ownersApp, user, password); got != "ok" {
		t.Fatalf("the app's first sign-in: %s", got)
	}
	for range 50 {
		verify(a, localCall, user, "guess")
		c.add(500 * time.Millisecond)
		if got := verify(a, ownersApp, user, password); got != "ok" {
			t.Fatalf("the owner's app while guesses go on: %s", got)
		}
	}
	if got := verify(a, localCall, user, password); !strings.HasPrefix(got, "wait ") {
		t.Fatalf("the guessed address, still slowed: %s", got)
	}
	if got := verify(a, remoteCall, user, password); got != "ok" {
		t.Fatalf("another address: %s", got)
	}
	c.add(MaxWait)
	if got := verify(a, localCall, user, password); got != "ok" {
		t.Fatalf("once guessing stopped, after MaxWait: %s", got)
	}
}

// A device is trusted only once it signed in with the right password: a
// guesser's made-up tokens share its address's lane, and a malformed
// token is no token.
func TestMadeUpDevicesShareTheirAddress(t *testing.T) {
	a, db, _ := open(t)
	for i := range 10 {
		made := Caller{Device: strings.Repeat("x", 40) + string(rune('a'+i)), Addr: "192.0.2.9"}
		verify(a, made, user, "guess")
	}
	if got := verify(a, Caller{Device: strings.Repeat("y", 40), Addr: "192.0.2.9"}, user, "guess"); !strings.HasPrefix(got, "wait ") {
		t.Fatalf("the eleventh made-up device: %s", got)
	}
	for _, bad := range []string{"short", strings.Repeat("z", 129), strings.Repeat("é", 20), strings.Repeat("a", 39) + "\n"} {
		if (Caller{Device: bad}).device() != "" {
			t.Errorf("%q taken as a device token", bad)
		}
	}
	if trusted, _ := db.DeviceTrusted(ctx, user, deviceHash(strings.Repeat("y", 40))); trusted {
		t.Fatal("a guesser's device is trusted")
	}
}

// A new password starts afresh: failures before it do not slow it, and
// the devices that signed in with the old one are forgotten.
func TestANewPasswordStartsAfresh(t *testing.T) {
	a, db, _ := open(t)
	if got := verify(a, ownersApp, user, password); got != "ok" {
		t.Fatal(got)
	}
	for range 10 {
		verify(a, localCall, user, "guess")
	}
	if err := a.Set(ctx, user, "the password after a leak"); err != nil {
		t.Fatal(err)
	}
	if trusted, _ := db.DeviceTrusted(ctx, user, deviceHash(ownersApp.Device)); trusted {
		t.Fatal("the device is still trusted after the password changed")
	}
	if got := verify(a, localCall, user, "the password after a leak"); got != "ok" {
		t.Fatalf("the new password from the guessed address: %s", got)
	}
}

// The app checks a password for the service on its computer by the same
// rule before it sends it.
func TestTheAppKnowsThePasswordRule(t *testing.T) {
	if localservice.MinPasswordBytes != MinPasswordBytes || localservice.MaxPasswordBytes != MaxPasswordBytes {
		t.Fatalf("localservice says %d to %d bytes, the service %d to %d", localservice.MinPasswordBytes, localservice.MaxPasswordBytes, MinPasswordBytes, MaxPasswordBytes)
	}
}
