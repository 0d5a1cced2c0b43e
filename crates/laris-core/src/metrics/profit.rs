//! Profit (profit.md): refunds, the cost of goods sold from the products'
//! costs, marketplace fees from the settlements, and the profits they leave.
//! Rep and channel filters apply through the order; expenses stay whole.

use serde::Serialize;

use super::dataset::NONE;
use super::performance::sorted_range_unsorted;
use super::report::{Metrics, Scalars, money};
use super::{DayRange, Tally, View, major, ratio, sorted_range};

/// How many products of `profit_by_product` come from the top, and how many
/// from the bottom, by gross profit.
const TOP: usize = 10;
const BOTTOM: usize = 5;

/// One product's sales and profit in a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProductProfit {
    pub product: String,
    /// The sku its lines carry, if any.
    pub sku: Option<String>,
    pub quantity: f64,
    /// Line value: line_total, else quantity x unit_price.
    #[serde(serialize_with = "money::plain")]
    pub revenue: f64,
    #[serde(serialize_with = "money::plain")]
    pub cogs: f64,
    #[serde(serialize_with = "money::plain")]
    pub gross_profit: f64,
    pub gross_margin: Option<f64>,
    /// Every line of it in the period has a cost.
    pub has_cost: bool,
}

/// One channel's profit in a period; a figure whose kind was never
/// imported is null.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelProfit {
    #[serde(serialize_with = "money::plain")]
    pub revenue: f64,
    #[serde(serialize_with = "money::option")]
    pub cogs: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub marketplace_fees: Option<f64>,
    #[serde(serialize_with = "money::option")]
    pub gross_profit: Option<f64>,
}

/// The sales of a period that have no cost yet, for the screen's `≈` line
/// ("HPP belum ada untuk 12 produk, Rp 3,4 jt penjualan").
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct CostMissing {
    /// Products with at least one line without a cost.
    pub products: u64,
    /// The line value of the lines without a cost, in major units.
    pub sales: f64,
}

impl CostMissing {
    /// "≈ HPP belum ada untuk 12 produk, Rp 3,4 jt penjualan": what the
    /// profit cards leave out, in the user's words.
    pub fn sentence(&self, lang: crate::i18n::Lang, currency: &str) -> String {
        lang.tr_args(
            "profit-cost-missing",
            &[
                ("products", self.products.into()),
                (
                    "sales",
                    crate::format::money_short(lang, currency, self.sales).into(),
                ),
            ],
        )
    }
}

/// Per product, in minor units.
#[derive(Clone, Debug, Default)]
struct Lines {
    quantity: f64,
    value: i128,
    cogs: i128,
    uncosted_value: i128,
    uncosted: bool,
    sku: Option<u32>,
}

/// The lines of the paid orders in P, per product.
fn product_lines(v: &View<'_>, p: DayRange) -> Tally<Lines> {
    let o = &v.ds.orders;
    let mut per: Tally<Lines> = Tally::new(&v.ds.products);
    for i in v.paid_orders(p) {
        for l in o.lines(i) {
            let Some(t) = per.at(o.line_product[l]) else {
                continue;
            };
            t.quantity += o.line_qty[l];
            t.value += i128::from(o.line_total[l]);
            t.cogs += i128::from(o.line_cogs[l]);
            if !o.line_costed[l] {
                t.uncosted = true;
                t.uncosted_value += i128::from(o.line_total[l]);
            }
            if t.sku.is_none() && o.line_sku[l] != NONE {
                t.sku = Some(o.line_sku[l]);
            }
        }
    }
    per
}

