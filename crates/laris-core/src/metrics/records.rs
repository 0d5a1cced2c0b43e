//! The records behind a figure (issue 15): for a metric that is a count or a
//! sum, the records it counts or sums; for a ratio, its numerator's and its
//! denominator's. They are chosen by the very iterators the metrics use, so
//! their count and sum are the figure by construction.
//!
//! A [`RecordSet`] holds indices into the loaded [`Dataset`]'s arrays: a
//! year of a million orders is a scan and a vector of `u32`, well under the
//! 150 ms the first rows may take. [`RecordSet::cell`] reads the columns the
//! dataset has (to sort and filter at once); [`fetch`] reads every stored
//! field of a page of rows from SQLite by row id (for what is on screen, or
//! for all of them in the background to search the text fields).

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::types::Value;
use serde::Serialize;

use super::activity::activities_in;
use super::dataset::{
    DealStatus, NO_DAY, NO_SECS, NONE, Names, SECS_PER_DAY, date_of, day_of, day_of_secs,
};
use super::figures::Query;
use super::performance::{closed_in, created_in, leads_in, won_in};
use super::productivity::{pipeline, stage_on};
use super::{Dataset, DayRange, View, major};
use crate::format;
use crate::i18n::Lang;
use crate::store::database::column_type;
use crate::store::kinds::Field;
use crate::store::pg::PgError;
use crate::store::tables::Ty;
use crate::store::{Database, FieldType, Kind};

/// What the records of a set are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Orders,
    /// Customers, each shown by the paid order that puts them in the set
    /// (their first in the period, or their first ever for new customers).
    Customers,
    Leads,
    Deals,
    Activities,
    Expenses,
    Csat,
    Inquiries,
    Subscriptions,
}

impl RecordKind {
    /// The stored kind whose rows the set's indices point into.
    pub fn stored(self) -> Kind {
        match self {
            RecordKind::Orders | RecordKind::Customers => Kind::Orders,
            RecordKind::Leads => Kind::Leads,
            RecordKind::Deals => Kind::Deals,
            RecordKind::Activities => Kind::Activities,
            RecordKind::Expenses => Kind::Expenses,
            RecordKind::Csat => Kind::Csat,
            RecordKind::Inquiries => Kind::Inquiries,
            RecordKind::Subscriptions => Kind::Subscriptions,
        }
    }

    /// The row ids of the stored kind, by dataset index.
    fn ids(self, ds: &Dataset) -> &[i64] {
        match self {
            RecordKind::Orders | RecordKind::Customers => &ds.orders.id,
            RecordKind::Leads => &ds.leads.id,
            RecordKind::Deals => &ds.deals.id,
            RecordKind::Activities => &ds.activities.id,
            RecordKind::Expenses => &ds.expenses.id,
            RecordKind::Csat => &ds.csat.id,
            RecordKind::Inquiries => &ds.inquiries.id,
            RecordKind::Subscriptions => &ds.subscriptions.id,
        }
    }
}

/// Which field of the records a set adds up (a count adds up nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Count,
    /// An order's total: as stored, or the sum of its lines when the file
    /// gave none (as revenue counts it).
    OrderTotal,
    DealValue,
    /// A won deal's close_value, empty counting 0.
    CloseValue,
    ExpenseAmount,
    MonthlyAmount,
    /// An activity's count (engagements of a social post), negative as 0.
    ActivityCount,
    /// An activity's duration in hours.
    ActivityHours,
    Score,
    /// Hours from a lead's creation to its first response.
    LeadResponseHours,
    /// Hours from an inquiry's receipt to its response.
    InquiryResponseHours,
    /// Days from a deal's creation to its close.
    CycleDays,
    /// An order's lines of one product (by dataset id): what the order
    /// adds to that product's revenue.
    ProductLines(u32),
    /// What the marketplace kept of an order (its settlement's fees).
    Fees,
    /// The cost of an order's lines at the order's date (lines without a
    /// cost add nothing).
    Cogs,
}

impl Measure {
    /// The field name, as in the data model (or the derived figure's id).
    pub fn field(self) -> Option<&'static str> {
        Some(match self {
            Measure::Count => return None,
            Measure::OrderTotal => "total",
            Measure::DealValue => "value",
            Measure::CloseValue => "close_value",
            Measure::ExpenseAmount => "amount",
            Measure::MonthlyAmount => "monthly_amount",
            Measure::ActivityCount => "count",
            Measure::ActivityHours => "duration_hours",
            Measure::Score => "score",
            Measure::LeadResponseHours | Measure::InquiryResponseHours => "response_hours",
            Measure::CycleDays => "cycle_days",
            Measure::ProductLines(_) => "line_total",
            Measure::Fees => "fees",
            Measure::Cogs => "cogs",
        })
    }

    /// The measure of record `i`, in its unit (minor units for money).
    fn of(self, ds: &Dataset, i: usize) -> Amount {
        let hours = |from: i64, to: i64| Amount::Real((to - from) as f64 / 3600.0);
        match self {
            Measure::Count => Amount::Whole(1),
            Measure::OrderTotal => Amount::Minor(i128::from(ds.orders.total[i])),
            Measure::DealValue => Amount::Minor(i128::from(ds.deals.value[i])),
            Measure::CloseValue => Amount::Minor(i128::from(ds.deals.close_value[i].unwrap_or(0))),
            Measure::ExpenseAmount => Amount::Minor(i128::from(ds.expenses.amount[i])),
            Measure::MonthlyAmount => Amount::Minor(i128::from(ds.subscriptions.monthly[i])),
            Measure::ActivityCount => Amount::Whole(ds.activities.count[i].max(0)),
            Measure::ActivityHours => Amount::Real(ds.activities.minutes[i] / 60.0),
            Measure::Score => Amount::Real(ds.csat.score[i]),
            Measure::LeadResponseHours => hours(ds.leads.created[i], ds.leads.first_response[i]),
            Measure::InquiryResponseHours => {
                hours(ds.inquiries.received[i], ds.inquiries.responded[i])
            }
            Measure::CycleDays => Amount::Real(
                (ds.deals.closed[i] - ds.deals.created[i]) as f64 / SECS_PER_DAY as f64,
            ),
            Measure::ProductLines(product) => {
                let o = &ds.orders;
                Amount::Minor(
                    o.lines(i)
                        .filter(|&l| o.line_product[l] == product)
                        .map(|l| i128::from(o.line_total[l]))
                        .sum(),
                )
            }
            Measure::Fees => Amount::Minor(i128::from(ds.orders.fees[i])),
            Measure::Cogs => {
                let o = &ds.orders;
                Amount::Minor(o.lines(i).map(|l| i128::from(o.line_cogs[l])).sum())
            }
        }
    }
}

