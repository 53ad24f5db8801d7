package settings

import "testing"

func TestRulesLeaveTheConnectionAlone(t *testing.T) {
	here := Defaults()
	here.ServiceURL, here.ServiceUser = "https://qbserver:8443", "procore-sync"
	here.RetainageItem = ItemRef{ListID: "80000005-1", FullName: "Retainage Payable"}

	service := here
	service.ServiceURL, service.ServiceUser = "http://192.168.1.5:8080", "other-user"
	service.RetainageItem.FullName = "Retainage Payable (renamed)"
	if !SameRules(here, service) {
		t.Fatal("another address, user or item name made the rules differ")
	}
	if d := RuleDifferences(here, service); len(d) != 0 {
		t.Fatalf("differences = %+v, want none", d)
	}

	service.VendorUpdates = VendorUpdatesNone
	service.RetainageItem = ItemRef{ListID: "80000009-1", FullName: "Retention"}
	if SameRules(here, service) {
		t.Fatal("different vendor updates and item read as the same rules")
	}
	d := RuleDifferences(here, service)
	want := []Difference{
		{Field: FieldVendorUpdates, Label: LabelVendorUpdates.Text(), ThisComputer: "Automatically Update Vendors when Refreshing the Vendor List", Service: "Do Not Update Vendors"},
		{Field: FieldRetainageItem, Label: LabelRetainageItem.Text(), ThisComputer: "Retainage Payable", Service: "Retention"},
	}
	if len(d) != len(want) || d[0] != want[0] || d[1] != want[1] {
		t.Fatalf("differences = %+v\nwant %+v", d, want)
	}

	taken := WithRulesOf(here, service)
	if taken.ServiceURL != here.ServiceURL || taken.ServiceUser != here.ServiceUser {
		t.Fatalf("taking the rules changed the connection: %+v", taken)
	}
	if !SameRules(taken, service) || taken.RetainageItem != service.RetainageItem {
		t.Fatalf("taking the rules missed one: %+v", taken)
	}
}

func TestEveryStoredSettingIsAConnectionOrARule(t *testing.T) {
	rules := 0
	for _, sp := range Specs() {
		if sp.SyncRule() {
			rules++
			// copyValue panics for a kind it does not know.
			var s Settings
			sp.copyValue(&s, Defaults())
		}
	}
	if rules != 6 {
		t.Fatalf("%d sync rules, want the article's 6", rules)
	}
}

// The command line words a choice as "a or b": every choice setting is an
// either-or.
func TestEveryChoiceIsAnEitherOr(t *testing.T) {
	for _, sp := range Specs() {
		if sp.Control == ControlChoice && len(sp.Choices) != 2 {
			t.Errorf("%s has %d choices", sp.Key, len(sp.Choices))
		}
	}
}
