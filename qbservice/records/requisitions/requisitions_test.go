package requisitions_test

import (
	"net/http"
	"strings"
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

// QuickBooks' vendor and job, two cost codes' items and a retainage item.
const (
	apex      = erpworld.Apex
	clinic    = erpworld.Clinic
	retainage = "80000000-1"
)

var items = append(append([]qbwcemu.Item(nil), erpworld.ProjectItems...),
	qbwcemu.Item{Kind: "Service", ListID: retainage, Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"})

// world is Procore with a vendor linked to Apex and a subcontract to it
// exported (its purchase order's TxnID and line TxnLineIDs returned), and
// QuickBooks with the items, its item list read by the service; the
// Invoice Retainage Item item.
func world(t *testing.T, item settings.ItemRef) (w *erpworld.World, po string, lines []string) {
	t.Helper()
	w = erpworld.New(t, items, erpworld.Linked())
	s := settings.Defaults()
	s.UseProcoreContractNumber, s.RetainageItem = true, item
	w.Apply(s)
	// The item list the service keeps, as the app's refresh reads it.
	if detail, _ := w.Send("sync_standard_cost_codes", procoreemu.Record{"standard_cost_code_list_id": 1}); detail.Status != "success" {
		t.Fatalf("cost codes: %+v", detail)
	}
	vendor := w.Emu.Vendors(erpworld.Company)[0]["id"].(int64)
	request, detail, _, _ := w.Emu.ExportCommitment(erpworld.Company, procoreemu.ExportedCommitment{Number: "SC-7", Title: "Forms and steel",
		Vendor: vendor, ProjectName: "Clinic Expansion", ProjectOrigin: clinic, Items: []procoreemu.ExportedItem{
			{Description: "Forms equipment", Amount: "1000.0", CostCode: "01-100", CostCodeOrigin: clinic + "|8000A002-1"},
			{Description: "Steel", Amount: "1000.0", CostCode: "03-300", CostCodeOrigin: clinic + "|8000A005-1"},
		}})
	if d, result, _ := w.Played(request, detail); d.Status != "success" {
		t.Fatalf("commitment: %+v %+v", d, result)
	}
	order := w.S.QB.PurchaseOrderList()[0]
	return w, order.TxnID, []string{order.Lines[0].TxnLineID, order.Lines[1].TxnLineID}
}

var payable = settings.ItemRef{ListID: retainage, FullName: "Retainage Payable"}

// invoice is ED's sample requisition on the subcontract: two lines of
// 500.0, each holding 10.0 of retainage.
func invoice(po string, lines []string) procoreemu.ExportedRequisition {
	return procoreemu.ExportedRequisition{InvoiceNumber: "9348", BillingDate: "2021-03-31", ContractOrigin: po, JobOrigin: clinic,
		Lines: []procoreemu.ExportedRequisitionLine{
			{Description: "Forms equipment", Amount: "500.0", RetainageThisPeriod: "10.0", CostCodeOrigin: clinic + "|8000A002-1", CommitmentItemOrigin: lines[0]},
			{Description: "Steel", Amount: "500.0", RetainageThisPeriod: "10.0", CostCodeOrigin: clinic + "|8000A005-1", CommitmentItemOrigin: lines[1]},
		}}
}

func send(t *testing.T, w *erpworld.World, x procoreemu.ExportedRequisition) (procoreemu.Detail, serviceapi.ActivityResult, string) {
	t.Helper()
	request, detail, _, _ := w.Emu.ExportRequisition(erpworld.Company, x)
	return w.Played(request, detail)
}

// Rule 5 on: the invoice becomes a bill of the subcontract's vendor, its
// lines linked to the purchase order's, and the retainage held a line of
// -20.00 on Retainage Payable; the requisition and its lines are marked
// synced; the activity names the rule. Sent again, it is found, not added.
func TestRule5RetainageHeldIsANegativeLineOnTheItem(t *testing.T) {
	w, po, lines := world(t, payable)
	detail, result, problem := send(t, w, invoice(po, lines))
	if detail.Status != "success" || problem != "" {
		t.Fatalf("detail %+v, %s, %+v", detail, problem, result)
	}
	bills := w.S.QB.BillList()
	if len(bills) != 1 {
		t.Fatalf("%d bills", len(bills))
	}
	b := bills[0]
	if b.VendorListID != apex || b.RefNumber != "9348" || b.TxnDate != "2021-03-31" || len(b.Lines) != 3 {
		t.Fatalf("bill %+v", b)
	}
	if l := b.Lines; l[0].Amount != "500.00" || l[1].Amount != "500.00" || l[2].Amount != "-20.00" || l[2].ItemListID != retainage ||
		l[0].LinkTxnID != po || l[0].LinkTxnLineID != lines[0] || l[2].LinkTxnID != "" || l[2].CustomerListID != clinic {
		t.Fatalf("lines %+v", l)
	}
	want := serviceapi.ActivityRule{Rule: serviceapi.RuleRetainageHeld, Setting: "retainageItem", From: "Retainage Payable", To: "-20.00"}
	if len(result.Rules) != 1 || result.Rules[0] != want || result.TxnID != b.TxnID || result.Counts[serviceapi.CountAdded] != 1 {
		t.Fatalf("result %+v", result)
	}
	reqs, items := w.Emu.Requisitions(erpworld.Company), w.Emu.RequisitionItems(erpworld.Company)
	if reqs[0]["origin_id"] != b.TxnID || items[0]["origin_id"] != b.Lines[0].TxnLineID || items[1]["origin_id"] != b.Lines[1].TxnLineID {
		t.Fatalf("procore: %v %v", reqs, items)
	}
	sync := w.Calls(http.MethodPatch, "/rest/v1.0/companies/4242/external_data/sync")
	if got := erpworld.Updates(t, sync[len(sync)-1]); got[0]["item_type"] != "requisition" || got[1]["item_type"] != "requisition_contract_item" {
		t.Fatalf("marked %v", got)
	}

	// Retainage released on the next invoice is a positive line.
	next := invoice(po, lines)
	next.InvoiceNumber = "9349"
	next.Lines[0].RetainageThisPeriod, next.Lines[0].ReleasedThisPeriod = "0", "20.0"
	next.Lines[1].RetainageThisPeriod = "0"
	if detail, result, _ := send(t, w, next); detail.Status != "success" || result.Rules[0].Rule != serviceapi.RuleRetainageReleased {
		t.Fatalf("released: %+v %+v", detail, result)
	}
	if l := w.S.QB.BillList()[1].Lines; len(l) != 3 || l[2].Amount != "20.00" {
		t.Fatalf("released lines %+v", l)
	}
}

// Rule 5 off (no item chosen): the invoice fails with the reason, and no
// bill is asked of QuickBooks, not even looked for.
func TestRule5WithoutAnItemNothingIsWritten(t *testing.T) {
	w, po, lines := world(t, settings.ItemRef{})
	detail, _, problem := send(t, w, invoice(po, lines))
	if detail.Status != "failed" || problem != serviceapi.ActivityNoRetainageItem || !strings.Contains(detail.Messages[0], "Invoice Retainage Item") {
		t.Fatalf("detail %+v, problem %s", detail, problem)
	}
	if n := w.S.QB.Asked("BillAddRq", "BillQueryRq"); n != 0 || len(w.S.QB.BillList()) != 0 {
		t.Fatalf("%d bill requests reached QuickBooks", n)
	}
}

// An item no longer in QuickBooks' list, or a cost code made in
// QuickBooks for Procore, cannot hold retainage: refused, nothing written.
func TestRule5RefusesAnItemThatCannotHoldRetainage(t *testing.T) {
	w, po, lines := world(t, settings.ItemRef{ListID: "8000FFFF-1", FullName: "Gone"})
	if _, _, problem := send(t, w, invoice(po, lines)); problem != serviceapi.ActivityRetainageItemGone {
		t.Fatalf("gone: %s", problem)
	}
	// A cost code exported from Procore becomes a Service item; chosen for
	// retainage, it is refused.
	request, _, details := w.Emu.ExportCostCodes(erpworld.Company, []procoreemu.ExportedCode{{Code: "900", Name: "Retention", Parent: -1}})
	w.Played(request, details[0])
	var made string
	for _, it := range w.S.QB.ItemList() {
		if it.FullName == "900" {
			made = it.ListID
		}
	}
	s := settings.Defaults()
	s.RetainageItem = settings.ItemRef{ListID: made, FullName: "900"}
	// The service refuses it as the Invoice Retainage Item when the app
	// applies it, beside the field…
	code, body, err := w.S.ApplySettings(s)
	if err != nil || code != http.StatusBadRequest || !strings.Contains(string(body), `"field":"retainageItem"`) ||
		!strings.Contains(string(body), "cost code exported from Procore") {
		t.Fatalf("applied: %d %s %v", code, body, err)
	}
	// …and an export refuses it all the same, had it been kept before.
	w.Apply(s)
	if _, _, problem := send(t, w, invoice(po, lines)); problem != serviceapi.ActivityRetainageItemIsCostCode {
		t.Fatalf("a cost code: %s", problem)
	}
	if len(w.S.QB.BillList()) != 0 {
		t.Fatal("a bill was written")
	}
}

// A bill whose total would be negative fails, and nothing is written;
// one on a purchase order QuickBooks does not have says the commitment
// is not synced.
func TestBillsQuickBooksCannotTake(t *testing.T) {
	w, po, lines := world(t, payable)
	x := invoice(po, lines)
	x.Lines[0].RetainageThisPeriod, x.Lines[1].RetainageThisPeriod = "600.0", "600.0"
	if detail, result, problem := send(t, w, x); problem != serviceapi.ActivityNegativeTotal || detail.Status != "failed" || len(result.Rules) != 1 {
		t.Fatalf("negative: %s %+v", problem, result)
	}
	x = invoice("1FFF-1", lines)
	x.InvoiceNumber = "9350"
	if detail, result, problem := send(t, w, x); problem != serviceapi.ActivityNotLinked || result.Field != "commitment" || detail.Status != "failed" {
		t.Fatalf("no purchase order: %s %+v %+v", problem, result, detail)
	}
	if len(w.S.QB.BillList()) != 0 {
		t.Fatal("a bill was written")
	}
}

// As Procore builds an invoice on a commitment it knows: its purchase
// order, job and lines filled in from the commitment's synced records.
func TestAnInvoiceOnACommitmentProcoreKnows(t *testing.T) {
	w, _, lines := world(t, payable)
	commitment := w.Emu.Commitments(erpworld.Company)[0]["id"].(int64)
	detail, result, _ := send(t, w, procoreemu.ExportedRequisition{Commitment: commitment, InvoiceNumber: "77", BillingDate: "2026-12-01",
		Lines: []procoreemu.ExportedRequisitionLine{{Description: "Forms", Amount: "1000.0", RetainageThisPeriod: "100.0"}}})
	bills := w.S.QB.BillList()
	if detail.Status != "success" || len(bills) != 1 || bills[0].Lines[0].LinkTxnLineID != lines[0] || bills[0].Lines[1].Amount != "-100.00" ||
		result.Rules[0].To != "-100.00" {
		t.Fatalf("detail %+v, bills %+v, result %+v", detail, bills, result)
	}
}

// An invoice sent twice is one bill: the second finds the first by the
// service's mark.
func TestAnInvoiceSentAgainIsFoundNotAdded(t *testing.T) {
	w, po, lines := world(t, payable)
	x := invoice(po, lines)
	if detail, _, _ := send(t, w, x); detail.Status != "success" {
		t.Fatalf("first: %+v", detail)
	}
	requisition, own := w.Emu.Requisitions(erpworld.Company)[0]["id"], w.Emu.RequisitionItems(erpworld.Company)
	data := procoreemu.Record{"requisitions": []procoreemu.Record{{"procore_requisition_id": requisition, "invoice_number": "9348",
		"contract_origin_id": po, "job_origin_id": clinic, "billing_date": "2021-03-31", "line_items": []procoreemu.Record{
			{"procore_requisition_item_id": own[0]["id"], "amount": "500.0", "retainage_this_period": "10.0", "cost_code_origin_id": clinic + "|8000A002-1", "commitment_item_origin_id": lines[0]},
			{"procore_requisition_item_id": own[1]["id"], "amount": "500.0", "retainage_this_period": "10.0", "cost_code_origin_id": clinic + "|8000A005-1", "commitment_item_origin_id": lines[1]},
		}}}}
	detail, again := w.Send("create_requisitions", data)
	if detail.Status != "success" || len(w.S.QB.BillList()) != 1 || !strings.Contains(again.Result, `"found":1`) {
		t.Fatalf("again: %+v, %d bills, %s", detail, len(w.S.QB.BillList()), again.Result)
	}
}
