package servicedb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"qbsettings/backend/sqlite"
)

// JobState is where a job stands.
type JobState string

const (
	JobQueued  JobState = "queued"
	JobRunning JobState = "running"
	JobDone    JobState = "done"
	JobFailed  JobState = "failed"
)

// The kinds of job.
const (
	// JobRefresh reads the Service and Other Charge items from QuickBooks.
	JobRefresh = "refresh"
	// JobCreate makes a Service item in QuickBooks.
	JobCreate = "create"
	// JobVendors reads the vendors changed since a time, for an ERP
	// Request; JobVendor finds or adds one vendor.
	JobVendors = "vendors"
	JobVendor  = "vendor"
	// JobCustomers reads the customers and jobs, for an ERP Request.
	JobCustomers = "customers"
	// JobPurchaseOrder finds or adds the purchase order of a Procore
	// commitment; JobPurchaseOrderChange adds a change order's lines to
	// it; JobBill finds or adds the bill of a subcontractor invoice.
	JobPurchaseOrder       = "purchase_order"
	JobPurchaseOrderChange = "purchase_order_change"
	JobBill                = "bill"
	// JobJob finds or adds, or changes, the QuickBooks job of a Procore
	// project.
	JobJob = "job"
	// JobEstimate finds or adds, or changes, the QuickBooks estimate of a
	// Procore budget.
	JobEstimate = "estimate"
	// JobJobCosts reads QuickBooks' cost transactions changed since the
	// last read into the job-cost ledger.
	JobJobCosts = "job_costs"
)

// Job is one piece of work for QuickBooks.
type Job struct {
	ID       string
	Kind     string
	State    JobState
	Ticket   string // the session running it
	Step     string // the request in flight, as the connector wrote it
	Attempts int
	Failure  Failure // why it last stopped or failed
	// QueuedAt is when it was first queued (a job queued again keeps it).
	QueuedAt time.Time
	// A create's: the item asked for, and the item QuickBooks made.
	Request NewItem
	Result  Item
	// The work of an ERP Request (ERPRequest, its ID): what the job is
	// asked (Input) and what it did (Output), as JSON the connector and
	// the sync's packages share.
	ERPRequest int64
	Input      string
	Output     string
}

const jobColumns = `id, kind, state, ticket, step, attempts, failure, request, result, created_at, erp_request`

func scanJob(row interface{ Scan(...any) error }) (Job, bool, error) {
	var (
		j                                 Job
		failure, request, result, created string
	)
	err := row.Scan(&j.ID, &j.Kind, &j.State, &j.Ticket, &j.Step, &j.Attempts, &failure, &request, &result, &created, &j.ERPRequest)
	if errors.Is(err, sql.ErrNoRows) {
		return Job{}, false, nil
	}
	if err == nil {
		var queued error
		j.QueuedAt, queued = sqlite.ParseTime(created)
		err = errors.Join(decodeJSON(failure, &j.Failure), queued)
		j.Input, j.Output = request, result
		if j.Kind == JobCreate || j.Kind == JobRefresh {
			err = errors.Join(err, decodeJSON(request, &j.Request), decodeJSON(result, &j.Result))
		}
	}
	return j, err == nil, err
}

// Failure is why QuickBooks did not do a job: an HRESULT instead of an
// answer, or the status of a request it refused (3100: the name is in
// use), with QuickBooks' message; or, with neither, the service's own
// reason (an answer it could not use).
type Failure struct {
	HResult    string `json:"hresult,omitempty"`
	StatusCode int    `json:"statusCode,omitempty"`
	Message    string `json:"message,omitempty"`
	// Problem is the service's own reason, when it stopped the job itself
	// (FailureLineCount…) rather than QuickBooks.
	Problem string `json:"problem,omitempty"`
}

// FailureLineCount: a purchase order has another number of lines in
// QuickBooks than the service knows it to have (changed there by hand):
// a change order is not added to it.
const FailureLineCount = "lineCount"

// FailureNameInUse: QuickBooks has a customer, job or vendor of the name
// a job was to have, which the service did not add.
const FailureNameInUse = "nameInUse"

func (f Failure) encode() string { b, _ := json.Marshal(f); return string(b) }

// decodeJSON reads text into v; empty text leaves v as it is.
func decodeJSON(text string, v any) error {
	if text == "" {
		return nil
	}
	return json.Unmarshal([]byte(text), v)
}

// QueueRefresh queues a refresh as job id, unless one is queued or
// running already: then it returns that one's ID (two callers asking at
// once share one refresh, which reads the list after both asked, or
// while they asked).
func (d *DB) QueueRefresh(ctx context.Context, id string, at time.Time) (string, error) {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM jobs WHERE kind = 'refresh' AND state IN ('queued', 'running') ORDER BY created_at, rowid LIMIT 1`).Scan(&id)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO jobs (id, kind, state, created_at, updated_at) VALUES (?, 'refresh', 'queued', ?, ?)`,
			id, sqlite.FormatTime(at), sqlite.FormatTime(at))
		return err
	})
	return id, err
}

