//! From a file to parsed records: read the table, find the header row,
//! recognise the kind and map the columns, infer each column's number and
//! date format, then build the records. A line-item orders file gives two
//! parsed files: its orders and their lines.
//!
//! [`stream`] reads text files in passes, [`infer`] settles formats from the
//! values, [`parser`] turns rows into records.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::types::Value;
use sha2::{Digest, Sha256};

use super::mapping::{self, Extra, Mapped, Matched, Preset, Target};
use super::profile::profile;
use super::rows::RowBuilder;
use super::table::{self, Table, TableRow, TextSource};
use super::values::{
    self, ColumnFormat, CurrencyEvidence, FormatEvidence, LocaleDefaults, ScoreScale,
};
use super::{FileError, List, ParsedFile, Source};
use crate::store::write::Record;
use crate::store::{FieldType, Kind};
use crate::util::hex;

mod infer;
mod parser;
mod stream;

use infer::*;
use parser::*;
use stream::*;
pub use stream::{Issues, ReadError, SPECULATE_ROWS, Streamed};

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
    /// Fields the user mapped by hand (`--map FIELD=COLUMN`), the column by
    /// its header or its 1-based number; applied over the rest.
    pub map: Vec<(String, String)>,
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
            map: Vec::new(),
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
    // A branch's own Laris database: its records, as they are stored.
    if super::laris_file::is_laris(path) {
        return super::laris_file::read(path);
    }
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

/// Names of a returns list's yes/no column, after [`mapping::normalise`].
const RETURNED: &[&str] = &[
    "returned",
    "return",
    "retur",
    "diretur",
    "dikembalikan",
    "is returned",
    "status retur",
];

/// A returns list: an order id column and either a yes/no column saying
/// which were returned or a file or sheet `name` that says it is returns
/// (`Returns`, `Retur`); never a file with a date, which is orders. The id
/// column and the yes/no column, if any.
fn returns_columns(headers: &[String], name: &str) -> Option<(usize, Option<usize>)> {
    let orders = mapping::map_for(Kind::Orders, headers);
    if orders.mapping.contains(&Some(Target::Field("date"))) {
        return None;
    }
    let id = orders
        .mapping
        .iter()
        .position(|t| *t == Some(Target::Field("order_id")))?;
    let flag = headers
        .iter()
        .position(|h| RETURNED.contains(&mapping::normalise(h).as_str()));
    let name = name.to_lowercase();
    let named = name.contains("return") || name.contains("retur");
    (flag.is_some() || named).then_some((id, flag))
}

/// The ids a returns list marks returned, each once, in file order: every
/// row's, or with a yes/no column those it says yes for.
fn returned_ids(rows: &[TableRow], id: usize, flag: Option<usize>) -> Vec<String> {
    let mut seen = HashSet::new();
    rows.iter()
        .filter(|r| {
            flag.is_none_or(|f| {
                r.cells
                    .get(f)
                    .is_some_and(|v| super::parse::boolean(v) == Some(true))
            })
        })
        .filter_map(|r| r.cells.get(id))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty() && seen.insert(c.clone()))
        .collect()
}

/// Headers of a users list's id and name columns, after
/// [`mapping::normalise`].
const PERSON_ID: &[&str] = &[
    "id",
    "user id",
    "userid",
    "owner id",
    "ownerid",
    "sales id",
    "id sales",
    "id pengguna",
    "id user",
    "employee id",
    "id karyawan",
];
const PERSON_NAME: &[&str] = &[
    "name",
    "full name",
    "fullname",
    "nama",
    "nama lengkap",
    "nama sales",
    "nama pengguna",
    "nama karyawan",
];
/// Other columns a CRM's users export has that say nothing about sales.
const PERSON_OTHER: &[&str] = &[
    "email",
    "username",
    "user name",
    "is active",
    "isactive",
    "active",
    "aktif",
    "first name",
    "firstname",
    "last name",
    "lastname",
    "title",
    "jabatan",
    "role",
    "user role id",
    "userroleid",
    "profile id",
    "profileid",
    "department",
    "divisi",
    "division",
    "phone",
    "mobile phone",
    "mobilephone",
    "telepon",
    "no hp",
    "alias",
    "manager id",
    "managerid",
];

