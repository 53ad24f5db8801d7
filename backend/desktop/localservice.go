package desktop

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
)

// LocalService is "Use the QuickBooks service on this computer": the
// service the installer put beside the app, set up for the company from
// the window, and the Web Connector's first call watched for.
type LocalService struct{ *shell }

// LocalOffer says whether the window offers the service on this computer.
type LocalOffer struct {
	Available bool `json:"available"`
}

// Offer tells whether the QuickBooks service is installed beside the app.
func (l *LocalService) Offer() LocalOffer {
	return serveOr(l.shell, LocalOffer{}, func(svc *appservice.Service) LocalOffer {
		return LocalOffer{Available: svc.LocalServiceInstalled()}
	})
}

// LocalSetupResult is what setting up did: the Service URL and User for
// the form, the Web Connector's file and whether it was handed to the Web
// Connector; State, the settings as saved after it: Saved with the new
// Service URL and User when they passed every rule, else as they were,
// with the new password recorded in the history as a revision of its own.
type LocalSetupResult struct {
	ServiceURL  string     `json:"serviceUrl"`
	ServiceUser string     `json:"serviceUser"`
	QWCPath     string     `json:"qwcPath"`
	Opened      bool       `json:"opened"`
	Saved       bool       `json:"saved"`
	State       *FormState `json:"state"`
	Error       string     `json:"error"`
}

func (r *LocalSetupResult) failWith(problem string) { r.Error = problem }

// SetUp sets the service up for the company being edited (a new password
// in the keychain, its account, the .qwc) and opens the .qwc, which on
// Windows hands it to the Web Connector.
func (l *LocalService) SetUp() LocalSetupResult {
	return serve(l.shell, func(svc *appservice.Service) LocalSetupResult {
		done, err := svc.SetUpLocalService(l.context(), l.currentProfile(), "", "")
		if err != nil {
			return LocalSetupResult{Error: windowMessage(err)}
		}
		out := LocalSetupResult{ServiceURL: done.ServiceURL, ServiceUser: done.ServiceUser, QWCPath: done.QWCPath, Saved: done.Saved}
		out.State = l.toFormState(done.State)
		if err := l.window.OpenFile(done.QWCPath); err != nil {
			l.log.Info("the .qwc was not opened; the steps name it", "path", done.QWCPath, "err", err)
		} else {
			out.Opened = true
		}
		return out
	})
}

// CopyPassword puts the company's password for the service on the
// clipboard, for the Web Connector's Password column. It is never sent
// to the web view. It returns "" when copied, or why not.
func (l *LocalService) CopyPassword() string {
	_, problem := l.opened()
	return serveOr(l.shell, problem, func(svc *appservice.Service) string {
		pw, err := svc.LocalServicePassword(l.context(), l.currentProfile())
		if err != nil {
			return windowMessage(err)
		}
		if err := l.window.ClipboardSetText(l.context(), pw); err != nil {
			l.log.Warn("clipboard not set", "err", err)
			return locale.T("The password could not be copied. Try again.")
		}
		return ""
	})
}

// WebConnectorState is what the service on this computer knows of the Web
// Connector: whether it has called, when, and the company file it found.
type WebConnectorState struct {
	Called      bool   `json:"called"`
	LastCall    string `json:"lastCall"`
	CompanyFile string `json:"companyFile"`
	// RefusedAt is when the Web Connector was turned away at sign-in since
	// its last call ("" when it was not): the password pasted in it is
	// not the company's.
	RefusedAt string `json:"refusedAt"`
	// QuickBooks is QuickBooks' failure at that call, in the window's words.
	QuickBooks string `json:"quickbooks"`
	Error      string `json:"error"`
}

func (r *WebConnectorState) failWith(problem string) { r.Error = problem }

// WebConnector reads the service on this computer, for the window to move
// on by itself once the Web Connector has called.
func (l *LocalService) WebConnector() WebConnectorState {
	return serve(l.shell, func(svc *appservice.Service) WebConnectorState {
		st, err := svc.LocalServiceStatus(l.context())
		if err != nil {
			return WebConnectorState{Error: windowMessage(err)}
		}
		out := WebConnectorState{Called: st.LastCall != nil, CompanyFile: st.CompanyFile}
		if st.LastCall != nil {
			out.LastCall = timeText(*st.LastCall)
		}
		if st.SignInRefusedAt != nil {
			out.RefusedAt = timeText(*st.SignInRefusedAt)
		}
		if st.HResult != "" {
			out.QuickBooks = quickbooks.HResultWords(st.HResult, st.Message)
		}
		return out
	})
}
