//! Work that must not block a frame (SQL, file I/O, generating the sample
//! shop, a native file dialog, an export) runs on a thread of its own and
//! reports through one channel, which the app polls each frame. The runner
//! itself ends every job with [`Event::Finished`], so that no job can leave
//! the app busy, and lets only one file dialog be open at a time.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::error::AppError;
use super::exports::{self, Export};
use super::file_dialog::{Ask, Asker, Dialogs};
use crate::demo::DemoOptions;
use crate::i18n::Lang;
use crate::import::mapping::{Preset, Target};
use crate::import::values::{LocaleDefaults, ScoreScale};
use crate::import::{self, FileError, FileReport, ParsedFile, ReadOptions};
use crate::store::backup::{self, BackupInfo};
use crate::store::database::{Probe, probe};
use crate::store::open::{self, AppLock, OpenProblem};
use crate::store::overview::Overview;
use crate::store::pg::PgError;
use crate::store::products::{self, TypedCost};
use crate::store::settings::Settings;
use crate::store::targets::{self, TargetRow};
use crate::store::transfer::migrate;
use crate::store::write::Counts;
use crate::store::{Database, Kind, Place, Store, settings};

/// How the wizard wants a file read.
#[derive(Clone, Debug, Default)]
pub struct ReadChoice {
    pub kind: Option<Kind>,
    pub sheet: Option<String>,
    pub columns: Option<Vec<Option<Target>>>,
    pub preset: Option<String>,
    /// The scale of a csat file's scores.
    pub csat_scale: ScoreScale,
    /// Fields the user gave a column for where none was found (field name,
    /// column header).
    pub map: Vec<(String, String)>,
}

pub enum Job {
    /// Open (taking the window's lock when asked) and check the database.
    Load {
        take_lock: bool,
    },
    Demo(DemoOptions),
    /// Read a file for the wizard, writing nothing.
    Inspect {
        path: PathBuf,
        choice: ReadChoice,
    },
    /// Store what the wizard showed; the flag cancels.
    Store {
        files: Vec<ParsedFile>,
        cancel: Arc<AtomicBool>,
    },
    Undo {
        batch: i64,
        file: String,
    },
    SavePreset {
        name: String,
        preset: Preset,
    },
    LoadTargets,
    /// Store edited targets as one batch named `label`.
    SaveTargets {
        label: String,
        rows: Vec<TargetRow>,
    },
    /// Store cost prices typed on the Performance tab as one batch named
    /// `label`.
    SaveCosts {
        label: String,
        costs: Vec<TypedCost>,
    },
    LoadSettings,
    SaveSettings(Box<Settings>),
    ListBackups,
    BackUpNow,
    Restore(Box<BackupInfo>),
    /// The file dialog for files to import (`filter` names them).
    PickFiles {
        filter: String,
    },
    /// The file dialog for a database: an existing one, or a `new` one
    /// suggested as `name`.
    PickDatabase {
        new: bool,
        filter: String,
        name: String,
    },
    /// Ask where to save the rows an import skipped, suggesting `name`, and
    /// write them there as a CSV the user can fix.
    SaveSkipped {
        name: String,
        file: Box<ParsedFile>,
    },
    /// Connect to a team's server and say what it holds.
    TestServer {
        url: String,
    },
    /// Keep the password in `url` in the system's keyring.
    KeepPassword {
        url: String,
    },
    /// Copy the open file into the (empty) server at `url`.
    CopyToServer {
        url: String,
    },
    /// Draw and write an export (asking where, for most).
    Export {
        what: Export,
        lang: Lang,
        today: chrono::NaiveDate,
    },
}

