package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

const poll = 5 * time.Millisecond

// created is a create run beside the test, as the app waits for it.
type created struct {
	item serviceapi.Item
	err  error
}

func createAside(ctx context.Context, w *world, name string) <-chan created {
	out := make(chan created, 1)
	go func() {
		it, err := w.client.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: name, Description: "Retainage held"}, poll)
		out <- created{it, err}
	}()
	return out
}

// addsReceived counts the ItemServiceAdd requests QuickBooks received.
func addsReceived(w *world) int {
	n := 0
	for _, r := range w.QB.Received() {
		n += strings.Count(r, "<ItemServiceAddRq")
	}
	return n
}

// The app's create waits in the service's queue until the Web Connector
// calls; then QuickBooks makes the item, the app gets it as made, and it is
// in the service's list without a refresh.
func TestCreateIsMadeWhenTheWebConnectorCalls(t *testing.T) {
	w := start(t)
	w.Session(t)
	h, err := w.client.Health(ctx)
	if err != nil || !h.Can(serviceapi.CapabilityItemsCreateQueued) || h.Can(serviceapi.CapabilityItemsCreate) {
		t.Fatalf("capabilities %v, %v", h.Capabilities, err)
	}
	done := createAside(ctx, w, "Retention Held")
	w.WaitQueued(t, 1)
	w.Session(t)
	got := <-done
	if got.err != nil || got.item.FullName != "Retention Held" || got.item.Type != "Service" || got.item.ListID == "" || !got.item.IsActive {
		t.Fatalf("created %+v, %v", got.item, got.err)
	}
	list, err := w.client.Items(ctx)
	items := list.Items
	if err != nil || len(items) != 1 || items[0].ListID != got.item.ListID {
		t.Fatalf("the service's list %+v, %v", items, err)
	}
	if n := addsReceived(w); n != 1 {
		t.Fatalf("QuickBooks received %d adds", n)
	}
}

// A name QuickBooks has is refused with its status 3100, as 409: at once
// when the service's list has it, or once QuickBooks refused it.
func TestNameInUseIsAConflict(t *testing.T) {
	w := start(t)
	w.Session(t)
	// Not in the service's list yet (never refreshed): QuickBooks refuses.
	done := createAside(ctx, w, "retainage PAYABLE")
	w.WaitQueued(t, 1)
	w.Session(t)
	got := <-done
	if qe := serviceError(t, got.err); qe.Kind != quickbooks.KindNameInUse || qe.QuickBooks == nil || qe.QuickBooks.StatusCode != 3100 {
		t.Fatalf("refused by QuickBooks: %s %+v", qe.Kind, qe.QuickBooks)
	}
	// Once the list is read, at once, and nothing is queued.
	id, _ := w.client.StartRefresh(ctx)
	w.Session(t)
	if st, _ := w.client.RefreshState(ctx, id); st.State != serviceapi.RefreshDone {
		t.Fatal("no refresh")
	}
	_, err := w.client.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: "Freight"}, poll)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindNameInUse || qe.QuickBooks.StatusCode != 3100 {
		t.Fatalf("refused by the service: %s %+v", qe.Kind, qe.QuickBooks)
	}
	if more, _ := w.DB.HasQueuedJobs(ctx); more || addsReceived(w) != 1 {
		t.Fatalf("queued: %v, adds: %d", more, addsReceived(w))
	}
}

// The app stops waiting (the Web Connector did not call in time): it says
// the item is still to be made, and the next session makes it, once, even
// when the app asked twice.
func TestCreateStillQueuedIsMadeLaterOnce(t *testing.T) {
	w := start(t)
	w.Session(t)
	// Long enough to queue it (a sign-in costs bcrypt), then no more.
	short, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_, err := w.client.CreateItem(short, serviceapi.NewItem{Type: "Service", Name: "Retention Held"}, poll)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindCreatePending || !strings.Contains(qe.Message(), "next calls") {
		t.Fatalf("not waited for: %s %q", qe.Kind, qe.Message())
	}
	again := createAside(ctx, w, "RETENTION held")
	time.Sleep(20 * poll)
	w.WaitQueued(t, 1) // the same create, not a second
	w.Session(t)
	if got := <-again; got.err != nil || got.item.FullName != "Retention Held" {
		t.Fatalf("asked again: %+v %v", got.item, got.err)
	}
	if n := addsReceived(w); n != 1 {
		t.Fatalf("QuickBooks received %d adds", n)
	}
}

// QuickBooks busy (a dialog open) when the create's turn comes: the app
// stops waiting and says to close the dialog, and that the item will be
// made after; the create stays queued and the session after makes it, once.
func TestCreateHeldBackByADialogSaysSo(t *testing.T) {
	w := start(t)
	w.Session(t)
	done := createAside(ctx, w, "Retention Held")
	w.WaitQueued(t, 1)
	// The dialog opens once QuickBooks has answered who it is.
	answered := len(w.QB.Received())
	w.QB.Set(func(q *qbwcemu.QuickBooks) { q.Failing, q.FailingAfter = qbwcemu.HResultDialog, answered })
	_, _ = w.WC.RunSession(ctx)
	got := <-done
	qe := serviceError(t, got.err)
	if qe.Kind != quickbooks.KindCreatePending || !qe.Retry || qe.QuickBooks == nil || qe.QuickBooks.HResult != qbwcemu.HResultDialog ||
		!strings.Contains(qe.Message(), `"Retention Held"`) || !strings.Contains(qe.Message(), "Close the dialog in QuickBooks") {
		t.Fatalf("%s %+v %q", qe.Kind, qe.QuickBooks, qe.Message())
	}
	w.QB.Set(func(q *qbwcemu.QuickBooks) { q.Failing = "" })
	w.Session(t)
	made := 0
	w.QB.Set(func(q *qbwcemu.QuickBooks) {
		for _, it := range q.Items {
			if it.FullName == "Retention Held" {
				made++
			}
		}
	})
	if done, _ := w.DB.Jobs(ctx, servicedb.JobDone); len(done) != 1 || done[0].Result.FullName != "Retention Held" || made != 1 {
		t.Fatalf("after the dialog: %+v, made %d times", done, made)
	}
}

// What QuickBooks would refuse, or what is not a Service item, is refused
// before anything is queued.
func TestCreateRefusesWhatQuickBooksWould(t *testing.T) {
	// Without the contract check: these break the contract on purpose.
	w := qbservicetest.Start(t, nil, qbservicetest.Options{})
	w.Session(t)
	for _, it := range []serviceapi.NewItem{
		{Type: "OtherCharge", Name: "Retention"},
		{Type: "Service", Name: strings.Repeat("R", 32)},
		{Type: "Service", Name: "Retention:Held"},
		{Type: "Service", Name: "Retention\u200bHeld"},
		{Type: "Service", Name: "Retention", Description: strings.Repeat("d", 4096)},
	} {
		status, body, err := w.Call("POST", "/v1/items", it)
		if err != nil || status != 400 {
			t.Errorf("%.60s: %d %s %v", it.Name, status, body, err)
		}
	}
	if more, _ := w.DB.HasQueuedJobs(ctx); more {
		t.Fatal("something was queued")
	}
}
