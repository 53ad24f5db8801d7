// Package erpworld is the QuickBooks service connected to an emulated
// Procore, with the emulated Web Connector and QuickBooks behind it, all
// over loopback: the world the sync's tests play a user's actions in.
package erpworld

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
	"qbsettings/serviceapi"
)

// QuickBooks' first vendor and a job, in the emulated company file.
const (
	Apex   = "A0000001-1468535148" // Apex Concrete Supply
	Clinic = "B0000002-1468535148" // Lakeview Health:Clinic Expansion
)

// The Procore company and its service account.
const (
	Company = 4242
	client  = "svc-account"
	secret  = "procore-secret"
)

// World is the service, Procore and QuickBooks. Procore delivers its
// events to the service's receiver. A test package that uses it isolates
// the keychain (testkeys.Isolate in its TestMain).
type World struct {
	t   *testing.T
	S   *qbservicetest.Service
	Emu *procoreemu.Emulator
}

// New starts a world whose QuickBooks has items, and whose Procore
// company has procoreVendors.
func New(t *testing.T, items []qbwcemu.Item, procoreVendors ...procoreemu.Record) *World {
	t.Helper()
	ctx := context.Background()
	keys := testkeys.Open(t)
	t.Cleanup(func() { _ = keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: Company, ClientID: client}) })
	s := qbservicetest.Start(t, items, qbservicetest.Options{PageSize: 2,
		Keychain: func(context.Context) (erp.Keychain, error) { return keys, nil }})
	emu, url := procoreemu.Start(t, procoreemu.CompanySeed{ID: Company, Name: "Summit Construction", Vendors: procoreVendors},
		procoreemu.Client{ID: client, Secret: secret})
	if _, err := s.Procore.Set(ctx, erp.Candidate{CompanyID: Company, ClientID: client, ClientSecret: secret, Environment: procore.Custom, BaseURL: url}); err != nil {
		t.Fatal(err)
	}
	w := &World{t: t, S: s, Emu: emu}
	w.Round()
	return w
}

// Round is one round of the service's work with Procore, its receiver
// the hook's destination.
func (w *World) Round() {
	w.t.Helper()
	if err := w.S.Procore.Round(context.Background(), w.S.URL+erp.ReceiverPath); err != nil {
		w.t.Fatal(err)
	}
}

// Session is a scheduled run of the Web Connector.
func (w *World) Session() {
	w.t.Helper()
	if _, err := w.S.WC.RunSession(context.Background()); err != nil {
		w.t.Fatal(err)
	}
}

// Send plays a user's action in Procore's ERP tool: the request's work,
// through both halves, to its close. It returns the closed Request
// Detail and the request as the service kept it.
func (w *World) Send(name string, data procoreemu.Record) (procoreemu.Detail, servicedb.ERPRequest) {
	w.t.Helper()
	request, detail := w.Emu.SendToERP(Company, name, data, true)
	got, r := w.play(request, detail)
	return got, r
}

// Played plays a request already sent to the service through both
// halves to its close, and returns its closed detail, the result the
// service kept and its problem code.
func (w *World) Played(request, detail int64) (procoreemu.Detail, serviceapi.ActivityResult, string) {
	w.t.Helper()
	got, r := w.play(request, detail)
	var result serviceapi.ActivityResult
	if r.Result != "" {
		if err := json.Unmarshal([]byte(r.Result), &result); err != nil {
			w.t.Fatal(err)
		}
	}
	return got, result, r.Problem
}

// play is one round with Procore, the Web Connector's session, and the
// round that finishes the request: its detail then, and the request as
// the service kept it.
func (w *World) play(request, detail int64) (procoreemu.Detail, servicedb.ERPRequest) {
	w.t.Helper()
	w.Round()
	w.Session()
	w.Round()
	got, _ := w.Emu.RequestDetail(detail)
	r, _, err := w.S.DB.ERPRequest(context.Background(), request)
	if err != nil {
		w.t.Fatal(err)
	}
	return got, r
}

// Linked is Procore's vendor linked to QuickBooks' first vendor (Apex
// Concrete Supply), as a refresh and an approver leave it.
func Linked() procoreemu.Record {
	return procoreemu.Record{"name": "Apex Concrete Supply", "origin_id": Apex, "origin_data": `{"edit_sequence":"1705341600"}`}
}

// ProjectItems are QuickBooks' Service items of a project's cost codes:
// two codes under their divisions.
var ProjectItems = []qbwcemu.Item{
	{Kind: "Service", ListID: "8000A001-1", Name: "01", FullName: "01", IsActive: true, EditSequence: "1"},
	{Kind: "Service", ListID: "8000A002-1", Name: "100", FullName: "01:100", IsActive: true, EditSequence: "1", Description: "Supervision"},
	{Kind: "Service", ListID: "8000A004-1", Name: "03", FullName: "03", IsActive: true, EditSequence: "1"},
	{Kind: "Service", ListID: "8000A005-1", Name: "300", FullName: "03:300", IsActive: true, EditSequence: "1", Description: "Cast-in-place"},
}

// Apply makes the settings the sync runs with s.
func (w *World) Apply(s settings.Settings) {
	w.t.Helper()
	ctx := context.Background()
	kept, err := w.S.DB.SyncSettings(ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	text, _ := json.Marshal(s)
	if _, err := w.S.DB.ApplySyncSettings(ctx, kept.Version, servicedb.SyncSettings{JSON: string(text)}); err != nil {
		w.t.Fatal(err)
	}
}

// Calls are the calls of method to path that Procore answered 2xx.
func (w *World) Calls(method, path string) []procoreemu.Call {
	var out []procoreemu.Call
	for _, c := range w.Emu.CallsTo(method, path) {
		if c.Status/100 == 2 {
			out = append(out, c)
		}
	}
	return out
}

// Updates are the records a sync call sent.
func Updates(t *testing.T, c procoreemu.Call) []map[string]any {
	t.Helper()
	var b struct {
		Updates []map[string]any `json:"updates"`
	}
	if err := json.Unmarshal(c.Body, &b); err != nil {
		t.Fatal(err)
	}
	return b.Updates
}

// Vendor is an active vendor of name, as a bookkeeper adds one.
func Vendor(name string) qbwcemu.Entity {
	return qbwcemu.Entity{Name: name, IsActive: true}
}
