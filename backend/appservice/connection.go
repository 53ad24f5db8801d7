package appservice

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// ConnectionTimeout bounds a connection test, from the first byte to the answer.
const ConnectionTimeout = 10 * time.Second

// ConnectionResult is what a connection test found.
type ConnectionResult struct {
	Status store.Status
	// Kind sorts a failure (empty when connected).
	Kind quickbooks.Kind
	// Certificate is the untrusted certificate the service presented, for
	// the user to trust or not, and Origin what it would be trusted for.
	Certificate *quickbooks.Certificate
	Origin      string
	// Checks is the readiness checklist: every link a sync needs, with one
	// next step for each that fails.
	Checks []Check
	// OpenFile is the company file the service has open (contract 1.1).
	OpenFile store.CompanyFile
}

// TestConnection checks the connection values of c (its password, or the
// stored one when the password box is closed) without saving them, and
// records the result as the profile's status. A canceled test records
// nothing.
func (s *Service) TestConnection(ctx context.Context, profile string, c settings.Change) (ConnectionResult, []settings.FieldError, error) {
	ss, errs, err := s.openSession(ctx, profile, c, ConnectionTimeout)
	if err != nil || len(errs) > 0 {
		return ConnectionResult{}, errs, err
	}
	defer ss.close()
	ctx, client := ss.ctx, ss.client
	health, err := s.companyFile(ss)

	res := ConnectionResult{Origin: quickbooks.Origin(c.Settings.ServiceURL), OpenFile: openFile(health)}
	res.Status.CheckedAt = s.now().UTC()
	// Another company file than the settings' is a failure of its own:
	// nothing may be done with it until the user says so.
	var wrong *WrongCompanyFileError
	if errors.As(err, &wrong) {
		err = &quickbooks.Error{Kind: quickbooks.KindWrongCompanyFile, Said: wrong.Said(), Detail: wrong.Error()}
	}
	var qe *quickbooks.Error
	switch {
	case err == nil:
		res.Status.Connected = true
		res.Status.Outcome = saidConnected.With(health.CompanyFile, health.QBEdition)
		res.Status.Capabilities = health.Capabilities
	case errors.As(err, &qe) && qe.Kind == quickbooks.KindCanceled:
		return ConnectionResult{Kind: qe.Kind, Status: store.Status{Outcome: saidTestCanceled.With()}}, nil, nil
	case errors.As(err, &qe):
		res.Kind, res.Status.Outcome, res.Certificate = qe.Kind, qe.Said, qe.Certificate
		s.log.Warn("connection test failed", "profile", profile, "host", client.Host(), "kind", qe.Kind, "detail", qe.Detail)
	default:
		return ConnectionResult{}, nil, err
	}
	// The call's time may have run out (a timeout is a result too): the
	// local reads and writes that follow are not the call's.
	local := context.WithoutCancel(ctx)
	items, err := s.items(local, profile)
	if err != nil {
		return res, nil, s.storeFailure(reading, err)
	}
	onService, err := s.settingsOnService(ctx, profile, client, health, qe, settings.Normalize(c.Settings))
	if err != nil {
		return res, nil, err
	}
	res.Checks = readiness(health, qe, settings.Normalize(c.Settings), items, onService, procoreChecks(ctx, client, qe, s.now()), s.now())
	if err := s.store.SaveStatus(local, profile, res.Status); err != nil {
		return res, nil, s.storeFailure(writing, err)
	}
	s.log.Info("connection tested", "profile", profile, "connected", res.Status.Connected)
	return res, nil, nil
}

// settingsOnService is the checklist's line for the saved settings on the
// service. It reads the service's copy with what is left of the test's
// time, and remembers whether the service of the saved settings keeps
// settings at all.
func (s *Service) settingsOnService(ctx context.Context, profile string, client *quickbooks.Client, health serviceapi.Health, failure *quickbooks.Error, tested settings.Settings) (Check, error) {
	local := context.WithoutCancel(ctx)
	saved, record, err := s.savedAndSync(local, profile)
	if err != nil {
		return Check{}, err
	}
	var copyOnService serviceapi.ServiceSettings
	var readErr error
	if failure == nil {
		savedService := tested.ServiceURL == saved.Settings.ServiceURL
		// What the saved service says it does is kept as it changes (its
		// Procore connection made later starts the sync), so the form's
		// status and the lines beside the settings follow without a send.
		unsupported, runs, applies := !health.Can(serviceapi.CapabilitySettings), health.Can(serviceapi.CapabilitySync), appliedRules(health)
		if savedService && (unsupported != record.Unsupported || runs != record.RunsSync || !slices.Equal(applies, record.Applies)) {
			record.Unsupported, record.RunsSync, record.Applies = unsupported, runs, applies
			if err := s.store.SaveServiceSync(local, profile, record); err != nil {
				return Check{}, s.storeFailure(writing, err)
			}
		}
		if health.Can(serviceapi.CapabilitySettings) {
			copyOnService, readErr = client.Settings(ctx)
		}
	}
	return settingsCheck(health, failure, copyOnService, readErr, saved, record), nil
}

