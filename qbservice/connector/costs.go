package connector

import (
	"context"
	"maps"

	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advanceCosts keeps QuickBooks' answer to a step of a read of job costs:
// a page of one kind of cost transaction changed since the last read
// (every one the first time), each kept in the ledger in place of what it
// had; then the next page, the next kind, and at last the transactions
// deleted since, which leave the ledger. The latest times seen are kept
// for the next read, with the job's end. A line without a job or an item
// is no job cost (an expense, a line of the company's own).
func (c *Connector) advanceCosts(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	if r.Status.Failed() {
		return c.fail(ctx, job, refusal(r.Status))
	}
	if st.Op == opDeletedCosts {
		return c.costsDone(ctx, job, st, r.Deleted)
	}
	kind := qbxml.CostKinds[st.CostAt]
	next := st
	next.N = st.N + 1
	var page []servicedb.CostTxn
	for _, t := range r.Txns {
		page = append(page, costTxn(kind, t))
		if later(t.TimeModified, next.Latest) {
			next.Latest = t.TimeModified
		}
	}
	next.Read = st.Read + len(page)
	switch {
	case r.IteratorRemaining > 0 && r.IteratorID != "":
		next.Iterator, next.IteratorID = qbxml.IteratorContinue, r.IteratorID
	default:
		if later(next.Latest, next.Marks[string(kind)]) {
			next.Marks = withMark(next.Marks, string(kind), next.Latest)
		}
		next.Iterator, next.IteratorID, next.Latest = qbxml.IteratorStart, "", ""
		next.CostAt++
		if next.CostAt == len(qbxml.CostKinds) {
			next.Op, next.Iterator = opDeletedCosts, ""
		}
	}
	next.RequestID = stepRequestID(job, next)
	if err := c.DB.KeepCostPage(ctx, job.ID, page, next.encode(), c.Now()); err != nil {
		c.Log.Error("page of job costs not kept", "job", job.ID, "err", err)
		return -1
	}
	return min(99, (next.CostAt*100+50)/(len(qbxml.CostKinds)+1))
}

// costsDone ends a read of job costs with the transactions deleted.
func (c *Connector) costsDone(ctx context.Context, job servicedb.Job, st step, deleted []qbxml.DeletedTxn) int {
	var gone []servicedb.CostTxn
	latest := st.Marks[servicedb.DeletedReadName]
	for _, d := range deleted {
		gone = append(gone, servicedb.CostTxn{Kind: string(d.Kind), TxnID: d.TxnID})
		if later(d.TimeDeleted, latest) {
			latest = d.TimeDeleted
		}
	}
	marks := withMark(st.Marks, servicedb.DeletedReadName, latest)
	out := qbjobs.Encode(qbjobs.CostsRead{Read: st.Read, Deleted: len(gone)})
	if err := c.DB.FinishCostRead(ctx, job.ID, gone, marks, out, c.Now()); err != nil {
		c.Log.Error("job costs not kept", "job", job.ID, "err", err)
		return -1
	}
	c.Log.Info("job costs read from quickbooks", "job", job.ID, "read", st.Read, "deleted", len(gone))
	c.ended(job)
	return c.finished(ctx)
}

// costTxn is a transaction of kind as the ledger keeps it: its lines that
// name a job and an item, a credit's negative.
func costTxn(kind qbxml.CostKind, t qbxml.Txn) servicedb.CostTxn {
	out := servicedb.CostTxn{Kind: string(kind), TxnID: t.TxnID, TxnDate: t.TxnDate}
	for _, l := range t.Lines {
		cents, err := qbxml.ParseMoney(l.Amount)
		if l.CustomerListID == "" || l.ItemListID == "" || err != nil {
			continue
		}
		if kind.Credit() {
			cents = -cents
		}
		out.Lines = append(out.Lines, servicedb.CostLine{LineID: l.TxnLineID, Job: l.CustomerListID, Item: l.ItemListID, Cents: int64(cents)})
	}
	return out
}

// withMark is marks with name's latest time when, a copy (the step's
// own is not changed under it).
func withMark(marks map[string]string, name, when string) map[string]string {
	out := maps.Clone(marks)
	if out == nil {
		out = map[string]string{}
	}
	if when != "" {
		out[name] = when
	}
	return out
}

// costRequest is the request of a job-cost read's step.
func (c *Connector) costRequest(st step) qbxml.Request {
	if st.Op == opDeletedCosts {
		return qbxml.DeletedQuery{RequestID: st.RequestID, From: st.Marks[servicedb.DeletedReadName]}
	}
	kind := qbxml.CostKinds[st.CostAt]
	return qbxml.CostQuery{Kind: kind, RequestID: st.RequestID, Iterator: st.Iterator, IteratorID: st.IteratorID, MaxReturned: c.PageSize,
		From: st.Marks[string(kind)]}
}
