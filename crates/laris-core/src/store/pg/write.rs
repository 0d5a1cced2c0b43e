//! An import into a server, the twin of [`crate::store::write`]: what is
//! read from the server before the import, and how what it wrote is put
//! there.
//!
//! The import itself (dedup by natural key, counts, the change log for
//! undo, returns, names) runs once, in `store::write`, on a scratch SQLite
//! file that holds what of the server the files can meet
//! ([`fill`]); [`merge`] then puts the rows it wrote on the server with
//! binary COPY (new rows straight into their tables, changed ones into a
//! staging table) and set-based statements. Both run in
//! the caller's transaction, which holds the writers' advisory lock from
//! before [`fill`] until the commit, so nothing changes in between.
//!
//! The SQL is made of constants: table and column names from
//! [`crate::store::tables`], ids this code computed; values go through
//! COPY or parameters.

use std::collections::HashSet;

use postgres::Transaction;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::Type;
use rusqlite::Connection;

use super::{PgError, WRITE_LOCK, reason};
use crate::store::tables::{TABLES, Table, Ty};
use crate::store::transfer::{Reason, copy_rows_in, copy_rows_out};
use crate::store::{FieldType, Key, Kind};

/// How the stored rows an import may meet are found on the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// By the value of this key column.
    Column(&'static str),
    /// By this column's value, or by the row hash where a record has none.
    ColumnOrHash(&'static str),
    /// By the row hash.
    Hash,
    /// The whole table.
    Whole,
}

/// How the rows of `kind` that a record may update are found: by a key
/// column the import never rewrites (not a name, whose spelling the
/// import may change, nor a date, whose reading a streamed file may
/// settle late). That finds more rows than the key, never fewer; an order
/// line's order id finds all its order's lines, which the import needs to
/// drop those left over.
pub fn lookup(kind: Kind) -> Lookup {
    match kind.key() {
        Key::ColumnOrHash(column) => Lookup::ColumnOrHash(column),
        Key::ContentHash => Lookup::Hash,
        // Deals carry stages, whose settings depend on every stage in use.
        Key::Columns(_) if matches!(kind, Kind::Deals | Kind::DealStages) => Lookup::Whole,
        Key::Columns(columns) => columns
            .iter()
            .find(|c| {
                kind.fields()
                    .iter()
                    .any(|f| f.column == **c && matches!(f.ty, FieldType::Id | FieldType::Text))
            })
            .map_or(Lookup::Whole, |c| Lookup::Column(c)),
    }
}

/// Waits for any other writer (an import, an undo, a copy, a schema
/// change) on the server to finish, and keeps them waiting until the
/// transaction ends.
pub fn lock(tx: &mut Transaction<'_>) -> Result<(), postgres::Error> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .map(|_| ())
}

/// What the import may meet: per kind, the lookup values of its records,
/// and the kinds whose tables are read whole.
#[derive(Debug, Default)]
pub struct Incoming {
    pub keys: HashSet<(Kind, String)>,
    pub whole: HashSet<Kind>,
    /// Of the record tables, only those in `whole`: for work that meets
    /// no other record (settings, typed targets, reading the small tables).
    pub only_whole: bool,
}

impl Incoming {
    /// The small tables and the record tables of `kinds`, whole.
    pub fn whole(kinds: &[Kind]) -> Incoming {
        Incoming {
            whole: kinds.iter().copied().collect(),
            only_whole: true,
            ..Incoming::default()
        }
    }
}

/// Copies into the (new, empty) scratch database what of the server the
/// import may read: the small tables whole, and of each record table the
/// rows `incoming` may meet, with the highest-id row of the others, so
/// that rows the import adds get the ids they would get on the server. Returns the id
/// the first new import batch gets.
pub fn fill(
    tx: &mut Transaction<'_>,
    server: &str,
    scratch: &mut Connection,
    incoming: &Incoming,
) -> Result<i64, PgError> {
    let server_err = |e: postgres::Error| PgError::Server {
        server: server.to_string(),
        reason: reason(&e),
    };
    tx.batch_execute(
        "CREATE TEMP TABLE laris_incoming (kind TEXT NOT NULL, key TEXT NOT NULL) ON COMMIT DROP",
    )
    .map_err(server_err)?;
    {
        let sink = tx
            .copy_in("COPY laris_incoming (kind, key) FROM STDIN (FORMAT binary)")
            .map_err(server_err)?;
        let mut writer = BinaryCopyInWriter::new(sink, &[Type::TEXT, Type::TEXT]);
        for (kind, key) in &incoming.keys {
            writer
                .write(&[&kind.table(), &key.as_str()])
                .map_err(server_err)?;
        }
        writer.finish().map_err(server_err)?;
    }
    tx.batch_execute("ANALYZE laris_incoming")
        .map_err(server_err)?;
    let write = scratch
        .transaction()
        .map_err(crate::store::StoreError::from)?;
    for t in TABLES {
        let table_err = |reason: String| PgError::Table {
            place: server.to_string(),
            table: t.name.into(),
            reason,
        };
        let Some(select) = fill_select(tx, t, incoming).map_err(|e| table_err(reason(&e)))? else {
            continue;
        };
        copy_rows_out(tx, &write, t, &select, &mut |_| {})
            .map_err(|Reason(reason)| table_err(reason))?;
    }
    write.commit().map_err(crate::store::StoreError::from)?;
    let next: i64 = tx
        .query_one("SELECT coalesce(max(id), 0) + 1 FROM import_batches", &[])
        .map_err(server_err)?
        .get(0);
    Ok(next)
}

/// The SELECT that reads the rows of `t` the scratch database gets (after
/// the statements that choose them), or None for none.
fn fill_select(
    tx: &mut Transaction<'_>,
    t: &'static Table,
    incoming: &Incoming,
) -> Result<Option<String>, postgres::Error> {
    let Some(kind) = Kind::from_name(t.name) else {
        // The change log is only written to; the rest is small and read
        // whole (settings, names, batches, returns, rep names).
        return Ok((t.name != "batch_changes").then(|| t.select_all()));
    };
    let table = t.name;
    let keys = format!("SELECT key FROM laris_incoming WHERE kind = '{table}'");
    // Each lookup on its own (an IN beside an OR would be planned as a
    // scan of the keys per row).
    let met = match lookup(kind) {
        _ if incoming.whole.contains(&kind) => return Ok(Some(t.select_all())),
        _ if incoming.only_whole => return Ok(None),
        Lookup::Whole => return Ok(Some(t.select_all())),
        Lookup::Column(column) => format!("SELECT id FROM {table} WHERE {column} IN ({keys})"),
        Lookup::ColumnOrHash(column) => format!(
            "SELECT id FROM {table} WHERE {column} IN ({keys})
             UNION SELECT id FROM {table} WHERE row_hash IN ({keys})"
        ),
        Lookup::Hash => format!("SELECT id FROM {table} WHERE row_hash IN ({keys})"),
    };
    // With the highest id of the rows not met, the scratch table's highest
    // id is the server's, and stays so when the import removes rows (an
    // order's lines left over, removed only among those met): a row added
    // after that gets the id it would get on the server.
    tx.batch_execute(&format!(
        "DROP TABLE IF EXISTS laris_met;
         CREATE TEMP TABLE laris_met ON COMMIT DROP AS {met};
         CREATE INDEX ON laris_met (id);
         ANALYZE laris_met;
         INSERT INTO laris_met
             SELECT r.id FROM {table} r
             WHERE NOT EXISTS (SELECT 1 FROM laris_met m WHERE m.id = r.id)
             ORDER BY r.id DESC LIMIT 1"
    ))?;
    Ok(Some(format!(
        "SELECT {} FROM {table} WHERE id IN (SELECT id FROM laris_met) ORDER BY id",
        t.column_list()
    )))
}

/// The kinds among `kinds` that the server holds no record of: an import
/// of them meets nothing there, and need not look.
pub fn empty_kinds(
    tx: &mut Transaction<'_>,
    kinds: impl IntoIterator<Item = Kind>,
) -> Result<HashSet<Kind>, postgres::Error> {
    let mut empty = HashSet::new();
    for kind in kinds {
        let any: bool = tx
            .query_one(
                &format!("SELECT EXISTS (SELECT 1 FROM {})", kind.table()),
                &[],
            )?
            .get(0);
        if !any {
            empty.insert(kind);
        }
    }
    Ok(empty)
}

/// Puts on the server what the import wrote into the scratch database:
/// the batches from `first` on, their change log, the records they added,
/// changed or removed, their returns and rep names, and the settings and
/// display names they changed.
pub fn merge(
    tx: &mut Transaction<'_>,
    server: &str,
    scratch: &Connection,
    first: i64,
) -> Result<(), PgError> {
    for t in TABLES {
        merge_table(tx, scratch, t, first).map_err(|Reason(reason)| PgError::Table {
            place: server.to_string(),
            table: t.name.into(),
            reason,
        })?;
    }
    Ok(())
}

fn merge_table(
    tx: &mut Transaction<'_>,
    scratch: &Connection,
    t: &'static Table,
    first: i64,
) -> Result<(), Reason> {
    let (name, cols) = (t.name, t.column_list());
    match name {
        "import_batches" => {
            let select = format!("SELECT {cols} FROM {name} WHERE id >= {first} ORDER BY id");
            copy_rows_in(scratch, tx, name, name, t.columns, &select, &mut |_| {})?;
        }
        "batch_changes" => {
            // Ids are the server's to give, in the order of the log (undo
            // replays it backwards).
            let columns = &t.columns[1..];
            let names = names(columns);
            let select =
                format!("SELECT {names} FROM {name} WHERE batch_id >= {first} ORDER BY id");
            copy_rows_in(scratch, tx, name, name, columns, &select, &mut |_| {})?;
        }
        "returns" | "rep_names" => {
            let select = format!("SELECT {cols} FROM {name} WHERE batch_id >= {first}");
            copy_rows_in(scratch, tx, name, name, t.columns, &select, &mut |_| {})?;
        }
        "settings" | "display_names" => replace_changed(tx, scratch, t)?,
        _ if Kind::from_name(name).is_some() => merge_records(tx, scratch, t, first)?,
        _ => return Err(Reason(format!("no rule to write the table {name}"))),
    }
    if t.has_id() {
        // The server's own inserts (a copy, typed targets) must get ids
        // after the ones written here.
        tx.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{name}', 'id'), coalesce(max(id), 0) + 1, false) FROM {name}"
            ),
            &[],
        )?;
    }
    Ok(())
}

