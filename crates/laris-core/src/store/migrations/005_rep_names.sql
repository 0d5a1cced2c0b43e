-- Laris database, schema version 5: the names of a CRM's owner ids.
-- A CRM export names each deal's, lead's and activity's owner by an id
-- (`OwnerId` = 005U1); its users list says whose id it is. The records keep
-- the id as imported, and the name is shown for it wherever a rep is shown,
-- so a users list can come before or after the records it names, and
-- undoing it (deleting its rows here) brings the ids back exactly. When two
-- lists name one id, the later batch's name is shown.
CREATE TABLE rep_names (
    -- The id as `name_key` folds it (white space collapsed, lower case),
    -- as reps are matched.
    owner_id TEXT NOT NULL,
    name     TEXT NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    PRIMARY KEY (owner_id, batch_id)
);
