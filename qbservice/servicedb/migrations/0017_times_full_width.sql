-- Times were written as RFC3339Nano, which drops a fraction's trailing
-- zeros, so their text did not sort as the times do (".34085Z" after
-- ".340851Z"). They are written with all nine digits now; the times the
-- service orders by are padded to match: a job's queueing, a request's
-- first sight, a trusted device's last use.
UPDATE jobs SET created_at = CASE
    WHEN length(created_at) = 20 THEN substr(created_at, 1, 19) || '.000000000Z'
    ELSE substr(created_at, 1, length(created_at) - 1) || substr('000000000', 1, 30 - length(created_at)) || 'Z'
    END
WHERE created_at GLOB '????-??-??T??:??:??*Z' AND length(created_at) BETWEEN 20 AND 29;

UPDATE erp_requests SET seen_at = CASE
    WHEN length(seen_at) = 20 THEN substr(seen_at, 1, 19) || '.000000000Z'
    ELSE substr(seen_at, 1, length(seen_at) - 1) || substr('000000000', 1, 30 - length(seen_at)) || 'Z'
    END
WHERE seen_at GLOB '????-??-??T??:??:??*Z' AND length(seen_at) BETWEEN 20 AND 29;

UPDATE trusted_devices SET last_used_at = CASE
    WHEN length(last_used_at) = 20 THEN substr(last_used_at, 1, 19) || '.000000000Z'
    ELSE substr(last_used_at, 1, length(last_used_at) - 1) || substr('000000000', 1, 30 - length(last_used_at)) || 'Z'
    END
WHERE last_used_at GLOB '????-??-??T??:??:??*Z' AND length(last_used_at) BETWEEN 20 AND 29;
