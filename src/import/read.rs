//! From a file to parsed records: read the table, find the header row,
//! recognise the kind and map the columns, infer each column's number and
//! date format, then build the records. A line-item orders file gives two
//! parsed files: its orders and their lines.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use sha2::{Digest, Sha256};

use super::mapping::{self, Extra, Preset, Target};
use super::rows::RowBuilder;
use super::table::{self, Table, TableRow};
use super::values::{self, ColumnFormat, LocaleDefaults};
use super::{FileError, ParsedFile, Source, hex};
use crate::store::Kind;

#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// What the file holds; recognised from its columns when None.
    pub kind: Option<Kind>,
    /// For a workbook: the sheet to read; else the first whose columns Laris
    /// recognises.
    pub sheet: Option<String>,
    /// How ambiguous numbers and dates are read (the database's locale).
    pub locale: LocaleDefaults,
    /// A saved mapping to apply (by header name).
    pub preset: Option<Preset>,
    /// The mapping chosen in the wizard, one entry per column; overrides
    /// the rest.
    pub columns: Option<Vec<Option<Target>>>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            kind: None,
            sheet: None,
            locale: LocaleDefaults::for_locale("id"),
            preset: None,
            columns: None,
        }
    }
}

pub fn read_file(path: &Path, opts: &ReadOptions) -> Result<Vec<ParsedFile>, FileError> {
    let bytes = std::fs::read(path).map_err(|source| FileError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    read_bytes(path, &bytes, opts)
}

/// Like [`read_file`] for content already in memory (`path` names it).
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Vec<ParsedFile>, FileError> {
    let content_hash = hex(&Sha256::digest(bytes));
    let (table, returns) = if table::is_workbook(path) {
        read_workbook(path, bytes, opts)?
    } else {
        let table = table::read_text(bytes).map_err(|e| FileError::Malformed {
            path: path.to_path_buf(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        (table, HashSet::new())
    };
    let mut files = Parser::new(path, &table, opts)?.parse(&returns);
    for f in &mut files {
        f.content_hash = content_hash.clone();
    }
    Ok(files)
}

/// Reads the chosen sheet, or the first that Laris recognises; with it, the
/// ids of orders a "Returns" sheet lists (Superstore's workbook).
fn read_workbook(
    path: &Path,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<(Table, HashSet<String>), FileError> {
    let bad = |e: calamine::Error| FileError::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let sheets = table::sheet_names(bytes).map_err(bad)?;
    let chosen = match &opts.sheet {
        Some(s) => {
            let found = sheets.iter().find(|n| n.eq_ignore_ascii_case(s));
            found.cloned().ok_or_else(|| FileError::NoSuchSheet {
                path: path.to_path_buf(),
                sheet: s.clone(),
                sheets: sheets.clone(),
            })?
        }
        None => {
            let mut first_known = None;
            for name in &sheets {
                let t = table::read_sheet(bytes, Some(name)).map_err(bad)?;
                if header(&t).is_some_and(|(_, h)| mapping::recognise(&h).is_some()) {
                    first_known = Some(name.clone());
                    break;
                }
            }
            first_known
                .or_else(|| sheets.first().cloned())
                .unwrap_or_default()
        }
    };
    let table = table::read_sheet(bytes, Some(&chosen)).map_err(bad)?;
    let mut returns = HashSet::new();
    for name in sheets.iter().filter(|n| {
        let n = n.to_lowercase();
        n.contains("return") || n.contains("retur")
    }) {
        let t = table::read_sheet(bytes, Some(name)).map_err(bad)?;
        if let Some((at, headers)) = header(&t) {
            let col = headers.iter().position(|h| {
                mapping::target_for(Kind::Orders, h) == Some(Target::Field("order_id"))
            });
            if let Some(col) = col {
                returns.extend(
                    t.rows[at + 1..]
                        .iter()
                        .filter_map(|r| r.cells.get(col))
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty()),
                );
            }
        }
    }
    Ok((table, returns))
}

/// The header row's index and its cells.
fn header(table: &Table) -> Option<(usize, Vec<String>)> {
    if table.rows.is_empty() {
        return None;
    }
    let first: Vec<Vec<String>> = table
        .rows
        .iter()
        .take(30)
        .map(|r| r.cells.clone())
        .collect();
    let at = mapping::header_row(&first);
    Some((at, table.rows[at].cells.clone()))
}

struct Parser<'t> {
    path: PathBuf,
    table: &'t Table,
    headers: Vec<String>,
    kind: Kind,
    mapping: Vec<Option<Target>>,
    rows: Vec<&'t TableRow>,
    /// Per column, its format.
    formats: Vec<ColumnFormat>,
}

impl<'t> Parser<'t> {
    fn new(path: &Path, table: &'t Table, opts: &ReadOptions) -> Result<Self, FileError> {
        let not_recognised = |headers: &[String]| FileError::NotRecognised {
            path: path.to_path_buf(),
            columns: headers
                .iter()
                .filter(|h| !h.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            looks_like: mapping::looks_like(headers),
        };
        let Some((at, headers)) = header(table) else {
            return Err(not_recognised(&[]));
        };
        let kind = opts.kind.or(opts.preset.as_ref().and_then(|p| p.kind));
        let (kind, mapping) = match kind {
            Some(kind) => {
                let mapping = match (&opts.columns, &opts.preset) {
                    (Some(columns), _) => {
                        let mut m = columns.clone();
                        m.resize(headers.len(), None);
                        m
                    }
                    (None, Some(preset)) => preset.apply(kind, &headers),
                    (None, None) => mapping::map_headers(kind, &headers),
                };
                if mapping::score(kind, &mapping).is_none() {
                    let missing = kind
                        .file_fields()
                        .find(|f| f.required && !mapping.contains(&Some(Target::Field(f.name))))
                        .map_or("", |f| f.name);
                    return Err(FileError::MissingColumn {
                        path: path.to_path_buf(),
                        kind,
                        column: missing.to_string(),
                    });
                }
                (kind, mapping)
            }
            None => mapping::recognise(&headers).ok_or_else(|| not_recognised(&headers))?,
        };
        let rows: Vec<&TableRow> = table.rows[at + 1..]
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        let mut mapping = mapping;
        if opts.columns.is_none() && opts.preset.is_none() {
            numbers_are_not_reps(kind, &mut mapping, &rows);
        }
        let formats = (0..mapping.len())
            .map(|col| {
                values::infer(
                    rows.iter()
                        .filter_map(|r| r.cells.get(col))
                        .map(String::as_str),
                    opts.locale,
                )
            })
            .collect();
        Ok(Parser {
            path: path.to_path_buf(),
            table,
            headers,
            kind,
            mapping,
            rows,
            formats,
        })
    }

    fn column(&self, target: Target) -> Option<usize> {
        self.mapping.iter().position(|t| *t == Some(target))
    }

    fn cell(&self, row: &TableRow, target: Target) -> String {
        self.column(target)
            .and_then(|c| row.cells.get(c))
            .map_or_else(String::new, |c| c.trim().to_string())
    }

    /// The row's text for each field of `kind` (empty where unmapped), and
    /// each field's column format.
    fn cells_for(&self, kind: Kind, row: &TableRow) -> Vec<String> {
        kind.fields()
            .iter()
            .map(|f| self.cell(row, Target::Field(f.name)))
            .collect()
    }

    fn formats_for(&self, kind: Kind) -> Vec<ColumnFormat> {
        kind.fields()
            .iter()
            .map(|f| {
                self.column(Target::Field(f.name))
                    .map_or_else(ColumnFormat::default, |c| self.formats[c])
            })
            .collect()
    }

    fn is_line_items(&self) -> bool {
        self.kind == Kind::Orders
            && (self.column(Target::Field("product")).is_some()
                || self.column(Target::Field("sku")).is_some())
    }

    fn parse(self, returns: &HashSet<String>) -> Vec<ParsedFile> {
        if self.is_line_items() {
            return self.parse_line_items(returns);
        }
        let mut builder = RowBuilder::new(self.kind);
        let formats = self.formats_for(self.kind);
        for row in &self.rows {
            if builder.push(row.line, &self.cells_for(self.kind, row), &formats)
                && self.kind == Kind::Orders
            {
                let refunded = self.amount(row, Extra::RefundedAmount);
                let cancelled = !self.cell(row, Target::Extra(Extra::CancelledAt)).is_empty();
                if let Some(record) = builder.records.last_mut() {
                    adjust_order(&mut record.values, refunded, cancelled, returns);
                }
            }
        }
        vec![self.file(self.kind, builder)]
    }

    fn amount(&self, row: &TableRow, extra: Extra) -> i64 {
        let col = self.column(Target::Extra(extra));
        col.and_then(|c| {
            let text = row.cells.get(c)?;
            values::parse_amount(text, self.formats[c])
        })
        .unwrap_or(0)
    }

    /// One row per line: each order field takes the first non-empty value
    /// among its order's rows; every row is a line, even two identical ones.
    fn parse_line_items(self, returns: &HashSet<String>) -> Vec<ParsedFile> {
        struct Order<'r> {
            rows: Vec<&'r TableRow>,
        }
        let mut order_of: HashMap<String, usize> = HashMap::new();
        let mut orders: Vec<Order> = Vec::new();
        let mut orphans: Vec<&TableRow> = Vec::new();
        for row in &self.rows {
            let id = self.cell(row, Target::Field("order_id"));
            if id.is_empty() {
                orphans.push(row);
                continue;
            }
            let i = *order_of.entry(id).or_insert_with(|| {
                orders.push(Order { rows: Vec::new() });
                orders.len() - 1
            });
            orders[i].rows.push(row);
        }
        let order_formats = self.formats_for(Kind::Orders);
        let line_formats = self.formats_for(Kind::OrderLines);
        let mut order_builder = RowBuilder::new(Kind::Orders);
        let mut line_builder = RowBuilder::new(Kind::OrderLines);
        // A row without an order id is an error of the orders file.
        for row in orphans {
            order_builder.push(row.line, &self.cells_for(Kind::Orders, row), &order_formats);
        }
        let qty = Kind::OrderLines.field("quantity").unwrap_or(4);
        let line_total = Kind::OrderLines.field("line_total").unwrap_or(6);
        for order in orders {
            let first = order.rows[0];
            let mut cells = self.cells_for(Kind::Orders, first);
            for row in &order.rows[1..] {
                for (cell, more) in cells.iter_mut().zip(self.cells_for(Kind::Orders, row)) {
                    if cell.is_empty() {
                        *cell = more;
                    }
                }
            }
            let lines_before = line_builder.records.len();
            for row in &order.rows {
                line_builder.push(
                    row.line,
                    &self.cells_for(Kind::OrderLines, row),
                    &line_formats,
                );
            }
            let lines = &line_builder.records[lines_before..];
            let all_negative = !lines.is_empty()
                && lines
                    .iter()
                    .all(|l| matches!(l.values[qty], Value::Real(q) if q < 0.0));
            let lines_total: i64 = lines
                .iter()
                .map(|l| match l.values[line_total] {
                    Value::Integer(t) => t,
                    _ => 0,
                })
                .sum();
            if order_builder.push(first.line, &cells, &order_formats)
                && let Some(record) = order_builder.records.last_mut()
            {
                let refunded = order
                    .rows
                    .iter()
                    .map(|r| self.amount(r, Extra::RefundedAmount))
                    .max()
                    .unwrap_or(0);
                let cancelled = order
                    .rows
                    .iter()
                    .any(|r| !self.cell(r, Target::Extra(Extra::CancelledAt)).is_empty());
                let total = Kind::Orders.field("total").unwrap_or(7);
                if record.values[total] == Value::Null {
                    record.values[total] = Value::Integer(lines_total);
                }
                let status = Kind::Orders.field("status").unwrap_or(6);
                if all_negative {
                    record.values[status] = Value::Text("refunded".into());
                }
                adjust_order(&mut record.values, refunded, cancelled, returns);
            }
        }
        vec![
            self.file(Kind::Orders, order_builder),
            self.file(Kind::OrderLines, line_builder),
        ]
    }

    fn file(&self, kind: Kind, builder: RowBuilder) -> ParsedFile {
        let bad: HashSet<u64> = builder.errors.iter().map(|e| e.line).collect();
        ParsedFile {
            path: self.path.clone(),
            kind,
            content_hash: String::new(),
            records: builder.records,
            errors: builder.errors,
            warnings: builder.warnings,
            source: Source {
                kind: self.kind,
                headers: self.headers.clone(),
                mapping: self.mapping.clone(),
                rejected: self
                    .rows
                    .iter()
                    .filter(|r| bad.contains(&r.line))
                    .map(|r| (*r).clone())
                    .collect(),
                sheets: self.table.sheets.clone(),
                sheet: self.table.sheet.clone(),
            },
        }
    }
}

/// "Sales" names the salesperson in an Indonesian shop's sheet and the line
/// amount in Superstore's: a column of numbers is the amount.
fn numbers_are_not_reps(kind: Kind, mapping: &mut [Option<Target>], rows: &[&TableRow]) {
    if kind != Kind::Orders || mapping.contains(&Some(Target::Field("line_total"))) {
        return;
    }
    let Some(col) = mapping
        .iter()
        .position(|t| *t == Some(Target::Field("rep")))
    else {
        return;
    };
    let format = ColumnFormat {
        decimal: '.',
        day_first: false,
    };
    let mut values = rows
        .iter()
        .filter_map(|r| r.cells.get(col))
        .filter(|c| !c.trim().is_empty())
        .peekable();
    if values.peek().is_some()
        && values.all(|v| {
            values::parse_amount(v, format).is_some()
                || values::parse_amount(
                    v,
                    ColumnFormat {
                        decimal: ',',
                        ..format
                    },
                )
                .is_some()
        })
    {
        mapping[col] = Some(Target::Field("line_total"));
    }
}

/// What the export says besides the status: a refunded amount is taken off
/// the total; a cancellation date, a cancellation id (UCI's `C` prefix) or
/// the Returns sheet decide the status.
fn adjust_order(values: &mut [Value], refunded: i64, cancelled: bool, returns: &HashSet<String>) {
    let (id, status, total) = (
        Kind::Orders.field("order_id").unwrap_or(0),
        Kind::Orders.field("status").unwrap_or(6),
        Kind::Orders.field("total").unwrap_or(7),
    );
    if refunded != 0
        && let Value::Integer(t) = values[total]
    {
        values[total] = Value::Integer(t - refunded.abs());
    }
    let order_id = match &values[id] {
        Value::Text(s) => s.clone(),
        _ => String::new(),
    };
    let cancellation_id = order_id.len() > 1
        && order_id.starts_with(['C', 'c'])
        && order_id[1..].bytes().all(|b| b.is_ascii_digit());
    if cancelled {
        values[status] = Value::Text("cancelled".into());
    } else if cancellation_id || returns.contains(&order_id) {
        values[status] = Value::Text("refunded".into());
    }
}
