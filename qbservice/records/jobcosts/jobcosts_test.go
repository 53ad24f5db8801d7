package jobcosts_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/settings"
	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

const (
	supervision = "8000A002-1" // 01:100, a cost code of the project
	castInPlace = "8000A005-1" // 03:300, another
	division    = "8000A001-1" // 01, no cost code of the project
)

// costWorld is a project exported to QuickBooks with two cost codes, and
// the bookkeeper's job costs in QuickBooks: a bill this month, a check
// forty days ago, a vendor credit, a line on an item that is no cost code
// of the project and one for another job. s are the settings.
func costWorld(t *testing.T, s settings.Settings) (w *erpworld.World, project int64, check string) {
	t.Helper()
	w = erpworld.New(t, erpworld.ProjectItems)
	w.Apply(s)
	request, detail, project, _ := w.Emu.ExportProject(erpworld.Company, procoreemu.ExportedProject{Name: "Clinic West Wing", Customer: "Lakeview Health",
		CostCodes: []procoreemu.ExportedCostCode{{Code: "100", FullCode: "01-100", Name: "Supervision", Standard: supervision},
			{Code: "300", FullCode: "03-300", Name: "Cast-in-place", Standard: castInPlace}}})
	if got, _, _ := w.Played(request, detail); got.Status != "success" {
		t.Fatalf("export %+v", got)
	}
	job := w.Emu.Projects(erpworld.Company)[0]["origin_id"].(string)
	now := time.Now()
	w.S.QB.AddCostTxn(qbwcemu.CostTxn{Kind: "Bill", TxnDate: now.Format("2006-01") + "-01", Lines: []qbwcemu.CostTxnLine{
		{ItemListID: supervision, CustomerListID: job, Amount: "1000.00"},
		{ItemListID: division, CustomerListID: job, Amount: "50.00"},
		{ItemListID: supervision, CustomerListID: erpworld.Clinic, Amount: "7.00"},
	}})
	check = w.S.QB.AddCostTxn(qbwcemu.CostTxn{Kind: "Check", TxnDate: now.AddDate(0, 0, -40).Format("2006-01-02"),
		Lines: []qbwcemu.CostTxnLine{{ItemListID: castInPlace, CustomerListID: job, Amount: "200.00"}}})
	w.S.QB.AddCostTxn(qbwcemu.CostTxn{Kind: "VendorCredit", TxnDate: now.Format("2006-01") + "-01",
		Lines: []qbwcemu.CostTxnLine{{ItemListID: supervision, CustomerListID: job, Amount: "100.00"}}})
	return w, project, check
}

// syncJob plays Procore's sync_single_job for the project through both
// halves; it returns the result the service kept and the job costs
// Procore received, by the origin_id of their cost code's item.
func syncJob(t *testing.T, w *erpworld.World, project int64) (serviceapi.ActivityResult, map[string]map[string]any) {
	t.Helper()
	request := w.Emu.SyncSingleJob(erpworld.Company, project)
	_, result, problem := w.Played(request, 0)
	if problem != "" {
		t.Fatalf("problem %q, result %+v", problem, result)
	}
	calls := w.Calls(http.MethodPatch, "/rest/v1.0/erp_job_costs/sync")
	if len(calls) == 0 {
		t.Fatal("no job costs synced")
	}
	items := map[int64]string{}
	for _, cc := range w.Emu.CostCodes(erpworld.Company, project) {
		origin := cc["origin_id"].(string)
		items[cc["id"].(int64)] = origin[strings.Index(origin, "|")+1:]
	}
	out := map[string]map[string]any{}
	for _, u := range erpworld.Updates(t, calls[len(calls)-1]) {
		out[items[int64(u["cost_code_id"].(float64))]] = u
	}
	return result, out
}

func readOnly() settings.Settings {
	s := settings.Defaults()
	s.DirectCostColumn = settings.DirectCostReadOnly
	return s
}

func editable(hide bool) settings.Settings {
	s := settings.Defaults()
	s.DirectCostColumn, s.HideJobToDateCosts = settings.DirectCostEditable, hide
	return s
}

// configurations are the project configuration PATCHes Procore received.
func configurations(t *testing.T, w *erpworld.World) []bool {
	t.Helper()
	var out []bool
	for _, c := range w.Emu.Calls() {
		if c.Method != http.MethodPatch || c.Status != http.StatusOK || !strings.HasSuffix(c.Path, "/configuration") {
			continue
		}
		var b struct {
			Configuration struct {
				Enabled bool `json:"erp_job_cost_transaction_syncing_enabled"`
			} `json:"configuration"`
		}
		if err := json.Unmarshal(c.Body, &b); err != nil {
			t.Fatal(err)
		}
		out = append(out, b.Configuration.Enabled)
	}
	return out
}

