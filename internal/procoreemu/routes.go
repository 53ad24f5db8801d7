package procoreemu

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Handler is the emulator's HTTP interface: the OAuth server and the
// REST API at one address.
func (e *Emulator) Handler() http.Handler { return e.mux }

func (e *Emulator) routes() {
	m := http.NewServeMux()
	m.HandleFunc("/oauth/token", e.token)
	m.HandleFunc("GET /rest/v1.0/companies", e.api(e.listCompanies))
	m.HandleFunc("GET /rest/v1.0/vendors", e.api(e.listVendors))
	m.HandleFunc("PATCH /rest/v1.0/vendors/sync", e.api(e.syncVendors))
	m.HandleFunc("GET /rest/v1.0/projects", e.api(e.listProjects))
	m.HandleFunc("POST /rest/v1.0/companies/{company_id}/erp_connections", e.api(e.createERPConnection))
	m.HandleFunc("PATCH /rest/v1.0/companies/{company_id}/erp_connections/{id}", e.api(e.updateERPConnection))
	m.HandleFunc("GET /rest/v1.0/companies/{company_id}/erp_requests/{id}", e.api(e.showRequest))
	m.HandleFunc("PATCH /rest/v1.0/companies/{company_id}/erp_request_details/sync", e.api(e.closeDetails))
	m.HandleFunc("GET /rest/v1.0/companies/{company_id}/erp_request_details/{id}", e.api(e.showDetail))
	m.HandleFunc("PATCH /rest/v1.0/companies/{company_id}/erp_request_details/{id}", e.api(e.closeDetail))
	m.HandleFunc("PUT /rest/v1.0/companies/{company_id}/erp_request_details/{id}", e.api(e.closeDetail))
	m.HandleFunc("PATCH /rest/v1.0/companies/{company_id}/external_data/sync", e.api(e.syncExternalData))
	m.HandleFunc("PATCH /rest/v1.0/erp_vendors/sync", e.api(e.syncStagedVendors))
	m.HandleFunc("PATCH /rest/v1.0/erp_projects/sync", e.api(e.syncStagedProjects))
	m.HandleFunc("PATCH /rest/v1.0/standard_cost_codes/sync", e.api(e.syncStandardCostCodes))
	m.HandleFunc("PATCH /rest/v1.0/line_item_types/sync", e.api(e.syncLineItemTypes))
	m.HandleFunc("PATCH /rest/v1.0/cost_code_line_item_types/sync", e.api(e.syncCostTypes))
	m.HandleFunc("GET /rest/v1.0/cost_codes", e.api(e.listCostCodes))
	m.HandleFunc("PATCH /rest/v1.0/erp_job_costs/sync", e.api(e.syncJobCosts))
	m.HandleFunc("PATCH /rest/v1.0/projects/{id}/configuration", e.api(e.configureProject))
	m.HandleFunc("PATCH /rest/v1.0/cost_codes/sync", e.api(e.syncCostCodes))
	m.HandleFunc("GET /rest/v1.0/budget_line_items", e.api(e.listBudgetLineItems))
	m.HandleFunc("POST /rest/v1.0/budget_line_items/sync", e.api(e.syncBudgetLineItems))
	m.HandleFunc("PATCH /rest/v1.0/erp_transactions/sync", e.api(e.syncERPTransactions))
	m.HandleFunc("POST /rest/v1.0/webhooks/hooks", e.api(e.createHook))
	m.HandleFunc("GET /rest/v1.0/webhooks/hooks", e.api(e.listHooks))
	m.HandleFunc("PATCH /rest/v1.0/webhooks/hooks/{hook_id}", e.api(e.updateHook))
	m.HandleFunc("POST /rest/v1.0/webhooks/hooks/{hook_id}/triggers", e.api(e.createTrigger))
	m.HandleFunc("GET /rest/v1.0/webhooks/hooks/{hook_id}/deliveries", e.api(e.listDeliveries))
	e.mux = m
}

// request is what the API's checks found for a handler.
type request struct {
	client  Client
	company *company
	body    []byte
}

// handler answers one API call with e.mu held: a status and what to send
// as JSON, after setting any headers it needs on h.
type handler func(h http.Header, r *http.Request, q *request) (int, any)

// maxBody bounds a request's body: a sync of 1,000 records fits.
const maxBody = 16 << 20

// api wraps an endpoint in what every call of Procore's REST API meets,
// in this order: the faults a test asked for, the bearer token (401),
// the Procore-Company-Id header (tutorials/tutorial_mpz.md: "Missing
// Procore-Company-Id header!"), the rate limits (429), and the company
// the account may reach (403). Every call is recorded.
func (e *Emulator) api(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		call := Call{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Company: r.Header.Get("Procore-Company-Id"), At: time.Now()}
		if r.Method != http.MethodGet {
			call.Body = body
		}
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			call.Status = rec.status
			e.mu.Lock()
			e.calls = append(e.calls, call)
			e.mu.Unlock()
		}()
		if err != nil {
			writeJSON(rec, http.StatusRequestEntityTooLarge, map[string]string{"errors": "Request Entity Too Large"})
			return
		}
		client, signedIn := e.signedIn(r)
		e.mu.Lock()
		slow := e.faults.slow
		e.mu.Unlock()
		time.Sleep(slow)
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.fault(rec) {
			return
		}
		if !signedIn {
			writeJSON(rec, http.StatusUnauthorized, map[string]string{"errors": "The access token is invalid"})
			return
		}
		companyID, err := strconv.ParseInt(r.Header.Get("Procore-Company-Id"), 10, 64)
		if err != nil {
			writeJSON(rec, http.StatusBadRequest, map[string]string{"errors": "Missing Procore-Company-Id header!"})
			return
		}
		if wait, ok := e.admit(rec.Header(), client.ID, time.Now()); !ok {
			rec.Header().Set("Retry-After", strconv.Itoa(wait))
			writeJSON(rec, http.StatusTooManyRequests, map[string]string{"errors": "Too Many Requests"})
			return
		}
		c := e.companies[companyID]
		if c == nil || !reaches(client, companyID) {
			writeJSON(rec, http.StatusForbidden, map[string]string{"errors": "You do not have access to this company"})
			return
		}
		status, v := h(rec.Header(), r, &request{client: client, company: c, body: body})
		if status >= 200 && status < 300 && e.faults.garble > 0 {
			e.faults.garble--
			rec.Header().Set("Content-Type", "text/html")
			rec.WriteHeader(status)
			_, _ = io.WriteString(rec, "<html><body>Procore is down for maintenance</body></html>")
			return
		}
		writeJSON(rec, status, v)
	}
}

func reaches(c Client, companyID int64) bool {
	for _, id := range c.Companies {
		if id == companyID {
			return true
		}
	}
	return false
}

// companyParam checks that the company_id a call names (in its query, or
// in its body for a PATCH) is the header's company; "" when it is.
func companyParam(r *http.Request, q *request) (int, any, bool) {
	v := r.URL.Query().Get("company_id")
	if v == "" && len(q.body) > 0 {
		var b struct {
			CompanyID json.Number `json:"company_id"`
		}
		d := json.NewDecoder(bytes.NewReader(q.body))
		d.UseNumber()
		_ = d.Decode(&b)
		v = b.CompanyID.String()
	}
	if v == "" {
		return http.StatusBadRequest, map[string]string{"errors": "company_id is missing"}, false
	}
	if id, err := strconv.ParseInt(v, 10, 64); err != nil || id != q.company.id {
		return http.StatusForbidden, map[string]string{"errors": "You do not have access to this company"}, false
	}
	return 0, nil, true
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}