impl Job {
    /// For a job that writes to the database: the event that says it was
    /// refused (the database is open read-only), so that whatever waits for
    /// it (a progress bar, the wizard) ends as it does on any failure. None
    /// for a job that only reads.
    pub fn refused(&self) -> Option<Event> {
        let reason = AppError::ReadOnly;
        match self {
            Job::Demo(_) => Some(Event::SampleReady(Err(reason))),
            // Reads the file; the server's own role decides there.
            Job::CopyToServer { .. } => None,
            Job::Store { .. } => Some(Event::Imported(Err(reason))),
            Job::Undo { .. } => Some(Event::Undone(Err(reason))),
            Job::SavePreset { .. } => Some(Event::PresetSaved(Err(reason))),
            Job::SaveTargets { .. } => Some(Event::TargetsSaved(Err(reason))),
            Job::SaveCosts { .. } => Some(Event::CostsSaved(Err(reason))),
            Job::SaveSettings(_) => Some(Event::SettingsSaved(Err(reason))),
            // Replaces the file under whoever has it open.
            Job::Restore(_) => Some(Event::Restored(Err(reason))),
            // A backup reads the database and writes beside it.
            Job::Load { .. }
            | Job::Inspect { .. }
            | Job::LoadTargets
            | Job::LoadSettings
            | Job::ListBackups
            | Job::BackUpNow
            | Job::PickFiles { .. }
            | Job::PickDatabase { .. }
            | Job::SaveSkipped { .. }
            | Job::TestServer { .. }
            | Job::KeepPassword { .. }
            | Job::Export { .. } => None,
        }
    }

    /// Whether the job opens a native file dialog, of which one at a time
    /// may be open.
    pub fn asks(&self) -> bool {
        match self {
            Job::PickFiles { .. } | Job::PickDatabase { .. } | Job::SaveSkipped { .. } => true,
            Job::Export { what, .. } => what.asks(),
            _ => false,
        }
    }

    /// Whether the job works in the database: it makes the app busy, and the
    /// overview is sent again after it (so the Data tab shows what it
    /// changed). Dialogs and exports do neither: the window stays usable
    /// while they run, as a native dialog expects.
    fn in_database(&self) -> bool {
        !matches!(
            self,
            Job::PickFiles { .. }
                | Job::PickDatabase { .. }
                | Job::SaveSkipped { .. }
                | Job::TestServer { .. }
                | Job::KeepPassword { .. }
                | Job::Export { .. }
        )
    }
}

pub enum Event {
    Progress(f32),
    /// The overview of the database, sent after every job in it.
    Loaded(Result<Overview, AppError>),
    Inspected(PathBuf, Result<Vec<ParsedFile>, FileError>),
    Imported(Result<Vec<FileReport>, AppError>),
    SampleReady(Result<(), AppError>),
    Undone(Result<(String, Counts), AppError>),
    PresetSaved(Result<String, AppError>),
    SkippedSaved(Result<PathBuf, AppError>),
    Targets(Result<Vec<TargetRow>, AppError>),
    TargetsSaved(Result<(), AppError>),
    /// How many products' costs were stored.
    CostsSaved(Result<u64, AppError>),
    Settings(Result<Settings, AppError>),
    SettingsSaved(Result<(), AppError>),
    /// The database cannot be opened: the recovery screen says why.
    OpenProblem(Box<OpenProblem>),
    /// Whether the server's role may only read (sent on its first load).
    Role {
        read_only: bool,
    },
    Locked(AppLock),
    Backups(Result<Vec<BackupInfo>, AppError>),
    BackedUp(Result<Option<BackupInfo>, AppError>),
    Restored(Result<(), AppError>),
    /// The files chosen to import (none when the dialog was cancelled).
    Picked(Vec<PathBuf>),
    /// The database file chosen (or named) in the dialog.
    DatabaseChosen(PathBuf),
    /// What the server holds, or why it cannot be reached.
    ServerTested(String, Result<Probe, AppError>),
    /// Whether the password went into the keyring (the keyring's words).
    PasswordKept(Result<(), super::keyring::NotKept>),
    /// The file was copied into the server at the url: the rows copied.
    CopiedToServer(String, Result<u64, AppError>),
    /// An export's notice (None when the user cancelled its dialog).
    Exported(Result<Option<String>, AppError>),
    /// A job asks for a file and the system has no dialog: the window shows
    /// its own file browser, opened at the folder, and answers through the
    /// sender.
    AskInApp(super::file_dialog::Ask, PathBuf, super::file_dialog::Reply),
    /// A file dialog was answered with a file in this folder.
    FolderUsed(PathBuf),
    /// Sent by the runner when a job's own work is over, however it ended
    /// (before the overview that follows a job in the database).
    Finished(Finished),
}

