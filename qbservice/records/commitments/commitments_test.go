package commitments_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/serviceapi"
)

const (
	apex   = erpworld.Apex
	clinic = erpworld.Clinic
)

var items = erpworld.ProjectItems

// world is Procore with a vendor linked to Apex, and QuickBooks with the
// job and items; settings s applied.
func world(t *testing.T, s settings.Settings) *erpworld.World {
	t.Helper()
	w := erpworld.New(t, items, erpworld.Linked())
	w.Apply(s)
	return w
}

// contractNumber are the settings with Use Procore Contract # on or off.
func contractNumber(on bool) settings.Settings {
	s := settings.Defaults()
	s.UseProcoreContractNumber = on
	return s
}

// apexInProcore is the Procore vendor linked to Apex.
func apexInProcore(w *erpworld.World) int64 {
	return w.Emu.Vendors(erpworld.Company)[0]["id"].(int64)
}

// subcontract is a commitment to Apex on the Clinic Expansion, of two
// lines, numbered number, with the QuickBooks ID code typed at export.
func subcontract(w *erpworld.World, number, code string) procoreemu.ExportedCommitment {
	return procoreemu.ExportedCommitment{Number: number, Code: code, Title: "Site work", Description: "Excavation and footings, east wing",
		Vendor: apexInProcore(w), ProjectName: "Clinic Expansion", ProjectOrigin: clinic, AccountingDate: "2026-12-01",
		Items: []procoreemu.ExportedItem{
			{Description: "Supervision", Amount: "12500.5", CostCode: "01-100", CostCodeOrigin: clinic + "|8000A002-1"},
			{Description: "Footings", Amount: "-20", CostCode: "03-300", CostCodeOrigin: clinic + "|8000A005-1"},
		}}
}

// export plays the export through both halves, and returns the closed
// detail, the result the service kept and its problem.
func export(t *testing.T, w *erpworld.World, c procoreemu.ExportedCommitment) (procoreemu.Detail, serviceapi.ActivityResult, string) {
	t.Helper()
	request, detail, _, _ := w.Emu.ExportCommitment(erpworld.Company, c)
	return w.Played(request, detail)
}

// Rule 1 on, no QuickBooks ID typed: the purchase order's number is the
// contract number cut to QuickBooks' 11 characters, and the activity
// says so; the commitment and its items are marked synced with the
// purchase order and its lines; exported again, it is found, not added.
func TestRule1OnTheContractNumberBecomesThePONumber(t *testing.T) {
	w := world(t, contractNumber(true))
	x := subcontract(w, "SC-0001-EAST-02", "")
	detail, result, _ := export(t, w, x)
	if detail.Status != "success" || detail.Closings != 1 {
		t.Fatalf("detail %+v", detail)
	}
	pos := w.S.QB.PurchaseOrderList()
	if len(pos) != 1 {
		t.Fatalf("%d purchase orders", len(pos))
	}
	po := pos[0]
	if po.RefNumber != "SC-0001-EAS" || po.VendorListID != apex || po.TxnDate != "2026-12-01" || po.Memo != "Site work" ||
		po.VendorMsg != "Excavation and footings, east wing" || len(po.Lines) != 2 {
		t.Fatalf("purchase order %+v", po)
	}
	if l := po.Lines; l[0].Amount != "12500.50" || l[0].ItemListID != "8000A002-1" || l[0].CustomerListID != clinic || l[1].Amount != "-20.00" {
		t.Fatalf("lines %+v", l)
	}
	want := serviceapi.ActivityRule{Rule: serviceapi.RuleContractNumber, Setting: "useProcoreContractNumber", From: "SC-0001-EAST-02", To: "SC-0001-EAS", Limit: 11}
	if len(result.Rules) != 1 || result.Rules[0] != want || result.TxnID != po.TxnID || result.Counts[serviceapi.CountAdded] != 1 {
		t.Fatalf("result %+v", result)
	}
	commitments, lines := w.Emu.Commitments(erpworld.Company), w.Emu.LineItems(erpworld.Company)
	if commitments[0]["origin_id"] != po.TxnID || lines[0]["origin_id"] != po.Lines[0].TxnLineID || lines[1]["origin_id"] != po.Lines[1].TxnLineID {
		t.Fatalf("procore: %v %v", commitments, lines)
	}
	sync := w.Calls(http.MethodPatch, "/rest/v1.0/companies/4242/external_data/sync")
	if got := erpworld.Updates(t, sync[len(sync)-1]); got[0]["item_type"] != "work_order_contract" || got[1]["item_type"] != "line_item" {
		t.Fatalf("marked %v", got)
	}
}

// Rule 1 off, no QuickBooks ID typed: the export fails naming the
// setting and the code, and QuickBooks is asked nothing.
func TestRule1OffWithoutAnIDNothingIsSent(t *testing.T) {
	w := world(t, contractNumber(false))
	detail, result, problem := export(t, w, subcontract(w, "SC-0001-EAST-02", ""))
	if detail.Status != "failed" || problem != serviceapi.ActivityNeedsQuickBooksID || len(detail.Messages) != 1 ||
		!strings.Contains(detail.Messages[0], "code") || !strings.Contains(detail.Messages[0], "Use Procore Contract #") {
		t.Fatalf("detail %+v, problem %s", detail, problem)
	}
	if len(result.Rules) != 1 || result.Rules[0].Setting != "useProcoreContractNumber" {
		t.Fatalf("result %+v", result)
	}
	if n := w.S.QB.Asked("PurchaseOrderAddRq", "PurchaseOrderQueryRq"); n != 0 || len(w.S.QB.PurchaseOrderList()) != 0 {
		t.Fatalf("%d purchase order requests reached QuickBooks", n)
	}
}

