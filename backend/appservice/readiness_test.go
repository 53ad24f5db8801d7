package appservice

import (
	"context"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/simulator"
	"qbsettings/serviceapi"
)

// statuses is the checklist as "id=status" words, in order.
func statuses(checks []Check) string {
	var parts []string
	for _, c := range checks {
		parts = append(parts, string(c.ID)+"="+string(c.Status))
	}
	return strings.Join(parts, " ")
}

// Each condition of the chain shows as its own checklist line, with the
// lines before it passed and those after it not checked: QuickBooks' own
// faults as the emulated QuickBooks plays them behind the project's
// QuickBooks service, at the Web Connector's last call.
func TestReadinessChecklist(t *testing.T) {
	f := newFixture(t)
	qb := startQuickBooksService(t)
	// The fixture's stored list: the chosen item, an active Service item.
	test := func(c settings.Change) ConnectionResult {
		t.Helper()
		res, errs, err := f.svc.TestConnection(ctx, f.profile, c)
		if err != nil || len(errs) > 0 {
			t.Fatalf("test: %v %v", errs, err)
		}
		return res
	}
	ready := qb.connection(qbservicetest.Password)
	cases := []struct {
		name  string
		fault func(q *qbwcemu.QuickBooks)
		c     settings.Change
		want  string
		says  string // part of the failing (or warning) line's message
	}{
		{"all ready", nil, ready,
			"service=pass signIn=pass webConnector=pass quickbooks=pass companyFile=pass fileMode=pass preferences=pass retainageItem=pass settings=warning", "active Service item"},
		{"wrong password", nil, qb.connection("wrong"),
			"service=pass signIn=fail quickbooks=skipped companyFile=skipped fileMode=skipped retainageItem=pass settings=skipped", "did not accept"},
		{"a dialog open in QuickBooks", func(q *qbwcemu.QuickBooks) { q.Failing = qbwcemu.HResultDialog }, ready,
			"service=pass signIn=pass webConnector=pass quickbooks=fail companyFile=skipped fileMode=skipped retainageItem=pass settings=skipped", "Close the dialog"},
		{"never authorized", func(q *qbwcemu.QuickBooks) { q.OpenFails = qbwcemu.HResultNotPermitted }, ready,
			"service=pass signIn=pass webConnector=pass quickbooks=fail companyFile=skipped fileMode=skipped retainageItem=pass settings=skipped", "Yes, always; allow access even if QuickBooks is not running"},
		{"another company file open", func(q *qbwcemu.QuickBooks) { q.OpenFails = qbwcemu.HResultOtherFile }, ready,
			"service=pass signIn=pass webConnector=pass quickbooks=pass companyFile=fail fileMode=skipped retainageItem=pass settings=skipped", "different company file"},
		{"single-user mode", func(q *qbwcemu.QuickBooks) { q.FileMode = serviceapi.FileModeSingleUser }, ready,
			"service=pass signIn=pass webConnector=pass quickbooks=pass companyFile=pass fileMode=warning preferences=pass retainageItem=pass settings=warning", "Switch to Multi-user Mode"},
		{"no service there", nil, connectionTo("http://127.0.0.1:1", qbservicetest.Password),
			"service=fail signIn=skipped quickbooks=skipped companyFile=skipped fileMode=skipped retainageItem=pass settings=skipped", "Nothing is accepting connections"},
	}
	for _, tc := range cases {
		qb.QB.Apply(qbwcemu.Control{}) // QuickBooks mended
		if tc.fault != nil {
			qb.QB.Set(tc.fault)
		}
		_, _ = qb.WC.RunSession(ctx) // the Web Connector's call, ended by the fault if any
		res := test(tc.c)
		if got := statuses(res.Checks); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
		found := false
		for _, c := range res.Checks {
			if strings.Contains(c.Said.Text(), tc.says) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no line says %q: %+v", tc.name, tc.says, res.Checks)
		}
	}
}

