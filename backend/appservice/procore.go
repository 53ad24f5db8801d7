package appservice

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// The Procore connection is kept by the QuickBooks service, not by this
// computer (contract 1.5): the Procore company the service is the ERP
// integrator of, and the service account it signs in as. The Client
// Secret passes through the app once, to the service, which keeps it in
// its user's keychain.

// ProcoreTimeout bounds a use of the Procore connection: the service's
// check of Procore is bounded at 20 s.
const ProcoreTimeout = 30 * time.Second

// ProcoreInput is the connection as the bookkeeper or IT enters it.
type ProcoreInput struct {
	CompanyID    string `json:"companyId"` // as typed
	ClientID     string `json:"clientId"`
	ClientSecret string `json:"clientSecret"` // "": the one the service keeps, for the same account
	Environment  string `json:"environment"`  // serviceapi.ProcoreProduction, ProcoreSandbox or ProcoreCustom
	BaseURL      string `json:"baseUrl"`      // ProcoreCustom's
}

// ProcoreView is the connection as the window and the command line show it.
type ProcoreView struct {
	// Unsupported: the service keeps no Procore connection (an older
	// one); Said says so.
	Unsupported bool
	Said        locale.Said
	// Connection is the one the service keeps; nil while none is.
	Connection *serviceapi.ProcoreConnection
	// Problem words Connection.Problem with its next step; zero when the
	// last check passed.
	Problem locale.Said
}

// ProcoreField names a field of the Procore connection, as the service
// does; a settings.FieldError of the connection carries it as its Field.
type ProcoreField string

// The fields of the Procore connection.
const (
	ProcoreCompanyID    ProcoreField = "companyId"
	ProcoreClientID     ProcoreField = "clientId"
	ProcoreClientSecret ProcoreField = "clientSecret"
	ProcoreEnvironment  ProcoreField = "environment"
	ProcoreBaseURL      ProcoreField = "baseUrl"
)

// ValidateProcore checks in by the contract's one rule
// (serviceapi.CheckProcore), worded for the bookkeeper field by field;
// none when it may be sent.
func ValidateProcore(in ProcoreInput) []settings.FieldError {
	p, companyTyped := in.put()
	bad := serviceapi.CheckProcore(p)
	if !companyTyped && in.CompanyID != "" {
		bad[string(ProcoreCompanyID)] = serviceapi.ProcoreFieldInvalid
	}
	return procoreFieldErrors(bad)
}

// put is in as the contract's body; companyTyped is false when the
// Company ID is not a whole number.
func (in ProcoreInput) put() (serviceapi.PutProcore, bool) {
	id, err := strconv.ParseInt(strings.TrimSpace(in.CompanyID), 10, 64)
	return serviceapi.PutProcore{CompanyID: id, ClientID: in.ClientID, ClientSecret: in.ClientSecret,
		Environment: in.Environment, BaseURL: strings.TrimSpace(in.BaseURL)}, err == nil
}

