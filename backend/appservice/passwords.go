package appservice

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"

	"qbsettings/backend/locale"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// Passwords is the keychain as the service uses it (secrets.Keychain).
type Passwords interface {
	Get(ctx context.Context, e secrets.Entry) (password string, found bool, err error)
	Set(ctx context.Context, e secrets.Entry, password string) error
	Remove(ctx context.Context, e secrets.Entry) error
	PendingPasswords(ctx context.Context, tokenPrefix string) ([]secrets.PendingPassword, error)
}

// OpenPasswords connects to the keychain. It is tried again on each use until
// it succeeds, so a keychain unlocked after the app started is picked up.
type OpenPasswords func(ctx context.Context) (Passwords, error)

// A password change is saved in three steps, so that the database's commit
// is the one moment it happens, whenever the process is killed:
//  1. inside the save's transaction, holding the database's write lock, the
//     new password is written to a pending keychain entry whose token the
//     revision records;
//  2. the transaction commits: the change has happened;
//  3. settling makes the pending entry the account's password and clears
//     the token.
// A process killed before 2 leaves a pending entry no revision names, which
// the next start removes; one killed before 3 leaves a landed token, which
// the next keychain use settles. Settling is safe to repeat.

// keychain returns the open keychain. Opening it settles every pending
// entry of this database, among them those of saves that never landed.
func (s *Service) keychain(ctx context.Context) (Passwords, error) {
	s.keysMu.Lock()
	defer s.keysMu.Unlock()
	if s.keys != nil {
		return s.keys, nil
	}
	keys, err := s.openKeys(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.settle(ctx, keys, andAbandoned); err != nil {
		return nil, err
	}
	s.keys = keys
	return keys, nil
}

// storedPassword reads the account's password, after settling any landed
// change, so that a change whose last step was cut short is seen.
func (s *Service) storedPassword(ctx context.Context, a secrets.Account) (string, bool, error) {
	keys, err := s.keychain(ctx)
	if err != nil {
		return "", false, err
	}
	if err := s.settle(ctx, keys, landedOnly); err != nil {
		return "", false, err
	}
	pw, found, err := keys.Get(ctx, a)
	if err != nil {
		return "", false, err
	}
	s.setStored(a, found)
	return pw, found, nil
}

// passwordStored tells whether the account has a password in the keychain,
// asking the keychain when fresh is set or the answer is not known yet.
// An account whose Service User breaks its rule is never looked up.
func (s *Service) passwordStored(ctx context.Context, a secrets.Account, fresh bool) (bool, error) {
	if !settings.ServiceUserUsable(a.User) {
		return false, nil
	}
	s.mu.Lock()
	known, ok := s.hasStored[a]
	s.mu.Unlock()
	if ok && !fresh {
		return known, nil
	}
	_, found, err := s.storedPassword(ctx, a)
	return found, err
}

func (s *Service) setStored(a secrets.Account, stored bool) {
	s.mu.Lock()
	s.hasStored[a] = stored
	s.mu.Unlock()
}

// newPendingPassword names the pending entry of a new password of a.
func (s *Service) newPendingPassword(ctx context.Context, a secrets.Account) (secrets.PendingPassword, error) {
	dbID, err := s.store.DatabaseID(ctx)
	if err != nil {
		return secrets.PendingPassword{}, storeError{err}
	}
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return secrets.PendingPassword{}, err
	}
	return secrets.PendingPassword{Account: a, Token: dbID + "." + hex.EncodeToString(b)}, nil
}

// settling says what settle looks at.
type settling int

const (
	landedOnly   settling = iota // the landed changes, if the database has any
	andAbandoned                 // and the pending entries of saves that never landed
)

// settle settles the landed password changes; andAbandoned, it also
// removes this database's pending entries that no revision names (their
// saves never landed). It holds the database's write lock throughout, so
// no save can write a pending entry it would take for abandoned.
func (s *Service) settle(ctx context.Context, keys Passwords, what settling) error {
	if what == landedOnly {
		has, err := s.store.HasUnsettledPasswords(ctx)
		if err != nil || !has {
			return wrapStore(err)
		}
	}
	dbID, err := s.store.DatabaseID(ctx)
	if err != nil {
		return storeError{err}
	}
	err = s.store.SettlePasswords(ctx, func(p *store.PasswordSettlement) error {
		landed, err := p.Unsettled()
		if err != nil {
			return storeError{err}
		}
		named := map[string]bool{}
		for _, c := range landed {
			named[c.Token] = true
			if err := s.promote(ctx, keys, c); err != nil {
				return err
			}
			if err := p.Settled(c); err != nil {
				return storeError{err}
			}
		}
		if what == landedOnly {
			return nil
		}
		pending, err := keys.PendingPasswords(ctx, dbID+".")
		if err != nil {
			return err
		}
		for _, e := range pending {
			if named[e.Token] {
				continue
			}
			if err := keys.Remove(ctx, e); err != nil {
				return err
			}
			s.log.Info("removed the new password of a save that did not land", "profile", e.Profile)
		}
		return nil
	})
	return err
}

// promote makes a landed change's pending password the account's, if no
// later change superseded it, and removes the pending entry. Repeating it
// is harmless: once the pending entry is gone, there is nothing to do.
func (s *Service) promote(ctx context.Context, keys Passwords, c store.PasswordChange) error {
	pending := secrets.PendingPassword{Account: secrets.Account{Profile: c.Profile, User: c.User}, Token: c.Token}
	if c.Newest {
		pw, found, err := keys.Get(ctx, pending)
		if err != nil {
			return err
		}
		if found {
			if err := keys.Set(ctx, pending.Account, pw); err != nil {
				return err
			}
			s.setStored(pending.Account, true)
		}
	}
	if err := keys.Remove(ctx, pending); err != nil {
		return err
	}
	s.log.Info("password change settled", "profile", c.Profile, "revision", c.Revision, "current", c.Newest)
	return nil
}

// storeError marks a failure of the settings database in the steps that
// use both it and the keychain, so that each is explained as what it is.
type storeError struct{ err error }

func (e storeError) Error() string { return e.err.Error() }
func (e storeError) Unwrap() error { return e.err }

func wrapStore(err error) error {
	if err == nil {
		return nil
	}
	return storeError{err}
}

// failure explains an error of a step that uses the keychain and the
// database; outcome says what it meant for the user's action.
func (s *Service) failure(profile string, err error, outcome locale.Phrase) error {
	var ue *UserError
	if errors.As(err, &ue) {
		return err
	}
	var se storeError
	if errors.As(err, &se) {
		return s.storeFailure(reading, se.err)
	}
	return s.keychainFailure(profile, err, outcome)
}