// Rule 3, Read Only: the project asks for its job cost transactions, and
// its job costs go by cost code with job-to-date figures: the bill less
// the credit on Supervision, the check on Cast-in-place; the line on an
// item that is no project cost code, and the other job's, are not
// counted. This month's is the bill less the credit.
func TestRule3ReadOnlyFillsTheDirectCostColumn(t *testing.T) {
	w, project, _ := costWorld(t, readOnly())
	result, costs := syncJob(t, w, project)
	if got := configurations(t, w); len(got) != 1 || !got[0] {
		t.Fatalf("configurations %v", got)
	}
	if p := w.Emu.Projects(erpworld.Company)[0]; p["erp_job_cost_transaction_syncing_enabled"] != true {
		t.Fatalf("project %v", p)
	}
	s, c := costs[supervision], costs[castInPlace]
	if len(costs) != 2 || s["job_to_date_cost"] != 900.0 || s["month_to_date_cost"] != 900.0 || c["job_to_date_cost"] != 200.0 || c["month_to_date_cost"] != 0.0 {
		t.Fatalf("job costs %v", costs)
	}
	if len(result.Rules) != 1 || result.Rules[0].Rule != serviceapi.RuleDirectCostReadOnly {
		t.Fatalf("rules %+v", result.Rules)
	}
	// Sent again, the configuration is not asked again: Procore says the
	// project has it.
	syncJob(t, w, project)
	if got := configurations(t, w); len(got) != 1 {
		t.Fatalf("configurations %v", got)
	}
}

// Rule 3, Editable with Hide off: no transactions asked for (a project
// that had asked is told not to), and job-to-date figures still go.
func TestRule3EditableKeepsTheColumnProcores(t *testing.T) {
	w, project, _ := costWorld(t, readOnly())
	syncJob(t, w, project)
	w.Apply(editable(false))
	result, costs := syncJob(t, w, project)
	if got := configurations(t, w); len(got) != 2 || got[1] {
		t.Fatalf("configurations %v", got)
	}
	if costs[supervision]["job_to_date_cost"] != 900.0 || result.Rules[0].Rule != serviceapi.RuleDirectCostEditable || len(result.Rules) != 1 {
		t.Fatalf("job costs %v, rules %+v", costs, result.Rules)
	}
}

// Rule 3, Editable with Hide on: the job-to-date figures are left out
// (Procore keeps its column hidden), the month's still go; the activity
// names the setting.
func TestRule3HideLeavesJobToDateOut(t *testing.T) {
	w, project, _ := costWorld(t, editable(true))
	result, costs := syncJob(t, w, project)
	if got := configurations(t, w); len(got) != 0 {
		t.Fatalf("configurations %v", got)
	}
	for item, c := range costs {
		if _, sent := c["job_to_date_cost"]; sent {
			t.Fatalf("%s: job to date sent: %v", item, c)
		}
	}
	if costs[supervision]["month_to_date_cost"] != 900.0 || len(result.Rules) != 2 || result.Rules[1].Rule != serviceapi.RuleJobToDateHidden {
		t.Fatalf("job costs %v, rules %+v", costs, result.Rules)
	}
}

// A second sync reads only what changed since the first: a check deleted
// in QuickBooks leaves its cost code at 0.00, and a bill changed there
// counts at its new amount.
func TestJobCostsFollowQuickBooksChanges(t *testing.T) {
	w, project, check := costWorld(t, readOnly())
	syncJob(t, w, project)
	before := len(w.S.QB.Received())
	w.S.QB.DeleteCostTxn(check)
	_, costs := syncJob(t, w, project)
	if costs[castInPlace]["job_to_date_cost"] != 0.0 || costs[supervision]["job_to_date_cost"] != 900.0 {
		t.Fatalf("job costs %v", costs)
	}
	since := 0
	for _, r := range w.S.QB.Received()[before:] {
		if strings.Contains(r, "<FromModifiedDate>") {
			since++
		}
	}
	if since == 0 {
		t.Fatal("the second read asked for everything again")
	}
}

// A job cost Procore refuses is named in the activity by its cost code,
// as Procore shows it, with Procore's reason; the other codes' costs
// are synced all the same.
func TestARefusedJobCostIsNamedByItsCostCode(t *testing.T) {
	w, project, _ := costWorld(t, readOnly())
	for _, cc := range w.Emu.CostCodes(erpworld.Company, project) {
		if strings.HasSuffix(cc["origin_id"].(string), "|"+supervision) {
			w.Emu.RefuseJobCosts(cc["id"].(int64), "Cost code is closed")
		}
	}
	_, result, problem := w.Played(w.Emu.SyncSingleJob(erpworld.Company, project), 0)
	refused := result.Refused
	if problem != serviceapi.ActivityProcoreRefused || len(refused) != 1 || refused[0].Name != "01-100" ||
		strings.Join(refused[0].Reasons, "") != "Cost code is closed" {
		t.Fatalf("problem %q, refused %+v", problem, refused)
	}
	if kept := w.Emu.ERPJobCosts(erpworld.Company, project); len(kept) != 1 || kept[0]["job_to_date_cost"] != json.Number("200.00") {
		t.Fatalf("job costs kept %v", kept)
	}
}
