package budgets_test

import (
	"strings"
	"testing"

	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

const clinic = erpworld.Clinic

// world is Procore with the Clinic Expansion project synced with its
// QuickBooks job, and QuickBooks with the project's items.
func world(t *testing.T) (*erpworld.World, int64) {
	t.Helper()
	w := erpworld.New(t, erpworld.ProjectItems)
	p := w.Emu.AddProject(erpworld.Company, procoreemu.Record{"name": "Clinic Expansion", "origin_id": clinic})
	return w, p["id"].(int64)
}

// exportBudget plays the budget's export through both halves.
func exportBudget(t *testing.T, w *erpworld.World, x procoreemu.ExportedBudget) (procoreemu.Detail, serviceapi.ActivityResult, string) {
	t.Helper()
	request, detail, _ := w.Emu.ExportBudget(erpworld.Company, x)
	return w.Played(request, detail)
}

func line(item, amount string) procoreemu.ExportedBudgetLine {
	return procoreemu.ExportedBudgetLine{CostCodeOrigin: clinic + "|" + item, Amount: amount}
}

// A budget becomes an estimate for its job, a line a budget line at its
// amount; the budget is marked synced with the estimate, and each of its
// transactions with the estimate's line and its own id.
func TestABudgetBecomesAnEstimateForItsJob(t *testing.T) {
	w, project := world(t)
	detail, result, problem := exportBudget(t, w, procoreemu.ExportedBudget{Project: project,
		Lines: []procoreemu.ExportedBudgetLine{line("8000A002-1", "12500.5"), line("8000A005-1", "44.45")}})
	if detail.Status != "success" || detail.Closings != 1 || problem != "" || result.Counts[serviceapi.CountAdded] != 1 {
		t.Fatalf("detail %+v, problem %q, result %+v", detail, problem, result)
	}
	estimates := w.S.QB.EstimateList()
	if len(estimates) != 1 {
		t.Fatalf("%d estimates", len(estimates))
	}
	e := estimates[0]
	if e.CustomerListID != clinic || len(e.Lines) != 2 || e.Lines[0].Amount != "12500.50" || e.Lines[1].Amount != "44.45" ||
		e.Lines[1].ItemListID != "8000A005-1" || result.TxnID != e.TxnID {
		t.Fatalf("estimate %+v, result %+v", e, result)
	}
	if b := w.Emu.Budgets(erpworld.Company); len(b) != 1 || b[0]["origin_id"] != e.TxnID {
		t.Fatalf("budgets %v", b)
	}
	txns := w.Emu.ERPTransactions(erpworld.Company)
	if len(txns) != 2 {
		t.Fatalf("transactions %v", txns)
	}
	for i, tx := range txns {
		if want := e.TxnID + "|" + e.Lines[i].TxnLineID + "|"; tx["synced"] != true || !strings.HasPrefix(tx["origin_id"].(string), want) {
			t.Fatalf("transaction %v, want %s…", tx, want)
		}
	}
}

// Exported again, the estimate is changed to match: a line whose amount
// moved takes it (its TxnLineID kept), a new cost code's line is added,
// and a line the bookkeeper added in QuickBooks on another item stays (a
// change deletes the lines it does not name). Only the new transactions
// are marked synced.
func TestABudgetExportedAgainChangesItsEstimate(t *testing.T) {
	w, project := world(t)
	exportBudget(t, w, procoreemu.ExportedBudget{Project: project, Lines: []procoreemu.ExportedBudgetLine{line("8000A002-1", "100")}})
	before := w.S.QB.EstimateList()[0]
	w.S.QB.Set(func(q *qbwcemu.QuickBooks) {
		e := &q.Estimates[0]
		e.Lines = append(e.Lines, qbwcemu.EstimateLine{TxnLineID: "hand-1", ItemListID: "8000A001-1", Amount: "5.00"})
	})
	detail, result, problem := exportBudget(t, w, procoreemu.ExportedBudget{Project: project,
		Lines: []procoreemu.ExportedBudgetLine{line("8000A002-1", "150"), line("8000A005-1", "20")}})
	if detail.Status != "success" || problem != "" || result.Counts[serviceapi.CountChanged] != 1 {
		t.Fatalf("detail %+v, problem %q, result %+v", detail, problem, result)
	}
	estimates := w.S.QB.EstimateList()
	if len(estimates) != 1 {
		t.Fatalf("%d estimates", len(estimates))
	}
	got := estimates[0].Lines
	if len(got) != 3 || got[0].TxnLineID != before.Lines[0].TxnLineID || got[0].Amount != "150.00" || got[1].TxnLineID != "hand-1" ||
		got[1].Amount != "5.00" || got[2].ItemListID != "8000A005-1" || got[2].Amount != "20.00" {
		t.Fatalf("lines %+v", got)
	}
	syncs := w.Calls("PATCH", "/rest/v1.0/erp_transactions/sync")
	if len(syncs) != 2 || len(erpworld.Updates(t, syncs[1])) != 2 {
		t.Fatalf("%d transaction syncs", len(syncs))
	}
	for _, tx := range w.Emu.ERPTransactions(erpworld.Company) {
		if tx["synced"] != true {
			t.Fatalf("transaction %v", tx)
		}
	}
}

// What QuickBooks could not take ends before it is asked anything: a
// project not synced with a job, a cost code not synced, estimates
// turned off in the company file (as QuickBooks last said).
func TestABudgetQuickBooksCannotTakeIsRefused(t *testing.T) {
	w, project := world(t)
	// Each on a project of its own: a budget keeps its lines.
	for _, c := range []struct {
		origin  string
		line    procoreemu.ExportedBudgetLine
		problem string
		field   string
	}{
		{"", line("8000A002-1", "1"), serviceapi.ActivityNotLinked, "project"},
		{"B0000003-1468535148", procoreemu.ExportedBudgetLine{Amount: "1"}, serviceapi.ActivityNotLinked, "costCode"},
		{"B0000004-1468535148", line("8000A002-1", "1.005"), serviceapi.ActivityInvalidRecord, "amount"},
	} {
		other := w.Emu.AddProject(erpworld.Company, procoreemu.Record{"name": "Another", "origin_id": c.origin})["id"].(int64)
		budget := procoreemu.ExportedBudget{Project: other, Lines: []procoreemu.ExportedBudgetLine{c.line}}
		detail, result, problem := exportBudget(t, w, budget)
		if detail.Status != "failed" || problem != c.problem || result.Field != c.field {
			t.Fatalf("%s: detail %+v, problem %q, result %+v", c.field, detail, problem, result)
		}
	}
	w.S.QB.SetPreferences(true, false)
	w.Session() // QuickBooks says its preferences at each session's start
	detail, result, problem := exportBudget(t, w, procoreemu.ExportedBudget{Project: project, Lines: []procoreemu.ExportedBudgetLine{line("8000A002-1", "5")}})
	if detail.Status != "failed" || problem != serviceapi.ActivityPreferenceOff || result.Field != "estimates" ||
		!strings.Contains(strings.Join(detail.Messages, " "), "Jobs & Estimates") {
		t.Fatalf("detail %+v, problem %q, result %+v", detail, problem, result)
	}
	if n := w.S.QB.Asked("EstimateAddRq", "EstimateQueryRq"); n != 0 {
		t.Fatalf("QuickBooks was asked %d times", n)
	}
}
