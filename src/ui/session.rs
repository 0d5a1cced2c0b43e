//! The open database and the work on it: what a switch to another database
//! file replaces as a whole, apart from what is remembered between runs
//! (`Persisted`) and each tab's own state.

use std::path::PathBuf;

use super::figures::FiguresWorker;
use super::tasks::{Job, Tasks};
use crate::store::open::AppLock;
use crate::store::overview::Overview;

pub struct Session {
    pub db: PathBuf,
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
}

impl Session {
    /// Starts opening `db` (in the background: the lock, the checks, the
    /// overview, the figures).
    pub fn open(ctx: &egui::Context, db: PathBuf) -> Session {
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
        }
    }

    pub fn busy(&self) -> bool {
        self.tasks.is_busy()
    }

    pub fn has_data(&self) -> bool {
        self.overview.as_ref().is_some_and(|o| !o.is_empty())
    }
}
