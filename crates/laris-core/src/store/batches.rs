//! The import history, and undoing an import.

use std::path::PathBuf;

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::Serialize;

use super::pg::{PgError, PgStore};
use super::tables::Ty;
use super::write::{Counts, assignments, values_from_json};
use super::{Kind, Result, StoreError};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Batch {
    pub id: i64,
    pub file_name: String,
    pub kind: Kind,
    pub imported_at: String,
    pub counts: Counts,
    pub undone_at: Option<String>,
    /// A file in another currency: that currency and the rate its amounts
    /// were converted at.
    pub conversion: Option<(String, String)>,
    /// The branch (outlet) its records belong to; '' for none.
    pub branch: String,
}

impl Batch {
    /// When it was imported, local time; None for a time this Laris did not
    /// write.
    pub fn imported(&self) -> Option<NaiveDateTime> {
        self.imported_at.parse().ok()
    }
}

/// Every import, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare(
        "SELECT id, file_name, kind, imported_at, rows_added, rows_updated, rows_unchanged, rows_skipped, undone_at,
                currency, rate, branch
         FROM import_batches ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(2)?;
        Ok(Batch {
            id: r.get(0)?,
            file_name: r.get(1)?,
            kind: Kind::from_name(&kind).unwrap_or(Kind::Orders),
            imported_at: r.get(3)?,
            counts: Counts {
                added: r.get::<_, i64>(4)? as u64,
                updated: r.get::<_, i64>(5)? as u64,
                unchanged: r.get::<_, i64>(6)? as u64,
                skipped: r.get::<_, i64>(7)? as u64,
            },
            undone_at: r.get(8)?,
            conversion: match (r.get(9)?, r.get(10)?) {
                (Some(currency), Some(rate)) => Some((currency, rate)),
                _ => None,
            },
            branch: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, thiserror::Error)]
pub enum UndoError {
    #[error("Import {0} does not exist.")]
    NoSuchBatch(i64),
    #[error("Import {0} was already undone.")]
    AlreadyUndone(i64),
    #[error(
        "Import {batch} cannot be undone while the later import of {later_file} (import {later}) changed the same records: undo that one first."
    )]
    LaterBatch {
        batch: i64,
        later: i64,
        later_file: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Server(Box<super::pg::PgError>),
}

impl UndoError {
    /// What went wrong, in `lang`, for the window; the English message reads
    /// as the `Display` text.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let batch = |b: &i64| ("batch", b.to_string().into());
        match self {
            UndoError::NoSuchBatch(b) => lang.tr_args("undo-error-no-such", &[batch(b)]),
            UndoError::AlreadyUndone(b) => lang.tr_args("undo-error-already", &[batch(b)]),
            UndoError::LaterBatch {
                batch: b,
                later,
                later_file,
            } => lang.tr_args(
                "undo-error-later",
                &[
                    batch(b),
                    ("later", later.to_string().into()),
                    ("file", later_file.as_str().into()),
                ],
            ),
            UndoError::Store(e) => e.message(lang),
            UndoError::Server(e) => e.message(lang),
        }
    }
}

impl From<super::pg::PgError> for UndoError {
    fn from(e: super::pg::PgError) -> Self {
        UndoError::Server(Box::new(e))
    }
}

impl From<rusqlite::Error> for UndoError {
    fn from(e: rusqlite::Error) -> Self {
        UndoError::Store(e.into())
    }
}