/// What a finished job held: the app's busy count, the dialog guard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finished {
    in_database: bool,
    asked: bool,
}

/// Sends [`Event::Finished`] once: when the job says so, or when it is
/// dropped, so that a job that returns early, or panics, still ends.
struct FinishGuard {
    tx: Sender<Event>,
    ctx: egui::Context,
    finished: Finished,
    sent: bool,
}

impl FinishGuard {
    fn finish(&mut self) {
        if !self.sent {
            self.sent = true;
            let _ = self.tx.send(Event::Finished(self.finished));
            self.ctx.request_repaint();
        }
    }
}

impl Drop for FinishGuard {
    fn drop(&mut self) {
        self.finish();
    }
}

pub struct Tasks {
    db: Place,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    /// Jobs in the database not yet finished.
    running: usize,
    /// A native file dialog is open (ruffle's picker keeps one too): a second
    /// one would stack on it, and its answer would race the first.
    dialog_open: bool,
    /// Opened read-only: the user chose so on the recovery screen.
    pub read_only: bool,
    /// How jobs ask for files.
    pub dialogs: Dialogs,
}

impl Tasks {
    pub fn new(db: Place) -> Self {
        let (tx, rx) = channel();
        Tasks {
            db,
            tx,
            rx,
            running: 0,
            dialog_open: false,
            read_only: false,
            dialogs: Dialogs::default(),
        }
    }

    pub fn is_busy(&self) -> bool {
        self.running > 0
    }

    /// A file dialog is open.
    pub fn is_asking(&self) -> bool {
        self.dialog_open
    }

    /// Starts `job` on its own thread; false (and nothing started) when it
    /// would open a file dialog while one is open.
    pub fn spawn(&mut self, ctx: &egui::Context, job: Job) -> bool {
        let finished = Finished {
            in_database: job.in_database(),
            asked: job.asks(),
        };
        if finished.asked {
            if self.dialog_open {
                return false;
            }
            self.dialog_open = true;
        }
        if finished.in_database {
            self.running += 1;
        }
        let tx = self.tx.clone();
        let db = self.db.clone();
        let ctx = ctx.clone();
        let read_only = self.read_only;
        let dialogs = self.dialogs.clone();
        std::thread::spawn(move || {
            let mut finish = FinishGuard {
                tx: tx.clone(),
                ctx: ctx.clone(),
                finished,
                sent: false,
            };
            let send = |e: Event| {
                let _ = tx.send(e);
                ctx.request_repaint();
            };
            if !finished.in_database {
                outside(&db, job, &send, dialogs);
                return;
            }
            // A restore replaces the file: no connection may be open on it.
            if let (Job::Restore(info), Place::File(path)) = (&job, &db) {
                let r = backup::restore(path, info).map(|_| ());
                send(Event::Restored(r.map_err(AppError::from)));
            }
            let mut opened = match open(&db, &job, read_only, &send) {
                Ok(opened) => opened,
                Err(e) => {
                    finish.finish();
                    // The recovery screen says why; no overview follows,
                    // which, arriving after the user chose to open the
                    // file read-only, would replace that screen.
                    send(match e {
                        AppError::Open(problem) => Event::OpenProblem(problem),
                        e => Event::Loaded(Err(e)),
                    });
                    return;
                }
            };
            run(&mut opened, job, &send);
            // Before the overview: a screen that appears with the overview
            // (the welcome screen after the first load) must not show its
            // buttons disabled for a frame, as the app still seems busy.
            finish.finish();
            send(Event::Loaded(opened.overview().map_err(AppError::from)));
        });
        true
    }

