package appservice

import (
	"errors"
	"strings"
	"testing"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/simulator"
)

// A profile belongs to the company file of its first successful
// connection. Another file open later is said plainly, and nothing is
// changed until the user chooses to use it.
func TestCompanyFileBinding(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	c := connectionTo(url, "demo-password")

	res, _, err := f.svc.TestConnection(ctx, f.profile, c)
	if err != nil || !res.Status.Connected {
		t.Fatalf("first connection: %+v %v", res, err)
	}
	bound, ok, _ := f.svc.BoundCompanyFile(ctx, f.profile)
	if !ok || bound.ID != simulator.SummitRidge.ID {
		t.Fatalf("not bound to the first file: %+v %v", bound, ok)
	}

	sim.OpenCompanyFile(simulator.OtherCompany)
	res, _, err = f.svc.TestConnection(ctx, f.profile, c)
	if err != nil || res.Status.Connected || res.Kind != quickbooks.KindWrongCompanyFile ||
		res.Status.Outcome.Text() != "The service has Other Co.qbw open, but these settings belong to Summit Ridge Builders.qbw. Open Summit Ridge Builders.qbw in QuickBooks and try again; or, if these settings are now for Other Co.qbw, choose to use that company file." {
		t.Fatalf("another file open: %+v %v", res, err)
	}
	if got := statuses(res.Checks); !strings.Contains(got, "companyFile=fail fileMode=skipped") || res.Checks[3].Remedy != RemedyRebind {
		t.Fatalf("checklist: %s %+v", got, res.Checks[3])
	}
	before, _ := f.store.Items(ctx, f.profile)
	_, _, err = f.svc.RefreshItems(ctx, f.profile, c, nil)
	var wrong *WrongCompanyFileError
	if !errors.As(err, &wrong) || !strings.Contains(MessageFor(err), "The stored item list was not changed") {
		t.Fatalf("refresh with another file open: %v", err)
	}
	if after, _ := f.store.Items(ctx, f.profile); len(after.Items) != len(before.Items) {
		t.Fatal("the other company's items replaced the list")
	}
	if bound, _, _ := f.svc.BoundCompanyFile(ctx, f.profile); bound.ID != simulator.SummitRidge.ID {
		t.Fatal("the binding changed by itself")
	}

	// The user chooses the open file.
	open, _, err := f.svc.RebindCompanyFile(ctx, f.profile, c)
	if err != nil || open.ID != simulator.OtherCompany.ID || FileName(open) != "Other Co.qbw" {
		t.Fatalf("rebind: %+v %v", open, err)
	}
	if res, _, _ := f.svc.TestConnection(ctx, f.profile, c); !res.Status.Connected {
		t.Fatalf("after choosing the open file: %+v", res)
	}
	if _, _, err := f.svc.RefreshItems(ctx, f.profile, c, nil); err != nil {
		t.Fatalf("refresh after choosing: %v", err)
	}
}

// A 1.0 service says no file ID: nothing is bound or refused.
func TestNoBindingWithoutAFileID(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	sim.OpenCompanyFile(simulator.CompanyFile{Path: `C:\old.qbw`})
	if res, _, err := f.svc.TestConnection(ctx, f.profile, connectionTo(url, "demo-password")); err != nil || !res.Status.Connected {
		t.Fatalf("test: %+v %v", res, err)
	}
	if _, ok, _ := f.svc.BoundCompanyFile(ctx, f.profile); ok {
		t.Fatal("bound to a file without an ID")
	}
}
