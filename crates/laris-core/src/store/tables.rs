//! Every table of a Laris database with its columns and their types: what
//! `laris migrate` copies, and the only source of the table and column names
//! it puts into SQL. Tests check it against both schemas (SQLite's
//! migrations and PostgreSQL's), so a column added to one and not here is
//! caught.

/// A column's type, as both databases store it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// SQLite INTEGER, PostgreSQL BIGINT.
    Int,
    /// SQLite REAL, PostgreSQL DOUBLE PRECISION.
    Real,
    Text,
}

#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Ty)],
    /// The order rows are copied in: by row id where the table has one, so
    /// that a copy keeps the table order the loaders rely on.
    pub order_by: &'static str,
}

impl Table {
    /// Whether its rows have an `id` (an identity in PostgreSQL, whose
    /// sequence must be moved past the copied ids).
    pub fn has_id(&self) -> bool {
        self.columns.first().is_some_and(|(c, _)| *c == "id")
    }

    /// A SELECT of every row and column, in copy order.
    pub fn select_all(&self) -> String {
        format!(
            "SELECT {} FROM {} ORDER BY {}",
            self.column_list(),
            self.name,
            self.order_by
        )
    }

    /// The column names, comma separated, for a SELECT or a COPY.
    pub fn column_list(&self) -> String {
        self.columns
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

use Ty::{Int, Real, Text};

const fn table(
    name: &'static str,
    columns: &'static [(&'static str, Ty)],
    order_by: &'static str,
) -> Table {
    Table {
        name,
        columns,
        order_by,
    }
}

/// In an order that satisfies the references (batches first). The data
/// revision is not copied: the target makes its own.
pub const TABLES: &[Table] = &[
    table(
        "import_batches",
        &[
            ("id", Int),
            ("file_name", Text),
            ("content_hash", Text),
            ("kind", Text),
            ("imported_at", Text),
            ("rows_added", Int),
            ("rows_updated", Int),
            ("rows_unchanged", Int),
            ("rows_skipped", Int),
            ("undone_at", Text),
            ("currency", Text),
            ("rate", Text),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "batch_changes",
        &[
            ("id", Int),
            ("batch_id", Int),
            ("kind", Text),
            ("row_id", Int),
            ("action", Text),
            ("old_values", Text),
        ],
        "id",
    ),
    table("settings", &[("key", Text), ("value", Text)], "key"),
    table(
        "display_names",
        &[("field", Text), ("folded", Text), ("display", Text)],
        "field, folded",
    ),
    table(
        "orders",
        &[
            ("id", Int),
            ("order_id", Text),
            ("date", Text),
            ("customer_id", Text),
            ("customer_name", Text),
            ("rep", Text),
            ("channel", Text),
            ("status", Text),
            ("total_minor", Int),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "order_lines",
        &[
            ("id", Int),
            ("order_id", Text),
            ("line_no", Int),
            ("product", Text),
            ("sku", Text),
            ("quantity", Real),
            ("unit_price_minor", Int),
            ("line_total_minor", Int),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "leads",
        &[
            ("id", Int),
            ("lead_id", Text),
            ("created_at", Text),
            ("source", Text),
            ("rep", Text),
            ("first_response_at", Text),
            ("status", Text),
            ("converted_at", Text),
            ("customer_id", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "deals",
        &[
            ("id", Int),
            ("deal_id", Text),
            ("name", Text),
            ("rep", Text),
            ("created_at", Text),
            ("stage", Text),
            ("status", Text),
            ("value_minor", Int),
            ("closed_at", Text),
            ("close_value_minor", Int),
            ("lead_id", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "deal_stages",
        &[
            ("id", Int),
            ("deal_id", Text),
            ("stage", Text),
            ("entered_at", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "activities",
        &[
            ("id", Int),
            ("activity_id", Text),
            ("date", Text),
            ("rep", Text),
            ("type", Text),
            ("duration_minutes", Real),
            ("count", Int),
            ("deal_id", Text),
            ("lead_id", Text),
            ("row_hash", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "targets",
        &[
            ("id", Int),
            ("period", Text),
            ("rep", Text),
            ("metric", Text),
            ("target_minor", Int),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "expenses",
        &[
            ("id", Int),
            ("date", Text),
            ("category", Text),
            ("amount_minor", Int),
            ("description", Text),
            ("row_hash", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "csat",
        &[
            ("id", Int),
            ("date", Text),
            ("customer_id", Text),
            ("score", Real),
            ("row_hash", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "inquiries",
        &[
            ("id", Int),
            ("inquiry_id", Text),
            ("received_at", Text),
            ("responded_at", Text),
            ("channel", Text),
            ("customer_id", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "subscriptions",
        &[
            ("id", Int),
            ("subscription_id", Text),
            ("customer_id", Text),
            ("plan", Text),
            ("monthly_amount_minor", Int),
            ("start_date", Text),
            ("end_date", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "returns",
        &[("order_id", Text), ("batch_id", Int), ("branch", Text)],
        "branch, order_id",
    ),
    table(
        "rep_names",
        &[("owner_id", Text), ("name", Text), ("batch_id", Int)],
        "batch_id, owner_id",
    ),
    table(
        "products",
        &[
            ("id", Int),
            ("item_key", Text),
            ("sku", Text),
            ("product", Text),
            ("category", Text),
            ("cost_minor", Int),
            ("price_minor", Int),
            ("valid_from", Text),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
    table(
        "settlements",
        &[
            ("id", Int),
            ("order_id", Text),
            ("settled_at", Text),
            ("fees_minor", Int),
            ("payout_minor", Int),
            ("batch_id", Int),
            ("branch", Text),
        ],
        "id",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// The catalogue is the SQLite schema: every table but the data
    /// revision, each with its columns in order and their declared types.
    #[test]
    fn the_catalogue_is_the_sqlite_schema() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.laris")).unwrap();
        let conn = store.conn();
        let mut names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name != 'data_revision' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut ours: Vec<String> = TABLES.iter().map(|t| t.name.to_string()).collect();
        names.sort();
        ours.sort();
        assert_eq!(ours, names);
        for t in TABLES {
            let cols: Vec<(String, String)> = conn
                .prepare("SELECT name, type FROM pragma_table_info(?1)")
                .unwrap()
                .query_map([t.name], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let expected: Vec<(String, String)> = t
                .columns
                .iter()
                .map(|(c, ty)| {
                    let ty = match ty {
                        Ty::Int => "INTEGER",
                        Ty::Real => "REAL",
                        Ty::Text => "TEXT",
                    };
                    (c.to_string(), ty.to_string())
                })
                .collect();
            assert_eq!(cols, expected, "columns of {}", t.name);
        }
    }
}
