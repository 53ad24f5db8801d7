package procoreemu

import (
	"encoding/json"
	"maps"
	"net/http"
	"strconv"
	"time"
)

// ERP Requests (erp_integration/erp_technical_guide.md, "Receiving and
// Processing Events" and "Export Workflow"; erp_events_dictionary.md):
// an action in the ERP Integrations tool, once an accounting approver
// accepts it, creates an ERP Request and, for most events, an ERP
// Request Detail, and fires an "ERP Requests" create event. The event
// carries no payload: the integrator fetches the request by its id, does
// the work, and closes the detail as success or failed, with messages
// the ERP tool shows.

type erpRequest struct {
	id        int64
	company   int64
	name      string
	data      any // a Record, or a list of them (create_standard_cost_codes)
	createdAt time.Time
	// detailBeside is the Request Detail shown beside request_data, as
	// create_or_update_job's sample has it; 0: inside it, or none.
	detailBeside int64
}

type requestDetail struct {
	id, request int64
	status      string // in_progress until closed (erp_intro.md's states)
	messages    []string
	closings    int // how many times the integrator closed it
}

// Detail is an ERP Request Detail as a test reads it.
type Detail struct {
	Status   string
	Messages []string
	// Closings counts the integrator's calls that set its status: a
	// request is closed exactly once.
	Closings int
}

// SendToERP plays a user's action in the ERP Integrations tool, accepted
// by an approver where it needs one: an ERP Request named name (one of
// the events of erp_events_dictionary.md) with data; with a Request
// Detail whose id is put in the data as request_detail_id when detail is
// true; and its event fired on the company's hooks and delivered. It
// returns the request's id and the detail's (0 without one).
func (e *Emulator) SendToERP(companyID int64, name string, data Record, detail bool) (int64, int64) {
	e.mu.Lock()
	payload := maps.Clone(data)
	if payload == nil {
		payload = Record{}
	}
	req := e.newRequest(companyID, name, payload)
	var detailID int64
	if detail {
		detailID = e.newDetail(req.id)
		payload["request_detail_id"] = detailID
	}
	e.announce(req)
	return req.id, detailID
}

// newRequest makes an ERP Request of the company named name, with data;
// e.mu held.
func (e *Emulator) newRequest(companyID int64, name string, data any) *erpRequest {
	if e.requests == nil {
		e.requests, e.details = map[int64]*erpRequest{}, map[int64]*requestDetail{}
	}
	e.nextID++
	req := &erpRequest{id: e.nextID, company: companyID, name: name, data: data, createdAt: e.now()}
	e.requests[req.id] = req
	return req
}

// announce fires req's event and delivers what is due: called with e.mu
// held, which it releases before delivering.
func (e *Emulator) announce(req *erpRequest) {
	e.fire(req.company, req.id, nil)
	e.mu.Unlock()
	e.RunDeliveries()
}

// newDetail opens a Request Detail of request; e.mu held.
func (e *Emulator) newDetail(request int64) int64 {
	e.nextID++
	e.details[e.nextID] = &requestDetail{id: e.nextID, request: request, status: "in_progress"}
	return e.nextID
}

// ExportedCode is a standard cost code a user exports: its code and
// name, under a code QuickBooks has (ParentOriginID) or under another of
// the same export (Parent, its index, -1 for none).
type ExportedCode struct {
	Code, Name     string
	ParentOriginID string
	Parent         int
}