/// The records of one table: those the import removed go, those its
/// batches added come in (with the ids they got, which the change log
/// names), and those it changed take their new values.
fn merge_records(
    tx: &mut Transaction<'_>,
    scratch: &Connection,
    t: &'static Table,
    first: i64,
) -> Result<(), Reason> {
    let (name, cols) = (t.name, t.column_list());
    let logged = |action: &str| {
        format!(
            "SELECT row_id FROM batch_changes WHERE batch_id >= {first} AND kind = '{name}' AND action = '{action}'"
        )
    };
    let removed: Vec<i64> = scratch
        .prepare(&logged("delete"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !removed.is_empty() {
        tx.execute(
            &format!("DELETE FROM {name} WHERE id = ANY($1)"),
            &[&removed],
        )?;
    }
    // New rows go straight in with their ids (past every id the server
    // had): a clash would fail the import rather than overwrite a record.
    let added = format!("SELECT {cols} FROM {name} WHERE batch_id >= {first} ORDER BY id");
    let rebuild = drop_indexes_for_load(tx, scratch, name, first)?;
    copy_rows_in(scratch, tx, name, name, t.columns, &added, &mut |_| {})?;
    for build in rebuild {
        tx.batch_execute(&build)?;
    }
    let changed = format!(
        "SELECT {cols} FROM {name} WHERE batch_id < {first} AND id IN ({}) ORDER BY id",
        logged("update")
    );
    if stage(tx, scratch, t, &changed)? > 0 {
        let set: Vec<String> = t.columns[1..]
            .iter()
            .map(|(c, _)| format!("{c} = s.{c}"))
            .collect();
        tx.batch_execute(&format!(
            "UPDATE {name} AS r SET {} FROM laris_stage s WHERE r.id = s.id",
            set.join(", ")
        ))?;
    }
    tx.batch_execute("DROP TABLE laris_stage")?;
    Ok(())
}

/// How many added rows make a load into an empty table drop its indexes.
const BULK_ROWS: i64 = 10_000;

/// Drops the indexes of the empty server table `name` before many rows
/// are copied into it, and returns the statements that build them again:
/// an index built once over the loaded rows costs far less than one grown
/// row by row (a million orders: about a second less, half the COPY).
/// Nothing is dropped where the table holds rows, few rows come, the role
/// may not (it does not own the table), or another table's key refers to
/// it. The statements come from the server's catalogue, so a schema
/// migration's indexes are rebuilt as they are; the dropped indexes lock
/// the table until the commit, when it holds the rows anyway.
fn drop_indexes_for_load(
    tx: &mut Transaction<'_>,
    scratch: &Connection,
    name: &str,
    first: i64,
) -> Result<Vec<String>, Reason> {
    let added: i64 = scratch.query_row(
        &format!("SELECT count(*) FROM {name} WHERE batch_id >= {first}"),
        [],
        |r| r.get(0),
    )?;
    if added < BULK_ROWS {
        return Ok(Vec::new());
    }
    let may: bool = tx
        .query_one(
            &format!(
                "SELECT NOT EXISTS (SELECT 1 FROM {name})
                    AND pg_has_role(relowner, 'USAGE')
                    AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = c.oid)
                 FROM pg_class c WHERE c.oid = '{name}'::regclass"
            ),
            &[],
        )?
        .get(0);
    if !may {
        return Ok(Vec::new());
    }
    // An index that backs a constraint (the primary key) goes and comes
    // back with its constraint.
    let rows = tx.query(
        &format!(
            "SELECT CASE WHEN k.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                    ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, k.conname) END,
                    CASE WHEN k.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                    ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, k.conname,
                                pg_get_constraintdef(k.oid)) END
             FROM pg_index i
             LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
             WHERE i.indrelid = '{name}'::regclass
             ORDER BY i.indexrelid"
        ),
        &[],
    )?;
    let mut builds = Vec::with_capacity(rows.len());
    for row in rows {
        tx.batch_execute(row.get(0))?;
        builds.push(row.get(1));
    }
    if !builds.is_empty() {
        // The default 64 MB sorts a million order keys in runs on disk;
        // 256 MB sorts them in memory: that index builds about a seventh
        // faster (1.1 s against 0.95 s on the 2-core test machine). Only
        // for this transaction, and never lower than the server's setting.
        tx.batch_execute(
            "SELECT set_config('maintenance_work_mem',
                 greatest(pg_size_bytes(current_setting('maintenance_work_mem')) / 1024, 262144) || 'kB',
                 true)",
        )?;
    }
    Ok(builds)
}

