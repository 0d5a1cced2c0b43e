//! Inference from the values: each column's number and date format, whether
//! a "sales" column holds names or amounts, and the currency a file names.

use super::*;

/// What the values of a file say about how to read them, row by row: each
/// typed column's number and date format, whether a "sales" column holds
/// names or amounts, and the currency the file names.
pub(super) struct Inference {
    pub(super) typed: Vec<usize>,
    pub(super) evidence: Vec<FormatEvidence>,
    pub(super) rep_col: Option<usize>,
    pub(super) rep: RepCheck,
    pub(super) watch: CurrencyWatch,
}

/// What an [`Inference`] settled.
#[derive(Debug)]
pub(super) struct Settled {
    pub(super) formats: Vec<ColumnFormat>,
    /// The "sales" column holds amounts, not names.
    pub(super) rep_is_amount: bool,
    pub(super) currency: Option<&'static str>,
}

impl Settled {
    /// Whether rows parse differently under `other`. The currency is not a
    /// matter of parsing: it only names what the amounts are in.
    pub(super) fn parses_like(&self, other: &Settled) -> bool {
        self.formats == other.formats && self.rep_is_amount == other.rep_is_amount
    }
}

impl Inference {
    /// `mapping` as recognised, before the rep check.
    pub(super) fn new(kind: Kind, headers: &[String], mapping: &[Option<Target>]) -> Self {
        Inference {
            // Only numbers and dates have a format to infer.
            typed: typed_columns(kind, mapping),
            evidence: vec![FormatEvidence::default(); headers.len()],
            rep_col: rep_column(kind, mapping),
            rep: RepCheck::default(),
            watch: CurrencyWatch::new(kind, headers, mapping),
        }
    }

    pub(super) fn observe(&mut self, row: &TableRow) {
        self.watch.observe(row);
        for &i in &self.typed {
            if let Some(c) = row.cells.get(i) {
                self.evidence[i].observe(c);
            }
        }
        if let Some(v) = self.rep_col.and_then(|c| row.cells.get(c)) {
            self.rep.observe(v);
        }
    }

    pub(super) fn settle(&self, locale: LocaleDefaults) -> Settled {
        Settled {
            formats: self.evidence.iter().map(|e| e.format(locale)).collect(),
            rep_is_amount: self.rep.is_amount(),
            currency: self.watch.evidence.currency(),
        }
    }
}

/// How a streamed file is read: its mapping as recognised and what its
/// values settled, from all its rows or (unchecked) from the first ones.
#[derive(Debug)]
pub(super) struct Guess {
    pub(super) mapping: Vec<Option<Target>>,
    pub(super) matched: Vec<Option<Matched>>,
    pub(super) settled: Settled,
    pub(super) locale: LocaleDefaults,
    /// The mapping was recognised, not the user's: a "sales" column of
    /// amounts is the line amount.
    pub(super) check_rep: bool,
    pub(super) score_scale: ScoreScale,
}

impl Guess {
    pub(super) fn parser(&self, path: &Path, headers: Vec<String>, kind: Kind) -> Parser<'static> {
        let mut mapping = self.mapping.clone();
        if self.check_rep && self.settled.rep_is_amount {
            RepCheck::apply(kind, &mut mapping);
        }
        Parser {
            field_cols: field_columns(kind, &mapping),
            line_cols: field_columns(Kind::OrderLines, &mapping),
            path: path.to_path_buf(),
            sheets: Vec::new(),
            sheet: None,
            headers,
            kind,
            formats: self.settled.formats.clone(),
            mapping,
            matched: self.matched.clone(),
            rows: Vec::new(),
            currency: self.settled.currency,
            score_scale: self.score_scale,
        }
    }
}

/// "Sales" names the salesperson in an Indonesian shop's sheet and the line
/// amount in Superstore's: a column of numbers is the amount.
#[derive(Default)]
pub(super) struct RepCheck {
    pub(super) seen: bool,
    pub(super) text: bool,
}

impl RepCheck {
    pub(super) fn observe(&mut self, v: &str) {
        if v.trim().is_empty() || self.text {
            return;
        }
        self.seen = true;
        let as_number = |decimal| {
            values::money_minor(
                v,
                ColumnFormat {
                    decimal,
                    ..ColumnFormat::default()
                },
            )
            .is_some()
        };
        self.text = !as_number('.') && !as_number(',');
    }

    /// Every value seen is a number.
    pub(super) fn is_amount(&self) -> bool {
        self.seen && !self.text
    }

    pub(super) fn apply(kind: Kind, mapping: &mut [Option<Target>]) {
        if let Some(col) = rep_column(kind, mapping) {
            mapping[col] = Some(Target::Field("line_total"));
        }
    }
}

/// The column mapped to the rep, in an orders file whose line amounts are
/// not mapped yet.
pub(super) fn rep_column(kind: Kind, mapping: &[Option<Target>]) -> Option<usize> {
    if kind != Kind::Orders || mapping.contains(&Some(Target::Field("line_total"))) {
        return None;
    }
    mapping
        .iter()
        .position(|t| *t == Some(Target::Field("rep")))
}

/// Watches the columns that can name the file's currency: a currency column,
/// and the money columns' amounts.
pub(super) struct CurrencyWatch {
    pub(super) code: Option<usize>,
    pub(super) money: Vec<usize>,
    pub(super) evidence: CurrencyEvidence,
}

impl CurrencyWatch {
    pub(super) fn new(kind: Kind, headers: &[String], mapping: &[Option<Target>]) -> Self {
        let is_money = |t: &Target| match t {
            Target::Extra(Extra::RefundedAmount) => true,
            Target::Extra(_) => false,
            Target::Field(name) => [kind, Kind::OrderLines].iter().any(|k| {
                k.fields()
                    .iter()
                    .any(|f| f.name == *name && f.ty == FieldType::Money)
            }),
        };
        let money: Vec<usize> = (0..mapping.len())
            .filter(|&i| mapping[i].as_ref().is_some_and(is_money))
            .collect();
        let mut evidence = CurrencyEvidence::default();
        for &c in &money {
            evidence.observe_header(&headers[c]);
        }
        CurrencyWatch {
            code: headers
                .iter()
                .position(|h| matches!(mapping::normalise(h).as_str(), "currency" | "mata uang")),
            money,
            evidence,
        }
    }

    pub(super) fn observe(&mut self, row: &TableRow) {
        if self.evidence.currency().is_some() {
            return;
        }
        if let Some(v) = self.code.and_then(|c| row.cells.get(c)) {
            self.evidence.observe_code(v);
        }
        for &c in &self.money {
            if let Some(v) = row.cells.get(c) {
                self.evidence.observe_amount(v);
            }
        }
    }
}
