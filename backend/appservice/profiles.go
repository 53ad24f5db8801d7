package appservice

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"unicode/utf8"

	"qbsettings/backend/locale"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// MaxProfileName bounds a company name.
const MaxProfileName = 80

// Profiles lists the company profiles.
func (s *Service) Profiles(ctx context.Context) ([]store.Profile, error) {
	ps, err := s.store.Profiles(ctx)
	if err != nil {
		return nil, s.storeFailure(reading, err)
	}
	return ps, nil
}

// profileNameProblem says what is wrong with a company name, if anything.
func profileNameProblem(name string, existing []store.Profile, except string) locale.Said {
	switch {
	case name == "":
		return saidCompanyNameEmpty.With()
	case utf8.RuneCountInString(name) > MaxProfileName:
		return saidCompanyNameLong.With()
	case settings.HasHiddenCharacter(name):
		return saidCompanyNameHidden.With()
	}
	for _, p := range existing {
		if p.ID != except && strings.EqualFold(p.Name, name) {
			return saidCompanyNameTaken.With(p.Name)
		}
	}
	return locale.Said{}
}

// AddProfile adds a company profile with its own settings, password, item
// list, status and history, all empty.
func (s *Service) AddProfile(ctx context.Context, name string) (store.Profile, error) {
	name = strings.TrimSpace(name)
	existing, err := s.Profiles(ctx)
	if err != nil {
		return store.Profile{}, err
	}
	if problem := profileNameProblem(name, existing, ""); !problem.IsZero() {
		return store.Profile{}, &UserError{Said: problem}
	}
	b := make([]byte, 6)
	rand.Read(b)
	p := store.Profile{ID: "company-" + hex.EncodeToString(b), Name: name}
	if err := s.store.CreateProfile(ctx, p.ID, p.Name); err != nil {
		return store.Profile{}, s.storeFailure(writing, err)
	}
	s.log.Info("profile added", "profile", p.ID)
	return p, nil
}

// RenameProfile renames a company profile.
func (s *Service) RenameProfile(ctx context.Context, id, name string) error {
	if err := s.requireProfile(ctx, id); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	existing, err := s.Profiles(ctx)
	if err != nil {
		return err
	}
	if problem := profileNameProblem(name, existing, id); !problem.IsZero() {
		return &UserError{Said: problem}
	}
	if err := s.store.RenameProfile(ctx, id, name); err != nil {
		return s.storeFailure(writing, err)
	}
	return nil
}

// RemoveProfile deletes a company profile: its settings, item list, status
// and history, and its passwords from the keychain. The last profile stays:
// the app always edits one.
func (s *Service) RemoveProfile(ctx context.Context, id string) error {
	if err := s.requireProfile(ctx, id); err != nil {
		return err
	}
	existing, err := s.Profiles(ctx)
	if err != nil {
		return err
	}
	if len(existing) <= 1 {
		return &UserError{Said: saidOnlyCompany.With()}
	}
	users, err := s.store.ServiceUsers(ctx, id)
	if err != nil {
		return s.storeFailure(reading, err)
	}
	// The passwords first: a profile that lost its passwords but not its
	// settings can be fixed by entering them again; orphaned passwords would
	// stay in the keychain unseen.
	keys, err := s.keychain(ctx)
	if err != nil {
		return s.keychainFailure(id, err, companyNotRemoved)
	}
	for _, u := range users {
		if err := keys.Remove(ctx, secrets.Account{Profile: id, User: u}); err != nil {
			return s.keychainFailure(id, err, companyNotRemoved)
		}
	}
	if err := s.store.DeleteProfile(ctx, id); err != nil {
		if errors.Is(err, store.ErrNoProfile) {
			return &UserError{Said: saidAlreadyRemoved.With(), Cause: err}
		}
		return s.storeFailure(writing, err)
	}
	s.log.Info("profile removed", "profile", id)
	return nil
}

// LastProfile is the profile to open at start; SetLastProfile remembers one.
func (s *Service) LastProfile(ctx context.Context) string {
	id, err := s.store.LastProfile(ctx)
	if err != nil {
		s.log.Warn("last profile not read", "err", err)
		return store.DefaultProfile
	}
	return id
}

// SetLastProfile remembers the profile to open at the next start.
func (s *Service) SetLastProfile(ctx context.Context, id string) {
	if err := s.store.SetLastProfile(ctx, id); err != nil {
		s.log.Warn("last profile not remembered", "err", err)
	}
}
