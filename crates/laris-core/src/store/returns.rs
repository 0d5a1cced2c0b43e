//! Returns lists: the ids of orders a shop says came back. Each id marks its
//! order refunded, now if it is stored and when it arrives if not.

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

use super::Kind;
use super::Result;
use super::write::{BatchWriter, Record};

/// Every order a returns list has named, as (branch, order id), for an
/// import to mark the orders it stores.
pub fn all(conn: &Connection) -> Result<HashSet<(String, String)>> {
    let mut stmt = conn.prepare("SELECT branch, order_id FROM returns")?;
    let ids = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// What storing a returns list did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Marked {
    /// Stored orders now refunded.
    pub refunded: u64,
    /// Named orders not in the database yet: marked when they arrive.
    pub pending: u64,
}

/// Keeps `ids` (orders of the batch's branch) as batch `writer`'s returns and marks the stored orders among
/// them refunded through `writer`, so that undoing the batch restores them.
pub fn mark(
    conn: &Connection,
    writer: &mut BatchWriter<'_>,
    batch: i64,
    ids: &[String],
) -> Result<Marked> {
    let fields = Kind::Orders.fields();
    let columns: Vec<&str> = fields.iter().map(|f| f.column).collect();
    let status = Kind::Orders.field("status").unwrap_or(6);
    let mut keep = conn
        .prepare("INSERT OR IGNORE INTO returns(order_id, batch_id, branch) VALUES (?1, ?2, ?3)")?;
    let mut find = conn.prepare(&format!(
        "SELECT {} FROM orders WHERE order_id = ?1 AND branch = ?2",
        columns.join(", ")
    ))?;
    let branch = writer.branch().to_string();
    let mut marked = Marked::default();
    for id in ids {
        keep.execute(params![id, batch, branch])?;
        let stored: Option<Vec<Value>> = find
            .query_row([id, &branch], |r| {
                (0..columns.len()).map(|i| r.get(i)).collect()
            })
            .optional()?;
        let Some(mut values) = stored else {
            marked.pending += 1;
            continue;
        };
        if values[status] != Value::Text("refunded".into()) {
            values[status] = Value::Text("refunded".into());
            writer.write(&Record {
                values,
                row_hash: None,
            })?;
            marked.refunded += 1;
        }
    }
    Ok(marked)
}