/// A sum in its unit: money exactly in minor units, counts whole, derived
/// durations and scores as floats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    Minor(i128),
    Whole(i64),
    Real(f64),
}

impl Amount {
    /// As the report writes it: money in major units.
    pub fn value(self) -> f64 {
        match self {
            Amount::Minor(m) => major(m),
            Amount::Whole(n) => n as f64,
            Amount::Real(x) => x,
        }
    }

    fn plus(self, other: Amount) -> Amount {
        match (self, other) {
            (Amount::Minor(a), Amount::Minor(b)) => Amount::Minor(a + b),
            (Amount::Whole(a), Amount::Whole(b)) => Amount::Whole(a + b),
            (a, b) => Amount::Real(a.value() + b.value()),
        }
    }
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Amount::Minor(m) => s.serialize_f64((major(m) * 100.0).round() / 100.0),
            Amount::Whole(n) => s.serialize_i64(n),
            Amount::Real(x) => s.serialize_f64(x),
        }
    }
}

/// The records one figure counts or sums.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordSet {
    pub kind: RecordKind,
    pub measure: Measure,
    /// Indices into the dataset's arrays of `kind.stored()`, until sorted
    /// otherwise in the dataset's order: by date for orders and activities,
    /// as stored for the other kinds.
    pub rows: Vec<u32>,
    /// The measure over all rows; none for a count.
    pub sum: Option<Amount>,
}

impl RecordSet {
    fn new(ds: &Dataset, kind: RecordKind, measure: Measure, rows: Vec<u32>) -> RecordSet {
        let sum = (measure != Measure::Count).then(|| {
            rows.iter()
                .map(|&i| measure.of(ds, i as usize))
                .fold(measure.zero(), Amount::plus)
        });
        RecordSet {
            kind,
            measure,
            rows,
            sum,
        }
    }

    pub fn count(&self) -> u64 {
        self.rows.len() as u64
    }

    /// The SQLite row ids of the rows, in their order.
    pub fn ids(&self, ds: &Dataset) -> Vec<i64> {
        let ids = self.kind.ids(ds);
        self.rows.iter().map(|&i| ids[i as usize]).collect()
    }

    /// The columns [`RecordSet::cell`] can read without SQLite.
    pub fn columns(&self) -> &'static [Column] {
        use Column::*;
        match self.kind {
            RecordKind::Orders | RecordKind::Customers => &[Date, Value, Rep, Channel],
            RecordKind::Leads => &[Date, Rep, Source],
            RecordKind::Deals => &[Date, Value, Rep, Source],
            RecordKind::Activities => &[Date, Rep, Type, Value],
            RecordKind::Expenses | RecordKind::Csat | RecordKind::Subscriptions => &[Date, Value],
            RecordKind::Inquiries => &[Date, Channel, Value],
        }
    }

    /// Column `col` of the `pos`-th row, from the dataset.
    pub fn cell(&self, ds: &Dataset, pos: usize, col: Column) -> Cell {
        let Some(&i) = self.rows.get(pos) else {
            return Cell::Empty;
        };
        let i = i as usize;
        let name = |names: &Names, id: u32| {
            if id == NONE {
                Cell::Empty
            } else {
                Cell::Text(names.name(id).to_string())
            }
        };
        match (col, self.kind) {
            (Column::Value, _) => match self.measure {
                Measure::Count => Cell::Empty,
                m => Cell::Amount(m.of(ds, i)),
            },
            (Column::Date, RecordKind::Orders | RecordKind::Customers) => {
                Cell::day(ds.orders.date[i])
            }
            (Column::Date, RecordKind::Leads) => Cell::day(day_of_secs(ds.leads.created[i])),
            (Column::Date, RecordKind::Deals) => {
                let d = &ds.deals;
                // A closed deal is dated by its close, an open one by its creation.
                let at = if d.status[i] != DealStatus::Open && d.closed[i] != NO_SECS {
                    d.closed[i]
                } else {
                    d.created[i]
                };
                if at == NO_SECS {
                    Cell::Empty
                } else {
                    Cell::day(day_of_secs(at))
                }
            }
            (Column::Date, RecordKind::Activities) => Cell::day(ds.activities.date[i]),
            (Column::Date, RecordKind::Expenses) => Cell::day(ds.expenses.date[i]),
            (Column::Date, RecordKind::Csat) => Cell::day(ds.csat.date[i]),
            (Column::Date, RecordKind::Inquiries) => {
                Cell::day(day_of_secs(ds.inquiries.received[i]))
            }
            (Column::Date, RecordKind::Subscriptions) => Cell::day(ds.subscriptions.start[i]),
            (Column::Rep, RecordKind::Orders | RecordKind::Customers) => {
                name(&ds.reps, ds.orders.rep[i])
            }
            (Column::Rep, RecordKind::Leads) => name(&ds.reps, ds.leads.rep[i]),
            (Column::Rep, RecordKind::Deals) => name(&ds.reps, ds.deals.rep[i]),
            (Column::Rep, RecordKind::Activities) => name(&ds.reps, ds.activities.rep[i]),
            (Column::Channel, RecordKind::Orders | RecordKind::Customers) => {
                name(&ds.channels, ds.orders.channel[i])
            }
            (Column::Channel, RecordKind::Inquiries) => name(&ds.channels, ds.inquiries.channel[i]),
            (Column::Source, RecordKind::Leads) => name(&ds.sources, ds.leads.source[i]),
            (Column::Source, RecordKind::Deals) => name(&ds.sources, ds.deals.source[i]),
            (Column::Type, RecordKind::Activities) => {
                name(&ds.activity_types, ds.activities.kind[i])
            }
            _ => Cell::Empty,
        }
    }

    /// Sorts the rows by a column of [`RecordSet::columns`] (empty cells
    /// last); ties keep their order.
    pub fn sort_by(&mut self, ds: &Dataset, col: Column, descending: bool) {
        let cells: Vec<Cell> = (0..self.rows.len())
            .map(|pos| self.cell(ds, pos, col))
            .collect();
        // Text sorts case-insensitively: the distinct texts are ranked once
        // rather than folded at each of a million rows' comparisons.
        let mut texts: Vec<String> = cells
            .iter()
            .filter_map(|c| match c {
                Cell::Text(t) => Some(t.to_lowercase()),
                _ => None,
            })
            .collect();
        texts.sort_unstable();
        texts.dedup();
        let keys: Vec<Option<f64>> = cells
            .iter()
            .map(|c| match c {
                Cell::Empty => None,
                Cell::Date(d) => Some(f64::from(d.num_days_from_ce())),
                Cell::Amount(a) => Some(a.value()),
                Cell::Text(t) => Some(texts.partition_point(|x| *x < t.to_lowercase()) as f64),
            })
            .collect();
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| match (keys[a], keys[b]) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(_), None) => std::cmp::Ordering::Less,
            (Some(x), Some(y)) if descending => y.total_cmp(&x),
            (Some(x), Some(y)) => x.total_cmp(&y),
        });
        self.rows = order.into_iter().map(|pos| self.rows[pos]).collect();
    }
}

