-- The SHA-256 of the ERP connection's metadata last sent to Procore: when
-- what the service handles changes (a new version), the metadata is sent
-- again. A connection set for another company starts without.
ALTER TABLE procore_connection ADD COLUMN metadata_hash TEXT NOT NULL DEFAULT '';
