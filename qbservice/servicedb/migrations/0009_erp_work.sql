-- The QuickBooks half of an ERP Request is a job of the one queue, beside
-- the app's refreshes and creates: 'vendors' reads the vendors changed
-- since a time, 'vendor' finds or adds one vendor. erp_request names the
-- request a job works for (0: the app's). The table is rebuilt to change
-- its CHECK, as 0003 did; the pages a refresh had read are dropped first,
-- as at every start.
DELETE FROM refresh_items;
CREATE TABLE jobs_v9 (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('refresh', 'create', 'vendors', 'vendor')),
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
INSERT INTO jobs_v9 (id, kind, state, ticket, step, attempts, failure, created_at, updated_at, request, result)
    SELECT id, kind, state, ticket, step, attempts, failure, created_at, updated_at, request, result FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_v9 RENAME TO jobs;
CREATE INDEX jobs_by_state ON jobs (state, created_at);

-- The vendors a 'vendors' job read, a page at a time (JSON, as QuickBooks
-- has them). They stay with the job until its request's outcome is
-- decided; a job queued again reads them again.
CREATE TABLE job_vendors (
    job_id  TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    list_id TEXT NOT NULL,
    vendor  TEXT NOT NULL,
    PRIMARY KEY (job_id, list_id)
);

-- A request's job, once queued, and what its work did (JSON of codes and
-- counts, never sentences: the close-out's messages are worded from it).
ALTER TABLE erp_requests ADD COLUMN job_id TEXT NOT NULL DEFAULT '';
ALTER TABLE erp_requests ADD COLUMN result TEXT NOT NULL DEFAULT '';

-- QuickBooks' time of the last vendor a refresh of the vendors list sent
-- to Procore: the next reads only what changed since. A connection to
-- another company starts again from nothing.
ALTER TABLE procore_connection ADD COLUMN vendors_read_since TEXT NOT NULL DEFAULT '';
