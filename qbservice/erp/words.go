package erp

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// The service's words for Procore's users: the messages a closed Request
// Detail carries, which Procore's ERP tool shows beside the record. The
// service keeps codes; they are worded here, when a request is closed.

// messages words why a request ended as it did; none for a success.
func messages(r servicedb.ERPRequest) []string {
	var result serviceapi.ActivityResult
	_ = json.Unmarshal([]byte(r.Result), &result) // a request closed before results were kept has none
	switch r.Problem {
	case "":
		return []string{}
	case ProblemUnsupported:
		return []string{fmt.Sprintf("The QuickBooks service cannot %s yet, so nothing was changed in QuickBooks. Update QuickBooks Integration Settings on the QuickBooks computer, then try again.", action(r.Name))}
	case serviceapi.ActivityInvalidRecord:
		return []string{invalidRecord(result)}
	case serviceapi.ActivityQuickBooksRefused:
		return []string{quickBooksRefused(r.Name, result.QuickBooks)}
	case serviceapi.ActivityProcoreRefused:
		return procoreRefused(r.Name, result.Refused)
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

// detailMessages word how one record of a request ended; none when it
// was done.
func detailMessages(name string, d serviceapi.ActivityDetail) []string {
	switch d.Problem {
	case "":
		return []string{}
	case serviceapi.ActivityInvalidRecord:
		return []string{invalidRecord(serviceapi.ActivityResult{Field: d.Field, Limit: d.Limit})}
	case serviceapi.ActivityQuickBooksRefused:
		return []string{quickBooksRefused(name, d.QuickBooks)}
	case serviceapi.ActivityProcoreRefused:
		return []string{fmt.Sprintf("Procore refused it: %s", strings.Join(d.Reasons, "; "))}
	}
	return []string{fmt.Sprintf("The QuickBooks service could not %s (%s). Try again; if it fails again, ask your IT support to check the QuickBooks service's log.", action(name), d.Problem)}
}

// invalidRecord words a record QuickBooks could not hold.
func invalidRecord(result serviceapi.ActivityResult) string {
	field := result.Field
	switch field {
	case "":
		field = "name"
	case "parent":
		return "QuickBooks does not have the cost code this one belongs under, so nothing was written to QuickBooks. Export that cost code first, or refresh the cost codes from QuickBooks, then export this one again."
	}
	if result.Limit > 0 {
		return fmt.Sprintf("QuickBooks accepts at most %d characters in the %s, so nothing was written to QuickBooks. Shorten the %s in Procore, then send it again.",
			result.Limit, fieldWords(field), fieldWords(field))
	}
	return fmt.Sprintf("QuickBooks cannot take the %s as it is (it is empty, or has a colon or a hidden character), so nothing was written to QuickBooks. Correct the %s in Procore, then send it again.",
		fieldWords(field), fieldWords(field))
}

// fieldWords names a Procore field as Procore's forms label it.
func fieldWords(field string) string {
	switch field {
	case "state_code":
		return "state"
	case "zip":
		return "ZIP code"
	case "country_code":
		return "country"
	case "business_phone":
		return "business phone"
	case "fax_number":
		return "fax number"
	case "email_address":
		return "email address"
	}
	return field
}

// quickBooksRefused words QuickBooks' refusal, with its own message.
func quickBooksRefused(name string, qb *serviceapi.ActivityQuickBooksFail) string {
	if qb == nil {
		qb = &serviceapi.ActivityQuickBooksFail{}
	}
	next := "Correct it in QuickBooks or in Procore, then try again."
	if qb.StatusCode == 3100 {
		next = "The name is already used in QuickBooks by a customer, an employee or another name. Rename one of them, then send it again."
	}
	code := qb.HResult
	if qb.StatusCode != 0 || code == "" {
		code = strconv.Itoa(qb.StatusCode)
	}
	return fmt.Sprintf("The QuickBooks service could not %s: QuickBooks refused it: %s (%s). %s", action(name), strings.TrimSpace(qb.Message), code, next)
}

// procoreRefused words the records Procore refused, at most ten, and says
// how many more.
func procoreRefused(name string, refused []serviceapi.ActivityRefused) []string {
	out := []string{fmt.Sprintf("Procore refused %d of the records when the QuickBooks service tried to %s. Correct them, then try again:", len(refused), action(name))}
	for i, r := range refused {
		if i == 10 {
			out = append(out, fmt.Sprintf("and %d more.", len(refused)-10))
			break
		}
		out = append(out, fmt.Sprintf("%s: %s", r.Name, strings.Join(r.Reasons, "; ")))
	}
	return out
}