// A service reached through the QuickBooks Web Connector has a line for
// it: never called, its password refused, quiet for an hour, the last
// session stopped by the service (what getLastError told it), and calling.
// Each says what to do in the Web Connector, and how long it has been.
func TestReadinessFollowsTheWebConnector(t *testing.T) {
	f := newFixture(t)
	qb := quickBooksService{qbservicetest.Start(t, []qbwcemu.Item{{
		Kind: retainage.Type, ListID: retainage.ListID, Name: retainage.FullName, FullName: retainage.FullName, IsActive: true, EditSequence: "1",
	}}, qbservicetest.Options{Contract: true})}
	line := func(name, wantChain string, status CheckStatus, says ...string) {
		t.Helper()
		res, errs, err := f.svc.TestConnection(ctx, f.profile, qb.connection(qbservicetest.Password))
		if err != nil || len(errs) > 0 {
			t.Fatalf("%s: %v %v", name, errs, err)
		}
		if got := statuses(res.Checks); !strings.HasPrefix(got, wantChain) {
			t.Errorf("%s:\n got %s\nwant %s…", name, got, wantChain)
		}
		c := res.Checks[2]
		if c.ID != CheckWebConnector || c.Label != "QuickBooks Web Connector" || c.Status != status {
			t.Fatalf("%s: %+v", name, c)
		}
		for _, part := range says {
			if !strings.Contains(c.Said.Text(), part) {
				t.Errorf("%s: %q does not say %q", name, c.Said.Text(), part)
			}
		}
	}
	line("never called", "service=pass signIn=pass webConnector=fail quickbooks=skipped", CheckFail,
		"has not called the QuickBooks service yet", "tick Auto-Run")

	qb.WC.Password = "not the service's password"
	if _, err := qb.WC.RunSession(ctx); err != nil {
		t.Fatal(err)
	}
	line("its password refused", "service=pass signIn=pass webConnector=fail quickbooks=skipped", CheckFail,
		"did not accept the password typed in it", "Update Selected")

	// It called an hour ago (by the service's clock), and not since.
	qb.WC.Password = qbservicetest.Password
	qb.SetNow(time.Now().Add(-time.Hour))
	qb.Session(t)
	qb.SetNow(time.Time{})
	line("quiet for an hour", "service=pass signIn=pass webConnector=fail quickbooks=skipped", CheckFail,
		"has not called the QuickBooks service for 60 minutes, since", "Auto-Run")

	qb.Session(t)
	line("calling", "service=pass signIn=pass webConnector=pass quickbooks=pass companyFile=pass", CheckPass,
		"The QuickBooks Web Connector last called ", " ago, at ")

	// The service stopped the last session: QuickBooks' answer unreadable.
	if err := qb.DB.NoteSessionError(ctx, serviceapi.WebConnectorUnreadable); err != nil {
		t.Fatal(err)
	}
	line("the last session stopped", "service=pass signIn=pass webConnector=warning quickbooks=pass", CheckWarning,
		"could not read", "Update Selected")
}

// The retainage item must be in the latest list, active and a Service item.
func TestReadinessJudgesTheRetainageItem(t *testing.T) {
	f := newFixture(t)
	_, url := startSimulator(t)
	line := func(items []settings.Item, ref settings.ItemRef) Check {
		t.Helper()
		if err := f.store.ReplaceItems(ctx, f.profile, items, time.Now(), ""); err != nil {
			t.Fatal(err)
		}
		c := connectionTo(url, "demo-password")
		c.Settings.RetainageItem = ref
		res, _, err := f.svc.TestConnection(ctx, f.profile, c)
		if err != nil {
			t.Fatal(err)
		}
		return res.Checks[len(res.Checks)-2]
	}
	ref := settings.ItemRef{ListID: retainage.ListID, FullName: retainage.FullName}
	inactive, other := retainage, retainage
	inactive.IsActive = false
	other.Type = "OtherCharge"
	for _, tc := range []struct {
		name   string
		items  []settings.Item
		ref    settings.ItemRef
		status CheckStatus
		says   string
	}{
		{"active Service item", []settings.Item{retainage}, ref, CheckPass, "active Service item"},
		{"inactivated in QuickBooks", []settings.Item{inactive}, ref, CheckFail, "is inactive in QuickBooks"},
		{"not a Service item", []settings.Item{other}, ref, CheckFail, "is not a Service item"},
		{"gone from the list", []settings.Item{}, ref, CheckFail, "no longer in QuickBooks' item list"},
		{"none chosen", []settings.Item{retainage}, settings.ItemRef{}, CheckFail, "No Invoice Retainage Item is chosen"},
	} {
		got := line(tc.items, tc.ref)
		if got.ID != CheckRetainageItem || got.Status != tc.status || !strings.Contains(got.Said.Text(), tc.says) {
			t.Errorf("%s: %+v", tc.name, got)
		}
	}
}

