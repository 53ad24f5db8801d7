package procoreemu

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

// Webhooks as plan_your_app/webhooks_api.md and plan_your_app/webhooks.md
// describe them: a hook (a destination and its headers, in a namespace)
// with triggers (a resource and an event type); each event is delivered
// by POST of its v2.0 JSON, 5 s allowed; a failure pauses the hook's
// queue and retries with exponential backoff from 1 s to 1 hour; after 12
// hours of retries the queue is flushed and its events marked discarded;
// a success resets the counters. Deliveries are listed for the integrator
// to read, with filter[status] any, successful, discarded or failing.

type hook struct {
	id         int64
	company    int64
	namespace  string
	apiVersion string
	url        string
	headers    map[string]string
	triggers   []trigger
	// The queue: events not yet delivered, oldest first.
	pending      []*event
	failingSince time.Time // zero while deliveries pass
	retryAt      time.Time
	backoff      time.Duration
	delivering   bool
}

type trigger struct {
	id                      int64
	resourceName, eventType string
}

// event is a v2.0 event (plan_your_app/webhooks.md, "Version v2.0").
type event struct {
	ID           int64          `json:"id"`
	ULID         string         `json:"ulid"`
	Timestamp    string         `json:"timestamp"`
	Metadata     map[string]any `json:"metadata"`
	UserID       int64          `json:"user_id"`
	CompanyID    int64          `json:"company_id"`
	ProjectID    *int64         `json:"project_id"`
	APIVersion   string         `json:"api_version"`
	EventType    string         `json:"event_type"`
	ResourceName string         `json:"resource_name"`
	ResourceID   int64          `json:"resource_id"`
}

// delivery is one attempt to deliver an event, as the deliveries list
// shows it (webhooks_api.md, "Useful delivery fields").
type delivery struct {
	ID             int64     `json:"id"`
	StartedAt      time.Time `json:"started_at"`
	CompletedAt    time.Time `json:"completed_at"`
	ResponseStatus *int      `json:"response_status"`
	ResponseError  *string   `json:"response_error"`
	ResponseBody   *string   `json:"response_body"`
	Outcome        string    `json:"outcome"` // ok, discarded, retried, failed
	Event          *event    `json:"event"`
}

var namespacePattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// Backoff of a failing hook (webhooks.md, "Reliability and Retries").
const (
	firstRetry  = time.Second
	lastRetry   = time.Hour
	discardTime = 12 * time.Hour
	deliverTime = 5 * time.Second
)

// createHook answers POST /rest/v1.0/webhooks/hooks {company_id, hook:
// {api_version, namespace, destination_url, destination_headers}}: 201
// with the hook. The namespace allows a–z, 0–9 and dashes.
func (e *Emulator) createHook(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	var b struct {
		Hook struct {
			APIVersion         string            `json:"api_version"`
			Namespace          string            `json:"namespace"`
			DestinationURL     string            `json:"destination_url"`
			DestinationHeaders map[string]string `json:"destination_headers"`
		} `json:"hook"`
	}
	if json.Unmarshal(q.body, &b) != nil {
		return http.StatusBadRequest, map[string]string{"errors": "the body is not JSON"}
	}
	reasons := map[string][]string{}
	if !namespacePattern.MatchString(b.Hook.Namespace) {
		reasons["namespace"] = []string{"is invalid"}
	}
	if b.Hook.DestinationURL == "" {
		reasons["destination_url"] = []string{"can't be blank"}
	}
	if len(reasons) > 0 {
		return http.StatusUnprocessableEntity, map[string]any{"errors": reasons}
	}
	e.nextID++
	hk := &hook{id: e.nextID, company: q.company.id, namespace: b.Hook.Namespace, apiVersion: b.Hook.APIVersion,
		url: b.Hook.DestinationURL, headers: b.Hook.DestinationHeaders, backoff: firstRetry}
	e.hooks = append(e.hooks, hk)
	return http.StatusCreated, hk.view()
}

