package erp

import (
	"fmt"

	"qbsettings/qbservice/servicedb"
)

// The service's words for Procore's users: the messages a closed Request
// Detail carries, which Procore's ERP tool shows beside the record. The
// service keeps codes; they are worded here, when a request is closed.

// messages words why a request ended as it did; none for a success.
func messages(r servicedb.ERPRequest) []string {
	switch r.Problem {
	case "":
		return []string{}
	case ProblemUnsupported:
		return []string{fmt.Sprintf("The QuickBooks service cannot %s yet, so nothing was changed in QuickBooks. Update QuickBooks Integration Settings on the QuickBooks computer, then try again.", action(r.Name))}
	}
	return []string{fmt.Sprintf("The QuickBooks service could not %s (%s), so nothing was changed in QuickBooks. Try again; if it fails again, ask your IT support to check the QuickBooks service's log.", action(r.Name), r.Problem)}
}

// actions word the ERP Requests of erp_events_dictionary.md as what the
// user asked for in Procore's ERP tool.
var actions = map[string]string{
	"sync_vendors":                   "refresh the vendors list from QuickBooks",
	"create_vendor":                  "add this vendor to QuickBooks",
	"sync_standard_cost_codes":       "refresh the cost codes from QuickBooks",
	"create_standard_cost_codes":     "add these cost codes to QuickBooks",
	"sync_standard_categories":       "refresh the cost types from QuickBooks",
	"sync_jobs":                      "refresh the jobs list from QuickBooks",
	"create_job_in_procore":          "create this job in Procore",
	"create_or_update_job":           "export this project to QuickBooks",
	"sync_single_job":                "refresh this job from QuickBooks",
	"create_budget":                  "export this budget to QuickBooks",
	"update_budget":                  "update this budget in QuickBooks",
	"create_commitment":              "export this commitment to QuickBooks",
	"create_commitment_change_order": "export this change order to QuickBooks",
	"create_requisitions":            "export these subcontractor invoices to QuickBooks",
	"sync_contract_payments":         "refresh the payments from QuickBooks",
}

// action words a request's name; one this service does not know is named.
func action(name string) string {
	if a, ok := actions[name]; ok {
		return a
	}
	return fmt.Sprintf("do “%s”", name)
}
