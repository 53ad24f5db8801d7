-- The settings the sync runs with, as the app applied them (one row):
-- the export file's JSON, never a password, with a version for If-Match.
CREATE TABLE sync_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    settings     TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 0,
    applied_at   TEXT NOT NULL DEFAULT '',
    applied_by   TEXT NOT NULL DEFAULT '', -- the computer
    applied_user TEXT NOT NULL DEFAULT ''
);
INSERT INTO sync_settings (id) VALUES (1);
