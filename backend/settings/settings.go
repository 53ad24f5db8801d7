// Package settings is the model of the QuickBooks integration settings, as the
// help article "Configure Advanced Settings: ERP Integrations for QuickBooks"
// defines them, with their defaults and validation rules. It is pure Go: no
// I/O, no imports of the rest of the project.
package settings

import "strings"

// DirectCostColumn is how Procore's Budget shows its Direct Cost column.
type DirectCostColumn string

const (
	// DirectCostReadOnly: read only, populated from QuickBooks.
	DirectCostReadOnly DirectCostColumn = "readOnlyFromQuickBooks"
	// DirectCostEditable: editable, populated from Procore's Direct Costs tool.
	DirectCostEditable DirectCostColumn = "editableFromProcore"
)

// VendorUpdates says whether a vendor changed in QuickBooks is refreshed in Procore.
type VendorUpdates string

const (
	VendorUpdatesAutomatic VendorUpdates = "automatic"
	VendorUpdatesNone      VendorUpdates = "none"
)

// Settings are one company profile's integration settings. The service
// password is not here: it lives only in the platform keychain.
type Settings struct {
	ServiceURL  string `json:"serviceUrl"`
	ServiceUser string `json:"serviceUser"`

	UseProcoreContractNumber bool             `json:"useProcoreContractNumber"`
	AutoAddNewCostCodes      bool             `json:"autoAddNewCostCodes"`
	DirectCostColumn         DirectCostColumn `json:"directCostColumn"`
	// HideJobToDateCosts applies only under DirectCostEditable, but its value
	// is kept under DirectCostReadOnly so that switching back restores it.
	HideJobToDateCosts bool          `json:"hideJobToDateCosts"`
	VendorUpdates      VendorUpdates `json:"vendorUpdates"`

	RetainageItem ItemRef `json:"retainageItem"`
}

// ItemRef names a QuickBooks item by its ListID (stable across renames) and
// the full name it had when chosen (shown if the item list is not at hand).
type ItemRef struct {
	ListID   string `json:"listId"`
	FullName string `json:"fullName"`
}

// IsZero reports whether no item is chosen.
func (r ItemRef) IsZero() bool { return r.ListID == "" }

// Defaults are the settings of a profile that was never saved. QuickBooks is
// the book of record in this integration, so the defaults let its data flow:
// Direct Cost read only from QuickBooks and vendors updated automatically.
// The connection and the retainage item have no sensible default and must be
// filled in by the user.
func Defaults() Settings {
	return Settings{
		DirectCostColumn: DirectCostReadOnly,
		VendorUpdates:    VendorUpdatesAutomatic,
	}
}

// Normalize returns s with the whitespace a user may paste around text
// values removed. Validation and saving both work on normalized settings.
func Normalize(s Settings) Settings {
	s.ServiceURL = strings.TrimSpace(s.ServiceURL)
	s.ServiceUser = strings.TrimSpace(s.ServiceUser)
	return s
}
