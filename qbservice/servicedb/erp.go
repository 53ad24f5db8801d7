package servicedb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"qbsettings/backend/sqlite"
)

// Registration is what the service registered in Procore for the
// connection: all zero until it did.
type Registration struct {
	ERPConnectionID int64
	CostCodeListID  int64
	HookID          int64
	// ReceiverSecretHash is the SHA-256 (hex) of the secret the hook
	// sends in its Authorization header; the secret itself is Procore's.
	ReceiverSecretHash string
	// MetadataHash is the SHA-256 (hex) of the ERP connection's metadata
	// last sent.
	MetadataHash string
	// HookDestination is where the hook delivers ("" when not known: a
	// hook made by an older version).
	HookDestination string
	RegisteredAt    time.Time
	PolledAt        time.Time
	LastEventAt     time.Time
}

// Registration returns what is registered for the connection of company;
// found is false when no connection of that company is kept.
func (d *DB) Registration(ctx context.Context, company int64) (r Registration, found bool, err error) {
	var registered, polled, event string
	err = d.db.QueryRowContext(ctx, `
		SELECT erp_connection_id, cost_code_list_id, hook_id, receiver_secret_hash, metadata_hash, hook_destination, registered_at, polled_at, last_event_at
		FROM procore_connection WHERE id = 1 AND company_id = ?`, company).
		Scan(&r.ERPConnectionID, &r.CostCodeListID, &r.HookID, &r.ReceiverSecretHash, &r.MetadataHash, &r.HookDestination, &registered, &polled, &event)
	if errors.Is(err, sql.ErrNoRows) {
		return Registration{}, false, nil
	}
	if err == nil {
		r.RegisteredAt, err = sqlite.ParseTime(registered)
	}
	if err == nil {
		r.PolledAt, err = sqlite.ParseTime(polled)
	}
	if err == nil {
		r.LastEventAt, err = sqlite.ParseTime(event)
	}
	return r, err == nil, err
}

// SetRegistration keeps what was registered for the connection of
// company; a connection replaced meanwhile by another company's is left.
func (d *DB) SetRegistration(ctx context.Context, company int64, r Registration) error {
	_, err := d.db.ExecContext(ctx, `
		UPDATE procore_connection SET erp_connection_id = ?, cost_code_list_id = ?, hook_id = ?, receiver_secret_hash = ?, metadata_hash = ?, hook_destination = ?,
			registered_at = ?
		WHERE id = 1 AND company_id = ?`,
		r.ERPConnectionID, r.CostCodeListID, r.HookID, r.ReceiverSecretHash, r.MetadataHash, r.HookDestination, sqlite.FormatTime(r.RegisteredAt), company)
	return err
}

// RecordPoll keeps when Procore's deliveries were last read.
func (d *DB) RecordPoll(ctx context.Context, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `UPDATE procore_connection SET polled_at = ? WHERE id = 1`, sqlite.FormatTime(at))
	return err
}

// The states of an ERP Request.
const (
	ERPNew     = "new"     // seen, its payload not fetched yet
	ERPFetched = "fetched" // its payload kept, its work to do
	ERPClosing = "closing" // its outcome decided, its Request Detail being closed
	ERPClosed  = "closed"
)

// Ways an event came.
const (
	ViaPoll     = "poll"
	ViaReceiver = "receiver"
)

// ERPRequest is an ERP Request the service has seen.
type ERPRequest struct {
	ID        int64
	Name      string // request_name, once fetched
	Data      string // request_data, once fetched
	DetailID  int64  // 0: nothing to close
	State     string
	Outcome   string // success or failed, once decided
	Problem   string // a code, when failed
	Attempts  int
	SeenAt    time.Time
	UpdatedAt time.Time
	JobID     string   // set once its QuickBooks jobs are queued
	JobState  JobState // JobQueued while any of them waits or runs, else JobDone once they are all over
	Result    string   // what its work did, as JSON of codes, once decided
}

// jobsWaiting is whether any of a request's jobs waits or runs.
const jobsWaiting = `EXISTS (SELECT 1 FROM jobs WHERE jobs.erp_request = erp_requests.request_id AND jobs.state IN ('queued', 'running'))`

const erpColumns = `request_id, name, data, detail_id, state, outcome, problem, attempts, seen_at, updated_at, job_id, result,
	CASE WHEN job_id = '' THEN '' WHEN ` + jobsWaiting + ` THEN 'queued' ELSE 'done' END`

// erpColumnsToWork are erpColumns for a round of work: a request that
// waits for QuickBooks comes without its payload (a project's invoices
// may be megabytes, and each job's end brings a round), as nothing is
// done with it until its jobs are over.
const erpColumnsToWork = `request_id, name, CASE WHEN job_id <> '' AND ` + jobsWaiting + ` THEN '' ELSE data END,
	detail_id, state, outcome, problem, attempts, seen_at, updated_at, job_id, result,
	CASE WHEN job_id = '' THEN '' WHEN ` + jobsWaiting + ` THEN 'queued' ELSE 'done' END`

