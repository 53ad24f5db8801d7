-- A job of kind 'customers' reads QuickBooks' customers and jobs for a
-- refresh of the jobs list. What a job reads a page at a time is kept in
-- one table for every kind (job_records, once job_vendors). The jobs
-- table is rebuilt to change its CHECK, as 0009 did; what the jobs
-- running had read is dropped first, as at every start.
DELETE FROM refresh_items;
DELETE FROM job_vendors WHERE job_id IN (SELECT id FROM jobs WHERE state IN ('queued', 'running'));
ALTER TABLE job_vendors RENAME TO job_records;
ALTER TABLE job_records RENAME COLUMN vendor TO record;
CREATE TABLE jobs_v11 (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('refresh', 'create', 'vendors', 'vendor', 'customers')),
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
INSERT INTO jobs_v11 SELECT id, kind, state, ticket, step, attempts, failure, created_at, updated_at, request, result, erp_request FROM jobs;
-- job_records refers to jobs: kept aside while the table is replaced.
CREATE TABLE job_records_kept AS SELECT * FROM job_records;
DROP TABLE job_records;
DROP TABLE jobs;
ALTER TABLE jobs_v11 RENAME TO jobs;
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
