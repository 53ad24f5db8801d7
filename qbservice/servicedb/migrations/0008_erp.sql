-- Procore's side of the integration. What the service registered in
-- Procore for the connection (its ERP connection, the company's ERP
-- Standard Cost Code List, the webhook hook and trigger) and the hash of
-- the secret the hook sends, never the secret; when events were last
-- polled and last seen. A connection set anew starts unregistered.
ALTER TABLE procore_connection ADD COLUMN erp_connection_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE procore_connection ADD COLUMN cost_code_list_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE procore_connection ADD COLUMN hook_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE procore_connection ADD COLUMN receiver_secret_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE procore_connection ADD COLUMN registered_at TEXT NOT NULL DEFAULT '';
ALTER TABLE procore_connection ADD COLUMN polled_at TEXT NOT NULL DEFAULT '';
ALTER TABLE procore_connection ADD COLUMN last_event_at TEXT NOT NULL DEFAULT '';

-- Every event seen, by its id, however it came (the deliveries polled, or
-- the receiver): one seen twice does its work once.
CREATE TABLE erp_events (
    event_id   INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL,
    via        TEXT NOT NULL CHECK (via IN ('poll', 'receiver')),
    seen_at    TEXT NOT NULL
);

-- The ERP Requests the events named, each once. A request is new until
-- its payload is fetched, then worked, then its Request Detail closed:
-- 'closing' holds the outcome decided before the call that closes it, so
-- a service killed meanwhile closes it once, not twice, when it starts
-- again. What went wrong is a code; its words are made when it is closed.
CREATE TABLE erp_requests (
    request_id INTEGER PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    data       TEXT NOT NULL DEFAULT '',   -- request_data, as Procore sent it
    detail_id  INTEGER NOT NULL DEFAULT 0, -- 0: none to close
    state      TEXT NOT NULL CHECK (state IN ('new', 'fetched', 'closing', 'closed')),
    outcome    TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'success', 'failed')),
    problem    TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    seen_at    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX erp_requests_by_state ON erp_requests (state, request_id);
