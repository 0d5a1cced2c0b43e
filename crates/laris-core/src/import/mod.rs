//! Import: read a file, recognise its kind, parse every row, then write the
//! valid records in one transaction.
//!
//! Reading never writes: [`read_file`] gives a [`ParsedFile`] with its records
//! and every row issue, so the caller can show them before anything is stored
//! ([`store_files`]).

pub mod fuzz;
pub mod laris_file;
pub mod limits;
pub mod mapping;
pub mod parse;
pub mod profile;
pub mod rate;
pub mod read;
pub mod rows;
pub mod server;
pub mod table;
pub mod values;

#[cfg(test)]
mod profit_tests;

use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use serde::Serialize;

use crate::i18n::Lang;
use crate::store::names::{self, DisplayNames};
use crate::store::write::{
    BatchSource, BatchWriter, Counts, Record, begin_batch, set_content_hash,
};
use crate::store::{Kind, Store, StoreError, backup, settings};
pub use parse::Reason;

/// A problem with one value of one row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowIssue {
    /// The line of the file where the record starts (the header is line 1
    /// when it is the first line).
    pub line: u64,
    pub column: String,
    pub value: String,
    pub reason: Reason,
}

impl RowIssue {
    pub fn message(&self, lang: Lang, file: &str) -> String {
        lang.tr_args(
            "row-issue",
            &[
                ("file", file.into()),
                // A row number is where to look in the spreadsheet, which
                // writes it without separators.
                ("line", self.line.to_string().into()),
                ("column", self.column.as_str().into()),
                ("value", self.value.as_str().into()),
                ("reason", lang.tr(self.reason.message_id()).into()),
            ],
        )
    }
}

/// A whole file that cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a file Laris recognises: its columns are {columns}", path.display())]
    NotRecognised {
        path: PathBuf,
        columns: String,
        /// The message id that says what the file looks like.
        looks_like: &'static str,
    },
    #[error("{} is empty", path.display())]
    Empty { path: PathBuf },
    #[error("cannot read the workbook {}: {message}", path.display())]
    Workbook { path: PathBuf, message: String },
    #[error("{} has no sheet {sheet}", path.display())]
    NoSuchSheet {
        path: PathBuf,
        sheet: String,
        sheets: Vec<String>,
    },
    #[error("{} has no column {column}, which {kind} need", path.display())]
    MissingColumn {
        path: PathBuf,
        kind: Kind,
        /// The field no column was found for.
        column: String,
        /// The file's columns.
        columns: Vec<String>,
        /// Up to three columns whose values come closest, best first.
        candidates: Vec<String>,
    },
    #[error("{} has no field or column {field} to map", path.display())]
    BadMap {
        path: PathBuf,
        kind: Kind,
        field: String,
        /// The column asked for, when the field is right and the column is not.
        column: Option<String>,
        /// What could have been named instead: the fields or the columns.
        choices: Vec<String>,
    },
    #[error("{} goes beyond the limit {limit:?}", path.display())]
    TooLarge {
        path: PathBuf,
        limit: limits::Limit,
        /// The line where it did, for a limit of rows.
        line: Option<u64>,
    },
    #[error("{} line {line}: {message}", path.display())]
    Malformed {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{} cannot be imported: {reason:?}", path.display())]
    LarisFile {
        path: PathBuf,
        reason: laris_file::Refusal,
    },
}

