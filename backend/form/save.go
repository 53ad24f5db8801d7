package form

import (
	"context"
	"errors"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

const nothingSaved = "Nothing was saved."

// Save validates c and, if it is all valid, stores the password (when the
// user entered a new one) and the settings as the revision after base. Both
// land or neither does: if the settings cannot be written after the password
// was, the previous password is put back. Field problems come back as data;
// any other failure is a *UserError.
func (s *Service) Save(ctx context.Context, profile string, base int64, c settings.Change) (State, []settings.FieldError, error) {
	c.Settings = settings.Normalize(c.Settings)
	acct := account(profile, c.Settings)
	keys, err := s.keychain(ctx)
	if err != nil {
		return State{}, nil, s.keychainFailure(profile, err, nothingSaved)
	}
	if _, err := s.passwordStored(ctx, acct, true); err != nil {
		return State{}, nil, s.keychainFailure(profile, err, nothingSaved)
	}
	vctx, err := s.validationContext(ctx, profile, c.Settings)
	if err != nil {
		return State{}, nil, err
	}
	if errs := settings.Validate(c, vctx); len(errs) > 0 {
		return State{}, errs, nil
	}
	// Refuse a stale save before the keychain is touched; SaveSettings
	// checks again inside its transaction.
	current, err := s.store.LoadSettings(ctx, profile)
	if err != nil {
		return State{}, nil, s.storeFailure("save", err)
	}
	if current.Revision != base {
		return State{}, nil, s.conflict(&store.ConflictError{Base: base, Stored: current.Revision, StoredAt: current.SavedAt})
	}

	restore := func() error { return nil }
	if c.ChangePassword {
		if restore, err = s.replacePassword(ctx, keys, acct, c.Password); err != nil {
			return State{}, nil, err
		}
	}
	by := store.Author{SavedBy: s.whoami(), PasswordChanged: c.ChangePassword}
	saved, err := s.store.SaveSettings(ctx, profile, base, c.Settings, s.now(), by)
	if err != nil {
		restoreErr := restore()
		var conflict *store.ConflictError
		if errors.As(err, &conflict) {
			err = s.conflict(conflict)
		} else {
			err = s.storeFailure("save", err)
		}
		if restoreErr != nil {
			ue := err.(*UserError)
			ue.Message += " The new password may still be in the system keychain: enter it again when you save."
		}
		return State{}, nil, err
	}
	s.log.Info("settings saved", "profile", profile, "revision", saved.Revision, "passwordChanged", c.ChangePassword)
	s.forgetOldUser(ctx, keys, account(profile, current.Settings), acct)
	st, err := s.Load(ctx, profile)
	return st, nil, err
}

// replacePassword stores password and returns a function that puts the
// previous one back (or removes it, if there was none).
func (s *Service) replacePassword(ctx context.Context, keys Passwords, acct secrets.Account, password string) (restore func() error, err error) {
	profile := acct.Profile
	old, hadOld, err := keys.Get(ctx, acct)
	if err != nil {
		return nil, s.keychainFailure(profile, err, nothingSaved)
	}
	if err := keys.Set(ctx, acct, password); err != nil {
		return nil, s.keychainFailure(profile, err, nothingSaved)
	}
	s.setStored(acct, true)
	return func() error {
		// The save failed for another reason and the request's context may
		// be what failed it; putting the old password back must still run.
		ctx := context.WithoutCancel(ctx)
		var err error
		if hadOld {
			err = keys.Set(ctx, acct, old)
		} else {
			err = keys.Remove(ctx, acct)
		}
		s.setStored(acct, hadOld)
		if err != nil {
			s.log.Error("could not put the previous password back after a failed save", "profile", profile, "err", err)
			return err
		}
		s.log.Info("previous password put back after a failed save", "profile", profile)
		return nil
	}, nil
}

// forgetOldUser removes the password of the Service User the saved settings
// no longer name: a password belongs to its user, and a stale one left in
// the keychain is a secret nobody needs. Failing to remove it is logged, not
// fatal: the save itself has landed.
func (s *Service) forgetOldUser(ctx context.Context, keys Passwords, old, current secrets.Account) {
	if old == current || old.User == "" {
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
func (s *Service) keychainFailure(profile string, err error, outcome string) error {
	s.log.Error("keychain failed", "profile", profile, "err", err)
	return &UserError{Message: keychainMessage(err, outcome), Cause: err}
}

func (s *Service) conflict(c *store.ConflictError) error {
	s.log.Warn("save refused: settings changed since the form was loaded", "base", c.Base, "stored", c.Stored)
	return &UserError{Message: conflictMessage(c), Cause: c}
}
