package connector_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/connector"
	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/servicedb"
)

var ctx = context.Background()

const (
	ownerID  = "{3F0F2C4B-6A1E-4D8C-9B2A-5E7D1C0A9F31}"
	fileID   = "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}"
	user     = "procore-sync"
	password = "correct horse battery"
)

// service is the QuickBooks service's Web Connector side over loopback,
// with its database in path, and the Web Connector with QuickBooks behind
// it.
type service struct {
	path string
	db   *servicedb.DB
	url  string
	wc   *qbwcemu.WebConnector
	qb   *qbwcemu.QuickBooks
}

func start(t *testing.T, items []qbwcemu.Item) *service {
	t.Helper()
	s := &service{path: filepath.Join(testdir.New(t), servicedb.FileName), qb: qbwcemu.NewQuickBooks(items)}
	s.open(t)
	if err := accounts.New(s.db).Set(ctx, user, password); err != nil {
		t.Fatal(err)
	}
	s.wc = &qbwcemu.WebConnector{AppURL: s.url, UserName: user, Password: password, OwnerID: ownerID, FileID: fileID, QuickBooks: s.qb}
	return s
}

// open opens (or opens again, as after a restart) the service.
func (s *service) open(t *testing.T) {
	t.Helper()
	db, err := servicedb.Open(s.path)
	if err != nil {
		t.Fatal(err)
	}
	s.db = db
	c := connector.New(connector.Config{DB: db, Accounts: accounts.New(db), OwnerID: ownerID, Version: "1.0.0",
		Log: slog.New(slog.DiscardHandler), PageSize: 25})
	srv := httptest.NewServer(qbwc.NewServer(c, slog.New(slog.DiscardHandler)))
	t.Cleanup(func() { srv.Close(); db.Close() })
	s.url = srv.URL + "/qbwc"
	if s.wc != nil {
		s.wc.AppURL = s.url
	}
}

func (s *service) session(t *testing.T) qbwcemu.Session {
	t.Helper()
	got, err := s.wc.RunSession(ctx)
	if err != nil {
		t.Fatalf("session: %v (%+v)", err, got)
	}
	return got
}

func (s *service) queueRefresh(t *testing.T, id string) {
	t.Helper()
	if err := s.db.QueueJob(ctx, id, servicedb.JobRefresh, time.Now()); err != nil {
		t.Fatal(err)
	}
}

func (s *service) job(t *testing.T, id string) servicedb.Job {
	t.Helper()
	j, ok, err := s.db.Job(ctx, id)
	if err != nil || !ok {
		t.Fatalf("job %s: %v %v", id, ok, err)
	}
	return j
}

