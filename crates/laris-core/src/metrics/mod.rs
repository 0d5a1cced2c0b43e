//! The metrics engine: every figure of metrics.md, computed from a [`Dataset`]
//! loaded once, for a period, filters and a comparison. No UI here.

pub mod activity;
pub mod catalog;
pub mod charts;
pub mod dataset;
pub mod explain;
pub mod figures;
mod filters;
pub mod highlights;
pub mod performance;
pub mod period;
pub mod productivity;
pub mod profit;
pub mod projection;
pub mod records;
pub mod report;
pub mod targets;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;

pub use dataset::Dataset;
pub use filters::Filters;
pub use period::{Comparison, Period, PeriodKind, Selection};
pub use report::{Report, compute_report};

use dataset::{CustomerIndex, Day, NONE, Present, Target, day_of};

/// A filter name the data has never seen matches no record; NONE (an empty
/// field) is never equal to it either.
const NO_MATCH: u32 = u32::MAX - 1;

fn matches(filter: Option<u32>, value: u32) -> bool {
    filter.is_none_or(|f| f == value)
}

/// The dataset seen through the filters.
pub struct View<'a> {
    pub ds: &'a Dataset,
    rep: Option<u32>,
    channel: Option<u32>,
    source: Option<u32>,
    branch: Option<u32>,
    pub customers: Cow<'a, CustomerIndex>,
    /// The kinds the filtered records have: under a branch filter, only
    /// those the branch imported, so that a figure of a kind only other
    /// branches have reads "none" (null) rather than 0, as in a database
    /// of that branch's records alone.
    pub present: Present,
}

/// The kinds branch `b` has records of (costs and payouts stay the
/// database's: a branch without its own takes the shop's costs).
pub(crate) fn branch_present(ds: &Dataset, b: u32) -> Present {
    let any = |branches: &[u32]| branches.contains(&b);
    let o = &ds.orders;
    let orders = any(&o.branch);
    Present {
        orders,
        order_lines: ds.present.order_lines
            && (0..o.branch.len()).any(|i| o.branch[i] == b && !o.lines(i).is_empty()),
        leads: any(&ds.leads.branch),
        deals: any(&ds.deals.branch),
        deal_stages: ds.present.deal_stages && any(&ds.deals.branch),
        activities: any(&ds.activities.branch),
        targets: ds.targets.iter().any(|t| t.branch == b),
        expenses: any(&ds.expenses.branch),
        csat: any(&ds.csat.branch),
        inquiries: any(&ds.inquiries.branch),
        subscriptions: any(&ds.subscriptions.branch),
        products: ds.present.products,
        settlements: ds.present.settlements,
    }
}

impl<'a> View<'a> {
    pub fn new(ds: &'a Dataset, filters: &Filters) -> View<'a> {
        let resolve = |names: &dataset::Names, f: &Option<String>| {
            f.as_ref().map(|n| names.find(n).unwrap_or(NO_MATCH))
        };
        let mut view = View {
            ds,
            rep: resolve(&ds.reps, &filters.rep),
            channel: resolve(&ds.channels, &filters.channel),
            source: resolve(&ds.sources, &filters.source),
            // An empty name is the records imported without a branch.
            branch: filters.branch.as_ref().map(|n| {
                if n.trim().is_empty() {
                    NONE
                } else {
                    ds.branches.find(n).unwrap_or(NO_MATCH)
                }
            }),
            customers: Cow::Borrowed(&ds.customer_index),
            present: ds.present,
        };
        if let Some(b) = view.branch {
            view.present = branch_present(ds, b);
        }
        if view.rep.is_some() || view.channel.is_some() || view.branch.is_some() {
            // "As if the database held only those": first orders, CLV and
            // upsell are judged on the filtered orders.
            view.customers = Cow::Owned(CustomerIndex::build(
                &ds.orders,
                ds.customers,
                ds.reps.len(),
                ds.products.len(),
                |i| view.order_ok(i),
            ));
        }
        view
    }

    pub fn order_ok(&self, i: usize) -> bool {
        let o = &self.ds.orders;
        matches(self.rep, o.rep[i])
            && matches(self.channel, o.channel[i])
            && matches(self.branch, o.branch[i])
    }
    pub fn lead_ok(&self, i: usize) -> bool {
        let l = &self.ds.leads;
        matches(self.rep, l.rep[i])
            && matches(self.source, l.source[i])
            && matches(self.branch, l.branch[i])
    }
    pub fn deal_ok(&self, i: usize) -> bool {
        let d = &self.ds.deals;
        matches(self.rep, d.rep[i])
            && matches(self.source, d.source[i])
            && matches(self.branch, d.branch[i])
    }
    pub fn activity_ok(&self, i: usize) -> bool {
        let a = &self.ds.activities;
        matches(self.rep, a.rep[i]) && matches(self.branch, a.branch[i])
    }
    pub fn inquiry_ok(&self, i: usize) -> bool {
        let q = &self.ds.inquiries;
        matches(self.channel, q.channel[i]) && matches(self.branch, q.branch[i])
    }
    /// Targets follow the rep filter and the branch; team targets are not
    /// that rep's.
    pub fn target_ok(&self, t: &Target) -> bool {
        self.rep.is_none_or(|r| r == t.rep && t.rep != NONE) && matches(self.branch, t.branch)
    }
    /// The kinds no other filter narrows follow the branch filter (a
    /// branch's report is the report of a database of its records only).
    pub fn expense_ok(&self, i: usize) -> bool {
        matches(self.branch, self.ds.expenses.branch[i])
    }
    pub fn csat_ok(&self, i: usize) -> bool {
        matches(self.branch, self.ds.csat.branch[i])
    }
    pub fn subscription_ok(&self, i: usize) -> bool {
        matches(self.branch, self.ds.subscriptions.branch[i])
    }

    /// Paid orders (indices) with date in `[from, to]` that pass the filters.
    pub fn paid_orders(&self, p: DayRange) -> impl Iterator<Item = usize> + '_ {
        let o = &self.ds.orders;
        sorted_range(&o.date, p).filter(move |&i| o.paid[i] && self.order_ok(i))
    }
}

