package connector

import (
	"context"
	"fmt"

	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advanceChange keeps QuickBooks' answer to a step of a purchase order
// change (a Procore change order's lines added to its commitment's
// purchase order). The purchase order is read first, with its lines:
// holding the lines known and the change's after them, the change was
// made by an attempt whose answer was lost, and the job ends as found;
// holding another number than the lines known, it was changed by hand in
// QuickBooks, and the job fails (FailureLineCount) rather than guess;
// else the change keeps every line, names the new ones, and is sent at
// the EditSequence just read. A stale EditSequence (3200: changed
// meanwhile) reads the purchase order again, once; a purchase order open
// in another window (3176) fails with QuickBooks' status.
func (c *Connector) advanceChange(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	next := step{N: st.N + 1, Change: st.Change, Known: st.Known, Retried: st.Retried}
	switch {
	case st.staleOnce(opChangeWrite, r.Status):
		next.Op, next.Retried = opChangeRead, true
	case r.Status.Failed():
		return c.fail(ctx, job, refusal(r.Status))
	case len(r.Txns) != 1:
		// QuickBooks has no purchase order of that TxnID (1, found
		// nothing): deleted there.
		return c.fail(ctx, job, refusal(r.Status))
	case st.Op == opChangeWrite:
		return c.txnDone(ctx, job, r.Txns[0], false)
	default:
		po := r.Txns[0]
		add := st.Change.Add
		switch {
		case len(po.Lines) == st.Known+len(add) && sameItems(po.Lines[st.Known:], add):
			return c.txnDone(ctx, job, po, true)
		case len(po.Lines) != st.Known:
			return c.fail(ctx, job, servicedb.Failure{Problem: servicedb.FailureLineCount,
				Message: fmt.Sprintf("%d lines in QuickBooks, %d known", len(po.Lines), st.Known)})
		}
		change := *st.Change
		change.EditSequence, change.Keep = po.EditSequence, nil
		for _, l := range po.Lines {
			change.Keep = append(change.Keep, l.TxnLineID)
		}
		next.Op, next.Change = opChangeWrite, &change
	}
	return c.goOn(ctx, job, next)
}

// sameItems tells whether lines are the lines of add, item for item.
func sameItems(lines []qbxml.TxnLine, add []qbxml.PurchaseOrderLine) bool {
	for i, l := range lines {
		if l.ItemListID != add[i].ItemListID {
			return false
		}
	}
	return len(lines) == len(add)
}
