//! The command line: one module per subcommand.

pub mod backup;
pub mod demo;
pub mod error;
pub mod explain;
pub mod export;
pub mod help;
pub mod import;
pub mod migrate;
pub mod records;
pub mod report;
pub mod restore;
pub mod scope;
pub mod undo;

use std::path::{Path, PathBuf};

use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};

use crate::i18n::Lang;
use crate::store::open::Problem;
use crate::store::{Store, StoreError};
pub use error::{CliError, CliResult};

#[derive(Debug, Parser)]
#[command(
    name = "laris",
    version,
    about = "Laris: see how your shop is selling, from the spreadsheets you already have.",
    long_about = "Laris: see how your shop is selling, from the spreadsheets you already have.\n\n\
        Run `laris` alone to open the app. Everything is kept in one database file on this \
        computer (by default in your data folder; choose another with --db).\n\n\
        Examples:\n  \
        laris                                  open the app\n  \
        laris --db toko.laris                  open the app on the file toko.laris\n  \
        laris import --db toko.laris orders.csv leads.csv\n  \
        laris demo --db contoh.laris           make a sample shop to look around"
)]
pub struct Cli {
    /// The database file to use (import, undo, report, records, explain and
    /// export also use a PostgreSQL server: postgres://user@host/dbname). Default (also for an empty
    /// --db=): laris.laris in your data folder (e.g. ~/.local/share/laris on
    /// Linux).
    #[arg(long, global = true, value_name = "FILE", value_parser = parse_db())]
    pub db: Option<PathBuf>,

    /// Language of messages: `en` (English) or `id` (Bahasa Indonesia).
    /// Default: the language of your system.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// Add Laris to your desktop's menu, with its icon, and let .laris files
    /// open in it by double-click (Linux; for you only, no root needed).
    #[arg(long, conflicts_with = "uninstall_desktop")]
    pub install_desktop: bool,

    /// Remove what --install-desktop added.
    #[arg(long)]
    pub uninstall_desktop: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add exports to the database: CSV and text files, and workbooks.
    /// Importing the same file again changes nothing; a newer export
    /// updates what changed.
    Import(import::ImportArgs),
    /// Fill a database with a made-up Indonesian shop (three years of orders,
    /// leads, deals, activities, targets, ...) to try Laris with.
    Demo(demo::DemoArgs),
    /// Every sales metric for a period, as a table or as JSON (--json).
    /// Example: laris report --db toko.laris --period month:2024-03
    Report(report::ReportArgs),
    /// The records behind a figure: the orders of revenue, the won and the
    /// closed deals of the win rate, ... (table, --json or --csv).
    /// Example: laris records --db toko.laris --metric revenue --period month:2024-03
    Records(records::RecordsArgs),
    /// What changed a figure against the comparison period, split by
    /// channel, product, rep, source or customer type, biggest first.
    /// Example: laris explain --db toko.laris --metric revenue --period month:2024-03 --by channel
    Explain(explain::ExplainArgs),
    /// The meeting report as a PDF (--pdf FILE) or every chart as a PNG
    /// picture (--png-dir DIR), for a period.
    /// Example: laris export --db toko.laris --period month:2024-03 --pdf rapat.pdf
    Export(export::ExportArgs),
    /// Back up the database now (Laris also does once a day, before the
    /// day's first import or undo). Prints where the backup is.
    Backup(backup::BackupArgs),
    /// List the backups of the database, or put one back in its place:
    /// laris restore --list | --latest | NUMBER | FILE
    Restore(restore::RestoreArgs),
    /// Copy a whole database between a file and a PostgreSQL server, either
    /// way, into an empty database.
    /// Example: laris migrate --from toko.laris --to postgres://sari@db.example.com/toko
    Migrate(migrate::MigrateArgs),
    /// List the imports, or undo one (its records removed, the records it
    /// changed put back), in a file or on a PostgreSQL server.
    /// Example: laris undo --db toko.laris 12
    Undo(undo::UndoArgs),
}

/// Like clap's path parser, but accepting an empty value, which the desktop
/// launcher's `--db=%f` gives when it opens the app without a file.
fn parse_db() -> impl TypedValueParser<Value = PathBuf> {
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language {s:?}: use en or id"))
}

