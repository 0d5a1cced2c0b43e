//! Writing parsed records: one import batch, upserted by natural key, with a
//! change log so that the batch can be undone.

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Statement, params, params_from_iter};
use serde::Serialize;

use super::{Key, Kind, Result};
use crate::util::FastMap;

/// One record ready to store: its values in the order of `Kind::fields`, and
/// its content hash where the kind is keyed by one.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub values: Vec<Value>,
    pub row_hash: Option<String>,
}

/// What an import did, per file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
}

impl Counts {
    pub fn rows(&self) -> u64 {
        self.added + self.updated + self.unchanged + self.skipped
    }
}

/// Describes the file a batch comes from.
#[derive(Clone, Debug)]
pub struct BatchSource {
    pub file_name: String,
    pub content_hash: String,
    pub kind: Kind,
    /// A file in another currency: that currency and the rate its amounts
    /// were converted at, as the user typed it.
    pub conversion: Option<(String, String)>,
    /// The branch (outlet) its records belong to, as [`branch_name`] gives
    /// it; '' for none.
    pub branch: String,
}

/// Creates the batch row; its counts are filled in by [`BatchWriter::finish`].
pub fn begin_batch(conn: &Connection, source: &BatchSource) -> Result<i64> {
    conn.execute(
        "INSERT INTO import_batches(file_name, content_hash, kind, imported_at, currency, rate, branch) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            source.file_name,
            source.content_hash,
            source.kind.table(),
            chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            source.conversion.as_ref().map(|c| c.0.as_str()),
            source.conversion.as_ref().map(|c| c.1.as_str()),
            source.branch,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Stores rows typed in a screen (targets, product costs) in one
/// transaction as one batch of `kind` named `label`: they show in the import
/// history and undo like a file's rows.
pub fn typed_batch(
    conn: &mut Connection,
    kind: Kind,
    label: &str,
    records: impl IntoIterator<Item = Record>,
) -> Result<Counts> {
    let tx = conn.transaction()?;
    let batch = begin_batch(
        &tx,
        &BatchSource {
            file_name: label.to_string(),
            content_hash: String::new(),
            kind,
            conversion: None,
            branch: String::new(),
        },
    )?;
    let counts = {
        let mut writer = BatchWriter::new(&tx, kind, batch)?;
        for record in records {
            writer.write(&record)?;
        }
        writer.finish(0)?
    };
    tx.commit()?;
    Ok(counts)
}

/// A branch (outlet) name as it is stored: trimmed, '' for none, and in
/// the spelling it was first given (the same name in another case is the
/// same branch), which is remembered here when it is new.
pub fn branch_name(conn: &Connection, name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(String::new());
    }
    let folded = crate::import::parse::name_key(name);
    let known: Option<String> = conn
        .query_row(
            "SELECT display FROM display_names WHERE field = 'branch' AND folded = ?1",
            [&folded],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(known) = known {
        return Ok(known);
    }
    conn.execute(
        "INSERT INTO display_names(field, folded, display) VALUES ('branch', ?1, ?2)",
        params![folded, name],
    )?;
    Ok(name.to_string())
}

/// Records the hash of a batch's file when it was learnt while storing it.
pub fn set_content_hash(conn: &Connection, batch_id: i64, hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE import_batches SET content_hash = ?1 WHERE id = ?2",
        params![hash, batch_id],
    )?;
    Ok(())
}

/// Upserts the records of one batch of one kind, inside the caller's
/// transaction.
pub struct BatchWriter<'c> {
    conn: &'c Connection,
    kind: Kind,
    batch_id: i64,
    /// The batch's branch: part of every key this writer matches.
    branch: String,
    counts: Counts,
    /// Inserts a new record; does nothing when its key exists.
    insert: Statement<'c>,
    select_by_key: Statement<'c>,
    select_by_hash: Option<Statement<'c>>,
    update: Statement<'c>,
    log: Statement<'c>,
    /// Rows whose values from before this batch are logged already, so that a
    /// key repeated in the same file does not log twice.
    logged: HashSet<i64>,
    /// For order lines: the number of lines this batch gives each order
    /// that had lines before it (those that may have lines left over).
    lines_per_order: FastMap<String, i64>,
}

