package requisitions

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

// Export is create_requisitions: each subcontractor invoice an approver
// accepted becomes a bill in QuickBooks. The request is refused before
// QuickBooks is asked anything when the Invoice Retainage Item is not
// chosen, is no longer in QuickBooks' item list, or is a cost code made
// for Procore (rule 5); when an invoice refers to a commitment, project
// or cost code not synced, holds a value beyond what QuickBooks holds,
// or would make a bill whose total is negative.
type Export struct{}

func (Export) Plan(ctx context.Context, env records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	// A payload that is not create_requisitions', or one without an
	// invoice, is nothing QuickBooks can be given: the request ends.
	p, err := read(r.Data)
	if readable := err == nil; !readable || len(p.Requisitions) == 0 {
		return nil, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "requisitions"}), nil
	}
	item, problem, err := retainageItem(ctx, env)
	if err != nil || problem != nil {
		return nil, problem, err
	}
	jobs := make([]records.Job, 0, len(p.Requisitions))
	for _, q := range p.Requisitions {
		asked, problem := bill(env, q, item)
		if problem != nil {
			return nil, problem, nil
		}
		jobs = append(jobs, records.Job{Kind: servicedb.JobBill, Input: qbjobs.Encode(asked)})
	}
	return jobs, nil, nil
}

// retainageItem is rule 5's item, as QuickBooks names it now; the
// outcome instead when it cannot hold retainage: not chosen, no longer
// in QuickBooks' item list (or inactive there), or made in QuickBooks
// for a cost code exported from Procore (Procore's connector: retainage
// "should not be a cost code synced from Procore").
func retainageItem(ctx context.Context, env records.Env) (settings.ItemRef, *records.Outcome, error) {
	item := env.Settings.RetainageItem
	if _, err := syncrules.Retainage(item, 0, 0); errors.Is(err, syncrules.ErrNoRetainageItem) {
		return item, records.EndsWith(serviceapi.ActivityNoRetainageItem, serviceapi.ActivityResult{}), nil
	}
	it, ok, err := env.DB.ItemByListID(ctx, item.ListID)
	if err != nil {
		return item, nil, err
	}
	if !ok || !it.IsActive {
		return item, records.EndsWith(serviceapi.ActivityRetainageItemGone, serviceapi.ActivityResult{ListID: item.ListID}), nil
	}
	made, err := env.DB.MadeForProcore(ctx, item.ListID)
	if err != nil {
		return item, nil, err
	}
	if made {
		return item, records.EndsWith(serviceapi.ActivityRetainageItemIsCostCode, serviceapi.ActivityResult{ListID: item.ListID}), nil
	}
	item.FullName = it.FullName
	return item, nil, nil
}

