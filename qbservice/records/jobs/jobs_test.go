package jobs_test

import (
	"strings"
	"testing"

	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
)

// Refresh Jobs List: QuickBooks' active jobs end staged in Procore by
// their full names; a customer with jobs is not one, nor is a job a
// Procore project is linked to already, nor an inactive one.
func TestAJobsRefreshEndsStagedInProcore(t *testing.T) {
	w := erpworld.New(t, nil)
	w.Emu.AddProject(erpworld.Company, procoreemu.Record{"name": "Parking Deck", "origin_id": "B0000003-1468535148"})
	detail, r := w.Send("sync_jobs", procoreemu.Record{"company_id": erpworld.Company})
	if detail.Status != "success" || !strings.Contains(r.Result, `"read":4`) || !strings.Contains(r.Result, `"staged":2`) {
		t.Fatalf("detail %+v, result %s", detail, r.Result)
	}
	var names []string
	for _, p := range w.Emu.StagedProjects(erpworld.Company) {
		names = append(names, p["name"].(string)+"="+p["origin_id"].(string))
	}
	if strings.Join(names, ", ") != "Lakeview Health:Clinic Expansion=B0000002-1468535148, Riverside School District=B0000004-1468535148" {
		t.Fatalf("staged %v", names)
	}
}
