package costcodes_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

// QuickBooks' Service items, in tiers, one inactive under an active
// parent, one active under an inactive parent; and an Other Charge item,
// which is no cost code.
var items = []qbwcemu.Item{
	{Kind: "Service", ListID: "8000A001-1", Name: "01", FullName: "01", IsActive: true, EditSequence: "1", Description: "General Requirements"},
	{Kind: "Service", ListID: "8000A002-1", Name: "100", FullName: "01:100", IsActive: true, EditSequence: "1", Description: "Supervision"},
	{Kind: "Service", ListID: "8000A003-1", Name: "200", FullName: "01:200", IsActive: false, EditSequence: "1"},
	{Kind: "Service", ListID: "8000A004-1", Name: "03", FullName: "03", IsActive: false, EditSequence: "1", Description: "Concrete"},
	{Kind: "Service", ListID: "8000A005-1", Name: "300", FullName: "03:300", IsActive: true, EditSequence: "1"},
	{Kind: "OtherCharge", ListID: "9000A001-1", Name: "Freight", FullName: "Freight", IsActive: true},
}

// A cost-code refresh: QuickBooks' Service items end in Procore's ERP
// Standard Cost Code List, a parent before its children with its Procore
// id, the inactive ones left out unless an active one is under them;
// the cost type is "Other".
func TestACostCodeRefreshEndsInProcoresList(t *testing.T) {
	w := erpworld.New(t, items)
	detail, r := w.Send("sync_standard_cost_codes", procoreemu.Record{"standard_cost_code_list_id": 1})
	if detail.Status != "success" || !strings.Contains(r.Result, `"synced":4`) {
		t.Fatalf("detail %+v, result %s", detail, r.Result)
	}
	codes := w.Emu.StandardCostCodes(erpworld.Company)
	byOrigin := map[string]procoreemu.Record{}
	for _, c := range codes {
		byOrigin[c["origin_id"].(string)] = c
	}
	if len(codes) != 4 || byOrigin["8000A003-1"] != nil || byOrigin["9000A001-1"] != nil {
		t.Fatalf("codes %v", codes)
	}
	top, sub := byOrigin["8000A001-1"], byOrigin["8000A002-1"]
	if top["code"] != "01" || top["name"] != "General Requirements" || sub["code"] != "100" || sub["name"] != "Supervision" ||
		num(sub["parent_id"]) != num(top["id"]) || num(byOrigin["8000A005-1"]["parent_id"]) != num(byOrigin["8000A004-1"]["id"]) {
		t.Fatalf("top %v, sub %v", top, sub)
	}
	calls := w.Calls(http.MethodPatch, "/rest/v1.0/standard_cost_codes/sync")
	if len(calls) != 2 {
		t.Fatalf("%d calls: a tier each", len(calls))
	}

	request, _ := w.Emu.SendToERP(erpworld.Company, "sync_standard_categories", procoreemu.Record{}, false)
	w.Round()
	kept, _, _ := w.S.DB.ERPRequest(context.Background(), request)
	types := w.Calls(http.MethodPatch, "/rest/v1.0/line_item_types/sync")
	if kept.Outcome != "success" || len(types) != 1 || erpworld.Updates(t, types[0])[0]["name"] != "Other" {
		t.Fatalf("cost type: %+v, %d calls", kept, len(types))
	}
}

func num(v any) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case float64:
		return int64(n)
	case interface{ Int64() (int64, error) }:
		i, _ := n.Int64()
		return i
	}
	return -1
}

