package desktop

import (
	"strconv"

	"qbsettings/backend/appservice"
	"qbsettings/backend/settings"
)

// Procore is the window's Procore section: the Procore company the
// QuickBooks service is the ERP integrator of, which the service keeps
// (its Client Secret in its user's keychain, never on this computer).
type Procore struct{ *shell }

// ProcoreState is the connection the service keeps, worded for the window.
type ProcoreState struct {
	// Unsupported says that the service keeps no Procore connection.
	Unsupported string `json:"unsupported"`
	// Connected: a connection is kept and its last check passed.
	Connected   bool   `json:"connected"`
	Kept        bool   `json:"kept"` // a connection is kept at all
	CompanyID   string `json:"companyId"`
	CompanyName string `json:"companyName"`
	ClientID    string `json:"clientId"`
	Environment string `json:"environment"`
	BaseURL     string `json:"baseUrl"`
	CheckedAt   string `json:"checkedAt"`
	// Problem is what the last check found wrong, with what to do.
	Problem string `json:"problem"`
}

// ProcoreResult is the connection after a call, or the values refused
// beside their fields, or a message for the user.
type ProcoreResult struct {
	State       *ProcoreState         `json:"state"`
	FieldErrors []settings.FieldError `json:"fieldErrors"`
	Error       string                `json:"error"`
}

func (r *ProcoreResult) failWith(problem string) { r.Error = problem }

// ProcoreStatus reads the connection the service keeps.
func (p *Procore) ProcoreStatus() ProcoreResult {
	return serve(p.shell, func(svc *appservice.Service) ProcoreResult {
		ctx, done := p.ops.start(p.context(), "procore")
		defer done()
		v, err := svc.Procore(ctx, p.currentProfile())
		return procoreResult(v, nil, err)
	})
}

// ValidateProcore checks the connection as typed, field by field; none
// when it may be sent.
func (p *Procore) ValidateProcore(in appservice.ProcoreInput) []settings.FieldError {
	if errs := appservice.ValidateProcore(in); len(errs) > 0 {
		return errs
	}
	return []settings.FieldError{}
}

// ConnectProcore asks the service to sign in to Procore with in and keep it.
func (p *Procore) ConnectProcore(in appservice.ProcoreInput) ProcoreResult {
	return serve(p.shell, func(svc *appservice.Service) ProcoreResult {
		ctx, done := p.ops.start(p.context(), "procore")
		defer done()
		v, errs, err := svc.ConnectProcore(ctx, p.currentProfile(), in)
		return procoreResult(v, errs, err)
	})
}

// TestProcore asks the service to sign in with the connection it keeps.
func (p *Procore) TestProcore() ProcoreResult {
	return serve(p.shell, func(svc *appservice.Service) ProcoreResult {
		ctx, done := p.ops.start(p.context(), "procore")
		defer done()
		v, err := svc.TestProcore(ctx, p.currentProfile())
		return procoreResult(v, nil, err)
	})
}

// DisconnectProcore asks the service to forget the connection and secret.
func (p *Procore) DisconnectProcore() ProcoreResult {
	return serve(p.shell, func(svc *appservice.Service) ProcoreResult {
		ctx, done := p.ops.start(p.context(), "procore")
		defer done()
		if err := svc.DisconnectProcore(ctx, p.currentProfile()); err != nil {
			return ProcoreResult{Error: windowMessage(err)}
		}
		return ProcoreResult{State: &ProcoreState{}}
	})
}

func procoreResult(v appservice.ProcoreView, errs []settings.FieldError, err error) ProcoreResult {
	if err != nil {
		return ProcoreResult{Error: windowMessage(err)}
	}
	if len(errs) > 0 {
		return ProcoreResult{FieldErrors: errs}
	}
	if v.Unsupported {
		return ProcoreResult{State: &ProcoreState{Unsupported: windowText(v.Said)}}
	}
	c := v.Connection
	if c == nil {
		return ProcoreResult{State: &ProcoreState{}}
	}
	return ProcoreResult{State: &ProcoreState{Connected: c.Problem == "", Kept: true, CompanyID: strconv.FormatInt(c.CompanyID, 10),
		CompanyName: c.CompanyName, ClientID: c.ClientID, Environment: c.Environment, BaseURL: c.BaseURL,
		CheckedAt: timeText(c.CheckedAt), Problem: windowText(v.Problem)}}
}

// ActivityLine is one of Procore's requests, worded for the window.
type ActivityLine struct {
	ID      int64  `json:"id"`
	Action  string `json:"action"`  // what was asked in Procore
	Said    string `json:"said"`    // where it stands
	SeenAt  string `json:"seenAt"`  // when it reached the service, worded
	Outcome string `json:"outcome"` // success, failed, or "" while under way
	// Details are what its work did, a line each.
	Details []string `json:"details"`
}

// ActivityResult is what came of Procore's requests, or why it is not known.
type ActivityResult struct {
	Lines []ActivityLine `json:"lines"`
	Error string         `json:"error"`
}

func (r *ActivityResult) failWith(problem string) { r.Error = problem }

// Activity reads what came of Procore's requests at the service, newest
// first (the latest 100).
func (p *Procore) Activity() ActivityResult {
	return serve(p.shell, func(svc *appservice.Service) ActivityResult {
		ctx, done := p.ops.start(p.context(), "procore")
		defer done()
		entries, err := svc.Activity(ctx, p.currentProfile(), 100)
		if err != nil {
			return ActivityResult{Error: windowMessage(err)}
		}
		lines := make([]ActivityLine, 0, len(entries))
		for _, e := range entries {
			details := make([]string, len(e.Details))
			for i, d := range e.Details {
				details[i] = windowText(d)
			}
			lines = append(lines, ActivityLine{ID: e.ID, Action: windowText(e.Action), Said: windowText(e.Said), SeenAt: timeText(e.SeenAt),
				Outcome: e.Outcome, Details: details})
		}
		return ActivityResult{Lines: lines}
	})
}
