//! Work that must not block a frame (SQL, file I/O, generating the sample
//! shop) runs on a thread of its own and reports through a channel, which the
//! app polls each frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::demo::DemoOptions;
use crate::import::{self, FileError, FileReport, ParsedFile, RowIssue};
use crate::store::overview::Overview;
use crate::store::write::Counts;
use crate::store::{Store, batches};

pub enum Job {
    Load,
    Demo(DemoOptions),
    Import(Vec<PathBuf>),
    Undo { batch: i64, file: String },
}

/// Why an import stored nothing.
pub enum ImportProblem {
    File(FileError),
    /// Rows with errors: nothing is written until they are fixed.
    Rows {
        file: String,
        rows: u64,
        first: RowIssue,
    },
    Failed(String),
}

pub enum Event {
    Progress(f32),
    Loaded(Result<Overview, String>),
    Imported(Vec<FileReport>, Vec<ImportProblem>),
    SampleReady(Result<(), String>),
    Undone(Result<(String, Counts), String>),
}

pub struct Tasks {
    db: PathBuf,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    running: usize,
}

impl Tasks {
    pub fn new(db: PathBuf) -> Self {
        let (tx, rx) = channel();
        Tasks {
            db,
            tx,
            rx,
            running: 0,
        }
    }

    pub fn is_busy(&self) -> bool {
        self.running > 0
    }

    /// Starts `job` on its own thread. Every job that writes ends by loading
    /// the overview again.
    pub fn spawn(&mut self, ctx: &egui::Context, job: Job) {
        self.running += 1;
        let tx = self.tx.clone();
        let db = self.db.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let send = |e: Event| {
                let _ = tx.send(e);
                ctx.request_repaint();
            };
            let result = Store::open(&db).map_err(|e| e.to_string());
            let mut store = match result {
                Ok(s) => s,
                Err(e) => {
                    send(Event::Loaded(Err(e)));
                    return;
                }
            };
            match job {
                Job::Load => {}
                Job::Demo(opts) => {
                    let r = crate::cli::demo::fill(&mut store, &opts, &mut |f| {
                        send(Event::Progress(f))
                    });
                    send(Event::SampleReady(
                        r.map(|_| ()).map_err(|e| format!("{e:#}")),
                    ));
                }
                Job::Import(paths) => {
                    let (reports, problems) =
                        import_paths(&mut store, &paths, &mut |f| send(Event::Progress(f)));
                    send(Event::Imported(reports, problems));
                }
                Job::Undo { batch, file } => {
                    let r = batches::undo(store.conn_mut(), batch);
                    send(Event::Undone(
                        r.map(|c| (file, c)).map_err(|e| e.to_string()),
                    ));
                }
            }
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

/// Reads every file, then stores those without row errors. A file with row
/// errors is not stored (the wizard that lets the user skip them comes with
/// the importer for real-world exports).
fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    progress: &mut dyn FnMut(f32),
) -> (Vec<FileReport>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let mut good: Vec<ParsedFile> = Vec::new();
    for path in paths {
        match import::read_file(path, &import::ReadOptions::default()) {
            Err(e) => problems.push(ImportProblem::File(e)),
            Ok(files) => match files.iter().find_map(|f| f.errors.first().map(|e| (f, e))) {
                Some((file, first)) => problems.push(ImportProblem::Rows {
                    file: file.file_name(),
                    rows: files.iter().map(ParsedFile::errors_rows).sum(),
                    first: first.clone(),
                }),
                None => good.extend(files),
            },
        }
    }
    let reports = if good.is_empty() {
        Vec::new()
    } else {
        match import::store_files(store, &good, progress) {
            Ok(r) => r,
            Err(e) => {
                problems.push(ImportProblem::Failed(e.to_string()));
                Vec::new()
            }
        }
    };
    (reports, problems)
}
