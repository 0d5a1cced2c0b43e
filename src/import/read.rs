//! From a file to parsed records: read the table, find the header row,
//! recognise the kind and map the columns, infer each column's number and
//! date format, then build the records. A line-item orders file gives two
//! parsed files: its orders and their lines.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::types::Value;
use sha2::{Digest, Sha256};

use super::mapping::{self, Extra, Preset, Target};
use super::rows::RowBuilder;
use super::table::{self, Table, TableRow, TextSource};
use super::values::{
    self, ColumnFormat, CurrencyEvidence, FormatEvidence, LocaleDefaults, ScoreScale,
};
use super::{FileError, ParsedFile, Source, hex};
use crate::store::write::Record;
use crate::store::{FieldType, Kind};

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
    /// Parse every row while reading, for the preview, the count and the row
    /// problems. Without it a streamed file is parsed only once, while it is
    /// stored ([`super::store_checking`]), which is what the command line
    /// does.
    pub check: bool,
    /// The scale of a csat file's scores, which are stored on 1 to 5.
    pub csat_scale: ScoreScale,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            kind: None,
            sheet: None,
            locale: LocaleDefaults::for_locale("id"),
            preset: None,
            columns: None,
            check: true,
            csat_scale: ScoreScale::OneToFive,
        }
    }
}

/// Reads a file. A text file that is not line items is streamed: it is read
/// in passes and never held whole in memory, and its records are read again
/// when they are stored ([`ParsedFile::for_each_record`]).
pub fn read_file(path: &Path, opts: &ReadOptions) -> Result<Vec<ParsedFile>, FileError> {
    let unreadable = |source| FileError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let workbook = table::is_workbook(path);
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    super::limits::check_file_size(path, size, workbook)?;
    if workbook {
        let bytes = std::fs::read(path).map_err(unreadable)?;
        return read_bytes(path, &bytes, opts);
    }
    let source = TextSource::open(path).map_err(unreadable)?;
    match stream_text(path, source, opts)? {
        Some(file) => Ok(vec![file]),
        None => {
            let bytes = std::fs::read(path).map_err(unreadable)?;
            read_bytes(path, &bytes, opts)
        }
    }
}

/// The first pass over a text file finds the header, the mapping and each
/// column's format; the second parses every row for the preview, the count
/// and the row problems. None for a line-item file, which is grouped in
/// memory instead.
fn stream_text(
    path: &Path,
    source: TextSource,
    opts: &ReadOptions,
) -> Result<Option<ParsedFile>, FileError> {
    let unreadable = |source| FileError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let malformed = |e: csv::Error| super::limits::csv_error(path, e);
    let mut hasher = Sha256::new();
    let (skip, headers, kind, mapping, inference, complete) = {
        // Unchecked, the file is hashed while it is stored, off this pass.
        let mut rows = source
            .rows(opts.check.then_some(&mut hasher))
            .map_err(unreadable)?;
        let mut head: Vec<TableRow> = Vec::new();
        while head.len() < 30
            && let Some(row) = rows.next_row()
        {
            head.push(row.map_err(malformed)?.clone());
        }
        if head.is_empty() {
            return Err(not_recognised(path, &[]));
        }
        let cells: Vec<Vec<String>> = head.iter().map(|r| r.cells.clone()).collect();
        let at = mapping::header_row(&cells);
        let headers = head[at].cells.clone();
        let (kind, mapping) = choose_mapping(path, &headers, opts)?;
        if is_line_items(kind, &mapping) {
            return Ok(None);
        }
        let mut inference = Inference::new(kind, &headers, &mapping);
        head[at + 1..].iter().for_each(|r| inference.observe(r));
        // Checked, every row is read here anyway. Unchecked, the formats of
        // the first rows are taken on trust so that storing starts at once;
        // the storing pass reads every row and settles them
        // ([`Streamed::for_each_record`]).
        let mut observed = head.len() - at - 1;
        let mut complete = true;
        loop {
            if !opts.check && observed >= SPECULATE_ROWS {
                complete = false;
                break;
            }
            let Some(row) = rows.next_row() else { break };
            inference.observe(row.map_err(malformed)?);
            observed += 1;
        }
        (at + 1, headers, kind, mapping, inference, complete)
    };
    let guess = Guess {
        mapping,
        settled: inference.settle(opts.locale),
        locale: opts.locale,
        check_rep: opts.columns.is_none() && opts.preset.is_none(),
        score_scale: opts.csat_scale,
    };
    let streamed = Streamed {
        source,
        skip,
        parser: guess.parser(path, headers, kind),
        guess: (!complete).then_some(guess),
    };
    let mut preview = Vec::new();
    let mut count = 0;
    let mut rejected = Vec::new();
    let mut builder = RowBuilder::new(kind);
    if !opts.check {
        let mut file = streamed.parser.file(kind, builder);
        file.checked = false;
        file.stream = Some(Arc::new(streamed));
        return Ok(Some(file));
    }
    streamed
        .each_row(None, &mut builder, &mut |builder, row, bad| {
            if bad {
                rejected.push(row.clone());
            }
            for record in builder.records.drain(..) {
                count += 1;
                if preview.len() < PREVIEW_RECORDS {
                    preview.push(record);
                }
            }
            Ok(())
        })
        .map_err(|e| match e {
            ReadError::Csv(e) => malformed(e),
            ReadError::Io(e) => unreadable(e),
        })?;
    let mut file = streamed.parser.file(kind, builder);
    file.records = preview;
    file.count = count;
    file.content_hash = hex(&hasher.finalize());
    file.source.rejected = rejected;
    file.stream = Some(Arc::new(streamed));
    Ok(Some(file))
}

