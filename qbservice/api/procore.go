package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strconv"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// maxProcoreBytes bounds PUT /v1/procore: four short fields and a URL.
const maxProcoreBytes = 16 << 10

// procoreRoute serves the Procore connection (contract 1.5); false when
// the path is not one of its routes.
func (a *API) procoreRoute(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case r.URL.Path == "/v1/procore" && r.Method == http.MethodGet:
		a.getProcore(w, r)
	case r.URL.Path == "/v1/procore" && r.Method == http.MethodPut:
		a.putProcore(w, r)
	case r.URL.Path == "/v1/procore" && r.Method == http.MethodDelete:
		a.deleteProcore(w, r)
	case r.URL.Path == "/v1/procore/test" && r.Method == http.MethodPost:
		a.testProcore(w, r)
	case r.URL.Path == "/v1/activity" && r.Method == http.MethodGet:
		a.activity(w, r)
	default:
		return false
	}
	return true
}

func (a *API) getProcore(w http.ResponseWriter, r *http.Request) {
	row, found, err := a.DB.ProcoreConnection(r.Context())
	if err != nil {
		a.internal(w, "Procore connection not read", err)
		return
	}
	a.writeProcore(w, r, row, found)
}

// writeProcore answers the connection with what is registered for it.
func (a *API) writeProcore(w http.ResponseWriter, r *http.Request, row servicedb.ProcoreConnection, found bool) {
	st := procoreStatus(row, found)
	if found {
		reg, _, err := a.DB.Registration(r.Context(), row.CompanyID)
		if err != nil {
			a.internal(w, "Procore registration not read", err)
			return
		}
		st.Connection.RegisteredAt, st.Connection.PolledAt, st.Connection.LastEventAt = reg.RegisteredAt, reg.PolledAt, reg.LastEventAt
		st.Connection.Receives = erp.Receives(reg.HookDestination)
	}
	writeJSON(w, http.StatusOK, st)
}

// putProcore signs in to Procore with the connection asked for, and
// keeps it only if Procore took it.
func (a *API) putProcore(w http.ResponseWriter, r *http.Request) {
	var in serviceapi.PutProcore
	if !decodeBody(w, r, maxProcoreBytes, &in, "a Procore connection") {
		return
	}
	row, err := a.Procore.Set(r.Context(), erp.Candidate{CompanyID: in.CompanyID, ClientID: in.ClientID, ClientSecret: in.ClientSecret,
		Environment: procore.Environment(in.Environment), BaseURL: in.BaseURL})
	if err != nil {
		a.procoreFailed(w, "Procore connection not kept", err)
		return
	}
	a.Procore.Nudge() // registered at once, not at the next round
	a.writeProcore(w, r, row, true)
}

// testProcore checks the connection kept; what it found is in the answer.
func (a *API) testProcore(w http.ResponseWriter, r *http.Request) {
	row, err := a.Procore.Check(r.Context())
	if err != nil {
		a.procoreFailed(w, "Procore connection not checked", err)
		return
	}
	a.writeProcore(w, r, row, true)
}

func (a *API) deleteProcore(w http.ResponseWriter, r *http.Request) {
	if err := a.Procore.Remove(r.Context()); err != nil {
		a.procoreFailed(w, "Procore connection not removed", err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// procoreFailed answers a failure of the Procore connection's calls.
func (a *API) procoreFailed(w http.ResponseWriter, what string, err error) {
	var (
		invalid *erp.InvalidError
		pe      *procore.Error
		ke      *erp.KeychainError
	)
	switch {
	case errors.As(err, &invalid):
		var body serviceapi.ErrorBody
		body.Error.Code, body.Error.Message = serviceapi.CodeInvalidProcore, "some of the connection's fields were refused"
		for _, f := range sortedKeys(invalid.Fields) {
			body.Error.FieldErrors = append(body.Error.FieldErrors, settings.FieldError{Field: settings.Field(f), Code: settings.Problem(invalid.Fields[f]), Message: f + " is " + string(invalid.Fields[f])})
		}
		writeJSON(w, http.StatusBadRequest, body)
	case errors.As(err, &pe):
		a.Log.Info(what, "err", err)
		body := errorBody(serviceapi.CodeProcoreCheckFailed, "Procore did not take the connection: "+string(pe.Kind), "", nil)
		body.Error.ProcoreProblem = string(pe.Kind)
		writeJSON(w, http.StatusUnprocessableEntity, body)
	case errors.As(err, &ke):
		a.Log.Warn(what, "err", err)
		writeError(w, http.StatusServiceUnavailable, serviceapi.CodeKeychainUnavailable, "the keychain of the service's user could not be used", "", nil)
	case errors.Is(err, erp.ErrNotConnected):
		writeError(w, http.StatusNotFound, serviceapi.CodeProcoreNotConnected, "no Procore connection is set", "", nil)
	default:
		a.internal(w, what, err)
	}
}

// activity answers the ERP Requests seen, newest first (?limit=, 1 to
// serviceapi.MaxActivity, 100 when absent).
func (a *API) activity(w http.ResponseWriter, r *http.Request) {
	limit := 100
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > serviceapi.MaxActivity {
			writeError(w, http.StatusBadRequest, "badRequest", "limit must be 1 to "+strconv.Itoa(serviceapi.MaxActivity), "", nil)
			return
		}
		limit = n
	}
	reqs, err := a.DB.RecentERPRequests(r.Context(), limit)
	if err != nil {
		a.internal(w, "activity not read", err)
		return
	}
	out := serviceapi.Activity{Requests: make([]serviceapi.ActivityRequest, 0, len(reqs))}
	for _, q := range reqs {
		a := serviceapi.ActivityRequest{ID: q.ID, Name: q.Name, State: q.State, Outcome: q.Outcome,
			Problem: q.Problem, SeenAt: q.SeenAt, UpdatedAt: q.UpdatedAt}
		if q.State == servicedb.ERPFetched && (q.JobState == servicedb.JobQueued || q.JobState == servicedb.JobRunning) {
			a.State = serviceapi.ActivityWaiting
		}
		if q.Result != "" {
			var result serviceapi.ActivityResult
			if json.Unmarshal([]byte(q.Result), &result) == nil {
				a.Result = &result
			}
		}
		out.Requests = append(out.Requests, a)
	}
	writeJSON(w, http.StatusOK, out)
}

func procoreStatus(row servicedb.ProcoreConnection, found bool) serviceapi.ProcoreStatus {
	if !found {
		return serviceapi.ProcoreStatus{}
	}
	return serviceapi.ProcoreStatus{Connection: &serviceapi.ProcoreConnection{
		CompanyID: row.CompanyID, ClientID: row.ClientID, Environment: row.Environment, BaseURL: row.BaseURL,
		SetAt: row.SetAt, CompanyName: row.CompanyName, CheckedAt: row.CheckedAt, Problem: row.Problem,
	}}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
