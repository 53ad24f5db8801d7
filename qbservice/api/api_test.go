package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

var ctx = context.Background()

// world is the QuickBooks service under the contract check, the app's
// client, and the Web Connector with QuickBooks.
type world struct {
	*qbservicetest.Service
	client *quickbooks.Client
}

func start(t *testing.T) *world {
	t.Helper()
	s := qbservicetest.Start(t, []qbwcemu.Item{
		{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"},
		{Kind: "Service", ListID: "80000006-1468535148", Name: "Old Retainage", FullName: "Old Retainage", IsActive: false, EditSequence: "1"},
		{Kind: "OtherCharge", ListID: "80000007-1468535148", Name: "Freight", FullName: "Freight", IsActive: true, EditSequence: "1"},
	}, qbservicetest.Options{Contract: true})
	s.SetNow(time.Now())
	client, err := quickbooks.New(quickbooks.Config{BaseURL: s.URL, User: qbservicetest.User, Password: qbservicetest.Password})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	return &world{Service: s, client: client}
}

func serviceError(t *testing.T, err error) *quickbooks.Error {
	t.Helper()
	var qe *quickbooks.Error
	if !errors.As(err, &qe) {
		t.Fatalf("%v is not the client's explained failure", err)
	}
	return qe
}

// Until the Web Connector calls, health says so; once it has, the app
// sees QuickBooks, the company file and its FileID, and when the Web
// Connector called. Quiet for longer than its schedule allows, or turned
// away at sign-in, it is out of reach, and health says since when.
func TestHealthFollowsTheWebConnector(t *testing.T) {
	w := start(t)
	_, err := w.client.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindWebConnector || !strings.Contains(qe.Message(), "has not called the QuickBooks service yet") ||
		qe.WebConnector == nil || !qe.WebConnector.LastCallAt.IsZero() {
		t.Fatalf("before the first call: %s %q %+v", qe.Kind, qe.Message(), qe.WebConnector)
	}
	called := w.Clock()
	w.Session(t)
	h, err := w.client.Health(ctx)
	if err != nil || !h.QBRunning || h.CompanyFileID != qbservicetest.FileID || h.CompanyName != "Summit Ridge Builders" || h.QBFileMode != "MultiUser" ||
		!strings.HasSuffix(h.CompanyFile, "Summit Ridge Builders.qbw") || !strings.Contains(h.QBEdition, "2024") {
		t.Fatalf("health %+v, %v", h, err)
	}
	if wc := h.WebConnector; wc == nil || !wc.LastCallAt.Equal(called) || !wc.SignInRefusedAt.IsZero() || wc.LastError != "" {
		t.Fatalf("the Web Connector's calls: %+v", wc)
	}
	// Quiet for longer than its schedule allows: out of reach, and since when.
	w.SetNow(w.Clock().Add(time.Hour))
	_, err = w.client.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindWebConnector || qe.WebConnector == nil || !qe.WebConnector.LastCallAt.Equal(called) ||
		!strings.Contains(qe.Message(), "has not called the QuickBooks service for") || !strings.Contains(qe.Message(), "Auto-Run") {
		t.Fatalf("quiet: %q %+v", qe.Message(), qe.WebConnector)
	}
	// It calls with a password that is not the account's: refused, said so
	// until a session goes in again.
	w.WC.Password = "not the account's password"
	if _, err := w.WC.RunSession(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = w.client.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindWebConnector || qe.WebConnector == nil || !qe.WebConnector.SignInRefusedAt.Equal(w.Clock()) ||
		!strings.Contains(qe.Message(), "did not accept the password typed in it") {
		t.Fatalf("refused: %q %+v", qe.Message(), qe.WebConnector)
	}
	w.WC.Password = qbservicetest.Password
	w.Session(t)
	if h, err := w.client.Health(ctx); err != nil || !h.WebConnector.SignInRefusedAt.IsZero() {
		t.Fatalf("in again: %+v %v", h.WebConnector, err)
	}
}

// A bookkeeper who set the Web Connector to call every hour (not the
// .qwc's minute) is not told, falsely, that it stopped: health follows the
// schedule seen from its last sessions, and says it when it goes quiet.
func TestQuietFollowsTheScheduleSeen(t *testing.T) {
	w := start(t)
	t0 := w.Clock()
	for i := range 4 {
		w.SetNow(t0.Add(time.Duration(i) * time.Hour))
		w.Session(t)
	}
	last := w.Clock()
	w.SetNow(last.Add(50 * time.Minute))
	h, err := w.client.Health(ctx)
	if err != nil || h.WebConnector.CallsEverySeconds != 3600 {
		t.Fatalf("50 minutes after an hourly call: %+v %v", h.WebConnector, err)
	}
	w.SetNow(last.Add(3*time.Hour + 2*time.Minute))
	_, err = w.client.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindWebConnector || !strings.Contains(qe.Message(), "had been calling about every 60 minutes") {
		t.Fatalf("three hours quiet: %q", qe.Message())
	}
}

// QuickBooks could not open the file: the app hears QuickBooks' own code,
// and words it with its next step.
func TestHealthCarriesQuickBooksCode(t *testing.T) {
	w := start(t)
	w.QB.Set(func(q *qbwcemu.QuickBooks) { q.OpenFails = qbwcemu.HResultNotPermitted })
	w.Session(t)
	_, err := w.client.Health(ctx)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindQuickBooksRefused || qe.QuickBooks == nil || qe.QuickBooks.HResult != qbwcemu.HResultNotPermitted {
		t.Fatalf("%s %+v %q", qe.Kind, qe.QuickBooks, qe.Message())
	}
}

func TestWrongPasswordIsUnauthorized(t *testing.T) {
	w := start(t)
	c, err := quickbooks.New(quickbooks.Config{BaseURL: w.URL, User: qbservicetest.User, Password: "correct horse batterY"})
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
	if st, err := w.client.RefreshState(ctx, id); err != nil || st.State != serviceapi.RefreshQueued {
		t.Fatalf("before the web connector: %+v %v", st, err)
	}
	w.Session(t)
	if st, err := w.client.RefreshState(ctx, id); err != nil || st.State != serviceapi.RefreshDone {
		t.Fatalf("after: %+v %v", st, err)
	}
	list, err := w.client.Items(ctx)
	items := list.Items
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
	s.ServiceURL, s.ServiceUser = "http://localhost:8780", qbservicetest.User
	s.RetainageItem = settings.ItemRef{ListID: "80000005-1468535148", FullName: "Retainage Payable"}
	by := serviceapi.AppliedBy{Computer: "OFFICE-PC", User: `OFFICE\pat`}
	first, err := w.client.ApplySettings(ctx, s, by, serviceapi.AnyVersion)
	if err != nil || first != `"v1"` {
		t.Fatalf("first apply: %q %v", first, err)
	}
	if _, err := w.client.ApplySettings(ctx, s, by, serviceapi.AnyVersion); serviceError(t, err).Kind != quickbooks.KindSettingsChanged {
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
	w.Session(t)
	if st, _ := w.client.RefreshState(ctx, id); st.State != serviceapi.RefreshDone {
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

// Two refreshes asked at once (two computers, or a double click) are one:
// the same refresh, read once from QuickBooks.
func TestTwoRefreshesAtOnceAreOne(t *testing.T) {
	w := start(t)
	ids := make(chan string, 2)
	for range 2 {
		go func() {
			id, err := w.client.StartRefresh(ctx)
			if err != nil {
				t.Error(err)
			}
			ids <- id
		}()
	}
	a, b := <-ids, <-ids
	if a != b || a == "" {
		t.Fatalf("two refreshes: %q and %q", a, b)
	}
	w.Session(t)
	starts := 0
	for _, r := range w.QB.Received() {
		starts += strings.Count(r, `iterator="Start"`)
	}
	if st, _ := w.client.RefreshState(ctx, a); st.State != serviceapi.RefreshDone || starts != 2 { // Service, then Other Charge
		t.Fatalf("%+v, %d iterators started", st, starts)
	}
}

// The app stops waiting for a refresh the Web Connector never picks up: it
// says QuickBooks was not reached, not that the service did not answer;
// the refresh stays queued for the next call.
func TestARefreshNeverPickedUpIsSaidSo(t *testing.T) {
	w := start(t)
	w.Session(t)
	short, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_, err := w.client.RefreshAndList(short, 10*time.Millisecond, "", nil)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindRefreshPending || !strings.Contains(qe.Message(), "Web Connector has not called") {
		t.Fatalf("%s %q", qe.Kind, qe.Message())
	}
	if more, _ := w.DB.HasQueuedJobs(ctx); !more {
		t.Fatal("the refresh is no longer queued")
	}
}

// A refresh QuickBooks holds back (another company file open at the Web
// Connector's call since it was queued) ends the app's wait at once with
// what to fix in QuickBooks; it stays queued and is done once that is
// fixed. A failure from before the refresh was queued holds nothing back.
func TestARefreshHeldBackByQuickBooksSaysWhy(t *testing.T) {
	w := start(t)
	w.QB.Set(func(q *qbwcemu.QuickBooks) { q.OpenFails = qbwcemu.HResultOtherFile })
	_, _ = w.WC.RunSession(ctx)
	w.SetNow(time.Now().Add(time.Second)) // queued after that call
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err := w.client.RefreshAndList(short, 10*time.Millisecond, "", nil)
	if qe := serviceError(t, err); qe.Kind != quickbooks.KindRefreshPending || qe.QuickBooks != nil {
		t.Fatalf("held back by a failure before it was queued: %s %+v %q", qe.Kind, qe.QuickBooks, qe.Message())
	}

	w.SetNow(w.Clock().Add(time.Second))
	_, _ = w.WC.RunSession(ctx) // the file still not open
	_, err = w.client.RefreshAndList(ctx, 10*time.Millisecond, "", nil)
	qe := serviceError(t, err)
	if qe.Kind != quickbooks.KindRefreshPending || qe.QuickBooks == nil || qe.QuickBooks.HResult != qbwcemu.HResultOtherFile ||
		!strings.Contains(qe.Message(), "different company file open") || !strings.Contains(qe.Message(), "keeps the refresh queued") {
		t.Fatalf("%s %+v %q", qe.Kind, qe.QuickBooks, qe.Message())
	}

	w.QB.Set(func(q *qbwcemu.QuickBooks) { q.OpenFails = "" })
	w.Session(t)
	if done, _ := w.DB.Jobs(ctx, servicedb.JobDone); len(done) != 1 || done[0].Kind != servicedb.JobRefresh {
		t.Fatalf("the refresh was not done once the file opened: %+v", done)
	}
}

// The list is read a page at a time, each from where the last ended, with
// its version in ETag: asked again unchanged, the service says so and
// sends nothing; a refresh that found the same list keeps its version; a
// list that changed while it was read is read anew.
func TestTheItemListsVersion(t *testing.T) {
	w := start(t)
	w.QueueRefresh(t, "first")
	w.Session(t)
	first, err := w.client.ItemsSince(ctx, "")
	if err != nil || len(first.Items) != 3 || first.ETag == "" || first.Unchanged {
		t.Fatalf("first read: %+v %v", first, err)
	}
	again, err := w.client.ItemsSince(ctx, first.ETag)
	if err != nil || !again.Unchanged || len(again.Items) != 0 {
		t.Fatalf("read again: %+v %v", again, err)
	}
	// The same list refreshed: the same version.
	refreshed, err := w.client.RefreshAndList(ctx, 10*time.Millisecond, first.ETag, func(serviceapi.RefreshStatus) { w.Session(t) })
	if err != nil || !refreshed.Unchanged {
		t.Fatalf("the same list refreshed: %+v %v", refreshed, err)
	}
	// A cursor of a list since changed: 409, and the client reads anew.
	status, body, _ := w.Call(http.MethodGet, "/v1/items?limit=1", nil)
	var page serviceapi.ItemPage
	if status != http.StatusOK || json.Unmarshal(body, &page) != nil || page.NextCursor == "" {
		t.Fatalf("a first page of one: %d %s", status, body)
	}
	w.QB.Set(func(q *qbwcemu.QuickBooks) { q.Items[0].FullName, q.Items[0].Name = "Retainage Held", "Retainage Held" })
	w.QueueRefresh(t, "changed")
	w.Session(t)
	if status, body, _ := w.Call(http.MethodGet, "/v1/items?limit=1&cursor="+url.QueryEscape(page.NextCursor), nil); status != http.StatusConflict || !strings.Contains(string(body), serviceapi.CodeItemsChanged) {
		t.Fatalf("the old list's cursor: %d %s", status, body)
	}
	changed, err := w.client.ItemsSince(ctx, first.ETag)
	if err != nil || changed.Unchanged || changed.ETag == first.ETag || changed.Items[2].FullName != "Retainage Held" {
		t.Fatalf("after the change: %+v %v", changed, err)
	}
	for _, bad := range []string{"not-base64!", "e30", strings.Repeat("A", 2000)} {
		if status, _, _ := w.Call(http.MethodGet, "/v1/items?cursor="+bad, nil); status != http.StatusBadRequest {
			t.Errorf("cursor %.20q: %d", bad, status)
		}
	}
}
