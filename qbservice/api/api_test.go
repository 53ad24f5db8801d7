package api_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/internal/contract"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/api"
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

// world is the QuickBooks service over loopback (the app's contract, under
// the contract check, and the Web Connector's endpoint), the app's client,
// and the Web Connector with QuickBooks.
type world struct {
	client *quickbooks.Client
	wc     *qbwcemu.WebConnector
	qb     *qbwcemu.QuickBooks
	now    time.Time
}

func start(t *testing.T) *world {
	t.Helper()
	db, err := servicedb.Open(filepath.Join(testdir.New(t), servicedb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	acct := accounts.New(db)
	if err := acct.Set(ctx, user, password); err != nil {
		t.Fatal(err)
	}
	w := &world{now: time.Now()}
	log := slog.New(slog.DiscardHandler)
	spec, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	checked := spec.Checking(api.New(api.Config{DB: db, Accounts: acct, Version: "0.9.0", Log: log, Now: func() time.Time { return w.now }}))
	mux := http.NewServeMux()
	mux.Handle("/v1/", checked)
	mux.Handle("/qbwc", qbwc.NewServer(connector.New(connector.Config{DB: db, Accounts: acct, OwnerID: ownerID, Version: "0.9.0", Log: log}), log))
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		srv.Close()
		db.Close()
		problems, n := checked.Problems()
		for _, p := range problems {
			t.Errorf("contract: %v", p)
		}
		if n == 0 {
			t.Error("no exchange was checked against the contract")
		}
	})
	w.client, err = quickbooks.New(quickbooks.Config{BaseURL: srv.URL, User: user, Password: password})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.client.Close)
	w.qb = qbwcemu.NewQuickBooks([]qbwcemu.Item{
		{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"},
		{Kind: "Service", ListID: "80000006-1468535148", Name: "Old Retainage", FullName: "Old Retainage", IsActive: false, EditSequence: "1"},
		{Kind: "OtherCharge", ListID: "80000007-1468535148", Name: "Freight", FullName: "Freight", IsActive: true, EditSequence: "1"},
	})
	w.wc = &qbwcemu.WebConnector{AppURL: srv.URL + "/qbwc", UserName: user, Password: password, OwnerID: ownerID, FileID: fileID, QuickBooks: w.qb}
	return w
}

func (w *world) session(t *testing.T) {
	t.Helper()
	if s, err := w.wc.RunSession(ctx); err != nil {
		t.Fatalf("web connector session: %v (%+v)", err, s)
	}
}

func serviceError(t *testing.T, err error) *quickbooks.Error {
	t.Helper()
	var qe *quickbooks.Error
	if !errors.As(err, &qe) {
		t.Fatalf("%v is not the client's explained failure", err)
	}
	return qe
}

// Until the Web Connector calls, health says so in the service's words;
// once it has, the app sees QuickBooks, the company file and its FileID.
func TestHealthFollowsTheWebConnector(t *testing.T) {
	w := start(t)
	_, err := w.client.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindServiceError || !strings.Contains(qe.Message(), "has not called the QuickBooks service yet") {
		t.Fatalf("before the first call: %s %q", qe.Kind, qe.Message())
	}
	w.session(t)
	h, err := w.client.Health(ctx)
	if err != nil || !h.QBRunning || h.CompanyFileID != fileID || h.CompanyName != "Summit Ridge Builders" || h.QBFileMode != "MultiUser" ||
		!strings.HasSuffix(h.CompanyFile, "Summit Ridge Builders.qbw") || !strings.Contains(h.QBEdition, "2024") {
		t.Fatalf("health %+v, %v", h, err)
	}
	// Quiet for longer than its schedule allows: out of reach, and since when.
	w.now = w.now.Add(time.Hour)
	_, err = w.client.Health(ctx)
	if qe := serviceError(t, err); !strings.Contains(qe.Message(), "has not called the QuickBooks service since") || !strings.Contains(qe.Message(), "Auto-Run") {
		t.Fatalf("quiet: %q", qe.Message())
	}
}

// QuickBooks could not open the file: the app hears QuickBooks' own code,
// and words it with its next step.
func TestHealthCarriesQuickBooksCode(t *testing.T) {
	w := start(t)
	w.qb.Set(func(q *qbwcemu.QuickBooks) { q.OpenFails = qbwcemu.HResultNotPermitted })
	w.session(t)
	_, err := w.client.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindQuickBooksRefused || qe.QuickBooks == nil || qe.QuickBooks.HResult != qbwcemu.HResultNotPermitted {
		t.Fatalf("%s %+v %q", qe.Kind, qe.QuickBooks, qe.Message())
	}
}