impl<'c> BatchWriter<'c> {
    pub fn new(conn: &'c Connection, kind: Kind, batch_id: i64) -> Result<Self> {
        let table = kind.table();
        let branch: String = conn.query_row(
            "SELECT branch FROM import_batches WHERE id = ?1",
            [batch_id],
            |r| r.get(0),
        )?;
        let cols: Vec<&str> = kind.fields().iter().map(|f| f.column).collect();
        let select_cols = cols.join(", ");
        let mut key_cols: Vec<&str> = vec!["branch"];
        match kind.key() {
            Key::Columns(cols) => key_cols.extend_from_slice(cols),
            Key::ColumnOrHash(col) => key_cols.push(col),
            Key::ContentHash => key_cols.push("row_hash"),
        }
        let where_key = key_cols
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ?{}", i + 1))
            .collect::<Vec<_>>()
            .join(" AND ");
        let select_by_key = conn.prepare(&format!(
            "SELECT id, {select_cols}, batch_id FROM {table} WHERE {where_key}"
        ))?;
        let select_by_hash = if matches!(kind.key(), Key::ColumnOrHash(_)) {
            Some(conn.prepare(&format!(
                "SELECT id, {select_cols}, batch_id FROM {table} WHERE branch = ?1 AND row_hash = ?2"
            ))?)
        } else {
            None
        };
        let mut insert_cols = cols.clone();
        if kind.has_row_hash() {
            insert_cols.push("row_hash");
        }
        insert_cols.push("batch_id");
        insert_cols.push("branch");
        let placeholders = (1..=insert_cols.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        // One statement for the common case (a new record); the unique
        // indexes on the natural keys decide.
        let insert = conn.prepare(&format!(
            "INSERT INTO {table}({}) VALUES ({placeholders}) ON CONFLICT DO NOTHING",
            insert_cols.join(", ")
        ))?;
        let update = conn.prepare(&format!(
            "UPDATE {table} SET {} WHERE id = ?{}",
            assignments(&cols),
            cols.len() + 1
        ))?;
        let log = conn.prepare(
            "INSERT INTO batch_changes(batch_id, kind, row_id, action, old_values) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        Ok(BatchWriter {
            conn,
            kind,
            batch_id,
            branch,
            counts: Counts::default(),
            insert,
            select_by_key,
            select_by_hash,
            update,
            log,
            logged: HashSet::new(),
            lines_per_order: FastMap::default(),
        })
    }

    /// The branch of the batch, which every record it writes belongs to.
    pub fn branch(&self) -> &str {
        &self.branch
    }

    /// Stores one record: added when its key is new, updated when its values
    /// differ from the stored ones, else unchanged.
    pub fn write(&mut self, record: &Record) -> Result<()> {
        let added = self.insert_new(record)?;
        // An order's lines are numbered from 1, so one that had lines before
        // this batch meets them at its first line: only such orders can have
        // lines left over beyond their new last one. A million orders'
        // lines imported afresh keep no list, and look none up at the end.
        if self.kind == Kind::OrderLines
            && let (Value::Text(order), Value::Integer(line)) =
                (&record.values[0], &record.values[1])
        {
            if let Some(max) = self.lines_per_order.get_mut(order.as_str()) {
                *max = (*max).max(*line);
            } else if !added {
                self.lines_per_order.insert(order.clone(), *line);
            }
        }
        if added {
            self.counts.added += 1;
            return Ok(());
        }
        self.update_existing(record)
    }

    /// Inserts the record if its key is new; whether it did.
    fn insert_new(&mut self, record: &Record) -> Result<bool> {
        // Bound one by one: no list of parameters is built for each record.
        let mut at = 0;
        for value in &record.values {
            at += 1;
            self.insert.raw_bind_parameter(at, value)?;
        }
        if self.kind.has_row_hash() {
            at += 1;
            self.insert
                .raw_bind_parameter(at, record.row_hash.as_deref())?;
        }
        self.insert.raw_bind_parameter(at + 1, self.batch_id)?;
        self.insert
            .raw_bind_parameter(at + 2, self.branch.as_str())?;
        Ok(self.insert.raw_execute()? == 1)
    }

    /// Updates the stored record with the record's key, if its values differ.
    fn update_existing(&mut self, record: &Record) -> Result<()> {
        let Some((id, old, added_by)) = self.find_existing(record)? else {
            // The key exists (the insert did nothing) but under another
            // unique index than the one looked up: nothing to update.
            self.counts.unchanged += 1;
            return Ok(());
        };
        if old == record.values {
            self.counts.unchanged += 1;
            return Ok(());
        }
        // Rows this batch added are removed whole by undo: no log needed.
        if added_by != self.batch_id && self.logged.insert(id) {
            self.log.execute(params![
                self.batch_id,
                self.kind.table(),
                id,
                "update",
                Some(values_to_json(&old))
            ])?;
        }
        let id = Value::Integer(id);
        self.update
            .execute(params_from_iter(record.values.iter().chain([&id])))?;
        self.counts.updated += 1;
        Ok(())
    }

