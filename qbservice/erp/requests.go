package erp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/records"
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
// fetched; a fetched one's QuickBooks job queued, and once that job is
// done, its Procore half done and its outcome decided; a closing one's
// Request Detail closed. A request closed before a kill is not closed
// again: its Detail is read first. It returns at the first failure to
// reach Procore; the next round goes on from where this one stopped.
func (c *Connection) Work(ctx context.Context) error {
	client, row, err := c.clientAndRow(ctx)
	if err != nil {
		return err
	}
	company := row.CompanyID
	// The settings are read once a round, when a request needs them, not
	// once for every request that waits for QuickBooks.
	var env *records.Env
	decide := func(ctx context.Context, client *procore.Client, company int64, r servicedb.ERPRequest) error {
		if env == nil {
			e, err := c.env(ctx, client, company)
			if err != nil {
				return err
			}
			env = &e
		}
		return c.decide(ctx, *env, r)
	}
	steps := []struct {
		state string
		do    func(context.Context, *procore.Client, int64, servicedb.ERPRequest) error
	}{{servicedb.ERPNew, c.fetch}, {servicedb.ERPFetched, decide}, {servicedb.ERPClosing, c.close}}
	for _, step := range steps {
		// A page at a time, each after the last: requests that wait for
		// QuickBooks stay where they are.
		var after int64
		for {
			reqs, err := c.DB.ERPRequestsIn(ctx, step.state, after, batch)
			if err != nil {
				return err
			}
			for _, r := range reqs {
				if err := step.do(ctx, client, company, r); err != nil && !errors.Is(err, servicedb.ErrERPState) {
					return err
				}
				after = r.ID
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
	// A list (create_standard_cost_codes) has a Request Detail in each of
	// its records, which its kind of record closes.
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil && json.Unmarshal(raw, &inner) != nil {
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
	if err := c.closing(ctx, id, records.Failed(problem, serviceapi.ActivityResult{})); err != nil {
		return err
	}
	return c.DB.ClosedERPRequest(ctx, id, c.now())
}

// Outcomes of a request, as Procore's Request Detail has them.
const (
	OutcomeSuccess = serviceapi.ActivitySuccess
	OutcomeFailed  = serviceapi.ActivityFailed
)

// decide moves a fetched request's work on: its QuickBooks job queued
// (or its outcome, when it needs none), or once that job ended, its
// Procore half done. A job queued or running is waited for: the Web
// Connector's next run takes it, however long that is.
func (c *Connection) decide(ctx context.Context, env records.Env, r servicedb.ERPRequest) error {
	w, ok := works[r.Name]
	if !ok {
		return c.closing(ctx, r.ID, records.Failed(ProblemUnsupported, serviceapi.ActivityResult{}))
	}
	req := records.Request{ID: r.ID, Name: r.Name, Data: r.Data}
	if r.JobID == "" {
		jobs, outcome, err := w.Plan(ctx, env, req)
		switch {
		case err != nil:
			return err
		case outcome != nil:
			return c.closing(ctx, r.ID, *outcome)
		}
		if err := c.DB.QueueERPJobs(ctx, r.ID, jobs, c.now()); err != nil || len(jobs) > 0 {
			return err
		}
	}
	if r.JobID != "" && r.JobState == servicedb.JobQueued {
		// A job still waits or runs: the request's jobs (and their JSON)
		// are not read until they are all over, however often a round
		// comes by meanwhile.
		return nil
	}
	jobs, err := c.DB.ERPJobs(ctx, r.ID)
	if err != nil {
		return err
	}
	for _, j := range jobs {
		if j.State == servicedb.JobQueued || j.State == servicedb.JobRunning {
			return nil
		}
	}
	outcome, err := w.Finish(ctx, env, req, jobs)
	if err != nil {
		return err
	}
	return c.closing(ctx, r.ID, outcome)
}

// closing keeps a request's outcome, before the call that tells Procore.
func (c *Connection) closing(ctx context.Context, id int64, o records.Outcome) error {
	outcome := OutcomeSuccess
	if o.Failed {
		outcome = OutcomeFailed
	}
	result, err := json.Marshal(o.Result)
	if err != nil {
		return err
	}
	return c.DB.ClosingERPRequest(ctx, id, outcome, o.Problem, string(result), c.now())
}

// env is what the work of the company's requests may use.
func (c *Connection) env(ctx context.Context, client *procore.Client, company int64) (records.Env, error) {
	s, err := c.settings(ctx)
	if err != nil {
		return records.Env{}, err
	}
	return records.Env{DB: c.DB, Procore: client, Company: company, Settings: s, Log: c.log(), Now: c.now}, nil
}

// settings are the settings the sync runs with: those the app applied,
// else the defaults.
func (c *Connection) settings(ctx context.Context) (settings.Settings, error) {
	kept, err := c.DB.SyncSettings(ctx)
	if err != nil {
		return settings.Settings{}, err
	}
	s := settings.Defaults()
	if kept.JSON != "" {
		if err := json.Unmarshal([]byte(kept.JSON), &s); err != nil {
			return settings.Settings{}, fmt.Errorf("erp: the settings kept are not readable: %w", err)
		}
	}
	return s, nil
}

// detailShown is a Request Detail as [I] GET answers it.
type detailShown struct {
	Status string `json:"status"`
}

// close closes a request's Request Detail, or each of its records' (an
// export of cost codes), once: one already closed (by this service,
// before it was stopped) is only recorded.
func (c *Connection) close(ctx context.Context, client *procore.Client, company int64, r servicedb.ERPRequest) error {
	var result serviceapi.ActivityResult
	_ = json.Unmarshal([]byte(r.Result), &result) // kept by this service: none before results were kept
	for _, d := range result.Details {
		if d.ID == 0 {
			continue
		}
		status := OutcomeSuccess
		if d.Problem != "" {
			status = OutcomeFailed
		}
		if err := c.closeDetail(ctx, client, company, r.ID, d.ID, status, detailMessages(r.Name, d)); err != nil {
			return err
		}
	}
	if r.DetailID != 0 {
		if err := c.closeDetail(ctx, client, company, r.ID, r.DetailID, r.Outcome, messages(r)); err != nil {
			return err
		}
	}
	return c.DB.ClosedERPRequest(ctx, r.ID, c.now())
}

// closeDetail closes Request Detail detail with status and messages,
// unless it is closed already or gone.
func (c *Connection) closeDetail(ctx context.Context, client *procore.Client, company, request, detail int64, status string, msgs []string) error {
	path := requestDetailPath(company, detail)
	var shown detailShown
	_, err := client.Do(ctx, http.MethodGet, path, nil, &shown)
	var pe *procore.Error
	switch {
	case errors.As(err, &pe) && pe.Kind == procore.KindNotFound:
		c.log().Warn("the Request Detail to close is gone", "request", request, "detail", detail)
		return nil
	case err != nil:
		return err
	case shown.Status == OutcomeSuccess || shown.Status == OutcomeFailed:
		return nil // closed already: the call before a stop had landed
	}
	body := map[string]any{"request_detail": map[string]any{"status": status, "messages": msgs}}
	_, err = client.Do(ctx, http.MethodPatch, path, body, nil)
	return err
}
