// Package accounts signs in to the QuickBooks service. One account serves
// both the app (HTTP Basic authentication) and the Web Connector
// (authenticate). Passwords are kept only as bcrypt hashes. Wrong
// passwords in a row slow a caller's next sign-ins down, each caller on
// its own (throttle.go; docs/sign-in.md says why).
package accounts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Limits of a password: bcrypt reads at most 72 bytes.
const (
	MinPasswordBytes = 12
	MaxPasswordBytes = 72
	maxUserRunes     = 128
)

// Errors of Set.
var (
	ErrUserName     = errors.New("the user name is empty, too long or has a hidden character")
	ErrPassword     = fmt.Errorf("the password must be %d to %d bytes", MinPasswordBytes, MaxPasswordBytes)
	ErrPasswordText = errors.New("the password has a hidden character (a control or invisible character, or bytes that are not UTF-8 text): the app could never send it")
)

// Accounts checks sign-ins against the service database.
type Accounts struct {
	db   *servicedb.DB
	now  func() time.Time
	cost int

	throttle throttle
	known    knownPasswords
}

// New checks sign-ins against db.
func New(db *servicedb.DB) *Accounts {
	return &Accounts{db: db, now: time.Now, cost: bcrypt.DefaultCost,
		throttle: throttle{lanes: map[laneKey]*lane{}}, known: newKnownPasswords()}
}

// WithCost has a hash new passwords at bcrypt's cost (DefaultCost when
// not set). A hash keeps the cost it was made with, so test fixtures use
// bcrypt.MinCost to sign in fast, above all under the race detector.
func (a *Accounts) WithCost(cost int) *Accounts {
	a.cost = cost
	return a
}

// WithClock has sign-ins judged by now's time (time.Now when not set).
func (a *Accounts) WithClock(now func() time.Time) *Accounts {
	a.now = now
	return a
}

// Set creates the account user with password, or gives it a new one.
func (a *Accounts) Set(ctx context.Context, user, password string) error {
	// The app's own rules for a Service User and a password: what it
	// refuses could never sign in.
	if user == "" || utf8.RuneCountInString(user) > maxUserRunes || settings.HasHiddenCharacter(user) {
		return ErrUserName
	}
	if len(password) < MinPasswordBytes || len(password) > MaxPasswordBytes {
		return ErrPassword
	}
	if settings.HasHiddenCharacter(password) {
		return ErrPasswordText
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), a.cost)
	if err != nil {
		return err
	}
	return a.db.SetAccount(ctx, user, string(hash), a.now())
}

// dummyHash is compared against when there is no such account, so that an
// unknown user name takes as long to refuse as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("no account has this password"), bcrypt.DefaultCost)

// Caller is who signs in, as far as the service can tell callers apart:
// the token of the app's device, when it sent one, and the address it
// came from.
type Caller struct {
	Device string
	Addr   string
}

// A device token is 32 to 128 letters, digits, '-' and '_' (the app
// sends 32 random bytes in base64url); any other is not one, and the
// caller is told apart by its address only.
const (
	minDeviceBytes = 32
	maxDeviceBytes = 128
)

func (c Caller) device() string {
	if len(c.Device) < minDeviceBytes || len(c.Device) > maxDeviceBytes {
		return ""
	}
	if strings.ContainsFunc(c.Device, func(r rune) bool { return !isTokenRune(r) }) {
		return ""
	}
	return c.Device
}

func isTokenRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_'
}

// Grant is a sign-in's outcome: OK when the password is the account's,
// with the Generation of that password (a session begun with it ends when
// the account gets another).
type Grant struct {
	OK         bool
	Generation int64
}

// WaitError: the caller's password was not checked, because its lane
// (its device, or else its address) is slowed down after wrong passwords
// in a row; it may try again after Wait.
type WaitError struct{ Wait time.Duration }

// Seconds is the wait in whole seconds, rounded up, as Retry-After says it.
func (e *WaitError) Seconds() int { return serviceapi.WaitSeconds(e.Wait) }

func (e *WaitError) Error() string {
	return fmt.Sprintf("sign-in slowed down after wrong passwords: try again in %v", e.Wait)
}

// Verify tells whether password is user's. Each caller has a lane of its
// own (a device that signed in before, or else its address): after three
// failures in a row in a lane, its next checks wait, one second and then
// twice as long each time up to MaxWait, until one succeeds. A caller
// whose time has not come is answered at once with a *WaitError, and
// nothing is checked: the wait is never spent holding a connection.
func (a *Accounts) Verify(ctx context.Context, c Caller, user, password string) (Grant, error) {
	acct, ok, err := a.db.AccountOf(ctx, user)
	if err != nil {
		return Grant{}, err
	}
	lane, err := a.laneOf(ctx, c, user, acct, ok)
	if err != nil {
		return Grant{}, err
	}
	lane, wait := a.throttle.begin(lane, a.now())
	if wait > 0 {
		return Grant{}, &WaitError{Wait: wait}
	}
	match := false
	defer func() { a.throttle.end(lane, match) }()
	switch {
	case !ok:
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
	case a.known.is(user, acct.PasswordHash, password):
		match = true
	default:
		match = bcrypt.CompareHashAndPassword([]byte(acct.PasswordHash), []byte(password)) == nil
		if match {
			a.known.remember(user, acct.PasswordHash, password)
		}
	}
	if match && c.device() != "" {
		if err := a.trust(ctx, user, c.device()); err != nil {
			return Grant{}, err
		}
	}
	return Grant{OK: match, Generation: acct.Generation}, nil
}

// laneOf is the lane of c's sign-ins to user: its device's, when that
// device signed in to the account before, or else its address's. Every
// user name without an account shares one lane per caller, so that
// guessing names makes no lanes.
func (a *Accounts) laneOf(ctx context.Context, c Caller, user string, acct servicedb.Account, exists bool) (laneKey, error) {
	if !exists {
		return laneKey{caller: "addr:" + c.Addr}, nil
	}
	k := laneKey{user: user, generation: acct.Generation, caller: "addr:" + c.Addr}
	if c.device() == "" {
		return k, nil
	}
	trusted, err := a.db.DeviceTrusted(ctx, user, deviceHash(c.device()))
	if trusted {
		k.caller = "device:" + deviceHash(c.device())
	}
	return k, err
}

// trust remembers the device as one that signed in to user.
func (a *Accounts) trust(ctx context.Context, user, device string) error {
	h := deviceHash(device)
	trusted, err := a.db.DeviceTrusted(ctx, user, h)
	if err != nil || trusted {
		return err
	}
	return a.db.TrustDevice(ctx, user, h, a.now())
}

// deviceHash is what the service keeps of a device's token.
func deviceHash(device string) string {
	sum := sha256.Sum256([]byte(device))
	return hex.EncodeToString(sum[:])
}
