package appservice

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"qbsettings/backend/locale"
	"qbsettings/backend/localservice"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/qbservice/localstatus"
)

// Why the QuickBooks service on this computer could not be set up.
var (
	saidLocalNotInstalled   = locale.Coded("app.localServiceNotInstalled", "The QuickBooks service is not installed on this computer, so it cannot be set up from here. Install QuickBooks Integration Settings again on the computer where QuickBooks runs, or enter the Service URL of a QuickBooks service by hand.")
	saidLocalNotStarted     = locale.Coded("app.localServiceNotStarted", "The QuickBooks service on this computer did not start. Sign out of Windows and in again, which starts it, then try again. If it keeps happening, ask your IT support to look at its log, qbservice.log, in its data folder.")
	saidLocalNoAccount      = locale.Coded("app.localServiceNoAccount", "The QuickBooks service on this computer could not set up the company's account, so nothing was changed. Try again. If it keeps happening, ask your IT support to look at the app's log.")
	saidLocalNoStatus       = locale.Coded("app.localServiceNoStatus", "The QuickBooks service on this computer could not say where it stands. Try again. If it keeps happening, ask your IT support to look at the app's log.")
	saidLocalNoPassword     = locale.Coded("app.localServiceNoPassword", "No password for the QuickBooks service on this computer is kept for this company. Click Use the QuickBooks service on this computer again: it makes a new one.")
	saidLocalPasswordLength = locale.Coded("app.localServicePasswordLength", "The QuickBooks service on this computer needs a password of %d to %d bytes.")
	saidLocalNoQWC          = locale.Coded("app.localServiceNoQWC", "The file for the QuickBooks Web Connector could not be written to %s. Check that the folder exists and that you can write there, then try again.")
)

// LocalSetup is what setting up the QuickBooks service on this computer
// did for a company: its Service URL and Service User, the password kept
// in the keychain for that user, and the Web Connector's file.
type LocalSetup struct {
	ServiceURL  string
	ServiceUser string
	QWCPath     string
	// Saved is true when the settings with the new Service URL and User
	// passed every rule and were saved as a revision; otherwise the rest of
	// the form (the Invoice Retainage Item, once the list is read) is what
	// is left, and FieldErrors says what.
	Saved       bool
	FieldErrors []settings.FieldError
	State       State
}

// UseLocalService tells the service where the QuickBooks service on this
// computer is, and the folder its .qwc files go to by default.
func (s *Service) UseLocalService(l localservice.Service, qwcDir string) {
	s.local, s.qwcDir = &l, qwcDir
}

// LocalServiceUser is the company's account on the local service: one per
// company, so each has its own .qwc and password.
func LocalServiceUser(profile string) string {
	if profile == store.DefaultProfile {
		return "procore-sync"
	}
	return "procore-sync-" + strings.TrimPrefix(profile, "company-")
}

// DefaultQWCPath is where the company's .qwc is written unless told.
func (s *Service) DefaultQWCPath(profile string) string {
	return filepath.Join(s.qwcDir, "QuickBooks Integration Settings - "+profile+".qwc")
}

