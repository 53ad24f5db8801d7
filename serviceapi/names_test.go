package serviceapi

import (
	"strings"
	"testing"
)

func TestItemNameProblem(t *testing.T) {
	for name, want := range map[string]NameProblem{
		"Retainage Payable":         NameFits,
		strings.Repeat("é", 31):     NameFits,
		"   ":                       NameEmpty,
		strings.Repeat("x", 32):     NameTooLong,
		"Parent:Child":              NameHasColon,
		"Tab\there":                 NameHidden,
		"Zero\u200bwidth":           NameHidden,
		"Right-to-left \u202e mark": NameHidden,
	} {
		if got := ItemNameProblem(name); got != want {
			t.Errorf("%q: %v, want %v", name, got, want)
		}
	}
}
