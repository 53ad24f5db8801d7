package appservice

import (
	"context"
	"errors"
	"strings"
	"testing"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/erp"
	"qbsettings/serviceapi"
)

const procoreSecret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

// procoreWorld is the fixture's profile saved for the project's
// QuickBooks service, which may keep a Procore connection, and a Procore
// with one company.
type procoreWorld struct {
	f       *fixture
	s       *qbservicetest.Service
	emu     *procoreemu.Emulator
	procore string // its URL
}

func newProcoreWorld(t *testing.T) procoreWorld {
	t.Helper()
	f := newFixture(t)
	s := qbservicetest.Start(t, []qbwcemu.Item{{Kind: retainage.Type, ListID: retainage.ListID, Name: retainage.FullName,
		FullName: retainage.FullName, IsActive: true, EditSequence: "1"}},
		qbservicetest.Options{Contract: true, Keychain: func(context.Context) (erp.Keychain, error) { return f.keys, nil }})
	t.Cleanup(func() { _ = f.keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"}) })
	s.Session(t)
	c := quickBooksService{s}.connection(qbservicetest.Password)
	if _, errs, err := f.svc.Save(ctx, f.profile, 0, c); err != nil || len(errs) > 0 {
		t.Fatalf("save: %v %v", errs, err)
	}
	emu, url := procoreemu.Start(t, procoreemu.CompanySeed{ID: 4242, Name: "Summit Construction"}, procoreemu.Client{ID: "svc-account", Secret: procoreSecret})
	return procoreWorld{f: f, s: s, emu: emu, procore: url}
}

func (w procoreWorld) input(secret string) ProcoreInput {
	return ProcoreInput{CompanyID: "4242", ClientID: "svc-account", ClientSecret: secret, Environment: serviceapi.ProcoreCustom, BaseURL: w.procore}
}

func TestTheProcoreConnectionFromTheApp(t *testing.T) {
	w := newProcoreWorld(t)
	svc, profile := w.f.svc, w.f.profile
	view, err := svc.Procore(ctx, profile)
	if err != nil || view.Connection != nil {
		t.Fatalf("before: %+v %v", view, err)
	}
	// Checked here, as typed: nothing reaches the service.
	_, errs, err := svc.ConnectProcore(ctx, profile, ProcoreInput{CompanyID: "42a", ClientID: "svc account", ClientSecret: "x\n", Environment: "custom"})
	if err != nil || len(errs) != 4 {
		t.Fatalf("as typed: %v %v", errs, err)
	}
	for _, e := range errs {
		if e.Message == "" {
			t.Fatalf("%s unworded", e.Field)
		}
	}
	if !strings.Contains(errs[0].Message+errs[1].Message+errs[2].Message+errs[3].Message, "app.procore.com/") {
		t.Fatalf("the Company ID's words: %v", errs)
	}
	if n := len(w.emu.Calls()); n != 0 {
		t.Fatalf("%d calls reached Procore", n)
	}

	_, errs, err = svc.ConnectProcore(ctx, profile, w.input("wrong-secret"))
	var ue *UserError
	if !errors.As(err, &ue) || len(errs) != 0 || !strings.Contains(ue.Said.Text(), "did not accept the Client ID and Client Secret") {
		t.Fatalf("refused: %v %v", errs, err)
	}
	view, errs, err = svc.ConnectProcore(ctx, profile, w.input(procoreSecret))
	if err != nil || len(errs) != 0 || view.Connection == nil || view.Connection.CompanyName != "Summit Construction" || !view.Problem.IsZero() {
		t.Fatalf("connected: %+v %v %v", view, errs, err)
	}

	w.emu.RefuseTokens(true)
	view, err = svc.TestProcore(ctx, profile)
	if err != nil || view.Connection.Problem != serviceapi.ProcoreUnauthorized || !strings.Contains(view.Problem.Text(), "App Management") {
		t.Fatalf("test: %+v %v", view, err)
	}
	if err := svc.DisconnectProcore(ctx, profile); err != nil {
		t.Fatal(err)
	}
	if view, err := svc.Procore(ctx, profile); err != nil || view.Connection != nil {
		t.Fatalf("after: %+v %v", view, err)
	}
	_, err = svc.TestProcore(ctx, profile)
	if !errors.As(err, &ue) || !strings.Contains(ue.Said.Text(), "no Procore connection yet") {
		t.Fatalf("test with none: %v", err)
	}
}

// A service that keeps no Procore connection (an older one, or the
// project's simulator) is said to be one.
func TestAServiceWithoutProcoreIsSaidSo(t *testing.T) {
	f := newFixture(t)
	_, url := startSimulator(t)
	if _, errs, err := f.svc.Save(ctx, f.profile, 0, connectionTo(url, "demo-password")); err != nil || len(errs) > 0 {
		t.Fatalf("save: %v %v", errs, err)
	}
	v, err := f.svc.Procore(ctx, f.profile)
	if err != nil || !v.Unsupported || !strings.Contains(v.Said.Text(), "cannot keep a Procore connection") {
		t.Fatalf("read: %+v %v", v, err)
	}
	_, err = f.svc.TestProcore(ctx, f.profile)
	var ue *UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Said.Text(), "cannot keep a Procore connection") {
		t.Fatalf("test: %v", err)
	}
}

// The readiness checklist has Procore's lines: connected or not (with the
// way to connect), signed in, registered and reading Procore's requests.
func TestTheChecklistFollowsProcore(t *testing.T) {
	w := newProcoreWorld(t)
	svc, profile := w.f.svc, w.f.profile
	test := func() map[CheckID]Check {
		t.Helper()
		saved, err := svc.store.LoadSettings(ctx, profile)
		if err != nil {
			t.Fatal(err)
		}
		res, errs, err := svc.TestConnection(ctx, profile, settings.Change{Settings: saved.Settings})
		if err != nil || len(errs) > 0 {
			t.Fatalf("test: %v %v", errs, err)
		}
		out := map[CheckID]Check{}
		for _, c := range res.Checks {
			out[c.ID] = c
		}
		return out
	}
	checks := test()
	if c := checks[CheckProcore]; c.Status != CheckFail || c.Remedy != RemedyConnectProcore || !strings.Contains(c.Said.Text(), "not connected to Procore yet") {
		t.Fatalf("before: %+v %q", c, c.Said.Text())
	}
	if _, errs, err := svc.ConnectProcore(ctx, profile, w.input(procoreSecret)); err != nil || len(errs) > 0 {
		t.Fatalf("connect: %v %v", errs, err)
	}
	checks = test()
	if c := checks[CheckProcore]; c.Status != CheckPass || c.Said.Text() != "The QuickBooks service is signed in to Procore for Summit Construction (company ID 4242)." {
		t.Fatalf("connected: %+v %q", c, c.Said.Text())
	}
	if c := checks[CheckProcoreEvents]; c.Status != CheckWarning || !strings.Contains(c.Said.Text(), "has not registered in Procore's ERP Integrations yet") {
		t.Fatalf("not registered: %+v %q", c, c.Said.Text())
	}
	if err := w.s.Procore.Round(ctx, "http://127.0.0.1:1/procore/events"); err != nil {
		t.Fatal(err)
	}
	checks = test()
	// Delivered to the service (through IT's relay): nothing held back.
	if c := checks[CheckProcoreEvents]; c.Status != CheckPass || !strings.Contains(c.Said.Text(), "reads Procore's requests") || c.Label != "Procore's requests" ||
		strings.Contains(c.Said.Text(), "cannot reach") {
		t.Fatalf("registered: %+v %q", c, c.Said.Text())
	}
	// Behind a firewall: it works, and says how far.
	if err := w.s.Procore.Round(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if c := test()[CheckProcoreEvents]; c.Status != CheckPass || !strings.Contains(c.Said.Text(), "Procore cannot reach this computer, so when several requests are sent together") {
		t.Fatalf("behind a firewall: %+v %q", c, c.Said.Text())
	}
	w.emu.RefuseTokens(true)
	w.emu.ExpireTokens()
	_ = w.s.Procore.Round(ctx, "")
	checks = test()
	if c := checks[CheckProcore]; c.Status != CheckFail || !strings.Contains(c.Said.Text(), "App Management") || checks[CheckProcoreEvents].Status != CheckSkipped {
		t.Fatalf("refused: %+v %q", c, c.Said.Text())
	}
}
