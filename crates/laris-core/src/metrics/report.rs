//! The report: every metric of metrics.md for a period, as the JSON contract
//! of `laris report --json` and as the figures the app shows.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::dataset::Dataset;
use super::period::{Comparison, Period, PeriodKind, Selection};
use super::profit::{ChannelProfit, ProductProfit};
use super::{DayRange, Filters, View, activity, performance, productivity, profit, ratio};

/// Money leaves the report with two decimals (metrics.md, "Showing
/// numbers"); the figures in memory keep full precision.
pub(super) mod money {
    use std::collections::BTreeMap;

    use serde::Serializer;
    use serde::ser::SerializeMap;

    fn cents(x: f64) -> f64 {
        (x * 100.0).round() / 100.0
    }

    pub fn plain<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(cents(*x))
    }

    pub fn option<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match x {
            Some(x) => s.serialize_some(&cents(*x)),
            None => s.serialize_none(),
        }
    }

    pub fn map<S: Serializer>(x: &Option<BTreeMap<String, f64>>, s: S) -> Result<S::Ok, S::Error> {
        match x {
            None => s.serialize_none(),
            Some(m) => {
                let mut out = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    out.serialize_entry(k, &cents(*v))?;
                }
                out.end()
            }
        }
    }

    pub fn by_rep<S: Serializer>(
        x: &Option<BTreeMap<String, Option<f64>>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match x {
            None => s.serialize_none(),
            Some(m) => {
                let mut out = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    out.serialize_entry(k, &v.map(cents))?;
                }
                out.end()
            }
        }
    }
}

/// Every metric id of metrics.md (the report contract).
pub const METRIC_IDS: [&str; 66] = [
    "revenue",
    "orders",
    "aov",
    "sales_growth",
    "revenue_target",
    "target_attainment",
    "new_customers",
    "active_customers",
    "retention_rate",
    "churn_rate",
    "subscription_churn",
    "mrr",
    "mrr_growth",
    "clv",
    "cac",
    "clv_cac_ratio",
    "leads",
    "lead_conversion_rate",
    "opportunities",
    "opportunity_value",
    "win_rate",
    "avg_deal_cycle_days",
    "median_deal_cycle_days",
    "funnel",
    "goal_attainment",
    "quota_attainment",
    "csat",
    "csat_avg",
    "activities",
    "calls_emails",
    "meetings",
    "follow_ups",
    "proposals",
    "demos",
    "networking_events",
    "time_on_activities_hours",
    "lead_response_hours",
    "median_lead_response_hours",
    "social_engagement",
    "referrals",
    "conversion_by_source",
    "inquiry_response_hours",
    "median_inquiry_response_hours",
    "activity_ratio",
    "upsell_cross_sell_rate",
    "sales_per_rep",
    "avg_deal_size",
    "revenue_by_channel",
    "top_products",
    "pipeline_value",
    "weighted_pipeline",
    "win_rate_by_rep",
    "avg_deal_cycle_days_by_rep",
    "lead_conversion_rate_by_rep",
    "clv_by_rep",
    "refund_amount",
    "refund_rate",
    "cogs",
    "cost_coverage",
    "gross_profit",
    "gross_margin",
    "marketplace_fees",
    "fee_rate",
    "net_profit",
    "profit_by_channel",
    "profit_by_product",
];

/// The metrics that are one number: these are also given for the comparison
/// period (`previous`). Money in major units, rates as fractions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]