/// A CRM's users list: an id column and a name column, and besides them
/// only what a users export carries (email, active, title, ...). The id
/// column and the name column. Never a file with a date or an amount,
/// which is records.
fn rep_names_columns(headers: &[String]) -> Option<(usize, usize)> {
    let h: Vec<String> = headers.iter().map(|h| mapping::normalise(h)).collect();
    let id = h.iter().position(|x| PERSON_ID.contains(&x.as_str()))?;
    let name = h.iter().position(|x| PERSON_NAME.contains(&x.as_str()))?;
    let only_people = h
        .iter()
        .enumerate()
        .all(|(i, x)| i == id || i == name || x.is_empty() || PERSON_OTHER.contains(&x.as_str()));
    // A CRM's full user export has many more columns; it is a users list
    // only when its names make it no kind of records (Shopify's orders have
    // an `Id`, a `Name` and an `Email` too).
    let users = || {
        mapping::looks_like(headers) == "looks-like-users"
            && mapping::recognise_by_names(headers).is_none()
    };
    (only_people || users()).then_some((id, name))
}

/// Each owner id a users list names (folded, as reps are matched), once,
/// with its name; a later row for the same id wins.
fn rep_names(rows: &[TableRow], id: usize, name: usize) -> Vec<(String, String)> {
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut people: Vec<(String, String)> = Vec::new();
    for row in rows {
        let cell = |i: usize| row.cells.get(i).map_or("", |c| c.trim());
        let (key, shown) = (crate::util::fold(cell(id)), cell(name));
        if key.is_empty() || shown.is_empty() {
            continue;
        }
        match at.get(&key) {
            Some(&i) => people[i].1 = shown.to_string(),
            None => {
                at.insert(key.clone(), people.len());
                people.push((key, shown.to_string()));
            }
        }
    }
    people
}

/// The name a returns list may carry: its sheet's, else the file's.
fn list_name(path: &Path, table: &Table) -> String {
    table.sheet.clone().unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    })
}