// ExportCostCodes plays a user exporting standard cost codes from the
// Std. Cost Codes & Cost Types tab, accepted: the codes are made in the
// company's ERP Standard Cost Code List, and one create_standard_cost_codes
// request carries them all, each with a Request Detail of its own
// (erp_events_dictionary.md). It returns the request's id, and the codes'
// Procore ids and detail ids in the order given.
func (e *Emulator) ExportCostCodes(companyID int64, codes []ExportedCode) (request int64, ids, details []int64) {
	e.mu.Lock()
	c := e.companies[companyID]
	req := e.newRequest(companyID, "create_standard_cost_codes", nil)
	list := make([]Record, len(codes))
	for i, code := range codes {
		full := code.Code
		var parentID any
		switch {
		case code.ParentOriginID != "":
			if j, ok := c.standardCostCodes.byOrigin[code.ParentOriginID]; ok {
				parent := c.standardCostCodes.rows[j]
				parentID, full = parent["id"], parent["code"].(string)+"-"+code.Code
			}
		case code.Parent >= 0 && code.Parent < i:
			parentID, full = list[code.Parent]["id"], list[code.Parent]["full_code"].(string)+"-"+code.Code
		}
		made := c.standardCostCodes.insert(Record{"code": code.Code, "name": code.Name, "parent_id": parentID})
		ids = append(ids, made["id"].(int64))
		detail := e.newDetail(req.id)
		details = append(details, detail)
		list[i] = Record{"id": made["id"], "standard_cost_code_list_id": c.erpListID(), "origin_id": nil, "parent_id": parentID,
			"code": code.Code, "full_code": full, "name": code.Name, "origin_data": nil, "parent_origin_id": nilIfEmpty(code.ParentOriginID),
			"erp_custom_fields": Record{"income_account_origin_id": nil, "expense_account_origin_id": nil}, "request_detail_id": detail}
	}
	req.data = list
	e.announce(req)
	return req.id, ids, details
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// RequestDetail is the detail with id as it now is.
func (e *Emulator) RequestDetail(id int64) (Detail, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	d := e.details[id]
	if d == nil {
		return Detail{}, false
	}
	return Detail{Status: d.status, Messages: append([]string(nil), d.messages...), Closings: d.closings}, true
}

// showRequest answers GET /rest/v1.0/companies/{company_id}/erp_requests/{id}
// with {id, company_id, request_name, request_data, created_at,
// updated_at, integration_app_name} (the shape of
// erp_events_dictionary.md's create_payment example). The path is not
// published; this one is the research's choice [I], kept in one place in
// the service too.
func (e *Emulator) showRequest(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := pathCompany(r, q); !ok {
		return status, v
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	req := e.requests[id]
	if req == nil || req.company != q.company.id {
		return http.StatusNotFound, map[string]string{"errors": "ERP Request not found"}
	}
	at := req.createdAt.UTC().Format(time.RFC3339)
	shown := Record{"id": req.id, "company_id": req.company, "request_name": req.name,
		"request_data": req.data, "created_at": at, "updated_at": at, "integration_app_name": "QuickBooks Desktop"}
	if req.detailBeside != 0 {
		shown["request_detail_id"] = req.detailBeside
	}
	return http.StatusOK, shown
}

// showDetail answers GET
// /rest/v1.0/companies/{company_id}/erp_request_details/{id} with {id,
// status, messages}: a read the guides do not publish [I], which the
// integrator uses to close a detail once, not twice, after a stop.
func (e *Emulator) showDetail(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := pathCompany(r, q); !ok {
		return status, v
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	d := e.details[id]
	if d == nil || e.requests[d.request].company != q.company.id {
		return http.StatusNotFound, map[string]string{"errors": "ERP Request Detail not found"}
	}
	return http.StatusOK, Record{"id": d.id, "status": d.status, "messages": d.messages}
}

// closeDetail answers PATCH (TG22) or PUT (ED22)
// /rest/v1.0/companies/{company_id}/erp_request_details/{id} with
// {request_detail: {status: success|failed, messages}}.
func (e *Emulator) closeDetail(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := pathCompany(r, q); !ok {
		return status, v
	}
	var b struct {
		RequestDetail closing `json:"request_detail"`
	}
	if json.Unmarshal(q.body, &b) != nil {
		return http.StatusBadRequest, map[string]string{"errors": "the body is not JSON"}
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	b.RequestDetail.ID = id
	got, reasons := e.close(q.company.id, b.RequestDetail)
	if reasons != nil {
		if _, missing := reasons["id"]; missing {
			return http.StatusNotFound, map[string]any{"errors": reasons}
		}
		return http.StatusUnprocessableEntity, map[string]any{"errors": reasons}
	}
	return http.StatusOK, got
}

// closeDetails answers PATCH
// /rest/v1.0/companies/{company_id}/erp_request_details/sync with a list
// of {id, status, messages} (ED22), as a sync action.
func (e *Emulator) closeDetails(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := pathCompany(r, q); !ok {
		return status, v
	}
	var list []closing
	if json.Unmarshal(q.body, &list) != nil {
		return http.StatusBadRequest, map[string]string{"errors": "the body must be a list of request details"}
	}
	if len(list) > 1000 {
		return http.StatusRequestEntityTooLarge, map[string]string{"errors": "at most 1000 records may be synced at once"}
	}
	entities, errs := []Record{}, []Record{}
	for _, c := range list {
		if got, reasons := e.close(q.company.id, c); reasons != nil {
			errs = append(errs, Record{"id": c.ID, "status": c.Status, "messages": c.Messages, "errors": reasons})
		} else {
			entities = append(entities, got)
		}
	}
	return http.StatusOK, Record{"entities": entities, "errors": errs}
}

type closing struct {
	ID       int64    `json:"id"`
	Status   string   `json:"status"`
	Messages []string `json:"messages"`
}

// close sets a detail's status: success or failed, the only ones an
// integrator sets. Called with e.mu held.
func (e *Emulator) close(company int64, c closing) (Record, map[string][]string) {
	d := e.details[c.ID]
	if d == nil || e.requests[d.request].company != company {
		return nil, map[string][]string{"id": {"not found"}}
	}
	if c.Status != "success" && c.Status != "failed" {
		return nil, map[string][]string{"status": {"is not included in the list"}}
	}
	d.status, d.messages = c.Status, append([]string(nil), c.Messages...)
	d.closings++
	return Record{"id": d.id, "status": d.status, "messages": d.messages}, nil
}

// pathCompany checks that the {company_id} of the path is the header's.
func pathCompany(r *http.Request, q *request) (int, any, bool) {
	if id, err := strconv.ParseInt(r.PathValue("company_id"), 10, 64); err != nil || id != q.company.id {
		return http.StatusForbidden, map[string]string{"errors": "You do not have access to this company"}, false
	}
	return 0, nil, true
}
