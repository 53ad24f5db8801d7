package quickbooks_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/simulator"
)

// Contract 1.1's health says which company file is open, in which mode,
// and what the service can do.
func TestHealthSaysTheCompanyFileAndCapabilities(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{})
	c := client(t, quickbooks.Config{BaseURL: url})
	h, err := c.Health(ctx)
	if err != nil || h.CompanyFileID != simulator.SummitRidge.ID || h.CompanyName != "Summit Ridge Builders" ||
		h.QBFileMode != quickbooks.FileModeMultiUser || h.QBCountry != "US" || !h.Can(quickbooks.CapabilityItemsCreate) {
		t.Fatalf("health: %+v %v", h, err)
	}
	sim.OpenCompanyFile(simulator.OtherCompany)
	sim.SetCapabilities(nil)
	if h, _ := c.Health(ctx); h.CompanyFileID != simulator.OtherCompany.ID || h.CompanyName != "Other Co" || h.Can(quickbooks.CapabilityItemsCreate) {
		t.Fatalf("after another file was opened: %+v", h)
	}
}

// Every QuickBooks code the client knows has its own next step, and the
// code reaches the caller.
func TestEveryQuickBooksCodeHasItsOwnNextStep(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{})
	c := client(t, quickbooks.Config{BaseURL: url})
	seen := map[string]string{}
	check := func(name string, err error, retry bool) {
		t.Helper()
		var qe *quickbooks.Error
		if !errors.As(err, &qe) || qe.QuickBooks == nil || qe.Message == "" || strings.Contains(qe.Message, "error 5") {
			t.Fatalf("%s: %#v", name, err)
		}
		if other, dup := seen[qe.Message]; dup {
			t.Errorf("%s and %s share the message %q", name, other, qe.Message)
		}
		seen[qe.Message] = name
		if qe.Retry != retry {
			t.Errorf("%s: retry %v", name, qe.Retry)
		}
	}
	for _, h := range quickbooks.HResults() {
		sim.SetCondition(simulator.Condition{HResult: h})
		_, err := c.Health(ctx)
		var qe *quickbooks.Error
		errors.As(err, &qe)
		check(h, err, qe != nil && (qe.Kind == quickbooks.KindQuickBooksBusy))
		if qe.QuickBooks.HResult != h {
			t.Errorf("%s: code %+v", h, qe.QuickBooks)
		}
	}
	for _, code := range quickbooks.StatusCodes() {
		sim.SetCondition(simulator.Condition{StatusCode: code})
		_, err := c.Items(ctx)
		var qe *quickbooks.Error
		errors.As(err, &qe)
		check(qe.Kind.String(), err, qe.Kind == quickbooks.KindQuickBooksBusy)
		if qe.QuickBooks.StatusCode != code {
			t.Errorf("%d: code %+v", code, qe.QuickBooks)
		}
	}
	sim.SetCondition(simulator.Condition{})
	if _, err := c.Health(ctx); err != nil {
		t.Fatalf("after the condition cleared: %v", err)
	}
}

// Creating the retainage item: QuickBooks' name rules, 3100 for a name in
// use, and the new item listed after a refresh.
func TestCreateAServiceItem(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{RefreshPolls: 1})
	c := client(t, quickbooks.Config{BaseURL: url})
	_, err := c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: "Retainage Payable"})
	wantKind(t, err, quickbooks.KindNameInUse, "already has an item with that name")

	it, err := c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: "Retention Held", Description: "Retention held on subcontractor invoices"})
	if err != nil || it.FullName != "Retention Held" || it.Type != "Service" || !it.IsActive || it.ListID == "" {
		t.Fatalf("create: %+v %v", it, err)
	}
	items, err := c.RefreshAndList(ctx, time.Millisecond, nil)
	if err != nil || !hasItem(items, it.ListID) {
		t.Fatalf("the new item is not listed after a refresh: %v", err)
	}
	// Names QuickBooks would refuse are refused before anything is sent.
	for _, name := range []string{strings.Repeat("x", quickbooks.MaxItemNameRunes+1), "Retainage:Payable", " ", "Re\u200btainage"} {
		_, err = c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: name})
		wantKind(t, err, quickbooks.KindInvalidName, "")
	}

	sim.SetCapabilities(nil)
	_, err = c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: "Retainage 2"})
	wantKind(t, err, quickbooks.KindServiceError, "error 501")
}

// An item inactivated in QuickBooks is listed inactive after a refresh.
func TestInactivatedItemIsListedInactive(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{RefreshPolls: 1})
	c := client(t, quickbooks.Config{BaseURL: url})
	items, _ := c.Items(ctx)
	var retainage quickbooks.Item
	for _, it := range items {
		if it.FullName == "Retainage Payable" {
			retainage = it
		}
	}
	if !sim.SetActive(retainage.ListID, false) {
		t.Fatal("no Retainage Payable")
	}
	items, err := c.RefreshAndList(ctx, time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.ListID == retainage.ListID && it.IsActive {
			t.Fatal("still active after the refresh")
		}
	}
}

func hasItem(items []quickbooks.Item, listID string) bool {
	for _, it := range items {
		if it.ListID == listID {
			return true
		}
	}
	return false
}
