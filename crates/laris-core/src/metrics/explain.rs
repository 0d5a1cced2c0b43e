//! What changed (issue 15): a metric's change against the comparison period,
//! split by channel, product, rep, lead source, customer type or activity
//! type, as the steps of a bridge from the previous figure to the current
//! one. The steps add up exactly to the change (docs/highlights.md, "What
//! changed"):
//!
//! - A count or a sum (revenue, orders, new customers, leads, activities):
//!   each key's change is its figure now minus its figure then, in whole
//!   units or minor units of money.
//! - A ratio R/N (average order value, win rate): with w = a key's share of
//!   N and r = its own ratio, the change r1 - r0 is the sum over keys of
//!   mix + rate, mix = (w1 - w0)(r0_k - r0) (a key growing at the old
//!   average moves nothing) and rate = w1 (r1_k - r0_k); a key new in the
//!   period is judged against the old overall ratio. Together a key's step
//!   is R1_k/N1 - R0_k/N0 - (N1_k/N1 - N0_k/N0) R0/N0, computed in integers
//!   and rounded to the figure's unit (a rupiah cent, a millionth of a rate)
//!   by largest remainders, so that the rounded steps add up to the rounded
//!   current figure minus the rounded previous one.

use serde_json::{Value, json};

use super::dataset::{DealStatus, NONE, Names};
use super::figures::Query;
use super::performance::{closed_in, leads_in};
use super::{DayRange, View, activity::activities_in};
use crate::i18n::Lang;

/// What a change is split by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum By {
    Channel,
    Product,
    Rep,
    Source,
    /// New customers (first paid order in the period), returning ones, and
    /// orders without a customer.
    CustomerType,
    /// An activity's type.
    Type,
}

impl By {
    pub const ALL: [By; 6] = [
        By::Channel,
        By::Product,
        By::Rep,
        By::Source,
        By::CustomerType,
        By::Type,
    ];

    pub fn id(self) -> &'static str {
        match self {
            By::Channel => "channel",
            By::Product => "product",
            By::Rep => "rep",
            By::Source => "source",
            By::CustomerType => "customer_type",
            By::Type => "type",
        }
    }

    pub fn parse(text: &str) -> Option<By> {
        By::ALL.into_iter().find(|b| b.id() == text.trim())
    }
}

/// The metrics a bridge explains, and what each can be split by.
pub const EXPLAINED: [(&str, &[By]); 7] = [
    (
        "revenue",
        &[By::Channel, By::Product, By::Rep, By::CustomerType],
    ),
    (
        "orders",
        &[By::Channel, By::Product, By::Rep, By::CustomerType],
    ),
    (
        "aov",
        &[By::Channel, By::Product, By::Rep, By::CustomerType],
    ),
    ("new_customers", &[By::Channel, By::Product, By::Rep]),
    ("leads", &[By::Source, By::Rep]),
    ("win_rate", &[By::Source, By::Rep]),
    ("activities", &[By::Rep, By::Type]),
];

/// The unit a bridge counts in: its figures are whole numbers of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Money in minor units (hundredths).
    Minor,
    Whole,
    /// A rate in millionths.
    Millionths,
}

impl Unit {
    /// A figure in this unit as a JSON number (money in major units).
    pub fn json(self, units: i128) -> Value {
        match self {
            Unit::Minor => json!(units as f64 / 100.0),
            Unit::Whole => json!(units as i64),
            Unit::Millionths => json!(units as f64 / 1e6),
        }
    }

    /// As a float: money in major units, a rate as a fraction.
    pub fn value(self, units: i128) -> f64 {
        match self {
            Unit::Minor => units as f64 / 100.0,
            Unit::Whole => units as f64,
            Unit::Millionths => units as f64 / 1e6,
        }
    }
}

/// A step of the bridge.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Name(String),
    /// Records without the field (no rep, no channel, ...).
    None,
    New,
    Returning,
    /// Orders without a customer.
    NoCustomer,
    /// The part of orders' totals their product lines do not give.
    Unitemised,
    /// The smaller steps together.
    Others,
}

impl Key {
    /// The key as JSON writes it: a name as displayed, or a fixed word.
    pub fn id(&self) -> &str {
        match self {
            Key::Name(n) => n,
            Key::None => "(none)",
            Key::New => "new",
            Key::Returning => "returning",
            Key::NoCustomer => "(no customer)",
            Key::Unitemised => "(not itemised)",
            Key::Others => "others",
        }
    }

