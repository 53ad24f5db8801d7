-- Certificates the user chose to trust although the system does not (a local
-- QuickBooks service's self-signed certificate), each for exactly one
-- service origin (scheme://host:port) of one profile.
CREATE TABLE trusted_certificates (
    profile_id  TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    origin      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    subject     TEXT NOT NULL,
    trusted_at  TEXT NOT NULL,
    PRIMARY KEY (profile_id, origin)
) STRICT;