impl FileError {
    /// For a required field no column was found for: the command that
    /// imports the file with its likeliest column, for the command line.
    pub fn map_command(&self) -> Option<String> {
        match self {
            FileError::MissingColumn {
                path,
                kind,
                column,
                candidates,
                ..
            } => candidates.first().map(|best| {
                format!(
                    "laris import --kind {} --map {column}=\"{best}\" \"{}\"",
                    kind.table(),
                    path.display()
                )
            }),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let name = |p: &Path| p.display().to_string();
        match self {
            FileError::Unreadable { path, source } => lang.tr_args(
                "file-unreadable",
                &[
                    ("file", name(path).into()),
                    ("reason", source.to_string().into()),
                ],
            ),
            FileError::NotRecognised {
                path,
                columns,
                looks_like,
            } => lang.tr_args(
                "file-not-recognised",
                &[
                    ("file", name(path).into()),
                    ("looks", lang.tr(looks_like).into()),
                    ("columns", columns.as_str().into()),
                    ("kinds", kind_list().into()),
                ],
            ),
            FileError::Empty { path } => lang.tr_args("file-empty", &[("file", name(path).into())]),
            FileError::LarisFile { path, reason } => {
                let file = ("file", name(path).into());
                match reason {
                    laris_file::Refusal::Newer(version) => lang.tr_args(
                        "file-laris-newer",
                        &[file, ("version", version.to_string().into())],
                    ),
                    laris_file::Refusal::Branches(names) => lang.tr_args(
                        "file-laris-branches",
                        &[file, ("branches", names.join(", ").into())],
                    ),
                    laris_file::Refusal::Damaged(detail) => lang.tr_args(
                        "file-laris-damaged",
                        &[file, ("reason", detail.as_str().into())],
                    ),
                    laris_file::Refusal::Itself => lang.tr_args("file-laris-itself", &[file]),
                }
            }
            FileError::Workbook { path, message } => lang.tr_args(
                "file-bad-workbook",
                &[
                    ("file", name(path).into()),
                    ("reason", message.as_str().into()),
                ],
            ),
            FileError::NoSuchSheet {
                path,
                sheet,
                sheets,
            } => lang.tr_args(
                "file-no-such-sheet",
                &[
                    ("file", name(path).into()),
                    ("sheet", sheet.as_str().into()),
                    ("sheets", sheets.join(", ").into()),
                ],
            ),
            FileError::MissingColumn {
                path,
                kind,
                column,
                columns,
                candidates,
            } => {
                let args = [
                    ("file", name(path).into()),
                    (
                        "kind",
                        lang.tr(&format!("kind-{}", kind.table()))
                            .to_lowercase()
                            .into(),
                    ),
                    (
                        "field",
                        lang.tr(&format!("field-{column}")).to_lowercase().into(),
                    ),
                    ("columns", quoted(columns).into()),
                    ("candidates", quoted(candidates).into()),
                ];
                let id = if candidates.is_empty() {
                    "file-missing-field-no-candidate"
                } else {
                    "file-missing-field"
                };
                lang.tr_args(id, &args)
            }
            FileError::BadMap {
                path,
                kind,
                field,
                column,
                choices,
            } => match column {
                None => lang.tr_args(
                    "file-map-unknown-field",
                    &[
                        ("file", name(path).into()),
                        ("field", field.as_str().into()),
                        (
                            "kind",
                            lang.tr(&format!("kind-{}", kind.table()))
                                .to_lowercase()
                                .into(),
                        ),
                        ("choices", choices.join(", ").into()),
                    ],
                ),
                Some(column) => lang.tr_args(
                    "file-map-unknown-column",
                    &[
                        ("file", name(path).into()),
                        ("column", column.as_str().into()),
                        ("choices", quoted(choices).into()),
                        ("count", choices.len().into()),
                    ],
                ),
            },
            FileError::TooLarge { path, limit, line } => {
                let workbook = table::is_workbook(path);
                let what =
                    lang.tr_args(limit.message_id(), &[("max", limit.value(workbook).into())]);
                let id = if line.is_some() {
                    "file-too-large-at"
                } else {
                    "file-too-large"
                };
                lang.tr_args(
                    id,
                    &[
                        ("file", name(path).into()),
                        ("line", line.unwrap_or(0).to_string().into()),
                        ("limit", what.into()),
                    ],
                )
            }
            FileError::Malformed {
                path,
                line,
                message,
            } => lang.tr_args(
                "file-malformed",
                &[
                    ("file", name(path).into()),
                    ("line", line.to_string().into()),
                    ("reason", message.as_str().into()),
                ],
            ),
        }
    }
}

/// Column names as a message lists them: `"Txn No", "When"`.
fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_list() -> String {
    Kind::ALL.map(|k| k.table()).join(", ")
}

/// A file read and parsed, not yet stored.
#[derive(Clone, Debug)]
pub struct ParsedFile {
    pub path: PathBuf,
    pub kind: Kind,
    /// SHA-256 of the file's bytes; for an unchecked file, empty until it
    /// is stored (it is hashed in that pass).
    pub content_hash: String,
    /// The records; for a streamed file only the first few, for the preview.
    pub records: Vec<Record>,
    /// How many valid records the file has.
    pub count: usize,
    /// Whether every row was parsed while reading: `errors`, `warnings`,
    /// `count` and the preview are known. An unchecked (streamed) file learns
    /// them while it is stored.
    pub checked: bool,
    /// The currency the file names (a currency column, or `Rp`/`$` before
    /// its amounts).
    pub currency: Option<&'static str>,
    /// The rate to convert the file's amounts at when its currency is not
    /// the database's (units of the database's currency for one of the
    /// file's); without it such a file is refused.
    pub rate: Option<rate::Rate>,
    /// The branch (outlet) the file's records are stored as, as the user
    /// typed it; '' for none (see `store::write::branch_name`).
    pub branch: String,
    /// For a streamed file: where the records are read from again.
    pub stream: Option<std::sync::Arc<read::Streamed>>,
    pub errors: Vec<RowIssue>,
    pub warnings: Vec<RowIssue>,
    /// How the file was read, for the import wizard.
    pub source: Source,
    /// A list that changes other records instead of adding its own (a
    /// returns list, a CRM's users); None for a file of records.
    pub list: Option<List>,
    /// For orders read with a workbook's Returns sheet: how many of them it
    /// marks refunded.
    pub marked_returned: usize,
    /// For settlements: the rows left out as no order's (adjustments,
    /// withdrawals).
    pub not_orders: usize,
}

/// A file that is a list about other records rather than records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum List {
    /// A returns list (`Order ID` and `Returned`, or a sheet named
    /// Returns): the order ids it names, which are marked refunded.
    Returns(Vec<String>),
    /// A CRM's users (`Id`, `Name`): each owner id, folded as reps are
    /// matched, with the name to show for it.
    RepNames(Vec<(String, String)>),
}

