-- The item list read a page at a time in name order, each page from where
-- the last ended (keyset paging): an index on the order, so a page costs
-- its own rows, not the rows before it.
CREATE INDEX items_by_name ON items (full_name, list_id);

-- The list's digest: a hash of its content, made when the list changes, for
-- the ETag of GET /v1/items (a list read again unchanged is not sent
-- again). '' until the list is first filled.
CREATE TABLE item_list (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    digest TEXT NOT NULL DEFAULT ''
);
INSERT INTO item_list (id) VALUES (1);
