package qbwcemu

import (
	"strings"
	"testing"
	"time"

	"qbsettings/qbservice/qbxml"
)

// ask sends requests to q in one message set and reads its answers.
func ask(t *testing.T, q *QuickBooks, requests ...qbxml.Request) []qbxml.Response {
	t.Helper()
	doc, err := qbxml.MessageSet("13.0", requests...)
	if err != nil {
		t.Fatal(err)
	}
	return answerOf(t, q, doc)
}

func answerOf(t *testing.T, q *QuickBooks, doc string) []qbxml.Response {
	t.Helper()
	text, hresult, message := q.ProcessInSession(doc)
	if hresult != "" {
		t.Fatalf("%s %s\n%s", hresult, message, doc)
	}
	rs, err := qbxml.ParseResponses(text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	return rs
}

// QuickBooks' rules for vendors: names unique whatever their case, and
// across vendors and customers (3100); FromModifiedDate reads only what
// changed since; a change over a stale EditSequence is refused (3200),
// and every change gives a new one.
func TestVendorsFollowQuickBooksRules(t *testing.T) {
	clock := time.Date(2026, 12, 7, 9, 0, 0, 0, fileMade.Location())
	q := NewQuickBooks(nil)
	q.Clock = func() time.Time { return clock }

	all := ask(t, q, qbxml.VendorQuery{RequestID: "1", Iterator: qbxml.IteratorStart, MaxReturned: 2})[0]
	if len(all.Vendors) != 2 || all.IteratorRemaining != 1 || all.Vendors[0].EditSequence == "" || all.Vendors[0].TimeModified != "2024-01-15T10:00:00-08:00" {
		t.Fatalf("first page: %+v", all)
	}
	for _, taken := range []string{"apex concrete supply", "LAKEVIEW HEALTH"} {
		if r := ask(t, q, qbxml.VendorAdd{RequestID: "2", Vendor: qbxml.Vendor{Name: taken}})[0]; r.Status.Code != 3100 {
			t.Errorf("%s: %+v", taken, r.Status)
		}
	}
	added := ask(t, q, qbxml.VendorAdd{RequestID: "3", Vendor: qbxml.Vendor{Name: "Birch Glass", Address: qbxml.Address{City: "Concord", State: "NH"}}})[0]
	if added.Status.Failed() || len(added.Vendors) != 1 || added.Vendors[0].Address.City != "Concord" || added.Vendors[0].TimeModified != "2026-12-07T09:00:00-08:00" {
		t.Fatalf("added: %+v", added)
	}
	since := ask(t, q, qbxml.VendorQuery{RequestID: "4", Iterator: qbxml.IteratorStart, From: "2026-12-07T09:00:00-08:00"})[0]
	if len(since.Vendors) != 1 || since.Vendors[0].Name != "Birch Glass" {
		t.Fatalf("changed since: %+v", since.Vendors)
	}
	byName := ask(t, q, qbxml.VendorByName{RequestID: "5", Name: "birch glass"})[0]
	if len(byName.Vendors) != 1 || byName.Vendors[0].ListID != added.Vendors[0].ListID {
		t.Fatalf("by name: %+v", byName)
	}
	if none := ask(t, q, qbxml.VendorByName{RequestID: "6", Name: "Nobody"})[0]; none.Status.Code != 500 || len(none.Vendors) != 0 {
		t.Fatalf("nobody: %+v", none)
	}

	v := added.Vendors[0]
	clock = clock.Add(time.Minute)
	if !q.RenameVendor(v.ListID, "Birch Glass & Glazing") || q.RenameVendor(v.ListID, "Apex Concrete Supply") {
		t.Fatal("renamed as QuickBooks would not")
	}
	mod := func(editSequence string) qbxml.Response {
		return answerOf(t, q, `<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError"><VendorModRq requestID="7"><VendorMod>`+
			`<ListID>`+v.ListID+`</ListID><EditSequence>`+editSequence+`</EditSequence><Name>Birch</Name></VendorMod></VendorModRq></QBXMLMsgsRq></QBXML>`)[0]
	}
	if r := mod(v.EditSequence); r.Status.Code != 3200 {
		t.Fatalf("a stale EditSequence: %+v", r.Status)
	}
	now := ask(t, q, qbxml.VendorByName{Name: "Birch Glass & Glazing"})[0].Vendors[0]
	if now.EditSequence == v.EditSequence || !strings.HasPrefix(now.TimeModified, "2026-12-07T09:01:00") {
		t.Fatalf("renamed: %+v", now)
	}
	if r := mod(now.EditSequence); r.Status.Failed() || r.Vendors[0].Name != "Birch" {
		t.Fatalf("a current EditSequence: %+v", r)
	}
}
