package quickbooks

import (
	"strings"
	"testing"

	"qbsettings/serviceapi"
)

// What the service says a request's work did reaches the window as plain
// text of readable length: the rules that shaped a purchase order and its
// TxnID too (contract 1.7), a job's name (1.8), a hostile service's flood
// cut short.
func TestARequestsRulesAreShown(t *testing.T) {
	in := &serviceapi.ActivityResult{TxnID: "1A2-1607111111", Name: "Lakeview Health:Clinic\x1b West Wing", Rules: []serviceapi.ActivityRule{
		{Rule: serviceapi.RuleContractNumber, Setting: "useProcoreContractNumber", From: "SC-0001-EAST-02", To: "SC-0001-EAS", Limit: 11},
		{Rule: "x", From: "a\x1b[31mb" + strings.Repeat("z", 500), Limit: -4},
	}}
	for range 30 {
		in.Rules = append(in.Rules, serviceapi.ActivityRule{Rule: serviceapi.RuleTypedID})
	}
	out := shownResult(in)
	if out.TxnID != in.TxnID || out.Name != "Lakeview Health:Clinic West Wing" || len(out.Rules) != 20 || out.Rules[0] != in.Rules[0] {
		t.Fatalf("shown %+v", out)
	}
	if r := out.Rules[1]; strings.ContainsRune(r.From, '\x1b') || len([]rune(r.From)) > 200 || r.Limit != 0 {
		t.Fatalf("a hostile rule shown as %+v", r)
	}
}
