-- The QuickBooks service's version of the list stored (its ETag, contract
-- 1.4): asked with it, a service whose list has not changed answers that
-- it has not, and the list is not read again. '' when not known.
ALTER TABLE item_lists ADD COLUMN service_etag TEXT NOT NULL DEFAULT '';
