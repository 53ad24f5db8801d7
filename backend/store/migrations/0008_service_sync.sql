-- What this computer knows of the settings on the QuickBooks service
-- (contract 1.1, capability settings): what it last applied there and the
-- service's version (ETag) then, why the last send did not apply, and the
-- service's copy when it was found changed elsewhere (another PC, Procore's
-- page), kept until the user keeps this computer's or takes the service's.
-- Settings are JSON in the export file's shape.
CREATE TABLE service_sync (
    profile_id   TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    applied      TEXT NOT NULL DEFAULT '',
    applied_etag TEXT NOT NULL DEFAULT '',
    applied_at   TEXT NOT NULL DEFAULT '',
    attempted_at TEXT NOT NULL DEFAULT '',
    problem      TEXT NOT NULL DEFAULT '',
    problem_kind TEXT NOT NULL DEFAULT '',
    field_errors TEXT NOT NULL DEFAULT '',
    unsupported  INTEGER NOT NULL DEFAULT 0 CHECK (unsupported IN (0, 1)),
    elsewhere    TEXT NOT NULL DEFAULT ''
) STRICT;

-- A revision taken from the service's copy says whose copy it was.
ALTER TABLE revisions ADD COLUMN taken_from TEXT NOT NULL DEFAULT '';
