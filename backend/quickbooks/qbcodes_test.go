package quickbooks

import (
	"strings"
	"testing"
)

// An HRESULT the client knows is said in its own words, however the
// service wrote it; an unknown one keeps QuickBooks' message.
func TestHResultWords(t *testing.T) {
	if got := HResultWords("0x80040414", "A modal dialog box is showing"); !strings.HasPrefix(got, "QuickBooks is showing a dialog box") {
		t.Fatalf("known: %q", got)
	}
	if got := HResultWords("0X80040414", ""); !strings.HasPrefix(got, "QuickBooks is showing a dialog box") {
		t.Fatalf("known, written otherwise: %q", got)
	}
	if got := HResultWords("0x8004FFFF", "Something QuickBooks said"); got != "Something QuickBooks said" {
		t.Fatalf("unknown: %q", got)
	}
}
