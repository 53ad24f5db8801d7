-- QuickBooks' job costs, as the service last read them: each item line
-- of a bill, check, card charge, item receipt or credit that names a job
-- and an item, its amount in cents (a credit's negative). Read a page at
-- a time, only what changed since the last read (cost_reads: the latest
-- TimeModified seen of each kind, and the latest TimeDeleted), so a
-- company file of years is read once, then in small steps.
CREATE TABLE cost_lines (
    txn_kind TEXT NOT NULL,
    txn_id   TEXT NOT NULL,
    line_id  TEXT NOT NULL,
    job      TEXT NOT NULL,
    item     TEXT NOT NULL,
    cents    INTEGER NOT NULL,
    txn_date TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (txn_kind, txn_id, line_id)
) WITHOUT ROWID;
CREATE INDEX cost_lines_by_job ON cost_lines (job, item);
CREATE TABLE cost_reads (
    name   TEXT PRIMARY KEY, -- a kind of transaction, or 'deleted'
    latest TEXT NOT NULL
) WITHOUT ROWID;