func procoreFieldErrors(bad map[string]string) []settings.FieldError {
	fields := make([]string, 0, len(bad))
	for f := range bad {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	var out []settings.FieldError
	for _, f := range fields {
		code := settings.Problem(bad[f])
		out = append(out, settings.FieldError{Field: settings.Field(f), Code: code, Message: procoreFieldSaid(ProcoreField(f), string(code)).Text()})
	}
	return out
}

func procoreFieldSaid(field ProcoreField, code string) locale.Said {
	required := code == serviceapi.ProcoreFieldRequired
	switch field {
	case ProcoreCompanyID:
		if required {
			return saidProcoreCompanyRequired.With()
		}
		return saidProcoreCompanyInvalid.With()
	case ProcoreClientID:
		if required {
			return saidProcoreClientRequired.With()
		}
		return saidProcoreClientInvalid.With()
	case ProcoreClientSecret:
		if required {
			return saidProcoreSecretRequired.With()
		}
		return saidProcoreSecretInvalid.With()
	case ProcoreEnvironment:
		return saidProcoreEnvironment.With()
	case ProcoreBaseURL:
		if required {
			return saidProcoreBaseURLRequired.With()
		}
		return saidProcoreBaseURLInvalid.With()
	}
	return saidProcoreFieldOther.With(string(field))
}

// Procore reads the connection the profile's QuickBooks service keeps. A
// service that keeps none is not a failure: the view says so.
func (s *Service) Procore(ctx context.Context, profile string) (ProcoreView, error) {
	unsupported := false
	v, err := s.withProcore(ctx, profile, "procore.read", func(ss *session) (serviceapi.ProcoreStatus, error) {
		st, err := ss.client.Procore(ss.ctx)
		var qe *quickbooks.Error
		if errors.As(err, &qe) && qe.Kind == quickbooks.KindProcoreUnsupported {
			unsupported = true
			return st, nil
		}
		return st, err
	})
	if unsupported {
		return ProcoreView{Unsupported: true, Said: quickbooks.ProcoreUnsupported()}, nil
	}
	return v, err
}

// ConnectProcore asks the service to sign in to Procore with in and keep
// it. Fields that break the rule are returned, and nothing is sent; a
// connection Procore did not take is a *UserError that says why, and the
// service keeps the one it had.
func (s *Service) ConnectProcore(ctx context.Context, profile string, in ProcoreInput) (ProcoreView, []settings.FieldError, error) {
	if errs := ValidateProcore(in); len(errs) > 0 {
		return ProcoreView{}, errs, nil
	}
	p, _ := in.put()
	var refused []settings.FieldError
	view, err := s.withProcore(ctx, profile, "procore.connect", func(ss *session) (serviceapi.ProcoreStatus, error) {
		st, err := ss.client.SetProcore(ss.ctx, p)
		var qe *quickbooks.Error
		if errors.As(err, &qe) && qe.Kind == quickbooks.KindProcoreInvalid {
			// The service's rule is the app's: words from here.
			bad := map[string]string{}
			for _, fe := range qe.FieldErrors {
				bad[string(fe.Field)] = string(fe.Code)
			}
			refused = procoreFieldErrors(bad)
			return st, nil
		}
		if errors.As(err, &qe) && qe.Kind == quickbooks.KindProcore {
			qe.Said = quickbooks.ProcoreProblem(qe.ProcoreProblem, p.CompanyID) // the company asked for
		}
		return st, err
	})
	if len(refused) > 0 {
		return ProcoreView{}, refused, nil
	}
	return view, nil, err
}

// TestProcore asks the service to sign in with the connection it keeps;
// what it found is in the view's Problem.
func (s *Service) TestProcore(ctx context.Context, profile string) (ProcoreView, error) {
	return s.withProcore(ctx, profile, "procore.test", func(ss *session) (serviceapi.ProcoreStatus, error) {
		return ss.client.TestProcore(ss.ctx)
	})
}

// DisconnectProcore asks the service to forget its connection and secret.
func (s *Service) DisconnectProcore(ctx context.Context, profile string) error {
	_, err := s.withProcore(ctx, profile, "procore.disconnect", func(ss *session) (serviceapi.ProcoreStatus, error) {
		return serviceapi.ProcoreStatus{}, ss.client.RemoveProcore(ss.ctx)
	})
	return err
}

// withProcore runs use in a session with the profile's saved connection
// to its service, and words the answer or the failure; what names the
// use in the log.
func (s *Service) withProcore(ctx context.Context, profile, what string, use func(*session) (serviceapi.ProcoreStatus, error)) (ProcoreView, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return ProcoreView{}, err
	}
	saved, err := s.store.LoadSettings(ctx, profile)
	if err != nil {
		return ProcoreView{}, s.storeFailure(reading, err)
	}
	ss, errs, err := s.openSession(ctx, profile, settings.Change{Settings: saved.Settings}, ProcoreTimeout)
	if err != nil {
		return ProcoreView{}, err
	}
	if len(errs) > 0 {
		return ProcoreView{}, &UserError{Said: saidProcoreNoService.With(errs[0].Message)}
	}
	defer ss.close()
	st, err := use(ss)
	if err != nil {
		return ProcoreView{}, s.explain(profile, err, locale.Phrase{}, what)
	}
	view := ProcoreView{Connection: st.Connection}
	if c := st.Connection; c != nil {
		view.Problem = quickbooks.ProcoreProblem(c.Problem, c.CompanyID)
	}
	return view, nil
}

var (
	saidProcoreCompanyRequired = locale.Coded("app.procoreCompanyRequired", "Enter the Company ID: the number after app.procore.com/ in Procore's address when you are in the company.")
	saidProcoreCompanyInvalid  = locale.Coded("app.procoreCompanyInvalid", "The Company ID is a whole number, such as 4242: the number after app.procore.com/ in Procore's address when you are in the company.")
	saidProcoreClientRequired  = locale.Coded("app.procoreClientRequired", "Enter the Client ID of the app's service account, from the Manage App page of Procore's Developer Portal.")
	saidProcoreClientInvalid   = locale.Coded("app.procoreClientInvalid", "The Client ID holds a space, a line break or a character a Client ID never has. Copy it again from the Manage App page of Procore's Developer Portal.")
	saidProcoreSecretRequired  = locale.Coded("app.procoreSecretRequired", "Enter the Client Secret of this service account.")
	saidProcoreSecretInvalid   = locale.Coded("app.procoreSecretInvalid", "The Client Secret holds a space, a line break or a character a Client Secret never has. Copy it again from the Manage App page of Procore's Developer Portal.")
	saidProcoreEnvironment     = locale.Coded("app.procoreEnvironment", "Choose Production, Sandbox, or another address.")
	saidProcoreBaseURLRequired = locale.Coded("app.procoreBaseUrlRequired", "Enter the address of the Procore environment, such as https://api.procore.com.")
	saidProcoreBaseURLInvalid  = locale.Coded("app.procoreBaseUrlInvalid", "The address must start with https:// (http:// only to this computer), without a user name or anything after a ? or #. Production and Sandbox need none.")
	saidProcoreFieldOther      = locale.Coded("app.procoreFieldOther", "The QuickBooks service refused the value of %s.")
	saidProcoreNoService       = locale.Coded("app.procoreNoService", "The Procore connection is kept by the QuickBooks service, and the saved connection to it cannot be used: %s")
)
