package quickbooks

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// The service's Procore connection (contract 1.5, capability procore): the
// Procore company the service is the ERP integrator of. A service without
// it answers 404: the client says KindProcoreUnsupported.

// Procore reads the service's Procore connection.
func (c *Client) Procore(ctx context.Context) (serviceapi.ProcoreStatus, error) {
	return c.procoreCall(ctx, http.MethodGet, "/v1/procore", nil)
}

// SetProcore asks the service to sign in to Procore with p and keep it.
// Fields the service refused are an *Error of KindProcoreInvalid with
// FieldErrors (their codes); a connection Procore did not take,
// KindProcore with ProcoreProblem. Nothing is changed on a refusal.
func (c *Client) SetProcore(ctx context.Context, p serviceapi.PutProcore) (serviceapi.ProcoreStatus, error) {
	body, err := json.Marshal(p) //nolint:gosec // the secret goes to the service, which keeps it in its keychain: the call's purpose
	if err != nil {
		return serviceapi.ProcoreStatus{}, err
	}
	return c.procoreCall(ctx, http.MethodPut, "/v1/procore", body)
}

// TestProcore asks the service to check the connection it keeps.
func (c *Client) TestProcore(ctx context.Context) (serviceapi.ProcoreStatus, error) {
	return c.procoreCall(ctx, http.MethodPost, "/v1/procore/test", nil)
}

// RemoveProcore asks the service to forget its connection and secret.
func (c *Client) RemoveProcore(ctx context.Context) error {
	_, err := c.exchange(ctx, http.MethodDelete, "/v1/procore", nil, nil, []int{http.StatusNoContent}, nil)
	return c.procoreError(err)
}

func (c *Client) procoreCall(ctx context.Context, method, path string, body []byte) (serviceapi.ProcoreStatus, error) {
	var st serviceapi.ProcoreStatus
	if _, err := c.exchange(ctx, method, path, body, nil, []int{http.StatusOK}, &st); err != nil {
		return serviceapi.ProcoreStatus{}, c.procoreError(err)
	}
	if conn := st.Connection; conn != nil {
		if conn.CompanyID <= 0 || !slices.Contains(procoreEnvironments, conn.Environment) {
			return serviceapi.ProcoreStatus{}, c.notQuickBooks(path + ": not a Procore connection")
		}
		conn.ClientID = displayText(conn.ClientID, maxNameRunes)
		conn.BaseURL = displayText(conn.BaseURL, maxNameRunes)
		conn.CompanyName = displayText(conn.CompanyName, maxNameRunes)
		if conn.Problem != "" && !slices.Contains(procoreProblems, conn.Problem) {
			conn.Problem = procoreProblemOther
		}
	}
	return st, nil
}

var (
	procoreEnvironments = []string{serviceapi.ProcoreProduction, serviceapi.ProcoreSandbox, serviceapi.ProcoreCustom}
	procoreProblems     = []string{serviceapi.ProcoreSignInRefused, serviceapi.ProcoreUnauthorized, serviceapi.ProcoreNotAllowed,
		serviceapi.ProcoreThrottled, serviceapi.ProcoreUnavailable, serviceapi.ProcoreUnreachable, serviceapi.ProcoreBadAnswer,
		serviceapi.ProcoreSecretMissing}
)

// procoreProblemOther stands for a problem code this app does not know
// (a newer service's): worded generally.
const procoreProblemOther = "other"

// procoreError turns a 404 from a service without the Procore connection
// into KindProcoreUnsupported; any other error passes as it is.
func (c *Client) procoreError(err error) error {
	var e *Error
	if errors.As(err, &e) && e.ServiceCode == "notFound" {
		e.Kind, e.Said = KindProcoreUnsupported, saidProcoreUnsupported.With()
	}
	return err
}

