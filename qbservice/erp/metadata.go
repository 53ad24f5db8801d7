package erp

import "qbsettings/backend/settings"

// Metadata is the ERP connection's metadata (erp_metadata_details.md):
// the integration's labels, and the entities it handles, each with the
// rules that mirror QuickBooks' own limits, so that Procore refuses a
// record QuickBooks would refuse before it is sent. An entity the service
// does not handle yet is not enabled, nor a way it does not move it:
// Procore offers no action the service would only refuse. handled says
// which way it moves each entity's records; s are the settings the sync
// runs with, which some rules follow.
func Metadata(handled map[string]Ways, s settings.Settings) map[string]any {
	entities := map[string]any{}
	for name, ways := range handled {
		e := map[string]any{"enabled": true, "configs": map[string]any{
			"export": map[string]any{"enabled": ways.Export, "create": map[string]any{"enabled": ways.Export}, "update": map[string]any{"enabled": false}},
			"import": map[string]any{"enabled": ways.Import},
		}}
		if field, length, ok := nameLimit(name); ok {
			e["rules"] = exportRule(field, length, true, "QuickBooks needs a name.")
		}
		if name == "commitments" {
			// The QuickBooks ID typed at export is the purchase order's
			// number: 11 characters at most, and needed when Use Procore
			// Contract # is off (rule 1). Procore's own checkbox for the
			// contract number stays hidden: the app's setting decides.
			configs := e["configs"].(map[string]any)
			configs["procore_contract_number"] = map[string]any{"enabled": false}
			e["rules"] = exportRule("code", 11, !s.UseProcoreContractNumber,
				"QuickBooks needs a purchase order number: type the QuickBooks ID, or turn on Use Procore Contract # in the QuickBooks Integration Settings.")
		}
		entities[name] = e
	}
	return map[string]any{"settings": map[string]any{
		"labels":   map[string]any{"name": "QuickBooks Desktop", "id_name": "QuickBooks ID", "short_name": "QuickBooks"},
		"entities": entities,
	}}
}

// exportRule is the rule of an entity's field on export: at most length
// characters, and present (with message) when required.
func exportRule(field string, length int, required bool, message string) map[string]any {
	return map[string]any{"export": map[string]any{"fields": map[string]any{field: map[string]any{
		"enabled": true,
		"validation": map[string]any{
			"present":    map[string]any{"enabled": required, "message": message},
			"max_length": map[string]any{"enabled": true, "length": length, "message": "QuickBooks accepts at most %{length} characters here."},
		},
	}}}}
}

// nameLimit is QuickBooks' limit on an entity's name (qbXML 13.0's
// schema: a vendor's and a customer:job's Name 41, an item's 31).
func nameLimit(entity string) (field string, length int, ok bool) {
	switch entity {
	case "vendors", "jobs":
		return "name", 41, true
	case "standard_cost_codes":
		return "code", 31, true
	}
	return "", 0, false
}
