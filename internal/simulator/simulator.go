// Package simulator is the project's own QuickBooks microservice: a real
// HTTP server implementing version 1.1 of the service contract
// (docs/service-api.md) over an invented construction company's item list,
// with fault modes that make it fail as only a misbehaving service can
// (wrong answers, stalls, a dropped connection). QuickBooks' own faults are
// played by the project's real QuickBooks service with the emulated Web
// Connector and QuickBooks behind it (qbservice, internal/qbwcemu). Tests
// run it in-process; cmd/qbsim runs it for demos and end-to-end tests.
package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// Fault is a way the service fails.
type Fault string

const (
	FaultNone           Fault = ""
	FaultSlow           Fault = "slow"            // every answer waits Options.SlowDelay
	FaultServerError    Fault = "server-error"    // 500 with a userFacingMessage
	FaultUnauthorized   Fault = "unauthorized"    // 401 whatever the password
	FaultMalformedJSON  Fault = "malformed-json"  // a 200 whose JSON is cut short
	FaultOversized      Fault = "oversized"       // a 200 over the client's 32 MiB limit
	FaultEndlessPaging  Fault = "endless-paging"  // every item page has a new nextCursor
	FaultDropConnection Fault = "drop-connection" // the connection closes with no answer
	FaultRefreshFails   Fault = "refresh-fails"   // refreshes end in state failed
	FaultNotQuickBooks  Fault = "not-quickbooks"  // some other web server answers
)

// Faults lists every fault, for flags and tests.
var Faults = []Fault{FaultSlow, FaultServerError, FaultUnauthorized, FaultMalformedJSON, FaultOversized,
	FaultEndlessPaging, FaultDropConnection, FaultRefreshFails, FaultNotQuickBooks}

// Options configure a simulator.
type Options struct {
	User, Password string
	Items          []serviceapi.Item // the company file's items; SampleItems() if nil
	CompanyFile    string            // the open file's path; the sample company's if empty
	SlowDelay      time.Duration     // for FaultSlow; 15 s if zero
	// Capabilities are what health says the service can do;
	// DefaultCapabilities if nil (an empty list: a 1.0-like service).
	Capabilities []string
	// RefreshPolls is how many status polls a refresh stays queued/running.
	RefreshPolls int
}

// Server is a running simulator's state. It is an http.Handler.
type Server struct {
	opts Options
	mu   sync.Mutex
	// inQuickBooks is the company file; served is what the service last
	// read from it. They differ until a refresh, as with the real service.
	inQuickBooks []serviceapi.Item
	served       []serviceapi.Item
	refreshes    map[string]*refresh
	fault        Fault
	nextID       int
	stalled      chan struct{}
	// Contract 1.1: the open company file (in multi-user mode) and the
	// capabilities.
	company      CompanyFile
	capabilities []string
	settings     serviceSettings
}

type refresh struct {
	polls int
	state string
}

// New returns a simulator with opts.
func New(opts Options) *Server {
	if opts.Items == nil {
		opts.Items = SampleItems()
	}
	company := SummitRidge
	if opts.CompanyFile != "" {
		company.Path = opts.CompanyFile
	}
	if opts.Capabilities == nil {
		opts.Capabilities = DefaultCapabilities
	}
	if opts.SlowDelay == 0 {
		opts.SlowDelay = 15 * time.Second
	}
	if opts.RefreshPolls == 0 {
		opts.RefreshPolls = 2
	}
	return &Server{
		opts:         opts,
		inQuickBooks: slices.Clone(opts.Items),
		served:       slices.Clone(opts.Items),
		refreshes:    map[string]*refresh{},
		stalled:      make(chan struct{}, 64),
		company:      company,
		capabilities: append([]string{}, opts.Capabilities...),
	}
}

// Stalled receives a value each time a request starts waiting under
// FaultSlow, so that a test can act while one is under way instead of
// guessing how long that takes.
func (s *Server) Stalled() <-chan struct{} { return s.stalled }

// CurrentFault is the fault the simulator is in.
func (s *Server) CurrentFault() Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fault
}

// BreaksContract tells the faults whose answers break the service's
// contract on purpose (a broken or foreign server), so a contract check
// leaves their answers alone.
func BreaksContract(f Fault) bool {
	switch f {
	case FaultMalformedJSON, FaultOversized, FaultDropConnection, FaultNotQuickBooks:
		return true
	default:
		return false
	}
}

// SetFault makes the simulator fail as f says (FaultNone: not at all).
func (s *Server) SetFault(f Fault) {
	s.mu.Lock()
	s.fault = f
	s.mu.Unlock()
}

// AddToQuickBooks adds an item to the company file, as a user creating it
// in QuickBooks does; the service lists it after the next refresh.
func (s *Server) AddToQuickBooks(it serviceapi.Item) {
	s.mu.Lock()
	s.inQuickBooks = append(s.inQuickBooks, it)
	s.mu.Unlock()
}

