//! The figures of one dashboard query: the report, each card's figure now
//! and in the comparison period, the charts, and the sparklines' twelve
//! periods. The app computes them on its figures thread; benchmarks and
//! exports call the same functions.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;

use super::catalog;
use super::charts::Charts;
use super::dataset::Present;
use super::highlights::{Highlight, highlights};
use super::profit::{CostMissing, ProductProfit, cost_missing, product_table};
use super::projection::{Projection, projected_buckets, revenue_projection};
use super::report::{Metrics, Report};
use super::{
    Comparison, Dataset, DayRange, Filters, Selection, View, activity, compute_report, report,
};
use crate::i18n::Lang;
use crate::store::Kind;

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
    /// The sentences above the tabs, in each language ([`Figures::highlights`]).
    highlights: [Vec<Highlight>; 2],
    /// Where revenue will land, for a period containing today.
    pub projection: Option<Projection>,
    /// The sales of the period without a cost price, for the `≈` beside the
    /// profit cards; none until costs are imported.
    pub cost_missing: Option<CostMissing>,
    /// Every product sold in the period with its profit, for the table
    /// where missing costs are typed; none without order lines.
    pub products: Option<Vec<ProductProfit>>,
}

impl Figures {
    /// The highlights in `lang`, highest score first.
    pub fn highlights(&self, lang: Lang) -> &[Highlight] {
        let at = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        &self.highlights[at]
    }
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
    /// The named branches (outlets) records were imported as.
    pub branches: Vec<String>,
    /// Beside named branches, records imported without one (the shop's
    /// own, filtered to with an empty branch name).
    pub unbranched: bool,
    pub present: Present,
    /// The dates of the first and last paid order, to open on a period
    /// that has data.
    pub last_order: Option<NaiveDate>,
}

/// How many periods a sparkline shows.
const SPARK_PERIODS: i32 = 12;

impl DataFacts {
    pub fn of(ds: &Dataset) -> DataFacts {
        let names = |n: &super::dataset::Names| {
            let mut v: Vec<String> = n.iter().map(str::to_string).collect();
            v.sort_by_key(|s| s.to_lowercase());
            v
        };
        DataFacts {
            reps: names(&ds.reps),
            channels: names(&ds.channels),
            sources: names(&ds.sources),
            branches: names(&ds.branches),
            unbranched: !ds.branches.is_empty() && {
                let p = super::branch_present(ds, super::dataset::NONE);
                Kind::ALL
                    .into_iter()
                    .filter(|k| !matches!(k, Kind::Products | Kind::Settlements))
                    .any(|k| p.has(k))
            },
            present: ds.present,
            last_order: ds.orders.date.last().map(|&d| super::dataset::date_of(d)),
        }
    }
}

/// Everything the metric tabs show for `q`.
pub fn compute(ds: &Dataset, q: &Query) -> Figures {
    let report = compute_report(ds, &q.sel, q.cmp, q.today, &q.filters);
    let now = catalog::figures(&report.metrics);
    // The comparison period's scalars are in the report; its activity totals
    // are not, so they are counted here.
    let mut then = catalog::scalar_map(&report.previous);
    let v = View::new(ds, &q.filters);
    let cmp = DayRange::of(super::Period::new(report.prev_from, report.prev_to));
    let totals = activity_totals(&v, cmp);
    then.extend(totals);
    let p = DayRange::of(q.sel.period);
    let deal_size_by_rep = super::productivity::avg_deal_size_by_rep(&v, p);
    let mut charts = super::charts::compute(ds, &q.sel, q.cmp, q.today, &q.filters);
    if let Some(series) = &mut charts.revenue {
        let periods: Vec<_> = series.buckets.iter().map(|b| b.period).collect();
        for (b, projected) in series
            .buckets
            .iter_mut()
            .zip(projected_buckets(ds, q, &periods))
        {
            b.projected = projected;
        }
    }
    // Both languages: a switch of language shows them without a recompute.
    let highlights = Lang::ALL.map(|lang| highlights(ds, q, &report, lang));
    let projection = revenue_projection(ds, q);
    Figures {
        cost_missing: cost_missing(&v, p),
        products: product_table(&v, p),
        report,
        now,
        then,
        deal_size_by_rep,
        charts,
        highlights,
        projection,
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
pub fn sparks(ds: &Dataset, q: &Query, cancel: &AtomicBool) -> Option<Sparks> {
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
