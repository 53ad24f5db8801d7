package appservice

import (
	"context"
	"fmt"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
)

// PresentedCertificate describes the certificate the service at
// serviceURL presents, without signing in or sending anything. The URL
// must pass the Service URL's rule first.
func (s *Service) PresentedCertificate(ctx context.Context, serviceURL string) (quickbooks.Presented, []settings.FieldError, error) {
	st := settings.Normalize(settings.Settings{ServiceURL: serviceURL})
	if errs := settings.ValidateFields(settings.Change{Settings: st}, settings.FieldServiceURL); len(errs) > 0 {
		return quickbooks.Presented{}, errs, nil
	}
	client, err := quickbooks.New(quickbooks.Config{BaseURL: st.ServiceURL})
	if err != nil {
		return quickbooks.Presented{}, nil, &UserError{Said: saidServiceURLUnusable.With(), Cause: err}
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(ctx, ConnectionTimeout)
	defer cancel()
	p, err := client.PresentedCertificate(ctx)
	if qe, ok := asServiceError(err); ok {
		return quickbooks.Presented{}, nil, &UserError{Said: qe.Said, Cause: err}
	}
	return p, nil, err
}

// FingerprintMismatchError: the service presents another certificate than
// the one the user asked to trust, so nothing was trusted.
type FingerprintMismatchError struct {
	Asked, Presented string
}

func (e *FingerprintMismatchError) Error() string {
	return fmt.Sprintf("the service presents the certificate %s, not %s", e.Presented, e.Asked)
}

// TrustPresentedCertificate trusts the certificate the service at
// serviceURL presents, for the profile, only if its fingerprint is the one
// given: what IT was told out of band. Anything else trusts nothing.
func (s *Service) TrustPresentedCertificate(ctx context.Context, profile, serviceURL, fingerprint string) (quickbooks.Presented, []settings.FieldError, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return quickbooks.Presented{}, nil, err
	}
	want := quickbooks.NormalizeFingerprint(fingerprint)
	if want == "" {
		return quickbooks.Presented{}, nil, &UserError{Said: saidNotAFingerprint.With()}
	}
	p, errs, err := s.PresentedCertificate(ctx, serviceURL)
	if err != nil || len(errs) > 0 {
		return p, errs, err
	}
	if p.Certificate.Fingerprint != want {
		mismatch := &FingerprintMismatchError{Asked: want, Presented: p.Certificate.Fingerprint}
		s.log.Warn("certificate not trusted: fingerprint differs", "profile", profile, "asked", want, "presented", p.Certificate.Fingerprint)
		return p, nil, &UserError{Said: saidOtherCertificate.With(), Cause: mismatch}
	}
	return p, nil, s.TrustCertificate(ctx, profile, serviceURL, want, p.Certificate.Subject)
}