// procoreStatusError explains the Procore connection's error answers;
// ok is false for any other.
func procoreStatusError(eb serviceapi.ErrorBody, detail string) (*Error, bool) {
	switch eb.Error.Code {
	case serviceapi.CodeInvalidProcore:
		e := newError(KindProcoreInvalid, detail, saidProcoreInvalid.With())
		for _, fe := range eb.Error.FieldErrors {
			e.FieldErrors = append(e.FieldErrors, settings.FieldError{Field: fe.Field, Code: fe.Code})
		}
		return e, true
	case serviceapi.CodeProcoreCheckFailed:
		problem := eb.Error.ProcoreProblem
		if !slices.Contains(procoreProblems, problem) {
			problem = procoreProblemOther
		}
		e := newError(KindProcore, detail+" procoreProblem="+problem, ProcoreProblem(problem, 0))
		e.ProcoreProblem = problem
		e.Retry = problem == serviceapi.ProcoreThrottled || problem == serviceapi.ProcoreUnavailable || problem == serviceapi.ProcoreUnreachable
		return e, true
	case serviceapi.CodeKeychainUnavailable:
		return newError(KindProcoreKeychain, detail, saidProcoreKeychain.With()), true
	case serviceapi.CodeProcoreNotConnected:
		return newError(KindProcoreNotConnected, detail, saidProcoreNotConnected.With()), true
	}
	return nil, false
}

// ProcoreUnsupported says that the service keeps no Procore connection.
func ProcoreUnsupported() locale.Said { return saidProcoreUnsupported.With() }

// ProcoreProblem words what a check of the Procore connection of company
// found wrong (a serviceapi.ProcoreProblem code), with what to do.
func ProcoreProblem(problem string, company int64) locale.Said {
	switch problem {
	case "":
		return locale.Said{}
	case serviceapi.ProcoreSignInRefused:
		return saidProcoreSignInRefused.With()
	case serviceapi.ProcoreUnauthorized:
		return saidProcoreUnauthorized.With()
	case serviceapi.ProcoreNotAllowed:
		// An ID is a name, not a number to group in thousands.
		return saidProcoreNotAllowed.With(strconv.FormatInt(company, 10))
	case serviceapi.ProcoreThrottled:
		return saidProcoreThrottled.With()
	case serviceapi.ProcoreUnavailable:
		return saidProcoreUnavailable.With()
	case serviceapi.ProcoreUnreachable:
		return saidProcoreUnreachable.With()
	case serviceapi.ProcoreBadAnswer:
		return saidProcoreBadAnswer.With()
	case serviceapi.ProcoreSecretMissing:
		return saidProcoreSecretMissing.With()
	}
	return saidProcoreOther.With(problem)
}

var (
	saidProcoreUnsupported   = locale.Coded("qb.procoreUnsupported", "This QuickBooks service cannot keep a Procore connection. Update the QuickBooks service on its computer to this app's version, then try again.")
	saidProcoreSignInRefused = locale.Coded("qb.procoreSignInRefused", "Procore did not accept the Client ID and Client Secret. In Procore's Developer Portal, open the app's Manage App page and copy the Client ID and Client Secret of its service account again, for the environment chosen here (Production or Sandbox).")
	saidProcoreUnauthorized  = locale.Coded("qb.procoreUnauthorized", "Procore accepted the Client ID and Client Secret but refused the service account's access. In Procore, a company administrator checks in the Company Admin tool, under App Management, that the app is still installed in this company.")
	saidProcoreNotAllowed    = locale.Coded("qb.procoreNotAllowed", "The service account cannot reach company %s in Procore. Check the Company ID (the number after app.procore.com/ in Procore's address when you are in the company), and that the app is installed in this company with the Company Level Admin, Directory Admin and ERP Integrations Admin permissions.")
	saidProcoreThrottled     = locale.Coded("qb.procoreThrottled", "Procore asked the QuickBooks service to wait before calling again. Test again in a few minutes.")
	saidProcoreUnavailable   = locale.Coded("qb.procoreUnavailable", "Procore could not answer just now. Test again in a few minutes; if it lasts, check status.procore.com.")
	saidProcoreUnreachable   = locale.Coded("qb.procoreUnreachable", "The QuickBooks service could not reach Procore. Check that the service's computer is connected to the Internet, and that a firewall or proxy lets it reach login.procore.com and api.procore.com.")
	saidProcoreBadAnswer     = locale.Coded("qb.procoreBadAnswer", "Something answered the QuickBooks service, but not the way Procore does. Check the environment chosen, and the address of another environment.")
	saidProcoreSecretMissing = locale.Coded("qb.procoreSecretMissing", "The Client Secret is no longer in the keychain of the QuickBooks service's computer. Enter the Client Secret again.")
	saidProcoreOther         = locale.Coded("qb.procoreOther", "The QuickBooks service found a problem with the Procore connection (%s). Test again; if it lasts, ask your IT support to check the QuickBooks service's log.")
	saidProcoreInvalid       = locale.Coded("qb.procoreInvalid", "The QuickBooks service did not accept some of the Procore connection's values, so nothing was changed. The reasons are shown beside them.")
	saidProcoreKeychain      = locale.Coded("qb.procoreKeychain", "The QuickBooks service could not use the keychain of its user on its computer (Windows Credential Manager), so nothing was changed. Sign in to that computer as the user the service runs as, then try again.")
	saidProcoreNotConnected  = locale.Coded("qb.procoreNotConnected", "The QuickBooks service has no Procore connection yet. Enter the Company ID, Client ID and Client Secret, then choose Connect.")
)

