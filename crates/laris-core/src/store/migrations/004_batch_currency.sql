-- Laris database, schema version 4: an import batch remembers a conversion,
-- and returns lists are kept.
-- A file in another currency than the database's is only stored converted,
-- at a rate the user gives; the batch keeps the file's currency and that
-- rate, as typed, so that the Data tab can say how its amounts were made.

ALTER TABLE import_batches ADD COLUMN currency TEXT;
ALTER TABLE import_batches ADD COLUMN rate TEXT;

-- Orders a returns list names: marked refunded where they are stored, and
-- kept so that orders imported later are stored refunded. Undoing the list's
-- batch removes its rows here (and restores the orders it changed).
CREATE TABLE returns (
    order_id TEXT PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batches(id)
);
