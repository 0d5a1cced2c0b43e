//! Sales productivity (metrics.md): per rep, per channel, per product, and the
//! pipeline.

use super::dataset::{DealStatus, NO_SECS, day_of_secs};
use super::performance::{closed_in, cycle_days, leads_in, won_in};
use super::report::{ByRep, Metrics, ProductSales, RepSales, Scalars};
use super::{DayRange, Tally, View, major, mean, ratio, when};

/// How many products `top_products` lists.
const TOP_PRODUCTS: usize = 10;

/// Deals open at the end of `to`: created by then (or never dated), and
/// still open then. A closed deal without closed_at is in no pipeline.
pub(crate) fn pipeline<'a>(v: &'a View<'_>, to: i32) -> impl Iterator<Item = usize> + 'a {
    let d = &v.ds.deals;
    (0..d.len()).filter(move |&i| {
        let created = d.created[i] == NO_SECS || day_of_secs(d.created[i]) <= to;
        let open = d.status[i] == DealStatus::Open
            || (d.closed[i] != NO_SECS && day_of_secs(d.closed[i]) > to);
        created && open && v.deal_ok(i)
    })
}

/// Win probability per pipeline stage: the user's figure, else the share of
/// all (filtered) deals that reached the stage and were won.
pub(crate) fn stage_probabilities(v: &View<'_>) -> Vec<Option<f64>> {
    let d = &v.ds.deals;
    let n = v.ds.stages.len();
    let (mut reached, mut won) = (vec![0u64; n], vec![0u64; n]);
    for i in (0..d.len()).filter(|&i| v.deal_ok(i)) {
        for k in 0..(d.reach[i] + 1).max(0) as usize {
            reached[k] += 1;
            won[k] += u64::from(d.status[i] == DealStatus::Won);
        }
    }
    (0..n)
        .map(|k| v.ds.stage_probability[k].or_else(|| ratio(won[k] as f64, reached[k] as f64)))
        .collect()
}

/// A pipeline deal's stage on `to`: its last history entry on or before
/// `to`, else its current stage.
pub(crate) fn stage_on(v: &View<'_>, i: usize, to: i32) -> u32 {
    let d = &v.ds.deals;
    let history = d.hist_start[i] as usize..d.hist_start[i + 1] as usize;
    history
        .rev()
        .find(|&h| day_of_secs(d.hist_at[h]) <= to)
        .map_or(d.stage[i], |h| d.hist_stage[h])
}

pub fn fill(v: &View<'_>, p: DayRange, s: &mut Scalars) {
    let ds = v.ds;
    if !v.present.deals {
        return;
    }
    let d = &ds.deals;
    let sizes: Vec<f64> = won_in(v, p)
        .filter_map(|i| d.close_value[i].map(|c| major(i128::from(c))))
        .collect();
    s.avg_deal_size = mean(&sizes);
    let stages = pipeline_by_stage(v, p.to);
    s.pipeline_value = Some(major(stages.iter().map(|st| st.value_minor).sum()));
    s.weighted_pipeline = Some(stages.iter().map(|st| st.weighted_minor).sum::<f64>() / 100.0);
}

/// The pipeline at the end of a day, split by the deals' stage then.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageValue {
    pub value_minor: i128,
    /// Each deal's value times its stage's win probability.
    pub weighted_minor: f64,
}

/// pipeline_value and weighted_pipeline per pipeline stage on `to`, in
/// pipeline order; one more entry last for deals whose stage is not in the
/// pipeline (they count in pipeline_value, with no probability).
pub fn pipeline_by_stage(v: &View<'_>, to: i32) -> Vec<StageValue> {
    let d = &v.ds.deals;
    let n = v.ds.stages.len();
    let probabilities = stage_probabilities(v);
    let mut out = vec![StageValue::default(); n + 1];
    for i in pipeline(v, to) {
        let stage = (stage_on(v, i, to) as usize).min(n);
        let probability = probabilities.get(stage).copied().flatten().unwrap_or(0.0);
        out[stage].value_minor += i128::from(d.value[i]);
        out[stage].weighted_minor += d.value[i] as f64 * probability;
    }
    out
}

/// Per rep, `num / den` from per-record contributions; reps without a name
/// are left out.
fn by_rep(items: impl Iterator<Item = (u32, f64, f64)>, v: &View<'_>) -> ByRep {
    let mut acc: Tally<(f64, f64)> = Tally::new(&v.ds.reps);
    for (rep, num, den) in items {
        if let Some(e) = acc.at(rep) {
            e.0 += num;
            e.1 += den;
        }
    }
    acc.into_map(&v.ds.reps, |(num, den)| ratio(num, den))
}

