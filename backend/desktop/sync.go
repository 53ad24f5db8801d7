package desktop

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/settings"
)

// Sync is the saved settings on the QuickBooks service, where the sync
// runs with them: sent after every save, and changed from somewhere else.
type Sync struct{ *shell }

// ServiceSync is where the saved settings stand on the QuickBooks service;
// Since and AppliedAt are worded by timeText.
type ServiceSync struct {
	Status   appservice.SyncStatus `json:"status"`
	Headline string                `json:"headline"`
	Since    string                `json:"since"`
	Message  string                `json:"message"`
	// Refused are the values the service refused, shown beside their fields.
	Refused   []settings.FieldError `json:"refused"`
	Elsewhere *ServiceCopy          `json:"elsewhere"`
}

// ServiceCopy is the service's copy of the settings, changed from
// somewhere else, with the rules on which it differs from this computer's.
type ServiceCopy struct {
	AppliedAt   string                `json:"appliedAt"`
	Computer    string                `json:"computer"`
	User        string                `json:"user"`
	Differences []settings.Difference `json:"differences"`
}

// SendResult is where the settings stand after sending them, or a message
// for the user.
type SendResult struct {
	Sync  *ServiceSync `json:"sync"`
	Error string       `json:"error"`
}

func (r *SendResult) failWith(problem string) { r.Error = problem }

// SendSettings sends the saved settings to the QuickBooks service. Update
// calls it after every save; keepThisComputers replaces the service's copy
// the user was shown as changed elsewhere (and nothing newer).
func (s *Sync) SendSettings(keepThisComputers bool) SendResult {
	return serve(s.shell, func(svc *appservice.Service) SendResult {
		choice := appservice.SendIfUnchanged
		if keepThisComputers {
			choice = appservice.KeepThisComputers
		}
		ctx, done := s.ops.start(s.context(), "send")
		defer done()
		st, err := svc.SendSettings(ctx, s.currentProfile(), choice)
		if err != nil {
			return SendResult{Error: windowMessage(err)}
		}
		return SendResult{Sync: toServiceSync(st)}
	})
}

// TakeServiceSettings saves the service's copy the user was shown as a new
// revision, recorded in the history as taken from the service.
func (s *Sync) TakeServiceSettings() SaveResult {
	return serve(s.shell, func(svc *appservice.Service) SaveResult {
		st, err := svc.TakeServiceSettings(s.context(), s.currentProfile())
		if err != nil {
			return SaveResult{Error: windowMessage(err)}
		}
		return SaveResult{State: s.toFormState(st)}
	})
}

func toServiceSync(st appservice.ServiceSync) *ServiceSync {
	out := &ServiceSync{Status: st.Status, Headline: st.Headline, Since: timeText(st.Since), Message: windowText(st.Said),
		Refused: st.Refused}
	if e := st.Elsewhere; e != nil {
		out.Elsewhere = &ServiceCopy{AppliedAt: timeText(e.AppliedAt), Computer: e.Computer, User: e.User, Differences: e.Differences}
	}
	return out
}