    /// Events that arrived since the last frame. A job's `Finished` is
    /// counted here and passed on too.
    pub fn poll(&mut self) -> Vec<Event> {
        let events: Vec<Event> = self.rx.try_iter().collect();
        for e in &events {
            if let Event::Finished(f) = e {
                if f.in_database {
                    self.running = self.running.saturating_sub(1);
                }
                if f.asked {
                    self.dialog_open = false;
                }
            }
        }
        events
    }
}

/// The jobs that do not open the database.
fn outside(db: &Place, job: Job, send: &dyn Fn(Event), dialogs: Dialogs) {
    let asker = Asker { send, dialogs };
    match job {
        Job::PickFiles { filter } => {
            let paths = asker.ask(Ask::Open {
                multiple: true,
                filter,
                extensions: vec!["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods", "laris"],
            });
            send(Event::Picked(paths.unwrap_or_default()));
        }
        Job::PickDatabase { new, filter, name } => {
            let extensions = vec!["laris"];
            let ask = if new {
                Ask::Save {
                    name,
                    filter,
                    extensions,
                }
            } else {
                Ask::Open {
                    multiple: false,
                    filter,
                    extensions,
                }
            };
            if let Some(file) = asker.ask(ask).and_then(|f| f.into_iter().next()) {
                send(Event::DatabaseChosen(file));
            }
        }
        Job::SaveSkipped { name, file } => {
            if let Some(to) = asker.save(&name, "CSV", &["csv"]) {
                let r = import::skipped_csv(&file)
                    .and_then(|bytes| std::fs::write(&to, bytes).map_err(|e| e.to_string()));
                send(Event::SkippedSaved(r.map(|()| to).map_err(AppError::Other)));
            }
        }
        Job::TestServer { url } => {
            send(Event::ServerTested(
                url.clone(),
                probe(&url).map_err(AppError::from),
            ));
        }
        Job::KeepPassword { url } => send(Event::PasswordKept(super::keyring::save(&url))),
        Job::Export { what, lang, today } => {
            let r = exports::run(lang, what, today, db, &asker);
            send(Event::Exported(
                r.map_err(|e| AppError::in_language(e, lang)),
            ));
        }
        _ => {}
    }
}

/// Opens the database for `job`: a file as the window may (read-only when
/// the user chose so, taking the window's lock on the first load), a
/// server as its role may (a viewer's is said on the first load).
fn open(
    db: &Place,
    job: &Job,
    read_only: bool,
    send: &dyn Fn(Event),
) -> Result<Database, AppError> {
    let path = match db {
        Place::Server(_) => {
            let mut opened = Database::open(db)?;
            if let Job::Load { .. } = job {
                send(Event::Role {
                    read_only: opened.read_only()?,
                });
            }
            return Ok(opened);
        }
        Place::File(path) => path,
    };
    let problem = |e: crate::store::StoreError| {
        AppError::Open(Box::new(OpenProblem::new(path, open::Problem::of(&e))))
    };
    let store = match (job, read_only) {
        (_, true) => Store::open_read_only(path).map_err(problem)?,
        (Job::Load { take_lock: true }, false) => {
            let (store, lock) = open::open_checked(path).map_err(AppError::Open)?;
            if let Some(lock) = lock {
                send(Event::Locked(lock));
            }
            store
        }
        _ => Store::open(path).map_err(problem)?,
    };
    Ok(Database::File(store))
}