/// avg_deal_size per rep (the per-rep table of the Productivity tab; not a
/// key of the report): mean close_value of the rep's deals won in P that
/// have one.
pub fn avg_deal_size_by_rep(v: &View<'_>, p: DayRange) -> Option<ByRep> {
    let d = &v.ds.deals;
    v.present.deals.then(|| {
        by_rep(
            won_in(v, p)
                .filter_map(|i| d.close_value[i].map(|c| (d.rep[i], major(i128::from(c)), 1.0))),
            v,
        )
    })
}

pub fn fill_breakdowns(v: &View<'_>, p: DayRange, m: &mut Metrics) {
    let ds = v.ds;
    let (o, d) = (&ds.orders, &ds.deals);
    if v.present.orders || v.present.deals {
        let mut per: Tally<(i128, i128)> = Tally::new(&ds.reps);
        for i in v.paid_orders(p) {
            if let Some(e) = per.at(o.rep[i]) {
                e.0 += i128::from(o.total[i]);
            }
        }
        for i in won_in(v, p) {
            if let Some(e) = per.at(d.rep[i]) {
                e.1 += i128::from(d.close_value[i].unwrap_or(0));
            }
        }
        m.sales_per_rep = Some(per.into_map(&ds.reps, |(r, d)| RepSales {
            revenue: major(r),
            deal_revenue: major(d),
        }));
    }
    if v.present.orders {
        let mut channels: Tally<i128> = Tally::new(&ds.channels);
        for i in v.paid_orders(p) {
            if let Some(r) = channels.at(o.channel[i]) {
                *r += i128::from(o.total[i]);
            }
        }
        m.revenue_by_channel = Some(channels.into_map(&ds.channels, major));
        m.clv_by_rep = Some(clv_by_rep(v, p.to));
    }
    if v.present.orders && v.present.order_lines {
        m.top_products = Some(top_products(v, p));
    }
    if v.present.deals {
        m.win_rate_by_rep = Some(by_rep(
            closed_in(v, p).map(|i| {
                (
                    d.rep[i],
                    f64::from(u8::from(d.status[i] == DealStatus::Won)),
                    1.0,
                )
            }),
            v,
        ));
        // Mean cycle per rep: the sum of cycles over the count of won deals with both dates.
        let mut cycles = by_rep(
            won_in(v, p).filter_map(|i| cycle_days(v, i).map(|c| (d.rep[i], c, 1.0))),
            v,
        );
        // Reps with closed deals but no won ones are listed with no value.
        for (rep, _) in by_rep(closed_in(v, p).map(|i| (d.rep[i], 0.0, 0.0)), v) {
            cycles.entry(rep).or_insert(None);
        }
        m.avg_deal_cycle_days_by_rep = Some(cycles);
    }
    m.lead_conversion_rate_by_rep = when(v.present.leads, || {
        let l = &ds.leads;
        by_rep(
            leads_in(v, p).map(|i| (l.rep[i], f64::from(u8::from(l.converted[i])), 1.0)),
            v,
        )
    });
}

/// Per rep: revenue of the rep's paid orders up to `to` over the customers
/// the rep sold to up to `to`.
fn clv_by_rep(v: &View<'_>, to: i32) -> ByRep {
    let o = &v.ds.orders;
    // (revenue, customers): a customer counts at their first paid order with the rep.
    let mut per: Tally<(i128, u64)> = Tally::new(&v.ds.reps);
    let upto = DayRange { from: i32::MIN, to };
    for i in v.paid_orders(upto) {
        if let Some(e) = per.at(o.rep[i]) {
            e.0 += i128::from(o.total[i]);
            e.1 += u64::from(v.customers.first_with_rep[i]);
        }
    }
    per.into_map(&v.ds.reps, |(r, n)| ratio(major(r), n as f64))
}

fn top_products(v: &View<'_>, p: DayRange) -> Vec<ProductSales> {
    let o = &v.ds.orders;
    let mut revenue = vec![0i128; v.ds.products.len()];
    let mut quantity = vec![0f64; v.ds.products.len()];
    let mut sold = vec![false; v.ds.products.len()];
    for i in v.paid_orders(p) {
        for l in o.lines(i) {
            let k = o.line_product[l] as usize;
            if k < revenue.len() {
                revenue[k] += i128::from(o.line_total[l]);
                quantity[k] += o.line_qty[l];
                sold[k] = true;
            }
        }
    }
    let mut ranked: Vec<usize> = (0..revenue.len()).filter(|&k| sold[k]).collect();
    let name = |k: usize| v.ds.products.name(k as u32);
    ranked.sort_by(|&a, &b| {
        revenue[b]
            .cmp(&revenue[a])
            .then_with(|| name(a).cmp(name(b)))
    });
    ranked
        .into_iter()
        .take(TOP_PRODUCTS)
        .map(|k| ProductSales {
            product: name(k).to_string(),
            revenue: major(revenue[k]),
            quantity: quantity[k],
        })
        .collect()
}
