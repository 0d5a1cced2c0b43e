//! The figures behind the dashboard's charts, per bucket of a period, with
//! the same definitions as the report (metrics.md: "Series for charts use
//! the same definitions applied to each calendar month (or week or day when
//! the range is short)"). The funnel, quotas, conversion by source, revenue
//! by channel and top products are the report's own breakdowns.

use chrono::{Datelike, NaiveDate};

use super::dataset::{NO_DAY, day_of};
use super::period::{Period, PeriodKind, add_months};
use super::report::{buckets, granularity};
use super::{
    Comparison, Dataset, DayRange, Filters, Selection, View, major, performance, productivity,
    ratio, sorted_range, targets,
};

/// How many months after its first the cohort chart follows a cohort.
pub const COHORT_MONTHS: usize = 12;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Charts {
    /// None: orders never imported.
    pub revenue: Option<RevenueSeries>,
    pub cohorts: Option<Cohorts>,
    /// None: activities never imported.
    pub activities_by_rep: Option<ActivitiesByRep>,
    pub activities_over_time: Option<ActivitiesOverTime>,
    /// None: deals never imported.
    pub pipeline: Option<Pipeline>,
}

/// Revenue per bucket of P, with the comparison period's matching bucket and
/// the revenue target of the bucket.
#[derive(Clone, Debug, PartialEq)]
pub struct RevenueSeries {
    pub granularity: PeriodKind,
    pub comparison: Period,
    pub buckets: Vec<RevenueBucket>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RevenueBucket {
    pub period: Period,
    /// Major units.
    pub revenue: f64,
    /// The comparison period's bucket of the same rank; none where the
    /// comparison period is shorter (a like-for-like cut).
    pub comparison: Option<f64>,
    /// Prorated as revenue_target; none without a revenue target.
    pub target: Option<f64>,
    /// Where the bucket will land (`projection::projected_buckets`), for a
    /// period that contains today; none for buckets already over.
    pub projected: Option<f64>,
}

/// Customers grouped by the month of their first paid order.
#[derive(Clone, Debug, PartialEq)]
pub struct Cohorts {
    pub rows: Vec<Cohort>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cohort {
    /// The first day of the cohort's month.
    pub month: NaiveDate,
    pub customers: u64,
    /// For N = 0..COHORT_MONTHS months later, the share of the cohort with a
    /// paid order in that month; none for months that start after P's end
    /// and for an empty cohort.
    pub retained: [Option<f64>; COHORT_MONTHS],
}

/// Activity counts in P: `counts[type][rep]`, reps by total, largest first.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivitiesByRep {
    pub types: Vec<String>,
    pub reps: Vec<String>,
    pub counts: Vec<Vec<u64>>,
}

/// Activity counts per bucket of P: `counts[type][bucket]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivitiesOverTime {
    pub granularity: PeriodKind,
    pub types: Vec<String>,
    pub buckets: Vec<Period>,
    pub counts: Vec<Vec<u64>>,
}

/// pipeline_value and weighted_pipeline per stage at P's end, in pipeline
/// order; deals at a stage outside the pipeline last, under an empty name.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    pub stages: Vec<StagePipeline>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StagePipeline {
    pub stage: String,
    /// Major units.
    pub value: f64,
    pub weighted: f64,
}

/// Every chart's figures for one period, filters and comparison.
pub fn compute(
    ds: &Dataset,
    sel: &Selection,
    cmp: Comparison,
    today: NaiveDate,
    filters: &Filters,
) -> Charts {
    let v = View::new(ds, filters);
    let p = DayRange::of(sel.period);
    Charts {
        revenue: v
            .present
            .orders
            .then(|| revenue(&v, sel.period, sel.comparison(cmp, today))),
        cohorts: v.present.orders.then(|| cohorts(&v, sel.period)),
        activities_by_rep: v.present.activities.then(|| activities_by_rep(&v, p)),
        activities_over_time: v
            .present
            .activities
            .then(|| activities_over_time(&v, sel.period)),
        pipeline: v.present.deals.then(|| pipeline(&v, p.to)),
    }
}

