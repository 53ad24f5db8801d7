package settings

import "qbsettings/backend/locale"

// The one description of the settings. Each entry says, once, a setting's
// key, its label and help in the help article's words, how it is edited,
// its choices with their words, where the store keeps it, and its rule.
// The form's words, the command line's keys and help, history, the export
// file and the store's columns all come from it; TestEverySettingReachesEveryUse
// fails when one of them misses a field.
//
// Adding a setting: a field in Settings (with its JSON key), an entry
// here with its rule, and a migration adding its column.

// Control is how a setting is entered.
type Control string

const (
	ControlText   Control = "text"   // typed text
	ControlSecret Control = "secret" // the password: never in Settings, only in the keychain
	ControlSwitch Control = "switch" // on or off
	ControlChoice Control = "choice" // one of Choices
	ControlItem   Control = "item"   // a QuickBooks item from the service's list
)

// Choice is one value a choice setting can take, with its words in the
// locale in use.
type Choice struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Help  string `json:"help"`
	// label and help are the words' message keys.
	label, help locale.Key
}

func choice(value string, label, help locale.Key) Choice {
	return Choice{Value: value, label: label, help: help}
}

// Spec describes one setting. Its words (Label, Help, the choices') are in
// the locale in use when it comes from Specs or SpecOf.
type Spec struct {
	Key      Field    `json:"key"`
	Label    string   `json:"label"`
	Help     string   `json:"help"`
	Control  Control  `json:"control"`
	Required bool     `json:"required"`
	Choices  []Choice `json:"choices"`
	// Example is a value of a text setting, for help and tests.
	Example string `json:"example,omitempty"`
	// Connection: how this computer reaches the service (its address and
	// sign-in), which may differ from one computer to the next; the other
	// settings are the sync's rules, which the service runs with.
	Connection bool `json:"connection"`
	// Columns are the store's columns, in the order Values gives them.
	Columns []string `json:"-"`
	// label and help are the words' message keys.
	label locale.Phrase
	help  locale.Key
	// value points at the setting in s (nil for the password).
	value func(s *Settings) any
	// rule says what is wrong with the setting in c, or "", and names the
	// problem when a remedy depends on where the user is.
	rule func(c Change, known Known) (Problem, string)
}

// Labels of the settings, in the help article's words.
var (
	LabelServiceURL         = locale.Coded("setting.serviceURL", "Service URL")
	LabelServiceUser        = locale.Coded("setting.serviceUser", "Service User")
	LabelServicePassword    = locale.Coded("setting.servicePassword", "Service Password")
	LabelUseContractNumber  = locale.Coded("setting.useContractNumber", "Use Procore Contract #")
	LabelAutoAddCostCodes   = locale.Coded("setting.autoAddCostCodes", "Automatically Add New Cost Codes to Budgets on QuickBooks-Integrated Projects")
	LabelDirectCostColumn   = locale.Coded("setting.directCostColumn", "Procore's Budget Direct Cost Columns")
	LabelHideJobToDateCosts = locale.Coded("setting.hideJobToDateCosts", "Hide Job To Date Costs Column on the Budget")
	LabelVendorUpdates      = locale.Coded("setting.vendorUpdates", "Vendors will be Automatically Updated")
	LabelRetainageItem      = locale.Coded("setting.retainageItem", "Invoice Retainage Item")
)