// companyItems are a contractor's items: Service items with sub-items,
// some inactive, Other Charge items, and Non-inventory items the service
// does not read.
func companyItems(services, others int) []qbwcemu.Item {
	var items []qbwcemu.Item
	for i := range services {
		name := fmt.Sprintf("%02d.%02d Cost code", i/10, i%10)
		full := fmt.Sprintf("%02d Division:%s", i/10, name)
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
	s := start(t, companyItems(60, 30))
	s.queueRefresh(t, "r1")
	got := s.session(t)
	if len(got.Auth) != 2 || got.Auth[1] != qbwc.AuthOpenFile || got.LastError != "" || got.Closed == "" {
		t.Fatalf("session %+v", got)
	}
	if j := s.job(t, "r1"); j.State != servicedb.JobDone {
		t.Fatalf("job %+v", j)
	}
	items, err := s.db.Items(ctx)
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
	s := start(t, nil)
	got := s.session(t)
	c, err := s.db.Connector(ctx)
	if err != nil || got.Requests != 1 || !c.QuickBooksOpen || c.FileID != fileID || c.CompanyName != "Summit Ridge Builders" ||
		!strings.HasSuffix(c.CompanyFile, `\Summit Ridge Builders.qbw`) || c.FileMode != "MultiUser" || c.Product == "" ||
		time.Since(c.LastCallAt) > time.Minute {
		t.Fatalf("session %+v, connector %+v, %v", got, c, err)
	}
	if received := s.qb.Received(); len(received) != 1 || !strings.Contains(received[0], `<?qbxml version="13.0"?>`) {
		t.Fatalf("QuickBooks received %q", received)
	}
}

func TestWrongPasswordOpensNoSession(t *testing.T) {
	s := start(t, nil)
	s.wc.Password = "correct horse batterY"
	got := s.session(t)
	if len(got.Auth) != 2 || got.Auth[0] != "" || got.Auth[1] != qbwc.AuthInvalidUser || got.Requests != 0 {
		t.Fatalf("%+v", got)
	}
}

// A dialog open in QuickBooks stops the refresh; the Web Connector shows
// why, and the refresh stays queued; once the dialog is closed the next
// session does it. The stored list is replaced only when every page came.
func TestRefreshWaitsWhileQuickBooksShowsADialog(t *testing.T) {
	s := start(t, companyItems(60, 5))
	s.queueRefresh(t, "first")
	s.session(t)
	answered := len(s.qb.Received())
	s.qb.Set(func(q *qbwcemu.QuickBooks) {
		q.Items = companyItems(40, 5)
		q.Failing, q.FailingAfter = qbwcemu.HResultDialog, answered+2 // after two pages
	})
	s.queueRefresh(t, "second")
	got := s.session(t)
	j := s.job(t, "second")
	items, _ := s.db.Items(ctx)
	if j.State != servicedb.JobQueued || !strings.Contains(j.Failure, qbwcemu.HResultDialog) || !strings.Contains(got.LastError, qbwcemu.HResultDialog) ||
		len(items) != 65 {
		t.Fatalf("job %+v, last error %q, %d items", j, got.LastError, len(items))
	}
	c, _ := s.db.Connector(ctx)
	if c.HResult != qbwcemu.HResultDialog {
		t.Fatalf("connector %+v", c)
	}
	s.qb.Set(func(q *qbwcemu.QuickBooks) { q.Failing = "" })
	s.session(t)
	if items, _ := s.db.Items(ctx); s.job(t, "second").State != servicedb.JobDone || len(items) != 45 {
		t.Fatalf("after the dialog: %+v, %d items", s.job(t, "second"), len(items))
	}
}

// QuickBooks cannot open the file: the Web Connector reports it and the
// service keeps it; the work waits.
func TestCompanyFileThatCannotBeOpened(t *testing.T) {
	s := start(t, nil)
	s.qb.Set(func(q *qbwcemu.QuickBooks) { q.OpenFails = qbwcemu.HResultNotPermitted })
	s.queueRefresh(t, "r")
	got := s.session(t)
	c, _ := s.db.Connector(ctx)
	if len(got.ConnectionErrors) != 1 || got.ConnectionErrors[0] != qbwc.Done || c.QuickBooksOpen || c.HResult != qbwcemu.HResultNotPermitted ||
		s.job(t, "r").State != servicedb.JobQueued {
		t.Fatalf("session %+v, connector %+v", got, c)
	}
}

// A service killed in the middle of a refresh loses nothing: the job is
// queued again when it starts, what it had read is dropped, and the next
// session does it whole.
func TestKilledInTheMiddleOfARefresh(t *testing.T) {
	s := start(t, companyItems(60, 5))
	s.queueRefresh(t, "r")
	// Two pages, then the service dies before its answer to the third.
	partial := *s.wc
	partial.HTTP = &http.Client{Transport: &cutAfter{responses: 2}}
	if _, err := partial.RunSession(ctx); err == nil {
		t.Fatal("the cut session ended well")
	}
	if j := s.job(t, "r"); j.State != servicedb.JobRunning {
		t.Fatalf("before the restart: %+v", j)
	}
	s.db.Close()
	s.open(t)
	if j := s.job(t, "r"); j.State != servicedb.JobQueued || j.Step != "" {
		t.Fatalf("after the restart: %+v", j)
	}
	s.session(t)
	if items, _ := s.db.Items(ctx); s.job(t, "r").State != servicedb.JobDone || len(items) != 65 {
		t.Fatalf("then: %+v, %d items", s.job(t, "r"), len(items))
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
