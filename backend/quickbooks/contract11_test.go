package quickbooks_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/simulator"
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

// What each QuickBooks code means, written here from Intuit's SDK
// reference rather than taken from the client: which link it breaks, and
// whether trying again soon usually works (a dialog, QuickBooks starting,
// a list or record in use) or something must be fixed first.
var quickBooksCodes = map[string]struct {
	kind  quickbooks.Kind
	retry bool
}{
	"0x80040408": {quickbooks.KindQuickBooksNotReady, false}, // could not start QuickBooks
	"0x8004040A": {quickbooks.KindCompanyFile, false},        // another company file is open
	"0x80040410": {quickbooks.KindCompanyFile, false},        // the file's mode does not allow it
	"0x80040414": {quickbooks.KindQuickBooksBusy, true},      // a modal dialog is showing
	"0x80040418": {quickbooks.KindQuickBooksRefused, false},  // the application is not authorized yet
	"0x8004041A": {quickbooks.KindQuickBooksRefused, false},  // the user lacks the permission
	"0x80040420": {quickbooks.KindQuickBooksRefused, false},  // the user answered No to the authorization
	"0x80040422": {quickbooks.KindCompanyFile, false},        // single-user mode is needed
	"0x80040423": {quickbooks.KindQuickBooksNotReady, false}, // the qbXML version requested is not supported
	"0x80040424": {quickbooks.KindQuickBooksBusy, true},      // QuickBooks is still starting
	"3100":       {quickbooks.KindNameInUse, false},          // the name is not unique
	"3120":       {quickbooks.KindQuickBooksRecord, false},   // the record was not found
	"3170":       {quickbooks.KindQuickBooksBusy, true},      // the list is being changed
	"3175":       {quickbooks.KindQuickBooksBusy, true},      // the list is in use
	"3176":       {quickbooks.KindQuickBooksBusy, true},      // the record is in use
	"3180":       {quickbooks.KindQuickBooksBusy, true},      // the list was changed by another user while saving
	"3200":       {quickbooks.KindQuickBooksRecord, false},   // the edit sequence is out of date
}

// Every QuickBooks code the client knows has its own next step, the kind
// and retry the SDK gives it, and the code reaches the caller.
func TestEveryQuickBooksCodeHasItsOwnNextStep(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{})
	c := client(t, quickbooks.Config{BaseURL: url})
	seen := map[string]string{}
	check := func(code string, err error) *quickbooks.Error {
		t.Helper()
		var qe *quickbooks.Error
		if !errors.As(err, &qe) || qe.QuickBooks == nil || qe.Message() == "" || strings.Contains(qe.Message(), "error 5") {
			t.Fatalf("%s: %#v", code, err)
		}
		if other, dup := seen[qe.Message()]; dup {
			t.Errorf("%s and %s share the message %q", code, other, qe.Message())
		}
		seen[qe.Message()] = code
		want, ok := quickBooksCodes[code]
		if !ok {
			t.Errorf("%s: the client knows a code this test does not: add what the SDK says of it", code)
		} else if qe.Kind != want.kind || qe.Retry != want.retry {
			t.Errorf("%s: kind %s retry %v, want %s retry %v", code, qe.Kind, qe.Retry, want.kind, want.retry)
		}
		return qe
	}
	for _, h := range quickbooks.HResults() {
		sim.SetCondition(simulator.Condition{HResult: h})
		_, err := c.Health(ctx)
		if qe := check(h, err); qe.QuickBooks.HResult != h {
			t.Errorf("%s: code %+v", h, qe.QuickBooks)
		}
	}
	for _, code := range quickbooks.StatusCodes() {
		sim.SetCondition(simulator.Condition{StatusCode: code})
		_, err := c.Items(ctx)
		if qe := check(strconv.Itoa(code), err); qe.QuickBooks.StatusCode != code {
			t.Errorf("%d: code %+v", code, qe.QuickBooks)
		}
	}
	if len(seen) != len(quickBooksCodes) {
		t.Errorf("the client knows %d codes, this test %d: a code the SDK documents lost its next step", len(seen), len(quickBooksCodes))
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
	_, err := c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: "Retainage Payable"}, time.Millisecond)
	wantKind(t, err, quickbooks.KindNameInUse, "already has an item with that name")

	it, err := c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: "Retention Held", Description: "Retention held on subcontractor invoices"}, time.Millisecond)
	if err != nil || it.FullName != "Retention Held" || it.Type != "Service" || !it.IsActive || it.ListID == "" {
		t.Fatalf("create: %+v %v", it, err)
	}
	items, err := c.RefreshAndList(ctx, time.Millisecond, nil)
	if err != nil || !hasItem(items, it.ListID) {
		t.Fatalf("the new item is not listed after a refresh: %v", err)
	}
	// Names QuickBooks would refuse are refused before anything is sent.
	for _, name := range []string{strings.Repeat("x", quickbooks.MaxItemNameRunes+1), "Retainage:Payable", " ", "Re\u200btainage"} {
		_, err = c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: name}, time.Millisecond)
		wantKind(t, err, quickbooks.KindInvalidName, "")
	}

	sim.SetCapabilities(nil)
	_, err = c.CreateItem(ctx, quickbooks.NewItem{Type: "Service", Name: "Retainage 2"}, time.Millisecond)
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
