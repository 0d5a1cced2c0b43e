//! Product costs as the Performance tab's product table types them: the
//! costs missing for the profit figures, typed in place. Saved as one import
//! batch, so they show in the import history and can be undone like any
//! import.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::write::{Counts, Record, typed_batch};
use super::{Kind, Result};

/// A typed cost price: the product as the product table shows it, its sku
/// when its lines have one, and the cost of one unit in hundredths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypedCost {
    pub sku: Option<String>,
    pub product: String,
    pub cost_minor: i64,
}

/// The key a product's costs are stored under: its sku when it has one
/// (case-insensitive), else its name matched like every free-text key.
pub fn key(sku: Option<&str>, product: &str) -> String {
    match sku.map(str::trim).filter(|s| !s.is_empty()) {
        Some(sku) => format!("sku:{}", sku.to_lowercase()),
        None => format!("name:{}", crate::util::fold(product)),
    }
}

/// Stores `costs` in one transaction as a batch named `label`. Each holds
/// from the beginning (no valid_from): a typed cost fills what is missing,
/// and a cost the sheet starts later still wins from its own date on. Typing
/// a product's cost again updates that row.
pub fn save_costs(conn: &mut Connection, label: &str, costs: &[TypedCost]) -> Result<Counts> {
    let records = costs.iter().map(|c| {
        let sku = c.sku.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let text = |s: Option<&str>| s.map_or(Value::Null, |s| Value::Text(s.to_string()));
        Record {
            // In the order of the kind's fields: item_key, sku, product,
            // category, cost, price, valid_from.
            values: vec![
                Value::Text(key(sku, &c.product)),
                text(sku),
                Value::Text(c.product.trim().to_string()),
                Value::Null,
                Value::Integer(c.cost_minor),
                Value::Null,
                Value::Text(String::new()),
            ],
            row_hash: None,
        }
    });
    typed_batch(conn, Kind::Products, label, records)
}
