-- The first schema: one company profile ("default"), its settings, the last
-- connection check, and the QuickBooks item list the retainage item is
-- chosen from. Every table is keyed by profile so that more profiles can be
-- added without a change of shape.

CREATE TABLE profiles (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

INSERT INTO profiles (id, name, created_at)
VALUES ('default', 'My company', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- One row per profile once it has been saved; revision counts the saves, so
-- that a save based on an older revision can be refused.
CREATE TABLE settings (
    profile_id                  TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    service_url                 TEXT NOT NULL,
    service_user                TEXT NOT NULL,
    use_procore_contract_number INTEGER NOT NULL CHECK (use_procore_contract_number IN (0, 1)),
    auto_add_new_cost_codes     INTEGER NOT NULL CHECK (auto_add_new_cost_codes IN (0, 1)),
    direct_cost_column          TEXT NOT NULL CHECK (direct_cost_column IN ('readOnlyFromQuickBooks', 'editableFromProcore')),
    hide_job_to_date_costs      INTEGER NOT NULL CHECK (hide_job_to_date_costs IN (0, 1)),
    vendor_updates              TEXT NOT NULL CHECK (vendor_updates IN ('automatic', 'none')),
    retainage_item_list_id      TEXT NOT NULL,
    retainage_item_full_name    TEXT NOT NULL,
    revision                    INTEGER NOT NULL CHECK (revision > 0),
    saved_at                    TEXT NOT NULL
) STRICT;

-- The result of the last check of the service connection.
CREATE TABLE connection_status (
    profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    connected  INTEGER NOT NULL CHECK (connected IN (0, 1)),
    checked_at TEXT NOT NULL,
    detail     TEXT NOT NULL
) STRICT;

-- QuickBooks items, as last read from the service.
CREATE TABLE items (
    profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    list_id    TEXT NOT NULL,
    full_name  TEXT NOT NULL,
    type       TEXT NOT NULL,
    is_active  INTEGER NOT NULL CHECK (is_active IN (0, 1)),
    PRIMARY KEY (profile_id, list_id)
) STRICT;

-- When each profile's item list was last replaced.
CREATE TABLE item_lists (
    profile_id   TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    refreshed_at TEXT NOT NULL
) STRICT;