    /// The key in the user's language.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Key::Name(n) => n.clone(),
            Key::None => lang.tr("explain-key-none"),
            Key::New => lang.tr("explain-key-new"),
            Key::Returning => lang.tr("explain-key-returning"),
            Key::NoCustomer => lang.tr("explain-key-no-customer"),
            Key::Unitemised => lang.tr("explain-key-unitemised"),
            Key::Others => lang.tr("explain-key-others"),
        }
    }
}

/// One step: the key's figure then and now, and its part of the change.
/// For a count or a sum, change = current - previous. For a ratio, current
/// and previous are the key's own ratio, and change its part of the overall
/// change, mix + rate (see the module's note).
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub key: Key,
    pub current: Option<i128>,
    pub previous: Option<i128>,
    pub change: i128,
    /// For a ratio: the part of the change due to the key's share moving.
    pub mix: Option<i128>,
}

/// Revenue's change as orders x average order value: `orders` is the change
/// in orders x AOV then; `size` is the rest, orders now x the change in AOV.
/// Without orders then, all of it is `orders`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrdersSize {
    pub orders: i128,
    pub size: i128,
}

/// A metric's change against the comparison period, split by one field.
#[derive(Clone, Debug, PartialEq)]
pub struct Bridge {
    pub metric: &'static str,
    pub by: By,
    pub unit: Unit,
    pub current: Option<i128>,
    pub previous: Option<i128>,
    /// None when either figure is (a ratio over nothing); then there are no
    /// steps either.
    pub change: Option<i128>,
    /// Biggest change first; the rest as one [`Key::Others`] step, last.
    pub steps: Vec<Step>,
    /// For revenue.
    pub orders_size: Option<OrdersSize>,
}

