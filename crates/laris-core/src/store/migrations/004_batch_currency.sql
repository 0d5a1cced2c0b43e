-- Laris database, schema version 4: an import batch remembers a conversion.
-- A file in another currency than the database's is only stored converted,
-- at a rate the user gives; the batch keeps the file's currency and that
-- rate, as typed, so that the Data tab can say how its amounts were made.

ALTER TABLE import_batches ADD COLUMN currency TEXT;
ALTER TABLE import_batches ADD COLUMN rate TEXT;
