// Package secrets keeps the QuickBooks service password in the platform
// keychain: Windows Credential Manager, the macOS Keychain or the Secret
// Service on Linux. There is deliberately no file fallback: if no keychain
// can be used, the caller is told and nothing is stored.
package secrets

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/99designs/keyring"
)

// ProductName and ServiceName name the app's entries in the keychain: in
// Windows Credential Manager their target names start with
// "QuickBooks Integration Settings:service password:".
const (
	ProductName = "QuickBooks Integration Settings"
	ServiceName = "service password"
)

// DefaultTimeout bounds every keychain call: a keychain that hangs (a locked
// Secret Service waiting on a prompt nobody sees, say) must not freeze the app.
const DefaultTimeout = 3 * time.Second

var (
	// ErrUnavailable means no platform keychain could be used.
	ErrUnavailable = errors.New("no system keychain is available")
	// ErrTimeout means the keychain did not answer in time.
	ErrTimeout = errors.New("the system keychain did not answer in time")
)

// Keychain stores the service password of each company profile and
// Service User.
type Keychain struct {
	ring    keyring.Keyring
	timeout time.Duration
	// busy lets one call at a time reach the keychain. A call that is still
	// hung holds it, so later calls time out at once instead of piling up.
	busy chan struct{}
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
func Open(ctx context.Context) (*Keychain, error) {
	ring, err := withTimeout(ctx, DefaultTimeout, func() (keyring.Keyring, error) {
		return keyring.Open(platformConfig)
	})
	if err != nil {
		if errors.Is(err, ErrTimeout) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return New(ring, DefaultTimeout), nil
}

// New wraps an open keyring; timeout bounds each call.
func New(ring keyring.Keyring, timeout time.Duration) *Keychain {
	return &Keychain{ring: ring, timeout: timeout, busy: make(chan struct{}, 1)}
}

// Account is whose password an entry holds: a password belongs to one
// Service User of one company profile.
type Account struct {
	Profile string
	User    string
}

// Key names the account's entry. It is what Windows Credential Manager shows
// after the product name ("QuickBooks Integration Settings:service
// password:profile default, user procore-sync"), so IT can find it; the
// Secret Service collection is shared with other programs, so it also says
// whose entry it is.
func (a Account) Key() string { return "profile " + a.Profile + ", user " + a.User }

// Get returns the account's password; found is false if none is stored.
func (k *Keychain) Get(ctx context.Context, a Account) (password string, found bool, err error) {
	item, err := call(ctx, k, func() (keyring.Item, error) { return k.ring.Get(a.Key()) })
	if errors.Is(err, keyring.ErrKeyNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read password of %s: %w", a.Key(), err)
	}
	return string(item.Data), true, nil
}

// Set stores the account's password, replacing any stored one.
func (k *Keychain) Set(ctx context.Context, a Account, password string) error {
	_, err := call(ctx, k, func() (struct{}, error) {
		return struct{}{}, k.ring.Set(keyring.Item{
			Key:         a.Key(),
			Data:        []byte(password),
			Label:       ProductName + ": " + a.Key(),
			Description: "Password of the QuickBooks service account " + a.User,
		})
	})
	if err != nil {
		return fmt.Errorf("store password of %s: %w", a.Key(), err)
	}
	return nil
}

// Remove deletes the account's password; removing none is not an error.
func (k *Keychain) Remove(ctx context.Context, a Account) error {
	_, err := call(ctx, k, func() (struct{}, error) { return struct{}{}, k.ring.Remove(a.Key()) })
	if err != nil && !errors.Is(err, keyring.ErrKeyNotFound) {
		return fmt.Errorf("remove password of %s: %w", a.Key(), err)
	}
	return nil
}

// isAccountKey tells this app's entries (see Account.Key) from others in a
// shared store such as the Secret Service's login collection.
func isAccountKey(key string) bool {
	return strings.HasPrefix(key, "profile ") && strings.Contains(key, ", user ")
}

// RemoveAll deletes every password this app stored, for every profile and
// user, and reports how many it removed.
func (k *Keychain) RemoveAll(ctx context.Context) (int, error) {
	keys, err := call(ctx, k, k.ring.Keys)
	if err != nil {
		return 0, fmt.Errorf("list stored passwords: %w", err)
	}
	n := 0
	for _, key := range keys {
		if !isAccountKey(key) {
			continue
		}
		if _, err := call(ctx, k, func() (struct{}, error) { return struct{}{}, k.ring.Remove(key) }); err != nil {
			return n, fmt.Errorf("remove %s: %w", key, err)
		}
		n++
	}
	return n, nil
}

// call runs fn against the keychain, one call at a time, within k.timeout.
func call[T any](ctx context.Context, k *Keychain, fn func() (T, error)) (T, error) {
	var zero T
	ctx, cancel := context.WithTimeout(ctx, k.timeout)
	defer cancel()
	select {
	case k.busy <- struct{}{}:
	case <-ctx.Done():
		return zero, ErrTimeout
	}
	return withTimeout(ctx, k.timeout, func() (T, error) {
		defer func() { <-k.busy }()
		return fn()
	})
}

// withTimeout runs fn in its own goroutine and stops waiting for it after
// timeout. The keyring API cannot be cancelled, so a hung call's goroutine
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
