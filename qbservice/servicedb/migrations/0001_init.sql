-- The QuickBooks service's database: who may call it, the Web Connector's
-- sessions, the queue of work for QuickBooks, and what QuickBooks said.

-- One account serves both the app's Basic authentication and the Web
-- Connector's authenticate. Only a bcrypt hash of the password is kept.
CREATE TABLE accounts (
    user_name     TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- A Web Connector session, by its ticket: refused once closed or expired.
CREATE TABLE sessions (
    ticket        TEXT PRIMARY KEY,
    user_name     TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    last_call_at  TEXT NOT NULL,
    closed        INTEGER NOT NULL DEFAULT 0,
    qbxml_version TEXT NOT NULL DEFAULT '',
    -- What getLastError says: a code, not words (the service words it).
    last_error    TEXT NOT NULL DEFAULT ''
);

-- The work for QuickBooks. A job is queued until a Web Connector session
-- takes it (running, with that session's ticket and the request in
-- flight), then done or failed. A session that ends before a job is done
-- puts it back in the queue: its iterators end with the session.
CREATE TABLE jobs (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('refresh')),
    state      TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    ticket     TEXT NOT NULL DEFAULT '',
    step       TEXT NOT NULL DEFAULT '', -- JSON: the request in flight
    attempts   INTEGER NOT NULL DEFAULT 0,
    failure    TEXT NOT NULL DEFAULT '', -- JSON: QuickBooks' HRESULT or status
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX jobs_by_state ON jobs (state, created_at);

-- The items a refresh has read so far; they replace the item list only
-- when every page has arrived.
CREATE TABLE refresh_items (
    job_id        TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    list_id       TEXT NOT NULL,
    full_name     TEXT NOT NULL,
    type          TEXT NOT NULL,
    is_active     INTEGER NOT NULL,
    edit_sequence TEXT NOT NULL,
    description   TEXT NOT NULL,
    PRIMARY KEY (job_id, list_id)
);

-- QuickBooks' Service and Other Charge items, as the last refresh read them.
CREATE TABLE items (
    list_id       TEXT PRIMARY KEY,
    full_name     TEXT NOT NULL,
    type          TEXT NOT NULL,
    is_active     INTEGER NOT NULL,
    edit_sequence TEXT NOT NULL,
    description   TEXT NOT NULL
);

-- What the Web Connector's last session learned (one row).
CREATE TABLE connector (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    last_call_at       TEXT NOT NULL DEFAULT '',
    company_file       TEXT NOT NULL DEFAULT '',
    product            TEXT NOT NULL DEFAULT '',
    major_version      TEXT NOT NULL DEFAULT '',
    minor_version      TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',
    file_mode          TEXT NOT NULL DEFAULT '',
    supported_versions TEXT NOT NULL DEFAULT '', -- comma-separated
    company_name       TEXT NOT NULL DEFAULT '',
    file_id            TEXT NOT NULL DEFAULT '',
    -- QuickBooks opened the file in the last session (no connectionError).
    quickbooks_open    INTEGER NOT NULL DEFAULT 0,
    -- QuickBooks' last failure: an HRESULT and its message, or ''.
    hresult            TEXT NOT NULL DEFAULT '',
    message            TEXT NOT NULL DEFAULT ''
);
INSERT INTO connector (id) VALUES (1);
