// Package accounts signs in to the QuickBooks service. One account serves
// both the app (HTTP Basic authentication) and the Web Connector
// (authenticate). Passwords are kept only as bcrypt hashes, and failed
// sign-ins for a user name are slowed down, more with each one in a row.
package accounts

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/servicedb"
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
	db    *servicedb.DB
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
	cost  int

	mu       sync.Mutex
	failures map[string]int // failed sign-ins in a row, by user name
}

// New checks sign-ins against db.
func New(db *servicedb.DB) *Accounts {
	return &Accounts{db: db, now: time.Now, sleep: sleepCtx, cost: bcrypt.DefaultCost, failures: map[string]int{}}
}

// WithCost has a hash new passwords at bcrypt's cost (DefaultCost when
// not set). A hash keeps the cost it was made with, so test fixtures use
// bcrypt.MinCost to sign in fast, above all under the race detector.
func (a *Accounts) WithCost(cost int) *Accounts {
	a.cost = cost
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

// Verify tells whether password is user's. After three failures in a row
// for a user name, each attempt waits first: 1 s, then twice as long each
// time, at most 16 s, until a sign-in succeeds.
func (a *Accounts) Verify(ctx context.Context, user, password string) (bool, error) {
	if err := a.sleep(ctx, a.delay(user)); err != nil {
		return false, err
	}
	hash, ok, err := a.db.PasswordHash(ctx, user)
	if err != nil {
		return false, err
	}
	if !ok {
		hash = string(dummyHash)
	}
	match := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil && ok
	a.mu.Lock()
	defer a.mu.Unlock()
	if match {
		delete(a.failures, user)
	} else {
		a.failures[user]++
	}
	return match, nil
}

// delay is how long the next sign-in of user waits.
func (a *Accounts) delay(user string) time.Duration {
	a.mu.Lock()
	n := a.failures[user]
	a.mu.Unlock()
	if n < 3 {
		return 0
	}
	return min(time.Second<<(n-3), 16*time.Second)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