// bill is the bill of requisition q: a line an invoice line, then the
// retainage lines of rule 5; or the outcome of an invoice QuickBooks
// could not be given.
func bill(env records.Env, q requisition, item settings.ItemRef) (qbjobs.BillAsked, *records.Outcome) {
	invalid := func(field string, limit int) (qbjobs.BillAsked, *records.Outcome) {
		return qbjobs.BillAsked{}, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: field, Limit: limit})
	}
	notLinked := func(field string) (qbjobs.BillAsked, *records.Outcome) {
		return qbjobs.BillAsked{}, records.EndsWith(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: field})
	}
	ref := strings.TrimSpace(q.InvoiceNumber)
	if ref == "" {
		ref = strings.TrimSpace(q.Code)
	}
	contract, job := strings.TrimSpace(q.ContractOrigin), strings.TrimSpace(q.JobOrigin)
	switch {
	case q.ID <= 0:
		return invalid("requisition", 0)
	case ref == "" || settings.HasHiddenCharacter(ref):
		return invalid("invoice_number", 0)
	case len([]rune(ref)) > qbxml.MaxBillRefNumber:
		// The number is the subcontractor's: never cut.
		return invalid("invoice_number", qbxml.MaxBillRefNumber)
	case contract == "":
		return notLinked("commitment")
	case job == "":
		return notLinked("project")
	case len(q.Lines) == 0:
		return invalid("line_items", 0)
	}
	b := qbxml.BillAdd{TxnDate: date(q.BillingDate), RefNumber: ref,
		ExternalGUID: qbxml.GUID(fmt.Sprintf("procore company %d requisition %d", env.Company, q.ID))}
	var held, released qbxml.Money
	cents := make([]int64, 0, len(q.Lines))
	for _, l := range q.Lines {
		itemID := records.ItemOfCostCode(l.CostCodeOrigin)
		if itemID == "" {
			return notLinked("costCode")
		}
		amount, errAmount := l.Amount.Money()
		h, errHeld := l.RetainageThisPeriod.Money()
		rel, errReleased := l.Released.Money()
		if errors.Join(errAmount, errHeld, errReleased) != nil || h < 0 || rel < 0 {
			return invalid("amount", 0)
		}
		line := qbxml.BillLine{ItemListID: itemID, Desc: records.Text(l.Description), Amount: amount, CustomerListID: job}
		if billed := records.FirstOf(l.ChangeOrderItem, l.CommitmentItem); billed != "" {
			line.LinkTxnID, line.LinkTxnLineID = contract, billed
		}
		b.Lines = append(b.Lines, line)
		held, released, cents = held+h, released+rel, append(cents, int64(amount))
	}
	if held > qbxml.MaxMoney || released > qbxml.MaxMoney {
		return invalid("amount", 0)
	}
	rules, _ := syncrules.Retainage(item, int64(held), int64(released))
	if _, err := syncrules.BillTotal(cents, int64(held), int64(released)); err != nil {
		return qbjobs.BillAsked{}, records.EndsWith(serviceapi.ActivityNegativeTotal, serviceapi.ActivityResult{Rules: rules})
	}
	for _, rule := range rules {
		amount, words := -held, heldWords
		if rule.Rule == serviceapi.RuleRetainageReleased {
			amount, words = released, releasedWords
		}
		b.Lines = append(b.Lines, qbxml.BillLine{ItemListID: item.ListID, Desc: words, Amount: amount, CustomerListID: job})
	}
	var tooLong *qbxml.TooLongError
	if errors.As(qbxml.CheckLimits(b.Limits()...), &tooLong) {
		return invalid("description", tooLong.Limit)
	}
	return qbjobs.BillAsked{Bill: b, PurchaseOrder: contract, Shaped: rules}, nil
}

// date is a billing date as QuickBooks takes it (YYYY-MM-DD), "" (its
// today) for none.
func date(d string) string {
	if len(d) >= 10 && d[4] == '-' && d[7] == '-' {
		return d[:10]
	}
	return ""
}

func (Export) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	p, err := read(r.Data)
	if err != nil {
		return records.Outcome{}, err
	}
	var (
		marks   []records.Synced
		result  = serviceapi.ActivityResult{Counts: map[string]int{}}
		failure *records.Outcome
	)
	for i, job := range jobs {
		if i >= len(p.Requisitions) {
			break
		}
		q := p.Requisitions[i]
		var asked qbjobs.BillAsked
		var got qbjobs.TxnWritten
		if err := errors.Join(qbjobs.Decode(job.Input, &asked), qbjobs.Decode(job.Output, &got)); err != nil {
			return records.Outcome{}, err
		}
		result.Rules = append(result.Rules, asked.Shaped...)
		if job.State == servicedb.JobFailed {
			if failure == nil {
				failure = refused(job)
			}
			continue
		}
		marks = append(marks, records.NewSynced("requisition", q.ID, asked.Bill.RefNumber, got.Txn.TxnID, got.Txn.EditSequence))
		// The bill's first lines are the invoice's, in order; the
		// retainage lines follow them.
		for j, l := range q.Lines {
			if j < len(got.Txn.Lines) {
				marks = append(marks, records.Synced{ItemType: itemType(l.ItemType), ItemID: l.ID, OriginID: got.Txn.Lines[j].TxnLineID})
			}
		}
		result.Counts[records.WrittenCount(got.Found, false)]++
		result.TxnID = got.Txn.TxnID
	}
	if len(marks) > 0 {
		if result.Refused, err = records.MarkSynced(ctx, env, marks); err != nil {
			return records.Outcome{}, err
		}
	}
	switch {
	case failure != nil:
		failure.Result.Counts, failure.Result.Rules, failure.Result.Refused = result.Counts, result.Rules, result.Refused
		return *failure, nil
	case len(result.Refused) > 0:
		return records.Failed(serviceapi.ActivityProcoreRefused, result), nil
	}
	return records.Outcome{Result: result}, nil
}

// refused is the outcome of a bill job QuickBooks refused: no purchase
// order of the commitment's TxnID (QuickBooks found none: deleted or
// never exported) is a commitment not synced; any other, QuickBooks'
// refusal.
func refused(job servicedb.Job) *records.Outcome {
	if job.Failure.StatusCode == qbxml.StatusNothingFound {
		return records.EndsWith(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: "commitment"})
	}
	out := records.QuickBooksRefused(job)
	return &out
}
