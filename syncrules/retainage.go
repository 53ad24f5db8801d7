package syncrules

import (
	"errors"
	"fmt"

	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// ErrNoRetainageItem: no Invoice Retainage Item is chosen, which
// subcontractor invoices need (rule 5).
var ErrNoRetainageItem = errors.New("syncrules: no Invoice Retainage Item is chosen")

// ErrNegativeBill: the bill's total would be negative (Procore's
// QuickBooks connector syncs no negative subcontractor invoice).
var ErrNegativeBill = errors.New("syncrules: the bill's total would be negative")

// ExampleRetainageCents is retainage held on an invoice, for showing rule
// 5 when no real invoice is at hand.
const ExampleRetainageCents = 125000

// Retainage is rule 5, Invoice Retainage Item: the retainage held this
// period (cents, at least 0) is a negative line on the chosen item, and
// the retainage released a positive one; a rule a line, none for none.
// The item must be chosen (ErrNoRetainageItem), whatever the invoice
// holds. To is the line's amount as QuickBooks writes it, From the item.
func Retainage(item settings.ItemRef, heldCents, releasedCents int64) ([]serviceapi.ActivityRule, error) {
	if item.ListID == "" {
		return nil, ErrNoRetainageItem
	}
	setting := string(settings.FieldRetainageItem)
	var rules []serviceapi.ActivityRule
	if heldCents > 0 {
		rules = append(rules, serviceapi.ActivityRule{Rule: serviceapi.RuleRetainageHeld, Setting: setting, From: item.FullName, To: Cents(-heldCents)})
	}
	if releasedCents > 0 {
		rules = append(rules, serviceapi.ActivityRule{Rule: serviceapi.RuleRetainageReleased, Setting: setting, From: item.FullName, To: Cents(releasedCents)})
	}
	return rules, nil
}

// BillTotal is a bill's total: its lines and the retainage lines of rule
// 5 (cents); ErrNegativeBill when it is below zero.
func BillTotal(lineCents []int64, heldCents, releasedCents int64) (int64, error) {
	total := releasedCents - heldCents
	for _, c := range lineCents {
		total += c
	}
	if total < 0 {
		return total, ErrNegativeBill
	}
	return total, nil
}

// Cents writes an amount of cents as QuickBooks does: "-1250.00".
func Cents(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}