impl Measure {
    fn zero(self) -> Amount {
        match self {
            Measure::OrderTotal
            | Measure::DealValue
            | Measure::CloseValue
            | Measure::ExpenseAmount
            | Measure::MonthlyAmount
            | Measure::ProductLines(_)
            | Measure::Fees
            | Measure::Cogs => Amount::Minor(0),
            Measure::Count | Measure::ActivityCount => Amount::Whole(0),
            Measure::Score
            | Measure::ActivityHours
            | Measure::LeadResponseHours
            | Measure::InquiryResponseHours
            | Measure::CycleDays => Amount::Real(0.0),
        }
    }
}

/// A column the dataset holds for a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Date,
    /// The measure the set adds up.
    Value,
    Rep,
    Channel,
    Source,
    /// An activity's type.
    Type,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Date(chrono::NaiveDate),
    Amount(Amount),
    Text(String),
}

impl Cell {
    fn day(d: i32) -> Cell {
        if d == NO_DAY {
            Cell::Empty
        } else {
            Cell::Date(date_of(d))
        }
    }
}

/// The records behind a metric's figure.
#[derive(Clone, Debug, PartialEq)]
pub enum Records {
    /// A count or a sum: its records.
    Figure(RecordSet),
    /// A ratio or a mean: the numerator's records over the denominator's.
    Ratio {
        numerator: RecordSet,
        denominator: RecordSet,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordsError {
    #[error("{0} is not a metric")]
    Unknown(String),
    /// A median, a growth, a breakdown: no one set of records makes it.
    #[error("{0} is not a count, a sum or a ratio of records")]
    NoRecords(String),
}

impl RecordsError {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            RecordsError::Unknown(id) => {
                lang.tr_args("records-unknown-metric", &[("metric", id.as_str().into())])
            }
            RecordsError::NoRecords(id) => {
                lang.tr_args("records-no-records", &[("metric", id.as_str().into())])
            }
        }
    }
}

/// Every metric that has records, for `laris records --help` and the UI.
pub const METRICS_WITH_RECORDS: [&str; 42] = [
    "revenue",
    "orders",
    "aov",
    "new_customers",
    "active_customers",
    "retention_rate",
    "churn_rate",
    "subscription_churn",
    "mrr",
    "clv",
    "cac",
    "leads",
    "lead_conversion_rate",
    "opportunities",
    "opportunity_value",
    "deals_won",
    "win_rate",
    "avg_deal_cycle_days",
    "avg_deal_size",
    "csat",
    "csat_avg",
    "activities",
    "time_on_activities_hours",
    "calls_emails",
    "meetings",
    "follow_ups",
    "proposals",
    "demos",
    "networking_events",
    "social_engagement",
    "referrals",
    "activity_ratio",
    "lead_response_hours",
    "inquiry_response_hours",
    "upsell_cross_sell_rate",
    "pipeline_value",
    "expenses",
    "inquiries",
    "refund_amount",
    "refund_rate",
    "cogs",
    "marketplace_fees",
];

/// Activity metrics that count types (metrics.md, "Sales activity").
const ACTIVITY_TYPES: [(&str, &[&str]); 6] = [
    ("calls_emails", &["call", "email"]),
    ("meetings", &["meeting"]),
    ("follow_ups", &["follow_up"]),
    ("proposals", &["proposal"]),
    ("demos", &["demo"]),
    ("networking_events", &["networking_event"]),
];

/// The first row of each customer among `orders` (in date order), orders
/// without a customer left out.
pub(super) fn first_per_customer(ds: &Dataset, orders: impl Iterator<Item = usize>) -> Vec<u32> {
    let mut seen = vec![false; ds.customers];
    orders
        .filter(|&i| {
            let c = ds.orders.customer[i] as usize;
            c < seen.len() && !std::mem::replace(&mut seen[c], true)
        })
        .map(|i| i as u32)
        .collect()
}

/// Customers with a paid order in `p`, per customer.
fn active_marks(v: &View<'_>, p: DayRange) -> Vec<bool> {
    let mut marks = vec![false; v.ds.customers];
    for i in v.paid_orders(p) {
        if let Some(m) = marks.get_mut(v.ds.orders.customer[i] as usize) {
            *m = true;
        }
    }
    marks
}

/// Each customer acquired in `p` (first paid order ever, under the filters),
/// by that first order.
pub(super) fn new_customer_orders(v: &View<'_>, p: DayRange) -> Vec<u32> {
    let first = &v.customers.first_paid;
    let o = &v.ds.orders;
    first_per_customer(
        v.ds,
        v.paid_orders(p)
            .filter(|&i| first.get(o.customer[i] as usize) == Some(&o.date[i])),
    )
}

fn idx(rows: impl Iterator<Item = usize>) -> Vec<u32> {
    rows.map(|i| i as u32).collect()
}

