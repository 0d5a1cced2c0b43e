//! Work that must not block a frame (SQL, file I/O, generating the sample
//! shop) runs on a thread of its own and reports through a channel, which the
//! app polls each frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::demo::DemoOptions;
use crate::import::mapping::{Preset, Target};
use crate::import::values::{LocaleDefaults, ScoreScale};
use crate::import::{self, FileError, FileReport, ParsedFile, ReadOptions};
use crate::store::backup::{self, BackupInfo};
use crate::store::open::{self, AppLock, OpenProblem};
use crate::store::overview::Overview;
use crate::store::settings::Settings;
use crate::store::targets::{self, TargetRow};
use crate::store::write::Counts;
use crate::store::{Kind, Store, batches, settings};

/// How the wizard wants a file read.
#[derive(Clone, Debug, Default)]
pub struct ReadChoice {
    pub kind: Option<Kind>,
    pub sheet: Option<String>,
    pub columns: Option<Vec<Option<Target>>>,
    pub preset: Option<String>,
    /// The scale of a csat file's scores.
    pub csat_scale: ScoreScale,
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
    /// Write the rows an import skipped to a CSV the user can fix.
    SaveSkipped {
        to: PathBuf,
        file: Box<ParsedFile>,
    },
    LoadTargets,
    /// Store edited targets as one batch named `label`.
    SaveTargets {
        label: String,
        rows: Vec<TargetRow>,
    },
    LoadSettings,
    SaveSettings(Box<Settings>),
    ListBackups,
    BackUpNow,
    Restore(Box<BackupInfo>),
}

impl Job {
    /// For a job that writes to the database: the event that says it failed
    /// for `reason`, so that whatever waits for it (a progress bar, the
    /// wizard) ends as it does on any failure. None for a job that only
    /// reads.
    pub fn refused(&self, reason: String) -> Option<Event> {
        match self {
            Job::Demo(_) => Some(Event::SampleReady(Err(reason))),
            Job::Store { .. } => Some(Event::Imported(Err(reason))),
            Job::Undo { .. } => Some(Event::Undone(Err(reason))),
            Job::SavePreset { .. } => Some(Event::PresetSaved(Err(reason))),
            Job::SaveTargets { .. } => Some(Event::TargetsSaved(Err(reason))),
            Job::SaveSettings(_) => Some(Event::SettingsSaved(Err(reason))),
            // Replaces the file under whoever has it open.
            Job::Restore(_) => Some(Event::Restored(Err(reason))),
            // A backup reads the database and writes beside it.
            Job::Load { .. }
            | Job::Inspect { .. }
            | Job::SaveSkipped { .. }
            | Job::LoadTargets
            | Job::LoadSettings
            | Job::ListBackups
            | Job::BackUpNow => None,
        }
    }
}

pub enum Event {
    Progress(f32),
    Loaded(Result<Overview, String>),
    Inspected(PathBuf, Result<Vec<ParsedFile>, FileError>),
    Imported(Result<Vec<FileReport>, String>),
    SampleReady(Result<(), String>),
    Undone(Result<(String, Counts), String>),
    PresetSaved(Result<String, String>),
    SkippedSaved(Result<PathBuf, String>),
    Targets(Result<Vec<TargetRow>, String>),
    TargetsSaved(Result<(), String>),
    Settings(Result<Settings, String>),
    SettingsSaved(Result<(), String>),
    /// The database cannot be opened: the recovery screen says why.
    OpenProblem(Box<OpenProblem>),
    Locked(AppLock),
    Backups(Result<Vec<BackupInfo>, String>),
    BackedUp(Result<Option<BackupInfo>, String>),
    Restored(Result<(), String>),
}

pub struct Tasks {
    db: PathBuf,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    running: usize,
    /// Opened read-only: the user chose so on the recovery screen.
    pub read_only: bool,
}

impl Tasks {
    pub fn new(db: PathBuf) -> Self {
        let (tx, rx) = channel();
        Tasks {
            db,
            tx,
            rx,
            running: 0,
            read_only: false,
        }
    }

    pub fn is_busy(&self) -> bool {
        self.running > 0
    }

