package erp

import (
	"testing"

	"qbsettings/backend/settings"
)

// The commitments' QuickBooks ID is held to the purchase order number's
// 11 characters, and required only when Use Procore Contract # is off
// (rule 1); Procore's own checkbox for it stays hidden.
func TestCommitmentRulesFollowTheContractNumberSetting(t *testing.T) {
	for _, on := range []bool{true, false} {
		s := settings.Defaults()
		s.UseProcoreContractNumber = on
		md := Metadata(Handled(), s)["settings"].(map[string]any)["entities"].(map[string]any)["commitments"].(map[string]any)
		code := md["rules"].(map[string]any)["export"].(map[string]any)["fields"].(map[string]any)["code"].(map[string]any)["validation"].(map[string]any)
		present := code["present"].(map[string]any)["enabled"]
		length := code["max_length"].(map[string]any)["length"]
		checkbox := md["configs"].(map[string]any)["procore_contract_number"].(map[string]any)["enabled"]
		if present != !on || length != 11 || checkbox != false {
			t.Errorf("on=%v: present %v, length %v, checkbox %v", on, present, length, checkbox)
		}
	}
}

// Projects and budgets may be exported again (their job and estimate are
// changed to match); commitments may not. The jobs' export names the
// QuickBooks customer in a custom field, and holds the QuickBooks ID
// typed at export (the job's name) to 41 characters.
func TestProjectsAndBudgetsMayBeExportedAgain(t *testing.T) {
	entities := Metadata(Handled(), settings.Defaults())["settings"].(map[string]any)["entities"].(map[string]any)
	update := func(entity string) any {
		export := entities[entity].(map[string]any)["configs"].(map[string]any)["export"].(map[string]any)
		return export["update"].(map[string]any)["enabled"]
	}
	if update("jobs") != true || update("budgets") != true || update("commitments") != false {
		t.Fatalf("update: jobs %v, budgets %v, commitments %v", update("jobs"), update("budgets"), update("commitments"))
	}
	jobs := entities["jobs"].(map[string]any)
	custom := jobs["configs"].(map[string]any)["export"].(map[string]any)["custom_fields"].([]any)[0].(map[string]any)
	code := jobs["rules"].(map[string]any)["export"].(map[string]any)["fields"].(map[string]any)["origin_code"].(map[string]any)
	length := code["validation"].(map[string]any)["max_length"].(map[string]any)["length"]
	if custom["key"] != "quickbooks_customer" || custom["type"] != "string" || length != 41 {
		t.Fatalf("custom field %v, origin_code length %v", custom, length)
	}
}

// Rule 3 in the metadata: Read Only lets a project ask for its job cost
// transactions; Editable does not, and with Hide on the job-to-date
// column is off.
func TestJobCostMetadataFollowsRule3(t *testing.T) {
	for _, c := range []struct {
		column   settings.DirectCostColumn
		hide     bool
		imported bool
		jtd      bool
	}{
		{settings.DirectCostReadOnly, true, true, true},
		{settings.DirectCostEditable, false, false, true},
		{settings.DirectCostEditable, true, false, false},
	} {
		s := settings.Defaults()
		s.DirectCostColumn, s.HideJobToDateCosts = c.column, c.hide
		entities := Metadata(Handled(), s)["settings"].(map[string]any)["entities"].(map[string]any)
		transactions := entities["job_cost_transactions"].(map[string]any)["configs"].(map[string]any)["import"].(map[string]any)["enabled"]
		columns := entities["job_costs"].(map[string]any)["tab"].(map[string]any)["columns"].(map[string]any)
		jtd := columns["job_to_date_cost"].(map[string]any)["enabled"]
		if transactions != c.imported || jtd != c.jtd {
			t.Errorf("%s, hide %v: transactions %v, job to date %v", c.column, c.hide, transactions, jtd)
		}
	}
}
