-- Each replacement of a profile's item list gets a new version, so the
-- form's checks as the user types can keep the list in memory and ask only
-- whether it changed (one row), not read all its items every time.
ALTER TABLE item_lists ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
