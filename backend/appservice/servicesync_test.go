package appservice

import (
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/simulator"
	"qbsettings/serviceapi"
)

// onService reads, as the service would tell anyone, the settings it runs
// with.
func onService(t *testing.T, url string) serviceapi.ServiceSettings {
	t.Helper()
	c, err := quickbooks.New(quickbooks.Config{BaseURL: url, User: "demo", Password: "demo-password"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got, err := c.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// saveAndSend saves c on top of the stored revision and sends it, as
// Update does.
func (f *fixture) saveAndSend(t *testing.T, c settings.Change) ServiceSync {
	t.Helper()
	rev, err := f.svc.StoredRevision(ctx, f.profile)
	if err != nil {
		t.Fatal(err)
	}
	if _, errs, err := f.svc.Save(ctx, f.profile, rev, c); err != nil || len(errs) > 0 {
		t.Fatalf("save: %v %v", errs, err)
	}
	return f.send(t, SendIfUnchanged)
}

func (f *fixture) send(t *testing.T, choice SendChoice) ServiceSync {
	t.Helper()
	st, err := f.svc.SendSettings(ctx, f.profile, choice)
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	return st
}

func wantSync(t *testing.T, st ServiceSync, status SyncStatus, says string) {
	t.Helper()
	if st.Status != status || !strings.Contains(st.Said.Text(), says) || st.Headline != syncHeadlines[status].Text() {
		t.Fatalf("sync state %+v\nwant %s saying %q", st, status, says)
	}
}

// After Update the service runs with the saved settings; who applied them
// is said to it; a later save of the connection alone sends nothing new.
func TestSavedSettingsTakeEffectOnTheService(t *testing.T) {
	f := newFixture(t)
	_, url := startSimulator(t)
	if st, _ := f.svc.Load(ctx, f.profile); st.Sync.Status != SyncNothingSaved {
		t.Fatalf("never saved: %+v", st)
	}
	c := connectionTo(url, "demo-password")
	st := f.saveAndSend(t, c)
	wantSync(t, st, SyncInEffect, "The sync runs with the settings saved on this computer")
	if st.Since.IsZero() {
		t.Fatal("in effect since no time")
	}
	got := onService(t, url)
	if got.Settings == nil || !settings.SameRules(*got.Settings, settings.Normalize(c.Settings)) || got.AppliedBy.User != f.svc.whoami() {
		t.Fatalf("the service runs with %+v, applied by %+v", got.Settings, got.AppliedBy)
	}
	if st, _ := f.svc.Load(ctx, f.profile); st.Sync.Status != SyncInEffect {
		t.Fatalf("read back: %+v", st)
	}
	c.ChangePassword = false
	c.Settings.UseProcoreContractNumber = false
	wantSync(t, f.saveAndSend(t, c), SyncInEffect, "")
	if after := onService(t, url); after.Settings.UseProcoreContractNumber || after.ETag == got.ETag {
		t.Fatalf("the change did not reach the service: %+v", after)
	}
}

// While the service cannot take them, the settings are pending with the
// reason, and a later send delivers them.
func TestPendingWhileTheServiceIsDownThenSent(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.SetFault(simulator.FaultServerError)
	st := f.saveAndSend(t, connectionTo(url, "demo-password"))
	wantSync(t, st, SyncPending, "Restart the QuickBooks service")
	if st, _ := f.svc.Load(ctx, f.profile); st.Sync.Status != SyncPending || st.Sync.Said.IsZero() {
		t.Fatalf("pending not remembered: %+v", st)
	}
	sim.SetFault(simulator.FaultNone)
	if onService(t, url).Settings != nil {
		t.Fatal("settings reached a service that could not take them")
	}
	wantSync(t, f.send(t, SendIfUnchanged), SyncInEffect, "")

	// Nothing listening at all.
	c := connectionTo("http://127.0.0.1:1", "demo-password")
	c.Settings.AutoAddNewCostCodes = true
	wantSync(t, f.saveAndSend(t, c), SyncPending, "Nothing is accepting connections")
}

// Changed on another PC: shown beside this computer's values, never
// replaced silently; kept, the service's copy is replaced.
func TestChangedElsewhereIsShownThenKept(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	c := connectionTo(url, "demo-password")
	f.saveAndSend(t, c)

	theirs := settings.Normalize(c.Settings)
	theirs.VendorUpdates = settings.VendorUpdatesNone
	sim.SetServiceSettings(theirs, serviceapi.AppliedBy{Computer: "OTHER-PC", User: `OFFICE\sam`})
	c.ChangePassword = false
	c.Settings.AutoAddNewCostCodes = true
	st := f.saveAndSend(t, c)
	wantSync(t, st, SyncChangedElsewhere, "changed on OTHER-PC by OFFICE\\sam")
	d := st.Elsewhere.Differences
	if len(d) != 2 || d[0].Field != settings.FieldAutoAddNewCostCodes || d[0].ThisComputer != "On" || d[0].Service != "Off" ||
		d[1].Field != settings.FieldVendorUpdates || d[1].Service != "Do Not Update Vendors" {
		t.Fatalf("differences: %+v", d)
	}
	if got := onService(t, url); got.Settings.VendorUpdates != settings.VendorUpdatesNone || got.AppliedBy.Computer != "OTHER-PC" {
		t.Fatalf("the other PC's settings were replaced silently: %+v", got)
	}
	// Sent again without a choice: still not replaced.
	wantSync(t, f.send(t, SendIfUnchanged), SyncChangedElsewhere, "")

	// Changed once more after the user was shown: keeping replaces only
	// the version shown, so the newer one is shown instead.
	theirs.UseProcoreContractNumber = false
	sim.SetServiceSettings(theirs, serviceapi.AppliedBy{Computer: "PROCORE", User: "web"})
	st = f.send(t, KeepThisComputers)
	wantSync(t, st, SyncChangedElsewhere, "on PROCORE by web")
	if got := onService(t, url); got.AppliedBy.Computer != "PROCORE" {
		t.Fatalf("a version the user never saw was replaced: %+v", got)
	}
	wantSync(t, f.send(t, KeepThisComputers), SyncInEffect, "")
	got := onService(t, url)
	if got.Settings.VendorUpdates != settings.VendorUpdatesAutomatic || !got.Settings.AutoAddNewCostCodes {
		t.Fatalf("kept, but the service runs with %+v", got.Settings)
	}
}

// Taken: the service's rules become a new local revision, recorded in the
// history as taken from the service; this computer's connection stays.
func TestChangedElsewhereIsTaken(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	c := connectionTo(url, "demo-password")
	f.saveAndSend(t, c)
	if _, err := f.svc.TakeServiceSettings(ctx, f.profile); MessageFor(err) == "" || err == nil {
		t.Fatal("took settings that were never shown")
	}

	theirs := settings.Normalize(c.Settings)
	theirs.ServiceURL = "http://192.168.1.5:8080" // their computer's way there
	theirs.DirectCostColumn, theirs.HideJobToDateCosts = settings.DirectCostEditable, true
	sim.SetServiceSettings(theirs, serviceapi.AppliedBy{Computer: "OTHER-PC", User: "sam"})
	wantSync(t, f.send(t, SendIfUnchanged), SyncChangedElsewhere, "OTHER-PC")

	before := onService(t, url)
	st, err := f.svc.TakeServiceSettings(ctx, f.profile)
	if err != nil {
		t.Fatal(err)
	}
	if st.Saved.Settings.DirectCostColumn != settings.DirectCostEditable || st.Saved.Settings.ServiceURL != url {
		t.Fatalf("taken: %+v", st.Saved.Settings)
	}
	if st, _ := f.svc.Load(ctx, f.profile); st.Sync.Status != SyncInEffect {
		t.Fatalf("after taking: %+v", st.Sync)
	}
	if after := onService(t, url); after.ETag != before.ETag {
		t.Fatal("taking the service's settings changed them")
	}
	h, _ := f.svc.History(ctx, f.profile)
	if h[0].TakenFrom != "the QuickBooks service, as applied on OTHER-PC by sam" || len(h[0].Changes) != 2 {
		t.Fatalf("history: %+v", h[0])
	}
	// Sending now finds them in effect and sends nothing.
	wantSync(t, f.send(t, SendIfUnchanged), SyncInEffect, "")
	if after := onService(t, url); after.ETag != before.ETag {
		t.Fatal("a send after taking replaced the service's settings")
	}
}

// A service that lies about its settings: values the rules refuse are
// shown, but not taken.
func TestServiceSettingsThatCannotBeTaken(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	c := connectionTo(url, "demo-password")
	f.saveAndSend(t, c)
	theirs := settings.Normalize(c.Settings)
	theirs.RetainageItem = settings.ItemRef{}
	sim.SetServiceSettings(theirs, serviceapi.AppliedBy{Computer: "OTHER-PC"})
	wantSync(t, f.send(t, SendIfUnchanged), SyncChangedElsewhere, "changed on OTHER-PC,")
	rev, _ := f.svc.StoredRevision(ctx, f.profile)
	_, err := f.svc.TakeServiceSettings(ctx, f.profile)
	if !strings.Contains(MessageFor(err), "nothing was taken: Invoice Retainage Item") {
		t.Fatalf("took unusable settings: %v", err)
	}
	if after, _ := f.svc.StoredRevision(ctx, f.profile); after != rev {
		t.Fatal("a refused take saved a revision")
	}
}

// The first send to a service that already runs with other settings (set
// on Procore's page) asks too: nothing is replaced silently.
func TestFirstSendNeverReplacesSettingsItDidNotApply(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	theirs := settings.Normalize(connectionTo(url, "").Settings)
	theirs.VendorUpdates = settings.VendorUpdatesNone
	sim.SetServiceSettings(theirs, serviceapi.AppliedBy{})
	st := f.saveAndSend(t, connectionTo(url, "demo-password"))
	wantSync(t, st, SyncChangedElsewhere, "from somewhere else (another computer, or Procore's page)")
}

// A value the service refuses is said beside its field.
func TestRefusedValueIsShownBesideItsField(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.RefuseSetting(settings.FieldRetainageItem, "This item is not a Service item in QuickBooks.")
	st := f.saveAndSend(t, connectionTo(url, "demo-password"))
	wantSync(t, st, SyncPending, "refused some of the settings")
	if len(st.Refused) != 1 || st.Refused[0].Field != settings.FieldRetainageItem || st.Refused[0].Message != "The QuickBooks service refused this value: This item is not a Service item in QuickBooks." {
		t.Fatalf("refused: %+v", st.Refused)
	}
	sim.RefuseSetting(settings.FieldRetainageItem, "")
	if st := f.send(t, SendIfUnchanged); st.Status != SyncInEffect || len(st.Refused) != 0 {
		t.Fatalf("accepted later: %+v", st)
	}
}

// A service without the settings capability: kept on this computer only,
// and nothing else changes.
func TestServiceThatDoesNotKeepSettings(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.SetCapabilities([]string{serviceapi.CapabilityItemsCreate})
	st := f.saveAndSend(t, connectionTo(url, "demo-password"))
	wantSync(t, st, SyncLocalOnly, "kept on this computer only")
	if _, err := f.svc.ServiceSettings(ctx, f.profile); !strings.Contains(MessageFor(err), "kept on this computer only") {
		t.Fatalf("reading the service's settings: %v", err)
	}
	sim.SetCapabilities(simulator.DefaultCapabilities)
	wantSync(t, f.send(t, SendIfUnchanged), SyncInEffect, "")
}

// A service that keeps the settings but runs no sync (no capability sync,
// as the QuickBooks service of this project today): the settings are on
// it, and nothing says they are in effect; once it says it runs the sync,
// they are.
func TestServiceThatKeepsSettingsButRunsNoSync(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.SetCapabilities([]string{serviceapi.CapabilityItemsCreate, serviceapi.CapabilitySettings})
	st := f.saveAndSend(t, connectionTo(url, "demo-password"))
	wantSync(t, st, SyncKept, "It does not run the sync with Procore yet")
	if !st.OnService() || st.Since.IsZero() || strings.Contains(st.Said.Text(), "sync runs") {
		t.Fatalf("kept: %+v", st)
	}
	res, _, err := f.svc.TestConnection(ctx, f.profile, connectionTo(url, "demo-password"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range res.Checks {
		if c.ID == CheckSettings {
			found = true
			if c.Status != CheckPass || !strings.Contains(c.Said.Text(), "does not run the sync") {
				t.Fatalf("the settings line: %+v %q", c, c.Said.Text())
			}
		}
	}
	if !found {
		t.Fatal("no settings line")
	}
	// Once it runs the sync (its Procore connection made), a test of the
	// connection is enough for the form to say so, and which settings it
	// applies: no send is needed.
	sim.SetCapabilities(append(append([]string(nil), simulator.DefaultCapabilities...), serviceapi.CapabilityRulePrefix+"vendorUpdates"))
	if _, _, err := f.svc.TestConnection(ctx, f.profile, connectionTo(url, "demo-password")); err != nil {
		t.Fatal(err)
	}
	if st, _ := f.svc.Load(ctx, f.profile); st.Sync.Status != SyncInEffect {
		t.Fatalf("after the test: %+v", st.Sync)
	}
	effects, err := f.svc.Effects(ctx, f.profile, filled())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range effects {
		if e.Applied != (e.Field == settings.FieldVendorUpdates) {
			t.Errorf("%s: applied %v", e.Field, e.Applied)
		}
	}
	wantSync(t, f.send(t, SendIfUnchanged), SyncInEffect, "The sync runs")
}

// Another company file open: nothing is written to the service.
func TestNoSendToAnotherCompanyFile(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	c := connectionTo(url, "demo-password")
	f.saveAndSend(t, c)
	before := onService(t, url)
	sim.OpenCompanyFile(simulator.OtherCompany)
	c.ChangePassword = false
	c.Settings.VendorUpdates = settings.VendorUpdatesNone
	wantSync(t, f.saveAndSend(t, c), SyncPending, "but these settings belong to Summit Ridge Builders.qbw")
	if after := onService(t, url); after.ETag != before.ETag {
		t.Fatal("settings were sent with another company file open")
	}
}

// Saved settings whose password has left the keychain are not sent; why is
// kept as a code, worded when shown.
func TestNotSentWithoutAStoredPasswordKeepsWhyAsACode(t *testing.T) {
	f := newFixture(t)
	_, url := startSimulator(t)
	wantSync(t, f.saveAndSend(t, connectionTo(url, "demo-password")), SyncInEffect, "")
	c := connectionTo(url, "")
	c.Settings.UseProcoreContractNumber = false
	if err := f.keys.Remove(ctx, secrets.Account{Profile: f.profile, User: "demo"}); err != nil {
		t.Fatal(err)
	}
	f.svc.setStored(secrets.Account{Profile: f.profile, User: "demo"}, false)
	// Saved from another computer, say, where the password is stored.
	rev, _ := f.svc.StoredRevision(ctx, f.profile)
	if _, err := f.store.SaveSettings(ctx, f.profile, rev, c.Settings, time.Now(), store.Author{SavedBy: "OTHER-PC"}); err != nil {
		t.Fatal(err)
	}
	wantSync(t, f.send(t, SendIfUnchanged), SyncPending, "no password is stored on this computer")
	kept, err := f.store.ServiceSync(ctx, f.profile)
	if err != nil || kept.Problem.Code != "app.notSentNoPassword" {
		t.Fatalf("kept %+v, %v", kept.Problem, err)
	}
}
