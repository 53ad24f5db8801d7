package secrets

import (
	"errors"
	"io"
	"net"
	"sync"
	"syscall"
	_ "unsafe" // for go:linkname

	"github.com/godbus/dbus"
)

// sharedSessionBus is the session bus connection that godbus shares between
// its users; 99designs/keyring's Secret Service backend (through
// go-libsecret) always takes that one. When the bus closes it (as it does on
// a malformed message), this godbus version keeps handing out the closed
// connection forever and offers no way to pass another, so the keychain
// would stay broken until the app restarts. Clearing it lets the next
// keyring.Open dial a new connection. A test (TestReconnectsAfterTheBusClosedTheConnection)
// proves this still works with the version in go.sum.
//
//go:linkname sharedSessionBus github.com/godbus/dbus.sessionBus
var sharedSessionBus *dbus.Conn

// sessionBusLock guards sharedSessionBus in godbus.
//
//go:linkname sessionBusLock github.com/godbus/dbus.sessionBusLck
var sessionBusLock sync.Mutex

// connectionLost tells whether err says the D-Bus connection is gone.
func connectionLost(err error) bool {
	return errors.Is(err, dbus.ErrClosed) || errors.Is(err, io.EOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET)
}

// resetConnection drops the shared session bus connection, so that the
// next keyring.Open connects anew. Calls still holding the old connection
// only fail, as they would have anyway.
func resetConnection() {
	sessionBusLock.Lock()
	defer sessionBusLock.Unlock()
	if sharedSessionBus != nil {
		_ = sharedSessionBus.Close()
	}
	sharedSessionBus = nil
}