// A cost-code export: each code ends a Service item under its parent
// (one known by its origin_id, one exported with it), marked synced, its
// own Request Detail closed; a code QuickBooks could not hold fails alone
// with the reason, and is never sent to QuickBooks; exported again, the
// codes are found, not added twice.
func TestACostCodeExportEndsAddedAndEachDetailClosed(t *testing.T) {
	w := erpworld.New(t, items)
	w.Send("sync_standard_cost_codes", procoreemu.Record{"standard_cost_code_list_id": 1})
	// Procore's new codes: one under 01 (which QuickBooks has), a new
	// parent 02 with a child exported with it, and one too long.
	request, ids, details := w.Emu.ExportCostCodes(erpworld.Company, []procoreemu.ExportedCode{
		{Code: "150", Name: "Temporary Facilities", ParentOriginID: "8000A001-1", Parent: -1},
		{Code: "02", Name: "Sitework", Parent: -1},
		{Code: "210", Name: "Site Clearing", Parent: 1},
		{Code: strings.Repeat("9", 32), Name: "Too long", Parent: -1},
	})
	w.Round()
	w.Session()
	w.Round()
	kept, _, _ := w.S.DB.ERPRequest(context.Background(), request)
	if kept.State != "closed" || kept.Problem != serviceapi.ActivityInvalidRecord || !strings.Contains(kept.Result, `"added":3`) {
		t.Fatalf("request %+v", kept)
	}
	for i, want := range []string{"success", "success", "success", "failed"} {
		if d, _ := w.Emu.RequestDetail(details[i]); d.Status != want || d.Closings != 1 {
			t.Errorf("detail %d: %+v", i, d)
		}
	}
	if d, _ := w.Emu.RequestDetail(details[3]); len(d.Messages) != 1 || !strings.Contains(d.Messages[0], "at most 31 characters") {
		t.Errorf("too long: %+v", d)
	}
	made := map[string]string{}
	for _, it := range w.S.QB.ItemList() {
		made[it.FullName] = it.ListID
	}
	for _, full := range []string{"01:150", "02", "02:210"} {
		if made[full] == "" {
			t.Fatalf("%s not in QuickBooks: %v", full, made)
		}
	}
	for _, c := range w.Emu.StandardCostCodes(erpworld.Company) {
		if id := num(c["id"]); id == ids[0] && c["origin_id"] != made["01:150"] || id == ids[2] && c["origin_id"] != made["02:210"] {
			t.Fatalf("not synced: %v", c)
		}
	}
	// A code the bookkeeper made in QuickBooks meanwhile is found by its
	// full name and linked, not added twice.
	w.S.QB.Set(func(q *qbwcemu.QuickBooks) {
		q.Items = append(q.Items, qbwcemu.Item{Kind: "Service", ListID: "8000A009-1", Name: "04", FullName: "04", IsActive: true, EditSequence: "1"})
	})
	again, _, _ := w.Emu.ExportCostCodes(erpworld.Company, []procoreemu.ExportedCode{{Code: "04", Name: "Metals", Parent: -1}})
	w.Round()
	w.Session()
	w.Round()
	if kept, _, _ := w.S.DB.ERPRequest(context.Background(), again); kept.Outcome != "success" || !strings.Contains(kept.Result, `"found":1`) ||
		strings.Count(strings.Join(w.S.QB.Received(), ""), "<ItemServiceAddRq") != 3 {
		t.Fatalf("again: %+v", kept)
	}
	sent := strings.Join(w.S.QB.Received(), "")
	if strings.Count(sent, "<ItemServiceAddRq") != 3 || strings.Contains(sent, strings.Repeat("9", 32)) {
		t.Fatalf("adds: %d", strings.Count(sent, "<ItemServiceAddRq"))
	}
}

// The Invoice Retainage Item is no cost code: a refresh leaves it out of
// Procore's list (and its inactive parent with it, having no active
// code under it), and says so.
func TestTheRetainageItemIsNoCostCode(t *testing.T) {
	w := erpworld.New(t, items)
	s := settings.Defaults()
	s.RetainageItem = settings.ItemRef{ListID: "8000A005-1", FullName: "03:300"}
	w.Apply(s)
	detail, r := w.Send("sync_standard_cost_codes", procoreemu.Record{"standard_cost_code_list_id": 1})
	if detail.Status != "success" || !strings.Contains(r.Result, `"synced":2`) || !strings.Contains(r.Result, `"rule":"retainageItemLeftOut"`) {
		t.Fatalf("detail %+v, result %s", detail, r.Result)
	}
	for _, c := range w.Emu.StandardCostCodes(erpworld.Company) {
		if c["origin_id"] == "8000A005-1" {
			t.Fatalf("the retainage item is a cost code in Procore: %v", c)
		}
	}
}
