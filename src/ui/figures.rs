//! The dashboard's figures ([`crate::metrics::figures`]), computed on a thread of their own that keeps the
//! loaded dataset in memory: loading is the slow part (about a second for a
//! million orders), a period is tens of milliseconds. The app asks for a
//! period and polls for results; results are cached per period, comparison
//! and filters until the data changes.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};

use super::error::AppError;
use crate::metrics::Dataset;
use crate::metrics::dataset::Present;
use crate::metrics::figures::{DataFacts, Figures, Query, Sparks, compute, sparks};
use crate::store::{Database, Place, Store};

enum Request {
    Reload,
    Compute(Query),
}

enum Reply {
    Loaded(Result<(DataFacts, Arc<Dataset>), AppError>),
    /// The server's data changed (another computer's import, or this
    /// one's): the data is being read again.
    Changed,
    Figures(Query, Arc<Figures>),
    Sparks(Query, Arc<Sparks>),
}

/// Results kept; a period bar clicked back and forth hits the cache.
const CACHE_SIZE: usize = 48;

/// The app's handle on the figures thread.
pub struct FiguresWorker {
    tx: Sender<Request>,
    rx: Receiver<Reply>,
    figures: HashMap<Query, Arc<Figures>>,
    sparks: HashMap<Query, Arc<Sparks>>,
    /// What the loaded data holds; why it could not be read.
    pub facts: Option<Result<DataFacts, AppError>>,
    /// The loaded data, shared with the thread, for the records behind a
    /// figure and its bridge (computed on threads of their own).
    pub dataset: Option<Arc<Dataset>>,
    /// The query asked for and not yet answered.
    waiting: Option<Query>,
    /// The server's data changed since the last look (taken by the app).
    pub changed: bool,
}

impl FiguresWorker {
    /// Which kinds of records the data has; none known yet reads as none.
    pub fn present(&self) -> Present {
        self.facts
            .as_ref()
            .and_then(|f| f.as_ref().ok())
            .map(|f| f.present)
            .unwrap_or_default()
    }

    pub fn start(ctx: &egui::Context, db: Place) -> FiguresWorker {
        let (tx, requests) = channel();
        let (replies, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || serve(&db, &requests, &replies, &ctx));
        let mut worker = FiguresWorker {
            tx,
            rx,
            figures: HashMap::new(),
            sparks: HashMap::new(),
            facts: None,
            dataset: None,
            waiting: None,
            changed: false,
        };
        worker.reload();
        worker
    }

    /// The data changed: forget every result and load again. Forgotten at
    /// once, not when the new data arrives: until then a query asked again
    /// would get the figures of the old data back and keep them on screen.
    pub fn reload(&mut self) {
        self.forget();
        self.waiting = None;
        let _ = self.tx.send(Request::Reload);
    }

    fn forget(&mut self) {
        self.figures.clear();
        self.sparks.clear();
    }

    /// Takes what the thread has finished.
    pub fn poll(&mut self) {
        while let Ok(reply) = self.rx.try_recv() {
            match reply {
                Reply::Loaded(loaded) => {
                    self.forget();
                    self.dataset = loaded.as_ref().ok().map(|(_, ds)| ds.clone());
                    self.facts = Some(loaded.map(|(facts, _)| facts));
                    // Whatever was shown must be asked for again.
                    self.waiting = None;
                }
                Reply::Changed => {
                    self.changed = true;
                    self.forget();
                    self.waiting = None;
                }
                Reply::Figures(q, f) => {
                    if self.waiting.as_ref() == Some(&q) {
                        self.waiting = None;
                    }
                    if self.figures.len() >= CACHE_SIZE {
                        self.figures.clear();
                    }
                    self.figures.insert(q, f);
                }
                Reply::Sparks(q, s) => {
                    if self.sparks.len() >= CACHE_SIZE {
                        self.sparks.clear();
                    }
                    self.sparks.insert(q, s);
                }
            }
        }
    }

    /// The figures of `q` if they are ready; else asks for them (once).
    pub fn figures(&mut self, q: &Query) -> Option<Arc<Figures>> {
        if let Some(f) = self.figures.get(q) {
            return Some(f.clone());
        }
        if self.facts.as_ref().is_some_and(Result::is_ok) && self.waiting.as_ref() != Some(q) {
            self.waiting = Some(q.clone());
            let _ = self.tx.send(Request::Compute(q.clone()));
        }
        None
    }