func TestWrongPasswordIsUnauthorized(t *testing.T) {
	w := start(t)
	c, err := quickbooks.New(quickbooks.Config{BaseURL: strings.TrimSuffix(w.wc.AppURL, "/qbwc"), User: user, Password: "correct horse batterY"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, err = c.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindUnauthorized {
		t.Fatalf("%s", qe.Kind)
	}
}

// A refresh stays queued until the Web Connector calls; then the app reads
// QuickBooks' Service and Other Charge items, inactive ones too.
func TestRefreshIsDoneWhenTheWebConnectorCalls(t *testing.T) {
	w := start(t)
	id, err := w.client.StartRefresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := w.client.RefreshState(ctx, id); err != nil || st.State != quickbooks.RefreshQueued {
		t.Fatalf("before the web connector: %+v %v", st, err)
	}
	w.session(t)
	if st, err := w.client.RefreshState(ctx, id); err != nil || st.State != quickbooks.RefreshDone {
		t.Fatalf("after: %+v %v", st, err)
	}
	items, err := w.client.Items(ctx)
	if err != nil || len(items) != 3 || items[0].FullName != "Freight" || items[0].Type != "OtherCharge" || items[1].IsActive {
		t.Fatalf("items %+v, %v", items, err)
	}
	if _, err := w.client.RefreshState(ctx, "refresh-none"); err == nil {
		t.Fatal("an unknown refresh has a state")
	}
}

// The app applies its settings over the version it read; the service
// keeps them, says who applied them, refuses a stale version and what the
// sync's rules refuse (the retainage item against its item list, once it
// has one).
func TestSettingsAreAppliedOverTheVersionRead(t *testing.T) {
	w := start(t)
	got, err := w.client.Settings(ctx)
	if err != nil || got.Settings != nil || got.ETag != `"v0"` {
		t.Fatalf("before any: %+v %v", got, err)
	}
	s := settings.Defaults()
	s.ServiceURL, s.ServiceUser = "http://localhost:8780", user
	s.RetainageItem = settings.ItemRef{ListID: "80000005-1468535148", FullName: "Retainage Payable"}
	by := quickbooks.AppliedBy{Computer: "OFFICE-PC", User: `OFFICE\pat`}
	first, err := w.client.ApplySettings(ctx, s, by, quickbooks.AnyVersion)
	if err != nil || first != `"v1"` {
		t.Fatalf("first apply: %q %v", first, err)
	}
	if _, err := w.client.ApplySettings(ctx, s, by, quickbooks.AnyVersion); serviceError(t, err).Kind != quickbooks.KindSettingsChanged {
		t.Fatalf("* over settings: %v", err)
	}
	got, err = w.client.Settings(ctx)
	if err != nil || got.Settings == nil || !settings.SameRules(*got.Settings, s) || got.ETag != first || *got.AppliedBy != by {
		t.Fatalf("read back: %+v %v", got, err)
	}
	s.UseProcoreContractNumber = !s.UseProcoreContractNumber
	if _, err := w.client.ApplySettings(ctx, s, by, `"v0"`); serviceError(t, err).Kind != quickbooks.KindSettingsChanged {
		t.Fatalf("a stale version: %v", err)
	}
	if next, err := w.client.ApplySettings(ctx, s, by, first); err != nil || next != `"v2"` {
		t.Fatalf("over the version read: %q %v", next, err)
	}

	// Once the service has read the item list, the chosen item must be in
	// it, an active Service item.
	id, _ := w.client.StartRefresh(ctx)
	w.session(t)
	if st, _ := w.client.RefreshState(ctx, id); st.State != quickbooks.RefreshDone {
		t.Fatal("no refresh")
	}
	for _, item := range []settings.ItemRef{
		{ListID: "80000006-1468535148", FullName: "Old Retainage"},  // inactive
		{ListID: "80000099-1468535148", FullName: "Retainage Held"}, // not in QuickBooks
	} {
		bad := s
		bad.RetainageItem = item
		_, err = w.client.ApplySettings(ctx, bad, by, `"v2"`)
		qe := serviceError(t, err)
		if qe.Kind != quickbooks.KindSettingsRefused || len(qe.FieldErrors) != 1 || qe.FieldErrors[0].Field != settings.FieldRetainageItem {
			t.Fatalf("%s refused: %s %+v", item.FullName, qe.Kind, qe.FieldErrors)
		}
	}
	if got, _ := w.client.Settings(ctx); got.ETag != `"v2"` {
		t.Fatalf("a refused apply changed the version: %q", got.ETag)
	}
}
