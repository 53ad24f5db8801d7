// Package syncrules is how each of the sync's settings shapes what the
// QuickBooks service writes (erp-integrator.md §2, rules 1 to 5), as
// functions of values. The service runs them on Procore's records; the
// app runs the same functions on an example, to show beside each setting
// what it will do. It returns codes and values; the app words them.
package syncrules

import (
	"errors"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// MaxPONumber is QuickBooks' limit on a purchase order's number
// (qbxml130.xsd: PurchaseOrderAdd's RefNumber).
const MaxPONumber = 11

// ExampleContractNumber is a Procore contract number longer than
// QuickBooks keeps, for showing rule 1 when no real one is at hand.
const ExampleContractNumber = "SC-0001-EAST-02"

// Why a purchase order has no number (rule 1).
var (
	// ErrNoQuickBooksID: no QuickBooks ID was typed at export, and Use
	// Procore Contract # is off.
	ErrNoQuickBooksID = errors.New("syncrules: no QuickBooks ID typed, and Use Procore Contract # is off")
	// ErrTypedID: the ID typed at export is not one QuickBooks holds (a
	// hidden character, or longer than MaxPONumber).
	ErrTypedID = errors.New("syncrules: the QuickBooks ID typed is not one QuickBooks holds")
	// ErrContractNumber: the contract number is empty or has a hidden
	// character.
	ErrContractNumber = errors.New("syncrules: the contract number is not one QuickBooks holds")
)

// PONumber is rule 1, Use Procore Contract #: the number of a
// commitment's purchase order. The QuickBooks ID typed at export always
// wins, and is never cut (it would no longer be the one chosen); else,
// with the setting on, the contract number, cut to QuickBooks' 11
// characters (Limit set when it was); else there is none. The rule
// returned says which (To is the number).
func PONumber(typed, contractNumber string, useContractNumber bool) (serviceapi.ActivityRule, error) {
	setting := string(settings.FieldUseProcoreContractNumber)
	if typed = strings.TrimSpace(typed); typed != "" {
		if settings.HasHiddenCharacter(typed) || len([]rune(typed)) > MaxPONumber {
			return serviceapi.ActivityRule{}, ErrTypedID
		}
		return serviceapi.ActivityRule{Rule: serviceapi.RuleTypedID, Setting: setting, From: typed, To: typed}, nil
	}
	if !useContractNumber {
		return serviceapi.ActivityRule{Rule: serviceapi.RuleContractNumber, Setting: setting}, ErrNoQuickBooksID
	}
	number := strings.TrimSpace(contractNumber)
	if number == "" || settings.HasHiddenCharacter(number) {
		return serviceapi.ActivityRule{}, ErrContractNumber
	}
	rule := serviceapi.ActivityRule{Rule: serviceapi.RuleContractNumber, Setting: setting, From: number, To: number}
	if r := []rune(number); len(r) > MaxPONumber {
		rule.To, rule.Limit = string(r[:MaxPONumber]), MaxPONumber
	}
	return rule, nil
}
