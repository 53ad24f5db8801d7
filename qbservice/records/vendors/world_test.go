package vendors_test

import (
	"context"
	"encoding/json"
	"testing"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testkeys"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/servicedb"
)

const (
	company = 4242
	client  = "svc-account"
	secret  = "procore-secret"
)

// world is the QuickBooks service connected to an emulated Procore, with
// the emulated Web Connector and QuickBooks behind it, all over loopback.
// Procore delivers its events to the service's receiver.
type world struct {
	t   *testing.T
	s   *qbservicetest.Service
	emu *procoreemu.Emulator
}

func newWorld(t *testing.T, procoreVendors ...procoreemu.Record) *world {
	t.Helper()
	ctx := context.Background()
	keys := testkeys.Open(t)
	t.Cleanup(func() { _ = keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: company, ClientID: client}) })
	s := qbservicetest.Start(t, nil, qbservicetest.Options{PageSize: 2,
		Keychain: func(context.Context) (erp.Keychain, error) { return keys, nil }})
	emu, url := procoreemu.Start(t, procoreemu.CompanySeed{ID: company, Name: "Summit Construction", Vendors: procoreVendors},
		procoreemu.Client{ID: client, Secret: secret})
	if _, err := s.Procore.Set(ctx, erp.Candidate{CompanyID: company, ClientID: client, ClientSecret: secret, Environment: procore.Custom, BaseURL: url}); err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, s: s, emu: emu}
	w.round()
	return w
}

// round is one round of the service's work with Procore, its receiver
// the hook's destination.
func (w *world) round() {
	w.t.Helper()
	if err := w.s.Procore.Round(context.Background(), w.s.URL+erp.ReceiverPath); err != nil {
		w.t.Fatal(err)
	}
}

// session is a scheduled run of the Web Connector.
func (w *world) session() {
	w.t.Helper()
	if _, err := w.s.WC.RunSession(context.Background()); err != nil {
		w.t.Fatal(err)
	}
}

// send plays a user's action in Procore's ERP tool: the request's work,
// through both halves, to its close. It returns the closed Request
// Detail and the request as the service kept it.
func (w *world) send(name string, data procoreemu.Record) (procoreemu.Detail, servicedb.ERPRequest) {
	w.t.Helper()
	request, detail := w.emu.SendToERP(company, name, data, true)
	w.round()
	w.session()
	w.round()
	got, _ := w.emu.RequestDetail(detail)
	r, _, err := w.s.DB.ERPRequest(context.Background(), request)
	if err != nil {
		w.t.Fatal(err)
	}
	return got, r
}

// apply makes the settings the sync runs with s.
func (w *world) apply(s settings.Settings) {
	w.t.Helper()
	ctx := context.Background()
	kept, err := w.s.DB.SyncSettings(ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	text, _ := json.Marshal(s)
	if _, err := w.s.DB.ApplySyncSettings(ctx, kept.Version, servicedb.SyncSettings{JSON: string(text)}); err != nil {
		w.t.Fatal(err)
	}
}

// calls are the calls of method to path that Procore answered 2xx.
func (w *world) calls(method, path string) []procoreemu.Call {
	var out []procoreemu.Call
	for _, c := range w.emu.CallsTo(method, path) {
		if c.Status/100 == 2 {
			out = append(out, c)
		}
	}
	return out
}

// updates are the records a sync call sent.
func updates(t *testing.T, c procoreemu.Call) []map[string]any {
	t.Helper()
	var b struct {
		Updates []map[string]any `json:"updates"`
	}
	if err := json.Unmarshal(c.Body, &b); err != nil {
		t.Fatal(err)
	}
	return b.Updates
}

// qbwcVendor is an active vendor of name, as a bookkeeper adds one.
func qbwcVendor(name string) qbwcemu.Entity {
	return qbwcemu.Entity{Name: name, IsActive: true}
}
