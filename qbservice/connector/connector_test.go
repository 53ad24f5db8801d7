package connector_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/servicedb"
)

var ctx = context.Background()

// companyItems are a contractor's items: Service items with sub-items,
// some inactive, Other Charge items, and Non-inventory items the service
// does not read.
func companyItems(services, others int) []qbwcemu.Item {
	var items []qbwcemu.Item
	for i := range services {
		name := fmt.Sprintf("%02d.%02d Cost code", i/10, i%10)
		full := fmt.Sprintf("%02d Division:%s", i/10, name)
		if i%10 == 0 { // each division is an item, its cost codes its sub-items
			name, full = fmt.Sprintf("%02d Division", i/10), fmt.Sprintf("%02d Division", i/10)
		}
		items = append(items, qbwcemu.Item{Kind: "Service", ListID: fmt.Sprintf("8000%04X-1468535148", i+1), Name: name, FullName: full,
			IsActive: i%7 != 3, EditSequence: "1468535148", Description: "Work & materials — " + name})
	}
	for i := range others {
		items = append(items, qbwcemu.Item{Kind: "OtherCharge", ListID: fmt.Sprintf("9000%04X-1468535148", i+1), Name: fmt.Sprintf("Charge %d", i),
			FullName: fmt.Sprintf("Charge %d", i), IsActive: true, EditSequence: "1"})
	}
	items = append(items, qbwcemu.Item{Kind: "NonInventory", ListID: "A0000001-1", Name: "Lumber", FullName: "Lumber", IsActive: true})
	return items
}

// A queued refresh is done by the next Web Connector session: every
// Service and Other Charge item, active or not, a page at a time, each
// request valid qbXML (the emulated QuickBooks refuses any other).
func TestRefreshIsDoneByTheNextSession(t *testing.T) {
	s := qbservicetest.Start(t, companyItems(60, 30), qbservicetest.Options{PageSize: 25})
	s.QueueRefresh(t, "r1")
	got := s.Session(t)
	if len(got.Auth) != 2 || got.Auth[1] != qbwc.AuthOpenFile || got.LastError != "" || got.Closed == "" {
		t.Fatalf("session %+v", got)
	}
	if j := s.Job(t, "r1"); j.State != servicedb.JobDone {
		t.Fatalf("job %+v", j)
	}
	items, err := s.DB.Items(ctx)
	if err != nil || len(items) != 90 {
		t.Fatalf("%d items stored, %v", len(items), err)
	}
	inactive := 0
	for _, it := range items {
		if it.Type != "Service" && it.Type != "OtherCharge" || it.ListID == "" {
			t.Fatalf("stored %+v", it)
		}
		if !it.IsActive {
			inactive++
		}
	}
	// 60 Services in pages of 25 (3), 30 Other Charges (2).
	if inactive != 9 || got.Requests != 5 || got.Percents[len(got.Percents)-1] != 100 {
		t.Fatalf("%d inactive, %d requests, percents %v", inactive, got.Requests, got.Percents)
	}
	if !strings.Contains(items[0].Description, "Work & materials — ") {
		t.Fatalf("description %q", items[0].Description)
	}
}

// A session with no work asks QuickBooks who it is; the service keeps the
// company file, its FileID, the product and the file mode.
func TestSessionWithoutWorkLearnsTheCompanyFile(t *testing.T) {
	s := qbservicetest.Start(t, nil, qbservicetest.Options{PageSize: 25})
	got := s.Session(t)
	c, err := s.DB.Connector(ctx)
	if err != nil || got.Requests != 1 || !c.QuickBooksOpen || c.FileID != qbservicetest.FileID || c.CompanyName != "Summit Ridge Builders" ||
		!strings.HasSuffix(c.CompanyFile, `\Summit Ridge Builders.qbw`) || c.FileMode != "MultiUser" || c.Product == "" ||
		time.Since(c.LastCallAt) > time.Minute {
		t.Fatalf("session %+v, connector %+v, %v", got, c, err)
	}
	if received := s.QB.Received(); len(received) != 1 || !strings.Contains(received[0], `<?qbxml version="13.0"?>`) {
		t.Fatalf("QuickBooks received %q", received)
	}
}

