//! Sales performance (metrics.md): orders, customers, subscriptions, targets,
//! leads, deals and satisfaction.

use std::collections::BTreeMap;

use super::dataset::{DealStatus, NO_DAY, NO_SECS, SECS_PER_DAY, TargetMetric, day_of_secs};
use super::report::{FunnelStep, Goal, Metrics, Quota, Scalars};
use super::targets::{self, TEAM};
use super::{DayRange, Tally, View, major, mean, median, ratio, sorted_range, when};

/// Revenue (minor units) and number of paid orders in P.
fn revenue_orders_minor(v: &View<'_>, p: DayRange) -> (i128, u64) {
    let o = &v.ds.orders;
    v.paid_orders(p)
        .fold((0, 0), |(r, n), i| (r + i128::from(o.total[i]), n + 1))
}

pub fn revenue_orders(v: &View<'_>, p: DayRange) -> Option<(f64, u64)> {
    when(v.present.orders, || {
        let (r, n) = revenue_orders_minor(v, p);
        (major(r), n)
    })
}

pub fn revenue(v: &View<'_>, p: DayRange) -> Option<f64> {
    revenue_orders(v, p).map(|(r, _)| r)
}

/// Customers whose first paid order (under the filters) is in P.
pub fn new_customers(v: &View<'_>, p: DayRange) -> Option<u64> {
    when(v.present.orders, || {
        sorted_range(&v.customers.first_paid_sorted, p).len() as u64
    })
}

/// Marks the customers with a paid order in P.
fn mark_customers(v: &View<'_>, p: DayRange, marks: &mut [u8], bit: u8) {
    let o = &v.ds.orders;
    for i in v.paid_orders(p) {
        if let Some(m) = marks.get_mut(o.customer[i] as usize) {
            *m |= bit;
        }
    }
}

pub fn active_customers(v: &View<'_>, p: DayRange) -> Option<u64> {
    when(v.present.orders, || {
        let mut marks = vec![0u8; v.ds.customers];
        mark_customers(v, p, &mut marks, 1);
        marks.iter().filter(|&&m| m != 0).count() as u64
    })
}

/// (retained, customers in prev(P)) and the customers active in P.
fn retention_counts(v: &View<'_>, p: DayRange, prev: DayRange) -> (u64, u64, u64) {
    let mut marks = vec![0u8; v.ds.customers];
    mark_customers(v, prev, &mut marks, 1);
    mark_customers(v, p, &mut marks, 2);
    let count = |want: u8| marks.iter().filter(|&&m| m & want == want).count() as u64;
    (count(3), count(1), count(2))
}

pub fn mrr(v: &View<'_>, to: i32) -> Option<f64> {
    let s = &v.ds.subscriptions;
    when(v.present.subscriptions, || {
        major(
            (0..s.start.len())
                .filter(|&i| s.start[i] <= to && (s.end[i] == NO_DAY || s.end[i] > to))
                .filter(|&i| v.subscription_ok(i))
                .map(|i| i128::from(s.monthly[i]))
                .sum(),
        )
    })
}

fn subscription_churn(v: &View<'_>, p: DayRange) -> Option<f64> {
    let s = &v.ds.subscriptions;
    if !v.present.subscriptions {
        return None;
    }
    let eve = p.from - 1;
    let active: Vec<usize> = (0..s.start.len())
        .filter(|&i| s.start[i] <= eve && (s.end[i] == NO_DAY || s.end[i] > eve))
        .filter(|&i| v.subscription_ok(i))
        .collect();
    let ended = active.iter().filter(|&&i| s.end[i] <= p.to).count();
    ratio(ended as f64, active.len() as f64)
}

/// Revenue of paid orders up to `to` (orders without a customer included)
/// over the customers who had bought by then.
fn clv(v: &View<'_>, to: i32) -> Option<f64> {
    let upto = DayRange { from: i32::MIN, to };
    let (revenue, _) = revenue_orders_minor(v, upto);
    let customers = v.customers.first_paid_sorted.partition_point(|&d| d <= to);
    ratio(major(revenue), customers as f64)
}