/// Records a streamed file keeps in memory for the preview.
const PREVIEW_RECORDS: usize = 20;

/// Rows whose formats an unchecked file is stored with before the whole file
/// has been read. On a million rows the full first pass took a fifth of the
/// import; the guess from this many rows is nearly always what the whole
/// file settles, and when it is not the file is stored again.
pub const SPECULATE_ROWS: usize = 20_000;

/// What the values of a file say about how to read them, row by row: each
/// typed column's number and date format, whether a "sales" column holds
/// names or amounts, and the currency the file names.
struct Inference {
    typed: Vec<usize>,
    evidence: Vec<FormatEvidence>,
    rep_col: Option<usize>,
    rep: RepCheck,
    watch: CurrencyWatch,
}

/// What an [`Inference`] settled.
#[derive(Debug)]
struct Settled {
    formats: Vec<ColumnFormat>,
    /// The "sales" column holds amounts, not names.
    rep_is_amount: bool,
    currency: Option<&'static str>,
}

impl Settled {
    /// Whether rows parse differently under `other`. The currency is not a
    /// matter of parsing: it only names what the amounts are in.
    fn parses_like(&self, other: &Settled) -> bool {
        self.formats == other.formats && self.rep_is_amount == other.rep_is_amount
    }
}

impl Inference {
    /// `mapping` as recognised, before the rep check.
    fn new(kind: Kind, headers: &[String], mapping: &[Option<Target>]) -> Self {
        Inference {
            // Only numbers and dates have a format to infer.
            typed: typed_columns(kind, mapping),
            evidence: vec![FormatEvidence::default(); headers.len()],
            rep_col: rep_column(kind, mapping),
            rep: RepCheck::default(),
            watch: CurrencyWatch::new(kind, headers, mapping),
        }
    }

    fn observe(&mut self, row: &TableRow) {
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

    fn settle(&self, locale: LocaleDefaults) -> Settled {
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
struct Guess {
    mapping: Vec<Option<Target>>,
    settled: Settled,
    locale: LocaleDefaults,
    /// The mapping was recognised, not the user's: a "sales" column of
    /// amounts is the line amount.
    check_rep: bool,
    score_scale: ScoreScale,
}

impl Guess {
    fn parser(&self, path: &Path, headers: Vec<String>, kind: Kind) -> Parser<'static> {
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
            rows: Vec::new(),
            currency: self.settled.currency,
            score_scale: self.score_scale,
        }
    }
}

fn is_line_items(kind: Kind, mapping: &[Option<Target>]) -> bool {
    kind == Kind::Orders
        && (mapping.contains(&Some(Target::Field("product")))
            || mapping.contains(&Some(Target::Field("sku"))))
}

/// Why a streamed file could not be read (again).
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Csv(csv::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => e.fmt(f),
            ReadError::Csv(e) => e.fmt(f),
        }
    }
}

