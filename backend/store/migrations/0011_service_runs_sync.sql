-- Whether the service said it runs the sync with the settings it keeps
-- (contract 1.2, capability sync), as found at the last send. Until a
-- send finds out, nothing claims that it does.
ALTER TABLE service_sync ADD COLUMN runs_sync INTEGER NOT NULL DEFAULT 0;
