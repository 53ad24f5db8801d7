package erp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"qbsettings/internal/procoreemu"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/servicedb"
)

// connected is a world whose connection is set, its hook's destination
// at publicURL.
func connected(t *testing.T, publicURL string) *world {
	t.Helper()
	w := newWorld(t)
	if _, err := w.conn.Set(context.Background(), w.candidate("first-client", secret)); err != nil {
		t.Fatal(err)
	}
	if err := w.conn.Round(context.Background(), publicURL); err != nil {
		t.Fatalf("first round: %v", err)
	}
	return w
}

// nowhere is an address nothing listens at: Procore's deliveries fail, as
// they do to an office PC.
func nowhere(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + erp.ReceiverPath
}

func TestRegistrationIsMadeOnce(t *testing.T) {
	w := connected(t, nowhere(t))
	ctx := context.Background()
	for _, path := range []string{fmt.Sprintf("/rest/v1.0/companies/%d/erp_connections", company), "/rest/v1.0/webhooks/hooks"} {
		if n := len(w.emu.CallsTo(http.MethodPost, path)); n != 1 {
			t.Fatalf("%s: %d calls", path, n)
		}
	}
	if err := w.conn.Round(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if n := len(w.emu.CallsTo(http.MethodPost, "/rest/v1.0/webhooks/hooks")); n != 1 {
		t.Fatalf("registered again: %d hooks", n)
	}
	reg, _, _ := w.conn.DB.Registration(ctx, company)
	if reg.ERPConnectionID == 0 || reg.CostCodeListID == 0 || reg.HookID == 0 || len(reg.ReceiverSecretHash) != 64 || reg.RegisteredAt.IsZero() {
		t.Fatalf("registration %+v", reg)
	}
}

// Behind a firewall: every delivery fails, and the poller finds the
// request all the same; it is closed once, saying what the service cannot
// do yet, however often its event is seen.
func TestAnEventBehindAFirewallIsPolledAndClosedOnce(t *testing.T) {
	w := connected(t, nowhere(t))
	ctx := context.Background()
	w.emu.DuplicateEvents(1)
	_, detail := w.emu.SendToERP(company, "sync_contract_payments", procoreemu.Record{"company_id": company}, true)
	for range 3 {
		if err := w.conn.Round(ctx, ""); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := w.emu.RequestDetail(detail)
	if got.Status != "failed" || got.Closings != 1 || len(got.Messages) != 1 || !strings.Contains(got.Messages[0], "cannot refresh the payments from QuickBooks yet") {
		t.Fatalf("detail %+v", got)
	}
	closed, _ := w.conn.DB.ERPRequestsIn(ctx, servicedb.ERPClosed, 0, 10)
	if len(closed) != 1 || closed[0].Name != "sync_contract_payments" || closed[0].DetailID != detail {
		t.Fatalf("requests %+v", closed)
	}
}

// A Request Detail closed just before the service was stopped (its state
// not yet recorded) is not closed again when it starts.
func TestARequestClosedBeforeAStopIsNotClosedTwice(t *testing.T) {
	w := connected(t, nowhere(t))
	ctx := context.Background()
	request, detail := w.emu.SendToERP(company, "create_vendor", procoreemu.Record{"vendor": procoreemu.Record{"id": 7, "name": "Ace Drywall"}}, true)
	if _, err := w.conn.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	// Fetched, decided and closed by hand up to the call, as a service
	// stopped right after its PATCH landed would have left it.
	client, err := w.conn.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.conn.DB.FetchedERPRequest(ctx, request, "create_vendor", "{}", detail, w.nowTime()); err != nil {
		t.Fatal(err)
	}
	if err := w.conn.DB.ClosingERPRequest(ctx, request, erp.OutcomeFailed, erp.ProblemUnsupported, "", w.nowTime()); err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"request_detail": map[string]any{"status": "failed", "messages": []string{"landed before the stop"}}}
	if _, err := client.Do(ctx, http.MethodPatch, fmt.Sprintf("/rest/v1.0/companies/%d/erp_request_details/%d", company, detail), body, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.conn.Work(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.emu.RequestDetail(detail); got.Closings != 1 || got.Messages[0] != "landed before the stop" {
		t.Fatalf("closed again: %+v", got)
	}
	if r, _, _ := w.conn.DB.ERPRequest(ctx, request); r.State != servicedb.ERPClosed {
		t.Fatalf("request %+v", r)
	}
}

// When IT exposes the service, Procore delivers to the receiver: an event
// with the hook's secret is taken, and the same event polled later is not
// worked twice; anything else is refused and changes nothing.
func TestTheReceiverTakesOnlyTheHooksDeliveries(t *testing.T) {
	var receiver http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) { receiver.ServeHTTP(rw, r) }))
	defer srv.Close()
	w := newWorld(t)
	receiver = w.conn.Receiver()
	ctx := context.Background()
	if _, err := w.conn.Set(ctx, w.candidate("first-client", secret)); err != nil {
		t.Fatal(err)
	}
	if err := w.conn.Round(ctx, srv.URL+erp.ReceiverPath); err != nil {
		t.Fatal(err)
	}
	request, detail := w.emu.SendToERP(company, "sync_contract_payments", nil, true)
	seen, _, _ := w.conn.DB.ERPRequest(ctx, request)
	if seen.State != servicedb.ERPNew {
		t.Fatalf("the delivered event was not taken: %+v", seen)
	}
	if err := w.conn.Round(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.emu.RequestDetail(detail); got.Closings != 1 {
		t.Fatalf("detail %+v", got)
	}

	for name, c := range map[string]struct{ auth, body string }{
		"no secret":        {"", `{"id":99,"company_id":31337,"resource_name":"ERP Requests","event_type":"create","resource_id":99}`},
		"a guessed secret": {"Bearer guess", `{"id":99,"company_id":31337,"resource_name":"ERP Requests","event_type":"create","resource_id":99}`},
	} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+erp.ReceiverPath, strings.NewReader(c.body))
		if c.auth != "" {
			req.Header.Set("Authorization", c.auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: %d", name, resp.StatusCode)
		}
	}
	if _, found, _ := w.conn.DB.ERPRequest(ctx, 99); found {
		t.Fatal("a forged event was recorded")
	}
}

