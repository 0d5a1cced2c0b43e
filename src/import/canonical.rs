//! Files in the canonical format of the data model: a CSV whose header names
//! the fields of one record kind.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::types::Value;
use sha2::{Digest, Sha256};

use super::parse::{self, Parsed, Reason};
use super::{FileError, RowIssue, hex};
use crate::store::write::Record;
use crate::store::{Key, Kind};

type Parse = (Kind, Vec<Record>, Vec<RowIssue>, Vec<RowIssue>);

pub fn parse(path: &Path, bytes: &[u8], kind: Option<Kind>) -> Result<Parse, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let malformed = |e: csv::Error| FileError::Malformed {
        path: path.to_path_buf(),
        line: e.position().map_or(0, |p| p.line()),
        message: e.to_string(),
    };
    let headers: Vec<String> = reader
        .byte_headers()
        .map_err(malformed)?
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_lowercase()
        })
        .collect();
    let kind = match kind {
        Some(k) => k,
        None => recognise(path, &headers).ok_or_else(|| FileError::NotRecognised {
            path: path.to_path_buf(),
            columns: headers.join(", "),
        })?,
    };
    // For each stored field, the file column it comes from.
    let columns: Vec<Option<usize>> = kind
        .fields()
        .iter()
        .map(|f| headers.iter().position(|h| h == f.name))
        .collect();
    for (field, col) in kind.fields().iter().zip(&columns) {
        if field.required && col.is_none() {
            return Err(FileError::MissingColumn {
                path: path.to_path_buf(),
                kind,
                column: field.name.to_string(),
            });
        }
    }

    let mut rows = RowBuilder::new(kind);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(malformed(e)),
        }
        let line = record.position().map_or(0, |p| p.line());
        if record
            .iter()
            .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
        {
            continue; // blank rows are not records
        }
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                c.and_then(|i| record.get(i))
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default()
            })
            .collect();
        rows.push(line, &cells);
    }
    Ok((kind, rows.records, rows.errors, rows.warnings))
}

/// The kind whose fields the header names best: every required field present,
/// most fields matched; the file name decides a tie.
pub fn recognise(path: &Path, headers: &[String]) -> Option<Kind> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let mut matched = 0;
            for field in kind.file_fields() {
                let present = headers.iter().any(|h| h == field.name);
                if !present && field.required {
                    return None;
                }
                matched += usize::from(present);
            }
            Some((matched, Kind::from_name(&stem) == Some(kind), kind))
        })
        .max_by_key(|(matched, named, _)| (*matched, *named))
        .map(|(_, _, kind)| kind)
}

/// Turns rows of cells (in the kind's field order) into records, collecting
/// row errors and warnings.
pub struct RowBuilder {
    kind: Kind,
    pub records: Vec<Record>,
    pub errors: Vec<RowIssue>,
    pub warnings: Vec<RowIssue>,
    /// Occurrences of identical rows, for content-hash keys.
    seen: HashMap<String, u32>,
    /// Lines so far per order, for order lines.
    lines: HashMap<String, i64>,
}

impl RowBuilder {
    pub fn new(kind: Kind) -> Self {
        RowBuilder {
            kind,
            records: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            seen: HashMap::new(),
            lines: HashMap::new(),
        }
    }

    /// Parses one row. `cells` holds one text per field of the kind, empty
    /// where the file has no such column.
    pub fn push(&mut self, line: u64, cells: &[String]) {
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
        for (field, text) in fields.iter().zip(cells) {
            match parse::parse(field.ty, text) {
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
            return;
        }
        if kind == Kind::OrderLines
            && let Value::Text(order) = &values[0]
        {
            let n = self.lines.entry(order.clone()).or_default();
            *n += 1;
            values[1] = Value::Integer(*n);
        }
        let row_hash = match kind.key() {
            Key::Columns(_) => None,
            Key::ColumnOrHash(col) if values[kind.field(col).unwrap_or(0)] != Value::Null => None,
            _ => Some(self.content_hash(&values)),
        };
        self.records.push(Record { values, row_hash });
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