/// A small table whose rows have no batch (settings, display names): the
/// scratch database's rows that are new or differ replace the server's.
fn replace_changed(
    tx: &mut Transaction<'_>,
    scratch: &Connection,
    t: &'static Table,
) -> Result<(), Reason> {
    let name = t.name;
    let key: &[&str] = match name {
        "settings" => &["key"],
        _ => &["field", "folded"],
    };
    let select = format!("SELECT {} FROM {name}", t.column_list());
    stage(tx, scratch, t, &select)?;
    let row = |alias: &str, columns: &[&str]| {
        let cols: Vec<String> = columns.iter().map(|c| format!("{alias}.{c}")).collect();
        format!("({})", cols.join(", "))
    };
    let all: Vec<&str> = t.columns.iter().map(|(c, _)| *c).collect();
    // The scratch file held every row of the table, so every row is
    // staged; only those the import added or changed are written.
    tx.batch_execute(&format!(
        "DELETE FROM {name} AS d USING laris_stage s WHERE {} = {} AND {} IS DISTINCT FROM {};
         INSERT INTO {name} ({cols}) SELECT {cols} FROM laris_stage s
             WHERE NOT EXISTS (SELECT 1 FROM {name} d WHERE {} = {});
         DROP TABLE laris_stage",
        row("d", key),
        row("s", key),
        row("d", &all),
        row("s", &all),
        row("d", key),
        row("s", key),
        cols = t.column_list(),
    ))?;
    Ok(())
}