// ServeHTTP answers the contract's routes and the simulator's own control
// routes under /_simulator/.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_simulator/") {
		s.control(w, r)
		return
	}
	s.mu.Lock()
	fault := s.fault
	s.mu.Unlock()
	if s.applyFault(fault, w, r) {
		return
	}
	user, pw, ok := r.BasicAuth()
	if !ok || user != s.opts.User || pw != s.opts.Password || fault == FaultUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="QuickBooks service"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "wrong user or password", "")
		return
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/v1/health":
		s.health(w)
	case r.Method == http.MethodPost && r.URL.Path == "/v1/items":
		s.createItem(w, r)
	case r.URL.Path == "/v1/settings" && !s.canSettings():
		writeError(w, http.StatusNotImplemented, "notSupported", "this service does not keep the settings", "")
	case r.Method == http.MethodGet && r.URL.Path == "/v1/settings":
		s.getSettings(w)
	case r.Method == http.MethodPut && r.URL.Path == "/v1/settings":
		s.putSettings(w, r)
	case r.Method == http.MethodGet && r.URL.Path == "/v1/items":
		s.items(w, r, fault)
	case r.Method == http.MethodPost && r.URL.Path == "/v1/items/refresh":
		s.startRefresh(w, fault)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/items/refresh/"):
		s.refreshStatus(w, strings.TrimPrefix(r.URL.Path, "/v1/items/refresh/"))
	default:
		writeError(w, http.StatusNotFound, "notFound", "no such route: "+r.Method+" "+r.URL.Path, "")
	}
}

// applyFault answers the request as the fault says, if it concerns it, and
// reports whether it did.
func (s *Server) applyFault(f Fault, w http.ResponseWriter, r *http.Request) bool {
	switch f {
	case FaultSlow:
		select {
		case s.stalled <- struct{}{}:
		default: // nobody is counting
		}
		select {
		case <-time.After(s.opts.SlowDelay):
		case <-r.Context().Done():
			return true
		}
	case FaultServerError:
		writeError(w, http.StatusInternalServerError, "internalError", "unhandled exception in QBXML session",
			"The QuickBooks service ran into a problem talking to QuickBooks. Restart the QuickBooks service, then try again.")
		return true
	case FaultMalformedJSON:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"service":"quickbooks","serviceVersion":"1.4.2","companyFile":"C:\\Comp`)) // a client gone is no fault of the simulator's
		return true
	case FaultOversized:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		chunk := []byte(strings.Repeat(" ", 1<<20))
		_, _ = w.Write([]byte(`{"service":"quickbooks","padding":"`))
		for i := 0; i < quickbooks.MaxBodyBytes>>20+2; i++ {
			if _, err := w.Write(chunk); err != nil {
				return true
			}
		}
		_, _ = w.Write([]byte(`"}`))
		return true
	case FaultDropConnection:
		panic(http.ErrAbortHandler) // net/http closes the connection without an answer
	case FaultNotQuickBooks:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("<!doctype html><title>Welcome to nginx!</title>"))
		return true
	default: // none, or a fault of the answers that concern it (sign-in, items, refresh)
	}
	return false
}