/// Deals won or lost with closed_at in P (a closed deal without closed_at is in no period).
pub fn closed_in<'a>(v: &'a View<'_>, p: DayRange) -> impl Iterator<Item = usize> + 'a {
    let d = &v.ds.deals;
    (0..d.len()).filter(move |&i| {
        d.status[i] != DealStatus::Open
            && d.closed[i] != NO_SECS
            && p.contains(day_of_secs(d.closed[i]))
            && v.deal_ok(i)
    })
}

pub fn won_in<'a>(v: &'a View<'_>, p: DayRange) -> impl Iterator<Item = usize> + 'a {
    closed_in(v, p).filter(|&i| v.ds.deals.status[i] == DealStatus::Won)
}

/// Fractional days from creation to close, for won deals that have both.
pub fn cycle_days(v: &View<'_>, i: usize) -> Option<f64> {
    let d = &v.ds.deals;
    (d.created[i] != NO_SECS).then(|| (d.closed[i] - d.created[i]) as f64 / SECS_PER_DAY as f64)
}

pub(crate) fn created_in<'a>(v: &'a View<'_>, p: DayRange) -> impl Iterator<Item = usize> + 'a {
    let d = &v.ds.deals;
    (0..d.len()).filter(move |&i| {
        d.created[i] != NO_SECS && p.contains(day_of_secs(d.created[i])) && v.deal_ok(i)
    })
}

/// Leads created in P (indices).
pub fn leads_in<'a>(v: &'a View<'_>, p: DayRange) -> impl Iterator<Item = usize> + 'a {
    let l = &v.ds.leads;
    (0..l.created.len()).filter(move |&i| p.contains(day_of_secs(l.created[i])) && v.lead_ok(i))
}

pub fn fill(v: &View<'_>, p: DayRange, prev: DayRange, s: &mut Scalars) {
    let ds = v.ds;
    if v.present.orders {
        let (revenue, orders) = revenue_orders_minor(v, p);
        s.revenue = Some(major(revenue));
        s.orders = Some(orders);
        s.aov = ratio(major(revenue), orders as f64);
        s.new_customers = new_customers(v, p);
        let (retained, before, active) = retention_counts(v, p, prev);
        s.active_customers = Some(active);
        s.retention_rate = ratio(retained as f64, before as f64);
        s.churn_rate = s.retention_rate.map(|r| 1.0 - r);
        s.clv = clv(v, p.to);
        let target = targets::revenue_target(v, p);
        s.revenue_target = target.map(|t| t.major());
        s.target_attainment = target.and_then(|t| t.attainment(revenue));
    } else {
        s.revenue_target = targets::revenue_target(v, p).map(|t| t.major());
    }
    s.subscription_churn = subscription_churn(v, p);
    s.mrr = mrr(v, p.to);
    if v.present.expenses {
        let e = &ds.expenses;
        let spend: i128 = sorted_range_unsorted(&e.date, p)
            .filter(|&i| e.acquisition[i] && v.expense_ok(i))
            .map(|i| i128::from(e.amount[i]))
            .sum();
        s.cac = s.new_customers.and_then(|n| ratio(major(spend), n as f64));
    }
    s.clv_cac_ratio = s.clv.zip(s.cac).and_then(|(l, c)| ratio(l, c));

    if v.present.leads {
        let (mut n, mut converted) = (0u64, 0u64);
        for i in leads_in(v, p) {
            n += 1;
            converted += u64::from(ds.leads.converted[i]);
        }
        s.leads = Some(n);
        s.lead_conversion_rate = ratio(converted as f64, n as f64);
    }

    if v.present.deals {
        let d = &ds.deals;
        let (mut n, mut value) = (0u64, 0i128);
        for i in created_in(v, p) {
            n += 1;
            value += i128::from(d.value[i]);
        }
        s.opportunities = Some(n);
        s.opportunity_value = Some(major(value));
        let (mut won, mut decided) = (0u64, 0u64);
        for i in closed_in(v, p) {
            decided += 1;
            won += u64::from(d.status[i] == DealStatus::Won);
        }
        s.win_rate = ratio(won as f64, decided as f64);
        let mut cycles: Vec<f64> = won_in(v, p).filter_map(|i| cycle_days(v, i)).collect();
        s.avg_deal_cycle_days = mean(&cycles);
        s.median_deal_cycle_days = median(&mut cycles);
    }

    if v.present.csat {
        let c = &ds.csat;
        let scores: Vec<f64> = sorted_range_unsorted(&c.date, p)
            .filter(|&i| v.csat_ok(i))
            .map(|i| c.score[i])
            .collect();
        let happy = scores.iter().filter(|&&x| x >= 4.0).count();
        s.csat = ratio(happy as f64, scores.len() as f64);
        s.csat_avg = mean(&scores);
    }
}

