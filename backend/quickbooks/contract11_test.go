package quickbooks_test

import (
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/simulator"
	"qbsettings/serviceapi"
)

// Contract 1.1's health says which company file is open, in which mode,
// and what the service can do.
func TestHealthSaysTheCompanyFileAndCapabilities(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{})
	c := client(t, quickbooks.Config{BaseURL: url})
	h, err := c.Health(ctx)
	if err != nil || h.CompanyFileID != simulator.SummitRidge.ID || h.CompanyName != "Summit Ridge Builders" ||
		h.QBFileMode != serviceapi.FileModeMultiUser || h.QBCountry != "US" || !h.Can(serviceapi.CapabilityItemsCreate) {
		t.Fatalf("health: %+v %v", h, err)
	}
	sim.OpenCompanyFile(simulator.OtherCompany)
	sim.SetCapabilities(nil)
	if h, _ := c.Health(ctx); h.CompanyFileID != simulator.OtherCompany.ID || h.CompanyName != "Other Co" || h.Can(serviceapi.CapabilityItemsCreate) {
		t.Fatalf("after another file was opened: %+v", h)
	}
}

// Creating the retainage item: QuickBooks' name rules, 3100 for a name in
// use, and the new item listed after a refresh.
func TestCreateAServiceItem(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{RefreshPolls: 1})
	c := client(t, quickbooks.Config{BaseURL: url})
	_, err := c.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: "Retainage Payable"}, time.Millisecond)
	wantKind(t, err, quickbooks.KindNameInUse, "already has an item with that name")

	it, err := c.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: "Retention Held", Description: "Retention held on subcontractor invoices"}, time.Millisecond)
	if err != nil || it.FullName != "Retention Held" || it.Type != "Service" || !it.IsActive || it.ListID == "" {
		t.Fatalf("create: %+v %v", it, err)
	}
	items, err := c.RefreshAndList(ctx, time.Millisecond, "", nil)
	if err != nil || !hasItem(items.Items, it.ListID) {
		t.Fatalf("the new item is not listed after a refresh: %v", err)
	}
	// Names QuickBooks would refuse are refused before anything is sent.
	for _, name := range []string{strings.Repeat("x", serviceapi.MaxItemNameRunes+1), "Retainage:Payable", " ", "Re\u200btainage"} {
		_, err = c.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: name}, time.Millisecond)
		wantKind(t, err, quickbooks.KindInvalidName, "")
	}

	sim.SetCapabilities(nil)
	_, err = c.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: "Retainage 2"}, time.Millisecond)
	wantKind(t, err, quickbooks.KindServiceError, "error 501")
}

// An item inactivated in QuickBooks is listed inactive after a refresh.
func TestInactivatedItemIsListedInactive(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{RefreshPolls: 1})
	c := client(t, quickbooks.Config{BaseURL: url})
	list, _ := c.Items(ctx)
	var retainage serviceapi.Item
	for _, it := range list.Items {
		if it.FullName == "Retainage Payable" {
			retainage = it
		}
	}
	if !sim.SetActive(retainage.ListID, false) {
		t.Fatal("no Retainage Payable")
	}
	list, err := c.RefreshAndList(ctx, time.Millisecond, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range list.Items {
		if it.ListID == retainage.ListID && it.IsActive {
			t.Fatal("still active after the refresh")
		}
	}
}

func hasItem(items []serviceapi.Item, listID string) bool {
	for _, it := range items {
		if it.ListID == listID {
			return true
		}
	}
	return false
}