/// A period as day numbers, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub from: Day,
    pub to: Day,
}

impl DayRange {
    pub fn of(p: Period) -> DayRange {
        DayRange {
            from: day_of(p.from),
            to: day_of(p.to),
        }
    }
    pub fn contains(&self, d: Day) -> bool {
        self.from <= d && d <= self.to
    }
    pub fn days(&self) -> i64 {
        i64::from(self.to) - i64::from(self.from) + 1
    }
}

/// The indices of a date-sorted column that fall in the range.
pub fn sorted_range(dates: &[Day], p: DayRange) -> Range<usize> {
    dates.partition_point(|&d| d < p.from)..dates.partition_point(|&d| d <= p.to)
}

/// `num / den`, or none when the denominator is zero.
pub fn ratio(num: f64, den: f64) -> Option<f64> {
    (den != 0.0).then(|| num / den)
}

/// Money in minor units as a JSON number in major units.
pub fn major(minor: i128) -> f64 {
    minor as f64 / 100.0
}

pub fn mean(values: &[f64]) -> Option<f64> {
    ratio(values.iter().sum(), values.len() as f64)
}

/// The median; an even count averages the middle two.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// `value` when the kind it comes from was ever imported, else none.
pub fn when<T>(present: bool, value: impl FnOnce() -> T) -> Option<T> {
    present.then(value)
}

/// Figures per interned name (rep, channel, type, source), kept in a vector
/// by id: a map keyed by text would cost an allocation per record.
pub struct Tally<T> {
    values: Vec<T>,
    seen: Vec<bool>,
}

impl<T: Default + Clone> Tally<T> {
    pub fn new(names: &dataset::Names) -> Tally<T> {
        Tally {
            values: vec![T::default(); names.len()],
            seen: vec![false; names.len()],
        }
    }

    /// The figure of `id`, none for a record without a name.
    pub fn at(&mut self, id: u32) -> Option<&mut T> {
        let i = id as usize;
        let slot = self.values.get_mut(i)?;
        self.seen[i] = true;
        Some(slot)
    }

    /// The ids touched, in id order, with their figures.
    pub fn entries(self) -> impl Iterator<Item = (u32, T)> {
        self.values
            .into_iter()
            .zip(self.seen)
            .enumerate()
            .filter(|(_, (_, seen))| *seen)
            .map(|(i, (v, _))| (i as u32, v))
    }

    /// Keyed by display name.
    pub fn into_map<U>(
        self,
        names: &dataset::Names,
        f: impl Fn(T) -> U,
    ) -> std::collections::BTreeMap<String, U> {
        self.entries()
            .map(|(id, v)| (names.name(id).to_string(), f(v)))
            .collect()
    }
}
