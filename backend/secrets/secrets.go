// Package secrets keeps the QuickBooks service password in the platform
// keychain: Windows Credential Manager, the macOS Keychain or the Secret
// Service on Linux. There is deliberately no file fallback: if no keychain
// can be used, the caller is told and nothing is stored.
package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/99designs/keyring"
)

// ProductName and ServiceName name the app's entries in the keychain: in
// Windows Credential Manager their target names start with
// "QuickBooks Integration Settings:service password:".
const (
	ProductName = "QuickBooks Integration Settings"
	ServiceName = "service password"
)

// ScopeEnv names an environment variable whose value is put before every
// entry's name. Tests set it so that tests sharing one keychain, RemoveAll
// among them, never touch each other's entries; people never need it.
const ScopeEnv = "QBSETTINGS_KEYCHAIN_SCOPE"

// DefaultTimeout bounds every keychain call: a keychain that hangs (a locked
// Secret Service waiting on a prompt nobody sees, say) must not freeze the app.
const DefaultTimeout = 3 * time.Second

var (
	// ErrUnavailable means no platform keychain could be used.
	ErrUnavailable = errors.New("no system keychain is available")
	// ErrTimeout means the keychain did not answer in time.
	ErrTimeout = errors.New("the system keychain did not answer in time")
	// ErrInvalidName means an entry's name holds a character the keychain
	// cannot take: NUL cuts a Windows credential's name short (reaching
	// another entry), and NUL or bytes that are not UTF-8 break the Secret
	// Service's D-Bus connection. Such a name is refused before any call.
	ErrInvalidName = errors.New("the name of a keychain entry holds a character the keychain cannot take")
)

// Keychain stores the service password of each company profile and
// Service User.
type Keychain struct {
	open    func() (keyring.Keyring, error)
	scope   string
	timeout time.Duration
	// busy lets one call at a time reach the keychain. A call that is still
	// hung holds it, so later calls time out at once instead of piling up.
	busy chan struct{}

	mu   sync.Mutex
	ring keyring.Keyring // nil until opened, and again after a failed call
	lost bool            // the failed call's connection is gone; see resetConnection
}

// platformConfig asks for the platform's own keychain and nothing else.
// The Secret Service collection is "login", the one a desktop session (and
// gnome-keyring-daemon --unlock) creates and unlocks; any other collection
// would have to be created, which opens a prompt.
var platformConfig = keyring.Config{
	ServiceName:              ServiceName,
	AllowedBackends:          []keyring.BackendType{keyring.WinCredBackend, keyring.KeychainBackend, keyring.SecretServiceBackend},
	LibSecretCollectionName:  "login",
	WinCredPrefix:            ProductName,
	KeychainTrustApplication: true,
	KeychainSynchronizable:   false,
}

// Open connects to the platform keychain, giving up after DefaultTimeout.
// A connection that fails is opened again by the next call.
func Open(ctx context.Context) (*Keychain, error) {
	k := New(func() (keyring.Keyring, error) { return keyring.Open(platformConfig) }, DefaultTimeout)
	k.scope = os.Getenv(ScopeEnv)
	// Connect now, so that an unusable keychain is reported at once.
	if _, err := withTimeout(ctx, k.timeout, k.connection); err != nil {
		return nil, err
	}
	return k, nil
}

// New returns a keychain that connects with open; timeout bounds each call.
func New(open func() (keyring.Keyring, error), timeout time.Duration) *Keychain {
	return &Keychain{open: open, timeout: timeout, busy: make(chan struct{}, 1)}
}

// connection returns the open keyring, opening it if there is none.
func (k *Keychain) connection() (keyring.Keyring, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.ring != nil {
		return k.ring, nil
	}
	if k.lost {
		resetConnection()
		k.lost = false
	}
	ring, err := k.open()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	k.ring = ring
	return ring, nil
}

// failed drops the connection a call failed on, so that the next call opens
// a new one: one failed call must never disable the keychain for as long as
// the app runs.
func (k *Keychain) failed(ring keyring.Keyring, err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.ring == ring {
		k.ring = nil
		k.lost = k.lost || connectionLost(err)
	}
}

