-- The Procore company the service is the ERP integrator of: one row, or
-- none before a connection is set. It names the service account, never
-- its Client Secret, which is in the keychain of the user the service runs
-- as. What the last check found is kept as a code, never a sentence.
CREATE TABLE procore_connection (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    company_id   INTEGER NOT NULL CHECK (company_id > 0),
    client_id    TEXT NOT NULL CHECK (client_id <> ''),
    environment  TEXT NOT NULL CHECK (environment IN ('production', 'sandbox', 'custom')),
    base_url     TEXT NOT NULL DEFAULT '',  -- a custom environment's
    set_at       TEXT NOT NULL,
    company_name TEXT NOT NULL DEFAULT '',  -- as Procore named it at the last check that passed
    checked_at   TEXT NOT NULL DEFAULT '',
    problem      TEXT NOT NULL DEFAULT ''   -- the last check's failure (a procore.Kind), '' when it passed
);
