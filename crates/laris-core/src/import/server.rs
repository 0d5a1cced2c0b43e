//! `laris import --db postgres://...`: the files stored into a server
//! (docs/postgres.md), with the meaning they have in a file.
//!
//! The records are named, converted, matched by key, counted and logged
//! for undo by the code that stores them into a file ([`super::store_in`]
//! and `store::write`), run on a scratch SQLite file that holds what of
//! the server the files can meet (`store::pg::write::fill`). What that
//! wrote is then put on the server with binary COPY and set-based
//! statements (`store::pg::write::merge`). All of it is one server
//! transaction that first takes the writers' advisory lock: two imports
//! at once run one after the other, and one that dies halfway (a lost
//! connection, a killed process) leaves the server as it was.

use std::collections::HashSet;

use rusqlite::types::Value;

use super::{List, ParsedFile, Stored};
use crate::store::pg::write::{self, Incoming, Lookup};
use crate::store::pg::{PgError, PgStore};
use crate::store::{Kind, StoreError};

/// Stores `files` into the server at `url` as [`super::store_checking`]
/// stores them into a file. `prepare` runs first on the scratch database
/// (e.g. to save an import preset, which is written with the import).
pub fn store_checking(
    url: &str,
    files: &[ParsedFile],
    skip_bad_rows: bool,
    prepare: &dyn Fn(&rusqlite::Connection) -> Result<(), StoreError>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Stored, PgError> {
    let mut pg = PgStore::connect(url)?;
    let mut scratch = pg.scratch(true)?;
    let server = scratch.server.clone();
    let server_err = crate::store::pg::scratch::server_error(&server);
    let kinds = files.iter().map(|f| match f.list {
        Some(List::Returns(_)) => Kind::Orders,
        _ => f.kind,
    });
    let empty = write::empty_kinds(&mut scratch.tx, kinds).map_err(&server_err)?;
    let incoming = incoming(files, &empty)?;
    scratch.fill(&incoming)?;
    prepare(scratch.conn())?;
    let mut stored = super::store_in(scratch.conn(), files, skip_bad_rows, progress)?;
    if let Stored::Done(reports, _) = &mut stored {
        scratch.merge()?;
        // The scratch file holds only the records the files met: the
        // records a users list names are counted on the server.
        for (report, file) in reports.iter_mut().zip(files) {
            if let (Some(named), Some(List::RepNames(people))) = (&mut report.rep_names, &file.list)
            {
                named.records = crate::store::rep_names::records_on_server(&mut scratch.tx, people)
                    .map_err(&server_err)?;
            }
        }
        scratch.commit_merged()?;
    }
    // Not stored (bad rows, another currency): dropping the transaction
    // writes nothing.
    Ok(stored)
}

/// What of the server the files may meet: the lookup values of their
/// records, read in a pass of their own (a streamed file is read again
/// when it is stored), except for the kinds the server holds `empty`.
fn incoming(files: &[ParsedFile], empty: &HashSet<Kind>) -> Result<Incoming, StoreError> {
    let mut found = Incoming::default();
    for file in files {
        match &file.list {
            Some(List::Returns(_)) if empty.contains(&Kind::Orders) => continue,
            Some(List::Returns(ids)) => {
                found
                    .keys
                    .extend(ids.iter().map(|id| (Kind::Orders, id.clone())));
                continue;
            }
            Some(List::RepNames(_)) => continue,
            None => {}
        }
        let kind = file.kind;
        let (column, or_hash) = match write::lookup(kind) {
            Lookup::Whole => {
                found.whole.insert(kind);
                if matches!(kind, Kind::Deals | Kind::DealStages) {
                    found.whole.extend([Kind::Deals, Kind::DealStages]);
                }
                continue;
            }
            Lookup::Column(c) => (kind.fields().iter().position(|f| f.column == c), false),
            Lookup::ColumnOrHash(c) => (kind.fields().iter().position(|f| f.column == c), true),
            Lookup::Hash => (None, true),
        };
        if empty.contains(&kind) {
            continue;
        }
        let keys = &mut found.keys;
        let mut stream = file.stream.clone();
        loop {
            let issues = file.each_record_of(stream.as_deref(), &mut |record| {
                if let Some(Value::Text(key)) = column.and_then(|i| record.values.get(i))
                    && !key.is_empty()
                {
                    keys.insert((kind, key.clone()));
                }
                // Both, where a record may meet a stored one by either
                // (each has its unique index).
                if let (true, Some(hash)) = (or_hash, &record.row_hash) {
                    keys.insert((kind, hash.clone()));
                }
                Ok(())
            })?;
            // A streamed file whose formats the pass settled otherwise is
            // read again, as the import will read it (the values found
            // before stay: more rows found than met is harmless).
            match issues.reread {
                Some(again) => stream = Some(again),
                None => break,
            }
        }
    }
    Ok(found)
}