// Activity reads the ERP Requests the service has seen, newest first.
func (c *Client) Activity(ctx context.Context, limit int) (serviceapi.Activity, error) {
	var a serviceapi.Activity
	path := "/v1/activity?limit=" + strconv.Itoa(min(max(limit, 1), serviceapi.MaxActivity))
	if _, err := c.exchange(ctx, http.MethodGet, path, nil, nil, []int{http.StatusOK}, &a); err != nil {
		return serviceapi.Activity{}, c.procoreError(err)
	}
	kept := a.Requests[:0]
	for _, r := range a.Requests {
		// A request the service could not have kept is left out.
		if r.ID <= 0 || !slices.Contains(activityStates, r.State) || len(r.Name) > 100 || len(r.Problem) > 100 {
			continue
		}
		r.Name, r.Problem = displayText(r.Name, 100), displayText(r.Problem, 100)
		r.Result = shownResult(r.Result)
		kept = append(kept, r)
	}
	a.Requests = kept
	return a, nil
}

var activityStates = []string{serviceapi.ActivityNew, serviceapi.ActivityFetched, serviceapi.ActivityWaiting, serviceapi.ActivityClosing, serviceapi.ActivityClosed}

// shownResult is what a request's work did, as the window and the command
// line may show it: the names and reasons come from Procore and
// QuickBooks through the service, so each is made plain text of a
// readable length, and there are at most 100 records refused.
func shownResult(r *serviceapi.ActivityResult) *serviceapi.ActivityResult {
	if r == nil {
		return nil
	}
	out := serviceapi.ActivityResult{Field: displayText(r.Field, 40), Limit: max(r.Limit, 0), ListID: displayText(r.ListID, 36),
		TxnID: displayText(r.TxnID, 36), Name: displayText(r.Name, 209)}
	for _, rule := range r.Rules[:min(len(r.Rules), 20)] {
		out.Rules = append(out.Rules, serviceapi.ActivityRule{Rule: displayText(rule.Rule, 40), Setting: displayText(rule.Setting, 40),
			From: displayText(rule.From, 200), To: displayText(rule.To, 200), Limit: max(rule.Limit, 0)})
	}
	for code, n := range r.Counts {
		if n >= 0 && len(code) <= 40 {
			if out.Counts == nil {
				out.Counts = map[string]int{}
			}
			out.Counts[code] = n
		}
	}
	for _, refused := range r.Refused[:min(len(r.Refused), 100)] {
		shown := serviceapi.ActivityRefused{Name: displayText(refused.Name, 200)}
		for _, why := range refused.Reasons[:min(len(refused.Reasons), 10)] {
			shown.Reasons = append(shown.Reasons, displayText(why, 500))
		}
		out.Refused = append(out.Refused, shown)
	}
	out.QuickBooks = shownQuickBooks(r.QuickBooks)
	for _, d := range r.Details[:min(len(r.Details), 1000)] {
		shown := serviceapi.ActivityDetail{ID: d.ID, Name: displayText(d.Name, 200), Problem: displayText(d.Problem, 100),
			QuickBooks: shownQuickBooks(d.QuickBooks), Field: displayText(d.Field, 40), Limit: max(d.Limit, 0)}
		for _, why := range d.Reasons[:min(len(d.Reasons), 10)] {
			shown.Reasons = append(shown.Reasons, displayText(why, 500))
		}
		out.Details = append(out.Details, shown)
	}
	return &out
}

func shownQuickBooks(qb *serviceapi.ActivityQuickBooksFail) *serviceapi.ActivityQuickBooksFail {
	if qb == nil {
		return nil
	}
	return &serviceapi.ActivityQuickBooksFail{StatusCode: qb.StatusCode, HResult: displayText(qb.HResult, 12), Message: displayText(qb.Message, 500)}
}
