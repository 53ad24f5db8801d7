package settings

// The words a bookkeeper knows for each setting and choice: the help
// article's. History and the command line describe settings with them.

// Labels of the settings, as the form shows them.
const (
	LabelServiceURL          = "Service URL"
	LabelServiceUser         = "Service User"
	LabelUseContractNumber   = "Use Procore Contract #"
	LabelAutoAddCostCodes    = "Automatically Add New Cost Codes to Budgets on QuickBooks-Integrated Projects"
	LabelDirectCostColumn    = "Procore's Budget Direct Cost Columns"
	LabelHideJobToDateCosts  = "Hide Job To Date Costs Column on the Budget"
	LabelVendorUpdates       = "Vendors will be Automatically Updated"
	LabelRetainageItem       = "Invoice Retainage Item"
	LabelServicePassword     = "Service Password"
	passwordChangedDescribed = "password changed"
)

// Describe says a choice in the article's words.
func (d DirectCostColumn) Describe() string {
	switch d {
	case DirectCostReadOnly:
		return "Read Only, Populate From QuickBooks"
	case DirectCostEditable:
		return "Editable, Do Not Populate From QuickBooks"
	}
	return string(d)
}

// Describe says a choice in the article's words.
func (v VendorUpdates) Describe() string {
	switch v {
	case VendorUpdatesAutomatic:
		return "Automatically Update Vendors when Refreshing the Vendor List"
	case VendorUpdatesNone:
		return "Do Not Update Vendors"
	}
	return string(v)
}

func onOff(b bool) string {
	if b {
		return "On"
	}
	return "Off"
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// FieldChange is one setting's change, in words.
type FieldChange struct {
	Label string `json:"label"`
	Old   string `json:"old"` // empty when the old value is not told (a password)
	New   string `json:"new"`
}

// Diff lists what changed from old to new, in the form's order. The
// password is not in Settings; a caller that knows it changed adds
// PasswordChange().
func Diff(old, new Settings) []FieldChange {
	var out []FieldChange
	add := func(label, o, n string) {
		if o != n {
			out = append(out, FieldChange{Label: label, Old: o, New: n})
		}
	}
	add(LabelServiceURL, orNone(old.ServiceURL), orNone(new.ServiceURL))
	add(LabelServiceUser, orNone(old.ServiceUser), orNone(new.ServiceUser))
	add(LabelUseContractNumber, onOff(old.UseProcoreContractNumber), onOff(new.UseProcoreContractNumber))
	add(LabelAutoAddCostCodes, onOff(old.AutoAddNewCostCodes), onOff(new.AutoAddNewCostCodes))
	add(LabelDirectCostColumn, old.DirectCostColumn.Describe(), new.DirectCostColumn.Describe())
	add(LabelHideJobToDateCosts, onOff(old.HideJobToDateCosts), onOff(new.HideJobToDateCosts))
	add(LabelVendorUpdates, old.VendorUpdates.Describe(), new.VendorUpdates.Describe())
	add(LabelRetainageItem, orNone(old.RetainageItem.FullName), orNone(new.RetainageItem.FullName))
	return out
}

// PasswordChange is how a history records a new password: that it changed,
// never what it is.
func PasswordChange() FieldChange {
	return FieldChange{Label: LabelServicePassword, Old: "", New: passwordChangedDescribed}
}

// FieldLabel is the form's label of a field.
func FieldLabel(f Field) string {
	switch f {
	case FieldServiceURL:
		return LabelServiceURL
	case FieldServiceUser:
		return LabelServiceUser
	case FieldPassword:
		return LabelServicePassword
	case FieldDirectCostColumn:
		return LabelDirectCostColumn
	case FieldVendorUpdates:
		return LabelVendorUpdates
	case FieldRetainageItem:
		return LabelRetainageItem
	}
	return string(f)
}
