//! The row parser: one table row to one record of the kind, in the formats
//! inferred for the file.

use super::*;

#[derive(Debug)]
pub(super) struct Parser<'t> {
    pub(super) path: PathBuf,
    pub(super) sheets: Vec<String>,
    pub(super) sheet: Option<String>,
    pub(super) headers: Vec<String>,
    pub(super) kind: Kind,
    pub(super) mapping: Vec<Option<Target>>,
    pub(super) matched: Vec<Option<Matched>>,
    pub(super) rows: Vec<&'t TableRow>,
    /// Per column, its format.
    pub(super) formats: Vec<ColumnFormat>,
    /// The currency the file names, if any.
    pub(super) currency: Option<&'static str>,
    /// Per field of the kind, and of an order line, the column it comes from.
    pub(super) field_cols: Vec<Option<usize>>,
    pub(super) line_cols: Vec<Option<usize>>,
    pub(super) score_scale: ScoreScale,
}

/// The columns mapped to numbers, money or dates.
pub(super) fn typed_columns(kind: Kind, mapping: &[Option<Target>]) -> Vec<usize> {
    let typed = |name: &str| {
        [kind, Kind::OrderLines].iter().any(|k| {
            k.fields().iter().any(|f| {
                f.name == name
                    && matches!(
                        f.ty,
                        FieldType::Money
                            | FieldType::Number
                            | FieldType::Integer
                            | FieldType::Date
                            | FieldType::DateTime
                            | FieldType::Score
                    )
            })
        })
    };
    (0..mapping.len())
        .filter(|&i| match mapping[i] {
            Some(Target::Field(name)) => typed(name),
            Some(Target::Extra(Extra::RefundedAmount | Extra::Fee)) => true,
            _ => false,
        })
        .collect()
}

/// Per field of `kind`, the column mapped to it.
pub(super) fn field_columns(kind: Kind, mapping: &[Option<Target>]) -> Vec<Option<usize>> {
    kind.fields()
        .iter()
        .map(|f| {
            mapping
                .iter()
                .position(|t| *t == Some(Target::Field(f.name)))
        })
        .collect()
}

