package desktop

import (
	"strings"
	"testing"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/internal/simulator"
	"qbsettings/internal/simulator/simtest"
)

func simulatorInput(t *testing.T, fault simulator.Fault) (settings.Change, *simulator.Server) {
	t.Helper()
	sim, srvURL := simtest.Start(t, simtest.Options())
	sim.SetFault(fault)
	return settings.Change{
		Settings:       settings.Settings{ServiceURL: srvURL, ServiceUser: "demo"},
		ChangePassword: true,
		Password:       "demo-password",
	}, sim
}

func TestConnectionAndRefreshThroughTheApp(t *testing.T) {
	app, w, _ := newTestApp(t)
	in, _ := simulatorInput(t, simulator.FaultNone)

	res := app.Connection.TestConnection(in)
	if !res.Status.Connected || res.Status.CheckedAt == "" || !strings.Contains(res.Status.Detail, "Premier Contractor") {
		t.Fatalf("test connection: %+v", res)
	}
	if st := app.Form.Load().State.Status; !st.Connected {
		t.Fatalf("status not stored: %+v", st)
	}

	ref := app.Connection.RefreshItems(in)
	if ref.Error != "" || ref.ItemList.Count < 30 || ref.ItemList.RefreshedAt == "" || !ref.ItemList.HasRetainage {
		t.Fatalf("refresh: %+v, %q", ref.ItemList, ref.Error)
	}
	// The picker gets the list in its order, once a version: Service items
	// first, by name as a person reads it, one line an item.
	ix := app.Connection.ItemIndex()
	names, ids := strings.Split(ix.Names, "\n"), strings.Split(ix.ListIDs, "\n")
	if ix.Error != "" || len(names) != ref.ItemList.Count || len(ids) != len(names) || len(ix.Kinds) != len(names) || ix.Version != ref.ItemList.Version {
		t.Fatalf("the index: %d names, %d ids, %d kinds, version %d, %q", len(names), len(ids), len(ix.Kinds), ix.Version, ix.Error)
	}
	services := strings.LastIndexAny(ix.Kinds, "Ss") + 1
	if strings.ContainsAny(ix.Kinds[:services], "OoNnXx") || !strings.Contains(ix.Names, "Retainage Payable") {
		t.Fatalf("the order of kinds: %s", ix.Kinds)
	}
	if len(w.events) == 0 || w.events[len(w.events)-1] != EventItemsRefreshProgress {
		t.Fatalf("no progress events: %v", w.events)
	}
}

func TestConnectionTestCanBeCanceled(t *testing.T) {
	app, _, _ := newTestApp(t)
	in, sim := simulatorInput(t, simulator.FaultSlow)
	// Cancel once the request is under way at the service.
	go func() { <-sim.Stalled(); app.Connection.CancelConnectionTest() }()
	res := app.Connection.TestConnection(in)
	if !res.Canceled {
		t.Fatalf("canceled test: %+v", res)
	}
}

func TestUntrustedCertificateReachesTheForm(t *testing.T) {
	app, _, _ := newTestApp(t)
	_, srvURL, cert := simtest.StartTLS(t, simtest.Options())
	in := settings.Change{Settings: settings.Settings{ServiceURL: srvURL, ServiceUser: "demo"}, ChangePassword: true, Password: "demo-password"}

	res := app.Connection.TestConnection(in)
	if res.Kind != quickbooks.KindCertificate || res.Certificate == nil || res.Certificate.Fingerprint != quickbooks.Fingerprint(cert.Certificate[0]) {
		t.Fatalf("untrusted: %+v", res)
	}
	trust := app.Connection.TrustCertificate(srvURL, res.Certificate.Fingerprint, res.Certificate.Subject)
	if trust.Error != "" || len(trust.Trusted) != 1 {
		t.Fatalf("trust: %+v", trust)
	}
	if res := app.Connection.TestConnection(in); !res.Status.Connected {
		t.Fatalf("after trusting: %+v", res)
	}
	if rm := app.Connection.RemoveTrustedCertificate(trust.Trusted[0].Origin); rm.Error != "" || len(rm.Trusted) != 0 {
		t.Fatalf("remove: %+v", rm)
	}
}