/// How a file was read: the kind and mapping chosen for its columns, the rows
/// left out for their errors, and for a workbook its sheets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    /// The kind the columns were mapped for (orders for a line-item file).
    pub kind: Kind,
    pub headers: Vec<String>,
    pub mapping: Vec<Option<mapping::Target>>,
    /// Per column, how its field was chosen (by name, by values, by the
    /// user) and how sure that is.
    pub matched: Vec<Option<mapping::Matched>>,
    /// The rows with errors, as they are in the file.
    pub rejected: Vec<table::TableRow>,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// Read from a Laris database ([`laris_file`]): its columns are the
    /// kind's own fields, with nothing to map or choose.
    pub from_laris: bool,
}

impl ParsedFile {
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
}

pub use read::{Issues, ReadOptions, read_bytes, read_file};

/// The rows an import skips, as a CSV with the file's header, so the user can
/// fix them and import them again. Text that a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@` not followed by a number) is quoted with `'`.
pub fn skipped_csv(file: &ParsedFile) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let neutral = |c: &String| values::neutralise(c).into_owned();
    w.write_record(file.source.headers.iter().map(neutral))
        .map_err(|e| e.to_string())?;
    for row in &file.source.rejected {
        w.write_record(row.cells.iter().map(neutral))
            .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// Per file, what storing it did.
#[derive(Clone, Debug, Serialize)]
pub struct FileReport {
    pub file: String,
    /// The branch (outlet) it was stored as, in its stored spelling; left
    /// out of the JSON when none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub branch: String,
    pub kind: Kind,
    #[serde(flatten)]
    pub counts: Counts,
    /// A file in another currency than the database's: its currency and
    /// the rate its amounts were converted at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<Conversion>,
    /// A returns list: the orders it marked refunded, and those it names
    /// that are not stored yet (marked when they arrive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returns: Option<crate::store::returns::Marked>,
    /// A users list: the owner ids it names and the stored records that
    /// show those names now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rep_names: Option<crate::store::rep_names::Named>,
    /// Settlement rows left out because they are no order's.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_orders: u64,
    /// For a dry run: how each mapped column was matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnMatch>,
}

/// How a file's amounts were converted into the database's currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conversion {
    pub currency: String,
    pub rate: String,
}

