-- What the Web Connector's calls say beyond QuickBooks' own failures:
-- when it was last turned away at sign-in (the password typed in it is not
-- the account's), and how the last session ended when the service stopped
-- it (a code, as getLastError told the Web Connector), or ''.
ALTER TABLE connector ADD COLUMN signin_refused_at TEXT NOT NULL DEFAULT '';
ALTER TABLE connector ADD COLUMN session_error TEXT NOT NULL DEFAULT '';