var table = []Spec{
	{
		Key: FieldServiceURL, label: LabelServiceURL, Control: ControlText, Required: true, Connection: true,
		help:    locale.Message("The address of the QuickBooks® microservice, for example https://qbserver:8443."),
		Example: "https://qbserver:8443",
		Columns: []string{"service_url"},
		value:   func(s *Settings) any { return &s.ServiceURL },
		rule:    plain(func(c Change) string { return serviceURLProblem(c.Settings.ServiceURL) }),
	},
	{
		Key: FieldServiceUser, label: LabelServiceUser, Control: ControlText, Required: true, Connection: true,
		help:    locale.Message("The username of the QuickBooks® microservice account."),
		Example: "procore-sync",
		Columns: []string{"service_user"},
		value:   func(s *Settings) any { return &s.ServiceUser },
		rule:    plain(func(c Change) string { return serviceUserProblem(c.Settings.ServiceUser) }),
	},
	{
		Key: FieldPassword, label: LabelServicePassword, Control: ControlSecret, Required: true, Connection: true,
		help: locale.Message("The password of the QuickBooks® microservice account. It is kept in this computer's keychain, never in a file."),
		rule: passwordRule,
	},
	{
		Key: FieldUseProcoreContractNumber, label: LabelUseContractNumber, Control: ControlSwitch,
		help:    locale.Message("Fills the QuickBooks® ID field with the Procore commitment contract number. Users can still edit the QuickBooks® ID. When this is clear, users must enter the QuickBooks® ID themselves."),
		Columns: []string{"use_procore_contract_number"},
		value:   func(s *Settings) any { return &s.UseProcoreContractNumber },
	},
	{
		Key: FieldAutoAddNewCostCodes, label: LabelAutoAddCostCodes, Control: ControlSwitch,
		help:    locale.Message("New cost codes created in QuickBooks® are imported into Procore as new budget line items, if the cost codes do not exist in the Budget tool."),
		Columns: []string{"auto_add_new_cost_codes"},
		value:   func(s *Settings) any { return &s.AutoAddNewCostCodes },
	},
	{
		Key: FieldDirectCostColumn, label: LabelDirectCostColumn, Control: ControlChoice, Required: true,
		Choices: []Choice{
			choice(string(DirectCostReadOnly), locale.Message("Read Only, Populate From QuickBooks"), locale.Message("The 'Direct Cost' column in the project's Budget tool is read only and filled with data from QuickBooks®.")),
			choice(string(DirectCostEditable), locale.Message("Editable, Do Not Populate From QuickBooks"), locale.Message("The 'Direct Cost' column in the project's Budget tool is editable and filled with data from the Direct Costs tool in Procore.")),
		},
		Columns: []string{"direct_cost_column"},
		value:   func(s *Settings) any { return &s.DirectCostColumn },
		rule:    plain(func(c Change) string { return directCostProblem(c.Settings.DirectCostColumn) }),
	},
	{
		// Shown only under Editable; kept under Read Only so that switching
		// back restores it.
		Key: FieldHideJobToDateCosts, label: LabelHideJobToDateCosts, Control: ControlSwitch,
		help:    locale.Message("If the Direct Costs tool is an active tab on a project, its data is always editable and filled from the Direct Costs tool."),
		Columns: []string{"hide_job_to_date_costs"},
		value:   func(s *Settings) any { return &s.HideJobToDateCosts },
	},
	{
		Key: FieldVendorUpdates, label: LabelVendorUpdates, Control: ControlChoice, Required: true,
		Choices: []Choice{
			choice(string(VendorUpdatesAutomatic), locale.Message("Automatically Update Vendors when Refreshing the Vendor List"), locale.Message("When a vendor is updated in QuickBooks®, the vendor data is also refreshed in Procore.")),
			choice(string(VendorUpdatesNone), locale.Message("Do Not Update Vendors"), locale.Message("When a vendor is updated in QuickBooks®, the vendor data is not refreshed in Procore.")),
		},
		Columns: []string{"vendor_updates"},
		value:   func(s *Settings) any { return &s.VendorUpdates },
		rule:    plain(func(c Change) string { return vendorUpdatesProblem(c.Settings.VendorUpdates) }),
	},
	{
		Key: FieldRetainageItem, label: LabelRetainageItem, Control: ControlItem, Required: true,
		help:    locale.Message("Tracks retainage held and released on subcontractor invoices exported to QuickBooks®. Required to sync subcontractor invoices."),
		Columns: []string{"retainage_item_list_id", "retainage_item_full_name"},
		value:   func(s *Settings) any { return &s.RetainageItem },
		rule: func(c Change, known Known) (Problem, string) {
			return retainageItemProblem(c.Settings.RetainageItem, known)
		},
	},
}

// plain is a rule that needs only the change and names no problem.
func plain(rule func(Change) string) func(Change, Known) (Problem, string) {
	return func(c Change, _ Known) (Problem, string) { return "", rule(c) }
}

// Specs returns the description of every setting, in the form's order,
// worded in the locale in use.
func Specs() []Spec {
	out := make([]Spec, len(table))
	for i, sp := range table {
		out[i] = sp.worded()
	}
	return out
}

// Fields returns every setting's key, in the form's order.
func Fields() []Field {
	out := make([]Field, len(table))
	for i, sp := range table {
		out[i] = sp.Key
	}
	return out
}

// StoredSpecs returns the settings kept in Settings (all but the
// password), in the form's order, without their words: what stores and
// sends them (keys, columns, values) needs no catalog.
func StoredSpecs() []Spec {
	var out []Spec
	for _, sp := range table {
		if sp.Stored() {
			out = append(out, sp)
		}
	}
	return out
}

// SpecOf returns the description of the field f, worded in the locale in use.
func SpecOf(f Field) (Spec, bool) {
	for _, sp := range table {
		if sp.Key == f {
			return sp.worded(), true
		}
	}
	return Spec{}, false
}

// worded is sp with its words in the locale in use.
func (sp Spec) worded() Spec {
	sp.Label, sp.Help = sp.label.Text(), sp.help.Text()
	choices := make([]Choice, len(sp.Choices))
	for i, c := range sp.Choices {
		c.Label, c.Help = c.label.Text(), c.help.Text()
		choices[i] = c
	}
	sp.Choices = choices
	return sp
}

// Stored reports whether the setting is kept in Settings (all but the password).
func (sp Spec) Stored() bool { return sp.value != nil }

// Pointer returns a pointer to the setting's value in s: *string, *bool,
// *DirectCostColumn, *VendorUpdates or *ItemRef. It panics for the password.
func (sp Spec) Pointer(s *Settings) any { return sp.value(s) }

// FieldLabel is the form's label of a field, in the locale in use.
func FieldLabel(f Field) string { return FieldLabelSaid(f).Text() }

// FieldLabelSaid is the form's label of a field, to be worded when shown.
func FieldLabelSaid(f Field) locale.Said {
	for _, sp := range table {
		if sp.Key == f {
			return sp.label.With()
		}
	}
	return locale.Said{Code: "setting." + string(f)}
}