impl Cli {
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_system)
    }

    /// The PostgreSQL server `--db` names, if it names one.
    pub fn server_url(&self) -> Option<String> {
        let db = self.db.as_ref()?.to_str()?;
        crate::store::pg::is_url(db).then(|| db.trim().to_string())
    }

    /// The database `--db` names: a server, else a file (the default in
    /// the data folder without `--db`).
    pub fn place(&self) -> anyhow::Result<crate::store::Place> {
        Ok(match self.server_url() {
            Some(url) => crate::store::Place::Server(url),
            None => crate::store::Place::File(self.db_path()?),
        })
    }

    /// The database path: `--db`, else the default in the data folder. A
    /// server is refused: only the commands that check
    /// [`Cli::server_url`] first can use one yet.
    pub fn db_path(&self) -> anyhow::Result<PathBuf> {
        if self.server_url().is_some() {
            anyhow::bail!(self.lang().tr("cli-server-not-yet"));
        }
        match &self.db {
            Some(p) if !p.as_os_str().is_empty() => Ok(p.clone()),
            _ => {
                let lang = self.lang();
                let path = crate::store::default_path()
                    .ok_or_else(|| anyhow::anyhow!(lang.tr("cli-no-data-folder")))?;
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        anyhow::anyhow!(lang.tr_args(
                            "cli-data-folder-failed",
                            &[
                                ("dir", dir.display().to_string().into()),
                                ("reason", lang.io_reason(&e).into()),
                            ],
                        ))
                    })?;
                }
                Ok(path)
            }
        }
    }
}

/// Runs a subcommand; [`CliError::exit_code`] gives the status of a failure.
pub fn run(cli: &Cli, command: &Command) -> CliResult {
    let done = match command {
        Command::Import(args) => import::run(cli, args),
        Command::Demo(args) => demo::run(cli, args),
        Command::Report(args) => report::run(cli, args),
        Command::Records(args) => records::run(cli, args),
        Command::Explain(args) => explain::run(cli, args),
        Command::Export(args) => export::run(cli, args),
        Command::Backup(args) => backup::run(cli, args),
        Command::Restore(args) => restore::run(cli, args),
        Command::Migrate(args) => migrate::run(cli, args),
        Command::Undo(args) => undo::run(cli, args),
    };
    // Our own errors say what happened in the user's language; only a
    // library's or the system's bare text is printed as it came.
    done.map_err(|e| match e {
        CliError::Internal(e) => match crate::export::error::in_language(&e, cli.lang()) {
            Some(text) => CliError::User(format!("laris: {text}")),
            None => CliError::Internal(e),
        },
        other => other,
    })
}

/// Opens the database to change it, after SQLite's quick check unless
/// Laris sealed the file today and nothing wrote it since (`store::seal`);
/// on a problem, says what to do.
pub(crate) fn open_for_writing(lang: Lang, db: &Path) -> CliResult<Store> {
    let sealed = crate::store::seal::holds(db);
    Store::open(db)
        .and_then(|s| {
            if sealed {
                Ok(s)
            } else {
                s.quick_check().map(|()| s)
            }
        })
        .map_err(|e| store_failure(lang, db, &e))
}

/// In plain words, why the database could not be used, and how to get it back.
pub(crate) fn store_failure(lang: Lang, db: &Path, e: &StoreError) -> CliError {
    let problem = Problem::of(e);
    let mut text = problem.message(lang, db);
    if problem.can_restore() && crate::store::backup::latest_good(db).is_some() {
        text = format!("{text}\n{}", lang.tr("open-restore-hint"));
    }
    CliError::User(text)
}

/// `backup` and `restore` are a file's: a server is backed up by whoever
/// runs it (docs/postgres.md), which the refusal says.
fn file_only_backups(cli: &Cli) -> CliResult {
    match cli.server_url() {
        Some(_) => Err(CliError::User(format!(
            "laris: {}",
            cli.lang().tr("cli-server-backup")
        ))),
        None => Ok(()),
    }
}
