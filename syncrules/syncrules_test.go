package syncrules

import (
	"errors"
	"testing"

	"qbsettings/backend/settings"
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

// Rule 5 as erp-integrator.md §2 writes it as tests: two lines of 500.00
// with 10.00 held on each give 500.00, 500.00 and -20.00; an unset item
// fails; a total below zero fails.
func TestRetainage(t *testing.T) {
	item := settings.ItemRef{ListID: "80000000-1", FullName: "Retainage Payable"}
	rules, err := Retainage(item, 2000, 0)
	if err != nil || len(rules) != 1 || rules[0].Rule != serviceapi.RuleRetainageHeld || rules[0].To != "-20.00" || rules[0].From != "Retainage Payable" {
		t.Fatalf("held: %+v %v", rules, err)
	}
	if total, err := BillTotal([]int64{50000, 50000}, 2000, 0); total != 98000 || err != nil {
		t.Fatalf("total %d %v", total, err)
	}
	rules, _ = Retainage(item, 0, 125050)
	if len(rules) != 1 || rules[0].Rule != serviceapi.RuleRetainageReleased || rules[0].To != "1250.50" {
		t.Fatalf("released: %+v", rules)
	}
	if rules, err := Retainage(item, 0, 0); len(rules) != 0 || err != nil {
		t.Fatalf("none: %+v %v", rules, err)
	}
	if _, err := Retainage(settings.ItemRef{}, 0, 0); !errors.Is(err, ErrNoRetainageItem) {
		t.Fatalf("unset: %v", err)
	}
	if _, err := BillTotal([]int64{1000}, 2000, 0); !errors.Is(err, ErrNegativeBill) {
		t.Fatalf("negative: %v", err)
	}
}

// Rule 3 across its three cases: Read Only imports the transactions and
// sends job-to-date figures whatever Hide says; Editable does not import
// them, and sends job-to-date figures unless Hide is on.
func TestRule3DirectCosts(t *testing.T) {
	for _, c := range []struct {
		column   settings.DirectCostColumn
		hide     bool
		imported bool
		sent     bool
	}{
		{settings.DirectCostReadOnly, false, true, true},
		{settings.DirectCostReadOnly, true, true, true},
		{settings.DirectCostEditable, false, false, true},
		{settings.DirectCostEditable, true, false, false},
	} {
		if got := DirectCostsOf(c.column, c.hide); got.TransactionsImported != c.imported || got.JobToDateSent != c.sent {
			t.Errorf("%s, hide %v: %+v", c.column, c.hide, got)
		}
	}
}