// client validates c's connection fields and returns a client for them,
// with the certificate the user trusts for that address, if any.
func (s *Service) client(ctx context.Context, profile string, c settings.Change) (*quickbooks.Client, []settings.FieldError, error) {
	c.Settings = settings.Normalize(c.Settings)
	acct := account(profile, c.Settings)
	// The keychain is asked only about a Service User that passes its rule
	// (passwordStored), and the network only for values that pass them all.
	stored, err := s.passwordStored(ctx, acct, !c.ChangePassword)
	if err != nil && !c.ChangePassword {
		return nil, nil, s.failure(profile, err, notTested)
	}
	if errs := settings.ValidateConnection(c, settings.Known{PasswordStored: stored}); len(errs) > 0 {
		return nil, errs, nil
	}
	password := c.Password
	if !c.ChangePassword {
		if password, _, err = s.storedPassword(ctx, acct); err != nil {
			return nil, nil, s.failure(profile, err, notTested)
		}
	}
	trusted, err := s.store.TrustedCertificates(ctx, profile)
	if err != nil {
		return nil, nil, s.storeFailure(reading, err)
	}
	device, err := s.store.DeviceToken(ctx)
	if err != nil {
		return nil, nil, s.storeFailure(reading, err)
	}
	cfg := quickbooks.Config{BaseURL: c.Settings.ServiceURL, User: c.Settings.ServiceUser, Password: password, Device: device}
	origin := quickbooks.Origin(c.Settings.ServiceURL)
	for _, t := range trusted {
		if t.Origin == origin {
			cfg.TrustedFingerprint = t.Fingerprint
		}
	}
	client, err := quickbooks.New(cfg)
	if err != nil {
		return nil, nil, &UserError{Said: saidServiceURLUnusable.With(), Cause: err}
	}
	return client, nil, nil
}

// TrustCertificate trusts the certificate with fingerprint for the origin of
// serviceURL, replacing any certificate trusted there before.
func (s *Service) TrustCertificate(ctx context.Context, profile, serviceURL, fingerprint, subject string) error {
	if err := s.requireProfile(ctx, profile); err != nil {
		return err
	}
	c, err := s.trusted(serviceURL, fingerprint, subject)
	if err != nil {
		return err
	}
	if err := s.store.TrustCertificate(ctx, profile, c); err != nil {
		return s.storeFailure(writing, err)
	}
	s.log.Info("certificate trusted", "profile", profile, "origin", c.Origin, "fingerprint", c.Fingerprint)
	return nil
}

// trusted checks a certificate to trust and gives it the form it is stored in.
func (s *Service) trusted(serviceURL, fingerprint, subject string) (store.TrustedCertificate, error) {
	origin, fp := quickbooks.Origin(serviceURL), quickbooks.NormalizeFingerprint(fingerprint)
	if origin == "" || fp == "" {
		return store.TrustedCertificate{}, &UserError{Said: saidCertificateInvalid.With(),
			Cause: fmt.Errorf("trust %q for %q", fingerprint, serviceURL)}
	}
	return store.TrustedCertificate{Origin: origin, Fingerprint: fp, Subject: subject, TrustedAt: s.now()}, nil
}

// TrustedCertificates lists the certificates trusted for the profile.
func (s *Service) TrustedCertificates(ctx context.Context, profile string) ([]store.TrustedCertificate, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return nil, err
	}
	list, err := s.store.TrustedCertificates(ctx, profile)
	if err != nil {
		return nil, s.storeFailure(reading, err)
	}
	return list, nil
}

// RemoveTrustedCertificate stops trusting the certificate of origin.
func (s *Service) RemoveTrustedCertificate(ctx context.Context, profile, origin string) error {
	if err := s.requireProfile(ctx, profile); err != nil {
		return err
	}
	if err := s.store.RemoveTrustedCertificate(ctx, profile, origin); err != nil {
		return s.storeFailure(writing, err)
	}
	s.log.Info("certificate no longer trusted", "profile", profile, "origin", origin)
	return nil
}
