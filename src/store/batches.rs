//! The import history, and undoing an import.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::Serialize;

use super::write::{Counts, values_from_json};
use super::{Kind, Result, StoreError};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Batch {
    pub id: i64,
    pub file_name: String,
    pub kind: Kind,
    pub imported_at: String,
    pub counts: Counts,
    pub undone_at: Option<String>,
}

/// Every import, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare(
        "SELECT id, file_name, kind, imported_at, rows_added, rows_updated, rows_unchanged, rows_skipped, undone_at
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
    let tx = conn.transaction()?;
    let undone: Option<Option<String>> = tx
        .query_row(
            "SELECT undone_at FROM import_batches WHERE id = ?1",
            [batch_id],
            |r| r.get(0),
        )
        .optional()?;
    match undone {
        None => return Err(UndoError::NoSuchBatch(batch_id)),
        Some(Some(_)) => return Err(UndoError::AlreadyUndone(batch_id)),
        Some(None) => {}
    }
    let later: Option<(i64, String)> = tx
        .query_row(
            "SELECT b.batch_id, ib.file_name FROM batch_changes a
             JOIN batch_changes b ON b.kind = a.kind AND b.row_id = a.row_id AND b.batch_id > a.batch_id
             JOIN import_batches ib ON ib.id = b.batch_id
             WHERE a.batch_id = ?1 ORDER BY b.batch_id LIMIT 1",
            [batch_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((later, later_file)) = later {
        return Err(UndoError::LaterBatch {
            batch: batch_id,
            later,
            later_file,
        });
    }

    let changes: Vec<(String, i64, String, Option<String>)> = {
        let mut stmt = tx.prepare(
            "SELECT kind, row_id, action, old_values FROM batch_changes WHERE batch_id = ?1 ORDER BY id DESC",
        )?;
        stmt.query_map([batch_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let mut counts = Counts::default();
    for (kind_name, row_id, action, old) in changes {
        let Some(kind) = Kind::from_name(&kind_name) else {
            continue;
        };
        let table = kind.table();
        let old = old
            .as_deref()
            .map(values_from_json)
            .transpose()
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let mut cols: Vec<&str> = kind.fields().iter().map(|f| f.column).collect();
        cols.push("batch_id");
        match (action.as_str(), old) {
            ("add", _) => {
                tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [row_id])?;
                counts.added += 1;
            }
            ("update", Some(old)) => {
                let sets = cols
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c} = ?{}", i + 1))
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut values = old;
                values.push(Value::Integer(row_id));
                tx.execute(
                    &format!("UPDATE {table} SET {sets} WHERE id = ?{}", cols.len() + 1),
                    params_from_iter(values),
                )?;
                counts.updated += 1;
            }
            ("delete", Some(old)) => {
                let placeholders = (1..=cols.len() + 1)
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut values = vec![Value::Integer(row_id)];
                values.extend(old);
                tx.execute(
                    &format!(
                        "INSERT INTO {table}(id, {}) VALUES ({placeholders})",
                        cols.join(", ")
                    ),
                    params_from_iter(values),
                )?;
                counts.updated += 1;
            }
            _ => {}
        }
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
