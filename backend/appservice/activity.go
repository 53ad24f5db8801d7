package appservice

import (
	"context"
	"strconv"
	"strings"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// ActivityEntry is one of Procore's ERP Requests as the service worked
// it, worded: what was asked, and what came of it.
type ActivityEntry struct {
	ID      int64
	Name    string      // request_name, "" until fetched
	Action  locale.Said // what the user asked for in Procore
	State   string      // serviceapi.Activity* state
	Outcome string      // success, failed, or "" while under way
	Problem string      // a code, when failed
	Said    locale.Said // where it stands, with the next step
	// Details are what its work did, a line each: the counts, and each
	// record refused with the reasons given.
	Details   []locale.Said
	Result    *serviceapi.ActivityResult // as the service kept it
	SeenAt    time.Time
	UpdatedAt time.Time
}

// Activity reads what came of Procore's requests at the profile's
// QuickBooks service, newest first.
func (s *Service) Activity(ctx context.Context, profile string, limit int) ([]ActivityEntry, error) {
	var got serviceapi.Activity
	_, err := s.withProcore(ctx, profile, "procore.activity", func(ss *session) (serviceapi.ProcoreStatus, error) {
		var err error
		got, err = ss.client.Activity(ss.ctx, limit)
		return serviceapi.ProcoreStatus{}, err
	})
	if err != nil {
		return nil, err
	}
	out := make([]ActivityEntry, 0, len(got.Requests))
	for _, r := range got.Requests {
		out = append(out, ActivityEntry{ID: r.ID, Name: r.Name, Action: activityAction(r.Name), State: r.State, Outcome: r.Outcome,
			Problem: r.Problem, Said: activitySaid(r), Details: activityDetails(r.Result), Result: r.Result, SeenAt: r.SeenAt, UpdatedAt: r.UpdatedAt})
	}
	return out, nil
}

// activityActions word ERP Requests (erp_events_dictionary.md) as what
// the user asked for in Procore's ERP tool.
//
//nolint:dupl // a table of words like fieldNames, not a copy of it
var activityActions = map[string]locale.Phrase{
	"sync_vendors":                   locale.Coded("activity.syncVendors", "Refresh the vendors list from QuickBooks"),
	"create_vendor":                  locale.Coded("activity.createVendor", "Add a vendor to QuickBooks"),
	"create_vendor_in_procore":       locale.Coded("activity.createVendorInProcore", "Add a QuickBooks vendor to Procore"),
	"link_vendor":                    locale.Coded("activity.linkVendor", "Link a vendor to its QuickBooks vendor"),
	"link_all_vendors":               locale.Coded("activity.linkAllVendors", "Link the vendors to their QuickBooks vendors"),
	"merge_vendors":                  locale.Coded("activity.mergeVendors", "Merge a vendor with its QuickBooks vendor"),
	"unlink_vendor":                  locale.Coded("activity.unlinkVendor", "Unlink a vendor from QuickBooks"),
	"sync_standard_cost_codes":       locale.Coded("activity.syncCostCodes", "Refresh the cost codes from QuickBooks"),
	"create_standard_cost_codes":     locale.Coded("activity.createCostCodes", "Add cost codes to QuickBooks"),
	"sync_standard_categories":       locale.Coded("activity.syncCategories", "Refresh the cost types from QuickBooks"),
	"sync_jobs":                      locale.Coded("activity.syncJobs", "Refresh the jobs list from QuickBooks"),
	"create_job_in_procore":          locale.Coded("activity.createJobInProcore", "Create a job in Procore"),
	"create_or_update_job":           locale.Coded("activity.exportJob", "Export a project to QuickBooks"),
	"sync_single_job":                locale.Coded("activity.syncJob", "Refresh a job from QuickBooks"),
	"create_budget":                  locale.Coded("activity.createBudget", "Export a budget to QuickBooks"),
	"update_budget":                  locale.Coded("activity.updateBudget", "Update a budget in QuickBooks"),
	"create_commitment":              locale.Coded("activity.createCommitment", "Export a commitment to QuickBooks"),
	"create_commitment_change_order": locale.Coded("activity.createChangeOrder", "Export a commitment change order to QuickBooks"),
	"create_requisitions":            locale.Coded("activity.createRequisitions", "Export subcontractor invoices to QuickBooks"),
	"sync_contract_payments":         locale.Coded("activity.syncPayments", "Refresh the payments from QuickBooks"),
	"reset_job":                      locale.Coded("activity.resetJob", "Unsync a project (Procore's support)"),
}

var (
	saidActivityUnknown     = locale.Coded("activity.unknown", "A request from Procore (%s)")
	saidActivityNotFetched  = locale.Coded("activity.notFetched", "A request from Procore, not read yet")
	saidActivityWaiting     = locale.Coded("activity.waiting", "Received; the QuickBooks service is reading it from Procore.")
	saidActivityUnderWay    = locale.Coded("activity.underWay", "Under way.")
	saidActivityClosing     = locale.Coded("activity.closing", "Done; the QuickBooks service is telling Procore.")
	saidActivityDone        = locale.Coded("activity.done", "Done, and marked done in Procore's ERP Integrations tool.")
	saidActivityUnsupported = locale.Coded("activity.unsupported", "Not done: the QuickBooks service cannot do this yet. Procore's ERP Integrations tool shows it as failed; nothing was changed in QuickBooks.")
	saidActivityNotReturned = locale.Coded("activity.notReturned", "Not done: Procore did not return this request to the QuickBooks service (it may have been withdrawn). Nothing was changed in QuickBooks.")
	saidActivityFailed      = locale.Coded("activity.failed", "Not done (%s). Procore's ERP Integrations tool shows why; nothing was changed in QuickBooks.")

	saidActivityForQuickBooks  = locale.Coded("activity.forQuickBooks", "Waiting for QuickBooks: the Web Connector does this at its next scheduled run. Keep QuickBooks open with the company file.")
	saidActivityQuickBooks     = locale.Coded("activity.quickbooksRefused", "Not done: QuickBooks refused it: %s (%s). Procore's ERP Integrations tool shows it as failed; correct it in QuickBooks or in Procore, then send it again.")
	saidActivityProcore        = locale.Coded("activity.procoreRefused", "Not done in full: Procore refused some records (%d), listed below. Correct them in Procore, then send the request again.")
	saidActivityTooLong        = locale.Coded("activity.tooLong", "Not done: QuickBooks keeps at most %d characters in the %s. Nothing was written to QuickBooks; shorten it in Procore, then send it again.")
	saidActivityCannotHold     = locale.Coded("activity.cannotHold", "Not done: QuickBooks cannot take the %s as it is (empty, or with a colon or a hidden character). Nothing was written to QuickBooks; correct it in Procore, then send it again.")
	saidActivityRefusedRecord  = locale.Coded("activity.refusedRecord", "%s: %s")
	saidActivitySome           = locale.Coded("activity.some", "Not done for %d of %d, listed below; the others are done. Correct them, then send them again.")
	saidActivityNoParent       = locale.Coded("activity.noParent", "Not done: QuickBooks does not have the cost code this one belongs under. Export that cost code first, or refresh the cost codes from QuickBooks, then export this one again.")
	saidActivityRecordDone     = locale.Coded("activity.recordDone", "done")
	saidActivityRefusedIt      = locale.Coded("activity.refusedIt", "Not done: Procore refused it: %s")
	saidActivityReasonsUnknown = locale.Coded("activity.noReason", "no reason given")

	saidActivityNeedsID          = locale.Coded("activity.needsQuickBooksId", "Not done: no QuickBooks ID was typed when it was exported, and %s is off. Nothing was written to QuickBooks; type the QuickBooks ID in Procore when you export it, or turn the setting on, then send it again.")
	saidActivityVendorNotLinked  = locale.Coded("activity.vendorNotLinked", "Not done: its vendor is not synced with QuickBooks. Nothing was written to QuickBooks; export the vendor to QuickBooks (or link it in Procore's ERP Integrations tool), then send it again.")
	saidActivityProjectNotLinked = locale.Coded("activity.projectNotLinked", "Not done: its project is not synced with a QuickBooks job. Nothing was written to QuickBooks; export the project to QuickBooks (or link it to its job), then send it again.")
	saidActivityCodeNotLinked    = locale.Coded("activity.costCodeNotLinked", "Not done: a line's cost code is not synced with QuickBooks. Nothing was written to QuickBooks; sync the project's cost codes with QuickBooks, then send it again.")
	saidActivityPOsOff           = locale.Coded("activity.purchaseOrdersOff", "Not done: purchase orders are turned off in the QuickBooks company file. Nothing was written to QuickBooks; in QuickBooks choose Edit > Preferences > Items & Inventory > Company Preferences, tick Inventory and purchase orders are active, then send it again.")
	saidActivityEstimatesOff     = locale.Coded("activity.estimatesOff", "Not done: estimates are turned off in the QuickBooks company file. Nothing was written to QuickBooks; in QuickBooks choose Edit > Preferences > Jobs & Estimates > Company Preferences, turn estimates on, then send it again.")

	saidRuleContractNumber    = locale.Coded("rule.contractNumber", "PO number %s from the contract number (%s)")
	saidRuleContractNumberCut = locale.Coded("rule.contractNumberCut", "PO number %s from the contract number %s, cut to QuickBooks' %d characters (%s)")
	saidRuleTypedID           = locale.Coded("rule.typedId", "PO number %s, the QuickBooks ID typed at export (it wins over %s)")
	saidRuleVendorMessageCut  = locale.Coded("rule.vendorMessageCut", "Vendor Message cut to QuickBooks' %d characters")
	saidRuleRetainageHeld     = locale.Coded("rule.retainageHeld", "Retainage held: %s on %s (%s)")
	saidRuleRetainageReleased = locale.Coded("rule.retainageReleased", "Retainage released: %s on %s (%s)")
	saidRuleAddedToBudgets    = locale.Coded("rule.addedToBudgets", "Cost code %s, new in QuickBooks, added to the budgets of %s projects synced with QuickBooks (%s)")
	saidRuleNotAddedToBudgets = locale.Coded("rule.notAddedToBudgets", "Cost code %s, new in QuickBooks, not added to project budgets: %s is off")
	saidRuleDirectReadOnly    = locale.Coded("rule.directCostReadOnly", "Direct Cost column filled from QuickBooks: the project asks Procore for its job cost transactions (%s)")
	saidRuleDirectEditable    = locale.Coded("rule.directCostEditable", "Direct Cost column left to Procore's Direct Costs tool: no job cost transactions asked for (%s)")
	saidRuleJobToDateHidden   = locale.Coded("rule.jobToDateHidden", "Job-to-date costs left out (%s)")
	saidRuleRetainageLeftOut  = locale.Coded("rule.retainageItemLeftOut", "%s left out of the cost codes: it is the %s")

	saidActivityCommitmentNotLinked = locale.Coded("activity.commitmentNotLinked", "Not done: its commitment is not a purchase order in QuickBooks (not exported, or deleted there). Nothing was written to QuickBooks; export the commitment to QuickBooks, then send the invoice again.")
	saidActivityNoRetainageItem     = locale.Coded("activity.noRetainageItem", "Not done: subcontractor invoices need the %s, and none is chosen. Nothing was written to QuickBooks; choose a Service item for retainage in General Settings, then send the invoice again.")
	saidActivityRetainageItemGone   = locale.Coded("activity.retainageItemGone", "Not done: the %s is no longer an active item in QuickBooks. Nothing was written to QuickBooks; refresh the item list, choose another Service item, then send the invoice again.")
	saidActivityRetainageIsCostCode = locale.Coded("activity.retainageItemIsCostCode", "Not done: the %s is a cost code exported from Procore, which cannot hold retainage. Nothing was written to QuickBooks; choose a Service item that is no cost code (for example Retainage Payable), then send the invoice again.")
	saidActivityLineCount           = locale.Coded("activity.lineCountMismatch", "Not done: the purchase order in QuickBooks no longer has the commitment's lines (changed there by hand). Nothing was written to QuickBooks; make its lines match the commitment's again, then send the change order again.")
	saidActivityNameInUse           = locale.Coded("activity.nameInUse", "Not done: QuickBooks already has a customer, job or vendor named %s. Nothing was written to QuickBooks; type another QuickBooks ID for the job when you export the project again, or rename the one in QuickBooks.")
	saidActivityProjectCodes        = locale.Coded("activity.projectCostCodesNotLinked", "Not done: one of the project's cost codes is not from the QuickBooks standard cost code list. Nothing was written to QuickBooks; use cost codes from that list in the project (refresh the list from QuickBooks first), then send it again.")
	saidActivityNegativeTotal       = locale.Coded("activity.negativeTotal", "Not done: the bill's total after retainage would be below zero, which QuickBooks does not take. Nothing was written to QuickBooks; correct the invoice's amounts or retainage in Procore, then send it again.")
)

// problemSaid words why a request, or one of its records, was not done.
func problemSaid(problem string, r *serviceapi.ActivityResult) locale.Said {
	if r == nil {
		r = &serviceapi.ActivityResult{}
	}
	switch {
	case problem == serviceapi.ActivityUnsupported:
		return saidActivityUnsupported.With()
	case problem == serviceapi.ActivityNotReturned:
		return saidActivityNotReturned.With()
	case problem == serviceapi.ActivityQuickBooksRefused && r.QuickBooks != nil:
		qb := r.QuickBooks
		code := qb.HResult
		if qb.StatusCode != 0 || code == "" {
			code = strconv.Itoa(qb.StatusCode)
		}
		return saidActivityQuickBooks.With(strings.TrimSpace(qb.Message), code)
	case problem == serviceapi.ActivityProcoreRefused:
		return saidActivityProcore.With(len(r.Refused))
	case problem == serviceapi.ActivityInvalidRecord && r.Field == "parent":
		return saidActivityNoParent.With()
	case problem == serviceapi.ActivityInvalidRecord && r.Limit > 0:
		return saidActivityTooLong.With(r.Limit, fieldName(r.Field))
	case problem == serviceapi.ActivityInvalidRecord:
		return saidActivityCannotHold.With(fieldName(r.Field))
	case problem == serviceapi.ActivityNeedsQuickBooksID:
		return saidActivityNeedsID.With(settings.LabelUseContractNumber.With())
	case problem == serviceapi.ActivityNotLinked && r.Field == "vendor":
		return saidActivityVendorNotLinked.With()
	case problem == serviceapi.ActivityNotLinked && r.Field == "project":
		return saidActivityProjectNotLinked.With()
	case problem == serviceapi.ActivityNotLinked && r.Field == "commitment":
		return saidActivityCommitmentNotLinked.With()
	case problem == serviceapi.ActivityNoRetainageItem:
		return saidActivityNoRetainageItem.With(settings.LabelRetainageItem.With())
	case problem == serviceapi.ActivityRetainageItemGone:
		return saidActivityRetainageItemGone.With(settings.LabelRetainageItem.With())
	case problem == serviceapi.ActivityRetainageItemIsCostCode:
		return saidActivityRetainageIsCostCode.With(settings.LabelRetainageItem.With())
	case problem == serviceapi.ActivityNegativeTotal:
		return saidActivityNegativeTotal.With()
	case problem == serviceapi.ActivityLineCount:
		return saidActivityLineCount.With()
	case problem == serviceapi.ActivityNameInUse:
		return saidActivityNameInUse.With(r.Name)
	case problem == serviceapi.ActivityNotLinked && r.Field == "projectCostCodes":
		return saidActivityProjectCodes.With()
	case problem == serviceapi.ActivityNotLinked:
		return saidActivityCodeNotLinked.With()
	case problem == serviceapi.ActivityPreferenceOff && r.Field == "estimates":
		return saidActivityEstimatesOff.With()
	case problem == serviceapi.ActivityPreferenceOff:
		return saidActivityPOsOff.With()
	}
	return saidActivityFailed.With(problem)
}

// activityCounts word what a request's work counts, in this order.
var activityCounts = []struct {
	code   string
	phrase locale.Phrase
}{
	{serviceapi.CountRead, locale.Coded("activity.read", "%d read from QuickBooks")},
	{serviceapi.CountStaged, locale.Coded("activity.staged", "%d new in QuickBooks, staged in Procore's ERP Integrations tool to import")},
	{serviceapi.CountUpdated, locale.Coded("activity.updated", "%d updated in Procore")},
	{serviceapi.CountNotUpdated, locale.Coded("activity.notUpdated", "%d changed in QuickBooks and left as they are in Procore, as Vendors will be Automatically Updated is set to Do Not Update")},
	{serviceapi.CountAdded, locale.Coded("activity.added", "%d added to QuickBooks")},
	{serviceapi.CountChanged, locale.Coded("activity.changed", "%d changed in QuickBooks to match Procore")},
	{serviceapi.CountFound, locale.Coded("activity.found", "%d already in QuickBooks, and linked to it")},
	{serviceapi.CountSynced, locale.Coded("activity.synced", "%d synced to Procore")},
}

// activityDetails are the lines of what a request's work did.
func activityDetails(r *serviceapi.ActivityResult) []locale.Said {
	if r == nil {
		return nil
	}
	var out []locale.Said
	for _, c := range activityCounts {
		if n, ok := r.Counts[c.code]; ok && (n > 0 || c.code == serviceapi.CountRead) {
			out = append(out, c.phrase.With(n))
		}
	}
	for _, rule := range r.Rules {
		if said, ok := ruleSaid(rule); ok {
			out = append(out, said)
		}
	}
	for _, d := range r.Details {
		out = append(out, saidActivityRefusedRecord.With(d.Name, detailSaid(d)))
	}
	for _, refused := range r.Refused {
		out = append(out, saidActivityRefusedRecord.With(refused.Name, reasonsSaid(refused.Reasons)))
	}
	return out
}

// reasonsSaid is Procore's reasons for refusing a record, in its own
// words, or that it gave none.
func reasonsSaid(reasons []string) any {
	if why := strings.Join(reasons, "; "); why != "" {
		return why
	}
	return saidActivityReasonsUnknown.With()
}

// ruleSaid words a rule that shaped a record written, naming its
// setting as the form labels it; a rule this app does not know is left
// out (the record is still counted).
func ruleSaid(r serviceapi.ActivityRule) (locale.Said, bool) {
	setting := settings.LabelUseContractNumber.With()
	switch {
	case r.Rule == serviceapi.RuleContractNumber && r.Limit > 0:
		return saidRuleContractNumberCut.With(r.To, r.From, r.Limit, setting), true
	case r.Rule == serviceapi.RuleContractNumber && r.To != "":
		return saidRuleContractNumber.With(r.To, setting), true
	case r.Rule == serviceapi.RuleTypedID:
		return saidRuleTypedID.With(r.To, setting), true
	case r.Rule == serviceapi.RuleVendorMessageCut:
		return saidRuleVendorMessageCut.With(r.Limit), true
	case r.Rule == serviceapi.RuleRetainageHeld:
		return saidRuleRetainageHeld.With(grouped(r.To), r.From, settings.LabelRetainageItem.With()), true
	case r.Rule == serviceapi.RuleRetainageItemLeftOut:
		return saidRuleRetainageLeftOut.With(r.From, settings.LabelRetainageItem.With()), true
	case r.Rule == serviceapi.RuleAddedToBudgets:
		return saidRuleAddedToBudgets.With(r.From, r.To, settings.LabelAutoAddCostCodes.With()), true
	case r.Rule == serviceapi.RuleNotAddedToBudgets:
		return saidRuleNotAddedToBudgets.With(r.From, settings.LabelAutoAddCostCodes.With()), true
	case r.Rule == serviceapi.RuleDirectCostReadOnly:
		return saidRuleDirectReadOnly.With(settings.LabelDirectCostColumn.With()), true
	case r.Rule == serviceapi.RuleDirectCostEditable:
		return saidRuleDirectEditable.With(settings.LabelDirectCostColumn.With()), true
	case r.Rule == serviceapi.RuleJobToDateHidden:
		return saidRuleJobToDateHidden.With(settings.LabelHideJobToDateCosts.With()), true
	case r.Rule == serviceapi.RuleRetainageReleased:
		return saidRuleRetainageReleased.With(grouped(r.To), r.From, settings.LabelRetainageItem.With()), true
	}
	return locale.Said{}, false
}

// grouped is an amount as QuickBooks writes it ("-1250.00") with its
// thousands grouped, as the bookkeeper reads one ("-1,250.00"); text
// that is no such amount is left as it is.
func grouped(amount string) string {
	sign, digits := "", amount
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	whole, cents, ok := strings.Cut(digits, ".")
	if !ok || whole == "" || strings.Trim(whole, "0123456789") != "" {
		return amount
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + "." + cents
}

// fieldNames word the Procore fields a record may be refused for.
//
//nolint:dupl // a table of words like activityActions, not a copy of it
var fieldNames = map[string]locale.Phrase{
	"name":                locale.Coded("field.name", "name"),
	"code":                locale.Coded("field.code", "code"),
	"address":             locale.Coded("field.address", "address"),
	"city":                locale.Coded("field.city", "city"),
	"state_code":          locale.Coded("field.state", "state"),
	"zip":                 locale.Coded("field.zip", "ZIP code"),
	"country_code":        locale.Coded("field.country", "country"),
	"business_phone":      locale.Coded("field.phone", "business phone"),
	"fax_number":          locale.Coded("field.fax", "fax number"),
	"email_address":       locale.Coded("field.email", "email address"),
	"number":              locale.Coded("field.contractNumber", "contract number"),
	"title":               locale.Coded("field.title", "title"),
	"description":         locale.Coded("field.description", "description"),
	"amount":              locale.Coded("field.amount", "amount"),
	"commitment":          locale.Coded("field.commitment", "commitment"),
	"commitment_items":    locale.Coded("field.lineItems", "line items"),
	"line_items":          locale.Coded("field.lineItems", "line items"),
	"invoice_number":      locale.Coded("field.invoiceNumber", "invoice number"),
	"requisitions":        locale.Coded("field.invoices", "invoices"),
	"requisition":         locale.Coded("field.invoice", "invoice"),
	"origin_code":         locale.Coded("field.quickbooksId", "QuickBooks ID"),
	"quickbooks_customer": locale.Coded("field.quickbooksCustomer", "QuickBooks customer"),
	"budget":              locale.Coded("field.budget", "budget"),
	"job_costs":           locale.Coded("field.budgetLines", "budget lines"),
}

func fieldName(field string) any {
	if p, ok := fieldNames[field]; ok {
		return p.With()
	}
	return field
}

func activityAction(name string) locale.Said {
	if name == "" {
		return saidActivityNotFetched.With()
	}
	if p, ok := activityActions[name]; ok {
		return p.With()
	}
	return saidActivityUnknown.With(name)
}

// detailSaid words how one record of a request ended.
func detailSaid(d serviceapi.ActivityDetail) locale.Said {
	switch d.Problem {
	case "":
		return saidActivityRecordDone.With()
	case serviceapi.ActivityProcoreRefused:
		return saidActivityRefusedIt.With(reasonsSaid(d.Reasons))
	}
	return problemSaid(d.Problem, &serviceapi.ActivityResult{QuickBooks: d.QuickBooks, Field: d.Field, Limit: d.Limit,
		Refused: []serviceapi.ActivityRefused{{Name: d.Name, Reasons: d.Reasons}}})
}

func activitySaid(r serviceapi.ActivityRequest) locale.Said {
	if r.Outcome == serviceapi.ActivityFailed && r.Result != nil && len(r.Result.Details) > 0 {
		failed := 0
		for _, d := range r.Result.Details {
			if d.Problem != "" {
				failed++
			}
		}
		return saidActivitySome.With(failed, len(r.Result.Details))
	}
	if r.Outcome == serviceapi.ActivityFailed {
		return problemSaid(r.Problem, r.Result)
	}
	switch r.State {
	case serviceapi.ActivityNew:
		return saidActivityWaiting.With()
	case serviceapi.ActivityFetched:
		return saidActivityUnderWay.With()
	case serviceapi.ActivityWaiting:
		return saidActivityForQuickBooks.With()
	case serviceapi.ActivityClosing:
		return saidActivityClosing.With()
	}
	return saidActivityDone.With()
}
