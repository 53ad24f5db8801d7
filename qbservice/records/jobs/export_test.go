package jobs_test

import (
	"strings"
	"testing"

	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

// clinicWing is a new project of two cost codes from QuickBooks' standard
// list, for the customer Lakeview Health.
func clinicWing() procoreemu.ExportedProject {
	return procoreemu.ExportedProject{Name: "Clinic West Wing", Customer: "Lakeview Health", Address: "12 Lake Rd", City: "Concord", State: "NH", Zip: "03301",
		CostCodes: []procoreemu.ExportedCostCode{
			{Code: "100", FullCode: "01-100", Name: "Supervision", Standard: "8000A002-1"},
			{Code: "300", FullCode: "03-300", Name: "Cast-in-place", Standard: "8000A005-1"},
		}}
}

// exportProject plays the export through both halves: the closed detail,
// the service's result and problem, and Procore's ids of the project and
// its cost codes.
func exportProject(t *testing.T, w *erpworld.World, x procoreemu.ExportedProject) (procoreemu.Detail, serviceapi.ActivityResult, string, int64, []int64) {
	t.Helper()
	request, detail, project, codes := w.Emu.ExportProject(erpworld.Company, x)
	got, result, problem := w.Played(request, detail)
	return got, result, problem, project, codes
}

// jobNamed is QuickBooks' customer or job of a full name.
func jobNamed(w *erpworld.World, fullName string) (qbwcemu.Entity, bool) {
	for _, c := range w.S.QB.CustomerList() {
		if c.FullName == fullName {
			return c, true
		}
	}
	return qbwcemu.Entity{}, false
}

// A new project becomes a job under the customer the approver named,
// with its address; the project is marked synced with the job's ListID,
// each cost code as "<job>|<item>", and their cost types synced. Sent
// again (a lost answer), the job is found by the service's mark, never
// added twice.
func TestAProjectBecomesAJobUnderItsCustomer(t *testing.T) {
	w := erpworld.New(t, erpworld.ProjectItems)
	detail, result, problem, project, codes := exportProject(t, w, clinicWing())
	if detail.Status != "success" || detail.Closings != 1 || problem != "" {
		t.Fatalf("detail %+v, problem %q", detail, problem)
	}
	job, ok := jobNamed(w, "Lakeview Health:Clinic West Wing")
	if !ok || !job.IsActive || job.Address.City != "Concord" || job.Address.PostalCode != "03301" || job.ExternalGUID == "" {
		t.Fatalf("job %+v", job)
	}
	if result.ListID != job.ListID || result.Name != "Lakeview Health:Clinic West Wing" || result.Counts[serviceapi.CountAdded] != 1 {
		t.Fatalf("result %+v", result)
	}
	projects := w.Emu.Projects(erpworld.Company)
	if len(projects) != 1 || projects[0]["id"] != project || projects[0]["origin_id"] != job.ListID {
		t.Fatalf("projects %v", projects)
	}
	costCodes := w.Emu.CostCodes(erpworld.Company, project)
	want := map[int64]string{codes[0]: job.ListID + "|8000A002-1", codes[1]: job.ListID + "|8000A005-1"}
	for _, cc := range costCodes {
		types := cc["line_item_types"].([]procoreemu.Record)
		if cc["origin_id"] != want[cc["id"].(int64)] || len(types) != 1 || types[0]["synced"] != true {
			t.Fatalf("cost code %v", cc)
		}
	}
	if n := len(w.Calls("PATCH", "/rest/v1.0/cost_code_line_item_types/sync")); n != 1 {
		t.Fatalf("%d cost type syncs", n)
	}

	// Reset by Procore's support (unsynced), then exported again: the job
	// is found by the service's mark, and linked again.
	before := len(w.S.QB.CustomerList())
	x := clinicWing()
	x.ID = project
	w.Emu.ResetJob(erpworld.Company, project)
	detail, result, _, _, _ = exportProject(t, w, x)
	if detail.Status != "success" || result.Counts[serviceapi.CountFound] != 1 || len(w.S.QB.CustomerList()) != before {
		t.Fatalf("detail %+v, result %+v, %d customers", detail, result, len(w.S.QB.CustomerList()))
	}
}

// A project exported again (synced: its origin_id is its job's) changes
// its job to match: its new name, and QuickBooks' EditSequence read
// first; the job keeps its customer. A stale EditSequence (changed in
// QuickBooks meanwhile) is read again, once.
func TestAProjectExportedAgainChangesItsJob(t *testing.T) {
	w := erpworld.New(t, erpworld.ProjectItems)
	_, _, _, project, _ := exportProject(t, w, clinicWing())
	job, _ := jobNamed(w, "Lakeview Health:Clinic West Wing")
	w.S.QB.ChangeCustomer(job.ListID, func(e *qbwcemu.Entity) {}) // the bookkeeper saved it once in QuickBooks
	x := clinicWing()
	x.ID, x.Name, x.City = project, "Clinic West Wing Phase 2", "Manchester"
	detail, result, problem, _, _ := exportProject(t, w, x)
	if detail.Status != "success" || problem != "" || result.Counts[serviceapi.CountChanged] != 1 {
		t.Fatalf("detail %+v, result %+v, problem %q", detail, result, problem)
	}
	changed, ok := jobNamed(w, "Lakeview Health:Clinic West Wing Phase 2")
	if !ok || changed.ListID != job.ListID || changed.Address.City != "Manchester" {
		t.Fatalf("job %+v", changed)
	}
	if n := w.S.QB.Asked("CustomerAddRq"); n != 1 {
		t.Fatalf("%d adds", n)
	}
}

// A name QuickBooks has already (a customer, a job or a vendor the
// service did not add) fails with a message that says "code", so Procore
// lets the user type another QuickBooks ID; nothing is added. The ID
// typed then names the job, and the export goes through.
func TestADuplicateJobNameFailsSayingCode(t *testing.T) {
	w := erpworld.New(t, erpworld.ProjectItems)
	x := clinicWing()
	x.Name = "Clinic Expansion" // Lakeview Health:Clinic Expansion is there
	detail, result, problem, project, _ := exportProject(t, w, x)
	if detail.Status != "failed" || problem != serviceapi.ActivityNameInUse || result.Name != "Lakeview Health:Clinic Expansion" {
		t.Fatalf("detail %+v, problem %q, result %+v", detail, problem, result)
	}
	if msg := strings.Join(detail.Messages, " "); !strings.Contains(msg, "code") || !strings.Contains(msg, "Lakeview Health:Clinic Expansion") {
		t.Fatalf("messages %q", detail.Messages)
	}
	if n := w.S.QB.Asked("CustomerAddRq"); n != 0 {
		t.Fatalf("%d adds", n)
	}
	// A vendor's name, found only by the add (one list of names): the
	// project is new, at the top of the list.
	x.Name, x.Customer = "Apex Concrete Supply", ""
	detail, _, problem, _, _ = exportProject(t, w, x)
	if detail.Status != "failed" || problem != serviceapi.ActivityNameInUse {
		t.Fatalf("detail %+v, problem %q", detail, problem)
	}
	// The user types another QuickBooks ID and exports the first project
	// again: it names the job.
	x.Code, x.ID = "2301 Clinic Exp", project
	detail, result, _, _, _ = exportProject(t, w, x)
	if _, ok := jobNamed(w, "2301 Clinic Exp"); detail.Status != "success" || !ok || result.Name != "2301 Clinic Exp" {
		t.Fatalf("detail %+v, result %+v", detail, result)
	}
}

// What QuickBooks could not hold ends before it is asked anything: a
// name with a colon or of 42 characters, a cost code not from the
// QuickBooks list, a customer QuickBooks does not have (QuickBooks' own
// refusal, with its words).
func TestAProjectQuickBooksCannotHoldIsRefused(t *testing.T) {
	w := erpworld.New(t, erpworld.ProjectItems)
	for _, c := range []struct {
		change  func(*procoreemu.ExportedProject)
		problem string
		field   string
	}{
		{func(x *procoreemu.ExportedProject) { x.Name = "Clinic: West" }, serviceapi.ActivityInvalidRecord, "name"},
		{func(x *procoreemu.ExportedProject) { x.Code = strings.Repeat("J", 42) }, serviceapi.ActivityInvalidRecord, "origin_code"},
		{func(x *procoreemu.ExportedProject) { x.City = "Concord\x07" }, serviceapi.ActivityInvalidRecord, "city"},
		{func(x *procoreemu.ExportedProject) { x.CostCodes[1].Standard = "" }, serviceapi.ActivityNotLinked, "projectCostCodes"},
	} {
		x := clinicWing()
		c.change(&x)
		detail, result, problem, _, _ := exportProject(t, w, x)
		if detail.Status != "failed" || problem != c.problem || result.Field != c.field {
			t.Fatalf("%s: detail %+v, problem %q, result %+v", c.field, detail, problem, result)
		}
	}
	if n := w.S.QB.Asked("CustomerAddRq", "CustomerQueryRq"); n != 0 {
		t.Fatalf("QuickBooks was asked %d times", n)
	}
	x := clinicWing()
	x.Customer = "Nobody Inc"
	detail, result, problem, _, _ := exportProject(t, w, x)
	if detail.Status != "failed" || problem != serviceapi.ActivityQuickBooksRefused || result.QuickBooks.StatusCode != 3140 {
		t.Fatalf("detail %+v, problem %q, result %+v", detail, problem, result)
	}
}
