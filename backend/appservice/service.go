// Package appservice is the application service that the window and the
// command line both use: every use of the app goes through it. It loads a
// company profile's settings, validates what the user entered with the
// rules of package settings, saves settings and password together or
// neither, tests the connection, refreshes the item list, and keeps the
// profiles, history, trusted certificates and settings files. It holds the
// use cases, not the rules (package settings) or the storage (store,
// secrets).
package appservice

import (
	"context"
	"errors"
	"log/slog"
	"qbsettings/backend/localservice"
	"sync"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// Service serves every company profile, to the window and the command line.
type Service struct {
	store     *store.Store
	openKeys  OpenPasswords
	log       *slog.Logger
	now       func() time.Time
	whoami    func() string // the OS user, recorded with each revision
	keysMu    sync.Mutex    // guards keys, held while the keychain is opened
	keys      Passwords
	mu        sync.Mutex
	hasStored map[secrets.Account]bool // known since the last load or save
	itemCache itemCache
	local     *localservice.Service // the QuickBooks service on this computer, if wired
	qwcDir    string                // where its .qwc files go by default
}

// New returns the service over an open store and a way to the keychain.
func New(st *store.Store, openKeys OpenPasswords, log *slog.Logger) *Service {
	return &Service{store: st, openKeys: openKeys, log: log, now: time.Now, whoami: osUser, hasStored: map[secrets.Account]bool{}}
}

// State is everything the form shows for one profile.
type State struct {
	Profile        string
	Saved          store.Saved
	PasswordStored bool
	// KeychainProblem, when not empty, says in the user's words why the
	// keychain cannot be used; saving is refused until it can.
	KeychainProblem string
	Status          store.Status
	ItemList        store.ItemListSummary
	Trusted         []store.TrustedCertificate
	// Sync is where the saved settings stand on the QuickBooks service.
	Sync ServiceSync
}

// Load reads the profile's stored settings, status, item list and whether a
// password is stored. A keychain problem is reported in State, not as an
// error, so the user can still see the settings.
func (s *Service) Load(ctx context.Context, profile string) (State, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return State{Profile: profile}, err
	}
	st := State{Profile: profile}
	var err error
	if st.Saved, err = s.store.LoadSettings(ctx, profile); err != nil {
		return st, s.storeFailure(reading, err)
	}
	if st.Status, err = s.store.Status(ctx, profile); err != nil {
		return st, s.storeFailure(reading, err)
	}
	if st.ItemList, err = s.store.ItemListSummary(ctx, profile); err != nil {
		return st, s.storeFailure(reading, err)
	}
	if st.Trusted, err = s.store.TrustedCertificates(ctx, profile); err != nil {
		return st, s.storeFailure(reading, err)
	}
	record, err := s.store.ServiceSync(ctx, profile)
	if err != nil {
		return st, s.storeFailure(reading, err)
	}
	st.Sync = syncState(st.Saved, record)
	// Opening the keychain first reports a keychain that cannot be used
	// even before a Service User is entered.
	_, err = s.keychain(ctx)
	stored := false
	if err == nil {
		stored, err = s.passwordStored(ctx, account(profile, st.Saved.Settings), true)
	}
	var dbErr storeError
	if errors.As(err, &dbErr) {
		return st, s.storeFailure(reading, dbErr.err)
	}
	if err != nil {
		st.KeychainProblem = keychainSaid(err, locale.Phrase{}).Text()
		s.log.Warn("keychain not usable at load", "profile", profile, "err", err)
	}
	st.PasswordStored = stored
	return st, nil
}

// Validate returns the problems with c, field by field, as Save would.
func (s *Service) Validate(ctx context.Context, profile string, c settings.Change) ([]settings.FieldError, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return nil, err
	}
	c.Settings = settings.Normalize(c.Settings)
	known, err := s.validationFacts(ctx, profile, c.Settings)
	if err != nil {
		return nil, err
	}
	return settings.Validate(c, known), nil
}

// account is the keychain entry of the Service User in st.
func account(profile string, st settings.Settings) secrets.Account {
	return secrets.Account{Profile: profile, User: st.ServiceUser}
}

// validationFacts gathers what the rules need to know of the profile: its
// stored item list, and whether its Service User has a stored password.
func (s *Service) validationFacts(ctx context.Context, profile string, st settings.Settings) (settings.Known, error) {
	known, _, err := s.itemFacts(ctx, profile, st.RetainageItem)
	if err != nil {
		return settings.Known{}, s.storeFailure(reading, err)
	}
	// While the keychain cannot be asked, judge the password as if one were
	// stored: Save refuses anyway, with the keychain's own message.
	stored, err := s.passwordStored(ctx, account(profile, st), false)
	if err != nil {
		stored = true
	}
	known.PasswordStored = stored
	return known, nil
}

// itemFacts is what the rules need of the profile's stored item list for
// the chosen item: the list's size and the chosen item as stored. One
// item is read, not the list (issue 33). The list's summary comes with.
func (s *Service) itemFacts(ctx context.Context, profile string, chosen settings.ItemRef) (settings.Known, store.ItemListSummary, error) {
	sum, err := s.store.ItemListSummary(ctx, profile)
	if err != nil {
		return settings.Known{}, sum, err
	}
	known := settings.Known{ItemCount: sum.Count}
	if chosen.IsZero() {
		return known, sum, nil
	}
	it, ok, err := s.store.Item(ctx, profile, chosen.ListID)
	if ok {
		known.Chosen = &it
	}
	return known, sum, err
}

// StoredRevision is the profile's saved revision, for noticing saves made
// elsewhere (the command line, another window).
func (s *Service) StoredRevision(ctx context.Context, profile string) (int64, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return 0, err
	}
	rev, err := s.store.CurrentRevision(ctx, profile)
	if err != nil {
		return 0, s.storeFailure(reading, err)
	}
	return rev, nil
}
