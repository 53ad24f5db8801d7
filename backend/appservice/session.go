package appservice

import (
	"context"
	"errors"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// session is one use of the profile's QuickBooks service. Every use opens
// one the same way: the profile checked, the connection values of the
// change checked (field errors mean nothing was sent), a client with the
// password and the certificate the user trusts for that address, and the
// use's time bound. Closing it ends both.
type session struct {
	profile string
	client  *quickbooks.Client
	ctx     context.Context // bounded by the use's timeout
	cancel  context.CancelFunc
}

// openSession opens a session for c's connection values, bounded by timeout.
func (s *Service) openSession(ctx context.Context, profile string, c settings.Change, timeout time.Duration) (*session, []settings.FieldError, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return nil, nil, err
	}
	client, errs, err := s.client(ctx, profile, c)
	if err != nil || len(errs) > 0 {
		return nil, errs, err
	}
	bounded, cancel := context.WithTimeout(ctx, timeout)
	return &session{profile: profile, client: client, ctx: bounded, cancel: cancel}, nil, nil
}

func (ss *session) close() {
	ss.cancel()
	ss.client.Close()
}

// companyFile asks the service how it is, and checks that it has the
// profile's company file open (binding the profile to it on its first
// successful connection). A failure is the service's (*quickbooks.Error),
// another file open (*WrongCompanyFileError), or the database's.
func (s *Service) companyFile(ss *session) (serviceapi.Health, error) {
	health, err := ss.client.Health(ss.ctx)
	if err == nil {
		err = s.checkCompanyFile(ss.ctx, ss.profile, health)
	}
	return health, err
}

// explain words a failure of the service, or another company file open,
// for the user, followed by what it meant for their action (outcome; none
// when it is the zero Phrase); what it did is logged. Errors already
// explained, and those of this computer, pass as they are.
func (s *Service) explain(profile string, err error, outcome locale.Phrase, what string) error {
	var (
		ue    *UserError
		wrong *WrongCompanyFileError
	)
	var said locale.Said
	switch qe, isService := asServiceError(err); {
	case errors.As(err, &ue):
		return err
	case errors.As(err, &wrong):
		said = wrong.Said()
	case isService:
		s.log.Warn(what, "profile", profile, "kind", qe.Kind, "detail", qe.Detail)
		said = qe.Said
	default:
		return err
	}
	if outcome.Code() != "" {
		said = saidBoth.With(said, outcome.With())
	}
	return &UserError{Said: said, Cause: err}
}