// SetUpLocalService makes the QuickBooks service on this computer this
// company's: it starts the service if it is not running, gives the
// company's account password (a new strong one unless given), keeps the
// password in the keychain for that user, and writes the company's .qwc
// to qwcPath (DefaultQWCPath when empty). The Service URL and User are
// saved with the other settings when those pass every rule; a new company
// has no item list yet, so they are then left for the form (or
// settings set) to save once the Invoice Retainage Item is chosen.
// Nothing is changed when the service cannot set the account.
func (s *Service) SetUpLocalService(ctx context.Context, profile, qwcPath, password string) (LocalSetup, error) {
	st, err := s.Load(ctx, profile)
	if err != nil {
		return LocalSetup{}, err
	}
	if s.local == nil || !s.local.Installed() {
		return LocalSetup{}, &UserError{Said: saidLocalNotInstalled.With(), Cause: localservice.ErrNotInstalled}
	}
	if err := s.local.Ensure(ctx); err != nil {
		s.log.Error("local service not started", "err", err)
		return LocalSetup{}, &UserError{Said: saidLocalNotStarted.With(), Cause: err}
	}
	if password == "" {
		password = localservice.NewPassword()
	}
	user := LocalServiceUser(profile)
	if problems := settings.ValidateFields(settings.Change{Settings: settings.Settings{ServiceUser: user}, ChangePassword: true, Password: password},
		settings.FieldPassword); len(problems) > 0 {
		return LocalSetup{FieldErrors: problems}, nil
	}
	if n := len(password); n < localservice.MinPasswordBytes || n > localservice.MaxPasswordBytes {
		return LocalSetup{FieldErrors: []settings.FieldError{{Field: settings.FieldPassword,
			Message: saidLocalPasswordLength.Text(localservice.MinPasswordBytes, localservice.MaxPasswordBytes)}}}, nil
	}
	if qwcPath == "" {
		qwcPath = s.DefaultQWCPath(profile)
	}
	qwc, err := s.local.QWC(s.companyName(ctx, profile), user, qwcPath)
	if err != nil {
		return LocalSetup{}, fmt.Errorf("the .qwc file: %w", err) // the name and user are the app's own
	}
	// What can fail without changing the account comes first: the
	// keychain opened, the file written (it holds no secret). Then the
	// service's password and the keychain's change together.
	keys, err := s.keychain(ctx)
	if err != nil {
		return LocalSetup{}, s.failure(profile, err, nothingSaved)
	}
	if err := writeQWC(qwcPath, qwc); err != nil {
		s.log.Error("qwc not written", "path", qwcPath, "err", err)
		return LocalSetup{}, &UserError{Said: saidLocalNoQWC.With(qwcPath), Cause: err}
	}
	if err := s.local.SetAccount(ctx, user, password); err != nil {
		s.log.Error("local service account not set", "profile", profile, "err", err)
		return LocalSetup{}, &UserError{Said: saidLocalNoAccount.With(), Cause: err}
	}
	acct := secrets.Account{Profile: profile, User: user}
	if err := keys.Set(ctx, acct, password); err != nil {
		return LocalSetup{}, s.keychainFailure(profile, err, nothingSaved)
	}
	s.setStored(acct, true)
	s.log.Info("local service set up", "profile", profile, "user", user, "qwc", qwcPath)

	out := LocalSetup{ServiceURL: s.local.URL, ServiceUser: user, QWCPath: qwcPath}
	next := st.Saved.Settings
	next.ServiceURL, next.ServiceUser = s.local.URL, user
	// The new password is in the history: with the settings when they
	// pass every rule, else on its own.
	saved, problems, err := s.save(ctx, profile, st.Saved.Revision, settings.Change{Settings: next}, passwordKept)
	if err == nil && len(problems) > 0 {
		saved, err = s.recordPasswordKept(ctx, profile, st.Saved)
	}
	if err != nil {
		return out, err
	}
	out.Saved, out.FieldErrors, out.State = len(problems) == 0, problems, saved
	return out, nil
}

// LocalServiceStatus is where the QuickBooks service on this computer
// stands: running or not, the Web Connector's last call, the queue.
func (s *Service) LocalServiceStatus(ctx context.Context) (localstatus.Status, error) {
	if s.local == nil || !s.local.Installed() {
		return localstatus.Status{}, &UserError{Said: saidLocalNotInstalled.With(), Cause: localservice.ErrNotInstalled}
	}
	st, err := s.local.Status(ctx)
	if err != nil {
		s.log.Error("local service status not read", "err", err)
		return localstatus.Status{}, &UserError{Said: saidLocalNoStatus.With(), Cause: err}
	}
	return st, nil
}

// companyName is the profile's name, for the Web Connector's list.
func (s *Service) companyName(ctx context.Context, profile string) string {
	ps, err := s.store.Profiles(ctx)
	if err != nil {
		return ""
	}
	for _, p := range ps {
		if p.ID == profile {
			return p.Name
		}
	}
	return ""
}

// writeQWC writes the file whole or not at all: a file the Web Connector
// reads half-written would be refused.
func writeQWC(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return nil
}

// LocalServiceInstalled tells whether the QuickBooks service is installed
// beside the app, so that the window can offer to set it up.
func (s *Service) LocalServiceInstalled() bool { return s.local != nil && s.local.Installed() }

// LocalServicePassword is the company's password for the service on this
// computer, from the keychain, for the bookkeeper to paste into the Web
// Connector; never shown, never logged.
func (s *Service) LocalServicePassword(ctx context.Context, profile string) (string, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return "", err
	}
	pw, found, err := s.storedPassword(ctx, secrets.Account{Profile: profile, User: LocalServiceUser(profile)})
	if err != nil {
		return "", s.failure(profile, err, nothingCopied)
	}
	if !found {
		return "", &UserError{Said: saidLocalNoPassword.With()}
	}
	return pw, nil
}
