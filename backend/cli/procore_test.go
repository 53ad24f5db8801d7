package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/testkeys"
	"qbsettings/qbservice/erp"
)

const procoreSecret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

// withProcore gives the world's profile the project's QuickBooks service
// (keeping a Procore connection, its secret in the test keychain), saved
// with its password, and a Procore of company 4242.
func withProcore(t *testing.T, w *world) (*procoreemu.Emulator, string, *qbservicetest.Service) {
	t.Helper()
	keys := testkeys.Open(t)
	t.Cleanup(func() { _ = keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"}) })
	emu, procore := procoreemu.Start(t, procoreemu.CompanySeed{ID: 4242, Name: "Summit Construction"}, procoreemu.Client{ID: "svc-account", Secret: procoreSecret})
	s := qbservicetest.Start(t, nil, qbservicetest.Options{Keychain: func(context.Context) (erp.Keychain, error) { return keys, nil }})
	w.store.ReplaceItems(ctx, w.profile, []settings.Item{{ListID: "80000005-1", FullName: "Retainage Payable", Type: "Service", IsActive: true}}, time.Now(), "")
	w.mustRun(qbservicetest.Password+"\n", "settings", "set", "serviceUrl="+s.URL, "serviceUser="+qbservicetest.User, "retainageItem=Retainage Payable", "--password-stdin")
	return emu, procore, s
}

// IT connects the QuickBooks service to Procore from a script: every
// refusal says what to do and exits 1, a wrong use exits 2, and the
// secret comes from standard input only.
func TestProcoreCommands(t *testing.T) {
	w := newWorld(t)
	emu, procore, s := withProcore(t, w)
	s.Session(t)
	const secret = procoreSecret
	keys := testkeys.Open(t)

	if out := w.mustRun("", "procore", "status"); !strings.Contains(out, "not connected to Procore") || !strings.Contains(out, "qbsettings procore set") {
		t.Fatalf("status before: %q", out)
	}
	set := []string{"procore", "set", "--company-id", "4242", "--client-id", "svc-account", "--environment", "custom", "--base-url", procore}
	cases := []struct {
		name, stdin string
		args        []string
		code        int
		says        string
	}{
		{"no secret", "", set, Failed, "no Client Secret on standard input"},
		{"a pasted line break", "0f1e2d3c\n4b5a6978\n", set, Failed, "Client Secret (standard input): The Client Secret holds a space, a line break"},
		{"a company ID that is not one", secret + "\n", []string{"procore", "set", "--company-id", "42a", "--client-id", "svc-account"}, Failed, "--company-id: The Company ID is a whole number"},
		{"an address in clear", secret + "\n", []string{"procore", "set", "--company-id", "4242", "--client-id", "svc-account", "--environment", "custom", "--base-url", "http://procore.example.com"}, Failed, "--base-url: The address must start with https://"},
		{"a wrong secret", "not-the-secret\n", set, Failed, "Procore did not accept the Client ID and Client Secret"},
		{"another company", secret + "\n", []string{"procore", "set", "--company-id", "9999", "--client-id", "svc-account", "--environment", "custom", "--base-url", procore}, Failed, "cannot reach company 9999 in Procore"},
		{"a typo", "", []string{"procore", "sett"}, Misused, `"procore sett" is not a command`},
		{"an argument", "", []string{"procore", "test", "now"}, Misused, "procore test takes no arguments"},
	}
	for _, c := range cases {
		code, out, errOut := w.run(c.stdin, c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.says) {
			t.Errorf("%s: exit %d\n%s%s", c.name, code, out, errOut)
		}
	}
	if n := len(emu.CallsTo("GET", "/rest/v1.0/companies")); n != 1 {
		t.Fatalf("%d checks reached Procore's API: only the right secret's, for another company", n)
	}

	var got ProcoreJSON
	if err := json.Unmarshal([]byte(w.mustRun(secret+"\n", append(set, "--json")...)), &got); err != nil || !got.Connected || got.CompanyName != "Summit Construction" || got.CompanyID != 4242 {
		t.Fatalf("set: %+v %v", got, err)
	}
	if out := w.mustRun("", "procore", "test"); !strings.Contains(out, "Procore company: Summit Construction (ID 4242)") || !strings.Contains(out, "Signed in at") {
		t.Fatalf("test: %q", out)
	}
	// The service keeps the secret: the same account again without it.
	w.mustRun("", append(set, "--keep-secret")...)

	emu.RefuseTokens(true)
	if code, out, _ := w.run("", "procore", "test"); code != Failed || !strings.Contains(out, "Not signed in at") || !strings.Contains(out, "App Management") {
		t.Fatalf("test refused: %d %q", code, out)
	}
	if code, _, errOut := w.run("n\n", "procore", "remove"); code != Failed || !strings.Contains(errOut, "Nothing was changed") {
		t.Fatalf("remove answered no: %d %q", code, errOut)
	}
	if out := w.mustRun("", "procore", "remove", "--yes"); !strings.Contains(out, "no longer connected to Procore") {
		t.Fatalf("remove: %q", out)
	}
	if _, found, _ := keys.Get(ctx, secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"}); found {
		t.Fatal("the secret outlived the connection")
	}
}

// What came of Procore's requests, from a script: each request once,
// newest first, worded with what the user asked for in Procore.
func TestSyncActivity(t *testing.T) {
	w := newWorld(t)
	emu, procore, s := withProcore(t, w)
	w.mustRun(procoreSecret+"\n", "procore", "set", "--company-id", "4242", "--client-id", "svc-account", "--environment", "custom", "--base-url", procore)

	if out := w.mustRun("", "sync", "activity"); !strings.Contains(out, "No request from Procore has reached the QuickBooks service yet.") {
		t.Fatalf("before: %q", out)
	}
	if err := s.Procore.Round(ctx, "http://127.0.0.1:1/procore/events"); err != nil {
		t.Fatal(err)
	}
	emu.DuplicateEvents(1)
	emu.SendToERP(4242, "sync_vendors", procoreemu.Record{"company_id": 4242}, true)
	if err := s.Procore.Round(ctx, ""); err != nil {
		t.Fatal(err)
	}
	var got []ActivityJSON
	if err := json.Unmarshal([]byte(w.mustRun("", "sync", "activity", "--json")), &got); err != nil || len(got) != 1 {
		t.Fatalf("activity: %+v %v", got, err)
	}
	if e := got[0]; e.Name != "sync_vendors" || e.Action != "Refresh the vendors list from QuickBooks" || e.State != "waiting" || e.Outcome != "" ||
		!strings.Contains(e.Message, "Waiting for QuickBooks") {
		t.Fatalf("entry %+v", e)
	}
	// The Web Connector's run reads QuickBooks' vendors; the next round
	// stages the new ones in Procore.
	s.Session(t)
	if err := s.Procore.Round(ctx, ""); err != nil {
		t.Fatal(err)
	}
	got = nil
	if err := json.Unmarshal([]byte(w.mustRun("", "sync", "activity", "--json")), &got); err != nil || len(got) != 1 {
		t.Fatalf("activity: %+v %v", got, err)
	}
	if e := got[0]; e.State != "closed" || e.Outcome != "success" || e.Result == nil || e.Result.Counts["staged"] != 2 ||
		strings.Join(e.Details, "|") != "3 read from QuickBooks|2 new in QuickBooks, staged in Procore's ERP Integrations tool to import" {
		t.Fatalf("entry %+v", e)
	}
	if out := w.mustRun("", "sync", "activity"); !strings.Contains(out, "Refresh the vendors list from QuickBooks\tDone, and marked done in Procore's ERP Integrations tool.\n\t\t3 read from QuickBooks\n") {
		t.Fatalf("text: %q", out)
	}
	if code, _, errOut := w.run("", "sync", "activity", "--limit", "0"); code != Misused || !strings.Contains(errOut, "--limit must be 1 to 500") {
		t.Fatalf("limit 0: %d %q", code, errOut)
	}
}