/// The records behind `metric` for the query's period and filters.
pub fn records(ds: &Dataset, q: &Query, metric: &str) -> Result<Records, RecordsError> {
    let v = View::new(ds, &q.filters);
    let p = DayRange::of(q.sel.period);
    let set = |kind, measure, rows| RecordSet::new(ds, kind, measure, rows);
    let figure = |kind, measure, rows| Ok(Records::Figure(set(kind, measure, rows)));
    let ratio = |n: RecordSet, d: RecordSet| {
        Ok(Records::Ratio {
            numerator: n,
            denominator: d,
        })
    };
    use Measure as M;
    use RecordKind as K;
    let paid = || idx(v.paid_orders(p));
    let new_customers = || new_customer_orders(&v, p);
    let d = &ds.deals;
    let leads = || idx(leads_in(&v, p));
    let closed = || idx(closed_in(&v, p));
    let won = || idx(won_in(&v, p));
    let activities = || idx(activities_in(&v, p));
    let of_types = |types: &[&str]| {
        let ids: Vec<u32> = types
            .iter()
            .filter_map(|t| ds.activity_types.find(t))
            .collect();
        idx(activities_in(&v, p).filter(|&i| ids.contains(&ds.activities.kind[i])))
    };
    let csat =
        || idx((0..ds.csat.date.len()).filter(|&i| p.contains(ds.csat.date[i]) && v.csat_ok(i)));
    let inquiries = || {
        let q = &ds.inquiries;
        idx((0..q.received.len())
            .filter(|&i| p.contains(day_of_secs(q.received[i])) && v.inquiry_ok(i)))
    };
    let s = &ds.subscriptions;
    let active_on = |day: i32| {
        idx((0..s.start.len())
            .filter(|&i| s.start[i] <= day && (s.end[i] == NO_DAY || s.end[i] > day))
            .filter(|&i| v.subscription_ok(i)))
    };
    let acquisition = || {
        let e = &ds.expenses;
        idx((0..e.date.len())
            .filter(|&i| p.contains(e.date[i]) && e.acquisition[i] && v.expense_ok(i)))
    };
    let o = &ds.orders;
    let refunded =
        || idx(super::sorted_range(&o.date, p).filter(|&i| o.refunded[i] && v.order_ok(i)));
    // Payouts are shown by their orders: the fees are the orders' measure.
    let settled = || idx(v.paid_orders(p).filter(|&i| o.settled[i]));
    match metric {
        "revenue" => figure(K::Orders, M::OrderTotal, paid()),
        "refund_amount" => figure(K::Orders, M::OrderTotal, refunded()),
        "refund_rate" => {
            let decided = super::sorted_range(&o.date, p)
                .filter(|&i| (o.refunded[i] || o.paid[i]) && v.order_ok(i));
            ratio(
                set(K::Orders, M::Count, refunded()),
                set(K::Orders, M::Count, idx(decided)),
            )
        }
        "cogs" => figure(K::Orders, M::Cogs, paid()),
        "marketplace_fees" => figure(K::Orders, M::Fees, settled()),
        "orders" => figure(K::Orders, M::Count, paid()),
        "aov" => ratio(
            set(K::Orders, M::OrderTotal, paid()),
            set(K::Orders, M::Count, paid()),
        ),
        "new_customers" => figure(K::Customers, M::Count, new_customers()),
        "active_customers" => figure(
            K::Customers,
            M::Count,
            first_per_customer(ds, v.paid_orders(p)),
        ),
        "retention_rate" | "churn_rate" => {
            let prev = DayRange::of(q.sel.prev());
            let now = active_marks(&v, p);
            let before = first_per_customer(ds, v.paid_orders(prev));
            let stayed = |i: &u32| now[ds.orders.customer[*i as usize] as usize];
            let kept: Vec<u32> = if metric == "retention_rate" {
                // Shown by their first order in P, the one that kept them.
                let had = active_marks(&v, prev);
                first_per_customer(
                    ds,
                    v.paid_orders(p)
                        .filter(|&i| had.get(ds.orders.customer[i] as usize) == Some(&true)),
                )
            } else {
                before.iter().copied().filter(|i| !stayed(i)).collect()
            };
            ratio(
                set(K::Customers, M::Count, kept),
                set(K::Customers, M::Count, before),
            )
        }
        "upsell_cross_sell_rate" => {
            let first = &v.customers.first_paid;
            let o = &ds.orders;
            let returning = |i: &usize| {
                first
                    .get(o.customer[*i] as usize)
                    .is_some_and(|&f| f < p.from)
            };
            let upsold = first_per_customer(
                ds,
                v.paid_orders(p)
                    .filter(returning)
                    .filter(|&i| v.customers.new_product[i]),
            );
            let all = first_per_customer(ds, v.paid_orders(p).filter(returning));
            ratio(
                set(K::Customers, M::Count, upsold),
                set(K::Customers, M::Count, all),
            )
        }
        "clv" => {
            let upto = DayRange {
                from: i32::MIN,
                to: p.to,
            };
            ratio(
                set(K::Orders, M::OrderTotal, idx(v.paid_orders(upto))),
                set(
                    K::Customers,
                    M::Count,
                    first_per_customer(ds, v.paid_orders(upto)),
                ),
            )
        }
        "cac" => ratio(
            set(K::Expenses, M::ExpenseAmount, acquisition()),
            set(K::Customers, M::Count, new_customers()),
        ),
        "expenses" => {
            let e = &ds.expenses;
            figure(
                K::Expenses,
                M::ExpenseAmount,
                idx((0..e.date.len()).filter(|&i| p.contains(e.date[i]) && v.expense_ok(i))),
            )
        }
        "mrr" => figure(K::Subscriptions, M::MonthlyAmount, active_on(p.to)),
        "subscription_churn" => {
            let active = active_on(p.from - 1);
            let ended = active
                .iter()
                .copied()
                .filter(|&i| s.end[i as usize] <= p.to)
                .collect();
            ratio(
                set(K::Subscriptions, M::Count, ended),
                set(K::Subscriptions, M::Count, active),
            )
        }
        "leads" => figure(K::Leads, M::Count, leads()),
        "referrals" => {
            let referral = ds.sources.find("referral");
            let rows = idx(leads_in(&v, p).filter(|&i| Some(ds.leads.source[i]) == referral));
            figure(K::Leads, M::Count, rows)
        }
        "lead_conversion_rate" => {
            let converted = idx(leads_in(&v, p).filter(|&i| ds.leads.converted[i]));
            ratio(
                set(K::Leads, M::Count, converted),
                set(K::Leads, M::Count, leads()),
            )
        }
        "lead_response_hours" => {
            let answered =
                || idx(leads_in(&v, p).filter(|&i| ds.leads.first_response[i] != NO_SECS));
            ratio(
                set(K::Leads, M::LeadResponseHours, answered()),
                set(K::Leads, M::Count, answered()),
            )
        }
        "opportunities" => figure(K::Deals, M::Count, idx(created_in(&v, p))),
        "opportunity_value" => figure(K::Deals, M::DealValue, idx(created_in(&v, p))),
        "deals_won" => figure(K::Deals, M::Count, won()),
        "win_rate" => ratio(
            set(K::Deals, M::Count, won()),
            set(K::Deals, M::Count, closed()),
        ),
        "avg_deal_size" => {
            let sized = || idx(won_in(&v, p).filter(|&i| d.close_value[i].is_some()));
            ratio(
                set(K::Deals, M::CloseValue, sized()),
                set(K::Deals, M::Count, sized()),
            )
        }
        "avg_deal_cycle_days" => {
            let dated = || idx(won_in(&v, p).filter(|&i| d.created[i] != NO_SECS));
            ratio(
                set(K::Deals, M::CycleDays, dated()),
                set(K::Deals, M::Count, dated()),
            )
        }
        "pipeline_value" => figure(K::Deals, M::DealValue, idx(pipeline(&v, p.to))),
        "activities" => figure(K::Activities, M::Count, activities()),
        "time_on_activities_hours" => figure(K::Activities, M::ActivityHours, activities()),
        "social_engagement" => figure(K::Activities, M::ActivityCount, of_types(&["social_post"])),
        "activity_ratio" => {
            let social = ds.activity_types.find("social_post");
            let working =
                idx(activities_in(&v, p).filter(|&i| Some(ds.activities.kind[i]) != social));
            ratio(
                set(K::Activities, M::Count, working),
                set(K::Deals, M::Count, won()),
            )
        }
        "csat" => {
            let happy = idx((0..ds.csat.date.len()).filter(|&i| {
                p.contains(ds.csat.date[i]) && ds.csat.score[i] >= 4.0 && v.csat_ok(i)
            }));
            ratio(
                set(K::Csat, M::Count, happy),
                set(K::Csat, M::Count, csat()),
            )
        }
        "csat_avg" => ratio(
            set(K::Csat, M::Score, csat()),
            set(K::Csat, M::Count, csat()),
        ),
        "inquiries" => figure(K::Inquiries, M::Count, inquiries()),
        "inquiry_response_hours" => {
            let answered = || {
                inquiries()
                    .into_iter()
                    .filter(|&i| ds.inquiries.responded[i as usize] != NO_SECS)
                    .collect::<Vec<u32>>()
            };
            ratio(
                set(K::Inquiries, M::InquiryResponseHours, answered()),
                set(K::Inquiries, M::Count, answered()),
            )
        }
        id => {
            if let Some((_, types)) = ACTIVITY_TYPES.iter().find(|(m, _)| *m == id) {
                figure(K::Activities, M::Count, of_types(types))
            } else if super::report::METRIC_IDS.contains(&id) {
                Err(RecordsError::NoRecords(id.to_string()))
            } else {
                Err(RecordsError::Unknown(id.to_string()))
            }
        }
    }
}

