package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/secrets"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/testkeys"
	"qbsettings/qbservice/erp"
	"qbsettings/serviceapi"
)

const procoreSecret = "dmsa-secret-5e4d3c2b1a"

// call makes one call of the contract as the app would, and decodes the
// answer into out.
func call(t *testing.T, s *qbservicetest.Service, method, path string, body, out any) int {
	t.Helper()
	var r io.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		r = bytes.NewReader(data)
	}
	req, _ := http.NewRequest(method, s.URL+path, r)
	req.SetBasicAuth(qbservicetest.User, qbservicetest.Password)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if strings.Contains(string(data), procoreSecret) {
		t.Fatalf("%s %s answered the secret: %s", method, path, data)
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, data)
		}
	}
	return resp.StatusCode
}

// The app sets the service's Procore connection: refused field by field
// before anything is sent, refused when Procore does not take it, kept
// (the secret in the keychain) when it does; tested, and forgotten.
func TestTheProcoreConnectionThroughTheContract(t *testing.T) {
	keys := testkeys.Open(t)
	t.Cleanup(func() { _ = keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"}) })
	emu, procoreURL := procoreemu.Start(t, procoreemu.CompanySeed{ID: 4242, Name: "Summit Construction"}, procoreemu.Client{ID: "svc-account", Secret: procoreSecret})
	s := qbservicetest.Start(t, nil, qbservicetest.Options{Contract: true,
		Keychain: func(context.Context) (erp.Keychain, error) { return keys, nil }})

	var status serviceapi.ProcoreStatus
	if code := call(t, s, http.MethodGet, "/v1/procore", nil, &status); code != http.StatusOK || status.Connection != nil {
		t.Fatalf("before: %d %+v", code, status)
	}
	put := serviceapi.PutProcore{CompanyID: 4242, ClientID: "svc-account", ClientSecret: "not-it", Environment: serviceapi.ProcoreCustom, BaseURL: procoreURL}
	var failed serviceapi.ErrorBody
	code := call(t, s, http.MethodPut, "/v1/procore", put, &failed)
	if code != http.StatusUnprocessableEntity || failed.Error.Code != serviceapi.CodeProcoreCheckFailed || failed.Error.ProcoreProblem != serviceapi.ProcoreSignInRefused {
		t.Fatalf("refused: %d %+v", code, failed)
	}
	put.ClientSecret = procoreSecret
	if code := call(t, s, http.MethodPut, "/v1/procore", put, &status); code != http.StatusOK || status.Connection == nil ||
		status.Connection.CompanyName != "Summit Construction" || status.Connection.Problem != "" {
		t.Fatalf("kept: %d %+v", code, status.Connection)
	}
	// The sync runs once the connection works and is registered in
	// Procore, and says so; not before.
	s.Session(t)
	var health serviceapi.Health
	if code := call(t, s, http.MethodGet, "/v1/health", nil, &health); code != http.StatusOK || health.Can(serviceapi.CapabilitySync) || !health.Can(serviceapi.CapabilityProcore) ||
		health.Applies("vendorUpdates") {
		t.Fatalf("before registering: %d %v", code, health.Capabilities)
	}
	if err := s.Procore.Round(ctx, "http://127.0.0.1:1/procore/events"); err != nil {
		t.Fatal(err)
	}
	// Registered, it runs the sync, and says which settings shape what
	// it writes: all five now.
	if code := call(t, s, http.MethodGet, "/v1/health", nil, &health); code != http.StatusOK || !health.Can(serviceapi.CapabilitySync) ||
		!health.Applies("vendorUpdates") || !health.Applies("useProcoreContractNumber") || !health.Applies("retainageItem") ||
		!health.Applies("autoAddNewCostCodes") || !health.Applies("directCostColumn") || !health.Applies("hideJobToDateCosts") {
		t.Fatalf("registered: %d %v", code, health.Capabilities)
	}
	// One QuickBooks could not hold, and one that waits for QuickBooks.
	emu.DuplicateEvents(1)
	emu.SendToERP(4242, "create_vendor", procoreemu.Record{"vendor": procoreemu.Record{"id": 5, "name": strings.Repeat("Ace Drywall ", 4)}}, true)
	emu.SendToERP(4242, "create_vendor", procoreemu.Record{"vendor": procoreemu.Record{"id": 6, "name": "Birch Glass"}}, true)
	// Behind a firewall Procore holds the second until it gives up on the
	// first (docs/procore.md): 12 hours on.
	emu.Advance(13 * time.Hour)
	if err := s.Procore.Round(ctx, ""); err != nil {
		t.Fatal(err)
	}
	var activity serviceapi.Activity
	if code := call(t, s, http.MethodGet, "/v1/activity?limit=10", nil, &activity); code != http.StatusOK || len(activity.Requests) != 2 {
		t.Fatalf("activity: %d %+v", code, activity)
	}
	waiting, refused := activity.Requests[0], activity.Requests[1]
	if waiting.State != serviceapi.ActivityWaiting || waiting.Result != nil ||
		refused.State != serviceapi.ActivityClosed || refused.Problem != serviceapi.ActivityInvalidRecord ||
		refused.Result == nil || refused.Result.Field != "name" || refused.Result.Limit != 41 {
		t.Fatalf("activity: %+v %+v", waiting, refused.Result)
	}
	emu.RefuseTokens(true)
	if code := call(t, s, http.MethodPost, "/v1/procore/test", nil, &status); code != http.StatusOK || status.Connection.Problem != serviceapi.ProcoreUnauthorized {
		t.Fatalf("test: %d %+v", code, status.Connection)
	}
	health = serviceapi.Health{}
	if code := call(t, s, http.MethodGet, "/v1/health", nil, &health); code != http.StatusOK || health.Can(serviceapi.CapabilitySync) {
		t.Fatalf("refused by Procore: %d %v", code, health.Capabilities)
	}
	if code := call(t, s, http.MethodDelete, "/v1/procore", nil, nil); code != http.StatusNoContent {
		t.Fatalf("delete: %d", code)
	}
	failed = serviceapi.ErrorBody{}
	if code := call(t, s, http.MethodPost, "/v1/procore/test", nil, &failed); code != http.StatusNotFound || failed.Error.Code != serviceapi.CodeProcoreNotConnected {
		t.Fatalf("test after delete: %d %+v", code, failed)
	}
	if _, found, _ := keys.Get(ctx, secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"}); found {
		t.Fatal("the secret outlived the connection")
	}
}

// What the contract refuses is refused by the service too, field by
// field, before anything reaches Procore or the keychain. (No contract
// check here: these requests break the contract on purpose.)
func TestProcoreFieldsAreRefusedBeforeAnythingIsSent(t *testing.T) {
	s := qbservicetest.Start(t, nil, qbservicetest.Options{
		Keychain: func(context.Context) (erp.Keychain, error) { t.Fatal("the keychain was opened"); return nil, nil }})
	var failed serviceapi.ErrorBody
	code := call(t, s, http.MethodPut, "/v1/procore", serviceapi.PutProcore{ClientID: "svc\naccount", ClientSecret: "pasted\n", Environment: "custom", BaseURL: "http://procore.example.com"}, &failed)
	got := map[string]string{}
	for _, f := range failed.Error.FieldErrors {
		got[string(f.Field)] = string(f.Code)
	}
	want := map[string]string{"companyId": "required", "clientId": "invalid", "clientSecret": "invalid", "baseUrl": "invalid"}
	if code != http.StatusBadRequest || failed.Error.Code != "invalidProcore" || len(got) != len(want) {
		t.Fatalf("%d %+v", code, failed)
	}
	for f, c := range want {
		if got[f] != c {
			t.Errorf("%s: %q, want %q", f, got[f], c)
		}
	}
	for _, limit := range []string{"0", "501", "ten"} {
		if code := call(t, s, http.MethodGet, "/v1/activity?limit="+limit, nil, nil); code != http.StatusBadRequest {
			t.Errorf("activity limit %s: %d", limit, code)
		}
	}
	for _, body := range []string{`{"companyId":1,"clientId":"a","environment":"production","extra":1}`, `not json`, strings.Repeat("x", 20000)} {
		req, _ := http.NewRequest(http.MethodPut, s.URL+"/v1/procore", strings.NewReader(body))
		req.SetBasicAuth(qbservicetest.User, qbservicetest.Password)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%.30q: %d", body, resp.StatusCode)
		}
	}
}
