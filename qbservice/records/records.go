// Package records is what the ERP pipeline (package erp) asks of each kind
// of record the service moves between Procore and QuickBooks: for an ERP
// Request of a name, the QuickBooks job to queue, and once that job is
// done, the calls back to Procore and the outcome. Each kind of record is
// a package below (records/vendors…); the pipeline knows them only
// through Work.
package records

import (
	"context"
	"log/slog"
	"time"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Request is a fetched ERP Request: its name and payload (request_data).
type Request struct {
	ID   int64
	Name string
	Data string
}

// Env is what a piece of work may use: the database, Procore signed in
// to the company, and the settings the sync runs with.
type Env struct {
	DB       *servicedb.DB
	Procore  *procore.Client
	Company  int64
	Settings settings.Settings
	Log      *slog.Logger
	Now      func() time.Time
}

// Job is a piece of the QuickBooks half of a request: a kind of the
// queue (servicedb.JobVendors…) and what it is asked (JSON, package
// qbjobs).
type Job = servicedb.ERPJob

// Outcome is how a request ends: success, or failed with a problem code
// (serviceapi.Activity…), and what its work did.
type Outcome struct {
	Failed  bool
	Problem string
	Result  serviceapi.ActivityResult
}

// QuickBooksRefused is the outcome of a job QuickBooks refused.
func QuickBooksRefused(job servicedb.Job) Outcome {
	f := job.Failure
	return Failed(serviceapi.ActivityQuickBooksRefused, serviceapi.ActivityResult{
		QuickBooks: &serviceapi.ActivityQuickBooksFail{StatusCode: f.StatusCode, HResult: f.HResult, Message: f.Message}})
}

// Failed is a failed outcome of problem with result.
func Failed(problem string, result serviceapi.ActivityResult) Outcome {
	return Outcome{Failed: true, Problem: problem, Result: result}
}

// EndsWith is the failed outcome of a request that ends before QuickBooks
// is asked anything (a Work's Plan gives it).
func EndsWith(problem string, result serviceapi.ActivityResult) *Outcome {
	out := Failed(problem, result)
	return &out
}

// Work is the work of ERP Requests of one name.
type Work interface {
	// Plan checks the request's payload and gives the jobs to queue, in
	// order (none: the request needs nothing of QuickBooks, and Finish
	// follows at once); an outcome instead when the request ends before
	// QuickBooks is asked anything (a record QuickBooks could not hold).
	Plan(ctx context.Context, env Env, r Request) ([]Job, *Outcome, error)
	// Finish does the Procore half once every job is over (done or
	// failed), and gives the outcome. An error is a call that did not go
	// through: Finish is called again at the next round, and must be safe
	// to repeat (sync calls match records by origin_id, so they are).
	Finish(ctx context.Context, env Env, r Request, jobs []servicedb.Job) (Outcome, error)
}

// WrittenCount is what a record written to QuickBooks counts as: found
// (an attempt before wrote it, or the bookkeeper had it), changed (it was
// exported before, and now matches), else added.
func WrittenCount(found, changed bool) string {
	switch {
	case found:
		return serviceapi.CountFound
	case changed:
		return serviceapi.CountChanged
	}
	return serviceapi.CountAdded
}

// Ended is the outcome of work that did result: failed when Procore
// refused any of its records, else a success.
func Ended(result serviceapi.ActivityResult) Outcome {
	if len(result.Refused) > 0 {
		return Failed(serviceapi.ActivityProcoreRefused, result)
	}
	return Outcome{Result: result}
}