fn revenue(v: &View<'_>, period: Period, comparison: Period) -> RevenueSeries {
    let granularity = granularity(period);
    let revenue_of = |b: Period| performance::revenue(v, DayRange::of(b)).unwrap_or(0.0);
    let then: Vec<f64> = buckets(comparison, granularity)
        .into_iter()
        .map(revenue_of)
        .collect();
    let buckets = buckets(period, granularity)
        .into_iter()
        .enumerate()
        .map(|(k, b)| RevenueBucket {
            period: b,
            revenue: revenue_of(b),
            comparison: then.get(k).copied(),
            target: targets::revenue_target(v, DayRange::of(b)).map(|t| t.major()),
            projected: None,
        })
        .collect();
    RevenueSeries {
        granularity,
        comparison,
        buckets,
    }
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn cohorts(v: &View<'_>, period: Period) -> Cohorts {
    let last = month_start(period.to);
    let first = month_start(period.from).min(add_months(last, 1 - COHORT_MONTHS as i32));
    let count = (last.year() * 12 + last.month0() as i32
        - first.year() * 12
        - first.month0() as i32) as usize
        + 1;
    // Month k starts at starts[k]; one more month than the cohorts reach.
    let starts: Vec<i32> = (0..=count + COHORT_MONTHS)
        .map(|k| day_of(add_months(first, k as i32)))
        .collect();
    let month_of = |day: i32| starts.partition_point(|&s| s <= day).checked_sub(1);
    let first_paid = &v.customers.first_paid;
    let cohort_of: Vec<Option<usize>> = first_paid
        .iter()
        .map(|&d| (d != NO_DAY).then(|| month_of(d)).flatten())
        .map(|m| m.filter(|&m| m < count))
        .collect();
    // Bit N: a paid order N months after the customer's first month.
    let mut seen = vec![0u16; first_paid.len()];
    let to = day_of(period.to);
    let orders = &v.ds.orders;
    let span = DayRange {
        from: starts[0],
        to: to.min(starts[count + COHORT_MONTHS - 1] - 1),
    };
    let mut month = 0;
    for i in v.paid_orders(span) {
        // Orders come by date, so the month only moves forward.
        while starts[month + 1] <= orders.date[i] {
            month += 1;
        }
        let c = orders.customer[i] as usize;
        if let Some(Some(cohort)) = cohort_of.get(c)
            && let Some(n) = month.checked_sub(*cohort).filter(|&n| n < COHORT_MONTHS)
        {
            seen[c] |= 1 << n;
        }
    }
    let mut sizes = vec![0u64; count];
    let mut kept = vec![[0u64; COHORT_MONTHS]; count];
    for (c, cohort) in cohort_of.iter().enumerate() {
        if let Some(k) = *cohort {
            sizes[k] += 1;
            for (n, slot) in kept[k].iter_mut().enumerate() {
                *slot += u64::from((seen[c] >> n) & 1);
            }
        }
    }
    let rows = (0..count)
        .map(|k| Cohort {
            month: add_months(first, k as i32),
            customers: sizes[k],
            retained: std::array::from_fn(|n| {
                (starts[k + n] <= to)
                    .then(|| ratio(kept[k][n] as f64, sizes[k] as f64))
                    .flatten()
            }),
        })
        .collect();
    Cohorts { rows }
}

/// Type ids by total in P, largest first, ties by name; types unseen in P left out.
fn ranked(totals: &[u64], names: &super::dataset::Names) -> Vec<usize> {
    let mut ids: Vec<usize> = (0..totals.len()).filter(|&k| totals[k] > 0).collect();
    ids.sort_by(|&a, &b| {
        totals[b]
            .cmp(&totals[a])
            .then_with(|| names.name(a as u32).cmp(names.name(b as u32)))
    });
    ids
}

fn activities_in<'a>(v: &'a View<'_>, p: DayRange) -> impl Iterator<Item = usize> + 'a {
    sorted_range(&v.ds.activities.date, p).filter(|&i| v.activity_ok(i))
}

/// The types of P's activities in chart order.
fn types_in(v: &View<'_>, p: DayRange) -> Vec<usize> {
    let a = &v.ds.activities;
    let mut totals = vec![0u64; v.ds.activity_types.len()];
    for i in activities_in(v, p) {
        if let Some(t) = totals.get_mut(a.kind[i] as usize) {
            *t += 1;
        }
    }
    ranked(&totals, &v.ds.activity_types)
}

fn names(ids: &[usize], names: &super::dataset::Names) -> Vec<String> {
    ids.iter()
        .map(|&k| names.name(k as u32).to_string())
        .collect()
}

fn activities_by_rep(v: &View<'_>, p: DayRange) -> ActivitiesByRep {
    let ds = v.ds;
    let a = &ds.activities;
    let (n_types, n_reps) = (ds.activity_types.len(), ds.reps.len());
    let mut grid = vec![0u64; n_types * n_reps];
    let mut rep_totals = vec![0u64; n_reps];
    for i in activities_in(v, p) {
        let (t, r) = (a.kind[i] as usize, a.rep[i] as usize);
        if t < n_types && r < n_reps {
            grid[t * n_reps + r] += 1;
            rep_totals[r] += 1;
        }
    }
    let types = types_in(v, p);
    let reps = ranked(&rep_totals, &ds.reps);
    ActivitiesByRep {
        counts: types
            .iter()
            .map(|&t| reps.iter().map(|&r| grid[t * n_reps + r]).collect())
            .collect(),
        types: names(&types, &ds.activity_types),
        reps: names(&reps, &ds.reps),
    }
}

fn activities_over_time(v: &View<'_>, period: Period) -> ActivitiesOverTime {
    let granularity = granularity(period);
    let buckets = buckets(period, granularity);
    let types = types_in(v, DayRange::of(period));
    let column: Vec<Option<usize>> = {
        let mut column = vec![None; v.ds.activity_types.len()];
        for (row, &t) in types.iter().enumerate() {
            column[t] = Some(row);
        }
        column
    };
    let mut counts = vec![vec![0u64; buckets.len()]; types.len()];
    let kind = &v.ds.activities.kind;
    for (k, b) in buckets.iter().enumerate() {
        for i in activities_in(v, DayRange::of(*b)) {
            if let Some(Some(row)) = column.get(kind[i] as usize) {
                counts[*row][k] += 1;
            }
        }
    }
    ActivitiesOverTime {
        granularity,
        types: names(&types, &v.ds.activity_types),
        buckets,
        counts,
    }
}

fn pipeline(v: &View<'_>, to: i32) -> Pipeline {
    let per = productivity::pipeline_by_stage(v, to);
    let stages = per
        .iter()
        .enumerate()
        .filter(|&(k, s)| k < v.ds.stages.len() || s.value_minor != 0)
        .map(|(k, s)| StagePipeline {
            stage: v.ds.stages.get(k).cloned().unwrap_or_default(),
            value: major(s.value_minor),
            weighted: s.weighted_minor / 100.0,
        })
        .collect();
    Pipeline { stages }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::compute_report;
    use crate::metrics::tests::{LATER, date, shop};

    fn charts_and_report(period: &str) -> (Charts, crate::metrics::Report) {
        let d = shop();
        let ds = Dataset::load(d.store.conn()).unwrap();
        let sel = Selection::parse(period).unwrap();
        let (cmp, today, none) = (Comparison::Previous, date(LATER), Filters::default());
        (
            compute(&ds, &sel, cmp, today, &none),
            compute_report(&ds, &sel, cmp, today, &none),
        )
    }

    #[track_caller]
    fn approx(got: f64, expected: f64) {
        assert!(
            (got - expected).abs() < 1e-9,
            "got {got}, expected {expected}"
        );
    }

    #[test]
    fn revenue_per_day_with_comparison_and_target() {
        let (c, r) = charts_and_report("month:2024-02");
        let rev = c.revenue.unwrap();
        // 29 days of February, so one bucket a day.
        assert_eq!(rev.granularity, PeriodKind::Day);
        assert_eq!(rev.buckets.len(), 29);
        let day = |n: usize| &rev.buckets[n - 1];
        approx(day(5).revenue, 50.0); // O2
        approx(day(10).revenue, 200.0); // O3
        approx(day(15).revenue, 0.0); // O4 refunded
        approx(day(29).revenue, 20.0); // O6 at 23:59:59
        // The comparison is January, day for day: O1 on 10 January.
        assert_eq!(day(10).comparison, Some(100.0));
        assert_eq!(day(11).comparison, Some(0.0));
        // The team's February target 580 over 29 days.
        approx(day(1).target.unwrap(), 20.0);
        let sum: f64 = rev.buckets.iter().map(|b| b.revenue).sum();
        approx(sum, r.metrics.scalars.revenue.unwrap());
    }

    #[test]
    fn revenue_per_month_sums_to_the_year() {
        let (c, r) = charts_and_report("year:2024");
        let rev = c.revenue.unwrap();
        assert_eq!(rev.granularity, PeriodKind::Month);
        let months: Vec<f64> = rev.buckets.iter().map(|b| b.revenue).collect();
        assert_eq!(&months[..4], &[100.0, 300.0, 80.0, 0.0]);
        assert_eq!(rev.buckets[1].comparison, Some(0.0)); // 2023 has no paid order
        // Team targets: January and March take the quarter's 10 a day (310),
        // February its own month (580), April the year's 10 a day (300).
        let targets: Vec<f64> = rev.buckets.iter().map(|b| b.target.unwrap()).collect();
        approx(targets[0], 310.0);
        approx(targets[1], 580.0);
        approx(targets[2], 310.0);
        approx(targets[3], 300.0);
        approx(
            targets.iter().sum(),
            r.metrics.scalars.revenue_target.unwrap(),
        );
        approx(months.iter().sum(), r.metrics.scalars.revenue.unwrap());
    }

    #[test]
    fn a_comparison_cut_like_for_like_leaves_later_buckets_without_one() {
        let d = shop();
        let ds = Dataset::load(d.store.conn()).unwrap();
        let sel = Selection::parse("month:2024-03").unwrap();
        let none = Filters::default();
        // Today is 10 March: February is cut to its first 10 days.
        let c = compute(&ds, &sel, Comparison::Previous, date("2024-03-10"), &none);
        let rev = c.revenue.unwrap();
        assert_eq!(rev.comparison.to, date("2024-02-10"));
        assert_eq!(rev.buckets[9].comparison, Some(200.0)); // O3 on 10 February
        assert_eq!(rev.buckets[10].comparison, None);
    }

    #[test]
    fn cohorts_by_month_of_first_paid_order() {
        let (c, _) = charts_and_report("month:2024-03");
        let rows = c.cohorts.unwrap().rows;
        // The twelve months up to March 2024.
        assert_eq!(rows.len(), 12);
        assert_eq!(rows[0].month, date("2023-04-01"));
        assert_eq!(rows[0].customers, 0);
        assert_eq!(rows[0].retained, [None; COHORT_MONTHS]);
        let jan = &rows[9];
        // C1: paid in January and February; O9 in March is cancelled.
        assert_eq!((jan.month, jan.customers), (date("2024-01-01"), 1));
        assert_eq!(&jan.retained[..4], &[Some(1.0), Some(1.0), Some(0.0), None]);
        // C2 and Ani Wijaya; only Ani (O8, matched by name) paid in March.
        let feb = &rows[10];
        assert_eq!(feb.customers, 2);
        assert_eq!(&feb.retained[..3], &[Some(1.0), Some(0.5), None]);
        let mar = &rows[11];
        assert_eq!(mar.customers, 1); // C4; O6 has no customer
        assert_eq!(&mar.retained[..2], &[Some(1.0), None]);
    }

    #[test]
    fn a_long_period_has_a_cohort_per_month() {
        let (c, _) = charts_and_report("year:2024");
        assert_eq!(c.cohorts.unwrap().rows.len(), 12);
        let d = shop();
        let ds = Dataset::load(d.store.conn()).unwrap();
        let sel = Selection::from_range(date("2023-01-01"), date("2024-12-31")).unwrap();
        let c = compute(
            &ds,
            &sel,
            Comparison::Previous,
            date(LATER),
            &Filters::default(),
        );
        let rows = c.cohorts.unwrap().rows;
        assert_eq!(rows.len(), 24);
        assert_eq!(rows[12].customers, 1); // January 2024: C1
    }

    #[test]
    fn activities_by_rep_and_type() {
        let (c, r) = charts_and_report("month:2024-02");
        let a = c.activities_by_rep.unwrap();
        // call 2 (A1, A9 without rep) and social_post 2 first, then by name.
        assert_eq!(
            a.types,
            [
                "call",
                "social_post",
                "demo",
                "email",
                "follow_up",
                "meeting",
                "networking_event",
                "proposal"
            ]
        );
        // Sari 5 (A1, A2, A5, A7, A8), Budi 4 (A3, A4, A6, A10).
        assert_eq!(a.reps, ["Sari", "Budi"]);
        assert_eq!(a.counts[0], [1, 0]);
        assert_eq!(a.counts[1], [1, 1]);
        let by_rep = &r.metrics.activities.unwrap().by_rep;
        for (k, rep) in a.reps.iter().enumerate() {
            let total: u64 = a.counts.iter().map(|row| row[k]).sum();
            assert_eq!(total, by_rep[rep]);
        }
    }

    #[test]
    fn activities_per_week_sum_to_the_quarter() {
        let (c, r) = charts_and_report("quarter:2024-Q1");
        let a = c.activities_over_time.unwrap();
        // 91 days: weekly buckets, the first from Monday 1 January.
        assert_eq!(a.granularity, PeriodKind::Week);
        assert_eq!(a.buckets.len(), 13);
        let by_type = r.metrics.activities.unwrap().by_type;
        for (t, name) in a.types.iter().enumerate() {
            assert_eq!(a.counts[t].iter().sum::<u64>(), by_type[name], "{name}");
        }
        // A11 (call, 1 March) is in the week of Monday 26 February.
        let call = a.types.iter().position(|t| t == "call").unwrap();
        let week = a
            .buckets
            .iter()
            .position(|b| b.from == date("2024-02-26"))
            .unwrap();
        assert_eq!(a.counts[call][week], 1);
    }

    #[test]
    fn pipeline_per_stage_at_the_end_of_the_period() {
        let (c, r) = charts_and_report("month:2024-01");
        let p = c.pipeline.unwrap();
        let names: Vec<&str> = p.stages.iter().map(|s| s.stage.as_str()).collect();
        assert_eq!(
            &names[..4],
            ["prospecting", "qualified", "proposal", "negotiation"]
        );
        // On 31 January: D2 500 and D6 50 at prospecting (3/7), D1 1000 at proposal (3/3).
        approx(p.stages[0].value, 550.0);
        approx(p.stages[0].weighted, 550.0 * 3.0 / 7.0);
        approx(p.stages[1].value, 0.0);
        approx(p.stages[2].value, 1000.0);
        approx(p.stages[2].weighted, 1000.0);
        let s = &r.metrics.scalars;
        approx(
            p.stages.iter().map(|x| x.value).sum(),
            s.pipeline_value.unwrap(),
        );
        approx(
            p.stages.iter().map(|x| x.weighted).sum(),
            s.weighted_pipeline.unwrap(),
        );
    }

    #[test]
    fn kinds_never_imported_have_no_chart() {
        let d = crate::metrics::tests::db("");
        let ds = Dataset::load(d.store.conn()).unwrap();
        let sel = Selection::parse("month:2024-02").unwrap();
        let c = compute(
            &ds,
            &sel,
            Comparison::Previous,
            date(LATER),
            &Filters::default(),
        );
        assert_eq!(c, Charts::default());
    }
}
