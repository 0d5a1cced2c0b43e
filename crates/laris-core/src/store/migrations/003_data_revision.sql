-- Laris database, schema version 3: a data revision.
-- A random token replaced in the same transaction as every change the metrics
-- can see: an import (its batch row is added, then its counts set), an undo
-- (its batch is marked undone), a settings change (currency, pipeline stages)
-- and a target edit. Rows of the record kinds are only written by an import
-- or its undo, so the triggers on import_batches cover them without a
-- trigger per row of a million-row import. A copy of the loaded data (the
-- column cache, src/metrics/snapshot.rs) is only used while the token is the
-- one it was made from; being random, a token is never reused, not even by a
-- backup put back in place.

CREATE TABLE data_revision (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    token BLOB NOT NULL
);
INSERT INTO data_revision(id, token) VALUES (1, randomblob(16));

CREATE TRIGGER import_batches_added AFTER INSERT ON import_batches
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER import_batches_changed AFTER UPDATE ON import_batches
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER import_batches_removed AFTER DELETE ON import_batches
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER settings_added AFTER INSERT ON settings
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER settings_changed AFTER UPDATE ON settings
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER settings_removed AFTER DELETE ON settings
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER targets_added AFTER INSERT ON targets
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER targets_changed AFTER UPDATE ON targets
BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER targets_removed AFTER DELETE ON targets
BEGIN UPDATE data_revision SET token = randomblob(16); END;
