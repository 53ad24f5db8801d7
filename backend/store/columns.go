package store

import "qbsettings/backend/settings"

// The settings columns, shared by the settings table and the revisions
// table, in one order: settingsColumns names them, settingsArgs gives a
// row's values and settingsDest the places to scan one into.
const settingsColumns = `service_url, service_user, use_procore_contract_number, auto_add_new_cost_codes,
	direct_cost_column, hide_job_to_date_costs, vendor_updates,
	retainage_item_list_id, retainage_item_full_name`

const settingsPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?"

func settingsArgs(st settings.Settings) []any {
	return []any{st.ServiceURL, st.ServiceUser, boolInt(st.UseProcoreContractNumber), boolInt(st.AutoAddNewCostCodes),
		string(st.DirectCostColumn), boolInt(st.HideJobToDateCosts), string(st.VendorUpdates),
		st.RetainageItem.ListID, st.RetainageItem.FullName}
}

func settingsDest(st *settings.Settings) []any {
	return []any{&st.ServiceURL, &st.ServiceUser, &st.UseProcoreContractNumber, &st.AutoAddNewCostCodes,
		&st.DirectCostColumn, &st.HideJobToDateCosts, &st.VendorUpdates,
		&st.RetainageItem.ListID, &st.RetainageItem.FullName}
}
