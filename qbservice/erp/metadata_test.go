package erp

import (
	"testing"

	"qbsettings/backend/settings"
)

// The commitments' QuickBooks ID is held to the purchase order number's
// 11 characters, and required only when Use Procore Contract # is off
// (rule 1); Procore's own checkbox for it stays hidden.
func TestCommitmentRulesFollowTheContractNumberSetting(t *testing.T) {
	for _, on := range []bool{true, false} {
		s := settings.Defaults()
		s.UseProcoreContractNumber = on
		md := Metadata(Handled(), s)["settings"].(map[string]any)["entities"].(map[string]any)["commitments"].(map[string]any)
		code := md["rules"].(map[string]any)["export"].(map[string]any)["fields"].(map[string]any)["code"].(map[string]any)["validation"].(map[string]any)
		present := code["present"].(map[string]any)["enabled"]
		length := code["max_length"].(map[string]any)["length"]
		checkbox := md["configs"].(map[string]any)["procore_contract_number"].(map[string]any)["enabled"]
		if present != !on || length != 11 || checkbox != false {
			t.Errorf("on=%v: present %v, length %v, checkbox %v", on, present, length, checkbox)
		}
	}
}
