-- What the service said it can do at the last successful connection test
-- (contract 1.1's capabilities, comma-separated): the form offers to
-- create the retainage item only where the service can.
ALTER TABLE connection_status ADD COLUMN capabilities TEXT NOT NULL DEFAULT '';
