-- Part 2 of the sync writes transactions. A job of kind 'purchase_order'
-- finds or adds the purchase order of a Procore commitment; the kinds
-- that follow it (a purchase order's change, a bill, an estimate, a
-- customer's job, the job costs read) are allowed here too, so that the
-- jobs table is rebuilt once for them all (as 0009 and 0011 did, to
-- change its CHECK). What running jobs had read is dropped first, as at
-- every start.
DELETE FROM refresh_items;
DELETE FROM job_records WHERE job_id IN (SELECT id FROM jobs WHERE state IN ('queued', 'running'));
CREATE TABLE jobs_v14 (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('refresh', 'create', 'vendors', 'vendor', 'customers',
                                              'purchase_order', 'purchase_order_change', 'bill', 'estimate', 'job', 'job_costs')),
    state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    ticket      TEXT NOT NULL DEFAULT '',
    step        TEXT NOT NULL DEFAULT '', -- JSON: the request in flight
    attempts    INTEGER NOT NULL DEFAULT 0,
    failure     TEXT NOT NULL DEFAULT '', -- JSON: QuickBooks' HRESULT or status
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    request     TEXT NOT NULL DEFAULT '', -- JSON: what the job is asked to do
    result      TEXT NOT NULL DEFAULT '', -- JSON: what QuickBooks did
    erp_request INTEGER NOT NULL DEFAULT 0
);
INSERT INTO jobs_v14 SELECT id, kind, state, ticket, step, attempts, failure, created_at, updated_at, request, result, erp_request FROM jobs;
CREATE TABLE job_records_kept AS SELECT * FROM job_records;
DROP TABLE job_records;
DROP TABLE jobs;
ALTER TABLE jobs_v14 RENAME TO jobs;
CREATE INDEX jobs_by_state ON jobs (state, created_at);
CREATE INDEX jobs_by_erp_request ON jobs (erp_request) WHERE erp_request <> 0;
CREATE TABLE job_records (
    job_id  TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    list_id TEXT NOT NULL,
    record  TEXT NOT NULL, -- JSON, as QuickBooks has it
    PRIMARY KEY (job_id, list_id)
);
INSERT INTO job_records SELECT job_id, list_id, record FROM job_records_kept;
DROP TABLE job_records_kept;
-- The company file's preferences that the sync's transactions need, as
-- the Web Connector's first answer of a session said them: 'on', 'off',
-- or '' when not said.
ALTER TABLE connector ADD COLUMN inventory_preference TEXT NOT NULL DEFAULT '';
ALTER TABLE connector ADD COLUMN estimates_preference TEXT NOT NULL DEFAULT '';