impl Bridge {
    /// The JSON of `laris explain --json`.
    pub fn to_json(&self) -> Value {
        let u = self.unit;
        let opt = |x: Option<i128>| x.map_or(Value::Null, |v| u.json(v));
        let steps: Vec<Value> = self
            .steps
            .iter()
            .map(|s| {
                let mut o = json!({
                    "key": s.key.id(),
                    "current": opt(s.current),
                    "previous": opt(s.previous),
                    "change": u.json(s.change),
                });
                if let Some(mix) = s.mix {
                    o["mix"] = u.json(mix);
                    o["rate"] = u.json(s.change - mix);
                }
                o
            })
            .collect();
        let mut out = json!({
            "metric": self.metric,
            "current": opt(self.current),
            "previous": opt(self.previous),
            "change": opt(self.change),
            "by": self.by.id(),
            "contributions": steps,
        });
        if let Some(s) = self.orders_size {
            out["orders_size"] = json!({
                "more_or_fewer_orders": u.json(s.orders),
                "bigger_or_smaller_orders": u.json(s.size),
            });
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExplainError {
    #[error("{0} has no bridge")]
    Metric(String),
    #[error("{metric} cannot be split by {by}")]
    By { metric: String, by: &'static str },
}

impl ExplainError {
    pub fn message(&self, lang: Lang) -> String {
        let metrics = EXPLAINED.map(|(m, _)| m).join(", ");
        match self {
            ExplainError::Metric(m) => lang.tr_args(
                "explain-bad-metric",
                &[("metric", m.as_str().into()), ("metrics", metrics.into())],
            ),
            ExplainError::By { metric, by } => {
                let can = EXPLAINED
                    .iter()
                    .find(|(m, _)| m == metric)
                    .map(|(_, bys)| bys.iter().map(|b| b.id()).collect::<Vec<_>>().join(", "))
                    .unwrap_or_default();
                lang.tr_args(
                    "explain-bad-by",
                    &[
                        ("metric", metric.as_str().into()),
                        ("by", (*by).into()),
                        ("can", can.into()),
                    ],
                )
            }
        }
    }
}

/// A key while counting: names stay interned ids until the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Name(u32),
    New,
    Returning,
    NoCustomer,
    Unitemised,
}

/// Per key: the numerator (the sum, or the ratio's top) and the denominator,
/// in a vector by slot (a hash map per record would cost more than the
/// rest of a bridge): the `n` names by id, then every record without a name
/// together, then the other slots.
struct Sums {
    n: usize,
    cells: Vec<(i128, i128)>,
    seen: Vec<bool>,
}

/// The slots after the names: no name, then these.
const OTHER_SLOTS: [Slot; 4] = [
    Slot::New,
    Slot::Returning,
    Slot::NoCustomer,
    Slot::Unitemised,
];

impl Sums {
    fn new(n: usize) -> Sums {
        let len = n + 1 + OTHER_SLOTS.len();
        Sums {
            n,
            cells: vec![(0, 0); len],
            seen: vec![false; len],
        }
    }

    fn index(&self, slot: Slot) -> usize {
        match slot {
            Slot::Name(id) if (id as usize) < self.n => id as usize,
            Slot::Name(_) => self.n,
            other => self.n + 1 + OTHER_SLOTS.iter().position(|s| *s == other).unwrap_or(0),
        }
    }

    /// The slot of an index; every record without a name is `Name(NONE)`.
    fn slot(&self, i: usize) -> Slot {
        match i.checked_sub(self.n + 1) {
            Some(k) => OTHER_SLOTS[k],
            None if i < self.n => Slot::Name(i as u32),
            None => Slot::Name(NONE),
        }
    }
}

/// A key with its (numerator, denominator) now and then.
type Part = (Key, (i128, i128), (i128, i128));

fn add(sums: &mut Sums, slot: Slot, num: i128, den: i128) {
    let i = sums.index(slot);
    sums.cells[i].0 += num;
    sums.cells[i].1 += den;
    sums.seen[i] = true;
}

/// The product line of an order with the highest total (the first on a
/// tie), which stands for the order where a whole order must go to one
/// product; none for an order without lines.
fn main_product(v: &View<'_>, i: usize) -> u32 {
    let o = &v.ds.orders;
    let mut best: Option<(i64, u32)> = None;
    for l in o.lines(i) {
        if best.is_none_or(|(t, _)| o.line_total[l] > t) {
            best = Some((o.line_total[l], o.line_product[l]));
        }
    }
    best.map_or(NONE, |(_, p)| p)
}

/// What each metric adds per key in `p`.
fn sums(v: &View<'_>, metric: &str, by: By, p: DayRange) -> Sums {
    let ds = v.ds;
    let o = &ds.orders;
    let mut out = Sums::new(names_of(ds, metric, by).map_or(0, Names::len));
    let order_slot = |i: usize| match by {
        By::Channel => Slot::Name(o.channel[i]),
        By::Rep => Slot::Name(o.rep[i]),
        By::Product => Slot::Name(main_product(v, i)),
        _ => {
            let c = o.customer[i] as usize;
            match v.customers.first_paid.get(c) {
                None => Slot::NoCustomer,
                Some(&first) if first >= p.from => Slot::New,
                Some(_) => Slot::Returning,
            }
        }
    };
    match metric {
        "revenue" if by == By::Product => {
            for i in v.paid_orders(p) {
                let mut itemised = 0i128;
                for l in o.lines(i) {
                    itemised += i128::from(o.line_total[l]);
                    add(
                        &mut out,
                        Slot::Name(o.line_product[l]),
                        i128::from(o.line_total[l]),
                        0,
                    );
                }
                let rest = i128::from(o.total[i]) - itemised;
                if rest != 0 {
                    add(&mut out, Slot::Unitemised, rest, 0);
                }
            }
        }
        "revenue" | "aov" => {
            for i in v.paid_orders(p) {
                add(&mut out, order_slot(i), i128::from(o.total[i]), 1);
            }
        }
        "orders" => {
            for i in v.paid_orders(p) {
                add(&mut out, order_slot(i), 1, 0);
            }
        }
        "new_customers" => {
            for i in super::records::new_customer_orders(v, p) {
                add(&mut out, order_slot(i as usize), 1, 0);
            }
        }
        "leads" => {
            let l = &ds.leads;
            for i in leads_in(v, p) {
                let id = if by == By::Rep { l.rep[i] } else { l.source[i] };
                add(&mut out, Slot::Name(id), 1, 0);
            }
        }
        "win_rate" => {
            let d = &ds.deals;
            for i in closed_in(v, p) {
                let id = if by == By::Rep { d.rep[i] } else { d.source[i] };
                add(
                    &mut out,
                    Slot::Name(id),
                    i128::from(d.status[i] == DealStatus::Won),
                    1,
                );
            }
        }
        _ => {
            let a = &ds.activities;
            for i in activities_in(v, p) {
                let id = if by == By::Rep { a.rep[i] } else { a.kind[i] };
                add(&mut out, Slot::Name(id), 1, 0);
            }
        }
    }
    out
}

/// The sums of both periods, the comparison period's on a second thread:
/// each is a pass over up to a year of records.
fn both(v: &View<'_>, metric: &str, by: By, (now, then): (DayRange, DayRange)) -> (Sums, Sums) {
    std::thread::scope(|s| {
        let earlier = s.spawn(|| sums(v, metric, by, then));
        let current = sums(v, metric, by, now);
        let earlier = earlier
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (current, earlier)
    })
}

/// `n / d` rounded half away from zero (d > 0).
fn div_round(n: i128, d: i128) -> i128 {
    let q = n.div_euclid(d);
    let r = n.rem_euclid(d);
    if 2 * r > d || (2 * r == d && n >= 0) {
        q + 1
    } else {
        q
    }
}

/// Rounds the exact shares `nums[k] / den` to whole units adding up to
/// `total` (which must be within one unit per share of their exact sum):
/// each share rounded down, then the largest remainders rounded up.
fn apportion(nums: &[i128], den: i128, total: i128) -> Vec<i128> {
    let mut out: Vec<i128> = nums.iter().map(|&n| n.div_euclid(den)).collect();
    let mut order: Vec<usize> = (0..nums.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(nums[k].rem_euclid(den)));
    let deficit = total - out.iter().sum::<i128>();
    for &k in order
        .iter()
        .take(deficit.clamp(0, nums.len() as i128) as usize)
    {
        out[k] += 1;
    }
    out
}

/// How many steps a bridge shows before the rest become "others".
pub const STEPS: usize = 5;

/// The bridge of `metric` for the query, split `by`, with at most `top`
/// steps besides "others".
pub fn explain(
    ds: &super::Dataset,
    q: &Query,
    metric: &str,
    by: By,
    top: usize,
) -> Result<Bridge, ExplainError> {
    explain_all(&View::new(ds, &q.filters), q, &[(metric, by, top)])
        .pop()
        .unwrap_or_else(|| Err(ExplainError::Metric(metric.to_string())))
}

/// Several bridges (metric, split, top) of one query, as [`explain`] gives
/// them one by one, for less: they share the view `v` of the query's filters
/// (with a rep or channel filter, an index of every customer's orders), and
/// revenue, orders and AOV by the same field share one pass over the orders
/// of each period.
pub fn explain_all(
    v: &View<'_>,
    q: &Query,
    asks: &[(&str, By, usize)],
) -> Vec<Result<Bridge, ExplainError>> {
    let now = DayRange::of(q.sel.period);
    let then = DayRange::of(q.sel.comparison(q.cmp, q.today));
    // (field, sums now, sums then) of orders: (total, 1) per order.
    let mut orders: Vec<(By, Sums, Sums)> = Vec::new();
    asks.iter()
        .map(|&(metric, by, top)| {
            let Some(&(metric, bys)) = EXPLAINED.iter().find(|(m, _)| *m == metric) else {
                return Err(ExplainError::Metric(metric.to_string()));
            };
            if !bys.contains(&by) {
                return Err(ExplainError::By {
                    metric: metric.to_string(),
                    by: by.id(),
                });
            }
            let shared = matches!(metric, "revenue" | "orders" | "aov")
                && !(metric == "revenue" && by == By::Product);
            let owned;
            let (cur, prev) = if shared {
                let k = match orders.iter().position(|(b, _, _)| *b == by) {
                    Some(k) => k,
                    None => {
                        let (c, p) = both(v, "aov", by, (now, then));
                        orders.push((by, c, p));
                        orders.len() - 1
                    }
                };
                (&orders[k].1, &orders[k].2)
            } else {
                owned = both(v, metric, by, (now, then));
                (&owned.0, &owned.1)
            };
            Ok(bridge(v, metric, by, top, cur, prev, (now, then)))
        })
        .collect()
}

/// The bridge from the sums of both periods (for revenue, orders and AOV
/// the orders' (total, 1), of which each takes its part).
fn bridge(
    v: &View<'_>,
    metric: &'static str,
    by: By,
    top: usize,
    cur: &Sums,
    prev: &Sums,
    (now, then): (DayRange, DayRange),
) -> Bridge {
    let names = names_of(v.ds, metric, by);
    let key = |s: Slot| match s {
        Slot::Name(id) => match names {
            Some(n) if (id as usize) < n.len() => Key::Name(n.name(id).to_string()),
            _ => Key::None,
        },
        Slot::New => Key::New,
        Slot::Returning => Key::Returning,
        Slot::NoCustomer => Key::NoCustomer,
        Slot::Unitemised => Key::Unitemised,
    };
    let pick = |(num, den): (i128, i128)| match metric {
        "orders" => (den, 0),
        "revenue" if by != By::Product => (num, 0),
        _ => (num, den),
    };
    let parts: Vec<Part> = (0..cur.cells.len())
        .filter(|&i| cur.seen[i] || prev.seen[i])
        .map(|i| (key(cur.slot(i)), pick(cur.cells[i]), pick(prev.cells[i])))
        .collect();
    let ratio = matches!(metric, "aov" | "win_rate");
    let mut bridge = if ratio {
        ratio_bridge(metric, by, &parts)
    } else {
        sum_bridge(metric, by, &parts)
    };
    if metric == "revenue" {
        let totals = |s: &Sums| s.cells.iter().fold((0, 0), |(r, n), c| (r + c.0, n + c.1));
        bridge.orders_size = Some(if by == By::Product {
            orders_size(revenue_orders(v, now), revenue_orders(v, then))
        } else {
            orders_size(totals(cur), totals(prev))
        });
    }
    let ratio_scale = ratio.then(|| scale_of(metric));
    bridge.steps = biggest_first(bridge.steps, top, ratio_scale, &parts);
    bridge
}

/// The names a key id of `metric` split `by` refers to.
fn names_of<'a>(ds: &'a super::Dataset, metric: &str, by: By) -> Option<&'a Names> {
    Some(match by {
        By::Channel => &ds.channels,
        By::Rep => &ds.reps,
        By::Source => &ds.sources,
        By::Product => &ds.products,
        By::Type if metric == "activities" => &ds.activity_types,
        _ => return None,
    })
}

fn sum_bridge(metric: &'static str, by: By, parts: &[Part]) -> Bridge {
    let (c, p): (i128, i128) = parts
        .iter()
        .fold((0, 0), |(c, p), (_, pc, pp)| (c + pc.0, p + pp.0));
    let unit = if metric == "revenue" {
        Unit::Minor
    } else {
        Unit::Whole
    };
    Bridge {
        metric,
        by,
        unit,
        current: Some(c),
        previous: Some(p),
        change: Some(c - p),
        steps: parts
            .iter()
            .map(|(k, pc, pp)| Step {
                key: k.clone(),
                current: Some(pc.0),
                previous: Some(pp.0),
                change: pc.0 - pp.0,
                mix: None,
            })
            .collect(),
        orders_size: None,
    }
}

/// Units of a ratio's bridge per unit of the ratio: AOV's numerator is
/// already in minor units; a rate counts in millionths.
fn scale_of(metric: &str) -> i128 {
    if metric == "aov" { 1 } else { 1_000_000 }
}

fn ratio_bridge(metric: &'static str, by: By, parts: &[Part]) -> Bridge {
    // The ratio in units: AOV's numerator is already in minor units.
    let scale = scale_of(metric);
    let unit = if metric == "aov" {
        Unit::Minor
    } else {
        Unit::Millionths
    };
    let (mut r1, mut n1, mut r0, mut n0) = (0i128, 0i128, 0i128, 0i128);
    for (_, c, p) in parts {
        r1 += c.0;
        n1 += c.1;
        r0 += p.0;
        n0 += p.1;
    }
    let own = |r: i128, n: i128| (n > 0).then(|| div_round(r * scale, n));
    let current = own(r1, n1);
    let previous = own(r0, n0);
    let mut bridge = Bridge {
        metric,
        by,
        unit,
        current,
        previous,
        change: None,
        steps: Vec::new(),
        orders_size: None,
    };
    let (Some(c), Some(p)) = (current, previous) else {
        return bridge;
    };
    let den = n1 * n0 * n0;
    let nums: Vec<i128> = parts
        .iter()
        .map(|(_, kc, kp)| (kc.0 * n0 * n0 - kp.0 * n1 * n0 - (kc.1 * n0 - kp.1 * n1) * r0) * scale)
        .collect();
    let changes = apportion(&nums, den, c - p);
    bridge.change = Some(c - p);
    bridge.steps = parts
        .iter()
        .zip(changes)
        .map(|((k, kc, kp), change)| {
            // mix = (w1 - w0)(r0_k - r0), r0_k = r0 for a key new in the period.
            let w = kc.1 as f64 / n1 as f64 - kp.1 as f64 / n0 as f64;
            let gap = if kp.1 > 0 {
                kp.0 as f64 / kp.1 as f64 - r0 as f64 / n0 as f64
            } else {
                0.0
            };
            Step {
                key: k.clone(),
                current: own(kc.0, kc.1),
                previous: own(kp.0, kp.1),
                change,
                mix: Some((w * gap * scale as f64).round() as i128),
            }
        })
        .collect();
    bridge
}

/// Revenue (minor units) and paid orders in `p`.
fn revenue_orders(v: &View<'_>, p: DayRange) -> (i128, i128) {
    v.paid_orders(p).fold((0, 0), |(r, n), i| {
        (r + i128::from(v.ds.orders.total[i]), n + 1)
    })
}

/// From (revenue, orders) now and then.
fn orders_size((r1, n1): (i128, i128), (r0, n0): (i128, i128)) -> OrdersSize {
    let orders = if n0 > 0 {
        div_round((n1 - n0) * r0, n0)
    } else {
        r1 - r0
    };
    OrdersSize {
        orders,
        size: r1 - r0 - orders,
    }
}

/// The `top` biggest steps by size of change, then the rest as "others"
/// (its change their sum; its figures their sum, or for a ratio, whose
/// units are `ratio_scale` per unit of the ratio, the ratio of their sums).
fn biggest_first(
    mut steps: Vec<Step>,
    top: usize,
    ratio_scale: Option<i128>,
    parts: &[Part],
) -> Vec<Step> {
    steps.sort_by(|a, b| {
        b.change
            .abs()
            .cmp(&a.change.abs())
            .then_with(|| a.key.cmp(&b.key))
    });
    if steps.len() <= top.saturating_add(1) {
        return steps;
    }
    let rest = steps.split_off(top);
    let in_rest: std::collections::HashSet<&Key> = rest.iter().map(|s| &s.key).collect();
    let sums = |pick: fn(&Part) -> (i128, i128)| {
        parts
            .iter()
            .filter(|p| in_rest.contains(&p.0))
            .map(pick)
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    };
    let (c, p) = (sums(|p| p.1), sums(|p| p.2));
    let figure = |(num, den): (i128, i128)| match ratio_scale {
        None => Some(num),
        Some(scale) => (den > 0).then(|| div_round(num * scale, den)),
    };
    steps.push(Step {
        key: Key::Others,
        current: figure(c),
        previous: figure(p),
        change: rest.iter().map(|s| s.change).sum(),
        mix: ratio_scale.map(|_| rest.iter().filter_map(|s| s.mix).sum()),
    });
    steps
}

#[cfg(test)]
mod tests {
    use super::super::tests::{date, db, shop};
    use super::*;
    use crate::metrics::{Comparison, Dataset, Filters, Selection};

