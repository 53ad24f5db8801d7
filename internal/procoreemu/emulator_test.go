package procoreemu_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"qbsettings/internal/procoreemu"
	"qbsettings/qbservice/procore"
)

const company = 9001

// run starts an emulator with one company and its service account, and
// a client of it (the service's own, so the emulator is read as the
// service reads it).
func run(t *testing.T) (*procoreemu.Emulator, *procore.Client) {
	t.Helper()
	emu := procoreemu.New(procoreemu.Config{
		Clients:   []procoreemu.Client{{ID: "id", Secret: "secret", Companies: []int64{company}}},
		Companies: []procoreemu.CompanySeed{{ID: company, Name: "Summit Construction"}},
	})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	ends, _ := procore.EndpointsOf(procore.Custom, srv.URL)
	c, err := procore.New(procore.Config{Endpoints: ends, Credentials: procore.Credentials{CompanyID: company, ClientID: "id", ClientSecret: "secret"}})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

// receiver is an integrator's endpoint that keeps what it is sent and
// answers with status.
type receiver struct {
	mu     sync.Mutex
	events []map[string]any
	auth   []string
	status int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var ev map[string]any
	_ = json.Unmarshal(body, &ev)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.events = append(rc.events, ev)
	rc.auth = append(rc.auth, r.Header.Get("Authorization"))
	w.WriteHeader(rc.status)
}

// hookTo registers a hook to url with an ERP Requests create trigger, as
// the integrator does (webhooks_api.md), and returns its id.
func hookTo(t *testing.T, c *procore.Client, url string) int64 {
	t.Helper()
	ctx := context.Background()
	var hook struct{ ID int64 }
	_, err := c.Do(ctx, http.MethodPost, "/rest/v1.0/webhooks/hooks", map[string]any{
		"company_id": company,
		"hook": map[string]any{"api_version": "v2", "namespace": "qb-desktop-test", "destination_url": url,
			"destination_headers": map[string]string{"Authorization": "Bearer hook-secret"}},
	}, &hook)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Do(ctx, http.MethodPost, fmt.Sprintf("/rest/v1.0/webhooks/hooks/%d/triggers", hook.ID), map[string]any{
		"company_id": company, "api_version": "v2",
		"trigger": map[string]any{"resource_name": "ERP Requests", "event_type": "create"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return hook.ID
}

type delivery struct {
	Outcome        string
	ResponseStatus *int `json:"response_status"`
	Event          struct {
		ID           int64
		ULID         string
		ResourceName string `json:"resource_name"`
		ResourceID   int64  `json:"resource_id"`
		EventType    string `json:"event_type"`
		CompanyID    int64  `json:"company_id"`
	}
}

func deliveries(t *testing.T, c *procore.Client, hook int64, status string) []delivery {
	t.Helper()
	var out []delivery
	err := procore.List(context.Background(), c, fmt.Sprintf("/rest/v1.0/webhooks/hooks/%d/deliveries?company_id=%d&filter[status]=%s", hook, company, status),
		func(page []delivery) error { out = append(out, page...); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAnERPRequestIsDeliveredWithTheHooksHeaders(t *testing.T) {
	emu, c := run(t)
	rc := &receiver{status: http.StatusOK}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	hook := hookTo(t, c, srv.URL+"/procore/events")
	requestID, detailID := emu.SendToERP(company, "sync_vendors", procoreemu.Record{"company_id": company}, true)

	if len(rc.events) != 1 || rc.auth[0] != "Bearer hook-secret" {
		t.Fatalf("received %v with %q", rc.events, rc.auth)
	}
	ev := rc.events[0]
	if ev["resource_name"] != "ERP Requests" || ev["event_type"] != "create" || ev["resource_id"] != float64(requestID) || ev["api_version"] != "v2.0" || len(ev["ulid"].(string)) != 26 {
		t.Fatalf("event %v", ev)
	}
	got := deliveries(t, c, hook, "successful")
	if len(got) != 1 || got[0].Outcome != "ok" || got[0].Event.ResourceID != requestID {
		t.Fatalf("deliveries %+v", got)
	}

	// The event carries no payload: the request is fetched by its id.
	var req struct {
		ID          int64          `json:"id"`
		RequestName string         `json:"request_name"`
		RequestData map[string]any `json:"request_data"`
	}
	if _, err := c.Do(context.Background(), http.MethodGet, fmt.Sprintf("/rest/v1.0/companies/%d/erp_requests/%d", company, requestID), nil, &req); err != nil {
		t.Fatal(err)
	}
	if req.RequestName != "sync_vendors" || req.RequestData["request_detail_id"] != float64(detailID) {
		t.Fatalf("request %+v", req)
	}
}

func TestAFailingDestinationIsRetriedWithBackoffThenDiscarded(t *testing.T) {
	emu, c := run(t)
	// An office PC's address that Procore cannot reach: nothing listens.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := "http://" + l.Addr().String() + "/procore/events"
	l.Close()
	hook := hookTo(t, c, dead)
	emu.SendToERP(company, "sync_vendors", nil, true)
	emu.SendToERP(company, "sync_standard_cost_codes", nil, true)

	if got := deliveries(t, c, hook, "failing"); len(got) != 1 {
		t.Fatalf("%d failing after the first try", len(got))
	}
	emu.Advance(500 * time.Millisecond) // the first retry is 1 s away
	if got := deliveries(t, c, hook, "failing"); len(got) != 1 {
		t.Fatalf("retried before its time: %d", len(got))
	}
	emu.Advance(600 * time.Millisecond)
	if got := deliveries(t, c, hook, "failing"); len(got) != 2 {
		t.Fatalf("%d failing after 1.1 s", len(got))
	}
	emu.Advance(1100 * time.Millisecond) // the next is 2 s after the last
	if got := deliveries(t, c, hook, "failing"); len(got) != 2 {
		t.Fatalf("retried 1.1 s after the last, not 2 s: %d", len(got))
	}
	emu.Advance(time.Second)
	if got := deliveries(t, c, hook, "failing"); len(got) != 3 {
		t.Fatalf("%d failing after 2.1 s more", len(got))
	}
	// Up to an hour apart, for 12 hours; then the queue is flushed.
	for range 14 {
		emu.Advance(time.Hour)
	}
	discarded := deliveries(t, c, hook, "discarded")
	if len(discarded) != 2 || discarded[0].Event.ResourceName != "ERP Requests" {
		t.Fatalf("discarded %+v", discarded)
	}
	failing := deliveries(t, c, hook, "failing")
	if n := len(failing); n < 12 || n > 20 {
		t.Fatalf("%d tries in 12 hours", n)
	}
	// Every event the hook ever had is still listed, for a poller.
	seen := map[int64]bool{}
	for _, d := range deliveries(t, c, hook, "any") {
		seen[d.Event.ID] = true
	}
	if len(seen) != 2 {
		t.Fatalf("%d events listed", len(seen))
	}
}

func TestAnEventCanArriveTwice(t *testing.T) {
	emu, c := run(t)
	rc := &receiver{status: http.StatusNoContent}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	hookTo(t, c, srv.URL)
	emu.DuplicateEvents(1)
	emu.SendToERP(company, "sync_vendors", nil, true)
	if len(rc.events) != 2 || rc.events[0]["id"] != rc.events[1]["id"] {
		t.Fatalf("received %v", rc.events)
	}
}

func TestARequestDetailIsClosedSuccessOrFailed(t *testing.T) {
	emu, c := run(t)
	_, detail := emu.SendToERP(company, "create_vendor", procoreemu.Record{"vendor": procoreemu.Record{"id": 5, "name": "Ace Drywall"}}, true)
	path := fmt.Sprintf("/rest/v1.0/companies/%d/erp_request_details/%d", company, detail)
	ctx := context.Background()
	if _, err := c.Do(ctx, http.MethodPatch, path, map[string]any{"request_detail": map[string]any{"status": "stale"}}, nil); err == nil {
		t.Fatal("an integrator set a status it may not")
	}
	body := map[string]any{"request_detail": map[string]any{"status": "failed", "messages": []string{"The vendor name is longer than QuickBooks allows (41 characters)."}}}
	if _, err := c.Do(ctx, http.MethodPatch, path, body, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := emu.RequestDetail(detail)
	if got.Status != "failed" || len(got.Messages) != 1 || got.Closings != 1 {
		t.Fatalf("detail %+v", got)
	}
	// In bulk, as ED22 shows; an unknown id is refused on its own.
	_, other := emu.SendToERP(company, "create_vendor", nil, true)
	done, err := procore.Sync(ctx, c, procore.SyncCall{Target: fmt.Sprintf("/rest/v1.0/companies/%d/erp_request_details/sync", company), Bare: true},
		[]map[string]any{{"id": other, "status": "success"}, {"id": 1, "status": "success"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Entities) != 1 || len(done.Errors) != 1 || done.Errors[0].Reasons[0] != "id: not found" {
		t.Fatalf("bulk close %+v", done)
	}
	if got, _ := emu.RequestDetail(other); got.Status != "success" || got.Closings != 1 {
		t.Fatalf("detail %+v", got)
	}
}

func TestTheCompanyLevelSyncEndpoints(t *testing.T) {
	emu, c := run(t)
	ctx := context.Background()
	var conn struct {
		ID     int64 `json:"id"`
		ListID int64 `json:"standard_cost_code_list_id"`
	}
	_, err := c.Do(ctx, http.MethodPost, fmt.Sprintf("/rest/v1.0/companies/%d/erp_connections", company),
		map[string]any{"connection": map[string]any{"service_url": "https://qb.example.com/procore/events", "metadata": map[string]any{}}}, &conn)
	if err != nil || conn.ListID == 0 {
		t.Fatalf("connection %+v, %v", conn, err)
	}
	codes := []map[string]any{{"name": "Concrete", "code": "03", "origin_id": "80000001-1"}}
	wrong := procore.SyncCall{Target: "/rest/v1.0/standard_cost_codes/sync", Fields: map[string]any{"company_id": company, "standard_cost_code_list_id": conn.ListID + 1}}
	if _, err := procore.Sync(ctx, c, wrong, codes); err == nil {
		t.Fatal("a list that is not the company's ERP list was taken")
	}
	right := procore.SyncCall{Target: "/rest/v1.0/standard_cost_codes/sync", Fields: map[string]any{"company_id": company, "standard_cost_code_list_id": conn.ListID}}
	if done, err := procore.Sync(ctx, c, right, codes); err != nil || len(done.Entities) != 1 {
		t.Fatalf("%+v, %v", done, err)
	}

	staged := procore.SyncCall{Target: "/rest/v1.0/erp_vendors/sync", Fields: map[string]any{"company_id": company}}
	done, err := procore.Sync(ctx, c, staged, []map[string]any{{"name": "Ace Drywall", "origin_id": "80000002-1"}, {"name": "No ID"}})
	if err != nil || len(done.Entities) != 1 || len(done.Errors) != 1 || done.Errors[0].Reasons[0] != "origin_id: can't be blank" {
		t.Fatalf("staged %+v, %v", done, err)
	}
	if got := emu.StagedVendors(company); len(got) != 1 || got[0]["origin_id"] != "80000002-1" {
		t.Fatalf("staged vendors %v", got)
	}

	// A vendor made in Procore, marked synced with its QuickBooks ListID;
	// a second vendor cannot take the same ListID.
	vendors := procore.SyncCall{Target: "/rest/v1.0/vendors/sync", Fields: map[string]any{"company_id": company}}
	made, err := procore.Sync(ctx, c, vendors, []map[string]any{{"name": "Bolt Electric"}, {"name": "Cascade Glass"}})
	if err != nil || len(made.Entities) != 2 {
		t.Fatalf("%+v, %v", made, err)
	}
	var ids []int64
	for _, e := range made.Entities {
		var v struct{ ID int64 }
		_ = json.Unmarshal(e, &v)
		ids = append(ids, v.ID)
	}
	external := procore.SyncCall{Target: fmt.Sprintf("/rest/v1.0/companies/%d/external_data/sync", company)}
	marked, err := procore.Sync(ctx, c, external, []map[string]any{
		{"item_type": "vendor", "item_id": ids[0], "origin_id": "80000003-1", "origin_data": `{"edit_sequence":"1389650341"}`},
		{"item_type": "vendor", "item_id": ids[1], "origin_id": "80000003-1"},
		{"item_type": "spaceship", "item_id": ids[1], "origin_id": "80000004-1"},
	})
	if err != nil || len(marked.Entities) != 1 || len(marked.Errors) != 2 {
		t.Fatalf("%+v, %v", marked, err)
	}
	if v := emu.Vendors(company)[0]; v["origin_id"] != "80000003-1" || v["origin_data"] != `{"edit_sequence":"1389650341"}` {
		t.Fatalf("vendor %v", v)
	}
}
