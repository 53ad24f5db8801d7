package connector

import (
	"context"

	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advanceEstimate keeps QuickBooks' answer to a step of a budget's
// estimate.
//
// A new budget's estimate is looked for among the job's estimates: the
// one the service marked (its ExternalGUID) was added by an attempt whose
// answer was lost, and ends the job as found; none leads to the add.
//
// A budget exported before has its estimate read, with its lines, then
// changed: each line on an item of the budget takes the budget's amount,
// each other line is kept as it is (QuickBooks deletes every line a
// change does not name), and the budget's items the estimate lacks are
// added. So a change made twice writes the same estimate. A stale
// EditSequence (3200) reads it again, once; an estimate QuickBooks no
// longer has, or a refusal, fails the job with QuickBooks' status.
func (c *Connector) advanceEstimate(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	next := step{N: st.N + 1, Estimate: st.Estimate, EstimateOf: st.EstimateOf, Retried: st.Retried}
	switch {
	case st.staleOnce(opChangeEstimate, r.Status):
		next.Op, next.Retried = opReadEstimate, true
	case r.Status.Failed():
		return c.fail(ctx, job, refusal(r.Status))
	case st.Op == opFindEstimate:
		if found := qbxml.Marked(r.Txns, st.Estimate.ExternalGUID); found != nil {
			return c.txnDone(ctx, job, *found, true)
		}
		next.Op = opAddEstimate
	case len(r.Txns) != 1:
		// No estimate of that TxnID (deleted in QuickBooks), or an add
		// answered without it: QuickBooks' status says which.
		return c.fail(ctx, job, refusal(r.Status))
	case st.Op == opReadEstimate:
		change := estimateChange(r.Txns[0], st.Estimate.Lines)
		next.Op, next.EstimateChange = opChangeEstimate, &change
	default: // added or changed
		return c.txnDone(ctx, job, r.Txns[0], false)
	}
	return c.goOn(ctx, job, next)
}

// estimateChange is the change that makes estimate hold lines: its lines
// on their items take their amounts, in order (qbxml.PairByItem); its
// other lines are kept; the lines left over are added.
func estimateChange(estimate qbxml.Txn, lines []qbxml.EstimateLine) qbxml.EstimateMod {
	m := qbxml.EstimateMod{TxnID: estimate.TxnID, EditSequence: estimate.EditSequence}
	had, wanted := estimate.LineItems(), make([]string, len(lines))
	for j, l := range lines {
		wanted[j] = l.ItemListID
	}
	pairs := qbxml.PairByItem(had, wanted)
	takenBy := make([]int, len(had))
	for i := range takenBy {
		takenBy[i] = -1
	}
	for j, i := range pairs {
		if i >= 0 {
			takenBy[i] = j
		}
	}
	for i, l := range estimate.Lines {
		if j := takenBy[i]; j >= 0 {
			m.Lines = append(m.Lines, qbxml.EstimateLineMod{TxnLineID: l.TxnLineID, EstimateLine: lines[j]})
			continue
		}
		m.Lines = append(m.Lines, qbxml.EstimateLineMod{TxnLineID: l.TxnLineID, Kept: true})
	}
	for j, i := range pairs {
		if i < 0 {
			m.Lines = append(m.Lines, qbxml.EstimateLineMod{EstimateLine: lines[j]})
		}
	}
	return m
}

// estimateRequest is the request of a budget's step.
func estimateRequest(st step) qbxml.Request {
	switch st.Op {
	case opFindEstimate:
		return qbxml.EstimateQuery{RequestID: st.RequestID, CustomerListID: st.Estimate.CustomerListID, Lines: true}
	case opAddEstimate:
		add := *st.Estimate
		add.RequestID = st.RequestID
		return add
	case opChangeEstimate:
		change := *st.EstimateChange
		change.RequestID = st.RequestID
		return change
	default: // opReadEstimate
		return qbxml.EstimateQuery{RequestID: st.RequestID, TxnID: st.EstimateOf, Lines: true}
	}
}
