//! Turning a row's texts, one per field of a kind, into a record: parsing
//! each value in its column's format, deriving what the data model derives,
//! and collecting row errors and warnings.

use std::collections::HashMap;
use std::hash::BuildHasher;

use rusqlite::types::Value;
use sha2::{Digest, Sha256};

use super::RowIssue;
use super::parse::{self, Parsed, Reason};
use super::values::ColumnFormat;
use crate::store::products::key as product_key;
use crate::store::write::Record;
use crate::store::{Key, Kind};
use crate::util::{FastMap, hex};

/// Turns rows of cells (in the kind's field order) into records, collecting
/// row errors and warnings.
pub struct RowBuilder {
    kind: Kind,
    pub records: Vec<Record>,
    pub errors: Vec<RowIssue>,
    pub warnings: Vec<RowIssue>,
    /// Rows of a settlements export that are no order's (adjustments,
    /// withdrawals), left out with a note rather than an error.
    pub not_orders: usize,
    /// Occurrences of identical rows, for content-hash keys.
    seen: HashMap<String, u32>,
    /// Lines so far per order, for order lines.
    lines: LineNumbers,
}

/// Lines so far per order, by a 96-bit hash of the order id: a million
/// orders' ids as strings cost 70 MB, their hashes 16 (twice that while the
/// table grows). The seeds are random for each file read, so no file can be
/// made to give two orders one count; by chance that happens about once in
/// 10^17 files of a million orders.
#[derive(Default)]
struct LineNumbers {
    seeds: [foldhash::fast::RandomState; 2],
    count: FastMap<[u32; 3], u32>,
}

impl LineNumbers {
    /// The number of the order's next line, from 1.
    fn next(&mut self, order: &str) -> i64 {
        let [a, b] = self.seeds.each_ref().map(|s| s.hash_one(order));
        let key = [a as u32, (a >> 32) as u32, b as u32];
        let n = self.count.entry(key).or_default();
        *n += 1;
        i64::from(*n)
    }
}

impl RowBuilder {
    pub fn new(kind: Kind) -> Self {
        RowBuilder {
            kind,
            records: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            not_orders: 0,
            seen: HashMap::new(),
            lines: LineNumbers::default(),
        }
    }

    /// Parses one row. `cells` holds one text per field of the kind, empty
    /// where the file has no such column; `formats` the format of each.
    /// Returns whether the row gave a record.
    pub fn push(&mut self, line: u64, cells: &[&str], formats: &[ColumnFormat]) -> bool {
        let kind = self.kind;
        let fields = kind.fields();
        let mut values = Vec::with_capacity(fields.len());
        let mut ok = true;
        let issue = |field: &str, value: &str, reason| RowIssue {
            line,
            column: field.to_string(),
            value: value.to_string(),
            reason,
        };
        for ((field, text), format) in fields.iter().zip(cells).zip(formats) {
            match parse::parse(field.ty, text, *format) {
                Parsed::Ok(v) => values.push(v),
                Parsed::Warn(v, reason) => {
                    self.warnings.push(issue(field.name, text, reason));
                    values.push(v);
                }
                Parsed::Err(reason) => {
                    self.errors.push(issue(field.name, text, reason));
                    values.push(Value::Null);
                    ok = false;
                }
            }
        }
        self.fix_up(&mut values);
        for (field, value) in fields.iter().zip(&values) {
            if field.required
                && *value == Value::Null
                && ok_to_report(&self.errors, line, field.name)
            {
                self.errors.push(issue(field.name, "", Reason::Required));
                ok = false;
            }
        }
        if kind == Kind::Products && values[0] == Value::Null {
            // Neither a sku nor a product name: nothing to find the cost by.
            self.errors.push(issue("product", "", Reason::Required));
            ok = false;
        }
        if kind == Kind::Deals {
            let status = &values[kind.field("status").unwrap_or(0)];
            let closed = matches!(status, Value::Text(s) if s != "open");
            if closed && values[kind.field("created_at").unwrap_or(0)] == Value::Null {
                self.errors
                    .push(issue("created_at", "", Reason::ClosedDealWithoutCreated));
                ok = false;
            }
        }
        if !ok {
            return false;
        }
        if kind == Kind::OrderLines
            && let Value::Text(order) = &values[0]
        {
            values[1] = Value::Integer(self.lines.next(order));
        }
        let row_hash = match kind.key() {
            Key::Columns(_) => None,
            Key::ColumnOrHash(col) if values[kind.field(col).unwrap_or(0)] != Value::Null => None,
            _ => Some(self.content_hash(&values)),
        };
        self.records.push(Record { values, row_hash });
        true
    }