// An ID typed at export always wins, with the setting on or off.
func TestRule1ATypedIDWins(t *testing.T) {
	for _, on := range []bool{true, false} {
		w := world(t, contractNumber(on))
		detail, result, _ := export(t, w, subcontract(w, "SC-0001-EAST-02", "10543"))
		pos := w.S.QB.PurchaseOrderList()
		if detail.Status != "success" || len(pos) != 1 || pos[0].RefNumber != "10543" || result.Rules[0].Rule != serviceapi.RuleTypedID {
			t.Fatalf("on=%v: detail %+v, %+v, result %+v", on, detail, pos, result)
		}
	}
}

// A commitment sent twice (the approver sent it again, or Procore
// delivered it twice) is one purchase order: the second finds the first
// by the service's mark.
func TestACommitmentExportedAgainIsFoundNotAdded(t *testing.T) {
	w := world(t, contractNumber(true))
	request, detailID, _, _ := w.Emu.ExportCommitment(erpworld.Company, subcontract(w, "SC-7", ""))
	w.Round()
	w.Session()
	w.Round()
	first, _, _ := w.S.DB.ERPRequest(context.Background(), request)
	var data procoreemu.Record
	if err := json.Unmarshal([]byte(first.Data), &data); err != nil {
		t.Fatal(err)
	}
	delete(data, "request_detail_id")
	detail, again := w.Send("create_commitment", data)
	if d, _ := w.Emu.RequestDetail(detailID); d.Status != "success" || detail.Status != "success" ||
		len(w.S.QB.PurchaseOrderList()) != 1 || !strings.Contains(again.Result, `"found":1`) {
		t.Fatalf("again: %+v, %d purchase orders, %s", detail, len(w.S.QB.PurchaseOrderList()), again.Result)
	}
}

// Purchase orders turned off in the company file: the export fails with
// the step in QuickBooks, and no purchase order is written.
func TestPurchaseOrdersOffInQuickBooks(t *testing.T) {
	w := world(t, contractNumber(true))
	w.S.QB.SetPreferences(false, true)
	w.Session() // the Web Connector's first answer says the preferences
	detail, result, problem := export(t, w, subcontract(w, "SC-1", ""))
	if detail.Status != "failed" || problem != serviceapi.ActivityPreferenceOff || result.Field != "purchaseOrders" ||
		!strings.Contains(detail.Messages[0], "Inventory and purchase orders") {
		t.Fatalf("detail %+v, problem %s, result %+v", detail, problem, result)
	}
	if len(w.S.QB.PurchaseOrderList()) != 0 {
		t.Fatal("a purchase order was written")
	}
	// Health says the preference, for the app's checklist.
	var health serviceapi.Health
	if code, body, err := w.S.Call(http.MethodGet, "/v1/health", nil); err != nil || code != http.StatusOK || json.Unmarshal(body, &health) != nil ||
		health.QBPreferences == nil || health.QBPreferences.PurchaseOrders == nil || *health.QBPreferences.PurchaseOrders ||
		health.QBPreferences.Estimates == nil || !*health.QBPreferences.Estimates {
		t.Fatalf("health: %d %s %v", code, body, err)
	}
}

// A commitment whose vendor or cost code is not synced with QuickBooks
// fails, saying which, and nothing is written.
func TestACommitmentOfRecordsNotSynced(t *testing.T) {
	w := world(t, contractNumber(true))
	x := subcontract(w, "SC-2", "")
	x.Items[1].CostCodeOrigin = ""
	detail, result, problem := export(t, w, x)
	if detail.Status != "failed" || problem != serviceapi.ActivityNotLinked || result.Field != "costCode" {
		t.Fatalf("cost code: %+v %s %+v", detail, problem, result)
	}
	x = subcontract(w, "SC-3", "")
	x.Vendor = 999999
	if detail, result, _ := export(t, w, x); detail.Status != "failed" || result.Field != "vendor" ||
		!strings.HasPrefix(detail.Messages[0], "Its vendor is not synced") {
		t.Fatalf("vendor: %+v %+v", detail, result)
	}
	if len(w.S.QB.PurchaseOrderList()) != 0 {
		t.Fatal("a purchase order was written")
	}
}

// The way a company starts: QuickBooks' vendors refreshed into Procore's
// ERP tool, one added to Procore from there (linked to its QuickBooks
// vendor), and a commitment to it exported.
func TestACommitmentToAVendorAddedFromQuickBooks(t *testing.T) {
	w := erpworld.New(t, items)
	w.Apply(contractNumber(true))
	if detail, _ := w.Send("sync_vendors", procoreemu.Record{"company_id": erpworld.Company}); detail.Status != "success" {
		t.Fatalf("refresh: %+v", detail)
	}
	vendor, ok := w.Emu.AddStagedVendor(erpworld.Company, apex)
	if !ok {
		t.Fatal("Apex was not staged")
	}
	w.Round() // create_vendor_in_procore, noted
	x := subcontract(w, "SC-0001-EAST-02", "")
	x.Vendor = vendor
	detail, result, _ := export(t, w, x)
	if detail.Status != "success" || len(w.S.QB.PurchaseOrderList()) != 1 || w.S.QB.PurchaseOrderList()[0].VendorListID != apex || result.Rules[0].To != "SC-0001-EAS" {
		t.Fatalf("detail %+v, result %+v", detail, result)
	}
}
