package secrets

import (
	"testing"

	"github.com/godbus/dbus"
)

// A message the bus refuses (here a NUL, sent past our own check) makes it
// close the connection, which godbus shares and would keep handing out
// closed. The next call through the Keychain must notice the loss, drop
// the shared connection and work on a new one, instead of failing until the
// app restarts. Linux only: elsewhere there is no bus connection to lose.
func TestReconnectsAfterTheBusClosedTheConnection(t *testing.T) {
	k := openReal(t)
	good := Account{Profile: "test-" + t.Name(), User: "procore-sync"}
	t.Cleanup(func() { k.Remove(ctx, good) })
	if err := k.Set(ctx, good, "before"); err != nil {
		t.Fatal(err)
	}
	ring, err := k.connection()
	if err != nil {
		t.Fatal(err)
	}
	bus := currentSessionBus()
	if bus == nil {
		t.Fatal("no shared session bus connection after a call")
	}
	_, err = ring.Get("profile x, user a\x00b")
	if closed := bus.BusObject().Call("org.freedesktop.DBus.GetId", 0).Err; closed == nil {
		t.Fatalf("the bus still answers after a NUL was sent (%v): nothing was lost, so this test would prove nothing", err)
	}
	if !connectionLost(err) {
		t.Fatalf("the error of the call that lost the connection is not taken for a lost connection: %v (%T)", err, err)
	}

	for i := range 2 {
		got, found, err := k.Get(ctx, good)
		if err != nil || !found || got != "before" {
			t.Fatalf("call %d after the connection closed: %q %v %v", i+1, got, found, err)
		}
	}
	if now := currentSessionBus(); now == bus || now == nil {
		t.Fatal("the closed session bus connection was not replaced")
	}
	if again, _ := k.connection(); again == ring {
		t.Fatal("the keychain still holds the keyring of the closed connection")
	}
}

// currentSessionBus is the session bus connection godbus shares now.
func currentSessionBus() *dbus.Conn {
	sessionBusLock.Lock()
	defer sessionBusLock.Unlock()
	return sharedSessionBus
}