/// A mapped column in a dry run's report.
#[derive(Clone, Debug, Serialize)]
pub struct ColumnMatch {
    pub column: String,
    pub field: &'static str,
    pub by: mapping::MatchedBy,
    /// From 0 to 1, to two decimals.
    pub confidence: f32,
}

impl FileReport {
    /// What a dry run can say without the database: the valid records as
    /// added, the rows with problems as skipped, and how the columns were
    /// matched.
    pub fn dry_run(file: &ParsedFile) -> FileReport {
        FileReport {
            branch: file.branch.trim().to_string(),
            file: file.file_name(),
            kind: file.kind,
            counts: Counts {
                added: file.count as u64,
                skipped: file.errors_rows(),
                ..Counts::default()
            },
            converted: None,
            returns: None,
            rep_names: None,
            not_orders: file.not_orders as u64,
            columns: file
                .source
                .headers
                .iter()
                .zip(&file.source.mapping)
                .zip(&file.source.matched)
                .filter_map(|((header, target), matched)| {
                    let (target, matched) = (target.as_ref()?, matched.as_ref()?);
                    Some(ColumnMatch {
                        column: header.clone(),
                        field: target.name(),
                        by: matched.by,
                        confidence: (matched.confidence * 100.0).round() / 100.0,
                    })
                })
                .collect(),
        }
    }

    /// One line saying what storing the file did, for the app's notice and
    /// `laris import`.
    pub fn summary(&self, lang: Lang) -> String {
        lang.tr_args(
            "import-summary",
            &[
                ("file", self.file.as_str().into()),
                (
                    "kind",
                    kind_and_branch(lang, self.kind, &self.branch).into(),
                ),
                ("added", self.counts.added.into()),
                ("updated", self.counts.updated.into()),
                ("unchanged", self.counts.unchanged.into()),
                ("skipped", self.counts.skipped.into()),
            ],
        )
    }

    /// What else the import did with the file: the rate its amounts were
    /// converted at, the orders a returns list marked.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let file = || ("file", self.file.as_str().into());
        let converted = self.converted.as_ref().map(|c| {
            lang.tr_args(
                "import-converted",
                &[
                    file(),
                    ("currency", c.currency.as_str().into()),
                    ("rate", c.rate.as_str().into()),
                ],
            )
        });
        let returns = self.returns.map(|m| {
            lang.tr_args(
                "import-returns",
                &[
                    file(),
                    ("refunded", m.refunded.into()),
                    ("pending", m.pending.into()),
                ],
            )
        });
        let rep_names = self.rep_names.map(|n| {
            lang.tr_args(
                "import-rep-names",
                &[
                    file(),
                    ("names", n.names.into()),
                    ("records", n.records.into()),
                ],
            )
        });
        let not_orders = (self.not_orders > 0).then(|| {
            lang.tr_args(
                "import-not-orders",
                &[file(), ("count", self.not_orders.into())],
            )
        });
        converted
            .into_iter()
            .chain(returns)
            .chain(rep_names)
            .chain(not_orders)
            .collect()
    }
}

