package commitments

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
	"qbsettings/syncrules"
)

// Export is create_commitment: the commitment an approver accepted
// becomes a purchase order in QuickBooks. It is refused before QuickBooks
// is asked anything when it has no number to be given (rule 1), when its
// vendor, project or a cost code is not synced with QuickBooks, when a
// value is beyond what QuickBooks holds, or when the company file has
// purchase orders turned off.
type Export struct{}

func (Export) Plan(ctx context.Context, env records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	// A payload that is not create_commitment's, or a commitment without
	// its id, is a record QuickBooks cannot be given: the request ends.
	p, err := read(r.Data)
	if readable := err == nil; !readable || p.Commitment.ID <= 0 {
		return nil, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "commitment"}), nil
	}
	ref, _, problem := refNumber(p, env.Settings.UseProcoreContractNumber)
	if problem != nil {
		return nil, problem, nil
	}
	po, problem := purchaseOrder(p, ref)
	if problem != nil {
		return nil, problem, nil
	}
	if off, err := records.PurchaseOrdersOff(ctx, env); off != nil || err != nil {
		return nil, off, err
	}
	// The service's mark of this commitment's purchase order: found again
	// by it after an answer lost to a kill or a dropped session.
	po.ExternalGUID = qbxml.GUID(fmt.Sprintf("procore company %d commitment %d", env.Company, p.Commitment.ID))
	return []records.Job{{Kind: servicedb.JobPurchaseOrder, Input: qbjobs.Encode(qbjobs.PurchaseOrderAsked{PurchaseOrder: po})}}, nil, nil
}

// refNumber is the purchase order's number by rule 1
// (syncrules.PONumber), and the rule that gave it; the outcome instead
// when there is none to give.
func refNumber(p exported, useContractNumber bool) (string, serviceapi.ActivityRule, *records.Outcome) {
	rule, err := syncrules.PONumber(p.Commitment.Code, p.Commitment.Number, useContractNumber)
	switch {
	case errors.Is(err, syncrules.ErrNoQuickBooksID):
		return "", rule, records.EndsWith(serviceapi.ActivityNeedsQuickBooksID, serviceapi.ActivityResult{Rules: []serviceapi.ActivityRule{rule}})
	case errors.Is(err, syncrules.ErrTypedID):
		limit := 0
		if !settings.HasHiddenCharacter(p.Commitment.Code) {
			limit = syncrules.MaxPONumber
		}
		return "", rule, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "code", Limit: limit})
	case err != nil:
		return "", rule, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "number"})
	}
	return rule.To, rule, nil
}

// purchaseOrder is the commitment's purchase order numbered ref, or the
// outcome of a commitment QuickBooks could not be given.
func purchaseOrder(p exported, ref string) (qbxml.PurchaseOrderAdd, *records.Outcome) {
	c := p.Commitment
	vendor := strings.TrimSpace(c.Vendor.OriginID)
	job := records.FirstOf(p.JobID, c.Project.OriginID)
	notLinked := func(field string) *records.Outcome {
		return records.EndsWith(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: field})
	}
	invalid := func(field string, limit int) *records.Outcome {
		return records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: field, Limit: limit})
	}
	switch {
	case vendor == "":
		return qbxml.PurchaseOrderAdd{}, notLinked("vendor")
	case job == "":
		return qbxml.PurchaseOrderAdd{}, notLinked("project")
	case len(p.Items) == 0:
		return qbxml.PurchaseOrderAdd{}, invalid("commitment_items", 0)
	}
	message, _ := records.Cut(strings.Join(strings.Fields(records.Text(c.Description)), " "), qbxml.MaxVendorMsg)
	po := qbxml.PurchaseOrderAdd{VendorListID: vendor, TxnDate: txnDate(p), RefNumber: ref, Memo: records.Text(c.Title), VendorMsg: message}
	for _, it := range p.Items {
		line, problem := records.PurchaseLine(it.CostCode.OriginID, it.TotalAmount, it.Amount, it.Description, job)
		if problem != nil {
			return qbxml.PurchaseOrderAdd{}, problem
		}
		po.Lines = append(po.Lines, line)
	}
	var tooLong *qbxml.TooLongError
	if errors.As(qbxml.CheckLimits(po.Limits()...), &tooLong) {
		field := map[string]string{"Memo": "title", "Desc": "description"}[tooLong.Element]
		return qbxml.PurchaseOrderAdd{}, invalid(field, tooLong.Limit)
	}
	return po, nil
}

func (Export) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	if job.State == servicedb.JobFailed {
		return records.QuickBooksRefused(job), nil
	}
	p, err := read(r.Data)
	var got qbjobs.TxnWritten
	if err := errors.Join(err, qbjobs.Decode(job.Output, &got)); err != nil {
		return records.Outcome{}, err
	}
	po := got.Txn
	c := p.Commitment
	name := c.Title
	if name == "" {
		name = c.Number
	}
	marks := []records.Synced{records.NewSynced(itemType(c.Type), c.ID, name, po.TxnID, po.EditSequence)}
	// The purchase order's lines are the commitment's items, in order.
	for i, it := range p.Items {
		if i < len(po.Lines) {
			marks = append(marks, records.Synced{ItemType: "line_item", ItemID: it.ID, OriginID: po.Lines[i].TxnLineID})
		}
	}
	refused, err := records.MarkSynced(ctx, env, marks)
	if err != nil {
		return records.Outcome{}, err
	}
	count := records.WrittenCount(got.Found, false)
	return records.Ended(serviceapi.ActivityResult{Counts: map[string]int{count: 1}, TxnID: po.TxnID, Refused: refused, Rules: rulesOf(p)}), nil
}

// rulesOf are the rules that shaped the purchase order of a commitment
// that was given one: its number's, and the Vendor Message's cut.
func rulesOf(p exported) []serviceapi.ActivityRule {
	// Planned, the commitment had a number: the contract number's rule
	// was on, or an ID was typed, which wins either way.
	_, rule, _ := refNumber(p, true)
	rules := []serviceapi.ActivityRule{rule}
	description := strings.Join(strings.Fields(records.Text(p.Commitment.Description)), " ")
	if message, wasCut := records.Cut(description, qbxml.MaxVendorMsg); wasCut {
		rules = append(rules, serviceapi.ActivityRule{Rule: serviceapi.RuleVendorMessageCut, From: description, To: message, Limit: qbxml.MaxVendorMsg})
	}
	return rules
}
