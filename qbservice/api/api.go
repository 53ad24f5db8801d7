// Package api serves the app's side of the QuickBooks service: the
// contract of docs/service-api.md (health, the item list and its refresh,
// the sync's settings, items created) over what the Web Connector's
// sessions keep. Work for QuickBooks is
// queued and done by the next Web Connector session: a refresh stays
// queued until the Web Connector calls. The service says so in health
// when the Web Connector has gone quiet.
package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Config is what the API needs.
type Config struct {
	DB       *servicedb.DB
	Accounts *accounts.Accounts
	Version  string
	Log      *slog.Logger
	// Quiet is how long the Web Connector may go without calling before
	// health says QuickBooks is out of reach (its schedule, with room).
	Quiet time.Duration
	Now   func() time.Time
	// Procore is the service's Procore connection; nil: the service
	// offers none (no capability procore, no /v1/procore).
	Procore *erp.Connection
}

// API is the contract's routes.
type API struct{ Config }

// New serves the contract with cfg.
func New(cfg Config) *API {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Quiet == 0 {
		cfg.Quiet = 5 * time.Minute
	}
	return &API{cfg}
}

func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	user, password, ok := r.BasicAuth()
	if ok {
		caller := accounts.Caller{Device: r.Header.Get(serviceapi.DeviceHeader), Addr: remoteHost(r)}
		grant, err := a.Accounts.Verify(r.Context(), caller, user, password)
		var slowed *accounts.WaitError
		switch {
		case errors.As(err, &slowed):
			// Answered at once with the wait: a connection is never held
			// for it (the app's own timeout is shorter than some waits).
			w.Header().Set("Retry-After", strconv.Itoa(slowed.Seconds()))
			writeError(w, http.StatusTooManyRequests, serviceapi.CodeSignInSlowedDown,
				fmt.Sprintf("sign-in slowed down after wrong passwords: try again in %d s", slowed.Seconds()), "", nil)
			return
		case err != nil:
			a.internal(w, "sign-in not checked", err)
			return
		}
		ok = grant.OK
	}
	if !ok {
		w.Header().Set("WWW-Authenticate", `Basic realm="QuickBooks service"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "wrong user or password", "", nil)
		return
	}
	if a.Procore != nil && a.procoreRoute(w, r) {
		return
	}
	switch path := r.URL.Path; {
	case r.Method == http.MethodGet && path == "/v1/health":
		a.health(w, r)
	case r.Method == http.MethodGet && path == "/v1/items":
		a.items(w, r)
	case r.Method == http.MethodPost && path == "/v1/items/refresh":
		a.startRefresh(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/v1/items/refresh/"):
		a.refreshState(w, r, strings.TrimPrefix(path, "/v1/items/refresh/"))
	case r.Method == http.MethodGet && path == "/v1/settings":
		a.getSettings(w, r)
	case r.Method == http.MethodPut && path == "/v1/settings":
		a.putSettings(w, r)
	case r.Method == http.MethodPost && path == "/v1/items":
		a.startCreate(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(path, createPathPrefix):
		a.createState(w, r, strings.TrimPrefix(path, createPathPrefix))
	default:
		writeError(w, http.StatusNotFound, "notFound", "no such route: "+r.Method+" "+path, "", nil)
	}
}

// capabilities are what the service can do now: sync only while its
// Procore connection works (kept, its last check or round passed, and
// registered in Procore's ERP Integrations), for only then does the sync
// run with the settings it keeps.
func (a *API) capabilities(ctx context.Context) []string {
	c := []string{serviceapi.CapabilityItemsCreateQueued, serviceapi.CapabilitySettings}
	if a.Procore == nil {
		return c
	}
	c = append(c, serviceapi.CapabilityProcore)
	row, found, err := a.DB.ProcoreConnection(ctx)
	if err != nil || !found || row.Problem != "" || row.CheckedAt.IsZero() {
		return c
	}
	if reg, _, err := a.DB.Registration(ctx, row.CompanyID); err == nil && !reg.RegisteredAt.IsZero() {
		c = append(c, serviceapi.CapabilitySync)
		for _, f := range erp.Applied() {
			c = append(c, serviceapi.CapabilityRulePrefix+string(f))
		}
	}
	return c
}

// health says what the last Web Connector session learned, and whether
// QuickBooks can be reached: the Web Connector called lately, with the
// account's password, and QuickBooks opened the company file. Every answer
// carries what is known of the Web Connector's calls (contract 1.3).
func (a *API) health(w http.ResponseWriter, r *http.Request) {
	c, err := a.DB.Connector(r.Context())
	if err != nil {
		a.internal(w, "connector state not read", err)
		return
	}
	wc := webConnector(c)
	fail := func(code, message, userFacing string, qb *serviceapi.Code) {
		body := errorBody(code, message, userFacing, qb)
		body.Error.WebConnector = wc
		writeJSON(w, http.StatusServiceUnavailable, body)
	}
	switch quiet := a.Now().Sub(c.LastCallAt); {
	case !wc.SignInRefusedAt.IsZero():
		fail(serviceapi.CodeWebConnectorSignInRefused, "the Web Connector's sign-in was refused at "+wc.SignInRefusedAt.Format(time.RFC3339),
			"The QuickBooks Web Connector called, but the password typed in it is not the QuickBooks service's. In the Web Connector, type the Service Password again in the Password column, then choose Update Selected.", nil)
	case c.LastCallAt.IsZero():
		fail(serviceapi.CodeWebConnectorNeverCalled, "the Web Connector never called",
			"The QuickBooks Web Connector has not called the QuickBooks service yet. On the QuickBooks computer, add the service's .qwc file to the Web Connector, enter its password and tick Auto-Run.", nil)
	case quiet > a.quietAfter(c.CallsEvery):
		fail(serviceapi.CodeWebConnectorQuiet, "the Web Connector last called at "+c.LastCallAt.UTC().Format(time.RFC3339),
			fmt.Sprintf("The QuickBooks Web Connector has not called the QuickBooks service since %s (%s ago). On the QuickBooks computer, open the Web Connector and check that Auto-Run is ticked.",
				c.LastCallAt.Local().Format("Jan 2, 2006 3:04 PM"), quiet.Round(time.Minute)), nil)
	case !c.QuickBooksOpen:
		fail("quickBooksNotOpen", "QuickBooks did not open the company file: "+c.HResult+" "+c.Message, "", &serviceapi.Code{HResult: c.HResult})
	case c.HResult != "":
		// Opened, then failed a request (a dialog open, a version it does
		// not speak): not ready until a session goes well.
		fail("quickBooksFailed", "QuickBooks failed a request: "+c.HResult+" "+c.Message, "", &serviceapi.Code{HResult: c.HResult})
	default:
		writeJSON(w, http.StatusOK, serviceapi.Health{Service: serviceapi.ServiceName, ServiceVersion: a.Version,
			CompanyFile: c.CompanyFile, QBEdition: c.Product, QBRunning: true,
			CompanyFileID: c.FileID, CompanyName: c.CompanyName, QBCountry: c.Country, QBFileMode: c.FileMode,
			Capabilities: a.capabilities(r.Context()), WebConnector: wc, QBPreferences: preferences(c)})
	}
}

// preferences are the company file's preferences the last session's
// first answer said, nil when it said none.
func preferences(c servicedb.Connector) *serviceapi.QBPreferences {
	on := func(p servicedb.Preference) *bool {
		if p == servicedb.PreferenceUnknown {
			return nil
		}
		v := p == servicedb.PreferenceOn
		return &v
	}
	if c.Inventory == servicedb.PreferenceUnknown && c.Estimates == servicedb.PreferenceUnknown {
		return nil
	}
	return &serviceapi.QBPreferences{PurchaseOrders: on(c.Inventory), Estimates: on(c.Estimates)}
}

// webConnector is what health says of the Web Connector's calls: a
// refused sign-in only when it came after the last call that went in.
func webConnector(c servicedb.Connector) *serviceapi.WebConnector {
	return &serviceapi.WebConnector{LastCallAt: c.LastCallAt.UTC(), SignInRefusedAt: c.RefusedSinceLastCall().UTC(), LastError: c.SessionError,
		CallsEverySeconds: int(c.CallsEvery / time.Second)}
}

// quietAfter is how long the Web Connector may go without calling before
// health says it went quiet: Quiet, or, when it is seen to call less
// often (the bookkeeper set another schedule in it than the .qwc's), three
// of its intervals.
func (a *API) quietAfter(callsEvery time.Duration) time.Duration {
	return max(a.Quiet, 3*callsEvery)
}

func (a *API) startRefresh(w http.ResponseWriter, r *http.Request) {
	id, err := a.DB.QueueRefresh(r.Context(), newJobID(servicedb.JobRefresh), a.Now())
	if err != nil {
		a.internal(w, "refresh not queued", err)
		return
	}
	writeJSON(w, http.StatusAccepted, serviceapi.RefreshStarted{RefreshID: id})
}

// refreshState says where a refresh stands: queued until a Web Connector
// session takes it.
func (a *API) refreshState(w http.ResponseWriter, r *http.Request, id string) {
	j, ok := a.job(w, r, id, servicedb.JobRefresh)
	if !ok {
		return
	}
	st := serviceapi.RefreshStatus{State: string(j.State), QuickBooks: a.heldBack(r, j)}
	if j.State == servicedb.JobFailed {
		st.Message = "QuickBooks could not read the item list. Refresh the list again."
	}
	writeJSON(w, http.StatusOK, st)
}

// heldBack is, for a queued job, QuickBooks' failure at a Web Connector
// call since the job was queued (the company file not opened, a dialog
// open…): what keeps it queued, so a caller can say so instead of waiting
// in silence. Nil when there is none, or it is not known.
func (a *API) heldBack(r *http.Request, j servicedb.Job) *serviceapi.Code {
	if j.State != servicedb.JobQueued {
		return nil
	}
	c, err := a.DB.Connector(r.Context())
	if err != nil {
		a.Log.Warn("connector state not read", "err", err)
		return nil
	}
	if c.HResult == "" || c.LastCallAt.Before(j.QueuedAt) {
		return nil
	}
	return &serviceapi.Code{HResult: c.HResult}
}

// job reads the job id of kind; when there is none (404) or it cannot be
// read (500), ok is false and the caller was answered.
func (a *API) job(w http.ResponseWriter, r *http.Request, id, kind string) (j servicedb.Job, ok bool) {
	j, ok, err := a.DB.Job(r.Context(), id)
	switch {
	case err != nil:
		a.internal(w, kind+" not read", err)
		return j, false
	case !ok || j.Kind != kind:
		writeError(w, http.StatusNotFound, "noSuch"+strings.ToUpper(kind[:1])+kind[1:], "no "+kind+" "+id, "", nil)
		return j, false
	}
	return j, true
}

// newJobID is a new job's ID: its kind and 16 random hex digits.
func newJobID(kind string) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand does not fail
	return kind + "-" + hex.EncodeToString(b)
}

// remoteHost is the address the request came from, without its port.
func remoteHost(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

func (a *API) internal(w http.ResponseWriter, what string, err error) {
	a.Log.Error(what, "err", err)
	writeError(w, http.StatusInternalServerError, "internalError", what, "", nil)
}

// decodeBody reads the request's JSON body, of at most limit bytes and no
// fields v does not have, into v; when it cannot, the caller was answered
// 400 (the body is not what, it says).
func decodeBody(w http.ResponseWriter, r *http.Request, limit int64, v any, what string) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "badRequest", "the body is not "+what+": "+err.Error(), "", nil)
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // an error is a client gone: nobody to tell
}

func writeError(w http.ResponseWriter, status int, code, message, userFacing string, qb *serviceapi.Code) {
	writeJSON(w, status, errorBody(code, message, userFacing, qb))
}

func errorBody(code, message, userFacing string, qb *serviceapi.Code) serviceapi.ErrorBody {
	var body serviceapi.ErrorBody
	body.Error.Code, body.Error.Message, body.Error.UserFacingMessage, body.Error.QuickBooks = code, message, userFacing, qb
	return body
}