/// Every product sold in P (paid orders, under the filters), highest line
/// value first, ties by name: the table where the missing costs are typed.
/// None without order lines.
pub fn product_table(v: &View<'_>, p: DayRange) -> Option<Vec<ProductProfit>> {
    let ds = v.ds;
    if !(v.present.orders && v.present.order_lines) {
        return None;
    }
    let mut rows: Vec<ProductProfit> = product_lines(v, p)
        .entries()
        .map(|(id, t)| {
            let gross = t.value - t.cogs;
            ProductProfit {
                product: ds.products.name(id).to_string(),
                sku: t.sku.map(|s| ds.skus.name(s).to_string()),
                quantity: t.quantity,
                revenue: major(t.value),
                cogs: major(t.cogs),
                gross_profit: major(gross),
                gross_margin: ratio(gross as f64, t.value as f64),
                has_cost: !t.uncosted,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.revenue
            .total_cmp(&a.revenue)
            .then_with(|| a.product.cmp(&b.product))
    });
    Some(rows)
}

/// The sales of P without a cost; none until a cost sheet is imported.
pub fn cost_missing(v: &View<'_>, p: DayRange) -> Option<CostMissing> {
    if !(v.present.orders && v.present.products) {
        return None;
    }
    let (products, value) = product_lines(v, p)
        .entries()
        .filter(|(_, t)| t.uncosted)
        .fold((0, 0i128), |(n, s), (_, t)| (n + 1, s + t.uncosted_value));
    Some(CostMissing {
        products,
        sales: major(value),
    })
}

/// Sums over the paid orders of P, in minor units.
#[derive(Default)]
struct Sums {
    revenue: i128,
    cogs: i128,
    line_value: i128,
    costed_value: i128,
    fees: i128,
    settled_revenue: i128,
}

fn sums(v: &View<'_>, p: DayRange) -> Sums {
    let o = &v.ds.orders;
    let mut s = Sums::default();
    for i in v.paid_orders(p) {
        s.revenue += i128::from(o.total[i]);
        if o.settled[i] {
            s.fees += i128::from(o.fees[i]);
            s.settled_revenue += i128::from(o.total[i]);
        }
        for l in o.lines(i) {
            s.cogs += i128::from(o.line_cogs[l]);
            s.line_value += i128::from(o.line_total[l]);
            if o.line_costed[l] {
                s.costed_value += i128::from(o.line_total[l]);
            }
        }
    }
    s
}

/// Expenses of every category with date in P: only the branch filter
/// applies to them.
fn expenses(v: &View<'_>, p: DayRange) -> i128 {
    let e = &v.ds.expenses;
    sorted_range_unsorted(&e.date, p)
        .filter(|&i| v.expense_ok(i))
        .map(|i| i128::from(e.amount[i]))
        .sum()
}

/// The profit scalars of P.
pub fn fill(v: &View<'_>, p: DayRange, out: &mut Scalars) {
    let ds = v.ds;
    if !v.present.orders {
        return;
    }
    let o = &ds.orders;
    let (mut refunded, mut refunds, mut paid) = (0i128, 0u64, 0u64);
    for i in sorted_range(&o.date, p).filter(|&i| v.order_ok(i)) {
        if o.refunded[i] {
            refunded += i128::from(o.total[i]);
            refunds += 1;
        } else if o.paid[i] {
            paid += 1;
        }
    }
    out.refund_amount = Some(major(refunded));
    out.refund_rate = ratio(refunds as f64, (paid + refunds) as f64);
    let s = sums(v, p);
    if v.present.products {
        let gross = s.revenue - s.cogs;
        let fees = if v.present.settlements { s.fees } else { 0 };
        let spent = if v.present.expenses {
            expenses(v, p)
        } else {
            0
        };
        out.cogs = Some(major(s.cogs));
        out.cost_coverage = ratio(s.costed_value as f64, s.line_value as f64);
        out.gross_profit = Some(major(gross));
        out.gross_margin = ratio(gross as f64, s.revenue as f64);
        out.net_profit = Some(major(gross - fees - spent));
    }
    if v.present.settlements {
        out.marketplace_fees = Some(major(s.fees));
        out.fee_rate = ratio(s.fees as f64, s.settled_revenue as f64);
    }
}

/// profit_by_channel and profit_by_product.
pub fn fill_breakdowns(v: &View<'_>, p: DayRange, m: &mut Metrics) {
    let ds = v.ds;
    if !v.present.orders {
        return;
    }
    let o = &ds.orders;
    let mut per: Tally<(i128, i128, i128)> = Tally::new(&ds.channels);
    for i in v.paid_orders(p) {
        if let Some((revenue, cogs, fees)) = per.at(o.channel[i]) {
            *revenue += i128::from(o.total[i]);
            *cogs += o.lines(i).map(|l| i128::from(o.line_cogs[l])).sum::<i128>();
            *fees += i128::from(o.fees[i]);
        }
    }
    let (costs, settled) = (v.present.products, v.present.settlements);
    m.profit_by_channel = Some(
        per.into_map(&ds.channels, |(revenue, cogs, fees)| ChannelProfit {
            revenue: major(revenue),
            cogs: costs.then(|| major(cogs)),
            marketplace_fees: settled.then(|| major(fees)),
            gross_profit: costs.then(|| major(revenue - cogs)),
        }),
    );
    if costs {
        m.profit_by_product = product_table(v, p).map(top_and_bottom);
    }
}

/// The ten products with the highest gross profit and, after them, the five
/// with the lowest that are not among those ten; ties by name.
fn top_and_bottom(mut rows: Vec<ProductProfit>) -> Vec<ProductProfit> {
    rows.sort_by(|a, b| {
        b.gross_profit
            .total_cmp(&a.gross_profit)
            .then_with(|| a.product.cmp(&b.product))
    });
    let bottom = rows.split_off(TOP.min(rows.len()));
    let skip = bottom.len().saturating_sub(BOTTOM);
    rows.extend(bottom.into_iter().skip(skip));
    rows
}
