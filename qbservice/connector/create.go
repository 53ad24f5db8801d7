package connector

import (
	"context"
	"strings"

	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advanceCreate keeps QuickBooks' answer to a create's step: the item
// found or made ends the job; nothing found by that name leads to the add;
// a refusal (3100 for a name in use) fails the job with QuickBooks' status.
func (c *Connector) advanceCreate(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	now := c.Now()
	found := foundItem(r, st.Item.FullName())
	switch {
	case r.Status.Failed():
		return c.fail(ctx, job, refusal(r.Status))
	case found == nil && st.Op == opFind:
		// Not made by an earlier attempt (QuickBooks answers 500, "could
		// not be found", for a name it does not have): make it now.
		return c.goOn(ctx, job, step{N: st.N + 1, Op: opAdd, Item: st.Item})
	case found == nil:
		return c.fail(ctx, job, servicedb.Failure{Message: "no item in the answer to " + st.RequestID})
	}
	it := stored(*found)
	if err := c.DB.FinishCreate(ctx, job.ID, it, st.Op == opFind, now); err != nil {
		c.Log.Error("created item not kept", "job", job.ID, "err", err)
		return -1
	}
	c.Log.Info("item created in quickbooks", "job", job.ID, "listId", it.ListID, "found", st.Op == opFind)
	c.ended(job)
	return c.finished(ctx)
}

// foundItem is the item of the answer named name (as QuickBooks compares
// names, ignoring case), or nil.
func foundItem(r qbxml.Response, name string) *qbxml.Item {
	for i, it := range r.Items {
		if strings.EqualFold(it.FullName, name) && it.ListID != "" {
			return &r.Items[i]
		}
	}
	return nil
}