// Get returns the entry's password; found is false if none is stored.
func (k *Keychain) Get(ctx context.Context, e Entry) (password string, found bool, err error) {
	item, err := call(ctx, k, e, func(r keyring.Keyring, name string) (keyring.Item, error) { return r.Get(name) })
	if errors.Is(err, keyring.ErrKeyNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read password of %s: %w", e.Key(), err)
	}
	return string(item.Data), true, nil
}

// Set stores the entry's password, replacing any stored one.
func (k *Keychain) Set(ctx context.Context, e Entry, password string) error {
	_, err := call(ctx, k, e, func(r keyring.Keyring, name string) (struct{}, error) {
		return struct{}{}, r.Set(keyring.Item{
			Key:         name,
			Data:        []byte(password),
			Label:       ProductName + ": " + name,
			Description: e.description(),
		})
	})
	if err != nil {
		return fmt.Errorf("store password of %s: %w", e.Key(), err)
	}
	return nil
}

// Remove deletes the entry; removing none is not an error.
func (k *Keychain) Remove(ctx context.Context, e Entry) error {
	_, err := call(ctx, k, e, func(r keyring.Keyring, name string) (struct{}, error) { return struct{}{}, r.Remove(name) })
	if err != nil && !errors.Is(err, keyring.ErrKeyNotFound) {
		return fmt.Errorf("remove password of %s: %w", e.Key(), err)
	}
	return nil
}

// keys lists the names of this keychain's scope, without the scope.
func (k *Keychain) keys(ctx context.Context) ([]string, error) {
	all, err := call(ctx, k, nil, func(r keyring.Keyring, _ string) ([]string, error) { return r.Keys() })
	if err != nil {
		return nil, fmt.Errorf("list stored passwords: %w", err)
	}
	var out []string
	for _, name := range all {
		if rest, ok := strings.CutPrefix(name, k.scope); ok {
			out = append(out, rest)
		}
	}
	return out, nil
}

// RemoveAll deletes every password this app stored, current or pending, for
// every profile and user, and reports how many it removed.
func (k *Keychain) RemoveAll(ctx context.Context) (int, error) {
	keys, err := k.keys(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, key := range keys {
		e, ok := parseKey(key)
		if !ok {
			continue
		}
		if err := k.Remove(ctx, e); err != nil {
			return n, fmt.Errorf("remove %s: %w", key, err)
		}
		n++
	}
	return n, nil
}

// call runs fn against the keychain with the entry's full name (e may be
// nil for calls on no entry), one call at a time, within k.timeout. A call
// whose connection turns out to be gone is tried once more on a new one.
func call[T any](ctx context.Context, k *Keychain, e Entry, fn func(r keyring.Keyring, name string) (T, error)) (T, error) {
	var zero T
	name := ""
	if e != nil {
		name = k.scope + e.Key()
		if !validName(name) {
			return zero, ErrInvalidName
		}
	}
	ctx, cancel := context.WithTimeout(ctx, k.timeout)
	defer cancel()
	select {
	case k.busy <- struct{}{}:
	case <-ctx.Done():
		return zero, ErrTimeout
	}
	attempt := func() (T, error) {
		ring, err := k.connection()
		if err != nil {
			return zero, err
		}
		v, err := fn(ring, name)
		if err != nil && !errors.Is(err, keyring.ErrKeyNotFound) {
			k.failed(ring, err)
		}
		return v, err
	}
	return withTimeout(ctx, k.timeout, func() (T, error) {
		defer func() { <-k.busy }()
		v, err := attempt()
		if err != nil && connectionLost(err) {
			return attempt()
		}
		return v, err
	})
}

// validName reports whether the keychain can take name: UTF-8, without
// control characters (NUL among them).
func validName(name string) bool {
	return utf8.ValidString(name) && !strings.ContainsFunc(name, unicode.IsControl)
}

// withTimeout runs fn in its own goroutine and stops waiting for it after
// timeout. The keyring API cannot be canceled, so a hung call's goroutine
// lives on until the keychain answers; its result is then dropped.
func withTimeout[T any](ctx context.Context, timeout time.Duration, fn func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := fn()
		done <- result{v, err}
	}()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ErrTimeout
	}
}