/// Undoes an import in one transaction: removes the records it added and puts
/// back the values of those it changed. Refused while a later import that is
/// still in place changed some of the same records.
pub fn undo(conn: &mut Connection, batch_id: i64) -> std::result::Result<Counts, UndoError> {
    // The first undo of a day makes a backup first (an in-memory database
    // has no file to back up beside).
    let file: Option<String> = conn
        .query_row(
            "SELECT file_name FROM import_batches WHERE id = ?1 AND undone_at IS NULL",
            [batch_id],
            |r| r.get(0),
        )
        .optional()?;
    let db = conn.path().filter(|p| !p.is_empty()).map(PathBuf::from);
    if let (Some(file), Some(db)) = (file, db) {
        super::backup::daily(conn, &db, super::backup::Reason::Undo(file))?;
    }
    let tx = conn.transaction()?;
    let undone: Option<Option<String>> = tx
        .query_row(
            "SELECT undone_at FROM import_batches WHERE id = ?1",
            [batch_id],
            |r| r.get(0),
        )
        .optional()?;
    undoable(batch_id, undone, || Ok(later_change(&tx, batch_id)?))?;

    let mut counts = Counts::default();
    for kind in Kind::ALL {
        counts.added += tx.execute(
            &format!("DELETE FROM {} WHERE batch_id = ?1", kind.table()),
            [batch_id],
        )? as u64;
    }
    // The orders a returns list named stop being returns with it.
    tx.execute("DELETE FROM returns WHERE batch_id = ?1", [batch_id])?;
    // The owner ids a users list named show as ids again.
    tx.execute("DELETE FROM rep_names WHERE batch_id = ?1", [batch_id])?;
    let changes: Vec<(String, i64, String, Option<String>)> = {
        let mut stmt = tx.prepare(
            "SELECT kind, row_id, action, old_values FROM batch_changes WHERE batch_id = ?1 ORDER BY id DESC",
        )?;
        stmt.query_map([batch_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    for (kind_name, row_id, action, old) in changes {
        let (Some(kind), Some(old)) = (Kind::from_name(&kind_name), old) else {
            continue;
        };
        let table = kind.table();
        let mut values = values_from_json(&old)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let cols: Vec<&str> = kind.fields().iter().map(|f| f.column).collect();
        if action == "update" {
            values.push(Value::Integer(row_id));
            tx.execute(
                &format!(
                    "UPDATE {table} SET {} WHERE id = ?{}",
                    assignments(&cols),
                    cols.len() + 1
                ),
                params_from_iter(values),
            )?;
        } else {
            let placeholders = (1..=cols.len() + 2)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            values.insert(0, Value::Integer(row_id));
            values.push(Value::Integer(batch_id));
            // A row is only removed by a batch of its own branch (the
            // branch is part of its key), which the saved values leave out.
            tx.execute(
                &format!(
                    "INSERT INTO {table}(id, {}, batch_id, branch) VALUES ({placeholders}, \
                     (SELECT branch FROM import_batches WHERE id = ?{}))",
                    cols.join(", "),
                    cols.len() + 3
                ),
                params_from_iter(values),
            )?;
        }
        counts.updated += 1;
    }
    tx.execute("DELETE FROM batch_changes WHERE batch_id = ?1", [batch_id])?;
    tx.execute(
        "UPDATE import_batches SET undone_at = ?1 WHERE id = ?2",
        params![
            chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            batch_id
        ],
    )?;
    tx.commit()?;
    Ok(counts)
}

/// Refuses an undo of a batch that does not exist (`undone` None), is
/// undone already, or whose records a later import changed (`later`, asked
/// only when it matters).
fn undoable(
    batch_id: i64,
    undone: Option<Option<String>>,
    later: impl FnOnce() -> std::result::Result<Option<(i64, String)>, UndoError>,
) -> std::result::Result<(), UndoError> {
    match undone {
        None => Err(UndoError::NoSuchBatch(batch_id)),
        Some(Some(_)) => Err(UndoError::AlreadyUndone(batch_id)),
        Some(None) => match later()? {
            Some((later, later_file)) => Err(UndoError::LaterBatch {
                batch: batch_id,
                later,
                later_file,
            }),
            None => Ok(()),
        },
    }
}

/// The first later import (still in place) that changed a record this batch
/// added or changed: undoing this one first would lose that change.
fn later_change(conn: &Connection, batch_id: i64) -> rusqlite::Result<Option<(i64, String)>> {
    let mut found: Vec<(i64, String)> = Vec::new();
    // Later changes to rows this batch changed.
    found.extend(
        conn.query_row(
            "SELECT b.batch_id, ib.file_name FROM batch_changes a
             JOIN batch_changes b ON b.kind = a.kind AND b.row_id = a.row_id AND b.batch_id > a.batch_id
             JOIN import_batches ib ON ib.id = b.batch_id
             WHERE a.batch_id = ?1 ORDER BY b.batch_id LIMIT 1",
            [batch_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?,
    );
    // Later changes to rows this batch added: updated ones are still there,
    // deleted ones name this batch in their saved values.
    for kind in Kind::ALL {
        let table = kind.table();
        found.extend(
            conn.query_row(
                &format!(
                    "SELECT c.batch_id, ib.file_name FROM batch_changes c
                     JOIN import_batches ib ON ib.id = c.batch_id
                     LEFT JOIN {table} r ON r.id = c.row_id
                     WHERE c.kind = '{table}' AND c.batch_id > ?1
                       AND (r.batch_id = ?1 OR (c.action = 'delete' AND json_extract(c.old_values, '$[#-1]') = ?1))
                     ORDER BY c.batch_id LIMIT 1"
                ),
                [batch_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?,
        );
    }
    Ok(found.into_iter().min_by_key(|(id, _)| *id))
}

/// [`list`] on a server.
pub fn list_postgres(pg: &mut PgStore) -> std::result::Result<Vec<Batch>, PgError> {
    let rows = pg
        .client
        .query(
            "SELECT id, file_name, kind, imported_at, rows_added, rows_updated, rows_unchanged, rows_skipped, undone_at,
                    currency, rate, branch
             FROM import_batches ORDER BY id DESC",
            &[],
        )
        .map_err(|e| pg.error(&e))?;
    Ok(rows
        .iter()
        .map(|r| {
            let kind: String = r.get(2);
            let count = |i: usize| r.get::<_, i64>(i).unsigned_abs();
            Batch {
                id: r.get(0),
                file_name: r.get(1),
                kind: Kind::from_name(&kind).unwrap_or(Kind::Orders),
                imported_at: r.get(3),
                counts: Counts {
                    added: count(4),
                    updated: count(5),
                    unchanged: count(6),
                    skipped: count(7),
                },
                undone_at: r.get(8),
                conversion: match (r.get(9), r.get(10)) {
                    (Some(currency), Some(rate)) => Some((currency, rate)),
                    _ => None,
                },
                branch: r.get(11),
            }
        })
        .collect())
}

/// [`undo`] on a server: the same steps in one transaction, under the
/// writers' advisory lock (an import or another undo waits). A server is
/// not backed up by Laris (docs/postgres.md).
pub fn undo_postgres(pg: &mut PgStore, batch_id: i64) -> std::result::Result<Counts, UndoError> {
    pg.require_writer()?;
    pg.check_schema()?;
    let server = pg.server.clone();
    let err = |e: postgres::Error| {
        UndoError::from(PgError::Server {
            server: server.clone(),
            reason: super::pg::reason(&e),
        })
    };
    let mut tx = pg.client.transaction().map_err(err)?;
    super::pg::write::lock(&mut tx).map_err(err)?;
    let undone: Option<Option<String>> = tx
        .query_opt(
            "SELECT undone_at FROM import_batches WHERE id = $1",
            &[&batch_id],
        )
        .map_err(err)?
        .map(|r| r.get(0));
    undoable(batch_id, undone, || {
        later_change_postgres(&mut tx, batch_id).map_err(err)
    })?;
    let mut counts = Counts::default();
    for kind in Kind::ALL {
        counts.added += tx
            .execute(
                &format!("DELETE FROM {} WHERE batch_id = $1", kind.table()),
                &[&batch_id],
            )
            .map_err(err)?;
    }
    tx.execute("DELETE FROM returns WHERE batch_id = $1", &[&batch_id])
        .map_err(err)?;
    tx.execute("DELETE FROM rep_names WHERE batch_id = $1", &[&batch_id])
        .map_err(err)?;
    let changes = tx
        .query(
            "SELECT kind, row_id, action, old_values FROM batch_changes WHERE batch_id = $1 ORDER BY id DESC",
            &[&batch_id],
        )
        .map_err(err)?;
    for change in changes {
        let (kind_name, row_id, action, old): (String, i64, String, Option<String>) =
            (change.get(0), change.get(1), change.get(2), change.get(3));
        let (Some(kind), Some(old)) = (Kind::from_name(&kind_name), old) else {
            continue;
        };
        let table = kind.table();
        let values = values_from_json(&old).map_err(|e| {
            UndoError::from(PgError::Server {
                server: server.clone(),
                reason: format!("the saved values of row {row_id} of {table}: {e}"),
            })
        })?;
        let cols: Vec<&str> = kind.fields().iter().map(|f| f.column).collect();
        let mut params: Vec<Box<dyn postgres::types::ToSql + Sync>> = cols
            .iter()
            .chain(["batch_id"].iter())
            .zip(&values)
            .map(|(col, v)| pg_param(table, col, v))
            .collect();
        if action == "update" {
            // The saved values of an update are the kind's columns only.
            params.truncate(cols.len());
            params.push(Box::new(row_id));
            let set: Vec<String> = cols
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} = ${}", i + 1))
                .collect();
            let sql = format!(
                "UPDATE {table} SET {} WHERE id = ${}",
                set.join(", "),
                cols.len() + 1
            );
            let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                params.iter().map(|p| p.as_ref()).collect();
            tx.execute(&sql, &refs).map_err(err)?;
        } else {
            params.insert(0, Box::new(row_id));
            let placeholders: Vec<String> = (1..=params.len()).map(|i| format!("${i}")).collect();
            // The branch is that of the batch that removed the row (see
            // `undo`).
            let sql = format!(
                "INSERT INTO {table}(id, {}, batch_id, branch) VALUES ({}, \
                 (SELECT branch FROM import_batches WHERE id = ${}))",
                cols.join(", "),
                placeholders.join(", "),
                params.len() + 1
            );
            params.push(Box::new(batch_id));
            let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                params.iter().map(|p| p.as_ref()).collect();
            tx.execute(&sql, &refs).map_err(err)?;
        }
        counts.updated += 1;
    }
    tx.execute(
        "DELETE FROM batch_changes WHERE batch_id = $1",
        &[&batch_id],
    )
    .map_err(err)?;
    tx.execute(
        "UPDATE import_batches SET undone_at = $1 WHERE id = $2",
        &[
            &chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            &batch_id,
        ],
    )
    .map_err(err)?;
    tx.commit().map_err(err)?;
    Ok(counts)
}

/// A saved value as the server's column `table.column` takes it (its type
/// from the catalogue; SQLite may have kept a whole real as an integer).
fn pg_param(table: &str, column: &str, v: &Value) -> Box<dyn postgres::types::ToSql + Sync> {
    let ty = super::tables::TABLES
        .iter()
        .find(|t| t.name == table)
        .and_then(|t| t.columns.iter().find(|(c, _)| *c == column))
        .map_or(Ty::Text, |(_, ty)| *ty);
    match (ty, v) {
        (Ty::Int, Value::Integer(i)) => Box::new(Some(*i)),
        (Ty::Int, Value::Real(f)) => Box::new(Some(*f as i64)),
        (Ty::Int, _) => Box::new(None::<i64>),
        (Ty::Real, Value::Integer(i)) => Box::new(Some(*i as f64)),
        (Ty::Real, Value::Real(f)) => Box::new(Some(*f)),
        (Ty::Real, _) => Box::new(None::<f64>),
        (Ty::Text, Value::Text(t)) => Box::new(Some(t.clone())),
        (Ty::Text, Value::Integer(i)) => Box::new(Some(i.to_string())),
        (Ty::Text, _) => Box::new(None::<String>),
    }
}

/// [`later_change`] on a server (the last saved value, the batch that had
/// added the row, read with jsonb rather than SQLite's json_extract).
fn later_change_postgres(
    tx: &mut postgres::Transaction<'_>,
    batch_id: i64,
) -> std::result::Result<Option<(i64, String)>, postgres::Error> {
    let mut found: Vec<(i64, String)> = Vec::new();
    found.extend(
        tx.query_opt(
            "SELECT b.batch_id, ib.file_name FROM batch_changes a
             JOIN batch_changes b ON b.kind = a.kind AND b.row_id = a.row_id AND b.batch_id > a.batch_id
             JOIN import_batches ib ON ib.id = b.batch_id
             WHERE a.batch_id = $1 ORDER BY b.batch_id LIMIT 1",
            &[&batch_id],
        )?
        .map(|r| (r.get(0), r.get(1))),
    );
    for kind in Kind::ALL {
        let table = kind.table();
        found.extend(
            tx.query_opt(
                &format!(
                    "SELECT c.batch_id, ib.file_name FROM batch_changes c
                     JOIN import_batches ib ON ib.id = c.batch_id
                     LEFT JOIN {table} r ON r.id = c.row_id
                     WHERE c.kind = '{table}' AND c.batch_id > $1
                       AND (r.batch_id = $1 OR (c.action = 'delete' AND c.old_values::jsonb -> -1 = to_jsonb($1::bigint)))
                     ORDER BY c.batch_id LIMIT 1"
                ),
                &[&batch_id],
            )?
            .map(|r| (r.get(0), r.get(1))),
        );
    }
    Ok(found.into_iter().min_by_key(|(id, _)| *id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An undo finds a batch's rows through an index on every table it
    /// deletes from, so that its cost grows with the batch, not the store.
    #[test]
    fn an_undo_reads_only_the_batch_s_rows() {
        let dir = tempfile::tempdir().unwrap();
        let store = super::super::Store::open(&dir.path().join("toko.laris")).unwrap();
        let tables =
            Kind::ALL
                .iter()
                .map(|k| k.table())
                .chain(["returns", "rep_names", "batch_changes"]);
        for table in tables {
            let plan: Vec<String> = store
                .conn()
                .prepare(&format!(
                    "EXPLAIN QUERY PLAN DELETE FROM {table} WHERE batch_id = ?1"
                ))
                .unwrap()
                .query_map([1], |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(
                plan.iter().any(|step| step.contains("INDEX")),
                "{table}: {plan:?}"
            );
        }
    }
}