pub struct Scalars {
    #[serde(serialize_with = "money::option")]
    pub revenue: Option<f64>,
    pub orders: Option<u64>,
    #[serde(serialize_with = "money::option")]
    pub aov: Option<f64>,
    pub sales_growth: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub revenue_target: Option<f64>,
    pub target_attainment: Option<f64>,
    pub new_customers: Option<u64>,
    pub active_customers: Option<u64>,
    pub retention_rate: Option<f64>,
    pub churn_rate: Option<f64>,
    pub subscription_churn: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub mrr: Option<f64>,
    pub mrr_growth: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub clv: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub cac: Option<f64>,
    pub clv_cac_ratio: Option<f64>,
    pub leads: Option<u64>,
    pub lead_conversion_rate: Option<f64>,
    pub opportunities: Option<u64>,
    #[serde(serialize_with = "money::option")]
    pub opportunity_value: Option<f64>,
    pub win_rate: Option<f64>,
    pub avg_deal_cycle_days: Option<f64>,
    pub median_deal_cycle_days: Option<f64>,
    pub csat: Option<f64>,
    pub csat_avg: Option<f64>,
    pub calls_emails: Option<u64>,
    pub meetings: Option<u64>,
    pub follow_ups: Option<u64>,
    pub proposals: Option<u64>,
    pub demos: Option<u64>,
    pub networking_events: Option<u64>,
    pub lead_response_hours: Option<f64>,
    pub median_lead_response_hours: Option<f64>,
    pub social_engagement: Option<u64>,
    pub referrals: Option<u64>,
    pub inquiry_response_hours: Option<f64>,
    pub median_inquiry_response_hours: Option<f64>,
    pub activity_ratio: Option<f64>,
    pub upsell_cross_sell_rate: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub avg_deal_size: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub pipeline_value: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub weighted_pipeline: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub refund_amount: Option<f64>,
    pub refund_rate: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub cogs: Option<f64>,
    pub cost_coverage: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub gross_profit: Option<f64>,
    pub gross_margin: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub marketplace_fees: Option<f64>,
    pub fee_rate: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub net_profit: Option<f64>,
}

