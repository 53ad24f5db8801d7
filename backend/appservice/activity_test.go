package appservice

import (
	"strings"
	"testing"

	"qbsettings/serviceapi"
)

// A commitment's activity names the rule that gave its purchase order
// its number, and the setting by the form's label; a failure says the
// step that mends it.
func TestACommitmentsActivityNamesItsRules(t *testing.T) {
	r := &serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountAdded: 1}, TxnID: "1A2-1",
		Rules: []serviceapi.ActivityRule{
			{Rule: serviceapi.RuleContractNumber, Setting: "useProcoreContractNumber", From: "SC-0001-EAST-02", To: "SC-0001-EAS", Limit: 11},
			{Rule: serviceapi.RuleVendorMessageCut, Limit: 99},
			{Rule: "someRuleOfLater"},
		}}
	var lines []string
	for _, said := range activityDetails(r) {
		lines = append(lines, said.Text())
	}
	want := "1 added to QuickBooks|PO number SC-0001-EAS from the contract number SC-0001-EAST-02, cut to QuickBooks' 11 characters (Use Procore Contract #)|Vendor Message cut to QuickBooks' 99 characters"
	if strings.Join(lines, "|") != want {
		t.Fatalf("lines %q", lines)
	}
	typed := activityDetails(&serviceapi.ActivityResult{Rules: []serviceapi.ActivityRule{{Rule: serviceapi.RuleTypedID, To: "10543"}}})
	if typed[0].Text() != "PO number 10543, the QuickBooks ID typed at export (it wins over Use Procore Contract #)" {
		t.Fatalf("typed: %q", typed[0].Text())
	}
	for problem, want := range map[string]string{
		serviceapi.ActivityNeedsQuickBooksID: "Use Procore Contract # is off",
		serviceapi.ActivityNotLinked:         "export the vendor to QuickBooks",
		serviceapi.ActivityPreferenceOff:     "Inventory and purchase orders are active",
	} {
		field := map[string]string{serviceapi.ActivityNotLinked: "vendor", serviceapi.ActivityPreferenceOff: "purchaseOrders"}[problem]
		if got := problemSaid(problem, &serviceapi.ActivityResult{Field: field}).Text(); !strings.Contains(got, want) {
			t.Errorf("%s: %q", problem, got)
		}
	}
}

// A cost-code refresh names the new cost codes and what rule 2 did with
// them; a project's export names its job, and a name in use says so.
func TestProjectsAndNewCostCodesAreWorded(t *testing.T) {
	r := &serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountSynced: 5}, Rules: []serviceapi.ActivityRule{
		{Rule: serviceapi.RuleAddedToBudgets, Setting: "autoAddNewCostCodes", From: "01:400", To: "2"},
		{Rule: serviceapi.RuleNotAddedToBudgets, Setting: "autoAddNewCostCodes", From: "01:500"},
	}}
	var lines []string
	for _, said := range activityDetails(r) {
		lines = append(lines, said.Text())
	}
	want := "5 synced to Procore|Cost code 01:400, new in QuickBooks, added to the budgets of 2 projects synced with QuickBooks (Automatically Add New Cost Codes to Budgets on QuickBooks-Integrated Projects)|" +
		"Cost code 01:500, new in QuickBooks, not added to project budgets: Automatically Add New Cost Codes to Budgets on QuickBooks-Integrated Projects is off"
	if strings.Join(lines, "|") != want {
		t.Fatalf("lines %q", lines)
	}
	if got := problemSaid(serviceapi.ActivityNameInUse, &serviceapi.ActivityResult{Name: "Lakeview Health:Clinic Expansion"}).Text(); !strings.Contains(got, "named Lakeview Health:Clinic Expansion") {
		t.Fatalf("name in use: %q", got)
	}
	if got := activityDetails(&serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountChanged: 1}})[0].Text(); got != "1 changed in QuickBooks to match Procore" {
		t.Fatalf("changed: %q", got)
	}
	// A record Procore refused without a reason, in a list and alone.
	if got := activityDetails(&serviceapi.ActivityResult{Refused: []serviceapi.ActivityRefused{{Name: "01-100"}}})[0].Text(); got != "01-100: no reason given" {
		t.Fatalf("refused: %q", got)
	}
	if got := detailSaid(serviceapi.ActivityDetail{Problem: serviceapi.ActivityProcoreRefused, Reasons: []string{""}}).Text(); got != "Not done: Procore refused it: no reason given" {
		t.Fatalf("refused alone: %q", got)
	}
}
