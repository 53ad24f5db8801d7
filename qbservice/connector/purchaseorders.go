package connector

import (
	"context"
	"fmt"

	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advancePurchaseOrder keeps QuickBooks' answer to a purchase order job's
// step. Among the purchase orders of its number, the one the service
// marked (its ExternalGUID) ends the job as found: an attempt before
// added it and its answer was lost. None leads to the add; the added one
// ends the job. A refusal (3250: purchase orders are off; 3140: a vendor,
// item or job QuickBooks does not have) fails the job with QuickBooks'
// status.
func (c *Connector) advancePurchaseOrder(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	var found *qbxml.PurchaseOrder
	for i, po := range r.PurchaseOrders {
		if qbxml.SameGUID(po.ExternalGUID, st.PurchaseOrder.ExternalGUID) {
			found = &r.PurchaseOrders[i]
		}
	}
	switch {
	case r.Status.Failed():
		return c.fail(ctx, job, servicedb.Failure{StatusCode: r.Status.Code, Message: r.Status.Message})
	case found == nil && st.Op == opFindPurchaseOrder:
		next := step{N: st.N + 1, Op: opAddPurchaseOrder, PurchaseOrder: st.PurchaseOrder}
		next.RequestID = fmt.Sprintf("%s.%d", job.ID, next.N)
		if err := c.DB.SetStep(ctx, job.ID, next.encode(), c.Now()); err != nil {
			c.Log.Error("step not kept", "job", job.ID, "err", err)
			return -1
		}
		return 50
	case found == nil && len(r.PurchaseOrders) == 1:
		// QuickBooks answers an add with the purchase order it made.
		found = &r.PurchaseOrders[0]
	case found == nil:
		return c.fail(ctx, job, servicedb.Failure{Message: "no purchase order in the answer to " + st.RequestID})
	}
	out := qbjobs.PurchaseOrderWritten{PurchaseOrder: *found, Found: st.Op == opFindPurchaseOrder}
	if err := c.DB.FinishJob(ctx, job.ID, qbjobs.Encode(out), c.Now()); err != nil {
		c.Log.Error("purchase order not kept", "job", job.ID, "err", err)
		return -1
	}
	c.Log.Info("purchase order in quickbooks", "job", job.ID, "txnId", found.TxnID, "found", out.Found)
	c.ended(job)
	return c.finished(ctx)
}