/// A part of a figure that a chart draws as one bar or cell, where the
/// query's period and filters cannot say it: a chart's time bucket, rep,
/// channel or lead source narrows the query itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Slice {
    /// One product's revenue: the paid orders that have it, each adding up
    /// its lines of the product.
    Product(String),
    /// Activities of one stored type (`call`, `demo`, ...).
    ActivityType(String),
    /// A funnel step: the deals created in the period that reached the
    /// pipeline's n-th stage.
    Reached(usize),
    /// A pipeline bar: the deals open at the period's end at the n-th
    /// stage; n = the number of stages stands for stages outside the pipeline.
    AtStage(usize),
    /// A cohort cell: the customers whose first paid order is in the month
    /// starting `month` and who ordered again `after` months later, over all
    /// the customers of that month.
    Cohort { month: NaiveDate, after: u32 },
}

/// The records behind one bar or cell of a chart, for the query's period
/// and filters; their count or sum is the bar's figure.
pub fn slice_records(ds: &Dataset, q: &Query, slice: &Slice) -> Records {
    let v = View::new(ds, &q.filters);
    let p = DayRange::of(q.sel.period);
    let figure = |kind, measure, rows| Records::Figure(RecordSet::new(ds, kind, measure, rows));
    // A name the data never had selects nothing rather than everything.
    let unknown = u32::MAX - 1;
    match slice {
        Slice::Product(name) => {
            let product = ds.products.find(name).unwrap_or(unknown);
            let o = &ds.orders;
            let rows = idx(v
                .paid_orders(p)
                .filter(|&i| o.lines(i).any(|l| o.line_product[l] == product)));
            figure(RecordKind::Orders, Measure::ProductLines(product), rows)
        }
        Slice::ActivityType(name) => {
            let kind = ds.activity_types.find(name).unwrap_or(unknown);
            let rows = idx(activities_in(&v, p).filter(|&i| ds.activities.kind[i] == kind));
            figure(RecordKind::Activities, Measure::Count, rows)
        }
        Slice::Reached(stage) => {
            let rows = idx(created_in(&v, p).filter(|&i| ds.deals.reach[i] >= *stage as i32));
            figure(RecordKind::Deals, Measure::Count, rows)
        }
        Slice::AtStage(stage) => {
            let last = ds.stages.len();
            let rows = idx(pipeline(&v, p.to)
                .filter(|&i| (stage_on(&v, i, p.to) as usize).min(last) == *stage));
            figure(RecordKind::Deals, Measure::DealValue, rows)
        }
        Slice::Cohort { month, after } => {
            let start = |n: u32| {
                month
                    .checked_add_months(Months::new(n))
                    .map_or(i32::MAX, day_of)
            };
            let first = &v.customers.first_paid;
            let cohort = DayRange {
                from: day_of(*month),
                to: start(1) - 1,
            };
            let in_cohort = |i: &usize| {
                first
                    .get(ds.orders.customer[*i] as usize)
                    .is_some_and(|&d| cohort.contains(d))
            };
            // As the chart counts: nothing after the period's end.
            let later = DayRange {
                from: start(*after),
                to: (start(after + 1) - 1).min(p.to),
            };
            let customers = |range| first_per_customer(ds, v.paid_orders(range).filter(in_cohort));
            Records::Ratio {
                numerator: RecordSet::new(
                    ds,
                    RecordKind::Customers,
                    Measure::Count,
                    customers(later),
                ),
                denominator: RecordSet::new(
                    ds,
                    RecordKind::Customers,
                    Measure::Count,
                    customers(cohort),
                ),
            }
        }
    }
}