    fn query(period: &str) -> Query {
        Query {
            sel: Selection::parse(period).unwrap(),
            cmp: Comparison::Previous,
            filters: Filters::default(),
            today: date("2030-01-01"),
        }
    }

    fn steps(b: &Bridge) -> Vec<(String, i128)> {
        b.steps
            .iter()
            .map(|s| (s.key.id().to_string(), s.change))
            .collect()
    }

    fn named(pairs: &[(&str, i128)]) -> Vec<(String, i128)> {
        pairs.iter().map(|(k, c)| (k.to_string(), *c)).collect()
    }

    #[test]
    fn revenue_by_channel_and_customer_type_by_hand() {
        let db = shop();
        let ds = Dataset::load(db.store.conn()).unwrap();
        let q = query("month:2024-02");
        // January: O1 10,000 (store). February: O2 5,000 + O5 3,000 + O6
        // 2,000 in store, O3 20,000 online.
        let b = explain(&ds, &q, "revenue", By::Channel, STEPS).unwrap();
        assert_eq!(
            (b.previous, b.current, b.change),
            (Some(10_000), Some(30_000), Some(20_000))
        );
        assert_eq!(steps(&b), named(&[("online", 20_000), ("store", 0)]));
        // 1 order of 10,000 became 4 orders of 7,500: 3 more orders at
        // 10,000 is +30,000, four orders 2,500 smaller is -10,000.
        assert_eq!(
            b.orders_size,
            Some(OrdersSize {
                orders: 30_000,
                size: -10_000
            })
        );
        // C1 bought first in January (new then, returning now); C2 and Ani
        // first bought in February; O6 has no customer.
        let b = explain(&ds, &q, "revenue", By::CustomerType, STEPS).unwrap();
        assert_eq!(
            steps(&b),
            named(&[
                ("new", 13_000),
                ("returning", 5_000),
                ("(no customer)", 2_000)
            ])
        );
        let json = b.to_json();
        assert_eq!(json["change"], 200.0);
        assert_eq!(json["contributions"][0]["current"], 230.0);
    }