    pub fn sparks(&self, q: &Query) -> Option<Arc<Sparks>> {
        self.sparks.get(q).cloned()
    }

    /// Whether a result is being computed.
    pub fn busy(&self) -> bool {
        self.waiting.is_some() || self.facts.is_none()
    }
}

/// The thread: loads the dataset, then answers queries, always the newest
/// one first (a user clicking through periods skips the ones in between).
fn serve(db: &Place, requests: &Receiver<Request>, replies: &Sender<Reply>, ctx: &egui::Context) {
    let send = |r: Reply| {
        let ok = replies.send(r).is_ok();
        ctx.request_repaint();
        ok
    };
    let mut dataset: Option<Arc<Dataset>> = None;
    // The sparklines of the last query, computed beside the next query's
    // figures; a newer query stops them.
    let mut sparks_cancel = Arc::new(AtomicBool::new(false));
    // A server's data revision, looked at while no query waits: another
    // computer's import shows without the user asking.
    let mut watch = Watch::default();
    loop {
        let request = match db {
            Place::File(_) => requests.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Place::Server(_) => requests.recv_timeout(WATCH_EVERY),
        };
        let request = match request {
            Ok(r) => r,
            Err(RecvTimeoutError::Timeout) => {
                if watch.changed(db) {
                    if !send(Reply::Changed) {
                        return;
                    }
                    Request::Reload
                } else {
                    continue;
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // Drain what queued up: a reload wins, else the latest query.
        let mut reload = matches!(request, Request::Reload);
        let mut query = match request {
            Request::Compute(q) => Some(q),
            Request::Reload => None,
        };
        loop {
            match requests.try_recv() {
                Ok(Request::Reload) => reload = true,
                Ok(Request::Compute(q)) => query = Some(q),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        if reload {
            watch.seen(db);
            let loaded = match db {
                Place::File(path) => Store::open(path)
                    .map_err(AppError::from)
                    .and_then(|s| Dataset::load(s.conn()).map_err(AppError::from_anyhow)),
                Place::Server(url) => Dataset::load_server(url).map_err(AppError::from),
            };
            let facts = loaded.map(|ds| {
                let ds = Arc::new(ds);
                (DataFacts::of(&ds), ds)
            });
            dataset = facts.as_ref().ok().map(|(_, ds)| ds.clone());
            if !send(Reply::Loaded(facts)) {
                return;
            }
            // Queries asked before the reload are asked again by the app.
            continue;
        }
        let (Some(ds), Some(q)) = (dataset.clone(), query) else {
            continue;
        };
        sparks_cancel.store(true, Ordering::Relaxed);
        let figures = Arc::new(compute(&ds, &q));
        if !send(Reply::Figures(q.clone(), figures)) {
            return;
        }
        sparks_cancel = Arc::new(AtomicBool::new(false));
        let (ds, cancel, replies, ctx) = (
            ds.clone(),
            sparks_cancel.clone(),
            replies.clone(),
            ctx.clone(),
        );
        std::thread::spawn(move || {
            if let Some(s) = sparks(&ds, &q, &cancel) {
                let _ = replies.send(Reply::Sparks(q, Arc::new(s)));
                ctx.request_repaint();
            }
        });
    }
}

/// How often a server is asked whether its data changed.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// A connection to the server kept to read its data revision, and the
/// revision the loaded data has (at most: it is read before the data).
#[derive(Default)]
struct Watch {
    db: Option<Database>,
    seen: Option<Vec<u8>>,
}

impl Watch {
    fn revision(&mut self, place: &Place) -> Option<Vec<u8>> {
        if self.db.is_none() {
            self.db = Database::open_to_read(place).ok();
        }
        let revision = self.db.as_mut()?.revision();
        // A lost connection is opened again next time.
        if revision.is_err() {
            self.db = None;
        }
        revision.ok()
    }

    /// Before a load: its data is at least this revision.
    fn seen(&mut self, place: &Place) {
        if place.is_server() {
            self.seen = self.revision(place);
        }
    }

    /// Whether the revision moved on since the last load.
    fn changed(&mut self, place: &Place) -> bool {
        let now = self.revision(place);
        now.is_some() && now != self.seen
    }
}