fn run(db: &mut Database, job: Job, send: &dyn Fn(Event)) {
    match job {
        Job::Load { .. } => {}
        Job::Demo(opts) => {
            let r = crate::demo::fill_database(db, &opts, &mut |f| send(Event::Progress(f)));
            send(Event::SampleReady(
                r.map(|_| ()).map_err(AppError::from_anyhow),
            ));
        }
        Job::Inspect { path, choice } => {
            let name = choice.preset.clone();
            let (settings, preset) = db
                .read(&[], |conn| {
                    let preset = match &name {
                        Some(name) => settings::load_preset(conn, name)?,
                        None => None,
                    };
                    Ok((settings::load(conn)?, preset))
                })
                .unwrap_or_default();
            let preset = preset.and_then(|json| serde_json::from_str(&json).ok());
            let opts = ReadOptions {
                kind: choice.kind,
                sheet: choice.sheet,
                locale: LocaleDefaults::for_locale(&settings.locale),
                preset,
                columns: choice.columns,
                map: choice.map,
                check: true,
                // The wizard does not offer another scale yet.
                csat_scale: choice.csat_scale,
            };
            let read = match db {
                Database::File(store) => import::laris_file::refuse_itself(&path, store.path()),
                Database::Server(_) => Ok(()),
            }
            .and_then(|()| import::read_file(&path, &opts));
            send(Event::Inspected(path.clone(), read));
        }
        Job::Store { files, cancel } => {
            let r = db.import(&files, &mut |f| {
                send(Event::Progress(f));
                !cancel.load(Ordering::Relaxed)
            });
            send(Event::Imported(r.map_err(AppError::from)));
        }
        Job::Undo { batch, file } => {
            let r = db.undo(batch);
            send(Event::Undone(r.map(|c| (file, c)).map_err(AppError::from)));
        }
        Job::SavePreset { name, preset } => {
            let r = serde_json::to_string(&preset)
                .map_err(|e| AppError::Other(e.to_string()))
                .and_then(|json| {
                    db.change(&[], |conn| settings::save_preset(conn, &name, &json))
                        .map_err(AppError::from)
                });
            send(Event::PresetSaved(r.map(|()| name)));
        }
        Job::LoadTargets => send(Event::Targets(
            db.read(&[Kind::Targets], targets::list)
                .map_err(AppError::from),
        )),
        Job::SaveTargets { label, rows } => {
            let r = db.change(&[Kind::Targets], |conn| targets::set(conn, &label, &rows));
            send(Event::TargetsSaved(r.map(|_| ()).map_err(AppError::from)));
        }
        Job::SaveCosts { label, costs } => {
            let r = db.change(&[Kind::Products], |conn| {
                products::save_costs(conn, &label, &costs)
            });
            send(Event::CostsSaved(
                r.map(|c| c.added + c.updated + c.unchanged)
                    .map_err(AppError::from),
            ));
        }
        Job::LoadSettings => send(Event::Settings(db.settings().map_err(AppError::from))),
        Job::SaveSettings(s) => send(Event::SettingsSaved(
            db.change(&[], |conn| settings::save(conn, &s))
                .map_err(AppError::from),
        )),
        Job::ListBackups => send(Event::Backups(match db {
            Database::File(store) => backup::list(store.path()).map_err(AppError::from),
            // A server's backups are its administrator's (docs/postgres.md).
            Database::Server(_) => Ok(Vec::new()),
        })),
        Job::BackUpNow => {
            if let Database::File(store) = db {
                let path = store.path().to_path_buf();
                let r = backup::create(store.conn(), &path, backup::Reason::Manual);
                send(Event::BackedUp(r.map_err(AppError::from)));
                send(Event::Backups(backup::list(&path).map_err(AppError::from)));
            }
        }
        Job::CopyToServer { url } => {
            let r = copy_to_server(db, &url, send);
            send(Event::CopiedToServer(url, r));
        }
        // Done before the database is opened (see `spawn`).
        Job::Restore(_) => {}
        // Run by `outside`.
        Job::PickFiles { .. }
        | Job::PickDatabase { .. }
        | Job::SaveSkipped { .. }
        | Job::TestServer { .. }
        | Job::KeepPassword { .. }
        | Job::Export { .. } => {}
    }
}

