package changeorders_test

import (
	"encoding/json"
	"strings"
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

// world is a subcontract of two lines exported to QuickBooks: its
// Procore id and its purchase order's TxnID.
func world(t *testing.T) (*erpworld.World, int64, string) {
	t.Helper()
	w := erpworld.New(t, erpworld.ProjectItems, erpworld.Linked())
	s := settings.Defaults()
	s.UseProcoreContractNumber = true
	w.Apply(s)
	request, detail, id, _ := w.Emu.ExportCommitment(erpworld.Company, procoreemu.ExportedCommitment{Number: "SC-7", Title: "Site work",
		Vendor: w.Emu.Vendors(erpworld.Company)[0]["id"].(int64), ProjectName: "Clinic Expansion", ProjectOrigin: erpworld.Clinic,
		Items: []procoreemu.ExportedItem{
			{Description: "Supervision", Amount: "1000.0", CostCodeOrigin: erpworld.Clinic + "|8000A002-1"},
			{Description: "Footings", Amount: "2000.0", CostCodeOrigin: erpworld.Clinic + "|8000A005-1"},
		}})
	if d, _, _ := w.Played(request, detail); d.Status != "success" {
		t.Fatalf("the subcontract: %+v", d)
	}
	return w, id, w.S.QB.PurchaseOrderList()[0].TxnID
}

var extra = procoreemu.ExportedChangeOrder{Number: 45, Title: "Extra footings", Items: []procoreemu.ExportedItem{
	{Description: "Footings, east wing", Amount: "233.0", CostCodeOrigin: erpworld.Clinic + "|8000A005-1"}}}

// A change order adds its lines to the commitment's purchase order and
// keeps every line it had (QuickBooks deletes the lines a change does not
// name); the change order and its lines are marked synced with the new
// TxnLineIDs. A second change order adds after the first.
func TestAChangeOrderAddsItsLinesAndKeepsTheOthers(t *testing.T) {
	w, commitment, txn := world(t)
	before := w.S.QB.PurchaseOrderList()[0].Lines
	request, detail, _, _ := w.Emu.ExportChangeOrder(erpworld.Company, commitment, extra)
	d, result, problem := w.Played(request, detail)
	po := w.S.QB.PurchaseOrderList()[0]
	if d.Status != "success" || problem != "" || len(po.Lines) != 3 || po.Lines[0].TxnLineID != before[0].TxnLineID ||
		po.Lines[1].TxnLineID != before[1].TxnLineID || po.Lines[2].Amount != "233.00" || result.TxnID != txn {
		t.Fatalf("detail %+v, %s, lines %+v, result %+v", d, problem, po.Lines, result)
	}
	changeOrder := w.Emu.ChangeOrders(erpworld.Company)[0]
	lines := w.Emu.LineItems(erpworld.Company)
	if changeOrder["origin_id"] != txn+"|"+po.Lines[2].TxnLineID || lines[len(lines)-1]["origin_id"] != po.Lines[2].TxnLineID {
		t.Fatalf("procore: %v %v", changeOrder, lines)
	}
	second := extra
	second.Number = 46
	request, detail, _, _ = w.Emu.ExportChangeOrder(erpworld.Company, commitment, second)
	if d, _, _ := w.Played(request, detail); d.Status != "success" || len(w.S.QB.PurchaseOrderList()[0].Lines) != 4 {
		t.Fatalf("second: %+v %+v", d, w.S.QB.PurchaseOrderList()[0].Lines)
	}
}

// A change order sent again (its answer lost, or Procore's delivery
// twice) adds nothing more: its lines are found at the purchase order's
// end.
func TestAChangeOrderSentAgainIsFoundNotAddedTwice(t *testing.T) {
	w, commitment, _ := world(t)
	request, detail, _, _ := w.Emu.ExportChangeOrder(erpworld.Company, commitment, extra)
	w.Played(request, detail)
	first, _, _ := w.S.DB.ERPRequest(t.Context(), request)
	data := procoreemu.Record{}
	if err := jsonInto(first.Data, &data); err != nil {
		t.Fatal(err)
	}
	delete(data, "request_detail_id")
	d, again := w.Send("create_commitment_change_order", data)
	if d.Status != "success" || len(w.S.QB.PurchaseOrderList()[0].Lines) != 3 || !strings.Contains(again.Result, `"found":1`) {
		t.Fatalf("again: %+v, %s, lines %+v", d, again.Result, w.S.QB.PurchaseOrderList()[0].Lines)
	}
}

// The purchase order open in another window: refused with QuickBooks'
// "in use" and the step; its lines changed by hand in QuickBooks: the
// count does not match, and QuickBooks is asked no change.
func TestAChangeOrderQuickBooksCannotTake(t *testing.T) {
	w, commitment, txn := world(t)
	w.S.QB.SetInUse(txn, true)
	request, detail, _, _ := w.Emu.ExportChangeOrder(erpworld.Company, commitment, extra)
	d, result, problem := w.Played(request, detail)
	if d.Status != "failed" || problem != serviceapi.ActivityQuickBooksRefused || result.QuickBooks == nil || result.QuickBooks.StatusCode != 3176 ||
		!strings.Contains(d.Messages[0], "already in use") {
		t.Fatalf("in use: %+v %s %+v", d, problem, result)
	}
	w.S.QB.SetInUse(txn, false)
	w.S.QB.Set(func(q *qbwcemu.QuickBooks) { q.PurchaseOrders[0].Lines = q.PurchaseOrders[0].Lines[:1] })
	mods := w.S.QB.Asked("PurchaseOrderModRq")
	request, detail, _, _ = w.Emu.ExportChangeOrder(erpworld.Company, commitment, extra)
	d, _, problem = w.Played(request, detail)
	if d.Status != "failed" || problem != serviceapi.ActivityLineCount || !strings.Contains(d.Messages[0], "number of line items in QuickBooks does not match") ||
		w.S.QB.Asked("PurchaseOrderModRq") != mods {
		t.Fatalf("count: %+v %s", d, problem)
	}
}

func jsonInto(text string, v any) error { return json.Unmarshal([]byte(text), v) }