func (s *Server) items(w http.ResponseWriter, r *http.Request, fault Fault) {
	q := r.URL.Query()
	types := strings.Split(q.Get("types"), ",")
	active := q.Get("active")
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit < 1 || limit > 1000 {
		limit = 500
	}
	offset := 0
	if c := q.Get("cursor"); c != "" {
		if offset, err = strconv.Atoi(strings.TrimPrefix(c, "o")); err != nil || offset < 0 {
			writeError(w, http.StatusBadRequest, "badCursor", "cursor not recognized", "")
			return
		}
	}
	s.mu.Lock()
	var match []serviceapi.Item
	for _, it := range s.served {
		if (q.Get("types") == "" || slices.Contains(types, it.Type)) &&
			(active == "all" || (active == "inactive") != it.IsActive) {
			match = append(match, it)
		}
	}
	s.mu.Unlock()
	page := serviceapi.ItemPage{Items: []serviceapi.Item{}}
	if offset < len(match) {
		page.Items = match[offset:min(offset+limit, len(match))]
	}
	if offset+limit < len(match) {
		page.NextCursor = fmt.Sprintf("o%d", offset+limit)
	}
	if fault == FaultEndlessPaging {
		page.NextCursor = fmt.Sprintf("o%d", offset+1) // always one more page
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) startRefresh(w http.ResponseWriter, fault Fault) {
	s.mu.Lock()
	s.nextID++
	id := fmt.Sprintf("r%d", s.nextID)
	state := serviceapi.RefreshQueued
	if fault == FaultRefreshFails {
		state = serviceapi.RefreshFailed
	}
	s.refreshes[id] = &refresh{state: state}
	s.mu.Unlock()
	writeJSON(w, http.StatusAccepted, serviceapi.RefreshStarted{RefreshID: id})
}

// refreshStatus moves a refresh along one step per poll: queued, running
// for RefreshPolls polls, then done with the company file's items served.
func (s *Server) refreshStatus(w http.ResponseWriter, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rf, ok := s.refreshes[id]
	if !ok {
		writeError(w, http.StatusNotFound, "noSuchRefresh", "no refresh "+id, "")
		return
	}
	rf.polls++
	switch rf.state {
	case serviceapi.RefreshQueued:
		rf.state = serviceapi.RefreshRunning
	case serviceapi.RefreshRunning:
		if rf.polls > s.opts.RefreshPolls {
			rf.state = serviceapi.RefreshDone
			s.served = slices.Clone(s.inQuickBooks)
		}
	case serviceapi.RefreshFailed:
		writeJSON(w, http.StatusOK, serviceapi.RefreshStatus{State: rf.state,
			Message: "QuickBooks could not read the item list. Refresh the list again."})
		return
	}
	writeJSON(w, http.StatusOK, serviceapi.RefreshStatus{State: rf.state})
}

// control serves the simulator's own routes, for tests and demos:
//
//	PUT  /_simulator/fault               {"fault":"slow"}            choose a fault ("" for none)
//	POST /_simulator/quickbooks/items    {item}                      create an item in "QuickBooks"
//	PUT  /_simulator/quickbooks/items/ID {"isActive":false}          inactivate (or activate) an item
//	PUT  /_simulator/quickbooks/company  {"id","name","path"}        open another company file
//	PUT  /_simulator/capabilities        {"capabilities":[…]}        what health says the service can do
//	PUT  /_simulator/settings            {"settings","appliedBy"}    change the service's settings as another PC would
//	PUT  /_simulator/settings/refuse     {"field","message"}         refuse a setting's value ("" message: accept)
func (s *Server) control(w http.ResponseWriter, r *http.Request) {
	decode := func(v any) bool {
		if err := json.NewDecoder(r.Body).Decode(v); err != nil {
			http.Error(w, "the body is not JSON of the right shape: "+err.Error(), http.StatusBadRequest)
			return false
		}
		return true
	}
	done := func() { w.WriteHeader(http.StatusNoContent) }
	const items = "/_simulator/quickbooks/items/"
	switch {
	case r.Method == http.MethodPut && r.URL.Path == "/_simulator/fault":
		var body struct{ Fault Fault }
		if !decode(&body) {
			return
		}
		if body.Fault != FaultNone && !slices.Contains(Faults, body.Fault) {
			http.Error(w, "want {\"fault\": one of "+fmt.Sprint(Faults)+"}", http.StatusBadRequest)
			return
		}
		s.SetFault(body.Fault)
		done()
	case r.Method == http.MethodPost && r.URL.Path == "/_simulator/quickbooks/items":
		var it serviceapi.Item
		if !decode(&it) {
			return
		}
		if it.ListID == "" || it.FullName == "" {
			http.Error(w, "want an item with listId and fullName", http.StatusBadRequest)
			return
		}
		s.AddToQuickBooks(it)
		done()
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, items):
		var body struct{ IsActive bool }
		if !decode(&body) {
			return
		}
		if !s.SetActive(strings.TrimPrefix(r.URL.Path, items), body.IsActive) {
			http.NotFound(w, r)
			return
		}
		done()
	case r.Method == http.MethodPut && r.URL.Path == "/_simulator/quickbooks/company":
		var file CompanyFile
		if !decode(&file) {
			return
		}
		s.OpenCompanyFile(file)
		done()
	case r.Method == http.MethodPut && r.URL.Path == "/_simulator/settings":
		var in serviceapi.PutSettings
		if !decode(&in) {
			return
		}
		s.SetServiceSettings(in.Settings, in.AppliedBy)
		done()
	case r.Method == http.MethodPut && r.URL.Path == "/_simulator/settings/refuse":
		var body struct {
			Field   settings.Field
			Message string
		}
		if !decode(&body) {
			return
		}
		s.RefuseSetting(body.Field, body.Message)
		done()
	case r.Method == http.MethodPut && r.URL.Path == "/_simulator/capabilities":
		var body struct{ Capabilities []string }
		if !decode(&body) {
			return
		}
		s.SetCapabilities(body.Capabilities)
		done()
	default:
		http.NotFound(w, r)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// A client that went away while the answer was written is the
	// client's business (the app's own timeouts are what tests test).
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, message, userFacing string) {
	var body serviceapi.ErrorBody
	body.Error.Code, body.Error.Message, body.Error.UserFacingMessage = code, message, userFacing
	writeJSON(w, status, body)
}
