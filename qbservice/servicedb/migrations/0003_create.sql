-- Items created in QuickBooks: a job of its own kind, with what to create
-- and, once QuickBooks made it, the item as it was made.
--
-- SQLite cannot change a CHECK in place, so the table is rebuilt. The
-- pages a refresh had read are dropped first (as at every start: a job
-- left running is queued again, its pages gone), so that dropping the old
-- table deletes nothing that refers to it.
DELETE FROM refresh_items;
CREATE TABLE jobs_v3 (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('refresh', 'create')),
    state      TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    ticket     TEXT NOT NULL DEFAULT '',
    step       TEXT NOT NULL DEFAULT '', -- JSON: the request in flight
    attempts   INTEGER NOT NULL DEFAULT 0,
    failure    TEXT NOT NULL DEFAULT '', -- JSON: QuickBooks' HRESULT or status
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- A create's: the item asked for (JSON: name, description) and the
    -- item QuickBooks made (JSON, as the item list keeps it).
    request    TEXT NOT NULL DEFAULT '',
    result     TEXT NOT NULL DEFAULT ''
);
INSERT INTO jobs_v3 (id, kind, state, ticket, step, attempts, failure, created_at, updated_at)
    SELECT id, kind, state, ticket, step, attempts, failure, created_at, updated_at FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_v3 RENAME TO jobs;
CREATE INDEX jobs_by_state ON jobs (state, created_at);
