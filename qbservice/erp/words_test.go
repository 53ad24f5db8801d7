package erp

import (
	"strings"
	"testing"

	"qbsettings/serviceapi"
)

// Procore's ERP tool shows a record Procore refused with its reasons, or
// that it gave none: never an empty reason.
func TestARefusalWithoutAReasonSaysSo(t *testing.T) {
	got := procoreRefused("sync_job_costs", []serviceapi.ActivityRefused{{Name: "01-100"}, {Name: "03-300", Reasons: []string{"Cost code is closed", "amount: too big"}}})
	if len(got) != 3 || got[1] != "01-100: no reason given" || got[2] != "03-300: Cost code is closed; amount: too big" {
		t.Fatalf("%q", got)
	}
	if one := detailMessages("create_standard_cost_codes", serviceapi.ActivityDetail{Problem: serviceapi.ActivityProcoreRefused}); strings.Join(one, "") != "Procore refused it: no reason given" {
		t.Fatalf("%q", one)
	}
}