/// A text file whose records are read from disk each time they are needed.
#[derive(Debug)]
pub struct Streamed {
    source: TextSource,
    /// Rows of the reader up to and including the header.
    skip: usize,
    parser: Parser<'static>,
    /// For a file stored unchecked: the guess from its first rows that
    /// `parser` reads with, to be settled by the storing pass.
    guess: Option<Guess>,
}

impl Streamed {
    /// Parses every data row into `builder`, then calls `each` with the row
    /// and whether it had an error.
    fn each_row(
        &self,
        hasher: Option<&mut Sha256>,
        builder: &mut RowBuilder,
        each: &mut dyn FnMut(&mut RowBuilder, &TableRow, bool) -> Result<(), ReadError>,
    ) -> Result<(), ReadError> {
        let formats = self.parser.formats_for(self.parser.kind);
        let no_returns = HashSet::new();
        let mut rows = self.source.rows(hasher).map_err(ReadError::Io)?;
        let mut skip = self.skip;
        while let Some(row) = rows.next_row() {
            let row = row.map_err(ReadError::Csv)?;
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if row.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let errors = builder.errors.len();
            self.parser.push_row(builder, row, &formats, &no_returns);
            let bad = builder.errors.len() > errors;
            each(builder, row, bad)?;
        }
        Ok(())
    }

    /// Every valid record, in file order; returns the rows with problems
    /// met on the way, with their problems. The rows are read and parsed on
    /// a second thread while `f` (storing them) runs on this one: on a
    /// million rows each side takes seconds, and the machine has two cores.
    pub fn for_each_record<E>(
        &self,
        f: &mut dyn FnMut(&mut Record) -> Result<(), E>,
        read_error: impl Fn(ReadError) -> E,
    ) -> Result<Issues, E> {
        // Records cross in chunks, so that the channel costs nothing per
        // record; a few chunks in flight keep the memory small. Stored
        // chunks go back to be emptied and refilled: the records are freed
        // by the thread that made them, off the storing thread.
        const CHUNK: usize = 1024;
        let stopped = || ReadError::Io(std::io::Error::other("stopped"));
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Record>>(8);
            let (give_back, spent) = std::sync::mpsc::channel::<Vec<Record>>();
            let reader = scope.spawn(move || {
                let mut inference = self
                    .guess
                    .as_ref()
                    .map(|g| Inference::new(self.parser.kind, &self.parser.headers, &g.mapping));
                let mut builder = RowBuilder::new(self.parser.kind);
                let mut rejected = Vec::new();
                let mut chunk = Vec::with_capacity(CHUNK);
                let mut hasher = Sha256::new();
                let mut r =
                    self.each_row(Some(&mut hasher), &mut builder, &mut |builder, row, bad| {
                        if let Some(inference) = &mut inference {
                            inference.observe(row);
                        }
                        if bad {
                            rejected.push(row.clone());
                        }
                        chunk.append(&mut builder.records);
                        if chunk.len() >= CHUNK {
                            let mut next = spent
                                .try_recv()
                                .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
                            next.clear();
                            let full = std::mem::replace(&mut chunk, next);
                            // The receiver is gone only when storing failed.
                            send.send(full).map_err(|_| stopped())?;
                        }
                        Ok(())
                    });
                if r.is_ok() && !chunk.is_empty() {
                    r = send.send(chunk).map_err(|_| stopped());
                }
                let settled = self
                    .guess
                    .as_ref()
                    .zip(inference)
                    .map(|(g, i)| self.settle(g, &i));
                (r, builder, rejected, hex(&hasher.finalize()), settled)
            });
            let mut failed = None;
            'chunks: for mut chunk in receive {
                for record in &mut chunk {
                    if let Err(e) = f(record) {
                        failed = Some(e);
                        // Dropping the receiver stops the reader.
                        break 'chunks;
                    }
                }
                // Once the reader is done, the chunk is freed here.
                let _ = give_back.send(chunk);
            }
            let (r, builder, rejected, content_hash, settled) = reader
                .join()
                .map_err(|_| read_error(ReadError::Io(std::io::Error::other("reader failed"))))?;
            match (failed, r) {
                (Some(e), _) => Err(e),
                (None, Err(e)) => Err(read_error(e)),
                (None, Ok(())) => {
                    let (currency, reread) = settled.unwrap_or((self.parser.currency, None));
                    Ok(Issues {
                        errors: builder.errors,
                        warnings: builder.warnings,
                        rejected,
                        content_hash,
                        currency,
                        reread,
                    })
                }
            }
        })
    }

    /// What the whole file settled, against the guess the pass read with:
    /// the file's currency, and a stream that reads the file right if the
    /// guess was wrong.
    fn settle(
        &self,
        guess: &Guess,
        inference: &Inference,
    ) -> (Option<&'static str>, Option<Arc<Streamed>>) {
        let settled = inference.settle(guess.locale);
        let currency = settled.currency;
        if settled.parses_like(&guess.settled) {
            return (currency, None);
        }
        let guess = Guess {
            settled,
            mapping: guess.mapping.clone(),
            ..*guess
        };
        let parser = guess.parser(
            &self.parser.path,
            self.parser.headers.clone(),
            self.parser.kind,
        );
        let reread = Streamed {
            source: self.source.clone(),
            skip: self.skip,
            parser,
            guess: None,
        };
        (currency, Some(Arc::new(reread)))
    }
}

