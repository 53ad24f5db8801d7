package settings

import "testing"

func TestDiffDescribesEveryFieldInWords(t *testing.T) {
	old := Defaults()
	updated := Settings{
		ServiceURL:               "https://qbserver:8443",
		ServiceUser:              "sync",
		UseProcoreContractNumber: true,
		AutoAddNewCostCodes:      true,
		DirectCostColumn:         DirectCostEditable,
		HideJobToDateCosts:       true,
		VendorUpdates:            VendorUpdatesNone,
		RetainageItem:            ItemRef{ListID: "1", FullName: "Retainage Payable"},
	}
	got := Diff(old, updated)
	want := []FieldChange{
		{LabelServiceURL.Text(), "(none)", "https://qbserver:8443"},
		{LabelServiceUser.Text(), "(none)", "sync"},
		{LabelUseContractNumber.Text(), "Off", "On"},
		{LabelAutoAddCostCodes.Text(), "Off", "On"},
		{LabelDirectCostColumn.Text(), "Read Only, Populate From QuickBooks", "Editable, Do Not Populate From QuickBooks"},
		{LabelHideJobToDateCosts.Text(), "Off", "On"},
		{LabelVendorUpdates.Text(), "Automatically Update Vendors when Refreshing the Vendor List", "Do Not Update Vendors"},
		{LabelRetainageItem.Text(), "(none)", "Retainage Payable"},
	}
	if len(got) != len(want) {
		t.Fatalf("Diff = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if d := Diff(updated, updated); len(d) != 0 {
		t.Fatalf("no change reported as %+v", d)
	}
	if p := PasswordChange(); p.New != "password changed" {
		t.Fatalf("password change = %+v", p)
	}
}