/// A figure in total, per activity type and per rep.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Breakdown<T> {
    pub total: T,
    pub by_type: BTreeMap<String, T>,
    pub by_rep: BTreeMap<String, T>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FunnelStep {
    pub stage: String,
    pub reached: u64,
    pub leakage: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Goal {
    #[serde(serialize_with = "money::plain")]
    pub target: f64,
    #[serde(serialize_with = "money::plain")]
    pub actual: f64,
    pub attainment: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Quota {
    pub by_rep: BTreeMap<String, Option<f64>>,
    pub reps_at_quota: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceConversion {
    pub leads: u64,
    pub rate: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RepSales {
    #[serde(serialize_with = "money::plain")]
    pub revenue: f64,
    #[serde(serialize_with = "money::plain")]
    pub deal_revenue: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProductSales {
    pub product: String,
    #[serde(serialize_with = "money::plain")]
    pub revenue: f64,
    pub quantity: f64,
}

pub type ByRep = BTreeMap<String, Option<f64>>;

/// Every metric id of metrics.md; `None` is JSON `null`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metrics {
    #[serde(flatten)]
    pub scalars: Scalars,
    pub activities: Option<Breakdown<u64>>,
    pub time_on_activities_hours: Option<Breakdown<f64>>,
    pub funnel: Option<Vec<FunnelStep>>,
    pub goal_attainment: Option<BTreeMap<String, Goal>>,
    pub quota_attainment: Option<Quota>,
    pub conversion_by_source: Option<BTreeMap<String, SourceConversion>>,
    pub sales_per_rep: Option<BTreeMap<String, RepSales>>,
    #[serde(serialize_with = "money::map")]
    pub revenue_by_channel: Option<BTreeMap<String, f64>>,
    pub top_products: Option<Vec<ProductSales>>,
    pub win_rate_by_rep: Option<ByRep>,
    pub avg_deal_cycle_days_by_rep: Option<ByRep>,
    pub lead_conversion_rate_by_rep: Option<ByRep>,
    #[serde(serialize_with = "money::by_rep")]
    pub clv_by_rep: Option<ByRep>,
    pub profit_by_channel: Option<BTreeMap<String, ChannelProfit>>,
    pub profit_by_product: Option<Vec<ProductProfit>>,
}

/// One bucket of a chart series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(serialize_with = "money::option")]
    pub revenue: Option<f64>,
    pub orders: Option<u64>,
    #[serde(serialize_with = "money::option")]
    pub aov: Option<f64>,
    pub new_customers: Option<u64>,
    pub active_customers: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// month, week or day.
    pub granularity: PeriodKind,
    pub points: Vec<SeriesPoint>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub prev_from: NaiveDate,
    pub prev_to: NaiveDate,
    pub kind: PeriodKind,
    pub currency: String,
    pub metrics: Metrics,
    pub previous: Scalars,
    pub series: Series,
}

/// The one-number metrics of `sel`, compared with `cmp_period` for growth.
pub fn scalars(v: &View<'_>, sel: &Selection, cmp_period: Period) -> Scalars {
    let p = DayRange::of(sel.period);
    let prev = DayRange::of(sel.prev());
    let mut s = Scalars::default();
    performance::fill(v, p, prev, &mut s);
    activity::fill(v, p, &mut s);
    productivity::fill(v, p, &mut s);
    profit::fill(v, p, &mut s);
    let growth =
        |now: Option<f64>, then: Option<f64>| now.zip(then).and_then(|(n, t)| ratio(n - t, t));
    let cmp = DayRange::of(cmp_period);
    s.sales_growth = growth(s.revenue, performance::revenue(v, cmp));
    s.mrr_growth = growth(s.mrr, performance::mrr(v, cmp.to));
    s
}

/// Buckets of a month for long ranges, a week for a few months, else a day;
/// beyond ten years, a year, so that an absurd custom range cannot ask for
/// thousands of buckets.
pub fn granularity(period: Period) -> PeriodKind {
    let days = period.days();
    if days > 3660 {
        PeriodKind::Year
    } else if days > 92 {
        PeriodKind::Month
    } else if days > 31 {
        PeriodKind::Week
    } else {
        PeriodKind::Day
    }
}

/// The calendar buckets of `granularity` that cover `period`, the first and
/// last cut to it.
pub fn buckets(period: Period, granularity: PeriodKind) -> Vec<Period> {
    let mut out = Vec::new();
    let mut bucket = Selection::containing(granularity, period.from);
    while bucket.period.from <= period.to {
        out.push(Period::new(
            bucket.period.from.max(period.from),
            bucket.period.to.min(period.to),
        ));
        let next = bucket.shift(1);
        if next.period.from <= bucket.period.from {
            break;
        }
        bucket = next;
    }
    out
}

fn series(v: &View<'_>, period: Period) -> Series {
    let granularity = granularity(period);
    let points = buckets(period, granularity)
        .into_iter()
        .map(|clipped| {
            let p = DayRange::of(clipped);
            let (revenue, orders) = performance::revenue_orders(v, p).unzip();
            SeriesPoint {
                from: clipped.from,
                to: clipped.to,
                revenue,
                orders,
                aov: revenue.zip(orders).and_then(|(r, n)| ratio(r, n as f64)),
                new_customers: performance::new_customers(v, p),
                active_customers: performance::active_customers(v, p),
            }
        })
        .collect();
    Series {
        granularity,
        points,
    }
}

/// Everything for one period: the figures, the comparison period's scalars
/// and the chart series. `today` decides like-for-like comparisons.
pub fn compute_report(
    ds: &Dataset,
    sel: &Selection,
    cmp: Comparison,
    today: NaiveDate,
    filters: &Filters,
) -> Report {
    let v = View::new(ds, filters);
    let cmp_period = sel.comparison(cmp, today);
    let cmp_sel = Selection {
        kind: sel.kind,
        period: cmp_period,
    };
    let p = DayRange::of(sel.period);
    let mut metrics = Metrics {
        scalars: scalars(&v, sel, cmp_period),
        ..Metrics::default()
    };
    performance::fill_breakdowns(&v, p, &mut metrics);
    activity::fill_breakdowns(&v, p, &mut metrics);
    productivity::fill_breakdowns(&v, p, &mut metrics);
    profit::fill_breakdowns(&v, p, &mut metrics);
    let previous = scalars(&v, &cmp_sel, cmp_sel.comparison(cmp, today));
    Report {
        from: sel.period.from,
        to: sel.period.to,
        prev_from: cmp_period.from,
        prev_to: cmp_period.to,
        kind: sel.kind,
        currency: ds.currency.clone(),
        metrics,
        previous,
        series: series(&v, sel.period),
    }
}
