//! `laris import`: add files to the database, all or nothing.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Cli, CliError, CliResult};
use crate::i18n::Lang;
use crate::import::mapping::Preset;
use crate::import::rate::{Rate, RateError};
use crate::import::values::{LocaleDefaults, ScoreScale};
use crate::import::{self, FileError, FileReport, ParsedFile, ReadOptions, Stored};
use crate::store::pg::PgStore;
use crate::store::settings;
use crate::store::{Kind, Store, StoreError};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What the files hold: orders, order_lines, leads, deals, deal_stages,
    /// activities, targets, expenses, csat, inquiries, subscriptions, products
    /// or settlements.
    /// Default: recognised from each file's columns.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<Kind>,

    /// For a workbook (.xlsx, .xls, .ods): the sheet to import. Default: the
    /// first sheet whose columns Laris recognises.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Read the columns as the mapping saved under this name says (see
    /// --save-preset).
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,

    /// Save how the columns of the (first) file were mapped under this name,
    /// to use again with --preset or in the app.
    #[arg(long, value_name = "NAME")]
    pub save_preset: Option<String>,

    /// Choose columns by hand: FIELD=COLUMN, the column by its header or its
    /// number (1 is the first), several separated by commas or given as
    /// several --map. Example: --map order_id="Txn No",date=3
    #[arg(long, value_name = "FIELD=COLUMN", value_parser = parse_map, value_delimiter = ',')]
    pub map: Vec<(String, String)>,

    /// For files in another currency than the database's: how many units of
    /// the database's currency one unit of the file's is (e.g. 16250 for USD
    /// into an IDR database). Every amount is converted, rounded to the
    /// hundredth; without it such a file is refused.
    #[arg(long, value_name = "RATE", value_parser = parse_rate)]
    pub rate: Option<Rate>,

    /// The branch (outlet) the files come from: their records are stored as
    /// that branch's, so another branch's records with the same ids stay
    /// apart. Default: no branch.
    #[arg(long, value_name = "NAME")]
    pub branch: Option<String>,

    /// Only check the files and say what would be imported (and, with
    /// --json, how each column was matched); write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Import the rows that are fine and skip the rows with problems (which
    /// are listed). Without it, any problem stops the import and nothing is
    /// written.
    #[arg(long)]
    pub skip_bad_rows: bool,

    /// Print the result as JSON (one object per file) instead of sentences.
    #[arg(long)]
    pub json: bool,

    /// The scale of the csat scores: 1-5 (stored as they are), 1-10 or 0-10
    /// (mapped onto 1 to 5, lowest to 1 and 10 to 5, to two decimals, so
    /// that 8 and up count as satisfied).
    #[arg(long, value_enum, value_name = "SCALE", default_value_t = CsatScaleArg::OneToFive)]
    pub csat_scale: CsatScaleArg,

    /// The files to import.
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CsatScaleArg {
    #[value(name = "1-5")]
    OneToFive,
    #[value(name = "1-10")]
    OneToTen,
    #[value(name = "0-10")]
    ZeroToTen,
}

impl From<CsatScaleArg> for ScoreScale {
    fn from(arg: CsatScaleArg) -> Self {
        match arg {
            CsatScaleArg::OneToFive => ScoreScale::OneToFive,
            CsatScaleArg::OneToTen => ScoreScale::OneToTen,
            CsatScaleArg::ZeroToTen => ScoreScale::ZeroToTen,
        }
    }
}

fn parse_rate(s: &str) -> Result<Rate, String> {
    Rate::parse(s).map_err(|e| match e {
        RateError::Ambiguous => format!(
            "{s:?} could be read two ways: write the rate without thousands separators \
             (16250) or with more decimals (16.2500)"
        ),
        RateError::NotANumber => format!("{s:?} is not a rate: write e.g. 16250 or 0.0000615"),
    })
}

fn parse_map(s: &str) -> Result<(String, String), String> {
    let (field, column) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?} is not FIELD=COLUMN, e.g. order_id=\"Txn No\""))?;
    let unquote = |t: &str| t.trim().trim_matches('"').to_string();
    Ok((unquote(field), unquote(column)))
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::from_name(s).ok_or_else(|| {
        format!(
            "unknown kind {s:?}; use one of: {}",
            Kind::ALL.map(|k| k.table()).join(", ")
        )
    })
}

