package servicedb

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestERPRequestsAreSeenOnceAndMoveOnlyForward(t *testing.T) {
	db, _ := open(t)
	ctx, now := context.Background(), time.Now()
	if err := db.SetProcoreConnection(ctx, ProcoreConnection{CompanyID: 7, ClientID: "c", Environment: "production", SetAt: now}); err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct {
		event, request int64
		via            string
		newEvent, newR bool
	}{
		{1, 100, ViaPoll, true, true},
		{1, 100, ViaReceiver, false, false}, // the same event, the other way
		{2, 100, ViaReceiver, true, false},  // another event for the same request
		{3, 101, ViaReceiver, true, true},
	} {
		e, r, err := db.SeeEvent(ctx, c.event, c.request, c.via, now)
		if err != nil || e != c.newEvent || r != c.newR {
			t.Fatalf("%d: %v %v %v", i, e, r, err)
		}
	}
	if reqs, _ := db.ERPRequestsIn(ctx, ERPNew, 0, 10); len(reqs) != 2 {
		t.Fatalf("new requests %+v", reqs)
	}
	if err := db.ClosingERPRequest(ctx, 100, "failed", "x", "", now); !errors.Is(err, ErrERPState) {
		t.Fatalf("closing a new request: %v", err)
	}
	if err := db.FetchedERPRequest(ctx, 100, "sync_vendors", "{}", 55, now); err != nil {
		t.Fatal(err)
	}
	if err := db.FetchedERPRequest(ctx, 100, "sync_vendors", "{}", 55, now); !errors.Is(err, ErrERPState) {
		t.Fatalf("fetched twice: %v", err)
	}
	if err := db.ClosingERPRequest(ctx, 100, "failed", "unsupported", "", now); err != nil {
		t.Fatal(err)
	}
	if err := db.ClosedERPRequest(ctx, 100, now); err != nil {
		t.Fatal(err)
	}
	r, _, _ := db.ERPRequest(ctx, 100)
	if r.State != ERPClosed || r.Name != "sync_vendors" || r.DetailID != 55 || r.Outcome != "failed" || r.Problem != "unsupported" {
		t.Fatalf("request %+v", r)
	}
}

func TestARegistrationStaysWithItsCompany(t *testing.T) {
	db, _ := open(t)
	ctx, now := context.Background(), time.Now()
	set := func(company int64, client string) {
		t.Helper()
		if err := db.SetProcoreConnection(ctx, ProcoreConnection{CompanyID: company, ClientID: client, Environment: "production", SetAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	set(7, "first")
	if err := db.SetRegistration(ctx, 7, Registration{ERPConnectionID: 1, CostCodeListID: 2, HookID: 3, ReceiverSecretHash: "h", RegisteredAt: now}); err != nil {
		t.Fatal(err)
	}
	set(7, "second") // another account of the same company
	if reg, _, _ := db.Registration(ctx, 7); reg.HookID != 3 || reg.ReceiverSecretHash != "h" {
		t.Fatalf("kept for the same company: %+v", reg)
	}
	set(8, "other")
	if reg, found, _ := db.Registration(ctx, 8); !found || reg.HookID != 0 || reg.ERPConnectionID != 0 || reg.ReceiverSecretHash != "" {
		t.Fatalf("another company's: %+v", reg)
	}
	if _, found, _ := db.Registration(ctx, 7); found {
		t.Fatal("the old company's registration is still found")
	}
}

// Jobs run in the order queued: a request's in its order, a parent's
// before its child's, whatever the clock read (at .340849 the second
// job's time ends in a zero); and two requests' queued at one clock
// reading (a coarse clock, as Windows' can be) in the order queued, not
// by their ids' text (erp-99999 before erp-100000).
func TestJobsRunInTheOrderQueued(t *testing.T) {
	db, _ := open(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 7, 23, 11, 34, 340849000, time.UTC)
	queue := func(request int64, names ...string) (inputs []string) {
		t.Helper()
		if _, _, err := db.SeeEvent(ctx, request, request, ViaPoll, at); err != nil {
			t.Fatal(err)
		}
		if err := db.FetchedERPRequest(ctx, request, "create_standard_cost_codes", "[]", 0, at); err != nil {
			t.Fatal(err)
		}
		var jobs []ERPJob
		for _, name := range names {
			jobs = append(jobs, ERPJob{Kind: JobCreate, Input: `{"name":"` + name + `"}`})
			inputs = append(inputs, jobs[len(jobs)-1].Input)
		}
		if err := db.QueueERPJobs(ctx, request, jobs, at); err != nil {
			t.Fatal(err)
		}
		return inputs
	}
	want := queue(99999, "02", "01:150", "02:210")
	want = append(want[:1:1], append(queue(100000, "03"), want[1:]...)...)
	for i, input := range want {
		j, ok, err := db.TakeNextJob(ctx, "ticket", at)
		if err != nil || !ok || j.Input != input {
			t.Fatalf("job %d: %+v, %v, %v; want %s", i, j, ok, err, input)
		}
		if err := db.FinishJob(ctx, j.ID, "{}", at); err != nil {
			t.Fatal(err)
		}
	}
}
