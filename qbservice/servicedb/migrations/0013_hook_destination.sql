-- Where the hook delivers: the service's public address (IT's relay), or
-- nowhere Procore reaches. A relay set up later moves the hook to it.
ALTER TABLE procore_connection ADD COLUMN hook_destination TEXT NOT NULL DEFAULT '';