/// The lines of the order stored under row id `order`, in line order: what
/// a row of orders shows when it is opened.
pub fn order_lines(db: &mut Database, order: i64) -> Result<Vec<Record>, PgError> {
    let kind = Kind::OrderLines;
    let fields: Vec<&'static Field> = kind.file_fields().collect();
    let columns: Vec<&str> = fields.iter().map(|f| f.column).collect();
    let selected: Vec<String> = columns.iter().map(|c| format!("l.{c}")).collect();
    // A row id from the dataset, never user text.
    let sql = format!(
        "SELECT l.id, {} FROM {} l \
         JOIN orders o ON o.order_id = l.order_id AND o.branch = l.branch \
         WHERE o.id = {order} ORDER BY l.line_no, l.id",
        selected.join(", "),
        kind.table(),
    );
    Ok(with_ids(db, &sql, kind.table(), &columns)?
        .into_iter()
        .map(|(id, values)| Record {
            id,
            fields: fields.iter().copied().zip(values).collect(),
        })
        .collect())
}

/// The rows of `sql`, which selects the row id and then `columns` of
/// `table`: each id with the columns' values.
fn with_ids(
    db: &mut Database,
    sql: &str,
    table: &str,
    columns: &[&str],
) -> Result<Vec<(i64, Vec<Value>)>, PgError> {
    let types: Vec<Ty> = std::iter::once(Ty::Int)
        .chain(columns.iter().map(|c| column_type(table, c)))
        .collect();
    Ok(db
        .rows(sql, &[], &types)?
        .into_iter()
        .filter_map(|row| {
            let mut values = row.into_iter();
            match values.next() {
                Some(Value::Integer(id)) => Some((id, values.collect())),
                _ => None,
            }
        })
        .collect())
}

/// A stored code in the words of `lang`: an order's, lead's or deal's
/// status, an activity's type; any other text as it was stored.
pub fn code_text(lang: Lang, ty: FieldType, text: &str) -> String {
    match ty {
        FieldType::OrderStatus | FieldType::DealStatus | FieldType::LeadStatus => lang.status(text),
        FieldType::ActivityType => lang.activity_type(text),
        _ => text.to_string(),
    }
}

/// A stored value as the user reads it: money in the locale's format with
/// its currency, numbers with the locale's separators.
pub fn value_text(lang: Lang, currency: &str, ty: FieldType, v: &Value) -> String {
    match v {
        Value::Null | Value::Blob(_) => String::new(),
        Value::Integer(n) if ty == FieldType::Money => {
            format::money(lang, currency, major(i128::from(*n)))
        }
        Value::Integer(n) => n.to_string(),
        Value::Real(x) => format::decimal(lang, *x, if x.fract() == 0.0 { 0 } else { 2 }),
        Value::Text(t) => t.clone(),
    }
}

impl Amount {
    /// As the user reads it: money with its currency, counts with
    /// separators, hours and days to a tenth.
    pub fn text(self, lang: Lang, currency: &str) -> String {
        match self {
            Amount::Minor(m) => format::money(lang, currency, major(m)),
            Amount::Whole(n) => format::count(lang, n),
            Amount::Real(x) => format::decimal(lang, x, 1),
        }
    }
}

impl RecordSet {
    /// The sum in the user's format; none for a count.
    pub fn sum_text(&self, lang: Lang, currency: &str) -> Option<String> {
        self.sum.map(|s| s.text(lang, currency))
    }
}

