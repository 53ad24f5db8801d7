package settings

// The sync's rules are the settings the QuickBooks service runs the sync
// with; the connection settings are how one computer reaches the service.
// Two computers may reach the same service by different addresses, so
// only the rules are compared with the service's copy and taken from it.

// SyncRule reports whether the setting is one of the sync's rules.
func (sp Spec) SyncRule() bool { return sp.Stored() && !sp.Connection }

// SameRules reports whether a and b run the sync alike. An item is the
// same item by its ListID, whatever name it had when each was chosen.
func SameRules(a, b Settings) bool {
	for _, sp := range table {
		if sp.SyncRule() && sp.Text(a) != sp.Text(b) {
			return false
		}
	}
	return true
}

// WithRulesOf returns here with the sync's rules of from: this computer's
// connection, another copy's rules.
func WithRulesOf(here, from Settings) Settings {
	for _, sp := range table {
		if sp.SyncRule() {
			sp.copyValue(&here, from)
		}
	}
	return here
}

func (sp Spec) copyValue(dst *Settings, src Settings) {
	switch v := sp.Pointer(dst).(type) {
	case *string:
		*v = *sp.Pointer(&src).(*string)
	case *bool:
		*v = *sp.Pointer(&src).(*bool)
	case *DirectCostColumn:
		*v = *sp.Pointer(&src).(*DirectCostColumn)
	case *VendorUpdates:
		*v = *sp.Pointer(&src).(*VendorUpdates)
	case *ItemRef:
		*v = *sp.Pointer(&src).(*ItemRef)
	default:
		panic("settings: cannot copy " + string(sp.Key))
	}
}

// Difference is one rule on which this computer and the service differ,
// each value in the help article's words.
type Difference struct {
	Field        Field  `json:"field"`
	Label        string `json:"label"`
	ThisComputer string `json:"thisComputer"`
	Service      string `json:"service"`
}

// RuleDifferences lists the rules on which here and service differ, in the
// form's order.
func RuleDifferences(here, service Settings) []Difference {
	var out []Difference
	for _, sp := range table {
		if sp.SyncRule() && sp.Text(here) != sp.Text(service) {
			out = append(out, Difference{Field: sp.Key, Label: sp.label.Text(), ThisComputer: sp.Describe(here), Service: sp.Describe(service)})
		}
	}
	return out
}