/// Indices of an unsorted date column inside P.
pub fn sorted_range_unsorted(dates: &[i32], p: DayRange) -> impl Iterator<Item = usize> + '_ {
    (0..dates.len()).filter(move |&i| p.contains(dates[i]))
}

pub fn fill_breakdowns(v: &View<'_>, p: DayRange, m: &mut Metrics) {
    if v.present.deals {
        m.funnel = Some(funnel(v, p));
    }
    if v.present.targets {
        m.goal_attainment = Some(goal_attainment(v, p));
    }
    if v.present.orders {
        m.quota_attainment = Some(quota_attainment(v, p));
    }
}

fn funnel(v: &View<'_>, p: DayRange) -> Vec<FunnelStep> {
    let stages = &v.ds.stages;
    let mut reached = vec![0u64; stages.len()];
    for i in created_in(v, p) {
        let reach = v.ds.deals.reach[i];
        for r in reached.iter_mut().take((reach + 1).max(0) as usize) {
            *r += 1;
        }
    }
    (0..stages.len())
        .map(|k| FunnelStep {
            stage: stages[k].clone(),
            reached: reached[k],
            leakage: reached
                .get(k + 1)
                .and_then(|&next| ratio(next as f64, reached[k] as f64))
                .map(|kept| 1.0 - kept),
        })
        .collect()
}

/// The actual of a target metric in P, in the target's unit (minor units for
/// revenue, hundredths for counts, as targets are stored).
fn actual_minor(v: &View<'_>, metric: TargetMetric, p: DayRange) -> i128 {
    match metric {
        TargetMetric::Revenue => revenue_orders_minor(v, p).0,
        TargetMetric::DealsWon => won_in(v, p).count() as i128 * 100,
        TargetMetric::NewCustomers => i128::from(new_customers(v, p).unwrap_or(0)) * 100,
        TargetMetric::Activities => {
            let a = &v.ds.activities;
            sorted_range(&a.date, p)
                .filter(|&i| v.activity_ok(i))
                .count() as i128
                * 100
        }
    }
}

fn goal_attainment(v: &View<'_>, p: DayRange) -> BTreeMap<String, Goal> {
    let mut goals = BTreeMap::new();
    for metric in TargetMetric::ALL {
        if let Some(target) = targets::prorated(v, metric, TEAM, p) {
            let actual = actual_minor(v, metric, p);
            goals.insert(
                metric.id().to_string(),
                Goal {
                    target: target.major(),
                    actual: major(actual),
                    attainment: target.attainment(actual),
                },
            );
        }
    }
    goals
}

fn quota_attainment(v: &View<'_>, p: DayRange) -> Quota {
    let ds = v.ds;
    let mut revenue: Tally<i128> = Tally::new(&ds.reps);
    for i in v.paid_orders(p) {
        if let Some(r) = revenue.at(ds.orders.rep[i]) {
            *r += i128::from(ds.orders.total[i]);
        }
    }
    for rep in targets::scopes(v, TargetMetric::Revenue, p) {
        revenue.at(rep); // listed even without a sale; the team (NONE) is not a rep
    }
    let mut quota = Quota::default();
    for (rep, actual) in revenue.entries() {
        let value =
            targets::prorated(v, TargetMetric::Revenue, rep, p).and_then(|t| t.attainment(actual));
        quota.reps_at_quota += u64::from(value.is_some_and(|a| a >= 1.0));
        quota.by_rep.insert(ds.reps.name(rep).to_string(), value);
    }
    quota
}
