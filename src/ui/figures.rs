//! The dashboard's figures, computed on a thread of their own that keeps the
//! loaded dataset in memory: loading is the slow part (about a second for a
//! million orders), a period is tens of milliseconds. The app asks for a
//! period and polls for results; results are cached per period, comparison
//! and filters until the data changes.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use chrono::NaiveDate;

use crate::metrics::catalog;
use crate::metrics::charts::Charts;
use crate::metrics::dataset::Present;
use crate::metrics::report::{Metrics, Report};
use crate::metrics::{
    Comparison, Dataset, DayRange, Filters, Selection, View, activity, compute_report, report,
};
use crate::store::Store;

/// What the dashboard shows: a period, its comparison and the filters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Query {
    pub sel: Selection,
    pub cmp: Comparison,
    pub filters: Filters,
    pub today: NaiveDate,
}

/// The figures of one query.
pub struct Figures {
    pub report: Report,
    /// One-number figures by metric id, for P and for the comparison period.
    pub now: BTreeMap<String, Option<f64>>,
    pub then: BTreeMap<String, Option<f64>>,
    /// Average deal size per rep, for the per-rep table (not in the report).
    pub deal_size_by_rep: Option<crate::metrics::report::ByRep>,
    pub charts: Charts,
}

/// The last twelve periods of each one-number figure, oldest first, for the
/// sparklines. Computed after [`Figures`], so that those show at once.
pub type Sparks = BTreeMap<String, Vec<Option<f64>>>;

/// What the loaded data offers the period bar and the cards.
#[derive(Clone, Debug, Default)]
pub struct DataFacts {
    pub reps: Vec<String>,
    pub channels: Vec<String>,
    pub sources: Vec<String>,
    pub present: Present,
    /// The dates of the first and last paid order, to open on a period
    /// that has data.
    pub last_order: Option<NaiveDate>,
}

enum Request {
    Reload,
    Compute(Query),
}

enum Reply {
    Loaded(Result<DataFacts, String>),
    Figures(Query, Arc<Figures>),
    Sparks(Query, Arc<Sparks>),
}

/// How many periods a sparkline shows.
const SPARK_PERIODS: i32 = 12;
/// Results kept; a period bar clicked back and forth hits the cache.
const CACHE_SIZE: usize = 48;

/// The app's handle on the figures thread.
pub struct FiguresWorker {
    tx: Sender<Request>,
    rx: Receiver<Reply>,
    figures: HashMap<Query, Arc<Figures>>,
    sparks: HashMap<Query, Arc<Sparks>>,
    pub facts: Option<Result<DataFacts, String>>,
    /// The query asked for and not yet answered.
    waiting: Option<Query>,
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

    pub fn start(ctx: &egui::Context, db: PathBuf) -> FiguresWorker {
        let (tx, requests) = channel();
        let (replies, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || serve(&db, &requests, &replies, &ctx));
        let worker = FiguresWorker {
            tx,
            rx,
            figures: HashMap::new(),
            sparks: HashMap::new(),
            facts: None,
            waiting: None,
        };
        worker.reload();
        worker
    }

    /// The data changed: forget every result and load again.
    pub fn reload(&self) {
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
                Reply::Loaded(facts) => {
                    self.forget();
                    self.facts = Some(facts);
                    // Whatever was shown must be asked for again.
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
fn serve(
    db: &std::path::Path,
    requests: &Receiver<Request>,
    replies: &Sender<Reply>,
    ctx: &egui::Context,
) {
    let send = |r: Reply| {
        let ok = replies.send(r).is_ok();
        ctx.request_repaint();
        ok
    };
    let mut dataset: Option<Arc<Dataset>> = None;
    // The sparklines of the last query, computed beside the next query's
    // figures; a newer query stops them.
    let mut sparks_cancel = Arc::new(AtomicBool::new(false));
    loop {
        let request = match requests.recv() {
            Ok(r) => r,
            Err(_) => return,
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
            let loaded = Store::open(db)
                .map_err(|e| e.to_string())
                .and_then(|s| Dataset::load(s.conn()).map_err(|e| format!("{e:#}")));
            let facts = loaded.as_ref().map(facts).map_err(Clone::clone);
            dataset = loaded.ok().map(Arc::new);
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

fn facts(ds: &Dataset) -> DataFacts {
    let names = |n: &crate::metrics::dataset::Names| {
        let mut v: Vec<String> = n.iter().map(str::to_string).collect();
        v.sort_by_key(|s| s.to_lowercase());
        v
    };
    DataFacts {
        reps: names(&ds.reps),
        channels: names(&ds.channels),
        sources: names(&ds.sources),
        present: ds.present,
        last_order: ds
            .orders
            .date
            .last()
            .map(|&d| crate::metrics::dataset::date_of(d)),
    }
}

/// Everything the metric tabs show for `q` (public for the UI benchmark).
pub fn compute(ds: &Dataset, q: &Query) -> Figures {
    let report = compute_report(ds, &q.sel, q.cmp, q.today, &q.filters);
    let now = catalog::figures(&report.metrics);
    // The comparison period's scalars are in the report; its activity totals
    // are not, so they are counted here.
    let mut then = catalog::scalar_map(&report.previous);
    let v = View::new(ds, &q.filters);
    let cmp = DayRange::of(crate::metrics::Period::new(
        report.prev_from,
        report.prev_to,
    ));
    let totals = activity_totals(&v, cmp);
    then.extend(totals);
    let p = DayRange::of(q.sel.period);
    let deal_size_by_rep = crate::metrics::productivity::avg_deal_size_by_rep(&v, p);
    let charts = crate::metrics::charts::compute(ds, &q.sel, q.cmp, q.today, &q.filters);
    Figures {
        report,
        now,
        then,
        deal_size_by_rep,
        charts,
    }
}

fn activity_totals(v: &View<'_>, p: DayRange) -> [(String, Option<f64>); 2] {
    let mut m = Metrics::default();
    activity::fill_breakdowns(v, p, &mut m);
    [
        (
            "activities".to_string(),
            m.activities.map(|b| b.total as f64),
        ),
        (
            "time_on_activities_hours".to_string(),
            m.time_on_activities_hours.map(|b| b.total),
        ),
    ]
}

/// Each card's figure over the last twelve periods of the chosen kind;
/// none when cancelled.
fn sparks(ds: &Dataset, q: &Query, cancel: &AtomicBool) -> Option<Sparks> {
    let v = View::new(ds, &q.filters);
    let mut out: Sparks = BTreeMap::new();
    for back in (0..SPARK_PERIODS).rev() {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let sel = q.sel.shift(-back);
        let mut values =
            catalog::scalar_map(&report::scalars(&v, &sel, sel.comparison(q.cmp, q.today)));
        values.extend(activity_totals(&v, DayRange::of(sel.period)));
        for (id, value) in values {
            out.entry(id).or_default().push(value);
        }
    }
    Some(out)
}
