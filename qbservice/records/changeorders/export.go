package changeorders

import (
	"context"
	"errors"
	"strings"

	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Export is create_commitment_change_order. It is refused before
// QuickBooks is asked anything when the commitment's purchase order, the
// project or a line's cost code is not synced, when a value is beyond
// what QuickBooks holds, or when the company file has purchase orders
// off; QuickBooks then refuses a purchase order open in another window,
// and the service one whose lines were changed there by hand.
type Export struct{}

func (Export) Plan(ctx context.Context, env records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	// A payload that is not a change order's, or one without a line, is
	// nothing QuickBooks can be given: the request ends.
	p, err := read(r.Data)
	if readable := err == nil; !readable || p.ChangeOrder.ID <= 0 || len(p.Items) == 0 {
		return nil, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "change_order_items"}), nil
	}
	txn := strings.TrimSpace(p.Commitment.OriginID)
	job := records.FirstOf(p.JobOrigin, p.Commitment.Project.OriginID)
	switch {
	case txn == "":
		return nil, records.EndsWith(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: "commitment"}), nil
	case job == "":
		return nil, records.EndsWith(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: "project"}), nil
	}
	change := qbxml.PurchaseOrderMod{TxnID: txn}
	for _, it := range p.Items {
		line, problem := records.PurchaseLine(it.CostCode.OriginID, it.TotalAmount, it.Amount, it.Description, job)
		if problem != nil {
			return nil, problem, nil
		}
		change.Add = append(change.Add, line)
	}
	if off, err := records.PurchaseOrdersOff(ctx, env); off != nil || err != nil {
		return nil, off, err
	}
	// The lines QuickBooks should hold before this change: the
	// commitment's, and those the service's other change orders added
	// (this one's, when it is sent again, are found after them).
	added, err := env.DB.LinesAddedTo(ctx, txn, p.ChangeOrder.ID)
	if err != nil {
		return nil, nil, err
	}
	asked := qbjobs.PurchaseOrderChangeAsked{Change: change, Known: len(p.CommitmentItems) + added, ChangeOrder: p.ChangeOrder.ID}
	return []records.Job{{Kind: servicedb.JobPurchaseOrderChange, Input: qbjobs.Encode(asked)}}, nil, nil
}

func (Export) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	switch {
	case job.State == servicedb.JobFailed && job.Failure.Problem == servicedb.FailureLineCount:
		return records.Failed(serviceapi.ActivityLineCount, serviceapi.ActivityResult{}), nil
	case job.State == servicedb.JobFailed && job.Failure.StatusCode == qbxml.StatusNothingFound:
		return records.Failed(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: "commitment"}), nil
	case job.State == servicedb.JobFailed:
		return records.QuickBooksRefused(job), nil
	}
	p, err := read(r.Data)
	var got qbjobs.TxnWritten
	if err := errors.Join(err, qbjobs.Decode(job.Output, &got)); err != nil {
		return records.Outcome{}, err
	}
	po := got.Txn
	// The change order's lines are the purchase order's last ones.
	first := len(po.Lines) - len(p.Items)
	if first < 0 {
		return records.Outcome{}, errors.New("changeorders: the purchase order has fewer lines than the change order")
	}
	marks := []records.Synced{records.NewSynced("change_order", p.ChangeOrder.ID, p.name(), po.TxnID+"|"+po.Lines[first].TxnLineID, po.EditSequence)}
	for i, it := range p.Items {
		marks = append(marks, records.Synced{ItemType: "line_item", ItemID: it.ID, OriginID: po.Lines[first+i].TxnLineID})
	}
	refused, err := records.MarkSynced(ctx, env, marks)
	if err != nil {
		return records.Outcome{}, err
	}
	count := records.WrittenCount(got.Found, false)
	return records.Ended(serviceapi.ActivityResult{Counts: map[string]int{count: len(p.Items)}, TxnID: po.TxnID, Refused: refused}), nil
}