func scanERP(row interface{ Scan(...any) error }) (ERPRequest, error) {
	var (
		r             ERPRequest
		seen, updated string
	)
	err := row.Scan(&r.ID, &r.Name, &r.Data, &r.DetailID, &r.State, &r.Outcome, &r.Problem, &r.Attempts, &seen, &updated, &r.JobID, &r.Result, &r.JobState)
	if err == nil {
		r.SeenAt, err = sqlite.ParseTime(seen)
	}
	if err == nil {
		r.UpdatedAt, err = sqlite.ParseTime(updated)
	}
	return r, err
}

// SeeEvent records event eventID, which names ERP Request requestID, as
// it came (via). newEvent is false for an event seen before, by either
// way; newRequest is false for a request another event named before.
func (d *DB) SeeEvent(ctx context.Context, eventID, requestID int64, via string, at time.Time) (newEvent, newRequest bool, err error) {
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO erp_events (event_id, request_id, via, seen_at) VALUES (?, ?, ?, ?)`,
			eventID, requestID, via, sqlite.FormatTime(at))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		newEvent = true
		if _, err := tx.ExecContext(ctx, `UPDATE procore_connection SET last_event_at = ? WHERE id = 1`, sqlite.FormatTime(at)); err != nil {
			return err
		}
		res, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO erp_requests (request_id, state, seen_at, updated_at) VALUES (?, 'new', ?, ?)`,
			requestID, sqlite.FormatTime(at), sqlite.FormatTime(at))
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		newRequest = n == 1
		return nil
	})
	return newEvent, newRequest, err
}

// ERPRequestsIn are the requests in state after request after, oldest
// first, at most limit: for a round of work, so one whose jobs wait for
// QuickBooks comes without its payload (Data "").
func (d *DB) ERPRequestsIn(ctx context.Context, state string, after int64, limit int) ([]ERPRequest, error) {
	return d.erpRequests(ctx, `SELECT `+erpColumnsToWork+` FROM erp_requests WHERE state = ? AND request_id > ? ORDER BY request_id LIMIT ?`,
		state, after, limit)
}

// RecentERPRequests are the requests last seen, newest first, at most limit.
func (d *DB) RecentERPRequests(ctx context.Context, limit int) ([]ERPRequest, error) {
	return d.erpRequests(ctx, `SELECT `+erpColumns+` FROM erp_requests ORDER BY seen_at DESC, request_id DESC LIMIT ?`, limit)
}

func (d *DB) erpRequests(ctx context.Context, query string, args ...any) ([]ERPRequest, error) {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ERPRequest
	for rows.Next() {
		r, err := scanERP(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ERPRequest returns request id; found is false when it was never seen.
func (d *DB) ERPRequest(ctx context.Context, id int64) (ERPRequest, bool, error) {
	r, err := scanERP(d.db.QueryRowContext(ctx, `SELECT `+erpColumns+` FROM erp_requests WHERE request_id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return ERPRequest{}, false, nil
	}
	return r, err == nil, err
}

// ErrERPState: the request is not in the state the change is made from
// (another worker, or a start after a kill, moved it on).
var ErrERPState = errors.New("the ERP request is not in that state")

// FetchedERPRequest keeps a new request's payload.
func (d *DB) FetchedERPRequest(ctx context.Context, id int64, name, data string, detailID int64, at time.Time) error {
	return d.moveERP(ctx, `UPDATE erp_requests SET state = 'fetched', name = ?, data = ?, detail_id = ?, updated_at = ?
		WHERE request_id = ? AND state = 'new'`, name, data, detailID, sqlite.FormatTime(at), id)
}

// ClosingERPRequest decides a fetched request's outcome, before the call
// that closes its Request Detail, with what its work did (result, JSON);
// what its job read is dropped, in the same commit.
func (d *DB) ClosingERPRequest(ctx context.Context, id int64, outcome, problem, result string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := moveERP(ctx, tx, `UPDATE erp_requests SET state = 'closing', outcome = ?, problem = ?, result = ?, updated_at = ?
			WHERE request_id = ? AND state = 'fetched'`, outcome, problem, result, sqlite.FormatTime(at), id); err != nil {
			return err
		}
		return dropPages(ctx, tx, `SELECT id FROM jobs WHERE erp_request = ?`, id)
	})
}

// ClosedERPRequest records that the request's Request Detail is closed.
func (d *DB) ClosedERPRequest(ctx context.Context, id int64, at time.Time) error {
	return d.moveERP(ctx, `UPDATE erp_requests SET state = 'closed', updated_at = ? WHERE request_id = ? AND state = 'closing'`,
		sqlite.FormatTime(at), id)
}

// CountERPAttempt counts a try at a request's next step that failed, and
// returns how many have.
func (d *DB) CountERPAttempt(ctx context.Context, id int64, at time.Time) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `UPDATE erp_requests SET attempts = attempts + 1, updated_at = ? WHERE request_id = ? RETURNING attempts`,
		sqlite.FormatTime(at), id).Scan(&n)
	return n, err
}

// moveERP runs update, which moves one request from a state to the next;
// ErrERPState when the request was not in that state.
func (d *DB) moveERP(ctx context.Context, update string, args ...any) error {
	return d.inTx(ctx, func(tx *sql.Tx) error { return moveERP(ctx, tx, update, args...) })
}

func moveERP(ctx context.Context, tx *sql.Tx, update string, args ...any) error {
	res, err := tx.ExecContext(ctx, update, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrERPState
	}
	return nil
}
