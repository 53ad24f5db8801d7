package appservice

import (
	"context"
	"errors"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/settingsfile"
	"qbsettings/backend/store"
)

// Trust says whether an export carries the certificates the profile trusts.
type Trust bool

const (
	WithoutTrust Trust = false // the settings alone, as the window exports them
	WithTrust    Trust = true  // and the trusted certificates (--include-trust)
)

// Export returns the profile's stored settings as a settings file: never
// the password, and the trusted certificates only WithTrust.
func (s *Service) Export(ctx context.Context, profile string, trust Trust) ([]byte, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return nil, err
	}
	saved, err := s.store.LoadSettings(ctx, profile)
	if err != nil {
		return nil, s.storeFailure(reading, err)
	}
	var certs []settingsfile.Certificate
	if trust == WithTrust {
		trusted, err := s.store.TrustedCertificates(ctx, profile)
		if err != nil {
			return nil, s.storeFailure(reading, err)
		}
		for _, c := range trusted {
			certs = append(certs, settingsfile.Certificate{Origin: c.Origin, Fingerprint: c.Fingerprint, Subject: c.Subject})
		}
	}
	return settingsfile.Encode(profile, saved.Settings, s.now(), certs)
}

// ImportPreview is what importing a file would do: the changes against the
// stored settings, or the field problems that stop it.
type ImportPreview struct {
	Settings     settings.Settings
	Trusted      []settingsfile.Certificate // certificates the file trusts
	Changes      []settings.FieldChange
	FieldErrors  []settings.FieldError
	BaseRevision int64 // the stored revision the preview was made against
}

// PreviewImport reads a settings file and checks its settings with the
// form's rules, without changing anything. A file that cannot be read is a
// *UserError. The password is not part of a file, so it is not asked for;
// and on a PC that never read the item list, the chosen item is taken as
// it is.
func (s *Service) PreviewImport(ctx context.Context, profile string, data []byte) (ImportPreview, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return ImportPreview{}, err
	}
	f, err := settingsfile.Decode(data)
	var fe *settingsfile.Error
	if errors.As(err, &fe) {
		return ImportPreview{}, &UserError{Said: fe.Said, Cause: err}
	}
	if err != nil {
		return ImportPreview{}, err
	}
	current, err := s.store.LoadSettings(ctx, profile)
	if err != nil {
		return ImportPreview{}, s.storeFailure(reading, err)
	}
	st := settings.Normalize(f.Settings)
	known, list, err := s.itemFacts(ctx, profile, st.RetainageItem)
	if err != nil {
		return ImportPreview{}, s.storeFailure(reading, err)
	}
	known.PasswordStored, known.ItemListUnknown = true, list.RefreshedAt.IsZero()
	changes := settings.Diff(current.Settings, st)
	for _, c := range f.TrustedCertificates {
		if quickbooks.Origin(c.Origin) != c.Origin || quickbooks.NormalizeFingerprint(c.Fingerprint) == "" {
			return ImportPreview{}, &UserError{Said: saidBadCertificateInFile.With()}
		}
		changes = append(changes, settings.FieldChange{Label: locale.T("Trusted certificate for %s", c.Origin), New: locale.T("SHA-256 %s", c.Fingerprint)})
	}
	return ImportPreview{
		Settings:     st,
		Trusted:      f.TrustedCertificates,
		Changes:      changes,
		FieldErrors:  settings.Validate(settings.Change{Settings: st}, known),
		BaseRevision: current.Revision,
	}, nil
}

// Import applies a previewed file as a new revision, if nothing was saved
// since the preview. The stored password is left as it is.
func (s *Service) Import(ctx context.Context, profile string, p ImportPreview) (State, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return State{}, err
	}
	if len(p.FieldErrors) > 0 {
		return State{}, &UserError{Said: saidFileHasProblems.With()}
	}
	// The settings and the certificates land in one transaction, or nothing does.
	rev := store.NewRevision{Profile: profile, Base: p.BaseRevision, Settings: p.Settings, At: s.now(), By: store.Author{SavedBy: s.whoami()}}
	for _, c := range p.Trusted {
		t, err := s.trusted(c.Origin, c.Fingerprint, c.Subject)
		if err != nil {
			return State{}, err
		}
		rev.Trust = append(rev.Trust, t)
	}
	saved, err := s.store.SaveRevision(ctx, rev)
	var conflict *store.ConflictError
	if errors.As(err, &conflict) {
		return State{}, s.conflict(conflict)
	}
	if err != nil {
		return State{}, s.storeFailure(writing, err)
	}
	s.log.Info("settings imported", "profile", profile, "revision", saved.Revision, "trustedCertificates", len(p.Trusted))
	return s.Load(ctx, profile)
}