/// Row problems printed before the rest are summed up.
const SHOWN_ISSUES: usize = 20;

/// Where an import goes.
enum Target {
    File(PathBuf),
    /// A PostgreSQL server's connection string.
    Server(String),
}

pub fn run(cli: &Cli, args: &ImportArgs) -> CliResult {
    let lang = cli.lang();
    let target = match cli.server_url() {
        Some(url) => Target::Server(url),
        None => Target::File(cli.db_path()?),
    };
    let preset = match &args.preset {
        Some(name) => match load_preset(lang, &target, name)? {
            Some(p) => Some(p),
            None => {
                return Err(CliError::User(
                    lang.tr_args("preset-unknown", &[("name", name.as_str().into())]),
                ));
            }
        },
        None => None,
    };
    let opts = ReadOptions {
        kind: args.kind,
        sheet: args.sheet.clone(),
        locale: LocaleDefaults::for_locale(&existing_locale(&target)),
        preset,
        columns: None,
        map: args.map.clone(),
        // A streamed file's rows are parsed once, while they are stored
        // (rolled back if one is bad); a dry run parses them to report.
        check: args.dry_run,
        csat_scale: args.csat_scale.into(),
    };
    let mut left_out = false;
    let mut files: Vec<ParsedFile> = Vec::new();
    for path in &args.paths {
        let read = match &target {
            Target::File(db) => import::laris_file::refuse_itself(path, db),
            Target::Server(_) => Ok(()),
        }
        .and_then(|()| import::read_file(path, &opts));
        match read {
            Ok(parsed) => files.extend(parsed.into_iter().map(|mut f| {
                f.rate = args.rate.clone();
                f.branch = args.branch.clone().unwrap_or_default();
                f
            })),
            // A file that is not recognised, or whose column for a required
            // field is not clear, is left out; the others still import.
            Err(
                e @ (FileError::NotRecognised { .. }
                | FileError::Empty { .. }
                | FileError::MissingColumn { .. }),
            ) => {
                eprintln!("{}", e.message(lang));
                if let Some(command) = e.map_command() {
                    eprintln!(
                        "{}",
                        lang.tr_args("import-map-hint", &[("command", command.into())])
                    );
                }
                left_out = true;
            }
            Err(e) => return Err(CliError::User(e.message(lang))),
        }
    }
    for file in &files {
        print_issues(lang, file, &file.warnings);
        print_issues(lang, file, &file.errors);
    }
    let error_rows: u64 = files.iter().map(ParsedFile::errors_rows).sum();
    if error_rows > 0 && !args.skip_bad_rows {
        return Err(CliError::User(lang.tr_args(
            "import-nothing-written",
            &[("count", error_rows.into())],
        )));
    }
    let done = || {
        if left_out {
            Err(CliError::Partial)
        } else {
            Ok(())
        }
    };
    if files.is_empty() {
        return done();
    }
    if args.dry_run {
        let reports: Vec<FileReport> = files.iter().map(FileReport::dry_run).collect();
        print_reports(lang, &reports, args.json)?;
        return done();
    }
    let preset = match (&args.save_preset, files.first()) {
        (Some(name), Some(first)) => {
            let src = &first.source;
            let preset = Preset::new(src.kind, &src.headers, &src.mapping);
            Some((name.as_str(), serde_json::to_string(&preset)?))
        }
        _ => None,
    };
    let db = match target {
        Target::File(db) => db,
        Target::Server(url) => {
            // The preset is saved with the import, in its transaction.
            let save = |conn: &rusqlite::Connection| match &preset {
                Some((name, json)) => settings::save_preset(conn, name, json),
                None => Ok(()),
            };
            let stored = import::server::store_checking(
                &url,
                &files,
                args.skip_bad_rows,
                &save,
                &mut |_| true,
            )
            .map_err(|e| CliError::User(e.message(lang)))?;
            return match refusal(lang, &files, stored, args.json)? {
                None => done(),
                Some(refusal) => Err(CliError::User(refusal)),
            };
        }
    };
    let existed = db.exists();
    let mut store = super::open_for_writing(lang, &db)?;
    if let Some((name, json)) = &preset {
        settings::save_preset(store.conn(), name, json)?;
    }
    let stored = match import::store_checking(&mut store, &files, args.skip_bad_rows, &mut |_| true)
    {
        Ok(stored) => stored,
        Err(e) => return Err(super::store_failure(lang, &db, &e)),
    };
    if let Stored::OtherCurrency(e) = &stored
        && !matches!(e, StoreError::OtherCurrency { .. })
    {
        return Err(super::store_failure(lang, &db, e));
    }
    match refusal(lang, &files, stored, args.json)? {
        None => {
            // The file was sound before this import and only Laris wrote it.
            drop(store);
            crate::store::seal::seal(&db);
            done()
        }
        Some(refusal) => {
            // Nothing written means no new database file either.
            drop(store);
            if !existed {
                for suffix in ["", "-wal", "-shm"] {
                    let mut path = db.clone().into_os_string();
                    path.push(suffix);
                    let _ = std::fs::remove_file(path);
                }
            }
            Err(CliError::User(refusal))
        }
    }
}

