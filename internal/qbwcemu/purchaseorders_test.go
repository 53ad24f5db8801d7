package qbwcemu

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"qbsettings/internal/qbxmlschema"
	"qbsettings/qbservice/qbxml"
)

// A purchase order is added with its lines, each given a TxnLineID, and
// answered as QuickBooks answers (the answer valid qbXML); a vendor, item
// or job QuickBooks does not have is refused (3140) and nothing is added.
func TestPurchaseOrdersAreAddedAsQuickBooksAddsThem(t *testing.T) {
	q := NewQuickBooks(items(3))
	po := qbxml.PurchaseOrderAdd{RequestID: "1", VendorListID: "A0000001-1468535148", RefNumber: "SC-0001-EAS", VendorMsg: "Site work",
		Lines: []qbxml.PurchaseOrderLine{
			{ItemListID: "8000FFFF-1", Desc: "Supervision", Amount: 1250050, CustomerListID: "B0000002-1468535148"},
			{ItemListID: "80000001-1", Amount: -2000},
		}}
	doc, _ := qbxml.MessageSet("13.0", po)
	answer, hresult, _ := q.ProcessInSession(doc)
	if hresult != "" || !strings.Contains(answer, `statusCode="0"`) || !strings.Contains(answer, "<TotalAmount>12480.50</TotalAmount>") {
		t.Fatalf("%s %s", hresult, answer)
	}
	if runtime.GOOS != "windows" {
		var invalid *qbxmlschema.Invalid
		if err := qbxmlschema.Check(answer); errors.As(err, &invalid) || err != nil {
			t.Fatalf("the answer is not qbXML: %v", err)
		}
	}
	got := q.PurchaseOrderList()
	if len(got) != 1 || len(got[0].Lines) != 2 || got[0].Lines[0].TxnLineID == got[0].Lines[1].TxnLineID || got[0].Lines[1].Amount != "-20.00" {
		t.Fatalf("kept %+v", got)
	}
	for name, bad := range map[string]qbxml.PurchaseOrderAdd{
		"no such vendor": {VendorListID: "nobody", Lines: po.Lines},
		"no such item":   {VendorListID: po.VendorListID, Lines: []qbxml.PurchaseOrderLine{{ItemListID: "nothing", Amount: 100}}},
		"no such job":    {VendorListID: po.VendorListID, Lines: []qbxml.PurchaseOrderLine{{ItemListID: "80000001-1", Amount: 100, CustomerListID: "none"}}},
	} {
		if r := ask(t, q, bad)[0]; r.Status.Code != 3140 {
			t.Errorf("%s: %+v", name, r.Status)
		}
	}
	if n := len(q.PurchaseOrderList()); n != 1 {
		t.Fatalf("%d purchase orders", n)
	}
}

// A purchase order is found again by its number, with the mark the
// service gave it and its lines; with Inventory and purchase orders off
// in the company file, QuickBooks says so in its preferences and refuses
// a purchase order (3250).
func TestPurchaseOrdersAreFoundAndNeedTheirPreference(t *testing.T) {
	q := NewQuickBooks(items(3))
	guid := qbxml.GUID("procore 7 commitment 41")
	add := qbxml.PurchaseOrderAdd{VendorListID: "A0000001-1468535148", RefNumber: "10543", ExternalGUID: guid,
		Lines: []qbxml.PurchaseOrderLine{{ItemListID: "80000001-1", Amount: 25000}}}
	if r := ask(t, q, add)[0]; r.Status.Failed() {
		t.Fatal(r.Status)
	}
	found := ask(t, q, qbxml.PurchaseOrderQuery{RefNumber: "10543", Lines: true})[0]
	if len(found.Txns) != 1 || !qbxml.SameGUID(found.Txns[0].ExternalGUID, guid) || len(found.Txns[0].Lines) != 1 {
		t.Fatalf("found %+v", found)
	}
	if none := ask(t, q, qbxml.PurchaseOrderQuery{RefNumber: "10544"})[0]; none.Status.Code != 1 || none.Status.Failed() {
		t.Fatalf("none: %+v", none)
	}
	q.InventoryOff = true
	if r := ask(t, q, add)[0]; r.Status.Code != 3250 {
		t.Fatalf("with the preference off: %+v", r.Status)
	}
	wc := WebConnector{QuickBooks: q}
	prefs, err := qbxml.ParseResponses(wc.hcpResponse())
	if err != nil || prefs[2].Preferences == nil || *prefs[2].Preferences.UsingInventory || !*prefs[2].Preferences.UsingEstimates {
		t.Fatalf("preferences %+v %v", prefs, err)
	}
}

// A purchase order changed as QuickBooks changes one: the lines named are
// kept, the new ones added, any other deleted; open in another window it
// is refused (3176), and at an EditSequence not its own (3200).
func TestPurchaseOrdersAreChangedAsQuickBooksChangesThem(t *testing.T) {
	q := NewQuickBooks(items(3))
	po := ask(t, q, qbxml.PurchaseOrderAdd{VendorListID: "A0000001-1468535148", RefNumber: "SC-1", Lines: []qbxml.PurchaseOrderLine{
		{ItemListID: "80000001-1", Amount: 100000}, {ItemListID: "80000002-1", Amount: 5000}}})[0].Txns[0]
	mod := qbxml.PurchaseOrderMod{TxnID: po.TxnID, EditSequence: po.EditSequence, Keep: []string{po.Lines[0].TxnLineID},
		Add: []qbxml.PurchaseOrderLine{{ItemListID: "80000001-1", Desc: "CO 45", Amount: 23300}}}
	q.SetInUse(po.TxnID, true)
	if r := ask(t, q, mod)[0]; r.Status.Code != 3176 {
		t.Fatalf("in use: %+v", r.Status)
	}
	q.SetInUse(po.TxnID, false)
	stale := mod
	stale.EditSequence = "1"
	if r := ask(t, q, stale)[0]; r.Status.Code != 3200 {
		t.Fatalf("stale: %+v", r.Status)
	}
	changed := ask(t, q, mod)[0]
	if changed.Status.Failed() || len(changed.Txns[0].Lines) != 2 || changed.Txns[0].Lines[0].TxnLineID != po.Lines[0].TxnLineID ||
		changed.Txns[0].EditSequence == po.EditSequence {
		t.Fatalf("changed: %+v", changed)
	}
	if kept := q.PurchaseOrderList()[0].Lines; len(kept) != 2 || kept[1].Amount != "233.00" {
		t.Fatalf("kept %+v", kept)
	}
}