// updateHook answers PATCH /rest/v1.0/webhooks/hooks/{hook_id} with
// {company_id, hook: {destination_url?, destination_headers?}}: what is
// given replaces what the hook had, the rest stays (the Hooks reference's
// Update Hook; webhooks_api.md). Its queue stays, and is tried at once at
// the new destination.
func (e *Emulator) updateHook(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	var hk *hook
	for _, x := range e.hooks {
		if strconv.FormatInt(x.id, 10) == r.PathValue("hook_id") && x.company == q.company.id {
			hk = x
		}
	}
	if hk == nil {
		return http.StatusNotFound, map[string]string{"errors": "Hook not found"}
	}
	var b struct {
		Hook struct {
			DestinationURL     *string           `json:"destination_url"`
			DestinationHeaders map[string]string `json:"destination_headers"`
		} `json:"hook"`
	}
	if json.Unmarshal(q.body, &b) != nil {
		return http.StatusBadRequest, map[string]string{"errors": "the body is not JSON"}
	}
	if d := b.Hook.DestinationURL; d != nil {
		if *d == "" {
			return http.StatusUnprocessableEntity, map[string]any{"errors": map[string][]string{"destination_url": {"can't be blank"}}}
		}
		hk.url, hk.retryAt = *d, time.Time{}
	}
	if b.Hook.DestinationHeaders != nil {
		hk.headers = b.Hook.DestinationHeaders
	}
	return http.StatusOK, hk.view()
}

func (hk *hook) view() Record {
	return Record{"id": hk.id, "owned_by_company_id": hk.company, "namespace": hk.namespace,
		"api_version": hk.apiVersion, "destination_url": hk.url}
}

// listHooks answers GET /rest/v1.0/webhooks/hooks?company_id=…[&namespace=…].
func (e *Emulator) listHooks(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	ns := r.URL.Query().Get("namespace")
	out := []Record{}
	for _, hk := range e.hooks {
		if hk.company == q.company.id && (ns == "" || hk.namespace == ns) {
			out = append(out, hk.view())
		}
	}
	return http.StatusOK, e.page(h, r, out)
}

// hookOf is the company's hook named in the path, or an answer.
func (e *Emulator) hookOf(r *http.Request, q *request) (*hook, int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return nil, status, v
	}
	id, _ := strconv.ParseInt(r.PathValue("hook_id"), 10, 64)
	for _, hk := range e.hooks {
		if hk.id == id && hk.company == q.company.id {
			return hk, 0, nil
		}
	}
	return nil, http.StatusNotFound, map[string]string{"errors": "Hook not found"}
}

// createTrigger answers POST /rest/v1.0/webhooks/hooks/{hook_id}/triggers
// {company_id, api_version, trigger: {resource_name, event_type}}.
func (e *Emulator) createTrigger(h http.Header, r *http.Request, q *request) (int, any) {
	hk, status, v := e.hookOf(r, q)
	if hk == nil {
		return status, v
	}
	var b struct {
		Trigger struct {
			ResourceName string `json:"resource_name"`
			EventType    string `json:"event_type"`
		} `json:"trigger"`
	}
	if json.Unmarshal(q.body, &b) != nil || b.Trigger.ResourceName == "" {
		return http.StatusUnprocessableEntity, map[string]any{"errors": map[string][]string{"resource_name": {"can't be blank"}}}
	}
	switch b.Trigger.EventType {
	case "create", "update", "delete":
	default:
		return http.StatusUnprocessableEntity, map[string]any{"errors": map[string][]string{"event_type": {"is not included in the list"}}}
	}
	e.nextID++
	hk.triggers = append(hk.triggers, trigger{id: e.nextID, resourceName: b.Trigger.ResourceName, eventType: b.Trigger.EventType})
	return http.StatusCreated, Record{"id": e.nextID, "resource_name": b.Trigger.ResourceName, "event_type": b.Trigger.EventType}
}

// listDeliveries answers GET /rest/v1.0/webhooks/hooks/{hook_id}/deliveries
// ?company_id=…&filter[status]=any|successful|discarded|failing (the
// research found filters[status] in use too; both are read), paged.
func (e *Emulator) listDeliveries(h http.Header, r *http.Request, q *request) (int, any) {
	hk, status, v := e.hookOf(r, q)
	if hk == nil {
		return status, v
	}
	want := r.URL.Query().Get("filter[status]")
	if want == "" {
		want = r.URL.Query().Get("filters[status]")
	}
	out := []Record{}
	for _, d := range e.deliveries[hk.id] {
		if matches(d.Outcome, want) {
			raw, _ := json.Marshal(d)
			var rec Record
			_ = json.Unmarshal(raw, &rec)
			out = append(out, rec)
		}
	}
	return http.StatusOK, e.page(h, r, out)
}

func matches(outcome, status string) bool {
	switch status {
	case "", "any":
		return true
	case "successful":
		return outcome == "ok"
	case "discarded":
		return outcome == "discarded"
	case "failing":
		return outcome == "retried" || outcome == "failed"
	}
	return false
}

