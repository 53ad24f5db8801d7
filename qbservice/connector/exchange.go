package connector

import (
	"context"
	"errors"
	"fmt"

	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// SendRequestXML hands the Web Connector the next request: the running
// job's step again (its answer was lost), the next queued job's first, or
// else a question to QuickBooks of who it is.
func (c *Connector) SendRequestXML(ctx context.Context, call qbwc.RequestCall) string {
	s, ok := c.session(ctx, call.Ticket)
	if !ok {
		return ""
	}
	was := s
	defer func() { c.saveSession(ctx, was, s) }()
	hostKnown := false
	if call.HCPResponse != "" {
		var err error
		if s.QBXMLVersion, hostKnown, err = c.learn(ctx, call); err != nil {
			c.Log.Warn("the web connector's first answer refused", "err", err)
			s.LastError = errInvalid
			if err := c.DB.NoteSessionError(ctx, errInvalid); err != nil {
				c.Log.Error("session's error not kept", "err", err)
			}
			return ""
		}
	}
	if s.QBXMLVersion == "" && !hostKnown {
		// No host answer to go by: the request processor's own version.
		s.QBXMLVersion, _ = qbxml.ChooseVersion([]string{fmt.Sprintf("%d.%d", call.QBXMLMajor, call.QBXMLMinor)})
	}
	if s.QBXMLVersion == "" {
		s.LastError = errVersion
		// QuickBooks' own code for it, for health and the app's words.
		c.noteQuickBooks(ctx, hresultVersion, "QuickBooks supports no qbXML version from "+qbxml.MinVersion+" to "+qbxml.MaxVersion, true)
		return ""
	}
	st, err := c.nextStep(ctx, s.Ticket)
	if err != nil {
		c.Log.Error("no request for the web connector", "err", err)
		return ""
	}
	text, err := qbxml.MessageSet(s.QBXMLVersion, c.request(st))
	if err != nil {
		c.Log.Error("request not written", "err", err)
		return ""
	}
	return text
}

// nextStep is the request to send now, recorded with its job.
func (c *Connector) nextStep(ctx context.Context, ticket string) (step, error) {
	job, running, err := c.DB.RunningJob(ctx, ticket)
	if err != nil {
		return step{}, err
	}
	if running {
		if st, ok := decodeStep(job.Step); ok {
			return st, nil
		}
	}
	for {
		if !running {
			if job, running, err = c.DB.TakeNextJob(ctx, ticket, c.Now()); err != nil || !running {
				return step{RequestID: "host", Op: opHost}, err
			}
		}
		st, err := firstStep(job)
		if err == nil && job.Kind == servicedb.JobJobCosts {
			// A read of job costs starts where the last one ended.
			st.Marks, err = c.DB.CostReads(ctx)
		}
		if err == nil {
			return st, c.DB.SetStep(ctx, job.ID, st.encode(), c.Now())
		}
		// Nothing QuickBooks could be asked: the job fails, and the next
		// is taken.
		c.Log.Error("a job's request could not be read", "job", job.ID, "err", err)
		if err := c.DB.FailJob(ctx, job.ID, servicedb.Failure{Message: "unreadable job"}, c.Now()); err != nil {
			return step{}, err
		}
		running = false
	}
}

// firstStep is a job's first request. A create taken again looks for its
// item before it adds it: an earlier attempt may have sent the add, and
// QuickBooks made the item before its answer was lost (the service was
// stopped, or the Web Connector session ended). So no item is made twice.
//
// A vendor job always looks first: the vendor may be in QuickBooks under
// that name already, made by the bookkeeper or by an attempt before. A
// purchase order or bill job looks for the one it marked (its
// ExternalGUID) among those of its number: an attempt before may have
// added it.
func firstStep(job servicedb.Job) (step, error) {
	st := step{N: 1, RequestID: job.ID + ".1"}
	switch job.Kind {
	case servicedb.JobCreate:
		// An ERP Request's item is looked for first, as a vendor is: the
		// bookkeeper may have made it already.
		st.Op, st.Item = opAdd, job.Request
		if job.Attempts > 1 || job.ERPRequest != 0 {
			st.Op = opFind
		}
	case servicedb.JobVendors:
		var asked qbjobs.VendorsAsked
		if err := qbjobs.Decode(job.Input, &asked); err != nil {
			return st, err
		}
		st.Op, st.Iterator, st.From = opVendors, qbxml.IteratorStart, asked.From
	case servicedb.JobCustomers:
		st.Op, st.Iterator = opCustomers, qbxml.IteratorStart
	case servicedb.JobVendor:
		var asked qbjobs.VendorAsked
		if err := qbjobs.Decode(job.Input, &asked); err != nil || asked.Vendor.Name == "" {
			return st, errors.Join(err, errors.New("no vendor to find"))
		}
		st.Op, st.Vendor = opFindVendor, &asked.Vendor
	case servicedb.JobPurchaseOrder:
		var asked qbjobs.PurchaseOrderAsked
		if err := qbjobs.Decode(job.Input, &asked); err != nil || asked.PurchaseOrder.ExternalGUID == "" {
			return st, errors.Join(err, errors.New("no purchase order to find"))
		}
		st.Op, st.PurchaseOrder = opFindPurchaseOrder, &asked.PurchaseOrder
	case servicedb.JobPurchaseOrderChange:
		var asked qbjobs.PurchaseOrderChangeAsked
		if err := qbjobs.Decode(job.Input, &asked); err != nil || asked.Change.TxnID == "" || len(asked.Change.Add) == 0 {
			return st, errors.Join(err, errors.New("no change to make"))
		}
		st.Op, st.Change, st.Known = opChangeRead, &asked.Change, asked.Known
	case servicedb.JobJob:
		var asked qbjobs.JobAsked
		if err := qbjobs.Decode(job.Input, &asked); err != nil || asked.Job.Name == "" {
			return st, errors.Join(err, errors.New("no job to export"))
		}
		st.Op, st.Job, st.JobListID = opFindJob, &asked.Job, asked.ListID
		if asked.ListID != "" {
			st.Op = opReadJob
		}
	case servicedb.JobEstimate:
		var asked qbjobs.EstimateAsked
		if err := qbjobs.Decode(job.Input, &asked); err != nil || asked.Estimate.ExternalGUID == "" || asked.Estimate.CustomerListID == "" {
			return st, errors.Join(err, errors.New("no estimate to write"))
		}
		st.Op, st.Estimate, st.EstimateOf = opFindEstimate, &asked.Estimate, asked.TxnID
		if asked.TxnID != "" {
			st.Op = opReadEstimate
		}
	case servicedb.JobJobCosts:
		st.Op, st.Iterator = opCosts, qbxml.IteratorStart
	case servicedb.JobBill:
		var asked qbjobs.BillAsked
		if err := qbjobs.Decode(job.Input, &asked); err != nil || asked.Bill.ExternalGUID == "" || asked.PurchaseOrder == "" {
			return st, errors.Join(err, errors.New("no bill to find"))
		}
		st.Op, st.Bill, st.BillOfPurchase = opFindBill, &asked.Bill, asked.PurchaseOrder
	default:
		st.Op, st.Kind, st.Iterator = opItems, qbxml.ItemService, qbxml.IteratorStart
	}
	return st, nil
}

func (c *Connector) request(st step) qbxml.Request {
	switch st.Op {
	case opFindJob, opAddJob, opReadJob, opChangeJob:
		return jobRequest(st)
	case opFindEstimate, opAddEstimate, opReadEstimate, opChangeEstimate:
		return estimateRequest(st)
	case opCosts, opDeletedCosts:
		return c.costRequest(st)
	case opHost:
		return qbxml.HostQuery{RequestID: st.RequestID}
	case opFind:
		return qbxml.ItemByName{Kind: qbxml.ItemService, RequestID: st.RequestID, Name: st.Item.FullName()}
	case opAdd:
		it := st.Item
		return qbxml.ServiceItemAdd{RequestID: st.RequestID, Name: it.Name, Parent: it.Parent, Description: it.Description,
			IncomeAccount: it.IncomeAccount, ExpenseAccount: it.ExpenseAccount}
	case opVendors:
		return qbxml.VendorQuery{RequestID: st.RequestID, Iterator: st.Iterator, IteratorID: st.IteratorID, MaxReturned: c.PageSize, From: st.From}
	case opCustomers:
		return qbxml.CustomerQuery{RequestID: st.RequestID, Iterator: st.Iterator, IteratorID: st.IteratorID, MaxReturned: c.PageSize}
	case opFindVendor:
		return qbxml.VendorByName{RequestID: st.RequestID, Name: st.Vendor.Name}
	case opAddVendor:
		return qbxml.VendorAdd{RequestID: st.RequestID, Vendor: *st.Vendor}
	case opFindPurchaseOrder:
		return qbxml.PurchaseOrderQuery{RequestID: st.RequestID, RefNumber: st.PurchaseOrder.RefNumber, Lines: true}
	case opAddPurchaseOrder:
		po := *st.PurchaseOrder
		po.RequestID = st.RequestID
		return po
	case opChangeRead:
		return qbxml.PurchaseOrderQuery{RequestID: st.RequestID, TxnID: st.Change.TxnID, Lines: true}
	case opChangeWrite:
		change := *st.Change
		change.RequestID = st.RequestID
		return change
	case opFindBill:
		return qbxml.BillQuery{RequestID: st.RequestID, RefNumber: st.Bill.RefNumber}
	case opBillsOrder:
		return qbxml.PurchaseOrderQuery{RequestID: st.RequestID, TxnID: st.BillOfPurchase}
	case opAddBill:
		bill := *st.Bill
		bill.RequestID = st.RequestID
		return bill
	case opItems: // a page of a refresh, below
	}
	return qbxml.ItemQuery{Kind: st.Kind, RequestID: st.RequestID, Iterator: st.Iterator, IteratorID: st.IteratorID, MaxReturned: c.PageSize}
}

// learn keeps what the session's first call says of QuickBooks (its
// answers to HostQuery and CompanyQuery) and returns the qbXML version to
// speak ("" when it supports none the service can); hostKnown is false
// when the call said no versions at all. A call with what QuickBooks and
// the Web Connector could not have sent is refused (an error), and
// nothing of it kept.
func (c *Connector) learn(ctx context.Context, call qbwc.RequestCall) (version string, hostKnown bool, err error) {
	if err := checkCall(call); err != nil {
		return "", false, err
	}
	conn := servicedb.Connector{LastCallAt: c.Now(), CompanyFile: call.CompanyFileName, Country: call.Country, QuickBooksOpen: true}
	responses, err := qbxml.ParseResponses(call.HCPResponse)
	switch {
	case errors.Is(err, qbxml.ErrOutOfSchema):
		return "", false, err
	case err != nil:
		c.Log.Warn("the web connector's first answer was not read", "err", err)
	}
	for _, r := range responses {
		if h := r.Host; h != nil {
			conn.Product, conn.MajorVersion, conn.MinorVersion, conn.FileMode = h.ProductName, h.MajorVersion, h.MinorVersion, h.QBFileMode
			conn.SupportedVersions = h.SupportedQBXMLVersion
			if h.Country != "" {
				conn.Country = h.Country
			}
		}
		if co := r.Company; co != nil {
			conn.CompanyName, conn.FileID = co.CompanyName, co.FileID(c.OwnerID)
		}
		if p := r.Preferences; p != nil {
			conn.Inventory, conn.Estimates = servicedb.PreferenceOf(p.UsingInventory), servicedb.PreferenceOf(p.UsingEstimates)
		}
	}
	if err := c.DB.SaveConnector(ctx, conn); err != nil {
		c.Log.Error("what the web connector said was not kept", "err", err)
	}
	if len(conn.SupportedVersions) == 0 {
		return "", false, nil
	}
	v, _ := qbxml.ChooseVersion(conn.SupportedVersions)
	return v, true, nil
}

// ReceiveResponseXML keeps QuickBooks' answer to the step in flight and
// says how far the session's work is: 100 when nothing is left.
func (c *Connector) ReceiveResponseXML(ctx context.Context, call qbwc.ResponseCall) int {
	s, ok := c.session(ctx, call.Ticket)
	if !ok {
		return -1
	}
	was := s
	defer func() { c.saveSession(ctx, was, s) }()
	job, running, err := c.DB.RunningJob(ctx, s.Ticket)
	if err != nil {
		c.Log.Error("running job not read", "err", err)
		return -1
	}
	if call.HResult != "" {
		if err := checkFailure(call.HResult, call.Message); err != nil {
			c.Log.Warn("quickbooks' failure refused", "err", err)
			return c.stop(ctx, &s, job, running, errInvalid, servicedb.Failure{Message: "invalid failure"})
		}
		return c.quickBooksFailed(ctx, &s, job, running, call)
	}
	responses, err := qbxml.ParseResponses(call.Response)
	switch {
	case errors.Is(err, qbxml.ErrOutOfSchema):
		c.Log.Warn("quickbooks' answer refused", "err", err)
		return c.stop(ctx, &s, job, running, errInvalid, servicedb.Failure{Message: "invalid response"})
	case err != nil:
		c.Log.Warn("quickbooks' answer not read", "err", err)
		return c.stop(ctx, &s, job, running, errUnreadable, servicedb.Failure{Message: "unreadable response"})
	}
	if !running {
		return c.finished(ctx)
	}
	st, _ := decodeStep(job.Step)
	for _, r := range responses {
		switch {
		case r.RequestID != st.RequestID:
		case job.Kind == servicedb.JobCreate:
			return c.advanceCreate(ctx, job, st, r)
		case job.Kind == servicedb.JobVendors || job.Kind == servicedb.JobCustomers:
			return c.advanceRecords(ctx, job, st, r)
		case job.Kind == servicedb.JobVendor:
			return c.advanceVendor(ctx, job, st, r)
		case job.Kind == servicedb.JobPurchaseOrder || job.Kind == servicedb.JobBill:
			return c.advanceTxn(ctx, job, st, r)
		case job.Kind == servicedb.JobPurchaseOrderChange:
			return c.advanceChange(ctx, job, st, r)
		case job.Kind == servicedb.JobJob:
			return c.advanceJob(ctx, job, st, r)
		case job.Kind == servicedb.JobEstimate:
			return c.advanceEstimate(ctx, job, st, r)
		case job.Kind == servicedb.JobJobCosts:
			return c.advanceCosts(ctx, job, st, r)
		default:
			return c.advance(ctx, job, st, r)
		}
	}
	return c.stop(ctx, &s, job, running, errUnexpected, servicedb.Failure{Message: "no response to " + st.RequestID})
}

// advance keeps a page of a refresh and moves to the next step: the next
// page, the next kind of item, or the end, which replaces the item list.
func (c *Connector) advance(ctx context.Context, job servicedb.Job, st step, r qbxml.Response) int {
	now := c.Now()
	if r.Status.Failed() {
		return c.fail(ctx, job, refusal(r.Status))
	}
	items := make([]servicedb.Item, 0, len(r.Items))
	for _, it := range r.Items {
		items = append(items, stored(it))
	}
	next := step{N: st.N + 1, Op: opItems, Kind: st.Kind, Read: st.Read + len(items)}
	switch {
	case r.IteratorRemaining > 0 && r.IteratorID != "":
		next.Iterator, next.IteratorID = qbxml.IteratorContinue, r.IteratorID
	case st.Kind == qbxml.ItemService:
		next = step{N: st.N + 1, Op: opItems, Kind: qbxml.ItemOtherCharge, Iterator: qbxml.IteratorStart}
	default:
		if err := c.DB.FinishRefresh(ctx, job.ID, items, now); err != nil {
			c.Log.Error("item list not replaced", "job", job.ID, "err", err)
			return -1
		}
		c.Log.Info("item list refreshed", "job", job.ID)
		c.ended(job)
		return c.finished(ctx)
	}
	next.RequestID = stepRequestID(job, next)
	// The page and the step after it, in one commit.
	if err := c.DB.KeepPage(ctx, job.ID, items, next.encode(), now); err != nil {
		c.Log.Error("page not kept", "job", job.ID, "err", err)
		return -1
	}
	// Half the work is the Service items, half the Other Charge items.
	done := next.Read * 50 / max(1, next.Read+r.IteratorRemaining)
	if next.Kind == qbxml.ItemOtherCharge {
		done += 50
	}
	return min(99, done)
}

// goOn keeps next as a job's step in flight, the request the Web
// Connector is handed next, and says how far the session's work is.
func (c *Connector) goOn(ctx context.Context, job servicedb.Job, next step) int {
	next.RequestID = stepRequestID(job, next)
	if err := c.DB.SetStep(ctx, job.ID, next.encode(), c.Now()); err != nil {
		c.Log.Error("step not kept", "job", job.ID, "err", err)
		return -1
	}
	return 50
}

// stepRequestID is the requestID of a job's step: the job's ID and the
// step's number.
func stepRequestID(job servicedb.Job, st step) string { return fmt.Sprintf("%s.%d", job.ID, st.N) }

// refusal is QuickBooks' refusal of a request, as a job's failure.
func refusal(s qbxml.Status) servicedb.Failure {
	return servicedb.Failure{StatusCode: s.Code, Message: s.Message}
}

// staleOnce tells whether write, a change of the step's record, met a
// stale EditSequence (changed in QuickBooks meanwhile) for the first
// time: the record is read again, once, and the change made on it.
func (st step) staleOnce(write op, s qbxml.Status) bool {
	return st.Op == write && s.Code == qbxml.StatusStale && !st.Retried
}

// fail ends job as failed, with why, and says how far the session's work
// is.
func (c *Connector) fail(ctx context.Context, job servicedb.Job, why servicedb.Failure) int {
	if err := c.DB.FailJob(ctx, job.ID, why, c.Now()); err != nil {
		c.Log.Error("job not failed", "job", job.ID, "err", err)
	}
	c.ended(job)
	return c.finished(ctx)
}

// ended tells whoever waits for an ERP Request's job that it ended (a
// refresh too: a request may wait for the one the app asked for).
func (c *Connector) ended(job servicedb.Job) {
	if (job.ERPRequest != 0 || job.Kind == servicedb.JobRefresh) && c.ERPJobEnded != nil {
		c.ERPJobEnded()
	}
}

// stored is an item of QuickBooks' answer as the service keeps it.
func stored(it qbxml.Item) servicedb.Item {
	return servicedb.Item{ListID: it.ListID, FullName: it.FullName, Type: string(it.Kind), IsActive: it.IsActive,
		EditSequence: it.EditSequence, Description: it.Description}
}

// finished is the percentage for a job just ended: 100, or 50 when more
// jobs are queued (the Web Connector asks again).
func (c *Connector) finished(ctx context.Context) int {
	if more, err := c.DB.HasQueuedJobs(ctx); err == nil && more {
		return 50
	}
	return 100
}
