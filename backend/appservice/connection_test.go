package appservice

import (
	"context"
	"strings"
	"testing"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/internal/simulator"
	"qbsettings/internal/simulator/simtest"
	"qbsettings/serviceapi"
)

func startSimulator(t *testing.T) (*simulator.Server, string) {
	t.Helper()
	return simtest.Start(t, simtest.Options())
}

func connectionTo(url, password string) settings.Change {
	s := filled()
	s.ServiceURL, s.ServiceUser = url, "demo"
	return settings.Change{Settings: s, ChangePassword: password != "", Password: password}
}

func TestConnectionWithTypedThenStoredPassword(t *testing.T) {
	f := newFixture(t)
	_, url := startSimulator(t)
	res, errs, err := f.svc.TestConnection(ctx, f.profile, connectionTo(url, "demo-password"))
	if err != nil || errs != nil || !res.Status.Connected || !strings.Contains(res.Status.Outcome.Text(), "Summit Ridge Builders.qbw") {
		t.Fatalf("typed password: %+v %v %v", res, errs, err)
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if !st.Status.Connected || st.Status.CheckedAt.IsZero() || st.Saved.Revision != 0 {
		t.Fatalf("status not stored, or settings saved by a test: %+v", st)
	}
	// Save with the password, then test with the box closed: the stored one is used.
	if _, _, err := f.svc.Save(ctx, f.profile, 0, connectionTo(url, "demo-password")); err != nil {
		t.Fatal(err)
	}
	if res, _, err := f.svc.TestConnection(ctx, f.profile, connectionTo(url, "")); err != nil || !res.Status.Connected {
		t.Fatalf("stored password: %+v %v", res, err)
	}
}

func TestFailedConnectionIsStoredWithItsReason(t *testing.T) {
	f := newFixture(t)
	_, url := startSimulator(t)
	res, _, err := f.svc.TestConnection(ctx, f.profile, connectionTo(url, "Wr0ng-Pa55-4821"))
	if err != nil || res.Status.Connected || res.Kind != quickbooks.KindUnauthorized {
		t.Fatalf("wrong password: %+v %v", res, err)
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if st.Status.Connected || !strings.Contains(st.Status.Outcome.Text(), "did not accept") {
		t.Fatalf("stored status: %+v", st.Status)
	}
	if strings.Contains(f.logBuf.String(), "Wr0ng-Pa55-4821") {
		t.Fatal("the tried password is in the log")
	}
}

func TestConnectionFieldsAreCheckedFirst(t *testing.T) {
	f := newFixture(t)
	c := connectionTo("http://qbserver:8765", "")
	_, errs, err := f.svc.TestConnection(ctx, f.profile, c)
	if err != nil || len(errs) != 2 || errs[0].Field != settings.FieldServiceURL || errs[1].Field != settings.FieldPassword {
		t.Fatalf("errs = %v, %v", errs, err)
	}
}

func TestCanceledTestRecordsNothing(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.SetFault(simulator.FaultSlow)
	cctx, cancel := context.WithCancel(ctx)
	// Cancel once the request is under way at the service.
	go func() { <-sim.Stalled(); cancel() }()
	res, _, err := f.svc.TestConnection(cctx, f.profile, connectionTo(url, "demo-password"))
	if err != nil || res.Kind != quickbooks.KindCanceled {
		t.Fatalf("canceled test: %+v %v", res, err)
	}
	if st, _ := f.svc.Load(ctx, f.profile); !st.Status.CheckedAt.IsZero() {
		t.Fatalf("a canceled test stored a status: %+v", st.Status)
	}
}

func TestTrustingTheServicesCertificate(t *testing.T) {
	f := newFixture(t)
	_, srvURL, _ := simtest.StartTLS(t, simtest.Options())

	res, _, err := f.svc.TestConnection(ctx, f.profile, connectionTo(srvURL, "demo-password"))
	if err != nil || res.Kind != quickbooks.KindCertificate || res.Certificate == nil {
		t.Fatalf("untrusted certificate: %+v %v", res, err)
	}
	if err := f.svc.TrustCertificate(ctx, f.profile, srvURL, res.Certificate.Fingerprint, res.Certificate.Subject); err != nil {
		t.Fatal(err)
	}
	if res, _, err := f.svc.TestConnection(ctx, f.profile, connectionTo(srvURL, "demo-password")); err != nil || !res.Status.Connected {
		t.Fatalf("after trusting: %+v %v", res, err)
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if len(st.Trusted) != 1 || st.Trusted[0].Origin != quickbooks.Origin(srvURL) {
		t.Fatalf("trusted = %+v", st.Trusted)
	}
	if err := f.svc.RemoveTrustedCertificate(ctx, f.profile, st.Trusted[0].Origin); err != nil {
		t.Fatal(err)
	}
	if res, _, _ := f.svc.TestConnection(ctx, f.profile, connectionTo(srvURL, "demo-password")); res.Kind != quickbooks.KindCertificate {
		t.Fatalf("after removing the trust: %+v", res)
	}
	if err := f.svc.TrustCertificate(ctx, f.profile, srvURL, "not a fingerprint", ""); err == nil {
		t.Fatal("a malformed fingerprint was trusted")
	}
}

func TestRefreshReplacesTheListOrKeepsIt(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.AddToQuickBooks(serviceapi.Item{ListID: "800000FF-1700000000", FullName: "Retainage Payable 2026", Type: "Service", IsActive: true})
	var states []string
	list, errs, err := f.svc.RefreshItems(ctx, f.profile, connectionTo(url, "demo-password"), func(s string) { states = append(states, s) })
	if err != nil || errs != nil {
		t.Fatalf("refresh: %v %v", errs, err)
	}
	names := map[string]bool{}
	for _, it := range list.Items {
		names[it.FullName] = true
	}
	if !names["Retainage Payable 2026"] || !names["Retainage Payable"] || names["Job Materials"] || list.RefreshedAt.IsZero() {
		t.Fatalf("refreshed list (%d items) lacks or has the wrong items", len(list.Items))
	}
	if len(states) == 0 || states[len(states)-1] != serviceapi.RefreshDone {
		t.Fatalf("progress %v", states)
	}

	sim.SetFault(simulator.FaultRefreshFails)
	_, _, err = f.svc.RefreshItems(ctx, f.profile, connectionTo(url, "demo-password"), nil)
	if msg := MessageFor(err); !strings.Contains(msg, "The stored list was not changed") {
		t.Fatalf("failed refresh: %q", msg)
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if st.ItemList.Count != len(list.Items) {
		t.Fatalf("failed refresh changed the list: %d items, want %d", st.ItemList.Count, len(list.Items))
	}
}