// Job returns the job id; ok is false when there is none.
func (d *DB) Job(ctx context.Context, id string) (Job, bool, error) {
	return scanJob(d.db.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id))
}

// RunningJob returns the job the session ticket is running, if any.
func (d *DB) RunningJob(ctx context.Context, ticket string) (Job, bool, error) {
	st, err := d.prepared(ctx, `SELECT `+jobColumns+` FROM jobs WHERE state = 'running' AND ticket = ?`)
	if err != nil {
		return Job{}, false, err
	}
	return scanJob(st.QueryRowContext(ctx, ticket))
}

// The statements that move a running job on: to its next step, and to
// done with what it did (JSON). A job no longer running is left as it is.
const (
	setRunningStep = `UPDATE jobs SET step = ?, updated_at = ? WHERE id = ? AND state = 'running'`
	finishRunning  = `UPDATE jobs SET state = 'done', step = '', failure = '', result = ?, updated_at = ? WHERE id = ? AND state = 'running'`
)

// TakeNextJob gives the oldest queued job to the session ticket.
func (d *DB) TakeNextJob(ctx context.Context, ticket string, at time.Time) (Job, bool, error) {
	var (
		j  Job
		ok bool
	)
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		j, ok, err = scanJob(tx.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE state = 'queued' ORDER BY created_at, rowid LIMIT 1`))
		if err != nil || !ok {
			return err
		}
		j.State, j.Ticket, j.Step = JobRunning, ticket, ""
		_, err = tx.ExecContext(ctx, `UPDATE jobs SET state = 'running', ticket = ?, step = '', attempts = attempts + 1, updated_at = ? WHERE id = ?`,
			ticket, sqlite.FormatTime(at), j.ID)
		j.Attempts++
		return err
	})
	return j, ok, err
}

// SetStep records the request a running job has in flight.
func (d *DB) SetStep(ctx context.Context, id, step string, at time.Time) error {
	_, err := d.db.ExecContext(ctx, setRunningStep, step, sqlite.FormatTime(at), id)
	return err
}

// RequeueJob puts a running job back in the queue, with why it stopped;
// what it had read is dropped.
func (d *DB) RequeueJob(ctx context.Context, id string, why Failure, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE jobs SET failure = ? WHERE id = ?`, why.encode(), id); err != nil {
			return err
		}
		return requeue(ctx, tx, at, "", id)
	})
}

// FailJob ends a job as failed, with why.
func (d *DB) FailJob(ctx context.Context, id string, why Failure, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := dropPages(ctx, tx, `?`, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'failed', step = '', failure = ?, updated_at = ? WHERE id = ?`,
			why.encode(), sqlite.FormatTime(at), id)
		return err
	})
}

// runningMatch selects running jobs: of the session ticket, the job id,
// or, with both empty, all.
const runningMatch = `state = 'running' AND (?1 = '' OR ticket = ?1) AND (?2 = '' OR id = ?2)`

// requeue puts the running jobs of ticket, or the job id, back in the
// queue (every running job when both are empty); what they read is dropped.
func requeue(ctx context.Context, tx *sql.Tx, at time.Time, ticket, id string) error {
	if err := dropPages(ctx, tx, `SELECT id FROM jobs WHERE `+runningMatch, ticket, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'queued', ticket = '', step = '', updated_at = ?3 WHERE `+runningMatch,
		ticket, id, sqlite.FormatTime(at))
	return err
}

// dropPages deletes what the jobs that jobs selects (SQL, with args) had
// read a page at a time.
func dropPages(ctx context.Context, tx *sql.Tx, jobs string, args ...any) error {
	for _, table := range []string{"refresh_items", "job_records"} {
		//nolint:gosec // both are this package's constants, never input
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE job_id IN (`+jobs+`)`, args...); err != nil {
			return err
		}
	}
	return nil
}

// endSessions ends every open session and puts every running job back in
// the queue (at start: the sessions that ran them are gone, with their
// QuickBooks iterators).
func (d *DB) endSessions(ctx context.Context, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET closed = 1 WHERE closed = 0`); err != nil {
			return err
		}
		return requeue(ctx, tx, at, "", "")
	})
}

// HasQueuedJobs tells whether work waits in the queue.
func (d *DB) HasQueuedJobs(ctx context.Context) (bool, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE state = 'queued'`).Scan(&n)
	return n > 0, err
}

// Jobs are the jobs in state, oldest first.
func (d *DB) Jobs(ctx context.Context, state JobState) ([]Job, error) {
	return queryJobs(ctx, d.db, `SELECT `+jobColumns+` FROM jobs WHERE state = ? ORDER BY created_at, rowid`, state)
}

// queryJobs are the jobs query selects (jobColumns), in the database or a
// transaction.
func queryJobs(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]Job, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		j, _, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}