fn is_line_items(kind: Kind, mapping: &[Option<Target>]) -> bool {
    kind == Kind::Orders
        && (mapping.contains(&Some(Target::Field("product")))
            || mapping.contains(&Some(Target::Field("sku"))))
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
    let guessing = opts.kind.is_none() && opts.columns.is_none() && opts.preset.is_none();
    if guessing && let Some((at, headers)) = header(&table) {
        let rows = &table.rows[at + 1..];
        let list = if let Some((id, flag)) = returns_columns(&headers, &list_name(path, &table)) {
            let ids = returned_ids(rows, id, flag);
            Some((List::Returns(ids), vec![(id, "order_id")]))
        } else {
            rep_names_columns(&headers).map(|(id, name)| {
                let people = rep_names(rows, id, name);
                (List::RepNames(people), vec![(id, "rep"), (name, "name")])
            })
        };
        if let Some((list, columns)) = list {
            return Ok(vec![list_file(
                path,
                &table,
                headers,
                &columns,
                list,
                content_hash,
            )]);
        }
    }
    let mut files = Parser::new(path, &table, opts)?.parse(&returns);
    for f in &mut files {
        f.content_hash = content_hash.clone();
        if f.kind == Kind::Orders && !returns.is_empty() {
            f.marked_returned = f
                .records
                .iter()
                .filter(|r| matches!(&r.values[0], Value::Text(id) if returns.contains(id)))
                .count();
        }
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
    // Without --sheet, the workbook's returns sheets mark its orders; with
    // it, only that sheet is read.
    let mut returns = HashSet::new();
    let others = sheets
        .iter()
        .filter(|n| opts.sheet.is_none() && **n != chosen);
    for name in others {
        let t = table::read_sheet(bytes, Some(name)).map_err(bad)?;
        if let Some((at, headers)) = header(&t)
            && let Some((id, flag)) = returns_columns(&headers, name)
        {
            returns.extend(returned_ids(&t.rows[at + 1..], id, flag));
        }
    }
    Ok((table, returns))
}

/// A list as a parsed file: no records, what it names. `columns`: the
/// columns read, with the field each stands for.
fn list_file(
    path: &Path,
    table: &Table,
    headers: Vec<String>,
    columns: &[(usize, &'static str)],
    list: List,
    content_hash: String,
) -> ParsedFile {
    let mut mapping = vec![None; headers.len()];
    for &(at, field) in columns {
        mapping[at] = Some(Target::Field(field));
    }
    let (kind, count) = match &list {
        List::Returns(ids) => (Kind::Orders, ids.len()),
        List::RepNames(people) => (Kind::Deals, people.len()),
    };
    let matched = mapping
        .iter()
        .map(|t| {
            t.map(|_| Matched {
                by: mapping::MatchedBy::Name,
                confidence: 1.0,
            })
        })
        .collect();
    ParsedFile {
        path: path.to_path_buf(),
        kind,
        content_hash,
        records: Vec::new(),
        count,
        checked: true,
        currency: None,
        rate: None,
        branch: String::new(),
        stream: None,
        errors: Vec::new(),
        warnings: Vec::new(),
        source: Source {
            kind,
            headers,
            mapping,
            matched,
            rejected: Vec::new(),
            sheets: table.sheets.clone(),
            sheet: table.sheet.clone(),
            from_laris: false,
        },
        list: Some(list),
        marked_returned: 0,
        not_orders: 0,
    }
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
/// kind recognised from the headers, and from the values of `rows` (the
/// rows after the header) where the headers alone do not do; then the
/// user's `--map` over it.
fn choose_mapping(
    path: &Path,
    headers: &[String],
    rows: &[TableRow],
    opts: &ReadOptions,
) -> Result<Mapped, FileError> {
    let kind = opts.kind.or(opts.preset.as_ref().and_then(|p| p.kind));
    let mut mapped = match (kind, &opts.columns, &opts.preset) {
        (Some(kind), Some(columns), _) => {
            let mut m = columns.clone();
            m.resize(headers.len(), None);
            Mapped::by_user(kind, m)
        }
        (Some(kind), None, Some(preset)) => Mapped::by_user(kind, preset.apply(kind, headers)),
        (Some(kind), None, None) => {
            let mut m = mapping::map_for(kind, headers);
            if m.missing().is_some() {
                m.fill_by_values(&profile(rows, headers.len()));
            }
            m
        }
        (None, ..) => match mapping::recognise_by_names(headers) {
            Some(m) => stage_history_instead(m, headers, rows),
            None => mapping::recognise_with_values(headers, &profile(rows, headers.len()))
                .ok_or_else(|| not_recognised(path, headers))?,
        },
    };
    apply_map(path, headers, &opts.map, &mut mapped)?;
    if let Some(field) = mapped.missing() {
        let profiles = profile(rows, headers.len());
        let candidates = mapped
            .candidates(field, &profiles)
            .into_iter()
            .take(3)
            .filter_map(|(i, _)| headers.get(i).cloned())
            .collect();
        return Err(FileError::MissingColumn {
            path: path.to_path_buf(),
            kind: mapped.kind,
            column: field.to_string(),
            columns: headers
                .iter()
                .filter(|h| !h.trim().is_empty())
                .cloned()
                .collect(),
            candidates,
        });
    }
    Ok(mapped)
}

/// A CRM's stage history (`OpportunityId`, `StageName`, `CreatedDate`) names
/// the same fields as a deals file; its deal ids repeat, one row per stage
/// a deal went through, where a deals file has one row per deal.
fn stage_history_instead(m: Mapped, headers: &[String], rows: &[TableRow]) -> Mapped {
    let key = |m: &Mapped| {
        m.mapping
            .iter()
            .position(|t| *t == Some(Target::Field("deal_id")))
    };
    let (Kind::Deals, Some(col)) = (m.kind, key(&m)) else {
        return m;
    };
    let stages = mapping::map_for(Kind::DealStages, headers);
    if stages.missing().is_some() {
        return m;
    }
    let p = &profile(rows, headers.len())[col];
    if p.filled > 1 && p.share(p.distinct) < 0.95 {
        stages
    } else {
        m
    }
}

/// The user's `--map FIELD=COLUMN` choices over `mapped`: the column (by
/// header, or by its 1-based number) takes the field from any other.
fn apply_map(
    path: &Path,
    headers: &[String],
    map: &[(String, String)],
    mapped: &mut Mapped,
) -> Result<(), FileError> {
    for (field, column) in map {
        let target =
            Target::from_name(mapped.kind, field.trim()).ok_or_else(|| FileError::BadMap {
                path: path.to_path_buf(),
                kind: mapped.kind,
                field: field.clone(),
                column: None,
                choices: Target::all_for(mapped.kind)
                    .iter()
                    .map(|t| t.name().to_string())
                    .collect(),
            })?;
        let wanted = mapping::normalise(column);
        let index = column
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < headers.len())
            .or_else(|| headers.iter().position(|h| mapping::normalise(h) == wanted))
            .ok_or_else(|| FileError::BadMap {
                path: path.to_path_buf(),
                kind: mapped.kind,
                field: field.clone(),
                column: Some(column.clone()),
                choices: headers.to_vec(),
            })?;
        for (t, m) in mapped.mapping.iter_mut().zip(mapped.matched.iter_mut()) {
            if *t == Some(target) {
                *t = None;
                *m = None;
            }
        }
        mapped.mapping[index] = Some(target);
        mapped.matched[index] = Some(Matched {
            by: mapping::MatchedBy::User,
            confidence: 1.0,
        });
    }
    Ok(())
}
