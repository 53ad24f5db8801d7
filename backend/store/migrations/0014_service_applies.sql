-- The settings the service said its sync applies to the records it
-- writes (contract 1.7: capabilities rule.<key>), as a JSON list of
-- keys; '' before the service said any.
ALTER TABLE service_sync ADD COLUMN applies TEXT NOT NULL DEFAULT '';