// The checklist's last line says whether the service runs with the saved
// settings, and what to do when it does not.
func TestReadinessSaysWhetherTheSettingsAreInEffect(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	c := connectionTo(url, "demo-password")
	line := func() Check {
		t.Helper()
		res, _, err := f.svc.TestConnection(ctx, f.profile, c)
		if err != nil {
			t.Fatal(err)
		}
		last := res.Checks[len(res.Checks)-1]
		if last.ID != CheckSettings || last.Label != "Settings on the service" {
			t.Fatalf("last line: %+v", last)
		}
		return last
	}
	want := func(got Check, status CheckStatus, remedy Remedy, says string) {
		t.Helper()
		if got.Status != status || got.Remedy != remedy || !strings.Contains(got.Said.Text(), says) {
			t.Fatalf("settings line %+v, want %s %q saying %q", got, status, remedy, says)
		}
	}
	want(line(), CheckWarning, "", "not saved yet")
	if _, errs, err := f.svc.Save(ctx, f.profile, 0, c); err != nil || len(errs) > 0 {
		t.Fatal(errs, err)
	}
	c.ChangePassword = false
	want(line(), CheckWarning, RemedySendSettings, "not on the service yet")
	f.send(t, SendIfUnchanged)
	want(line(), CheckPass, "", "runs the sync with the settings saved on this computer")

	theirs := settings.Normalize(c.Settings)
	theirs.UseProcoreContractNumber = false
	sim.SetServiceSettings(theirs, serviceapi.AppliedBy{Computer: "OTHER-PC", User: "sam"})
	want(line(), CheckFail, RemedySendSettings, "changed on OTHER-PC by sam")

	sim.SetCapabilities([]string{})
	want(line(), CheckSkipped, "", "kept on this computer only")
	if st, _ := f.svc.Load(ctx, f.profile); st.Sync.Status != SyncLocalOnly {
		t.Fatalf("a test of the saved service did not remember it keeps no settings: %+v", st)
	}
}

// A test that timed out still gives its checklist: the local reads after
// the call do not share its expired time.
func TestTimedOutTestStillGivesItsChecklist(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.SetFault(simulator.FaultSlow)
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	res, _, err := f.svc.TestConnection(cctx, f.profile, connectionTo(url, "demo-password"))
	if err != nil || res.Kind != quickbooks.KindTimeout || !strings.HasPrefix(statuses(res.Checks), "service=fail") {
		t.Fatalf("timed out: %+v %v", res, err)
	}
}

// QuickBooks' preferences, when the service says them: purchase orders
// off is a warning with the step in QuickBooks; on, a pass; not said, no
// line.
func TestReadinessWarnsOfPurchaseOrdersOff(t *testing.T) {
	off, on := false, true
	if c, said := preferencesCheck(&serviceapi.QBPreferences{PurchaseOrders: &off}); !said || c.Status != CheckWarning ||
		!strings.Contains(c.Said.Text(), "Inventory and purchase orders are active") {
		t.Fatalf("off: %+v", c)
	}
	if c, said := preferencesCheck(&serviceapi.QBPreferences{PurchaseOrders: &on}); !said || c.Status != CheckPass {
		t.Fatalf("on: %+v", c)
	}
	if _, said := preferencesCheck(nil); said {
		t.Fatal("a line for preferences not said")
	}
	// Budgets need estimates.
	if c, _ := preferencesCheck(&serviceapi.QBPreferences{PurchaseOrders: &on, Estimates: &off}); c.Status != CheckWarning ||
		!strings.Contains(c.Said.Text(), "Jobs & Estimates") || !strings.Contains(c.Said.Text(), "budgets") {
		t.Fatalf("estimates off: %+v", c)
	}
	if c, _ := preferencesCheck(&serviceapi.QBPreferences{PurchaseOrders: &off, Estimates: &off}); c.Status != CheckWarning ||
		!strings.Contains(c.Said.Text(), "Jobs & Estimates") || !strings.Contains(c.Said.Text(), "Inventory and purchase orders") {
		t.Fatalf("both off: %+v", c)
	}
	if c, _ := preferencesCheck(&serviceapi.QBPreferences{PurchaseOrders: &on, Estimates: &on}); c.Status != CheckPass || !strings.Contains(c.Said.Text(), "budgets") {
		t.Fatalf("both on: %+v", c)
	}
}