/// Prints what storing found and did; None when the files were stored,
/// else why nothing was written.
fn refusal(
    lang: Lang,
    files: &[ParsedFile],
    stored: Stored,
    json: bool,
) -> anyhow::Result<Option<String>> {
    Ok(Some(match stored {
        Stored::Done(reports, found) => {
            for (file, issues) in files.iter().zip(&found) {
                print_issues(lang, file, &issues.warnings);
                print_issues(lang, file, &issues.errors);
            }
            print_reports(lang, &reports, json)?;
            return Ok(None);
        }
        Stored::Refused(found) => {
            let mut rows = 0;
            for (file, issues) in files.iter().zip(&found) {
                print_issues(lang, file, &issues.warnings);
                print_issues(lang, file, &issues.errors);
                rows += issues.error_rows();
            }
            lang.tr_args("import-nothing-written", &[("count", rows.into())])
        }
        Stored::OtherCurrency(StoreError::OtherCurrency {
            file,
            currency,
            database,
        }) => lang.tr_args(
            "import-other-currency-refused",
            &[
                ("file", file.into()),
                ("currency", currency.into()),
                ("database", database.into()),
            ],
        ),
        // Only the file path gets here with another error (turned into a
        // message naming the file before).
        Stored::OtherCurrency(e) => e.message(lang),
    }))
}

/// The preset saved under `name` in an existing database.
fn load_preset(lang: Lang, target: &Target, name: &str) -> CliResult<Option<Preset>> {
    let json = match target {
        Target::File(db) => {
            if !db.exists() {
                return Ok(None);
            }
            let store = Store::open(db)?;
            settings::load_preset(store.conn(), name)?
        }
        Target::Server(url) => PgStore::connect(url)
            .and_then(|mut pg| pg.setting(&format!("{}{name}", settings::PRESET_PREFIX)))
            .map_err(|e| CliError::User(e.message(lang)))?,
    };
    Ok(match json {
        Some(json) => Some(serde_json::from_str(&json)?),
        None => None,
    })
}

/// The locale of the database, which decides how ambiguous numbers and dates
/// are read; Indonesian for a database that does not exist yet. Reading it
/// never creates or changes the file, or writes to the server.
fn existing_locale(target: &Target) -> String {
    let default = crate::store::settings::Settings::default().locale;
    match target {
        Target::File(db) if !db.exists() => default,
        Target::File(db) => Store::open(db)
            .ok()
            .and_then(|s| crate::store::settings::load(s.conn()).ok())
            .map_or(default, |s| s.locale),
        // A server that cannot be reached is reported when the import
        // connects again to write.
        Target::Server(url) => PgStore::connect(url)
            .and_then(|mut pg| pg.setting(settings::KEY))
            .map_or(default, |text| settings::parse(text.as_deref()).locale),
    }
}

fn print_issues(lang: Lang, file: &ParsedFile, issues: &[import::RowIssue]) {
    let name = file.path.display().to_string();
    for issue in issues.iter().take(SHOWN_ISSUES) {
        eprintln!("{}", issue.message(lang, &name));
    }
    if issues.len() > SHOWN_ISSUES {
        eprintln!(
            "{}",
            lang.tr_args(
                "import-more-issues",
                &[("count", (issues.len() - SHOWN_ISSUES).into())]
            )
        );
    }
}

pub(crate) fn print_reports(lang: Lang, reports: &[FileReport], json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(reports)?);
        return Ok(());
    }
    for r in reports {
        println!("{}", r.summary(lang));
        for note in r.notes(lang) {
            eprintln!("{note}");
        }
    }
    Ok(())
}
