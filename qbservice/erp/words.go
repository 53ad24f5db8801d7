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
	case serviceapi.ActivityNeedsQuickBooksID:
		// The guide asks that a failure the user fixes with a new code
		// says "code".
		return []string{"This commitment needs a QuickBooks ID (code), and Use Procore Contract # is off in the QuickBooks Integration Settings, so nothing was written to QuickBooks. Type the QuickBooks ID when you export it, or turn on Use Procore Contract #, then send it again."}
	case serviceapi.ActivityNotLinked:
		return []string{notLinked(result.Field)}
	case serviceapi.ActivityPreferenceOff:
		return []string{preferenceOff(result.Field)}
	case serviceapi.ActivityNoRetainageItem:
		return []string{"No Invoice Retainage Item is chosen in the QuickBooks Integration Settings, so nothing was written to QuickBooks. Choose a Service item for retainage there (for example Retainage Payable), then send the invoice again."}
	case serviceapi.ActivityRetainageItemGone:
		return []string{"The Invoice Retainage Item chosen in the QuickBooks Integration Settings is no longer an active item in QuickBooks, so nothing was written to QuickBooks. Choose another Service item for retainage there, then send the invoice again."}
	case serviceapi.ActivityRetainageItemIsCostCode:
		return []string{"The Invoice Retainage Item chosen in the QuickBooks Integration Settings is a cost code exported from Procore, which cannot hold retainage, so nothing was written to QuickBooks. Choose a Service item that is not a cost code (for example Retainage Payable), then send the invoice again."}
	case serviceapi.ActivityLineCount:
		// Procore's own connector says it so (erp-integrator.md §2, rule 1's CCOs).
		return []string{"The number of line items in QuickBooks does not match this commitment's: its purchase order was changed in QuickBooks, so nothing was written to QuickBooks. Make the purchase order's lines in QuickBooks match the commitment's again, then send the change order again."}
	case serviceapi.ActivityNameInUse:
		// The guide asks that a failure the user fixes with a new code
		// says "code": Procore then lets the user type another.
		return []string{fmt.Sprintf("QuickBooks already has a customer, job or vendor named “%s”, so nothing was written to QuickBooks. Type another QuickBooks ID (code) for the job when you export the project again, or rename the one in QuickBooks.", result.Name)}
	case serviceapi.ActivityNegativeTotal:
		return []string{"This invoice's total after retainage is below zero, and QuickBooks bills cannot be negative, so nothing was written to QuickBooks. Correct the invoice's amounts or retainage in Procore, then send it again."}
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
	"reset_job":                      "unsync this project",
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
		return []string{fmt.Sprintf("Procore refused it: %s", reasonsText(d.Reasons))}
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

// notLinked words a record that refers to one not synced with QuickBooks.
func notLinked(field string) string {
	what, step := "a record it uses", "Sync it with QuickBooks first"
	switch field {
	case "vendor":
		what, step = "its vendor", "Export the vendor to QuickBooks, or link it in the ERP Integrations tool, first"
	case "project":
		what, step = "its project", "Export the project to QuickBooks, or link it to its QuickBooks job, first"
	case "costCode":
		what, step = "a line's cost code", "Sync the project's cost codes with QuickBooks first"
	case "projectCostCodes":
		what, step = "one of its cost codes", "Use cost codes from the QuickBooks standard cost code list (refresh it from QuickBooks)"
	case "commitment":
		what, step = "its commitment", "Export the commitment to QuickBooks (its purchase order must be there) first"
	}
	return fmt.Sprintf("%s is not synced with QuickBooks, so nothing was written to QuickBooks. %s, then send it again.", capitalized(what), step)
}

// preferenceOff words a QuickBooks preference the record needs, off.
func preferenceOff(field string) string {
	if field == "estimates" {
		return "Estimates are turned off in the QuickBooks company file, so nothing was written to QuickBooks. In QuickBooks, choose Edit > Preferences > Jobs & Estimates > Company Preferences and turn on estimates, then send it again."
	}
	return "Purchase orders are turned off in the QuickBooks company file, so nothing was written to QuickBooks. In QuickBooks, choose Edit > Preferences > Items & Inventory > Company Preferences and tick Inventory and purchase orders are active, then send it again."
}

func capitalized(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
	case "origin_code":
		return "QuickBooks ID (code)"
	case "quickbooks_customer":
		return "QuickBooks customer"
	case "job_costs":
		return "budget lines"
	}
	return field
}

// quickBooksRefused words QuickBooks' refusal, with its own message.
func quickBooksRefused(name string, qb *serviceapi.ActivityQuickBooksFail) string {
	if qb == nil {
		qb = &serviceapi.ActivityQuickBooksFail{}
	}
	next := "Correct it in QuickBooks or in Procore, then try again."
	switch qb.StatusCode {
	case 3100:
		next = "The name is already used in QuickBooks by a customer, an employee or another name. Rename one of them, then send it again."
	case 3140:
		next = "QuickBooks does not have a vendor, item or job it names: it may have been deleted or merged there. Link the record again in Procore, then send it again."
	case 3176:
		next = "The record is open in QuickBooks, in another window or by another user, so it is already in use. Close it there, then send it again."
	case 3250:
		next = "A feature it needs is turned off in the QuickBooks company file (for purchase orders: Edit > Preferences > Items & Inventory > Company Preferences). Turn it on, then send it again."
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
		out = append(out, fmt.Sprintf("%s: %s", r.Name, reasonsText(r.Reasons)))
	}
	return out
}

// reasonsText is Procore's reasons for refusing a record, as one text.
func reasonsText(reasons []string) string {
	if why := strings.Join(reasons, "; "); why != "" {
		return why
	}
	return "no reason given"
}
