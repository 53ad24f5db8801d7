package desktop

import (
	"strings"

	"qbsettings/backend/appservice"
	"qbsettings/backend/settings"
)

// Enums lists, for Wails to write as TypeScript enums, the choices and
// names the web view needs, so it never spells them out itself.
func Enums() []any {
	return []any{directCostColumns, vendorUpdateOptions, fields, controls, events, syncStatuses, remedies}
}

var (
	directCostColumns = []enumValue[settings.DirectCostColumn]{
		{settings.DirectCostReadOnly, "ReadOnly"},
		{settings.DirectCostEditable, "Editable"},
	}
	vendorUpdateOptions = []enumValue[settings.VendorUpdates]{
		{settings.VendorUpdatesAutomatic, "Automatic"},
		{settings.VendorUpdatesNone, "None"},
	}
	// The settings' keys, from their one description: TypeScript's
	// settings.Field.ServiceUrl is "serviceUrl".
	fields   = fieldEnum()
	controls = []enumValue[settings.Control]{
		{settings.ControlText, "Text"},
		{settings.ControlSecret, "Secret"},
		{settings.ControlSwitch, "Switch"},
		{settings.ControlChoice, "Choice"},
		{settings.ControlItem, "Item"},
	}
	syncStatuses = []enumValue[appservice.SyncStatus]{
		{appservice.SyncNothingSaved, "NothingSaved"},
		{appservice.SyncInEffect, "InEffect"},
		{appservice.SyncKept, "Kept"},
		{appservice.SyncPending, "Pending"},
		{appservice.SyncChangedElsewhere, "ChangedElsewhere"},
		{appservice.SyncLocalOnly, "LocalOnly"},
	}
	remedies = []enumValue[appservice.Remedy]{
		{appservice.RemedyChooseItem, "ChooseRetainageItem"},
		{appservice.RemedyRefreshItems, "RefreshItems"},
		{appservice.RemedyRebind, "RebindCompanyFile"},
		{appservice.RemedySendSettings, "SendSettings"},
		{appservice.RemedyConnectProcore, "ConnectProcore"},
	}
)

// fieldEnum lists every setting's key for the TypeScript enum
// settings.Field, named by the key with its first letter capitalized.
func fieldEnum() []enumValue[settings.Field] {
	var out []enumValue[settings.Field]
	for _, f := range settings.Fields() {
		key := string(f)
		out = append(out, enumValue[settings.Field]{Value: f, TSName: strings.ToUpper(key[:1]) + key[1:]})
	}
	return out
}

// enumValue is one member of a TypeScript enum made from Go constants.
type enumValue[T any] struct {
	Value  T
	TSName string
}