// fire makes the creation event of a company's ERP Request (the one
// resource the integrator's trigger names) and queues it on each hook of
// the company with a trigger for it. Called with e.mu held.
func (e *Emulator) fire(company int64, resourceID int64, projectID *int64) {
	const resourceName, eventType = "ERP Requests", "create"
	e.nextID++
	now := e.now()
	ev := &event{ID: e.nextID, ULID: newULID(now), Timestamp: now.UTC().Format("2006-01-02T15:04:05.000000Z"),
		Metadata: map[string]any{"source_user_id": 7001, "source_company_id": company, "source_project_id": projectID,
			"source_operation_id": nil, "source_application_id": nil},
		UserID: 7001, CompanyID: company, ProjectID: projectID, APIVersion: "v2.0",
		EventType: eventType, ResourceName: resourceName, ResourceID: resourceID}
	for _, hk := range e.hooks {
		if hk.company != company {
			continue
		}
		for _, t := range hk.triggers {
			if t.resourceName == resourceName && t.eventType == eventType {
				hk.pending = append(hk.pending, ev)
				if e.faults.duplicate > 0 {
					e.faults.duplicate--
					hk.pending = append(hk.pending, ev)
				}
				break
			}
		}
	}
}

// RunDeliveries delivers what is due on every hook, one hook's queue in
// order, and returns when each has delivered or paused.
func (e *Emulator) RunDeliveries() {
	e.mu.Lock()
	hooks := append([]*hook(nil), e.hooks...)
	e.mu.Unlock()
	for _, hk := range hooks {
		e.runHook(hk)
	}
}

func (e *Emulator) runHook(hk *hook) {
	for {
		e.mu.Lock()
		now := e.now()
		if hk.delivering || len(hk.pending) == 0 || now.Before(hk.retryAt) {
			e.mu.Unlock()
			return
		}
		if !hk.failingSince.IsZero() && now.Sub(hk.failingSince) >= discardTime {
			for _, ev := range hk.pending {
				e.record(hk, &delivery{StartedAt: now, CompletedAt: now, Outcome: "discarded", Event: ev})
			}
			hk.pending, hk.failingSince, hk.retryAt, hk.backoff = nil, time.Time{}, time.Time{}, firstRetry
			e.mu.Unlock()
			return
		}
		ev, url, headers := hk.pending[0], hk.url, hk.headers
		client := e.cfg.Deliveries
		if client == nil {
			client = http.DefaultClient
		}
		drop := e.faults.drop > 0
		if drop {
			e.faults.drop--
		}
		hk.delivering = true
		e.mu.Unlock()

		d := &delivery{StartedAt: now, Event: ev}
		if !drop {
			post(client, d, url, headers, ev)
		} else {
			msg := "connection reset by peer"
			d.ResponseError = &msg
		}

		e.mu.Lock()
		hk.delivering = false
		d.CompletedAt = e.now()
		if d.ResponseStatus != nil && *d.ResponseStatus >= 200 && *d.ResponseStatus < 300 {
			d.Outcome = "ok"
			hk.pending = hk.pending[1:]
			hk.failingSince, hk.retryAt, hk.backoff = time.Time{}, time.Time{}, firstRetry
			e.record(hk, d)
			e.mu.Unlock()
			continue
		}
		d.Outcome = "retried"
		if hk.failingSince.IsZero() {
			hk.failingSince = now
		}
		hk.retryAt = e.now().Add(hk.backoff)
		hk.backoff = min(hk.backoff*2, lastRetry)
		e.record(hk, d)
		e.mu.Unlock()
		return
	}
}

// record keeps a delivery in the hook's list. Called with e.mu held.
func (e *Emulator) record(hk *hook, d *delivery) {
	e.nextID++
	d.ID = e.nextID
	if e.deliveries == nil {
		e.deliveries = map[int64][]*delivery{}
	}
	e.deliveries[hk.id] = append(e.deliveries[hk.id], d)
}

// post delivers ev to url with headers, as Procore does: 5 s allowed.
func post(client *http.Client, d *delivery, url string, headers map[string]string, ev *event) {
	body, _ := json.Marshal(ev)
	ctx, cancel := context.WithTimeout(context.Background(), deliverTime)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		var resp *http.Response
		if resp, err = client.Do(req); err == nil {
			data, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
			resp.Body.Close()
			status, text := resp.StatusCode, string(data)
			d.ResponseStatus, d.ResponseBody = &status, &text
			return
		}
	}
	msg := err.Error()
	d.ResponseError = &msg
}
