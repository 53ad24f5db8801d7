-- Every Update, kept: who saved which settings when, and whether the
-- password changed (never the password). Written in the same transaction as
-- the settings row; never rewritten. A restore saves a new revision.
CREATE TABLE revisions (
    profile_id                  TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    revision                    INTEGER NOT NULL CHECK (revision > 0),
    saved_at                    TEXT NOT NULL,
    saved_by                    TEXT NOT NULL,
    password_changed            INTEGER NOT NULL CHECK (password_changed IN (0, 1)),
    service_url                 TEXT NOT NULL,
    service_user                TEXT NOT NULL,
    use_procore_contract_number INTEGER NOT NULL,
    auto_add_new_cost_codes     INTEGER NOT NULL,
    direct_cost_column          TEXT NOT NULL,
    hide_job_to_date_costs      INTEGER NOT NULL,
    vendor_updates              TEXT NOT NULL,
    retainage_item_list_id      TEXT NOT NULL,
    retainage_item_full_name    TEXT NOT NULL,
    PRIMARY KEY (profile_id, revision)
) STRICT;
