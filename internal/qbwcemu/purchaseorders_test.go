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
