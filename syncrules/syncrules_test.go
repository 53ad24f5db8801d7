package syncrules

import (
	"errors"
	"testing"

	"qbsettings/serviceapi"
)

// Rule 1 as erp-integrator.md §2 writes it as tests.
func TestPONumber(t *testing.T) {
	cases := []struct {
		typed, number string
		on            bool
		want          serviceapi.ActivityRule
		err           error
	}{
		{"", "SC-001-ABCDEF", true, serviceapi.ActivityRule{Rule: serviceapi.RuleContractNumber, Setting: "useProcoreContractNumber", From: "SC-001-ABCDEF", To: "SC-001-ABCD", Limit: 11}, nil},
		{"", " SC-7 ", true, serviceapi.ActivityRule{Rule: serviceapi.RuleContractNumber, Setting: "useProcoreContractNumber", From: "SC-7", To: "SC-7"}, nil},
		{"X1", "SC-001-ABCDEF", true, serviceapi.ActivityRule{Rule: serviceapi.RuleTypedID, Setting: "useProcoreContractNumber", From: "X1", To: "X1"}, nil},
		{"X1", "SC-001-ABCDEF", false, serviceapi.ActivityRule{Rule: serviceapi.RuleTypedID, Setting: "useProcoreContractNumber", From: "X1", To: "X1"}, nil},
		{"", "SC-001-ABCDEF", false, serviceapi.ActivityRule{Rule: serviceapi.RuleContractNumber, Setting: "useProcoreContractNumber"}, ErrNoQuickBooksID},
		{"ABCDEFGHIJKL", "", true, serviceapi.ActivityRule{}, ErrTypedID},
		{"A\u200bB", "", true, serviceapi.ActivityRule{}, ErrTypedID},
		{"", "  ", true, serviceapi.ActivityRule{}, ErrContractNumber},
		{"", "ÉTÉ-ÉCOLE-0001", true, serviceapi.ActivityRule{Rule: serviceapi.RuleContractNumber, Setting: "useProcoreContractNumber", From: "ÉTÉ-ÉCOLE-0001", To: "ÉTÉ-ÉCOLE-0", Limit: 11}, nil},
	}
	for _, c := range cases {
		got, err := PONumber(c.typed, c.number, c.on)
		if got != c.want || !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
			t.Errorf("PONumber(%q, %q, %v) = %+v, %v", c.typed, c.number, c.on, got, err)
		}
	}
}