fn names(columns: &[(&'static str, Ty)]) -> String {
    columns
        .iter()
        .map(|(c, _)| *c)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Copies the scratch rows `select` reads (all of `t`'s columns) into a
/// new temporary table `laris_stage` shaped like `t`; how many.
fn stage(
    tx: &mut Transaction<'_>,
    scratch: &Connection,
    t: &'static Table,
    select: &str,
) -> Result<u64, Reason> {
    tx.batch_execute(&format!(
        "CREATE TEMP TABLE laris_stage ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA",
        t.column_list(),
        t.name
    ))?;
    copy_rows_in(
        scratch,
        tx,
        "laris_stage",
        t.name,
        t.columns,
        select,
        &mut |_| {},
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind is found by a column the import never rewrites, and
    /// every table of the catalogue has a rule in [`merge_table`].
    #[test]
    fn every_kind_has_a_lookup_that_the_import_does_not_rewrite() {
        for kind in Kind::ALL {
            if let Lookup::Column(c) = lookup(kind) {
                let field = kind.fields().iter().find(|f| f.column == c).unwrap();
                assert!(
                    matches!(field.ty, FieldType::Id | FieldType::Text),
                    "{kind}: {c}"
                );
            }
        }
        assert_eq!(lookup(Kind::OrderLines), Lookup::Column("order_id"));
        assert_eq!(lookup(Kind::Expenses), Lookup::Hash);
        assert_eq!(
            lookup(Kind::Activities),
            Lookup::ColumnOrHash("activity_id")
        );
        let known = [
            "import_batches",
            "batch_changes",
            "returns",
            "rep_names",
            "settings",
            "display_names",
        ];
        for t in TABLES {
            assert!(
                known.contains(&t.name) || Kind::from_name(t.name).is_some(),
                "{} has no rule to be written",
                t.name
            );
        }
    }
}