func TestWrongPasswordOpensNoSession(t *testing.T) {
	s := qbservicetest.Start(t, nil, qbservicetest.Options{PageSize: 25})
	s.WC.Password = "correct horse batterY"
	got := s.Session(t)
	if len(got.Auth) != 2 || got.Auth[0] != "" || got.Auth[1] != qbwc.AuthInvalidUser || got.Requests != 0 {
		t.Fatalf("%+v", got)
	}
}

// A dialog open in QuickBooks stops the refresh; the Web Connector shows
// why, and the refresh stays queued; once the dialog is closed the next
// session does it. The stored list is replaced only when every page came.
func TestRefreshWaitsWhileQuickBooksShowsADialog(t *testing.T) {
	s := qbservicetest.Start(t, companyItems(60, 5), qbservicetest.Options{PageSize: 25})
	s.QueueRefresh(t, "first")
	s.Session(t)
	answered := len(s.QB.Received())
	s.QB.Set(func(q *qbwcemu.QuickBooks) {
		q.Items = companyItems(40, 5)
		q.Failing, q.FailingAfter = qbwcemu.HResultDialog, answered+2 // after two pages
	})
	s.QueueRefresh(t, "second")
	got := s.Session(t)
	j := s.Job(t, "second")
	items, _ := s.DB.Items(ctx)
	if j.State != servicedb.JobQueued || !strings.EqualFold(j.Failure.HResult, qbwcemu.HResultDialog) || !strings.Contains(got.LastError, qbwcemu.HResultDialog) ||
		len(items) != 65 {
		t.Fatalf("job %+v, last error %q, %d items", j, got.LastError, len(items))
	}
	c, _ := s.DB.Connector(ctx)
	if c.HResult != qbwcemu.HResultDialog {
		t.Fatalf("connector %+v", c)
	}
	s.QB.Set(func(q *qbwcemu.QuickBooks) { q.Failing = "" })
	s.Session(t)
	if items, _ := s.DB.Items(ctx); s.Job(t, "second").State != servicedb.JobDone || len(items) != 45 {
		t.Fatalf("after the dialog: %+v, %d items", s.Job(t, "second"), len(items))
	}
}

// QuickBooks cannot open the file: the Web Connector reports it and the
// service keeps it; the work waits.
func TestCompanyFileThatCannotBeOpened(t *testing.T) {
	s := qbservicetest.Start(t, nil, qbservicetest.Options{PageSize: 25})
	s.QB.Set(func(q *qbwcemu.QuickBooks) { q.OpenFails = qbwcemu.HResultNotPermitted })
	s.QueueRefresh(t, "r")
	got := s.Session(t)
	c, _ := s.DB.Connector(ctx)
	if len(got.ConnectionErrors) != 1 || got.ConnectionErrors[0] != qbwc.Done || c.QuickBooksOpen || c.HResult != qbwcemu.HResultNotPermitted ||
		s.Job(t, "r").State != servicedb.JobQueued {
		t.Fatalf("session %+v, connector %+v", got, c)
	}
}

