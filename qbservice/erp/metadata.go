package erp

import (
	"qbsettings/backend/settings"
	"qbsettings/qbservice/records/jobs"
	"qbsettings/syncrules"
)

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
		if reExported[name] && ways.Export {
			// Exported again, the record's QuickBooks one is changed to
			// match (create_or_update_job, update_budget).
			e["configs"].(map[string]any)["export"].(map[string]any)["update"] = map[string]any{"enabled": true}
		}
		if name == "jobs" && ways.Export {
			jobsExport(e)
		}
		entities[name] = e
	}
	if _, ok := handled["job_costs"]; ok {
		jobCosts(entities, syncrules.DirectCostsOf(s.DirectCostColumn, s.HideJobToDateCosts))
	}
	return map[string]any{"settings": map[string]any{
		"labels":   map[string]any{"name": "QuickBooks Desktop", "id_name": "QuickBooks ID", "short_name": "QuickBooks"},
		"entities": entities,
	}}
}

// jobCosts shapes the job costs' entities by rule 3: the columns of the
// Budget's job costs the sync fills (job-to-date hidden when the rule
// leaves it out), and whether a project may ask for its job cost
// transactions to be imported (erp_metadata_details.md: "Only when this
// metadata import configuration is enabled and the ERP synced Procore
// Project has specified it wants job cost transactions imported").
func jobCosts(entities map[string]any, rule syncrules.DirectCosts) {
	columns := map[string]any{}
	for _, c := range []string{"job_to_date_cost", "job_to_date_units", "job_to_date_dollars_paid"} {
		columns[c] = map[string]any{"enabled": rule.JobToDateSent}
	}
	columns["month_to_date_cost"] = map[string]any{"enabled": true}
	entities["job_costs"].(map[string]any)["tab"] = map[string]any{"enabled": true, "columns": columns}
	entities["job_cost_transactions"] = map[string]any{"enabled": true, "tab": map[string]any{"enabled": false},
		"configs": map[string]any{"import": map[string]any{"enabled": rule.TransactionsImported}}}
}

// reExported are the entities whose records may be exported again.
var reExported = map[string]bool{"jobs": true, "budgets": true}

// jobsExport shapes the jobs' export (create_or_update_job): the
// QuickBooks ID typed at export (origin_code), the job's name when given,
// holds 41 characters; and the approver may name the QuickBooks customer
// the job goes under (a full name of at most 167 characters, so that the
// job's own, 41 and a colon, fits QuickBooks' 209).
func jobsExport(e map[string]any) {
	export := e["configs"].(map[string]any)["export"].(map[string]any)
	export["custom_fields"] = []any{map[string]any{
		"key": jobs.CustomerField, "label": "QuickBooks customer (blank: none)", "type": "string",
		"rules": map[string]any{"validation": maxLength(167)},
	}}
	fields := e["rules"].(map[string]any)["export"].(map[string]any)["fields"].(map[string]any)
	fields["origin_code"] = map[string]any{"enabled": true, "validation": maxLength(41)}
}

// exportRule is the rule of an entity's field on export: at most length
// characters, and present (with message) when required.
func exportRule(field string, length int, required bool, message string) map[string]any {
	return map[string]any{"export": map[string]any{"fields": map[string]any{field: map[string]any{
		"enabled": true,
		"validation": map[string]any{
			"present":    map[string]any{"enabled": required, "message": message},
			"max_length": maxLength(length)["max_length"],
		},
	}}}}
}

// maxLength is the validation of a field of at most length characters.
func maxLength(length int) map[string]any {
	return map[string]any{"max_length": map[string]any{"enabled": true, "length": length, "message": "QuickBooks accepts at most %{length} characters here."}}
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
