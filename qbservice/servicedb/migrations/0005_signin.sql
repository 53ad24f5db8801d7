-- Sign-in: a password change ends what the old password opened.
--
-- An account's generation counts its passwords; a session remembers the
-- generation it signed in with, and is refused once the account has
-- another (a password change, from any process, ends it at once).
ALTER TABLE accounts ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sessions ADD COLUMN account_generation INTEGER NOT NULL DEFAULT 0;

-- The devices that signed in to an account with its password: each is
-- slowed down on its own after wrong passwords, so that guesses from
-- elsewhere do not hold up the owner's app. Kept by a SHA-256 of the
-- device's token (a random value the app sends), never the token itself;
-- dropped with a password change.
CREATE TABLE trusted_devices (
    user_name    TEXT NOT NULL REFERENCES accounts (user_name) ON DELETE CASCADE,
    device_hash  TEXT NOT NULL,
    last_used_at TEXT NOT NULL,
    PRIMARY KEY (user_name, device_hash)
);

-- How often the Web Connector calls, as the service sees it: the gaps, in
-- seconds, between the starts of its last sessions (comma-separated, the
-- last few). The bookkeeper may set another schedule in the Web Connector
-- than the .qwc's; health calls it quiet only well past the schedule seen.
ALTER TABLE connector ADD COLUMN session_gaps TEXT NOT NULL DEFAULT '';