// A service killed in the middle of a refresh loses nothing: the job is
// queued again when it starts, what it had read is dropped, and the next
// session does it whole.
func TestKilledInTheMiddleOfARefresh(t *testing.T) {
	s := qbservicetest.Start(t, companyItems(60, 5), qbservicetest.Options{PageSize: 25})
	s.QueueRefresh(t, "r")
	// Two pages, then the service dies before its answer to the third.
	partial := *s.WC
	partial.HTTP = &http.Client{Transport: &cutAfter{responses: 2}}
	if _, err := partial.RunSession(ctx); err == nil {
		t.Fatal("the cut session ended well")
	}
	if j := s.Job(t, "r"); j.State != servicedb.JobRunning {
		t.Fatalf("before the restart: %+v", j)
	}
	s.DB.Close()
	s.Restart(t)
	if j := s.Job(t, "r"); j.State != servicedb.JobQueued || j.Step != "" {
		t.Fatalf("after the restart: %+v", j)
	}
	s.Session(t)
	if items, _ := s.DB.Items(ctx); s.Job(t, "r").State != servicedb.JobDone || len(items) != 65 {
		t.Fatalf("then: %+v, %d items", s.Job(t, "r"), len(items))
	}
}

// cutAfter lets through the calls of a session until the given number of
// receiveResponseXML, then drops every call, as a service that died does.
type cutAfter struct{ responses int }

func (c *cutAfter) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.Contains(r.Header.Get("SOAPAction"), "receiveResponseXML") {
		if c.responses == 0 {
			return nil, errors.New("connection reset: the service is gone")
		}
		c.responses--
	}
	return http.DefaultTransport.RoundTrip(r)
}

// A create whose answer was lost (the service died after QuickBooks made
// the item) is not made twice: the next session looks for the item by
// name first, finds it, and the create is done with it.
func TestCreateIsNotMadeTwiceAfterAKill(t *testing.T) {
	s := qbservicetest.Start(t, companyItems(3, 1), qbservicetest.Options{})
	id, err := s.DB.QueueCreate(ctx, "c", servicedb.NewItem{Name: "Retention Held", Description: "Retainage"}, time.Now())
	if err != nil || id != "c" {
		t.Fatal(id, err)
	}
	partial := *s.WC
	partial.HTTP = &http.Client{Transport: &cutAfter{responses: 0}}
	if _, err := partial.RunSession(ctx); err == nil {
		t.Fatal("the cut session ended well")
	}
	s.DB.Close()
	s.Restart(t)
	s.Session(t)
	j := s.Job(t, "c")
	adds, finds := 0, 0
	for _, r := range s.QB.Received() {
		adds += strings.Count(r, "<ItemServiceAddRq")
		finds += strings.Count(r, "<FullName>Retention Held</FullName>")
	}
	if j.State != servicedb.JobDone || j.Result.FullName != "Retention Held" || adds != 1 || finds != 1 {
		t.Fatalf("job %+v; QuickBooks received %d adds, %d finds", j, adds, finds)
	}
	if it, ok, _ := s.DB.ItemNamed(ctx, "retention held"); !ok || it.ListID != j.Result.ListID {
		t.Fatalf("not in the list: %+v", it)
	}
}

// A create taken again whose add never reached QuickBooks looks, finds
// nothing (QuickBooks answers 500) and adds it.
func TestCreateRetriedAfterADialogAddsOnce(t *testing.T) {
	s := qbservicetest.Start(t, companyItems(3, 1), qbservicetest.Options{})
	if _, err := s.DB.QueueCreate(ctx, "c", servicedb.NewItem{Name: "Retention Held"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	s.QB.Set(func(q *qbwcemu.QuickBooks) { q.Failing = qbwcemu.HResultDialog })
	_, _ = s.WC.RunSession(ctx)
	if j := s.Job(t, "c"); j.State != servicedb.JobQueued || j.Attempts != 1 {
		t.Fatalf("after the dialog: %+v", j)
	}
	s.QB.Set(func(q *qbwcemu.QuickBooks) { q.Failing = "" })
	s.Session(t)
	var made []qbwcemu.Item
	for _, it := range s.QB.Items {
		if it.FullName == "Retention Held" {
			made = append(made, it)
		}
	}
	if j := s.Job(t, "c"); j.State != servicedb.JobDone || len(made) != 1 || j.Result.ListID != made[0].ListID {
		t.Fatalf("job %+v, made %+v", j, made)
	}
}