/// What a pass over a file found wrong.
#[derive(Clone, Debug, Default)]
pub struct Issues {
    pub errors: Vec<super::RowIssue>,
    pub warnings: Vec<super::RowIssue>,
    pub rejected: Vec<TableRow>,
    /// SHA-256 of the file's bytes as this pass read them (a streamed file).
    pub content_hash: String,
    /// The currency the whole file names (a streamed file).
    pub currency: Option<&'static str>,
    /// The whole file settled other formats than its first rows did: the
    /// records of this pass were read wrong. Undo what was stored of them
    /// and store the file again from this stream.
    pub reread: Option<Arc<Streamed>>,
}

impl Issues {
    /// How many rows have at least one error.
    pub fn error_rows(&self) -> u64 {
        super::error_rows(&self.errors)
    }
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
        let table = table::read_text(bytes).map_err(|e| super::limits::csv_error(path, e))?;
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
    super::limits::check_workbook(path, bytes)?;
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
    super::limits::check_table(path, &table)?;
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

#[derive(Debug)]
struct Parser<'t> {
    path: PathBuf,
    sheets: Vec<String>,
    sheet: Option<String>,
    headers: Vec<String>,
    kind: Kind,
    mapping: Vec<Option<Target>>,
    rows: Vec<&'t TableRow>,
    /// Per column, its format.
    formats: Vec<ColumnFormat>,
    /// The currency the file names, if any.
    currency: Option<&'static str>,
    /// Per field of the kind, and of an order line, the column it comes from.
    field_cols: Vec<Option<usize>>,
    line_cols: Vec<Option<usize>>,
    score_scale: ScoreScale,
}

/// The columns mapped to numbers, money or dates.
fn typed_columns(kind: Kind, mapping: &[Option<Target>]) -> Vec<usize> {
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
            Some(Target::Extra(Extra::RefundedAmount)) => true,
            _ => false,
        })
        .collect()
}

/// Per field of `kind`, the column mapped to it.
fn field_columns(kind: Kind, mapping: &[Option<Target>]) -> Vec<Option<usize>> {
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
    fn new(path: &Path, table: &'t Table, opts: &ReadOptions) -> Result<Self, FileError> {
        let Some((at, headers)) = header(table) else {
            return Err(not_recognised(path, &[]));
        };
        let (kind, mapping) = choose_mapping(path, &headers, opts)?;
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
            rows,
            formats,
            score_scale: opts.csat_scale,
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
    fn cells_for<'r>(&self, kind: Kind, row: &'r TableRow) -> Vec<&'r str> {
        let cols = if kind == self.kind {
            &self.field_cols
        } else {
            &self.line_cols
        };
        cols.iter()
            .map(|c| c.and_then(|c| row.cells.get(c)).map_or("", |s| s.trim()))
            .collect()
    }

    fn formats_for(&self, kind: Kind) -> Vec<ColumnFormat> {
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
            self.push_row(&mut builder, row, &formats, returns);
        }
        vec![self.file(self.kind, builder)]
    }

    /// Parses one row of a file that is not line items into `builder`.
    fn push_row(
        &self,
        builder: &mut RowBuilder,
        row: &TableRow,
        formats: &[ColumnFormat],
        returns: &HashSet<String>,
    ) {
        if builder.push(row.line, &self.cells_for(self.kind, row), formats)
            && self.kind == Kind::Orders
        {
            let refunded = self.amount(row, Extra::RefundedAmount);
            let cancelled = !self.cell(row, Target::Extra(Extra::CancelledAt)).is_empty();
            if let Some(record) = builder.records.last_mut() {
                adjust_order(&mut record.values, refunded, cancelled, returns);
            }
        }
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
            count: builder.records.len(),
            checked: true,
            currency: self.currency,
            records: builder.records,
            stream: None,
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
                sheets: self.sheets.clone(),
                sheet: self.sheet.clone(),
            },
        }
    }
}

