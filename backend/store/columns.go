package store

import (
	"fmt"
	"strings"

	"qbsettings/backend/settings"
)

// The settings columns, shared by the settings table and the revisions
// table, in the order of the settings' description (settings.Specs):
// settingsColumns names them, settingsArgs gives a row's values and
// settingsDest the places to scan one into.
var (
	columnNames          = storedColumns()
	settingsColumns      = strings.Join(columnNames, ", ")
	settingsPlaceholders = strings.TrimSuffix(strings.Repeat("?, ", len(columnNames)), ", ")
	// settingsUpdates replaces every settings column of a row on upsert.
	settingsUpdates = updateList(columnNames)
)

func storedColumns() []string {
	var cols []string
	for _, sp := range settings.StoredSpecs() {
		cols = append(cols, sp.Columns...)
	}
	return cols
}

func updateList(cols []string) string {
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = excluded." + c
	}
	return strings.Join(set, ", ")
}

func settingsArgs(st settings.Settings) []any {
	var args []any
	for _, sp := range settings.StoredSpecs() {
		switch v := sp.Pointer(&st).(type) {
		case *string:
			args = append(args, *v)
		case *bool:
			args = append(args, boolInt(*v))
		case *settings.DirectCostColumn:
			args = append(args, string(*v))
		case *settings.VendorUpdates:
			args = append(args, string(*v))
		case *settings.ItemRef:
			args = append(args, v.ListID, v.FullName)
		default:
			panic(fmt.Sprintf("store: no column value for %s (%T)", sp.Key, v))
		}
	}
	return args
}

func settingsDest(st *settings.Settings) []any {
	var dest []any
	for _, sp := range settings.StoredSpecs() {
		if ref, ok := sp.Pointer(st).(*settings.ItemRef); ok {
			dest = append(dest, &ref.ListID, &ref.FullName)
			continue
		}
		dest = append(dest, sp.Pointer(st))
	}
	return dest
}