    #[test]
    fn aov_by_channel_by_hand() {
        let db = shop();
        let ds = Dataset::load(db.store.conn()).unwrap();
        // AOV 10,000 -> 7,500. Store: 2,500 - 10,000 - (3/4 - 1) x 10,000
        // = -5,000; online, new: 20,000/4 - (1/4) x 10,000 = +2,500.
        let b = explain(&ds, &query("month:2024-02"), "aov", By::Channel, STEPS).unwrap();
        assert_eq!(
            (b.previous, b.current, b.change),
            (Some(10_000), Some(7_500), Some(-2_500))
        );
        assert_eq!(steps(&b), named(&[("store", -5_000), ("online", 2_500)]));
        // Store's share fell at the old average: no mix, all rate.
        assert_eq!(b.steps[0].mix, Some(0));
    }

    #[test]
    fn win_rate_by_rep_rounds_to_millionths_adding_up() {
        let db = db("INSERT INTO deals(deal_id, rep, created_at, status, value_minor, closed_at, batch_id) VALUES
            ('1', 'Sari', '2024-01-01', 'won',  1, '2024-02-10', 1),
            ('2', 'Budi', '2024-01-01', 'lost', 1, '2024-02-11', 1),
            ('3', 'Sari', '2024-01-01', 'won',  1, '2024-03-10', 1),
            ('4', 'Sari', '2024-01-01', 'lost', 1, '2024-03-11', 1),
            ('5', 'Budi', '2024-01-01', 'won',  1, '2024-03-12', 1);");
        let ds = Dataset::load(db.store.conn()).unwrap();
        // 1/2 -> 2/3. Sari: 1/3 - 1/2 - (2/3 - 1/2) x 1/2 = -1/4; Budi:
        // 1/3 - 0 - (1/3 - 1/2) x 1/2 = 5/12 = 0.416666.., rounded up so
        // that the steps make 666,667 - 500,000 millionths.
        let b = explain(&ds, &query("month:2024-03"), "win_rate", By::Rep, STEPS).unwrap();
        assert_eq!(b.change, Some(166_667));
        assert_eq!(steps(&b), named(&[("Budi", 416_667), ("Sari", -250_000)]));
        // No deal closed in January: no rate then, so no bridge.
        let b = explain(&ds, &query("month:2024-02"), "win_rate", By::Rep, STEPS).unwrap();
        assert_eq!((b.previous, b.change, b.steps.len()), (None, None, 0));
    }

    #[test]
    fn a_metric_is_split_only_by_its_fields() {
        let db = shop();
        let ds = Dataset::load(db.store.conn()).unwrap();
        let q = query("month:2024-02");
        assert!(matches!(
            explain(&ds, &q, "leads", By::Channel, STEPS),
            Err(ExplainError::By { .. })
        ));
        assert!(matches!(
            explain(&ds, &q, "csat", By::Rep, STEPS),
            Err(ExplainError::Metric(_))
        ));
    }

    /// A made-up shop from a seed: orders with lines over four months, deals,
    /// leads and activities, with empty fields now and then.
    fn random_shop(seed: u64) -> super::super::tests::Db {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        let pick = |i: u64, names: &[&str]| names[i as usize].to_string();
        let mut sql = String::new();
        for i in 0..80 {
            let day = format!("2024-{:02}-{:02}", 1 + next(4), 1 + next(28));
            let customer = match next(6) {
                0 => "NULL".to_string(),
                c => format!("'C{c}{}'", next(3)),
            };
            let rep = pick(next(3), &["'Sari'", "'Budi'", "NULL"]);
            let channel = pick(next(4), &["'Shopee'", "'Tokopedia'", "'toko'", "NULL"]);
            let status = pick(
                next(5),
                &["'paid'", "'paid'", "'paid'", "'refunded'", "'unpaid'"],
            );
            let total = match next(4) {
                0 => "NULL".to_string(),
                _ => (1 + next(5_000_000)).to_string(),
            };
            sql += &format!(
                "INSERT INTO orders(order_id, date, customer_id, rep, channel, status, total_minor, batch_id) VALUES ('O{i}', '{day}', {customer}, {rep}, {channel}, {status}, {total}, 1);\n"
            );
            for l in 0..next(3) {
                let product = pick(next(4), &["'Kopi'", "'Teh'", "'Gula'", "'Susu'"]);
                sql += &format!(
                    "INSERT INTO order_lines(order_id, line_no, product, quantity, unit_price_minor, line_total_minor, batch_id) VALUES ('O{i}', {l}, {product}, 1, 1, {}, 1);\n",
                    next(2_000_000)
                );
            }
            let closed = format!("2024-{:02}-{:02}", 1 + next(4), 1 + next(28));
            let status = pick(next(3), &["'won'", "'lost'", "'open'"]);
            let source = pick(next(3), &["'web'", "'referral'", "NULL"]);
            sql += &format!(
                "INSERT INTO leads(lead_id, created_at, source, rep, batch_id) VALUES ('L{i}', '{day}', {source}, {rep}, 1);\n"
            );
            sql += &format!(
                "INSERT INTO deals(deal_id, rep, created_at, status, value_minor, closed_at, lead_id, batch_id) VALUES ('D{i}', {rep}, '2023-12-01', {status}, 1, '{closed}', 'L{i}', 1);\n"
            );
            let kind = pick(next(3), &["'call'", "'email'", "'meeting'"]);
            sql += &format!(
                "INSERT INTO activities(activity_id, date, rep, type, batch_id) VALUES ('A{i}', '{day}', {rep}, {kind}, 1);\n"
            );
        }
        db(&sql)
    }

    /// Whatever the shop, the steps of every bridge add up to its change,
    /// and previous + change is current.
    #[test]
    fn contributions_always_add_up_to_the_change() {
        let mut bridges = 0;
        for seed in 0..12 {
            let db = random_shop(seed);
            let ds = Dataset::load(db.store.conn()).unwrap();
            for period in [
                "month:2024-02",
                "month:2024-04",
                "quarter:2024-Q1",
                "week:2024-W09",
            ] {
                for cmp in [Comparison::Previous, Comparison::LastYear] {
                    let mut q = query(period);
                    q.cmp = cmp;
                    for (metric, bys) in EXPLAINED {
                        for &by in bys {
                            for top in [1, 2, STEPS] {
                                let b = explain(&ds, &q, metric, by, top).unwrap();
                                assert!(b.steps.len() <= top + 1);
                                let Some(change) = b.change else {
                                    assert!(b.steps.is_empty());
                                    continue;
                                };
                                let sum: i128 = b.steps.iter().map(|s| s.change).sum();
                                assert_eq!(sum, change, "{seed} {period} {metric} {by:?}");
                                assert_eq!(
                                    b.previous.zip(b.current).map(|(p, c)| c - p),
                                    Some(change)
                                );
                                if let Some(s) = b.orders_size {
                                    assert_eq!(s.orders + s.size, change);
                                }
                                bridges += usize::from(change != 0);
                            }
                        }
                    }
                }
            }
        }
        assert!(bridges > 1_000, "{bridges}");
    }
}
