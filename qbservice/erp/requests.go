package erp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// What went wrong with a request, as kept: codes, worded when it is
// closed (words.go).
const (
	// ProblemUnsupported: the service does no work of this name yet.
	ProblemUnsupported = serviceapi.ActivityUnsupported
	// ProblemNotReturned: Procore did not return the request an event named.
	ProblemNotReturned = serviceapi.ActivityNotReturned
)

// maxRequestData bounds a request's payload kept: ED's largest samples
// (requisitions with their lines) are tens of kilobytes.
const maxRequestData = 4 << 20

// batch is how many requests one round takes in each state.
const batch = 50

// Work moves the requests seen along, each once: a new one's payload is
// fetched; a fetched one's outcome decided; a closing one's Request
// Detail closed. A request closed before a kill is not closed again: its
// Detail is read first. It returns at the first failure to reach
// Procore; the next round goes on from where this one stopped.
func (c *Connection) Work(ctx context.Context) error {
	client, row, err := c.clientAndRow(ctx)
	if err != nil {
		return err
	}
	company := row.CompanyID
	steps := []struct {
		state string
		do    func(context.Context, *procore.Client, int64, servicedb.ERPRequest) error
	}{{servicedb.ERPNew, c.fetch}, {servicedb.ERPFetched, c.decide}, {servicedb.ERPClosing, c.close}}
	for _, step := range steps {
		for {
			reqs, err := c.DB.ERPRequestsIn(ctx, step.state, batch)
			if err != nil || len(reqs) == 0 {
				if err != nil {
					return err
				}
				break
			}
			for _, r := range reqs {
				if err := step.do(ctx, client, company, r); err != nil && !errors.Is(err, servicedb.ErrERPState) {
					return err
				}
			}
			if len(reqs) < batch {
				break
			}
		}
	}
	return nil
}

// requestShown is the ERP Request's show (erp_events_dictionary.md's
// create_payment example).
type requestShown struct {
	ID          int64           `json:"id"`
	CompanyID   int64           `json:"company_id"`
	RequestName string          `json:"request_name"`
	RequestData json.RawMessage `json:"request_data"`
	// request_detail_id is inside request_data (create_vendor) or beside
	// it (create_or_update_job): both are read (erp-integrator.md §4.17).
	RequestDetailID int64 `json:"request_detail_id"`
}

// fetch keeps a new request's payload. A request Procore does not return
// (or returns for another company) is ended: there is nothing to close.
func (c *Connection) fetch(ctx context.Context, client *procore.Client, company int64, r servicedb.ERPRequest) error {
	var shown requestShown
	_, err := client.Do(ctx, http.MethodGet, erpRequestPath(company, r.ID), nil, &shown)
	var pe *procore.Error
	switch {
	case errors.As(err, &pe) && pe.Kind == procore.KindNotFound,
		err == nil && (shown.ID != r.ID || shown.CompanyID != company),
		errors.As(err, &pe) && pe.Kind == procore.KindBadAnswer:
		c.log().Warn("an ERP Request an event named was not returned by Procore", "request", r.ID, "err", err)
		return c.end(ctx, r.ID, ProblemNotReturned)
	case err != nil:
		return err
	}
	data, detail, ok := requestPayload(shown)
	if !ok {
		c.log().Warn("an ERP Request without a payload Procore could have sent", "request", r.ID)
		return c.end(ctx, r.ID, ProblemNotReturned)
	}
	return c.DB.FetchedERPRequest(ctx, r.ID, shown.RequestName, data, detail, c.now())
}

// requestPayload is the request's data as kept, and its Request Detail.
func requestPayload(shown requestShown) (data string, detail int64, ok bool) {
	if shown.RequestName == "" || len(shown.RequestName) > 100 || len(shown.RequestData) > maxRequestData {
		return "", 0, false
	}
	raw := bytes.TrimSpace(shown.RequestData)
	if len(raw) == 0 || string(raw) == "null" {
		raw = []byte("{}")
	}
	var inner struct {
		RequestDetailID int64 `json:"request_detail_id"`
	}
	if json.Unmarshal(raw, &inner) != nil {
		return "", 0, false
	}
	detail = shown.RequestDetailID
	if detail == 0 {
		detail = inner.RequestDetailID
	}
	return string(raw), max(detail, 0), true
}

// end ends a new request that cannot be worked, with nothing to close.
func (c *Connection) end(ctx context.Context, id int64, problem string) error {
	if err := c.DB.FetchedERPRequest(ctx, id, "", "", 0, c.now()); err != nil {
		return err
	}
	if err := c.DB.ClosingERPRequest(ctx, id, OutcomeFailed, problem, c.now()); err != nil {
		return err
	}
	return c.DB.ClosedERPRequest(ctx, id, c.now())
}

// Outcomes of a request, as Procore's Request Detail has them.
const (
	OutcomeSuccess = serviceapi.ActivitySuccess
	OutcomeFailed  = serviceapi.ActivityFailed
)

// decide settles a fetched request's outcome. No work is done yet by
// name: every request is closed as failed, saying so, rather than left
// open in Procore's ERP tool.
func (c *Connection) decide(ctx context.Context, _ *procore.Client, _ int64, r servicedb.ERPRequest) error {
	return c.DB.ClosingERPRequest(ctx, r.ID, OutcomeFailed, ProblemUnsupported, c.now())
}

// detailShown is a Request Detail as [I] GET answers it.
type detailShown struct {
	Status string `json:"status"`
}

// close closes a request's Request Detail, once: one already closed (by
// this service, before it was stopped) is only recorded.
func (c *Connection) close(ctx context.Context, client *procore.Client, company int64, r servicedb.ERPRequest) error {
	if r.DetailID != 0 {
		path := requestDetailPath(company, r.DetailID)
		var shown detailShown
		_, err := client.Do(ctx, http.MethodGet, path, nil, &shown)
		var pe *procore.Error
		switch {
		case errors.As(err, &pe) && pe.Kind == procore.KindNotFound:
			c.log().Warn("the Request Detail to close is gone", "request", r.ID, "detail", r.DetailID)
		case err != nil:
			return err
		case shown.Status == OutcomeSuccess || shown.Status == OutcomeFailed:
			// Closed already: the call before a stop had landed.
		default:
			body := map[string]any{"request_detail": map[string]any{"status": r.Outcome, "messages": messages(r)}}
			if _, err := client.Do(ctx, http.MethodPatch, path, body, nil); err != nil {
				return err
			}
		}
	}
	return c.DB.ClosedERPRequest(ctx, r.ID, c.now())
}
