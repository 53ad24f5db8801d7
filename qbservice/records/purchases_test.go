package records

import (
	"strings"
	"testing"

	"qbsettings/serviceapi"
)

// A commitment's line becomes a purchase order line on its cost code's
// item, of its total else its amount, read exactly; one QuickBooks could
// not be given is refused with its field.
func TestPurchaseLine(t *testing.T) {
	line, problem := PurchaseLine("B-1|8000A002-1", "", "250.0", " Supervision\x00 ", "B-1")
	if problem != nil || line.ItemListID != "8000A002-1" || line.Amount != 25000 || line.Desc != "Supervision" || line.CustomerListID != "B-1" {
		t.Fatalf("%+v %+v", line, problem)
	}
	if line, _ := PurchaseLine("8000A002-1", "262.5", "250.0", "", "B-1"); line.Amount != 26250 {
		t.Fatalf("the total wins: %+v", line)
	}
	for name, c := range map[string]struct {
		origin, amount, desc, field string
	}{
		"no cost code":    {"", "1.0", "", "costCode"},
		"a third decimal": {"8-1", "1.005", "", "amount"},
		"too long":        {"8-1", "1.0", strings.Repeat("x", 4096), "description"},
	} {
		_, problem := PurchaseLine(c.origin, "", Amount(c.amount), c.desc, "B-1")
		if problem == nil || problem.Result.Field != c.field ||
			(c.field == "costCode") != (problem.Problem == serviceapi.ActivityNotLinked) {
			t.Errorf("%s: %+v", name, problem)
		}
	}
	if FirstOf(" ", "", " B-2 ") != "B-2" || FirstOf() != "" {
		t.Error("FirstOf")
	}
}