/// One stored record: its row id and every field of its kind, by name.
#[derive(Clone, Debug)]
pub struct Record {
    pub id: i64,
    pub fields: Vec<(&'static Field, Value)>,
}

/// How many row ids one statement looks up.
const CHUNK: usize = 500;

/// Every stored field of the records `ids` (of the stored kind of `kind`),
/// in the order given. An order's total is the one revenue counts (the sum
/// of its lines when the file gave none), read from `ds`.
pub fn fetch(
    db: &mut Database,
    ds: &Dataset,
    set: &RecordSet,
    range: std::ops::Range<usize>,
) -> Result<Vec<Record>, PgError> {
    let kind = set.kind.stored();
    let rows = set.rows.get(range).unwrap_or(&[]);
    let all_ids = set.kind.ids(ds);
    let fields: Vec<&'static Field> = kind.file_fields().collect();
    let columns: Vec<&str> = fields.iter().map(|f| f.column).collect();
    let mut by_id: HashMap<i64, Vec<Value>> = HashMap::with_capacity(rows.len());
    for chunk in rows.chunks(CHUNK) {
        // Row ids from the dataset, never user text.
        let ids: Vec<String> = chunk
            .iter()
            .map(|&i| all_ids[i as usize].to_string())
            .collect();
        let sql = format!(
            "SELECT id, {} FROM {} WHERE id IN ({})",
            columns.join(", "),
            kind.table(),
            ids.join(",")
        );
        by_id.extend(with_ids(db, &sql, kind.table(), &columns)?);
    }
    Ok(rows
        .iter()
        .filter_map(|&i| {
            let id = all_ids[i as usize];
            let values = by_id.remove(&id)?;
            let fields = fields
                .iter()
                .zip(values)
                .map(|(f, value)| {
                    let value = if kind == Kind::Orders && f.name == "total" {
                        Value::Integer(ds.orders.total[i as usize])
                    } else {
                        value
                    };
                    (*f, value)
                })
                .collect();
            Some(Record { id, fields })
        })
        .collect())
}

/// The rows of `set` with `needle` in one of their stored text fields
/// (ignoring case: SQLite's LIKE for ASCII letters, a server's ILIKE), in
/// the set's order.
/// Money is stored in minor units, so amounts are left out of the search
/// rather than matched on digits the user never sees.
pub fn search(
    db: &mut Database,
    ds: &Dataset,
    set: &RecordSet,
    needle: &str,
) -> Result<RecordSet, PgError> {
    let needle = needle.trim();
    if needle.is_empty() {
        return Ok(set.clone());
    }
    let kind = set.kind.stored();
    let cond: Vec<String> = kind
        .file_fields()
        .filter(|f| f.ty != crate::store::FieldType::Money)
        .map(|f| format!("CAST({} AS TEXT) {} $1 ESCAPE '\\'", f.column, db.like()))
        .collect();
    let pattern = format!(
        "%{}%",
        needle
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let sql = format!(
        "SELECT id FROM {} WHERE {}",
        kind.table(),
        cond.join(" OR ")
    );
    let hits: std::collections::HashSet<i64> = db
        .rows(&sql, &[&pattern], &[Ty::Int])?
        .into_iter()
        .filter_map(|row| match row.first() {
            Some(Value::Integer(id)) => Some(*id),
            _ => None,
        })
        .collect();
    let ids = set.kind.ids(ds);
    let rows = set
        .rows
        .iter()
        .copied()
        .filter(|&i| hits.contains(&ids[i as usize]))
        .collect();
    Ok(RecordSet::new(ds, set.kind, set.measure, rows))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::tests::{date, shop};
    use super::*;
    use crate::metrics::catalog;
    use crate::metrics::{Comparison, Filters, Selection, compute_report};
    use crate::store::Store;

    fn query(period: &str, filters: Filters) -> Query {
        Query {
            sel: Selection::parse(period).unwrap(),
            cmp: Comparison::Previous,
            filters,
            today: date("2030-01-01"),
        }
    }

    fn figure(r: Records) -> RecordSet {
        match r {
            Records::Figure(s) => s,
            Records::Ratio { .. } => panic!("a ratio"),
        }
    }

    /// The figure a set stands for: its sum, or its count.
    fn total(s: &RecordSet) -> f64 {
        s.sum.map_or(s.count() as f64, Amount::value)
    }

    /// What the figure is made of, by id: the figure a count or a sum is,
    /// the numerator over the denominator of a ratio.
    fn figure_of(r: &Records) -> Option<f64> {
        match r {
            Records::Figure(s) => Some(total(s)),
            Records::Ratio {
                numerator,
                denominator,
            } => ratio_of(total(numerator), denominator.count() as f64),
        }
    }

    fn ratio_of(n: f64, d: f64) -> Option<f64> {
        (d != 0.0).then(|| n / d)
    }

    /// Checks every metric with records against the report, on one query.
    fn agrees_with_the_report(ds: &Dataset, q: &Query) -> usize {
        let report = compute_report(ds, &q.sel, q.cmp, q.today, &q.filters);
        let figures = catalog::figures(&report.metrics);
        let mut checked = 0;
        for id in METRICS_WITH_RECORDS {
            let Some(&expected) = figures.get(id) else {
                continue; // not a key of the report (deals_won, expenses, ...)
            };
            let r = records(ds, q, id).unwrap();
            let got = figure_of(&r);
            match (expected, got) {
                (Some(e), Some(g)) => {
                    let tolerance = 0.006f64.max(e.abs() * 1e-9);
                    assert!((e - g).abs() <= tolerance, "{id} {q:?}: {e} vs {g}");
                    checked += 1;
                }
                (None, g) => {
                    // A kind never imported is null; its records are none.
                    assert!(g.is_none() || g == Some(0.0), "{id} {q:?}: null vs {g:?}");
                }
                (Some(e), None) => panic!("{id} {q:?}: {e} vs no records"),
            }
        }
        checked
    }

    #[test]
    fn the_records_make_every_figure_of_the_sample_shop() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("demo.laris")).unwrap();
        let opts = crate::demo::DemoOptions {
            scale: 2_000,
            seed: 3,
            until: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        };
        crate::demo::fill(&mut store, &opts, &mut |_| {}).unwrap();
        let ds = Dataset::load_with(store.conn(), None).unwrap();
        let rep = ds.reps.names()[0].clone();
        let channel = ds.channels.names()[0].clone();
        let source = ds.sources.names()[0].clone();
        let filters = [
            Filters::default(),
            Filters {
                rep: Some(rep),
                ..Filters::default()
            },
            Filters {
                channel: Some(channel),
                ..Filters::default()
            },
            Filters {
                source: Some(source),
                ..Filters::default()
            },
        ];
        let mut checked = 0;
        for period in [
            "month:2025-03",
            "quarter:2024-Q4",
            "year:2024",
            "week:2025-W10",
            "day:2025-05-02",
        ] {
            for f in &filters {
                checked += agrees_with_the_report(&ds, &query(period, f.clone()));
            }
        }
        // 35 figures with a value in most of the 20 queries: not a vacuous pass.
        assert!(checked > 500, "{checked}");
    }

    /// Every bar and cell of the charts a slice opens, against the chart's
    /// own figure.
    fn slices_agree_with_the_charts(ds: &Dataset, q: &Query) -> usize {
        let report = compute_report(ds, &q.sel, q.cmp, q.today, &q.filters);
        let charts = crate::metrics::charts::compute(ds, &q.sel, q.cmp, q.today, &q.filters);
        let close = |what: &str, e: f64, g: f64| {
            assert!((e - g).abs() < 0.006, "{what} {q:?}: {e} vs {g}");
        };
        let mut checked = 0;
        for product in report.metrics.top_products.iter().flatten() {
            let set = figure(slice_records(
                ds,
                q,
                &Slice::Product(product.product.clone()),
            ));
            close(&product.product, product.revenue, total(&set));
            checked += 1;
        }
        for (k, step) in report.metrics.funnel.iter().flatten().enumerate() {
            let set = figure(slice_records(ds, q, &Slice::Reached(k)));
            assert_eq!(set.count(), step.reached, "{} {q:?}", step.stage);
            checked += 1;
        }
        for (k, stage) in charts.pipeline.iter().flat_map(|p| &p.stages).enumerate() {
            let set = figure(slice_records(ds, q, &Slice::AtStage(k)));
            close(&stage.stage, stage.value, total(&set));
            checked += 1;
        }
        if let Some(a) = &charts.activities_over_time {
            for (t, counts) in a.types.iter().zip(&a.counts) {
                let set = figure(slice_records(ds, q, &Slice::ActivityType(t.clone())));
                assert_eq!(set.count(), counts.iter().sum::<u64>(), "{t} {q:?}");
                checked += 1;
            }
        }
        for cohort in charts.cohorts.iter().flat_map(|c| &c.rows) {
            for (after, share) in cohort.retained.iter().enumerate() {
                let slice = Slice::Cohort {
                    month: cohort.month,
                    after: after as u32,
                };
                let Records::Ratio {
                    numerator,
                    denominator,
                } = slice_records(ds, q, &slice)
                else {
                    panic!("a cohort cell is a ratio");
                };
                assert_eq!(denominator.count(), cohort.customers, "{slice:?}");
                if let Some(share) = share {
                    let got = numerator.count() as f64 / denominator.count() as f64;
                    close(&format!("{slice:?}"), *share, got);
                    checked += 1;
                }
            }
        }
        checked
    }

