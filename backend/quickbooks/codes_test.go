package quickbooks_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

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
	"0x8004041A": {quickbooks.KindQuickBooksRefused, false},  // the application may not access this file
	"0x8004041B": {quickbooks.KindQuickBooksBusy, true},      // what the application needs could not be locked
	"0x8004041D": {quickbooks.KindQuickBooksRefused, false},  // the application may not log in automatically
	"0x8004041E": {quickbooks.KindQuickBooksRefused, false},  // the application's certificate expired
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

// Every QuickBooks code the client knows, played by the emulated QuickBooks
// behind the project's QuickBooks service, has its own next step, the kind
// and retry the SDK gives it, and the code reaches the caller. An HRESULT
// is what QuickBooks answers the Web Connector at a session (the file not
// opened, a dialog open, a qbXML version too old), seen in health; a status
// code is QuickBooks' refusal of an item added, seen by the create.
func TestEveryQuickBooksCodeHasItsOwnNextStep(t *testing.T) {
	s := qbservicetest.Start(t, []qbwcemu.Item{
		{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"},
	}, qbservicetest.Options{Contract: true})
	c := client(t, quickbooks.Config{BaseURL: s.URL, User: qbservicetest.User, Password: qbservicetest.Password})
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
	mended := func(q *qbwcemu.QuickBooks) {
		q.OpenFails, q.Failing, q.AddRefused, q.Versions = "", "", 0, qbwcemu.NewQuickBooks(nil).Versions
	}
	for _, h := range quickbooks.HResults() {
		s.QB.Set(func(q *qbwcemu.QuickBooks) { playHResult(q, h) })
		_, _ = s.WC.RunSession(ctx) // ends with QuickBooks' fault
		_, err := c.Health(ctx)
		if qe := check(h, err); qe.QuickBooks.HResult != h {
			t.Errorf("%s: code %+v", h, qe.QuickBooks)
		}
		s.QB.Set(mended)
	}
	s.Session(t)
	for _, code := range quickbooks.StatusCodes() {
		name := "Retention " + strconv.Itoa(code)
		if code == 3100 { // a name in use in QuickBooks, not yet in the service's list
			name = "retainage payable"
		} else {
			s.QB.Set(func(q *qbwcemu.QuickBooks) { q.AddRefused = code })
		}
		_, err := createThroughASession(t, s, c, name)
		if qe := check(strconv.Itoa(code), err); qe.QuickBooks.StatusCode != code {
			t.Errorf("%d: code %+v", code, qe.QuickBooks)
		}
		s.QB.Set(mended)
	}
	if len(seen) != len(quickBooksCodes) {
		t.Errorf("the client knows %d codes, this test %d: a code the SDK documents lost its next step", len(seen), len(quickBooksCodes))
	}
	s.Session(t)
	if h, err := c.Health(ctx); err != nil || !h.QBRunning {
		t.Fatalf("after QuickBooks was mended: %+v %v", h, err)
	}
	if it, err := createThroughASession(t, s, c, "Retention Held"); err != nil || it.FullName != "Retention Held" {
		t.Fatalf("a create after QuickBooks was mended: %+v %v", it, err)
	}
}

// playHResult puts QuickBooks where it answers the Web Connector with h:
// a dialog fails every request, an old QuickBooks knows only old qbXML
// versions, and every other fault keeps the company file from opening.
func playHResult(q *qbwcemu.QuickBooks, h string) {
	switch h {
	case qbwcemu.HResultDialog:
		q.Failing, q.FailingAfter = h, 0
	case qbwcemu.HResultVersion:
		q.Versions = []string{"1.0", "1.1"}
	default:
		q.OpenFails = h
	}
}

// createThroughASession creates name as the app does, while the Web
// Connector runs one session once the create is queued.
func createThroughASession(t *testing.T, s *qbservicetest.Service, c *quickbooks.Client, name string) (serviceapi.Item, error) {
	t.Helper()
	type created struct {
		item serviceapi.Item
		err  error
	}
	done := make(chan created, 1)
	go func() {
		it, err := c.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: name}, 5*time.Millisecond)
		done <- created{it, err}
	}()
	s.WaitQueued(t, 1)
	s.Session(t)
	got := <-done
	return got.item, got.err
}
