package appservice

import (
	"strings"
	"testing"

	"qbsettings/internal/simulator"
)

// The retainage item created through the service, the list refreshed, the
// item returned for the form to choose; a name in use, a name QuickBooks
// refuses, and a service that cannot create items each say what to do.
func TestCreateRetainageItem(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	c := connectionTo(url, "demo-password")

	_, _, _, err := f.svc.CreateRetainageItem(ctx, f.profile, c, "Retainage Payable")
	if msg := MessageFor(err); !strings.Contains(msg, "already has an item with that name") || !strings.HasSuffix(msg, "Nothing was created.") {
		t.Fatalf("a name in use: %q", msg)
	}
	_, _, _, err = f.svc.CreateRetainageItem(ctx, f.profile, c, "Retainage:Held")
	if msg := MessageFor(err); !strings.Contains(msg, "colon") {
		t.Fatalf("a name QuickBooks refuses: %q", msg)
	}

	it, list, errs, err := f.svc.CreateRetainageItem(ctx, f.profile, c, "Retention Held")
	if err != nil || len(errs) > 0 || it.FullName != "Retention Held" || it.Type != "Service" || !it.IsActive {
		t.Fatalf("create: %+v %v %v", it, errs, err)
	}
	found := false
	for _, x := range list.Items {
		found = found || x.ListID == it.ListID
	}
	if !found {
		t.Fatal("the new item is not in the refreshed list")
	}
	if stored, _ := f.store.Items(ctx, f.profile); len(stored.Items) != len(list.Items) {
		t.Fatal("the refreshed list was not stored")
	}

	sim.SetCapabilities(nil)
	_, _, _, err = f.svc.CreateRetainageItem(ctx, f.profile, c, "Retention 2")
	if msg := MessageFor(err); !strings.Contains(msg, "cannot create items") || !strings.Contains(msg, "Lists > Item List") {
		t.Fatalf("no items.create: %q", msg)
	}
	sim.SetCapabilities(simulator.DefaultCapabilities)
	sim.OpenCompanyFile(simulator.OtherCompany)
	_, _, _, err = f.svc.CreateRetainageItem(ctx, f.profile, c, "Retention 3")
	if msg := MessageFor(err); !strings.Contains(msg, "Other Co.qbw open") || !strings.HasSuffix(msg, "Nothing was created.") {
		t.Fatalf("another company file: %q", msg)
	}
}
