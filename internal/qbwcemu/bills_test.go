package qbwcemu

import (
	"errors"
	"runtime"
	"testing"

	"qbsettings/internal/qbxmlschema"
	"qbsettings/qbservice/qbxml"
)

// A bill is added linked to the purchase order line it bills, with a
// negative retainage line, answered as valid qbXML, and found again by
// its number; a link to a line the purchase order does not have is
// refused (3140), and nothing is added.
func TestBillsAreAddedLinkedToTheirPurchaseOrder(t *testing.T) {
	q := NewQuickBooks(items(3))
	po := ask(t, q, qbxml.PurchaseOrderAdd{VendorListID: "A0000001-1468535148", RefNumber: "SC-1",
		Lines: []qbxml.PurchaseOrderLine{{ItemListID: "80000001-1", Amount: 100000}}})[0].Txns[0]
	bill := qbxml.BillAdd{VendorListID: "A0000001-1468535148", RefNumber: "9348", ExternalGUID: qbxml.GUID("bill"), Lines: []qbxml.BillLine{
		{ItemListID: "80000001-1", Amount: 50000, CustomerListID: "B0000002-1468535148", LinkTxnID: po.TxnID, LinkTxnLineID: po.Lines[0].TxnLineID},
		{ItemListID: "80000002-1", Desc: "Retainage held", Amount: -5000},
	}}
	doc, _ := qbxml.MessageSet("13.0", bill)
	answer, hresult, _ := q.ProcessInSession(doc)
	if hresult != "" {
		t.Fatal(hresult)
	}
	if runtime.GOOS != "windows" {
		var invalid *qbxmlschema.Invalid
		if err := qbxmlschema.Check(answer); errors.As(err, &invalid) || err != nil {
			t.Fatalf("the answer is not qbXML: %v\n%s", err, answer)
		}
	}
	got := q.BillList()
	if len(got) != 1 || got[0].Lines[0].LinkTxnLineID != po.Lines[0].TxnLineID || got[0].Lines[1].Amount != "-50.00" {
		t.Fatalf("kept %+v", got)
	}
	found := ask(t, q, qbxml.BillQuery{RefNumber: "9348"})[0]
	if marked := qbxml.Marked(found.Txns, bill.ExternalGUID); marked == nil || marked.VendorListID != "A0000001-1468535148" || len(marked.Lines) != 2 {
		t.Fatalf("found %+v", found)
	}
	orderOf := ask(t, q, qbxml.PurchaseOrderQuery{TxnID: po.TxnID})[0]
	if len(orderOf.Txns) != 1 || orderOf.Txns[0].VendorListID != "A0000001-1468535148" {
		t.Fatalf("the purchase order by TxnID: %+v", orderOf)
	}
	bad := bill
	bad.Lines = []qbxml.BillLine{{ItemListID: "80000001-1", Amount: 100, LinkTxnID: po.TxnID, LinkTxnLineID: "no-such-line"}}
	if r := ask(t, q, bad)[0]; r.Status.Code != 3140 || len(q.BillList()) != 1 {
		t.Fatalf("a link to no line: %+v", r.Status)
	}
}
