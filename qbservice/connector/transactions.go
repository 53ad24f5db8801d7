package connector

import (
	"context"

	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advanceTxn keeps QuickBooks' answer to a step of a purchase order or
// bill job. Among the transactions of its number, the one the service
// marked (its ExternalGUID) ends the job as found: an attempt before
// added it and its answer was lost. None leads on: a purchase order to
// its add; a bill to the purchase order it bills, whose vendor is the
// bill's, then to its add. The added one ends the job. A refusal (3250:
// purchase orders are off; 3140: a vendor, item or job QuickBooks does
// not have), or no purchase order of the bill's TxnID, fails the job
// with QuickBooks' status.
func (c *Connector) advanceTxn(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	if r.Status.Failed() {
		return c.fail(ctx, job, refusal(r.Status))
	}
	found := qbxml.Marked(r.Txns, st.mark())
	next := step{N: st.N + 1, PurchaseOrder: st.PurchaseOrder, Bill: st.Bill, BillOfPurchase: st.BillOfPurchase}
	switch st.Op {
	case opFindPurchaseOrder, opFindBill:
		if found != nil {
			return c.txnDone(ctx, job, *found, true)
		}
		next.Op = opAddPurchaseOrder
		if st.Op == opFindBill {
			next.Op = opBillsOrder
		}
	case opBillsOrder:
		if len(r.Txns) != 1 || r.Txns[0].VendorListID == "" {
			// QuickBooks has no purchase order of that TxnID (deleted
			// there): its own status says so (1, found nothing).
			return c.fail(ctx, job, refusal(r.Status))
		}
		bill := *st.Bill
		bill.VendorListID = r.Txns[0].VendorListID
		next.Op, next.Bill = opAddBill, &bill
	default: // an add: QuickBooks answers with the transaction it made
		if found == nil && len(r.Txns) == 1 {
			found = &r.Txns[0]
		}
		if found == nil {
			return c.fail(ctx, job, servicedb.Failure{Message: "no transaction in the answer to " + st.RequestID})
		}
		return c.txnDone(ctx, job, *found, false)
	}
	return c.goOn(ctx, job, next)
}

// txnDone ends a purchase order or bill job with the transaction found
// or added.
func (c *Connector) txnDone(ctx context.Context, job servicedb.Job, txn qbxml.Txn, found bool) int {
	if err := c.DB.FinishJob(ctx, job.ID, qbjobs.Encode(qbjobs.TxnWritten{Txn: txn, Found: found}), c.Now()); err != nil {
		c.Log.Error("transaction not kept", "job", job.ID, "err", err)
		return -1
	}
	c.Log.Info("transaction in quickbooks", "job", job.ID, "kind", job.Kind, "txnId", txn.TxnID, "found", found)
	c.ended(job)
	return c.finished(ctx)
}
