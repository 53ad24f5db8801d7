-- The QuickBooks company file each profile's settings belong to, bound at
-- the profile's first successful connection: a later connection to another
-- file is refused until the user chooses to bind the settings to it, so one
-- company's data never goes to another's file by accident.
CREATE TABLE company_files (
    profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    file_id    TEXT NOT NULL,
    name       TEXT NOT NULL,
    path       TEXT NOT NULL,
    bound_at   TEXT NOT NULL
) STRICT;
