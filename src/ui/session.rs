//! The open database and the work on it: what a switch to another database
//! file replaces as a whole, apart from what is remembered between runs
//! (`Persisted`) and each tab's own state.

use super::figures::FiguresWorker;
use super::tasks::{Job, Tasks};
use crate::store::Place;
use crate::store::open::AppLock;
use crate::store::overview::Overview;

pub struct Session {
    pub db: Place,
    /// The window's hold on its database (see `store::open::AppLock`).
    pub(super) lock: Option<AppLock>,
    pub tasks: Tasks,
    pub worker: FiguresWorker,
    /// `None` until the first load finishes.
    pub overview: Option<Overview>,
    /// The saved import mappings.
    pub presets: Vec<String>,
    /// The label and fraction of the running job, if one shows progress.
    pub progress: Option<(String, f32)>,
    /// The server's role may only read (a viewer): what would write is
    /// greyed out.
    pub viewer: bool,
    /// The server's password was typed in Settings: once it is known to
    /// work (the first load), it goes into the system's keyring.
    pub keep_password: bool,
}

impl Session {
    /// Starts opening `db` (in the background: the lock, the checks, the
    /// overview, the figures).
    pub fn open(ctx: &egui::Context, db: Place) -> Session {
        let mut tasks = Tasks::new(db.clone());
        tasks.spawn(ctx, Job::Load { take_lock: true });
        let worker = FiguresWorker::start(ctx, db.clone());
        Session {
            db,
            lock: None,
            tasks,
            worker,
            overview: None,
            presets: Vec::new(),
            progress: None,
            viewer: false,
            keep_password: false,
        }
    }

    pub fn busy(&self) -> bool {
        self.tasks.is_busy()
    }

    /// Whether imports, undo and saving may be offered.
    pub fn may_write(&self) -> bool {
        !self.tasks.read_only
    }

    /// Why nothing can be changed: the file was opened read-only, or the
    /// server's user only reads.
    pub fn read_only_id(&self) -> &'static str {
        if self.viewer {
            "read-only-viewer"
        } else {
            "read-only-refused"
        }
    }

    pub fn has_data(&self) -> bool {
        self.overview.as_ref().is_some_and(|o| !o.is_empty())
    }
}