/// "Sales" names the salesperson in an Indonesian shop's sheet and the line
/// amount in Superstore's: a column of numbers is the amount.
#[derive(Default)]
struct RepCheck {
    seen: bool,
    text: bool,
}

impl RepCheck {
    fn observe(&mut self, v: &str) {
        if v.trim().is_empty() || self.text {
            return;
        }
        self.seen = true;
        let as_number = |decimal| {
            values::parse_amount(
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
    fn is_amount(&self) -> bool {
        self.seen && !self.text
    }

    fn apply(kind: Kind, mapping: &mut [Option<Target>]) {
        if let Some(col) = rep_column(kind, mapping) {
            mapping[col] = Some(Target::Field("line_total"));
        }
    }
}

/// The column mapped to the rep, in an orders file whose line amounts are
/// not mapped yet.
fn rep_column(kind: Kind, mapping: &[Option<Target>]) -> Option<usize> {
    if kind != Kind::Orders || mapping.contains(&Some(Target::Field("line_total"))) {
        return None;
    }
    mapping
        .iter()
        .position(|t| *t == Some(Target::Field("rep")))
}

/// Watches the columns that can name the file's currency: a currency column,
/// and the money columns' amounts.
struct CurrencyWatch {
    code: Option<usize>,
    money: Vec<usize>,
    evidence: CurrencyEvidence,
}

impl CurrencyWatch {
    fn new(kind: Kind, headers: &[String], mapping: &[Option<Target>]) -> Self {
        let is_money = |t: &Target| match t {
            Target::Extra(Extra::RefundedAmount) => true,
            Target::Extra(_) => false,
            Target::Field(name) => [kind, Kind::OrderLines].iter().any(|k| {
                k.fields()
                    .iter()
                    .any(|f| f.name == *name && f.ty == FieldType::Money)
            }),
        };
        CurrencyWatch {
            code: headers
                .iter()
                .position(|h| matches!(mapping::normalise(h).as_str(), "currency" | "mata uang")),
            money: (0..mapping.len())
                .filter(|&i| mapping[i].as_ref().is_some_and(is_money))
                .collect(),
            evidence: CurrencyEvidence::default(),
        }
    }

    fn observe(&mut self, row: &TableRow) {
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

fn not_recognised(path: &Path, headers: &[String]) -> FileError {
    let named: Vec<&String> = headers.iter().filter(|h| !h.trim().is_empty()).collect();
    if named.is_empty() {
        return FileError::Empty {
            path: path.to_path_buf(),
        };
    }
    // A binary file read as text, or a sheet 100,000 columns wide, would make
    // an unreadable message: name the first columns, shortened.
    let mut columns: Vec<String> = named
        .iter()
        .take(12)
        .map(|h| match h.char_indices().nth(40) {
            Some((cut, _)) => format!("{}…", &h[..cut]),
            None => h.to_string(),
        })
        .collect();
    if named.len() > 12 {
        columns.push("…".into());
    }
    FileError::NotRecognised {
        path: path.to_path_buf(),
        columns: columns.join(", "),
        looks_like: mapping::looks_like(headers),
    }
}

/// The kind and column mapping: the user's (wizard or preset), else the
/// kind recognised from the headers.
fn choose_mapping(
    path: &Path,
    headers: &[String],
    opts: &ReadOptions,
) -> Result<(Kind, Vec<Option<Target>>), FileError> {
    let kind = opts.kind.or(opts.preset.as_ref().and_then(|p| p.kind));
    let Some(kind) = kind else {
        return mapping::recognise(headers).ok_or_else(|| not_recognised(path, headers));
    };
    let mapping = match (&opts.columns, &opts.preset) {
        (Some(columns), _) => {
            let mut m = columns.clone();
            m.resize(headers.len(), None);
            m
        }
        (None, Some(preset)) => preset.apply(kind, headers),
        (None, None) => mapping::map_headers(kind, headers),
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
    Ok((kind, mapping))
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