impl<'t> Parser<'t> {
    pub(super) fn new(
        path: &Path,
        table: &'t Table,
        opts: &ReadOptions,
    ) -> Result<Self, FileError> {
        let Some((at, headers)) = header(table) else {
            return Err(not_recognised(path, &[]));
        };
        let Mapped {
            kind,
            mapping,
            matched,
        } = choose_mapping(path, &headers, &table.rows[at + 1..], opts)?;
        let rows: Vec<&TableRow> = table.rows[at + 1..]
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        let mut mapping = mapping;
        if opts.columns.is_none() && opts.preset.is_none() {
            let mut check = RepCheck::default();
            if let Some(col) = rep_column(kind, &mapping) {
                rows.iter()
                    .filter_map(|r| r.cells.get(col))
                    .for_each(|v| check.observe(v));
            }
            if check.is_amount() {
                RepCheck::apply(kind, &mut mapping);
            }
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
        let mut watch = CurrencyWatch::new(kind, &headers, &mapping);
        rows.iter().for_each(|r| watch.observe(r));
        Ok(Parser {
            field_cols: field_columns(kind, &mapping),
            line_cols: field_columns(Kind::OrderLines, &mapping),
            currency: watch.evidence.currency(),
            path: path.to_path_buf(),
            sheets: table.sheets.clone(),
            sheet: table.sheet.clone(),
            headers,
            kind,
            mapping,
            matched,
            rows,
            formats,
            score_scale: opts.csat_scale,
        })
    }

    pub(super) fn column(&self, target: Target) -> Option<usize> {
        self.mapping.iter().position(|t| *t == Some(target))
    }

    pub(super) fn cell(&self, row: &TableRow, target: Target) -> String {
        self.column(target)
            .and_then(|c| row.cells.get(c))
            .map_or_else(String::new, |c| c.trim().to_string())
    }

    /// The row's text for each field of `kind` (empty where unmapped), and
    /// each field's column format.
    pub(super) fn cells_for<'r>(&self, kind: Kind, row: &'r TableRow) -> Vec<&'r str> {
        let cols = if kind == self.kind {
            &self.field_cols
        } else {
            &self.line_cols
        };
        cols.iter()
            .map(|c| c.and_then(|c| row.cells.get(c)).map_or("", |s| s.trim()))
            .collect()
    }

    pub(super) fn formats_for(&self, kind: Kind) -> Vec<ColumnFormat> {
        kind.fields()
            .iter()
            .map(|f| {
                let format = self
                    .column(Target::Field(f.name))
                    .map_or_else(ColumnFormat::default, |c| self.formats[c]);
                match f.ty {
                    FieldType::Score => ColumnFormat {
                        score_scale: self.score_scale,
                        ..format
                    },
                    _ => format,
                }
            })
            .collect()
    }

    pub(super) fn is_line_items(&self) -> bool {
        self.kind == Kind::Orders
            && (self.column(Target::Field("product")).is_some()
                || self.column(Target::Field("sku")).is_some())
    }

    pub(super) fn parse(self, returns: &HashSet<String>) -> Vec<ParsedFile> {
        if self.is_line_items() {
            return self.parse_line_items(returns);
        }
        let mut builder = RowBuilder::new(self.kind);
        let formats = self.formats_for(self.kind);
        for row in &self.rows {
            self.push_row(&mut builder, row, &formats, returns);
        }
        vec![self.file(self.kind, builder)]
    }

    /// Parses one row of a file that is not line items into `builder`.
    pub(super) fn push_row(
        &self,
        builder: &mut RowBuilder,
        row: &TableRow,
        formats: &[ColumnFormat],
        returns: &HashSet<String>,
    ) {
        let mut cells = self.cells_for(self.kind, row);
        let mut fee_parts = None;
        if self.kind == Kind::Settlements {
            if self.not_an_order(row) {
                builder.not_orders += 1;
                return;
            }
            let fees = Kind::Settlements.field("fees").unwrap_or(2);
            if cells[fees].is_empty() {
                fee_parts = self.fee_parts(row);
                // Stands in for the sum, set below, so that fees is given.
                if fee_parts.is_some() {
                    cells[fees] = "0";
                }
            }
        }
        if !builder.push(row.line, &cells, formats) {
            return;
        }
        let Some(record) = builder.records.last_mut() else {
            return;
        };
        match self.kind {
            Kind::Orders => {
                let refunded = self.amount(row, Extra::RefundedAmount);
                let cancelled = !self.cell(row, Target::Extra(Extra::CancelledAt)).is_empty();
                adjust_order(&mut record.values, refunded, cancelled, returns);
            }
            Kind::Deals if self.cell(row, Target::Field("status")).trim().is_empty() => {
                let flag = |e| crate::import::parse::boolean(&self.cell(row, Target::Extra(e)));
                if let Some(status) = status_of_flags(flag(Extra::IsWon), flag(Extra::IsClosed)) {
                    let at = Kind::Deals.field("status").unwrap_or(5);
                    record.values[at] = Value::Text(status.into());
                }
            }
            Kind::Settlements => {
                if let Some(sum) = fee_parts {
                    let fees = Kind::Settlements.field("fees").unwrap_or(2);
                    record.values[fees] = Value::Integer(sum);
                }
            }
            _ => {}
        }
    }

    /// The sum of a settlement row's fee columns by their absolute values
    /// (exports write deductions negative), or None when all are empty.
    fn fee_parts(&self, row: &TableRow) -> Option<i64> {
        self.mapping
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Some(Target::Extra(Extra::Fee)))
            .filter_map(|(c, _)| values::money_minor(row.cells.get(c)?, self.formats[c]))
            .map(i64::saturating_abs)
            .reduce(i64::saturating_add)
    }

    /// A settlement export's row that is no order's: an adjustment or a
    /// withdrawal by its type, or a row with neither an order id nor fees.
    fn not_an_order(&self, row: &TableRow) -> bool {
        const NOT_ORDERS: [&str; 9] = [
            "adjustment",
            "penyesuaian",
            "withdraw",
            "penarikan",
            "top up",
            "topup",
            "isi saldo",
            "reimbursement",
            "deduction",
        ];
        let kind = crate::util::fold(&self.cell(row, Target::Extra(Extra::RowType)));
        let no_fees =
            self.cell(row, Target::Field("fees")).is_empty() && self.fee_parts(row).is_none();
        NOT_ORDERS.iter().any(|w| kind.contains(w))
            || (self.cell(row, Target::Field("order_id")).is_empty() && no_fees)
    }

    pub(super) fn amount(&self, row: &TableRow, extra: Extra) -> i64 {
        let col = self.column(Target::Extra(extra));
        col.and_then(|c| {
            let text = row.cells.get(c)?;
            values::money_minor(text, self.formats[c])
        })
        .unwrap_or(0)
    }

    /// One row per line: each order field takes the first non-empty value
    /// among its order's rows; every row is a line, even two identical ones.
    pub(super) fn parse_line_items(self, returns: &HashSet<String>) -> Vec<ParsedFile> {
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

    pub(super) fn file(&self, kind: Kind, builder: RowBuilder) -> ParsedFile {
        let bad: HashSet<u64> = builder.errors.iter().map(|e| e.line).collect();
        ParsedFile {
            path: self.path.clone(),
            kind,
            content_hash: String::new(),
            count: builder.records.len(),
            checked: true,
            currency: self.currency,
            rate: None,
            branch: String::new(),
            list: None,
            marked_returned: 0,
            not_orders: builder.not_orders,
            records: builder.records,
            stream: None,
            errors: builder.errors,
            warnings: builder.warnings,
            source: Source {
                kind: self.kind,
                headers: self.headers.clone(),
                mapping: self.mapping.clone(),
                matched: self.matched.clone(),
                rejected: self
                    .rows
                    .iter()
                    .filter(|r| bad.contains(&r.line))
                    .map(|r| (*r).clone())
                    .collect(),
                sheets: self.sheets.clone(),
                sheet: self.sheet.clone(),
                from_laris: false,
            },
        }
    }
}

/// A CRM deal's status from its `IsWon` and `IsClosed` flags: won, closed and
/// not won is lost, open when the export says it is not closed. None when
/// the flags say nothing (a stage such as "Closed Won" may still).
pub(super) fn status_of_flags(won: Option<bool>, closed: Option<bool>) -> Option<&'static str> {
    match (won, closed) {
        (Some(true), _) => Some("won"),
        (_, Some(true)) => Some("lost"),
        (Some(false), Some(false)) | (None, Some(false)) => Some("open"),
        (Some(false), None) | (None, None) => None,
    }
}

/// What the export says besides the status: a refunded amount is taken off
/// the total; a cancellation date, a cancellation id (UCI's `C` prefix) or
/// the Returns sheet decide the status.
pub(super) fn adjust_order(
    values: &mut [Value],
    refunded: i64,
    cancelled: bool,
    returns: &HashSet<String>,
) {
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
        Value::Text(s) => s.as_str(),
        _ => "",
    };
    let cancellation_id = order_id.len() > 1
        && order_id.starts_with(['C', 'c'])
        && order_id[1..].bytes().all(|b| b.is_ascii_digit());
    if cancelled {
        values[status] = Value::Text("cancelled".into());
    } else if cancellation_id || returns.contains(order_id) {
        values[status] = Value::Text("refunded".into());
    }
}
