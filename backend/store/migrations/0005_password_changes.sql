-- A new password is written to the keychain first as a pending entry named
-- by a token, inside the transaction that records its revision; the
-- revision keeps the token until the pending entry has been settled (made
-- the account's password, or removed when a newer change superseded it).
-- A pending entry whose token no revision holds belongs to a save that
-- never landed, and is removed. So the database's commit is the one moment
-- a password change happens, even if the app is killed in between.
ALTER TABLE revisions ADD COLUMN password_token TEXT;

CREATE INDEX revisions_unsettled_passwords ON revisions (password_token)
WHERE password_token IS NOT NULL;

-- Names this database in its tokens, so that it settles only its own
-- pending entries: two data folders (and parallel tests) share a keychain.
INSERT INTO app_state (key, value) VALUES ('databaseId', lower(hex(randomblob(8))));
