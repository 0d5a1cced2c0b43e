//! A kind's stored records, field by field, for the Data tab's table export.

use rusqlite::types::Value;

use super::database::column_type;
use super::pg::PgError;
use super::{Database, Kind};
use crate::store::kinds::Field;

/// The fields a file of the kind has (its canonical CSV header), and every
/// record's values for them, in import order.
pub fn records(
    db: &mut Database,
    kind: Kind,
) -> Result<(Vec<&'static Field>, Vec<Vec<Value>>), PgError> {
    let fields: Vec<&'static Field> = kind.file_fields().collect();
    let columns: Vec<&str> = fields.iter().map(|f| f.column).collect();
    let sql = format!(
        "SELECT {} FROM {} ORDER BY id",
        columns.join(", "),
        kind.table()
    );
    let types: Vec<_> = columns
        .iter()
        .map(|c| column_type(kind.table(), c))
        .collect();
    let rows = db.rows(&sql, &[], &types)?;
    Ok((fields, rows))
}
