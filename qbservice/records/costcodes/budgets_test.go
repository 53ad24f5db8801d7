package costcodes_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

// gym is a Service item the bookkeeper adds to QuickBooks under 01 after
// the cost codes were first refreshed: a cost code new in QuickBooks.
var gym = qbwcemu.Item{Kind: "Service", ListID: "8000A009-1", Name: "400", FullName: "01:400", IsActive: true, EditSequence: "1", Description: "Gym floor"}

// newCodeWorld is a company whose cost codes were refreshed once, with a
// project synced with the Clinic Expansion job (it has 01 already) and
// one not synced; then QuickBooks gains gym. s are the settings.
func newCodeWorld(t *testing.T, s settings.Settings) (w *erpworld.World, synced, unsynced int64) {
	t.Helper()
	w = erpworld.New(t, items)
	w.Apply(s)
	w.Send("sync_standard_cost_codes", procoreemu.Record{})
	_, _, synced, _ = exportedProject(t, w)
	unsynced = w.Emu.AddProject(erpworld.Company, procoreemu.Record{"name": "Bid: Riverside Gym"})["id"].(int64)
	w.S.QB.Set(func(q *qbwcemu.QuickBooks) { q.Items = append(q.Items, gym) })
	return w, synced, unsynced
}

// exportedProject is a project exported to QuickBooks with the cost code
// 01 (and its Other cost type).
func exportedProject(t *testing.T, w *erpworld.World) (procoreemu.Detail, serviceapi.ActivityResult, int64, []int64) {
	t.Helper()
	request, detail, project, codes := w.Emu.ExportProject(erpworld.Company, procoreemu.ExportedProject{Name: "Clinic West Wing",
		Customer: "Lakeview Health", CostCodes: []procoreemu.ExportedCostCode{{Code: "01", FullCode: "01", Name: "General Requirements", Standard: "8000A001-1"}}})
	got, result, _ := w.Played(request, detail)
	if got.Status != "success" {
		t.Fatalf("project export %+v", got)
	}
	return got, result, project, codes
}

// refresh plays a cost-code refresh and returns its result.
func refresh(t *testing.T, w *erpworld.World) (procoreemu.Detail, serviceapi.ActivityResult) {
	t.Helper()
	request, detail := w.Emu.SendToERP(erpworld.Company, "sync_standard_cost_codes", procoreemu.Record{}, true)
	got, result, _ := w.Played(request, detail)
	return got, result
}

// Rule 2 on: a cost code new in QuickBooks becomes a cost code of the
// project synced with QuickBooks, under its parent, with the cost type
// Other, and exactly one budget line of 0.00 on it; the project not
// synced gets none. The activity names the code and the budgets. A
// refresh again adds nothing.
func TestRule2OnANewCostCodeJoinsTheSyncedProjectsBudget(t *testing.T) {
	s := settings.Defaults()
	s.AutoAddNewCostCodes = true
	w, synced, unsynced := newCodeWorld(t, s)
	detail, result := refresh(t, w)
	if detail.Status != "success" {
		t.Fatalf("detail %+v", detail)
	}
	var gymCode, division procoreemu.Record
	for _, cc := range w.Emu.CostCodes(erpworld.Company, synced) {
		switch origin, _ := cc["origin_id"].(string); {
		case len(origin) > 11 && origin[len(origin)-10:] == "8000A009-1":
			gymCode = cc
		case len(origin) > 11 && origin[len(origin)-10:] == "8000A001-1":
			division = cc
		}
	}
	if gymCode == nil || gymCode["code"] != "400" || gymCode["name"] != "Gym floor" || num(gymCode["parent_id"]) != num(division["id"]) {
		t.Fatalf("cost codes %v", w.Emu.CostCodes(erpworld.Company, synced))
	}
	if types, _ := gymCode["line_item_types"].([]procoreemu.Record); len(types) != 1 || types[0]["synced"] != true {
		t.Fatalf("cost types %v", gymCode["line_item_types"])
	}
	lines := w.Emu.BudgetLineItems(erpworld.Company, synced)
	if len(lines) != 1 || num(lines[0]["cost_code_id"]) != num(gymCode["id"]) || lines[0]["original_budget_amount"] != json.Number("0") {
		t.Fatalf("budget lines %v", lines)
	}
	if len(w.Emu.CostCodes(erpworld.Company, unsynced)) != 0 || len(w.Emu.BudgetLineItems(erpworld.Company, unsynced)) != 0 {
		t.Fatal("a project not synced with QuickBooks was given the cost code")
	}
	if !hasRule(result, serviceapi.RuleAddedToBudgets, "01:400", "1") {
		t.Fatalf("rules %+v", result.Rules)
	}
	refresh(t, w)
	if n := len(w.Emu.BudgetLineItems(erpworld.Company, synced)); n != 1 {
		t.Fatalf("%d budget lines after a second refresh", n)
	}
}

// Rule 2 off: the new cost code reaches the standard list, and no
// project: no project cost code, no budget line; the activity says the
// setting kept it out.
func TestRule2OffNoProjectGetsTheNewCostCode(t *testing.T) {
	w, synced, _ := newCodeWorld(t, settings.Defaults())
	detail, result := refresh(t, w)
	if detail.Status != "success" || len(w.Emu.BudgetLineItems(erpworld.Company, synced)) != 0 ||
		len(w.Calls(http.MethodPatch, "/rest/v1.0/cost_codes/sync")) != 0 || len(w.Calls(http.MethodPost, "/rest/v1.0/budget_line_items/sync")) != 0 {
		t.Fatalf("detail %+v, budget lines %v", detail, w.Emu.BudgetLineItems(erpworld.Company, synced))
	}
	if !hasRule(result, serviceapi.RuleNotAddedToBudgets, "01:400", "") {
		t.Fatalf("rules %+v", result.Rules)
	}
}

// A budget Procore keeps locked refuses the line: the cost code is the
// project's, and the refresh fails naming the project, with Procore's
// words.
func TestRule2ALockedBudgetIsSaid(t *testing.T) {
	s := settings.Defaults()
	s.AutoAddNewCostCodes = true
	w, synced, _ := newCodeWorld(t, s)
	w.Emu.LockBudget(erpworld.Company, synced)
	detail, result := refresh(t, w)
	if detail.Status != "failed" || len(result.Refused) != 1 || result.Refused[0].Name != "Clinic West Wing" {
		t.Fatalf("detail %+v, result %+v", detail, result)
	}
}

func hasRule(r serviceapi.ActivityResult, rule, from, to string) bool {
	for _, x := range r.Rules {
		if x.Rule == rule && x.From == from && x.To == to && x.Setting == string(settings.FieldAutoAddNewCostCodes) {
			return true
		}
	}
	return false
}
