package connector

import (
	"context"

	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// advanceJob keeps QuickBooks' answer to a step of a job's export (a
// Procore project as a QuickBooks job).
//
// A new job is looked for by its full name first. The one found with the
// service's mark was added by an attempt whose answer was lost: the job
// ends as found. One found without it is the bookkeeper's, or another
// project's: the export fails (FailureNameInUse) rather than take it,
// as does an add QuickBooks refuses for a name in use (3100: a vendor's,
// say). None leads to the add.
//
// A job exported before (its ListID known) is read for its
// EditSequence, then changed; a stale EditSequence (3200: changed
// meanwhile) reads it again, once. A job QuickBooks no longer has fails
// with its status.
func (c *Connector) advanceJob(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	next := step{N: st.N + 1, Job: st.Job, JobListID: st.JobListID, Retried: st.Retried}
	var found *qbxml.Customer
	if len(r.Customers) == 1 {
		found = &r.Customers[0]
	}
	nameInUse := servicedb.Failure{Problem: servicedb.FailureNameInUse, StatusCode: r.Status.Code, Message: r.Status.Message}
	switch {
	case st.staleOnce(opChangeJob, r.Status):
		next.Op, next.Retried = opReadJob, true
	case r.Status.Code == qbxml.StatusNameInUse:
		return c.fail(ctx, job, nameInUse)
	case r.Status.Failed():
		return c.fail(ctx, job, refusal(r.Status))
	case st.Op == opFindJob && found == nil:
		next.Op = opAddJob
	case st.Op == opFindJob && !qbxml.SameGUID(found.ExternalGUID, st.Job.ExternalGUID):
		return c.fail(ctx, job, servicedb.Failure{Problem: servicedb.FailureNameInUse, Message: "a job of that name not added by the service"})
	case found == nil:
		// QuickBooks has no job of that ListID (500, found nothing):
		// deleted there. Its own status says so.
		return c.fail(ctx, job, refusal(r.Status))
	case st.Op == opReadJob:
		next.Op, next.EditSequence = opChangeJob, found.EditSequence
	default: // found by its name, added or changed
		return c.jobDone(ctx, job, *found, st.Op == opFindJob)
	}
	return c.goOn(ctx, job, next)
}

// jobDone ends a job's export with the job found or written.
func (c *Connector) jobDone(ctx context.Context, job servicedb.Job, customer qbxml.Customer, found bool) int {
	if err := c.DB.FinishJob(ctx, job.ID, qbjobs.Encode(qbjobs.JobWritten{Customer: customer, Found: found}), c.Now()); err != nil {
		c.Log.Error("job not kept", "job", job.ID, "err", err)
		return -1
	}
	c.Log.Info("job in quickbooks", "job", job.ID, "listId", customer.ListID, "found", found)
	c.ended(job)
	return c.finished(ctx)
}

// jobRequest is the request of a job export's step.
func jobRequest(st step) qbxml.Request {
	switch st.Op {
	case opFindJob:
		return qbxml.CustomerByName{RequestID: st.RequestID, FullName: st.Job.FullName()}
	case opAddJob:
		return qbxml.JobAdd{RequestID: st.RequestID, Job: *st.Job}
	case opChangeJob:
		return qbxml.JobMod{RequestID: st.RequestID, ListID: st.JobListID, EditSequence: st.EditSequence, Job: *st.Job}
	default: // opReadJob
		return qbxml.CustomerByID{RequestID: st.RequestID, ListID: st.JobListID}
	}
}
