package appservice

import (
	"context"
	"errors"

	"qbsettings/backend/locale"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// Save validates c and, if it is all valid, saves the settings as the
// revision after base, with the new password when the user entered one.
// Both land or neither does: the database's commit decides (see
// passwords.go). Field problems come back as data; any other failure is a
// *UserError.
func (s *Service) Save(ctx context.Context, profile string, base int64, c settings.Change) (State, []settings.FieldError, error) {
	return s.save(ctx, profile, base, c, passwordUnchanged)
}

// passwordSet says whether a save records a password its caller already
// kept in the keychain (the local service's set-up makes the account's
// password and keeps it before the settings can be saved).
type passwordSet bool

const (
	passwordUnchanged passwordSet = false
	passwordKept      passwordSet = true
)

func (s *Service) save(ctx context.Context, profile string, base int64, c settings.Change, kept passwordSet) (State, []settings.FieldError, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return State{}, nil, err
	}
	c.Settings = settings.Normalize(c.Settings)
	acct := account(profile, c.Settings)
	// The rules first: the keychain is asked about the Service User only
	// once the user passes its own rule.
	known, _, err := s.itemFacts(ctx, profile, c.Settings.RetainageItem)
	if err != nil {
		return State{}, nil, s.storeFailure(reading, err)
	}
	if known.PasswordStored, err = s.passwordStored(ctx, acct, true); err != nil {
		return State{}, nil, s.failure(profile, err, nothingSaved)
	}
	if errs := settings.Validate(c, known); len(errs) > 0 {
		return State{}, errs, nil
	}
	// Refuse a stale save before the keychain is written; SaveRevision
	// checks again inside its transaction.
	current, err := s.store.LoadSettings(ctx, profile)
	if err != nil {
		return State{}, nil, s.storeFailure(writing, err)
	}
	if current.Revision != base {
		return State{}, nil, s.conflict(&store.ConflictError{Base: base, Stored: current.Revision, StoredAt: current.SavedAt})
	}
	keys, err := s.keychain(ctx)
	if err != nil {
		return State{}, nil, s.failure(profile, err, nothingSaved)
	}

	rev := store.NewRevision{Profile: profile, Base: base, Settings: c.Settings, At: s.now(),
		By: store.Author{SavedBy: s.whoami(), PasswordChanged: c.ChangePassword || kept == passwordKept}}
	var pending secrets.PendingPassword
	var keychainErr error
	if c.ChangePassword {
		if pending, err = s.newPendingPassword(ctx, acct); err != nil {
			return State{}, nil, s.failure(profile, err, nothingSaved)
		}
		rev.By.PasswordToken = pending.Token
		rev.BeforeCommit = func() error {
			keychainErr = keys.Set(ctx, pending, c.Password)
			return keychainErr
		}
	}
	saved, err := s.store.SaveRevision(ctx, rev)
	if err != nil {
		if keychainErr != nil {
			return State{}, nil, s.keychainFailure(profile, keychainErr, nothingSaved)
		}
		if c.ChangePassword {
			s.discard(ctx, keys, pending)
		}
		var conflict *store.ConflictError
		if errors.As(err, &conflict) {
			return State{}, nil, s.conflict(conflict)
		}
		return State{}, nil, s.storeFailure(writing, err)
	}
	s.log.Info("settings saved", "profile", profile, "revision", saved.Revision, "passwordChanged", rev.By.PasswordChanged)
	if c.ChangePassword {
		// The change has landed; if settling fails now, the next use of the
		// keychain settles it before reading any password.
		if err := s.settle(context.WithoutCancel(ctx), keys, landedOnly); err != nil {
			s.log.Warn("new password not settled yet", "profile", profile, "err", err)
		}
	}
	s.forgetOldUser(ctx, keys, account(profile, current.Settings), acct)
	st, err := s.Load(ctx, profile)
	return st, nil, err
}

// discard removes the pending entry of a save that did not land. If that
// fails too, the next start removes it: no revision names it.
func (s *Service) discard(ctx context.Context, keys Passwords, pending secrets.PendingPassword) {
	if err := keys.Remove(context.WithoutCancel(ctx), pending); err != nil {
		s.log.Warn("the new password of a failed save is left for the next start to remove", "profile", pending.Profile, "err", err)
	}
}

// forgetOldUser removes the password of the Service User the saved settings
// no longer name: a password belongs to its user, and a stale one left in
// the keychain is a secret nobody needs. Failing to remove it is logged, not
// fatal: the save itself has landed.
func (s *Service) forgetOldUser(ctx context.Context, keys Passwords, old, current secrets.Account) {
	if old == current || old.User == "" || !settings.ServiceUserUsable(old.User) {
		return
	}
	if err := keys.Remove(context.WithoutCancel(ctx), old); err != nil {
		s.log.Warn("could not remove the previous Service User's password", "profile", old.Profile, "err", err)
		return
	}
	s.setStored(old, false)
}

// keychainFailure explains a keychain error; outcome says what it meant for
// the user's action.
func (s *Service) keychainFailure(profile string, err error, outcome locale.Phrase) error {
	s.log.Error("keychain failed", "profile", profile, "err", err)
	return &UserError{Said: keychainSaid(err, outcome), Cause: err}
}

func (s *Service) conflict(c *store.ConflictError) error {
	s.log.Warn("save refused: settings changed since the form was loaded", "base", c.Base, "stored", c.Stored)
	return &UserError{Said: conflictSaid(c), Cause: c}
}

// recordPasswordKept records, as a revision of the settings as they are,
// that the account's password was changed and kept in the keychain by
// the caller: every change of a password is in the history, also when the
// settings around it cannot be saved yet.
func (s *Service) recordPasswordKept(ctx context.Context, profile string, current store.Saved) (State, error) {
	_, err := s.store.SaveRevision(ctx, store.NewRevision{Profile: profile, Base: current.Revision, Settings: current.Settings, At: s.now(),
		By: store.Author{SavedBy: s.whoami(), PasswordChanged: true}})
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &conflict):
		return State{}, s.conflict(conflict)
	case err != nil:
		return State{}, s.storeFailure(writing, err)
	}
	s.log.Info("password change recorded", "profile", profile)
	return s.Load(ctx, profile)
}