    /// The stored row with the record's key: its id, its values (the kind's
    /// columns) and the batch that added it.
    fn find_existing(&mut self, record: &Record) -> Result<Option<(i64, Vec<Value>, i64)>> {
        let ncols = self.kind.fields().len();
        let read = |r: &rusqlite::Row| -> rusqlite::Result<(i64, Vec<Value>, i64)> {
            let mut vals = Vec::with_capacity(ncols);
            for i in 0..ncols {
                vals.push(r.get::<_, Value>(i + 1)?);
            }
            Ok((r.get(0)?, vals, r.get(ncols + 1)?))
        };
        let hash = || record.row_hash.clone().map_or(Value::Null, Value::Text);
        let branch = Value::Text(self.branch.clone());
        let key_values: Vec<Value> = match self.kind.key() {
            Key::Columns(cols) => std::iter::once(branch)
                .chain(
                    cols.iter()
                        .filter_map(|c| self.kind.fields().iter().position(|f| f.column == *c))
                        .map(|i| record.values[i].clone()),
                )
                .collect(),
            Key::ColumnOrHash(col) => match self.kind.field(col).map(|i| &record.values[i]) {
                Some(Value::Null) | None => {
                    let Some(stmt) = self.select_by_hash.as_mut() else {
                        return Ok(None);
                    };
                    return Ok(stmt.query_row([branch, hash()], read).optional()?);
                }
                Some(v) => vec![branch, v.clone()],
            },
            Key::ContentHash => vec![branch, hash()],
        };
        Ok(self
            .select_by_key
            .query_row(params_from_iter(key_values), read)
            .optional()?)
    }

    /// Ends the batch: removes lines beyond an order's new last line (an order
    /// re-imported replaces its lines as a whole) and records the counts.
    pub fn finish(mut self, skipped: u64) -> Result<Counts> {
        if self.kind == Kind::OrderLines {
            self.drop_stale_lines()?;
        }
        self.counts.skipped = skipped;
        self.conn.execute(
            "UPDATE import_batches SET rows_added = ?1, rows_updated = ?2, rows_unchanged = ?3, rows_skipped = ?4 WHERE id = ?5",
            params![
                self.counts.added as i64,
                self.counts.updated as i64,
                self.counts.unchanged as i64,
                self.counts.skipped as i64,
                self.batch_id
            ],
        )?;
        Ok(self.counts)
    }

    fn drop_stale_lines(&mut self) -> Result<()> {
        let cols: Vec<&str> = self.kind.fields().iter().map(|f| f.column).collect();
        let mut stale = self.conn.prepare(&format!(
            "SELECT id, {}, batch_id FROM order_lines WHERE branch = ?3 AND order_id = ?1 AND line_no > ?2",
            cols.join(", ")
        ))?;
        let mut delete = self.conn.prepare("DELETE FROM order_lines WHERE id = ?1")?;
        for (order, last) in &self.lines_per_order {
            let rows: Vec<(i64, Vec<Value>)> = stale
                .query_map(params![order, last, self.branch], |r| {
                    let mut vals = Vec::with_capacity(cols.len() + 1);
                    for i in 0..=cols.len() {
                        vals.push(r.get::<_, Value>(i + 1)?);
                    }
                    Ok((r.get(0)?, vals))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (id, old) in rows {
                self.log.execute(params![
                    self.batch_id,
                    self.kind.table(),
                    id,
                    "delete",
                    Some(values_to_json(&old))
                ])?;
                delete.execute([id])?;
            }
        }
        Ok(())
    }
}

pub(crate) fn values_to_json(values: &[Value]) -> String {
    let json: Vec<serde_json::Value> = values
        .iter()
        .map(|v| match v {
            Value::Null => serde_json::Value::Null,
            Value::Integer(i) => serde_json::Value::from(*i),
            Value::Real(f) => serde_json::Value::from(*f),
            Value::Text(s) => serde_json::Value::from(s.as_str()),
            Value::Blob(_) => serde_json::Value::Null,
        })
        .collect();
    serde_json::Value::Array(json).to_string()
}

pub(crate) fn values_from_json(text: &str) -> serde_json::Result<Vec<Value>> {
    let json: Vec<serde_json::Value> = serde_json::from_str(text)?;
    Ok(json
        .into_iter()
        .map(|v| match v {
            serde_json::Value::Number(n) if n.is_i64() => Value::Integer(n.as_i64().unwrap_or(0)),
            serde_json::Value::Number(n) => Value::Real(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Value::Text(s),
            _ => Value::Null,
        })
        .collect())
}

/// `a = ?1, b = ?2, ...` for an UPDATE of these columns.
pub(crate) fn assignments(cols: &[&str]) -> String {
    cols.iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}
