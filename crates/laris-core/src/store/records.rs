//! A kind's stored records, field by field, for the Data tab's table export.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::Kind;
use crate::store::kinds::Field;

/// The fields a file of the kind has (its canonical CSV header), and every
/// record's values for them, in import order.
pub fn records(
    conn: &Connection,
    kind: Kind,
) -> rusqlite::Result<(Vec<&'static Field>, Vec<Vec<Value>>)> {
    let fields: Vec<&'static Field> = kind.file_fields().collect();
    let columns: Vec<&str> = fields.iter().map(|f| f.column).collect();
    let sql = format!(
        "SELECT {} FROM {} ORDER BY id",
        columns.join(", "),
        kind.table()
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map([], |row| {
            (0..columns.len()).map(|i| row.get::<_, Value>(i)).collect()
        })?
        .collect::<rusqlite::Result<Vec<Vec<Value>>>>()?;
    Ok((fields, rows))
}