/// A kind's name, with its branch when it has one (`orders, branch
/// Bandung`), as an import's summary and the list of imports name a batch.
pub fn kind_and_branch(lang: Lang, kind: Kind, branch: &str) -> String {
    match branch {
        "" => kind.table().to_string(),
        _ => lang.tr_args(
            "import-kind-branch",
            &[("kind", kind.table().into()), ("branch", branch.into())],
        ),
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Stores the valid records of `files` in one transaction, one import batch
/// per file: either all of it is written or none of it. Rows with errors are
/// counted as skipped. `progress` gets the fraction of records written and
/// answers whether to go on; when it says no, nothing is written.
pub fn store_files(
    store: &mut Store,
    files: &[ParsedFile],
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Vec<FileReport>, StoreError> {
    match store_checking(store, files, true, progress)? {
        Stored::Done(reports, _) => Ok(reports),
        // With bad rows skipped, nothing is refused for them.
        Stored::Refused(_) => Ok(Vec::new()),
        Stored::OtherCurrency(e) => Err(e),
    }
}

/// What [`store_checking`] did.
pub enum Stored {
    /// Written; per file, what its pass found (rows skipped and warnings).
    Done(Vec<FileReport>, Vec<Issues>),
    /// Rows with problems were met and `skip_bad_rows` was not given:
    /// nothing was written. Per file, what its pass found.
    Refused(Vec<Issues>),
    /// A file is in another currency than the database's and no rate was
    /// given: nothing was written.
    OtherCurrency(StoreError),
}

/// Like [`store_files`], for files that may be unchecked: their rows are
/// parsed once, while they are stored, and a row with a problem makes the
/// whole import roll back unless `skip_bad_rows`.
pub fn store_checking(
    store: &mut Store,
    files: &[ParsedFile],
    skip_bad_rows: bool,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Stored, StoreError> {
    // Nothing is lost even if the import goes wrong in a way no transaction
    // catches (a bug, a file that imports wrong): the batch can be undone,
    // and the first import of a day makes a backup first.
    let names: Vec<String> = files.iter().map(ParsedFile::file_name).collect();
    let db = store.path().to_path_buf();
    backup::daily(store.conn(), &db, backup::Reason::Import(names.join(", ")))?;
    store_in(store.conn_mut(), files, skip_bad_rows, progress)
}

/// [`store_checking`] on an open database, without its backup: also what
/// an import into a server runs, on the file that stands in for the server
/// ([`server`]).
pub(crate) fn store_in(
    conn: &mut rusqlite::Connection,
    files: &[ParsedFile],
    skip_bad_rows: bool,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Stored, StoreError> {
    // An unchecked file's count is unknown: its progress counts as one file.
    let total: usize = files.iter().map(|f| f.count.max(1)).sum::<usize>().max(1);
    let mut tx = conn.transaction()?;
    let mut settings = settings::load(&tx)?;
    let mut names = DisplayNames::load(&tx)?;
    let was_empty = crate::store::overview::holds_nothing(&tx)?;
    // A database's currency is settled once it holds records or the user
    // chose one; an empty one takes that of the first file that names one.
    let mut database = (settings.currency_chosen || !was_empty).then(|| settings.currency.clone());
    // Orders a returns list named, this import's lists included: stored
    // refunded whichever comes first.
    let mut returned = crate::store::returns::all(&tx)?;
    let mut stored = Vec::with_capacity(files.len());
    let mut done = 0usize;
    for file in files {
        let other = |named: Option<&str>, database: &Option<String>| {
            named
                .zip(database.as_deref())
                .filter(|(c, d)| c != d)
                .map(|(c, d)| StoreError::OtherCurrency {
                    file: file.file_name(),
                    currency: c.to_string(),
                    database: d.to_string(),
                })
        };
        let conversion = match (other(file.currency, &database), &file.rate) {
            (Some(refused), None) => return Ok(Stored::OtherCurrency(refused)),
            (Some(_), Some(rate)) => file.currency.map(|c| (c, rate)),
            (None, _) => None,
        };
        // A streamed file's formats may be settled only by the pass that
        // stores it; if they are not the guessed ones, that pass is undone
        // and the file stored again, read right.
        let mut file_pass = tx.savepoint_with_name("file")?;
        let before = done;
        let mut stream = file.stream.clone();
        let (batch, counts, issues) = loop {
            let mut cx = FileCx {
                tx: &file_pass,
                settings: &mut settings,
                names: &mut names,
                done: &mut done,
                total,
                progress: &mut *progress,
                conversion,
                returned: &mut returned,
            };
            let (batch, counts, mut issues) = cx.store(file, stream.as_deref())?;
            match issues.reread.take() {
                Some(reread) => {
                    file_pass.rollback()?;
                    // What the undone pass learnt is gone from the database.
                    settings = settings::load(&file_pass)?;
                    names = DisplayNames::load(&file_pass)?;
                    done = before;
                    stream = Some(reread);
                }
                None => break (batch, counts, issues),
            }
        };
        file_pass.commit()?;
        if file.content_hash.is_empty() {
            set_content_hash(&tx, batch, &issues.content_hash)?;
        }
        let branch: String = tx.query_row(
            "SELECT branch FROM import_batches WHERE id = ?1",
            [batch],
            |r| r.get(0),
        )?;
        // The storing pass reads every row: a currency named only far down
        // the file is known now, and refused like any other.
        let named = issues.currency.or(file.currency);
        if conversion.is_none()
            && let Some(refused) = other(named, &database)
        {
            return Ok(Stored::OtherCurrency(refused));
        }
        if database.is_none() {
            database = named.map(str::to_string);
        }
        let converted = conversion.map(|(currency, rate)| Conversion {
            currency: currency.to_string(),
            rate: rate.to_string(),
        });
        stored.push((file, counts, issues, converted, branch));
    }
    if !settings.currency_chosen
        && was_empty
        && let Some(currency) = &database
    {
        settings.currency = currency.clone();
        settings.currency_chosen = true;
        settings::save(&tx, &settings)?;
    }
    let reports: Vec<FileReport> = stored
        .iter_mut()
        .map(|(file, counts, issues, converted, branch)| FileReport {
            file: file.file_name(),
            branch: std::mem::take(branch),
            kind: file.kind,
            counts: *counts,
            converted: converted.take(),
            returns: issues.returns,
            rep_names: issues.rep_names,
            not_orders: file.not_orders as u64,
            columns: Vec::new(),
        })
        .collect();
    let found: Vec<Issues> = stored
        .into_iter()
        .map(|(_, _, issues, _, _)| issues)
        .collect();
    if !skip_bad_rows && found.iter().any(|i| !i.errors.is_empty()) {
        // Dropping the transaction writes nothing.
        return Ok(Stored::Refused(found));
    }
    tx.commit()?;
    progress(1.0);
    Ok(Stored::Done(reports, found))
}

/// What storing one file needs besides the file.
struct FileCx<'a> {
    tx: &'a rusqlite::Connection,
    settings: &'a mut settings::Settings,
    names: &'a mut DisplayNames,
    /// Records stored so far, of `total`, for `progress`.
    done: &'a mut usize,
    total: usize,
    progress: &'a mut dyn FnMut(f32) -> bool,
    /// A file in another currency: that currency and the rate to convert at.
    conversion: Option<(&'static str, &'a rate::Rate)>,
    /// The order ids returns lists have named.
    returned: &'a mut std::collections::HashSet<(String, String)>,
}

impl FileCx<'_> {
    /// Stores the valid records of `file`, read from `stream` when it is
    /// streamed, as one batch: its id, its counts and what the pass found.
    fn store(
        &mut self,
        file: &ParsedFile,
        stream: Option<&read::Streamed>,
    ) -> Result<(i64, Counts, Issues), StoreError> {
        let tx = self.tx;
        let names = &mut *self.names;
        let branch = crate::store::write::branch_name(tx, &file.branch)?;
        let batch = begin_batch(
            tx,
            &BatchSource {
                file_name: file.file_name(),
                content_hash: file.content_hash.clone(),
                kind: file.kind,
                conversion: self
                    .conversion
                    .map(|(currency, rate)| (currency.to_string(), rate.to_string())),
                branch: branch.clone(),
            },
        )?;
        let money: Vec<usize> = file
            .kind
            .fields()
            .iter()
            .enumerate()
            .filter(|(_, f)| f.ty == crate::store::FieldType::Money)
            .map(|(i, _)| i)
            .collect();
        let conversion = self.conversion;
        let mut writer = BatchWriter::new(tx, file.kind, batch)?;
        match &file.list {
            Some(List::Returns(ids)) => {
                let marked = crate::store::returns::mark(tx, &mut writer, batch, ids)?;
                self.returned
                    .extend(ids.iter().map(|id| (branch.clone(), id.clone())));
                let counts = writer.finish(0)?;
                let issues = Issues {
                    returns: Some(marked),
                    ..Issues::default()
                };
                return Ok((batch, counts, issues));
            }
            Some(List::RepNames(people)) => {
                let named = crate::store::rep_names::keep(tx, batch, people)?;
                let counts = writer.finish(0)?;
                let issues = Issues {
                    rep_names: Some(named),
                    ..Issues::default()
                };
                return Ok((batch, counts, issues));
            }
            None => {}
        }
        // Only this branch's returns: a key of (branch, id) without an
        // allocation per order.
        let returned: std::collections::HashSet<&str> = self
            .returned
            .iter()
            .filter(|(b, _)| *b == branch)
            .map(|(_, id)| id.as_str())
            .collect();
        let status = Kind::Orders.field("status").unwrap_or(6);
        let name_fields: Vec<(usize, &'static str)> = file
            .kind
            .fields()
            .iter()
            .enumerate()
            .filter_map(|(i, f)| parse::name_field(f.ty).map(|n| (i, n.as_str())))
            .collect();
        let mut stages = Vec::new();
        let (done, total) = (&mut *self.done, self.total);
        let progress = &mut *self.progress;
        let issues = file.each_record_of(stream, &mut |record| {
            for &(i, field) in &name_fields {
                if let Value::Text(text) = &record.values[i]
                    && !text.is_empty()
                {
                    let display = names.resolve(tx, field, text, parse::name_key)?;
                    if field == "stage" {
                        stages.push(display.to_string());
                    }
                    if display != text {
                        record.values[i] = Value::Text(display.to_string());
                    }
                }
            }
            if file.kind == Kind::Orders
                && let Value::Text(id) = &record.values[0]
                && returned.contains(id.as_str())
            {
                record.values[status] = Value::Text("refunded".into());
            }
            if let Some((_, rate)) = conversion {
                for &i in &money {
                    if let Value::Integer(minor) = record.values[i] {
                        let converted =
                            rate.convert(minor).ok_or_else(|| StoreError::Conversion {
                                file: file.file_name(),
                                minor,
                                rate: rate.to_string(),
                            })?;
                        record.values[i] = Value::Integer(converted);
                    }
                }
            }
            writer.write(record)?;
            *done += 1;
            if done.is_multiple_of(4096) && !progress(*done as f32 / total as f32) {
                // Dropping the transaction rolls everything back.
                return Err(StoreError::Cancelled);
            }
            Ok(())
        })?;
        let skipped = if file.checked {
            file.errors_rows()
        } else {
            error_rows(&issues.errors)
        };
        let counts = writer.finish(skipped)?;
        if !stages.is_empty() {
            let in_use = names::stages_in_use(tx)?;
            if self
                .settings
                .add_stages(stages.iter().map(String::as_str), &in_use)
            {
                settings::save(tx, self.settings)?;
            }
        }
        Ok((batch, counts, issues))
    }
}

pub(crate) fn error_rows(errors: &[RowIssue]) -> u64 {
    let mut lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
    lines.dedup();
    lines.len() as u64
}

impl ParsedFile {
    /// Calls `f` with every valid record, reading a streamed file again;
    /// returns what that pass found wrong (nothing for a file in memory).
    pub fn for_each_record(
        &self,
        f: &mut dyn FnMut(&mut Record) -> Result<(), StoreError>,
    ) -> Result<Issues, StoreError> {
        self.each_record_of(self.stream.as_deref(), f)
    }

    /// Like [`Self::for_each_record`], reading a streamed file from `stream`.
    fn each_record_of(
        &self,
        stream: Option<&read::Streamed>,
        f: &mut dyn FnMut(&mut Record) -> Result<(), StoreError>,
    ) -> Result<Issues, StoreError> {
        match stream {
            Some(stream) => stream.for_each_record(f, |e| StoreError::Reread {
                file: self.file_name(),
                reason: e.to_string(),
            }),
            None => {
                self.records.iter().try_for_each(|r| f(&mut r.clone()))?;
                Ok(Issues::default())
            }
        }
    }

    /// How many rows have at least one error (a row may have several).
    pub fn errors_rows(&self) -> u64 {
        error_rows(&self.errors)
    }
}
