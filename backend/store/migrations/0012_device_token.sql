-- This installation's device token (contract 1.4): sent to the QuickBooks
-- service with every call, so that the service, once this app signed in
-- with the right password, slows this app down only for its own wrong
-- passwords, never for someone else's guesses. It grants nothing by
-- itself (the password is still checked), so it is kept here, not in the
-- keychain.
INSERT INTO app_state (key, value) VALUES ('deviceToken', lower(hex(randomblob(32))));
