package connector

import (
	"context"
	"strings"
	"time"

	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advanceRecords keeps a page of a read of vendors or customers and asks
// for the next; the last page ends the job with how many were read and
// the latest time among them.
func (c *Connector) advanceRecords(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	if r.Status.Failed() {
		return c.fail(ctx, job, refusal(r.Status))
	}
	next := st
	next.N = st.N + 1
	var page []servicedb.Listed
	keep := func(listID, modified string, record any) {
		page = append(page, servicedb.Listed{ListID: listID, JSON: qbjobs.Encode(record)})
		if later(modified, next.Latest) {
			next.Latest = modified
		}
	}
	for _, v := range r.Vendors {
		keep(v.ListID, v.TimeModified, v)
	}
	for _, cu := range r.Customers {
		keep(cu.ListID, cu.TimeModified, cu)
	}
	next.Read = st.Read + len(page)
	now := c.Now()
	if r.IteratorRemaining == 0 || r.IteratorID == "" {
		err := c.DB.KeepRecordPage(ctx, job.ID, page, "", now)
		if err == nil {
			err = c.DB.FinishJob(ctx, job.ID, qbjobs.Encode(qbjobs.RecordsRead{Read: next.Read, Latest: next.Latest}), now)
		}
		if err != nil {
			c.Log.Error("records read not kept", "job", job.ID, "err", err)
			return -1
		}
		c.Log.Info("records read from quickbooks", "job", job.ID, "kind", job.Kind, "read", next.Read)
		c.ended(job)
		return c.finished(ctx)
	}
	next.Iterator, next.IteratorID = qbxml.IteratorContinue, r.IteratorID
	next.RequestID = stepRequestID(job, next)
	if err := c.DB.KeepRecordPage(ctx, job.ID, page, next.encode(), now); err != nil {
		c.Log.Error("page of records not kept", "job", job.ID, "err", err)
		return -1
	}
	return min(99, next.Read*100/max(1, next.Read+r.IteratorRemaining))
}

// later tells whether QuickBooks' time a is after b ("" is before any).
// Times QuickBooks wrote with their offsets are compared as instants;
// text that is not one is never later.
func later(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339, a)
	if errA != nil {
		return false
	}
	tb, errB := time.Parse(time.RFC3339, b)
	return errB != nil || ta.After(tb)
}

// advanceVendor keeps QuickBooks' answer to a vendor job's step: the
// vendor found by its name, or added, ends the job; none of that name
// leads to the add; a refusal (3100: the name is a customer's) fails the
// job with QuickBooks' status.
func (c *Connector) advanceVendor(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	var found *qbxml.Vendor
	for i, v := range r.Vendors {
		if strings.EqualFold(v.Name, st.Vendor.Name) {
			found = &r.Vendors[i]
		}
	}
	switch {
	case r.Status.Failed():
		return c.fail(ctx, job, refusal(r.Status))
	case found == nil && st.Op == opFindVendor:
		return c.goOn(ctx, job, step{N: st.N + 1, Op: opAddVendor, Vendor: st.Vendor})
	case found == nil:
		return c.fail(ctx, job, servicedb.Failure{Message: "no vendor in the answer to " + st.RequestID})
	}
	out := qbjobs.VendorFound{Vendor: *found, Found: st.Op == opFindVendor}
	if err := c.DB.FinishJob(ctx, job.ID, qbjobs.Encode(out), c.Now()); err != nil {
		c.Log.Error("vendor not kept", "job", job.ID, "err", err)
		return -1
	}
	c.Log.Info("vendor in quickbooks", "job", job.ID, "listId", found.ListID, "found", out.Found)
	c.ended(job)
	return c.finished(ctx)
}