/// `laris migrate` from the open file to the server, its progress the
/// share of the file's records copied.
fn copy_to_server(db: &mut Database, url: &str, send: &dyn Fn(Event)) -> Result<u64, AppError> {
    let records: u64 = db.kinds()?.iter().map(|k| k.count).sum();
    let Database::File(store) = db else {
        return Err(AppError::Server(PgError::SameKind));
    };
    let from = Place::File(store.path().to_path_buf());
    let mut done = 0u64;
    let mut table_rows = 0u64;
    let copied = migrate(&from, &Place::Server(url.to_string()), &mut |c| {
        // Rows of a table come as running counts, then once more when done.
        done += c.rows.saturating_sub(table_rows);
        table_rows = if c.done { 0 } else { c.rows };
        send(Event::Progress(
            (done as f32 / records.max(1) as f32).min(1.0),
        ));
    })?;
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Waits (at most ten seconds) until the runner says every job is over
    /// and each has sent the overview that follows it (or, for a database
    /// that cannot be opened, the problem).
    fn drain(tasks: &mut Tasks) -> Vec<Event> {
        let mut events = Vec::new();
        let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let count =
            |events: &[Event], f: fn(&Event) -> bool| events.iter().filter(|e| f(e)).count();
        while std::time::Instant::now() < until {
            events.extend(tasks.poll());
            let loaded = count(&events, |e| {
                matches!(e, Event::Loaded(_) | Event::OpenProblem(_))
            });
            let finished = count(&events, |e| matches!(e, Event::Finished(_)));
            if !tasks.is_busy() && loaded == finished {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        events
    }

    /// A job whose database cannot be opened sends no result of its own, and
    /// still ends: the app is not left busy.
    #[test]
    fn a_failing_job_still_ends_busy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("not-a-db.laris");
        std::fs::write(&db, b"this is not SQLite, just text long enough to look at")
            .expect("write");
        let mut tasks = Tasks::new(Place::File(db));
        let ctx = egui::Context::default();
        assert!(tasks.spawn(&ctx, Job::LoadTargets));
        assert!(tasks.is_busy());
        let events = drain(&mut tasks);
        assert!(!tasks.is_busy(), "the failing job left the app busy");
        assert!(events.iter().any(|e| matches!(e, Event::OpenProblem(_))));
        let finished = events
            .iter()
            .filter(|e| matches!(e, Event::Finished(_)))
            .count();
        assert_eq!(finished, 1);
    }

    /// Every job in the database ends with one `Finished`, then the
    /// overview, whatever it sent before.
    #[test]
    fn every_job_ends_with_finished_then_the_overview() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut tasks = Tasks::new(Place::File(dir.path().join("t.laris")));
        let ctx = egui::Context::default();
        // One at a time: the events of two jobs interleave.
        for job in [Job::LoadSettings, Job::ListBackups] {
            tasks.spawn(&ctx, job);
            let events = drain(&mut tasks);
            assert!(!tasks.is_busy());
            let n = events.len();
            assert!(n >= 3, "a result, Finished and the overview");
            assert!(matches!(events[n - 2], Event::Finished(_)));
            assert!(matches!(events[n - 1], Event::Loaded(Ok(_))));
        }
    }

    /// One dialog at a time: a second is refused until the first is over.
    #[test]
    fn a_second_dialog_is_refused_while_one_is_open() {
        let mut tasks = Tasks::new(Place::File(PathBuf::from("unused.laris")));
        // As if a dialog were open (a real one cannot open in a test).
        tasks.dialog_open = true;
        let ctx = egui::Context::default();
        let pick = Job::PickFiles {
            filter: String::new(),
        };
        assert!(!tasks.spawn(&ctx, pick));
        tasks
            .tx
            .send(Event::Finished(Finished {
                in_database: false,
                asked: true,
            }))
            .expect("send");
        tasks.poll();
        assert!(!tasks.is_asking());
    }
}