    /// Starts `job` on its own thread. Every job ends by sending the
    /// overview again (so the Data tab shows what the job changed).
    pub fn spawn(&mut self, ctx: &egui::Context, job: Job) {
        self.running += 1;
        let tx = self.tx.clone();
        let db = self.db.clone();
        let ctx = ctx.clone();
        let read_only = self.read_only;
        std::thread::spawn(move || {
            let send = |e: Event| {
                let _ = tx.send(e);
                ctx.request_repaint();
            };
            // A restore replaces the file: no connection may be open on it.
            if let Job::Restore(info) = &job {
                let r = backup::restore(&db, info).map(|_| ());
                send(Event::Restored(r.map_err(|e| e.to_string())));
            }
            let opened = match (&job, read_only) {
                (_, true) => Store::open_read_only(&db).map_err(|e| {
                    let problem = open::Problem::of(&e);
                    Box::new(OpenProblem::new(&db, problem))
                }),
                (Job::Load { take_lock: true }, false) => {
                    open::open_checked(&db).map(|(store, lock)| {
                        if let Some(lock) = lock {
                            send(Event::Locked(lock));
                        }
                        store
                    })
                }
                _ => Store::open(&db).map_err(|e| {
                    let problem = open::Problem::of(&e);
                    Box::new(OpenProblem::new(&db, problem))
                }),
            };
            let mut store = match opened {
                Ok(s) => s,
                Err(problem) => {
                    let message = problem.message(crate::i18n::Lang::En);
                    send(Event::OpenProblem(problem));
                    send(Event::Loaded(Err(message)));
                    return;
                }
            };
            run(&mut store, job, &send);
            send(Event::Loaded(
                Overview::load(store.conn()).map_err(|e| e.to_string()),
            ));
        });
    }

    /// Events that arrived since the last frame.
    pub fn poll(&mut self) -> Vec<Event> {
        let events: Vec<Event> = self.rx.try_iter().collect();
        self.running -= events
            .iter()
            .filter(|e| matches!(e, Event::Loaded(_)))
            .count()
            .min(self.running);
        events
    }
}

fn run(store: &mut Store, job: Job, send: &dyn Fn(Event)) {
    match job {
        Job::Load { .. } => {}
        Job::Demo(opts) => {
            let r = crate::demo::fill(store, &opts, &mut |f| send(Event::Progress(f)));
            send(Event::SampleReady(
                r.map(|_| ()).map_err(|e| format!("{e:#}")),
            ));
        }
        Job::Inspect { path, choice } => {
            let settings = settings::load(store.conn()).unwrap_or_default();
            let preset = choice.preset.as_ref().and_then(|name| {
                let json = settings::load_preset(store.conn(), name).ok()??;
                serde_json::from_str(&json).ok()
            });
            let opts = ReadOptions {
                kind: choice.kind,
                sheet: choice.sheet,
                locale: LocaleDefaults::for_locale(&settings.locale),
                preset,
                columns: choice.columns,
                map: Vec::new(),
                check: true,
                // The wizard does not offer another scale yet.
                csat_scale: choice.csat_scale,
            };
            send(Event::Inspected(
                path.clone(),
                import::read_file(&path, &opts),
            ));
        }
        Job::Store { files, cancel } => {
            let r = import::store_files(store, &files, &mut |f| {
                send(Event::Progress(f));
                !cancel.load(Ordering::Relaxed)
            });
            send(Event::Imported(r.map_err(|e| e.to_string())));
        }
        Job::Undo { batch, file } => {
            let r = batches::undo(store.conn_mut(), batch);
            send(Event::Undone(
                r.map(|c| (file, c)).map_err(|e| e.to_string()),
            ));
        }
        Job::SavePreset { name, preset } => {
            let r = serde_json::to_string(&preset)
                .map_err(|e| e.to_string())
                .and_then(|json| {
                    settings::save_preset(store.conn(), &name, &json).map_err(|e| e.to_string())
                });
            send(Event::PresetSaved(r.map(|()| name)));
        }
        Job::SaveSkipped { to, file } => {
            let r = import::skipped_csv(&file)
                .and_then(|bytes| std::fs::write(&to, bytes).map_err(|e| e.to_string()));
            send(Event::SkippedSaved(r.map(|()| to)));
        }
        Job::LoadTargets => send(Event::Targets(
            targets::list(store.conn()).map_err(|e| e.to_string()),
        )),
        Job::SaveTargets { label, rows } => {
            let r = targets::set(store.conn_mut(), &label, &rows);
            send(Event::TargetsSaved(
                r.map(|_| ()).map_err(|e| e.to_string()),
            ));
        }
        Job::LoadSettings => send(Event::Settings(
            settings::load(store.conn()).map_err(|e| e.to_string()),
        )),
        Job::SaveSettings(s) => send(Event::SettingsSaved(
            settings::save(store.conn(), &s).map_err(|e| e.to_string()),
        )),
        Job::ListBackups => send(Event::Backups(
            backup::list(store.path()).map_err(|e| e.to_string()),
        )),
        Job::BackUpNow => {
            let db = store.path().to_path_buf();
            let r = backup::create(store.conn(), &db, backup::Reason::Manual);
            send(Event::BackedUp(r.map_err(|e| e.to_string())));
            send(Event::Backups(backup::list(&db).map_err(|e| e.to_string())));
        }
        // Done before the database is opened (see `spawn`).
        Job::Restore(_) => {}
    }
}