    #[test]
    fn every_bar_and_cell_of_the_charts_has_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("demo.laris")).unwrap();
        let opts = crate::demo::DemoOptions {
            scale: 2_000,
            seed: 5,
            until: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        };
        crate::demo::fill(&mut store, &opts, &mut |_| {}).unwrap();
        let ds = Dataset::load_with(store.conn(), None).unwrap();
        let rep = Filters {
            rep: Some(ds.reps.names()[1].clone()),
            ..Filters::default()
        };
        let mut checked = 0;
        for period in ["month:2025-03", "quarter:2024-Q4", "year:2024"] {
            for f in [Filters::default(), rep.clone()] {
                checked += slices_agree_with_the_charts(&ds, &query(period, f));
            }
        }
        assert!(checked > 200, "{checked}");
        // An order opened shows its lines, as revenue by product counts them.
        let o = &ds.orders;
        let i = (0..o.id.len()).find(|&i| o.lines(i).len() > 1).unwrap();
        let mut read = Database::File(Store::open_to_read(store.path()).unwrap());
        let lines = order_lines(&mut read, o.id[i]).unwrap();
        assert_eq!(lines.len(), o.lines(i).len());
        let stored: i64 = lines
            .iter()
            .map(
                |r| match r.fields.iter().find(|(f, _)| f.name == "line_total") {
                    Some((_, Value::Integer(n))) => *n,
                    other => panic!("{other:?}"),
                },
            )
            .sum();
        assert_eq!(stored, o.lines(i).map(|l| o.line_total[l]).sum::<i64>());
        // A name the shop never had opens nothing, not everything.
        let none = slice_records(
            &ds,
            &query("year:2024", Filters::default()),
            &Slice::Product("no such product".into()),
        );
        assert_eq!(figure(none).count(), 0);
    }

    #[test]
    fn revenue_and_win_rate_of_the_hand_made_shop() {
        let db = shop();
        let ds = Dataset::load(db.store.conn()).unwrap();
        // February 2024: O2 5000, O3 20000, O5 3000, O6 2000 paid; O4 refunded.
        let q = query("month:2024-02", Filters::default());
        let revenue = figure(records(&ds, &q, "revenue").unwrap());
        assert_eq!(revenue.count(), 4);
        assert_eq!(revenue.sum, Some(Amount::Minor(30_000)));
        let ids = fetch(&mut db.database(), &ds, &revenue, 0..4).unwrap();
        let order_id = |r: &Record| r.fields[0].1.clone();
        let names: Vec<Value> = ids.iter().map(order_id).collect();
        let text = |s: &str| Value::Text(s.into());
        assert_eq!(names, [text("O2"), text("O3"), text("O5"), text("O6")]);
        // Sari's: O2 and O5.
        let sari = Filters {
            rep: Some("sari".into()),
            ..Filters::default()
        };
        let r = figure(records(&ds, &query("month:2024-02", sari), "revenue").unwrap());
        assert_eq!((r.count(), r.sum), (2, Some(Amount::Minor(8_000))));
        // Closed in February: D1 won, D5 lost, D2 lost, D4 won; D7 won
        // without closed_at is in no period.
        let Records::Ratio {
            numerator,
            denominator,
        } = records(&ds, &q, "win_rate").unwrap()
        else {
            panic!("win_rate is a ratio");
        };
        assert_eq!((numerator.count(), denominator.count()), (2, 4));
        assert_eq!(numerator.kind, RecordKind::Deals);
    }

    #[test]
    fn sorted_searched_and_paged() {
        let db = shop();
        let ds = Dataset::load(db.store.conn()).unwrap();
        let q = query("month:2024-02", Filters::default());
        let mut revenue = figure(records(&ds, &q, "revenue").unwrap());
        revenue.sort_by(&ds, Column::Value, true);
        let totals: Vec<Cell> = (0..4)
            .map(|p| revenue.cell(&ds, p, Column::Value))
            .collect();
        let minor = |m| Cell::Amount(Amount::Minor(m));
        assert_eq!(
            totals,
            [minor(20_000), minor(5_000), minor(3_000), minor(2_000)]
        );
        revenue.sort_by(&ds, Column::Rep, false);
        assert_eq!(revenue.cell(&ds, 0, Column::Rep), Cell::Text("Budi".into()));
        // Ties keep their order: Budi's O3 (20,000) before O6 (2,000).
        assert_eq!(revenue.cell(&ds, 1, Column::Value), minor(2_000));
        revenue.sort_by(&ds, Column::Channel, true);
        let channels: Vec<Cell> = (0..4)
            .map(|p| revenue.cell(&ds, p, Column::Channel))
            .collect();
        let text = |t: &str| Cell::Text(t.into());
        assert_eq!(
            channels,
            [text("store"), text("store"), text("store"), text("online")]
        );
        // "ani" is in O5's customer name only (Sari has no "ani").
        let found = search(&mut db.database(), &ds, &revenue, "ani").unwrap();
        assert_eq!((found.count(), found.sum), (1, Some(Amount::Minor(3_000))));
        // A page past the end is empty, not a panic.
        assert!(
            fetch(&mut db.database(), &ds, &revenue, 10..20)
                .unwrap()
                .is_empty()
        );
        let page = fetch(&mut db.database(), &ds, &revenue, 1..3).unwrap();
        assert_eq!(page.len(), 2);
    }

    #[test]
    fn medians_and_unknown_ids_have_no_records() {
        let db = shop();
        let ds = Dataset::load(db.store.conn()).unwrap();
        let q = query("month:2024-02", Filters::default());
        assert_eq!(
            records(&ds, &q, "median_deal_cycle_days"),
            Err(RecordsError::NoRecords("median_deal_cycle_days".into()))
        );
        assert_eq!(
            records(&ds, &q, "omzet"),
            Err(RecordsError::Unknown("omzet".into()))
        );
    }
}