    /// Derived values: an order line's product from its sku and its total from
    /// quantity x price; a deal's status from a stage named Won or Lost.
    fn fix_up(&self, values: &mut [Value]) {
        let kind = self.kind;
        let idx = |name| kind.field(name).unwrap_or(0);
        match kind {
            Kind::OrderLines => {
                let (product, sku) = (idx("product"), idx("sku"));
                if values[product] == Value::Null {
                    values[product] = values[sku].clone();
                }
                let (qty, price, total) = (idx("quantity"), idx("unit_price"), idx("line_total"));
                if values[total] == Value::Null
                    && let (Value::Real(q), Value::Integer(p)) = (&values[qty], &values[price])
                {
                    let t = (*q * *p as f64).round();
                    if t.abs() < i64::MAX as f64 {
                        values[total] = Value::Integer(t as i64);
                    }
                }
            }
            Kind::Deals => {
                let (stage, status) = (idx("stage"), idx("status"));
                let from_stage = match &values[stage] {
                    Value::Text(s) => parse::stage_is_status(s),
                    _ => None,
                };
                if let Some(derived) = from_stage {
                    values[stage] = Value::Null; // "Won" is a status, not a stage
                    if values[status] == Value::Null {
                        values[status] = Value::Text(derived.into());
                    }
                }
                if values[status] == Value::Null {
                    values[status] = Value::Text("open".into());
                }
            }
            Kind::Targets => {
                // The key of a team target has an empty rep, not a missing one.
                let rep = idx("rep");
                if values[rep] == Value::Null {
                    values[rep] = Value::Text(String::new());
                }
            }
            Kind::Products => {
                let (key, sku, product) = (idx("item_key"), idx("sku"), idx("product"));
                values[key] = match (&values[sku], &values[product]) {
                    (Value::Text(s), _) => Value::Text(product_key(Some(s), "")),
                    (_, Value::Text(p)) => Value::Text(product_key(None, p)),
                    _ => Value::Null,
                };
                if values[product] == Value::Null {
                    values[product] = values[sku].clone();
                }
                // A cost from the beginning has an empty valid_from, not a
                // missing one: the key must hold it.
                let from = idx("valid_from");
                if values[from] == Value::Null {
                    values[from] = Value::Text(String::new());
                }
            }
            Kind::Settlements => {
                // What the platform kept is positive however the export signs it.
                let fees = idx("fees");
                if let Value::Integer(f) = values[fees] {
                    values[fees] = Value::Integer(f.saturating_abs());
                }
            }
            _ => {}
        }
    }

    fn content_hash(&mut self, values: &[Value]) -> String {
        let text = crate::store::write::values_to_json(values);
        let n = self.seen.entry(text.clone()).or_default();
        *n += 1;
        let mut hasher = Sha256::new();
        hasher.update(self.kind.table().as_bytes());
        hasher.update(text.as_bytes());
        hasher.update(n.to_le_bytes());
        hex(&hasher.finalize()[..16])
    }
}

/// A required field that failed to parse already has its error.
fn ok_to_report(errors: &[RowIssue], line: u64, field: &str) -> bool {
    !errors
        .iter()
        .rev()
        .take_while(|e| e.line == line)
        .any(|e| e.column == field)
}
