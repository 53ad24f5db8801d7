-- Small facts about the app itself, such as the company profile used last
-- (opened at the next start).
CREATE TABLE app_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