// An event naming a request Procore does not return is ended, and
// nothing is closed for it.
func TestAnEventForARequestProcoreDoesNotReturn(t *testing.T) {
	w := connected(t, nowhere(t))
	ctx := context.Background()
	if _, _, err := w.conn.DB.SeeEvent(ctx, 123456, 777777, servicedb.ViaPoll, w.nowTime()); err != nil {
		t.Fatal(err)
	}
	if err := w.conn.Work(ctx); err != nil {
		t.Fatal(err)
	}
	r, _, _ := w.conn.DB.ERPRequest(ctx, 777777)
	if r.State != servicedb.ERPClosed || r.Problem != erp.ProblemNotReturned {
		t.Fatalf("request %+v", r)
	}
	if n := len(w.emu.CallsTo(http.MethodPatch, fmt.Sprintf("/rest/v1.0/companies/%d/erp_request_details/0", company))); n != 0 {
		t.Fatal("a detail was closed for it")
	}
}

// Every round keeps what it found of the connection, as a test would: the
// app's checklist follows the service's work.
func TestARoundKeepsWhatItFound(t *testing.T) {
	w := connected(t, nowhere(t))
	ctx := context.Background()
	w.emu.RefuseTokens(true)
	w.emu.ExpireTokens()
	if err := w.conn.Round(ctx, ""); err == nil {
		t.Fatal("a round with its token refused went through")
	}
	row, _, _ := w.conn.DB.ProcoreConnection(ctx)
	if row.Problem != "unauthorized" || row.CompanyName != "Summit Construction" {
		t.Fatalf("after a refused round: %+v", row)
	}
	w.emu.RefuseTokens(false)
	if err := w.conn.Round(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if row, _, _ = w.conn.DB.ProcoreConnection(ctx); row.Problem != "" {
		t.Fatalf("after a round that went through: %+v", row)
	}
}

// The ERP connection's metadata follows what the service handles: one
// registered by an older version (which handled less) is sent again,
// once, and then enables the entities this one moves, each only the way
// it moves them.
func TestTheMetadataFollowsWhatTheServiceHandles(t *testing.T) {
	w := connected(t, nowhere(t))
	ctx := context.Background()
	path := fmt.Sprintf("/rest/v1.0/companies/%d/erp_connections/", company)
	reg, _, _ := w.conn.DB.Registration(ctx, company)
	if n := len(callsUnder(w.emu, http.MethodPatch, path)); n != 0 || reg.MetadataHash == "" {
		t.Fatalf("sent again at once: %d, hash %q", n, reg.MetadataHash)
	}
	reg.MetadataHash = "an older version's"
	if err := w.conn.DB.SetRegistration(ctx, company, reg); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := w.conn.Round(ctx, ""); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(callsUnder(w.emu, http.MethodPatch, path)); n != 1 {
		t.Fatalf("sent %d times", n)
	}
	var md struct {
		Settings struct {
			Entities map[string]struct {
				Enabled bool `json:"enabled"`
				Configs struct {
					Export struct {
						Enabled bool `json:"enabled"`
					} `json:"export"`
					Import struct {
						Enabled bool `json:"enabled"`
					} `json:"import"`
				} `json:"configs"`
			} `json:"entities"`
		} `json:"settings"`
	}
	if err := json.Unmarshal(w.emu.ERPMetadata(company), &md); err != nil {
		t.Fatal(err)
	}
	e := md.Settings.Entities
	// Payments are not moved yet: Procore offers no action on them.
	if !e["vendors"].Configs.Export.Enabled || !e["vendors"].Configs.Import.Enabled || !e["jobs"].Configs.Export.Enabled || !e["jobs"].Configs.Import.Enabled ||
		e["contract_payments"].Enabled {
		t.Fatalf("entities %+v", e)
	}
}

func callsUnder(emu *procoreemu.Emulator, method, prefix string) []procoreemu.Call {
	var out []procoreemu.Call
	for _, c := range emu.Calls() {
		if c.Method == method && strings.HasPrefix(c.Path, prefix) && c.Status/100 == 2 {
			out = append(out, c)
		}
	}
	return out
}
