//! Highlights (issue 15): a few plain sentences at the top of each metric
//! tab, chosen by fixed rules and ranked by how much they matter. The rules
//! and their thresholds are in docs/highlights.md; a change here changes
//! that page.

use serde::Serialize;

use super::catalog::Tab;
use super::explain::{self, By, Key, Unit};
use super::figures::Query;
use super::performance::closed_in;
use super::report::Report;
use super::{Dataset, DayRange, Selection, View};
use crate::format;
use crate::i18n::{Arg, Lang};

/// A count or a sum moves when it changes by this share of its previous
/// figure...
pub const MOVE_SHARE: f64 = 0.10;
/// ...from at least this many records (or any money at all).
pub const MOVE_MIN_COUNT: i128 = 10;
/// A rate moves by this many points (a fraction: 0.05 is 5 points).
pub const MOVE_POINTS: f64 = 0.05;
/// A win rate moves only over at least this many closed deals on each side.
pub const MOVE_MIN_DEALS: usize = 5;
/// The biggest step of the bridge names the driver when it makes this share
/// of the change, in the same direction.
pub const DRIVER_SHARE: f64 = 0.40;
/// A revenue target is at risk when the figure is on course for less than
/// this share of it.
pub const TARGET_RISK: f64 = 0.90;
/// Retention worsens by this many points.
pub const RETENTION_POINTS: f64 = 0.05;
/// ...among at least this many customers of the previous period.
pub const RETENTION_MIN_CUSTOMERS: u64 = 10;
/// A response time worsens by this share and at least this many hours.
pub const RESPONSE_SHARE: f64 = 0.25;
pub const RESPONSE_HOURS: f64 = 1.0;
/// A rep is far above or below target at these shares of it (at the pace so
/// far, in a period that has not ended).
pub const REP_ABOVE: f64 = 1.20;
pub const REP_BELOW: f64 = 0.70;
/// A product jumps or falls by this share of its own previous revenue, the
/// change being at least this share of the previous total revenue.
pub const PRODUCT_SHARE: f64 = 0.30;
pub const PRODUCT_OF_TOTAL: f64 = 0.05;
/// How many sentences a tab shows at most.
pub const PER_TAB: usize = 5;

/// What a highlight opens when clicked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opens {
    /// The bridge of a metric split by a field.
    Bridge {
        metric: &'static str,
        by: By,
    },
    /// The records of a metric.
    Records {
        metric: &'static str,
    },
    Nothing,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Highlight {
    /// The rule that chose it (docs/highlights.md).
    pub id: &'static str,
    /// The metric it is about; none for the quiet sentence.
    pub metric: Option<&'static str>,
    pub text: String,
    #[serde(skip)]
    pub tab: Tab,
    /// How much it matters: the sentences are shown highest first.
    #[serde(skip)]
    pub score: f64,
    #[serde(skip)]
    pub opens: Opens,
}

/// The figures a rule reads, for one query.
struct Ctx<'a> {
    ds: &'a Dataset,
    q: &'a Query,
    report: &'a Report,
    lang: Lang,
}

impl Ctx<'_> {
    fn money(&self, major: f64) -> String {
        format::money_short(self.lang, &self.report.currency, major)
    }

    fn signed_money(&self, major: f64) -> String {
        let text = self.money(major.abs());
        if major < 0.0 {
            format!("-{text}")
        } else {
            format!("+{text}")
        }
    }

    /// A share as a whole percent: `12%`.
    fn pct(&self, share: f64) -> String {
        format!("{}%", format::decimal(self.lang, share * 100.0, 0))
    }

    /// The comparison period by name: `Februari 2024`.
    fn then(&self) -> String {
        let period = super::Period::new(self.report.prev_from, self.report.prev_to);
        Selection {
            kind: self.q.sel.kind,
            period,
        }
        .label(self.lang)
    }

    /// The share of the period gone by today: 1 for a period that has ended,
    /// none for one that has not begun or begins today.
    fn elapsed(&self) -> Option<f64> {
        let p = self.q.sel.period;
        if self.q.today > p.to {
            return Some(1.0);
        }
        let done = (self.q.today - p.from).num_days();
        (done > 0).then(|| done as f64 / p.days() as f64)
    }

    fn tr(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        self.lang.tr_args(id, args)
    }
}

/// The metrics whose moves are told, the field that explains them best, the
/// tab they sit on and their weight in the ranking.
const MOVERS: [(&str, By, Tab, f64); 7] = [
    ("revenue", By::Channel, Tab::Performance, 3.0),
    ("new_customers", By::Channel, Tab::Performance, 2.0),
    ("orders", By::Channel, Tab::Performance, 1.5),
    ("aov", By::Channel, Tab::Performance, 1.5),
    ("leads", By::Source, Tab::Performance, 1.5),
    ("win_rate", By::Rep, Tab::Productivity, 2.0),
    ("activities", By::Rep, Tab::Activity, 1.0),
];

/// A step's change as the sentence shows it.
fn step_text(c: &Ctx<'_>, unit: Unit, units: i128) -> String {
    match unit {
        Unit::Minor => c.signed_money(unit.value(units)),
        Unit::Whole => format!(
            "{}{}",
            if units > 0 { "+" } else { "" },
            format::count(c.lang, units as i64)
        ),
        Unit::Millionths => format!(
            "{}{} {}",
            if units > 0 { "+" } else { "" },
            format::decimal(c.lang, unit.value(units) * 100.0, 1),
            c.lang.tr("explain-points")
        ),
    }
}

/// Whether the report's figures of `metric` may have moved enough: a cheap
/// test before the bridge, which decides. Its thresholds are a little lower
/// than the rules', so that rounding never hides a move.
fn may_have_moved(c: &Ctx<'_>, v: &View<'_>, metric: &str) -> bool {
    let (now, then) = (&c.report.metrics.scalars, &c.report.previous);
    let count = |n: Option<u64>| n.map(|n| n as f64);
    let (a, b) = match metric {
        "revenue" => (now.revenue, then.revenue),
        "orders" => (count(now.orders), count(then.orders)),
        "aov" => (now.aov, then.aov),
        "new_customers" => (count(now.new_customers), count(then.new_customers)),
        "leads" => (count(now.leads), count(then.leads)),
        "win_rate" => {
            return now
                .win_rate
                .zip(then.win_rate)
                .is_some_and(|(a, b)| (a - b).abs() >= MOVE_POINTS * 0.99);
        }
        _ => {
            let cmp = DayRange::of(super::Period::new(c.report.prev_from, c.report.prev_to));
            let before = super::activity::activities_in(v, cmp).count();
            (
                c.report.metrics.activities.as_ref().map(|a| a.total as f64),
                Some(before as f64),
            )
        }
    };
    a.zip(b)
        .is_some_and(|(a, b)| b > 0.0 && (a - b).abs() >= MOVE_SHARE * 0.99 * b)
}

/// The movers among `moving` (entries of [`MOVERS`]), from their bridges.
fn movers(
    c: &Ctx<'_>,
    v: &View<'_>,
    moving: &[(&'static str, By, Tab, f64)],
    bridges: Vec<Result<explain::Bridge, explain::ExplainError>>,
    out: &mut Vec<Highlight>,
) {
    for (&(metric, by, tab, weight), b) in moving.iter().zip(bridges) {
        let Ok(b) = b else {
            continue;
        };
        let (Some(_), Some(then), Some(change)) = (b.current, b.previous, b.change) else {
            continue;
        };
        if change == 0 {
            continue;
        }
        let (size, moved, change_text) = if b.unit == Unit::Millionths {
            let p = DayRange::of(c.q.sel.period);
            let cmp = DayRange::of(super::Period::new(c.report.prev_from, c.report.prev_to));
            let enough = closed_in(v, p).count() >= MOVE_MIN_DEALS
                && closed_in(v, cmp).count() >= MOVE_MIN_DEALS;
            let points = b.unit.value(change);
            (
                points.abs() / MOVE_POINTS / 2.0,
                enough && points.abs() >= MOVE_POINTS,
                // "up 5.0 pts": the direction is in the verb, not a sign.
                format!(
                    "{} {}",
                    format::decimal(c.lang, points.abs() * 100.0, 1),
                    c.lang.tr("explain-points")
                ),
            )
        } else {
            let share = change as f64 / then.max(1) as f64;
            let enough = match b.unit {
                Unit::Whole => then >= MOVE_MIN_COUNT,
                _ => then > 0,
            };
            (
                share.abs(),
                enough && share.abs() >= MOVE_SHARE,
                c.pct(share.abs()),
            )
        };
        if !moved {
            continue;
        }
        let driver = b
            .steps
            .first()
            .filter(|s| {
                !matches!(s.key, Key::Others | Key::None)
                    && s.change.signum() == change.signum()
                    && s.change.abs() as f64 >= DRIVER_SHARE * change.abs() as f64
            })
            .map(|s| {
                c.tr(
                    "highlight-driver",
                    &[
                        ("key", s.key.label(c.lang).into()),
                        ("change", step_text(c, b.unit, s.change).into()),
                    ],
                )
            })
            .unwrap_or_default();
        let id = if change > 0 {
            "highlight-up"
        } else {
            "highlight-down"
        };
        out.push(Highlight {
            id: "mover",
            metric: Some(metric),
            text: c.tr(
                id,
                &[
                    (
                        "metric",
                        c.lang.tr(&format!("highlight-name-{metric}")).into(),
                    ),
                    ("change", change_text.into()),
                    ("then", c.then().into()),
                    ("driver", driver.into()),
                ],
            ),
            tab,
            score: weight * size.min(1.0),
            opens: Opens::Bridge { metric, by },
        });
    }
}

/// Revenue on course for the end of a period that has not ended: the
/// projection where there is one (a month, quarter or year), else a straight
/// run rate of the days gone by.
fn on_course(c: &Ctx<'_>, revenue: f64) -> Option<f64> {
    match super::projection::revenue_projection(c.ds, c.q) {
        Some(p) => Some(p.value),
        None => c.elapsed().map(|e| revenue / e),
    }
}

fn target(c: &Ctx<'_>, out: &mut Vec<Highlight>) {
    let s = &c.report.metrics.scalars;
    let (Some(target), Some(revenue), Some(elapsed)) = (s.revenue_target, s.revenue, c.elapsed())
    else {
        return;
    };
    if target <= 0.0 {
        return;
    }
    let (id, rule, expected) = if elapsed < 1.0 {
        let Some(course) = on_course(c, revenue) else {
            return;
        };
        ("highlight-target-risk", "target_at_risk", course)
    } else {
        ("highlight-target-missed", "target_missed", revenue)
    };
    let share = expected / target;
    if share >= TARGET_RISK {
        return;
    }
    out.push(Highlight {
        id: rule,
        metric: Some("target_attainment"),
        text: c.tr(
            id,
            &[
                ("share", c.pct(share).into()),
                ("target", c.money(target).into()),
            ],
        ),
        tab: Tab::Performance,
        score: 3.0 * (1.0 - share).min(1.0) + 0.5,
        opens: Opens::Records { metric: "revenue" },
    });
}

fn worse(c: &Ctx<'_>, out: &mut Vec<Highlight>) {
    let now = &c.report.metrics.scalars;
    let then = &c.report.previous;
    let rate = |x: f64| format::percent(c.lang, x);
    if let (Some(n), Some(t)) = (now.retention_rate, then.retention_rate)
        && t - n >= RETENTION_POINTS
        && then.active_customers.unwrap_or(0) >= RETENTION_MIN_CUSTOMERS
    {
        out.push(Highlight {
            id: "retention_down",
            metric: Some("retention_rate"),
            text: c.tr(
                "highlight-retention-down",
                &[("then", rate(t).into()), ("now", rate(n).into())],
            ),
            tab: Tab::Performance,
            score: 2.0 * ((t - n) / (2.0 * RETENTION_POINTS)).min(1.0),
            opens: Opens::Records {
                metric: "retention_rate",
            },
        });
    }
    let hours = |x: f64| format::duration(c.lang, x, &c.lang.tr("unit-hours"));
    for (metric, id, n, t) in [
        (
            "lead_response_hours",
            "highlight-lead-response-slower",
            now.lead_response_hours,
            then.lead_response_hours,
        ),
        (
            "inquiry_response_hours",
            "highlight-inquiry-response-slower",
            now.inquiry_response_hours,
            then.inquiry_response_hours,
        ),
    ] {
        let (Some(n), Some(t)) = (n, t) else {
            continue;
        };
        if n - t >= RESPONSE_HOURS && n >= t * (1.0 + RESPONSE_SHARE) {
            out.push(Highlight {
                id: "response_slower",
                metric: Some(metric),
                text: c.tr(id, &[("then", hours(t).into()), ("now", hours(n).into())]),
                tab: Tab::Activity,
                score: 1.5 * ((n - t) / t.max(RESPONSE_HOURS)).min(1.0) + 0.25,
                opens: Opens::Records { metric },
            });
        }
    }
}

fn reps(c: &Ctx<'_>, out: &mut Vec<Highlight>) {
    let (Some(quota), Some(elapsed)) = (&c.report.metrics.quota_attainment, c.elapsed()) else {
        return;
    };
    let ended = elapsed >= 1.0;
    let mut found: Vec<(f64, &String)> = quota
        .by_rep
        .iter()
        .filter_map(|(rep, a)| a.map(|a| (a / elapsed, rep)))
        .filter(|(pace, _)| *pace >= REP_ABOVE || *pace <= REP_BELOW)
        .collect();
    found.sort_by(|a, b| (b.0 - 1.0).abs().total_cmp(&(a.0 - 1.0).abs()));
    for (pace, rep) in found.into_iter().take(2) {
        let id = match (pace >= REP_ABOVE, ended) {
            (true, true) => "highlight-rep-above",
            (true, false) => "highlight-rep-above-pace",
            (false, true) => "highlight-rep-below",
            (false, false) => "highlight-rep-below-pace",
        };
        out.push(Highlight {
            id: "rep_vs_target",
            metric: Some("quota_attainment"),
            text: c.tr(
                id,
                &[("rep", rep.as_str().into()), ("share", c.pct(pace).into())],
            ),
            tab: Tab::Productivity,
            score: 1.5 * (pace - 1.0).abs().min(1.0),
            opens: Opens::Records { metric: "revenue" },
        });
    }
}

/// Products that jumped or fell, from revenue's bridge by product.
fn products(c: &Ctx<'_>, b: explain::Bridge, out: &mut Vec<Highlight>) {
    let total_then = b.previous.unwrap_or(0);
    if total_then <= 0 {
        return;
    }
    let mut found = Vec::new();
    for s in &b.steps {
        let (Key::Name(name), Some(then)) = (&s.key, s.previous) else {
            continue;
        };
        if then <= 0 {
            continue;
        }
        let share = s.change as f64 / then as f64;
        if share.abs() >= PRODUCT_SHARE
            && s.change.abs() as f64 >= PRODUCT_OF_TOTAL * total_then as f64
        {
            found.push((share, name.clone(), s.change));
        }
    }
    found.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    for (share, name, change) in found.into_iter().take(2) {
        let id = if share > 0.0 {
            "highlight-product-up"
        } else {
            "highlight-product-down"
        };
        out.push(Highlight {
            id: "product_mover",
            metric: Some("top_products"),
            text: c.tr(
                id,
                &[
                    ("product", name.into()),
                    ("share", c.pct(share.abs()).into()),
                    ("change", c.signed_money(Unit::Minor.value(change)).into()),
                ],
            ),
            tab: Tab::Productivity,
            score: 1.2 * share.abs().min(1.0),
            opens: Opens::Bridge {
                metric: "revenue",
                by: By::Product,
            },
        });
    }
}

/// The highlights of a query, highest score first, at most [`PER_TAB`] per
/// tab; a shop where no rule fires gets one sentence that says so.
pub fn highlights(ds: &Dataset, q: &Query, report: &Report, lang: Lang) -> Vec<Highlight> {
    let c = Ctx {
        ds,
        q,
        report,
        lang,
    };
    let v = View::new(ds, &q.filters);
    // The bridges of the rules, in one batch that shares the orders' passes.
    let moving: Vec<_> = MOVERS
        .into_iter()
        .filter(|&(metric, ..)| may_have_moved(&c, &v, metric))
        .collect();
    let mut asks: Vec<(&str, By, usize)> = moving
        .iter()
        .map(|&(metric, by, ..)| (metric, by, explain::STEPS))
        .collect();
    if v.present.order_lines {
        asks.push(("revenue", By::Product, usize::MAX));
    }
    let mut bridges = explain::explain_all(&v, q, &asks);
    let by_product = if v.present.order_lines {
        bridges.pop().and_then(Result::ok)
    } else {
        None
    };
    let mut all = Vec::new();
    movers(&c, &v, &moving, bridges, &mut all);
    target(&c, &mut all);
    worse(&c, &mut all);
    reps(&c, &mut all);
    if let Some(b) = by_product {
        products(&c, b, &mut all);
    }
    all.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut shown = Vec::new();
    for h in all {
        if shown.iter().filter(|s: &&Highlight| s.tab == h.tab).count() < PER_TAB {
            shown.push(h);
        }
    }
    if shown.is_empty() {
        shown.push(quiet(lang, Tab::Performance));
    }
    shown
}

/// The sentence of a tab where no rule fired.
fn quiet(lang: Lang, tab: Tab) -> Highlight {
    Highlight {
        id: "quiet",
        metric: None,
        text: lang.tr("highlight-quiet"),
        tab,
        score: 0.0,
        opens: Opens::Nothing,
    }
}

/// The highlights one tab shows, in order; a tab none of them is about
/// says that nothing stands out.
pub fn for_tab(all: &[Highlight], tab: Tab, lang: Lang) -> Vec<Highlight> {
    let mine: Vec<Highlight> = all
        .iter()
        .filter(|h| h.tab == tab && h.id != "quiet")
        .cloned()
        .collect();
    if mine.is_empty() {
        vec![quiet(lang, tab)]
    } else {
        mine
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{Db, date, db};
    use super::*;
    use crate::metrics::{Comparison, Filters, compute_report};

    /// One paid order per (day, customer, rep, channel, total in rupiah).
    fn orders(rows: &[(&str, &str, &str, &str, i64)]) -> String {
        let mut sql = String::new();
        for (i, (day, customer, rep, channel, rupiah)) in rows.iter().enumerate() {
            sql += &format!(
                "INSERT INTO orders(order_id, date, customer_id, rep, channel, status, total_minor, batch_id)
                 VALUES ('O{i}', '{day}', NULLIF('{customer}', ''), '{rep}', '{channel}', 'paid', {}, 1);\n",
                rupiah * 100
            );
        }
        sql
    }

    /// (day, channel, rupiah) of an order without customer or rep.
    type Row = (String, String, i64);

    /// `n` orders of `rupiah` each, on days 1..=n of `month`.
    fn many(month: &str, n: usize, channel: &str, rupiah: i64) -> Vec<Row> {
        (1..=n)
            .map(|d| (format!("{month}-{d:02}"), channel.to_string(), rupiah))
            .collect()
    }

    fn shop_of(parts: &[Vec<Row>], extra: &str) -> Db {
        let rows: Vec<(&str, &str, &str, &str, i64)> = parts
            .iter()
            .flatten()
            .map(|(d, ch, r)| (d.as_str(), "", "", ch.as_str(), *r))
            .collect();
        db(&format!("{}{extra}", orders(&rows)))
    }

    fn said(db: &Db, period: &str, today: &str, lang: Lang) -> Vec<Highlight> {
        let ds = Dataset::load(db.store.conn()).unwrap();
        let q = Query {
            sel: Selection::parse(period).unwrap(),
            cmp: Comparison::Previous,
            filters: Filters::default(),
            today: date(today),
        };
        let report = compute_report(&ds, &q.sel, q.cmp, q.today, &q.filters);
        highlights(&ds, &q, &report, lang)
    }

    fn texts(h: &[Highlight], rule: &str) -> Vec<String> {
        h.iter()
            .filter(|h| h.id == rule)
            .map(|h| h.text.clone())
            .collect()
    }

    const LATER: &str = "2030-01-01";

    #[test]
    fn the_biggest_mover_and_its_driver() {
        // February: 10 orders of Rp 1,000,000 on Shopee and 10 in the shop;
        // March: 20 on Shopee, 10 in the shop. Revenue and orders +50%, all
        // of it Shopee's 10 more orders (+Rp 10,000,000).
        let db = shop_of(
            &[
                many("2024-02", 10, "Shopee", 1_000_000),
                many("2024-02", 10, "Toko", 1_000_000),
                many("2024-03", 20, "Shopee", 1_000_000),
                many("2024-03", 10, "Toko", 1_000_000),
            ],
            "",
        );
        let en = said(&db, "month:2024-03", LATER, Lang::En);
        assert_eq!(
            en[0].text,
            "Revenue up 50% from February 2024, mainly from Shopee (+Rp 10M)"
        );
        assert_eq!(
            en[0].opens,
            Opens::Bridge {
                metric: "revenue",
                by: By::Channel
            }
        );
        assert_eq!(
            texts(&en, "mover")[1],
            "Orders up 50% from February 2024, mainly from Shopee (+10)"
        );
        let id = said(&db, "month:2024-03", LATER, Lang::Id);
        assert_eq!(
            id[0].text,
            "Omzet naik 50% dari Februari 2024, terutama dari Shopee (+Rp 10 jt)"
        );
        // Average order value did not move: no sentence about it.
        assert!(en.iter().all(|h| h.metric != Some("aov")));
    }

    #[test]
    fn the_win_rate_moves_in_points() {
        // February: Sari and Budi each win 1 of 3 closed deals (33.3%);
        // March: Sari 3 of 3, Budi 2 of 3 (83.3%): +50 points. Their shares
        // stay halves, so all of it is rate: Sari 1/2 x (1 - 1/3) = 33.3
        // points, Budi 1/2 x (2/3 - 1/3) = 16.7.
        let mut sql = String::from(
            "INSERT INTO deals(deal_id, rep, created_at, status, value_minor, closed_at, batch_id) VALUES ",
        );
        let deals = [
            ("02", "Sari", ["won", "lost", "lost"]),
            ("02", "Budi", ["won", "lost", "lost"]),
            ("03", "Sari", ["won", "won", "won"]),
            ("03", "Budi", ["won", "won", "lost"]),
        ];
        let mut rows = Vec::new();
        for (month, rep, statuses) in deals {
            for (k, status) in statuses.iter().enumerate() {
                rows.push(format!(
                    "('{month}{rep}{k}', '{rep}', '2024-01-01', '{status}', 1, '2024-{month}-1{k}', 1)"
                ));
            }
        }
        sql += &rows.join(", ");
        let db = db(&sql);
        let en = said(&db, "month:2024-03", LATER, Lang::En);
        assert_eq!(
            texts(&en, "mover"),
            ["Win rate up 50.0 pts from February 2024, mainly from Sari (+33.3 pts)"]
        );
        assert_eq!(en[0].tab, Tab::Productivity);
        let id = said(&db, "month:2024-03", LATER, Lang::Id);
        assert_eq!(
            texts(&id, "mover"),
            ["Rasio closing naik 50,0 poin dari Februari 2024, terutama dari Sari (+33,3 poin)"]
        );
    }

    #[test]
    fn a_target_at_risk_mid_month() {
        // Target Rp 10,000,000 for March; by the 16th, Rp 1,000,000 sold on
        // March 1-10 (Friday to Sunday a week later). The eight weeks before
        // hold those ten days: Rp 200,000 each Friday, Saturday and Sunday,
        // Rp 100,000 each other day, over 8 weeks. March 16-31 has three
        // Saturdays, three Sundays, two of each other day: 8 x 25,000 + 8 x
        // 12,500 = Rp 300,000 by the pattern. March 1-15 by the pattern is 7
        // x 25,000 + 8 x 12,500 = 275,000, but made 1,000,000 (level 3.636),
        // trusted 15 / (15 + 3): the pattern x 3.197, Rp 959,091 more, Rp
        // 1,959,091 in all: 20%.
        let db = shop_of(
            &[many("2024-03", 10, "Toko", 100_000)],
            "INSERT INTO targets(period, rep, metric, target_minor, batch_id) VALUES ('2024-03', '', 'revenue', 1000000000, 1);",
        );
        let en = said(&db, "month:2024-03", "2024-03-16", Lang::En);
        assert_eq!(
            texts(&en, "target_at_risk"),
            ["Revenue target at risk: on course for 20% of Rp 10M"]
        );
        let id = said(&db, "month:2024-03", "2024-03-16", Lang::Id);
        assert_eq!(
            texts(&id, "target_at_risk"),
            ["Target omzet terancam: diperkirakan hanya 20% dari Rp 10 jt"]
        );
        // Once March is over it has missed: 10% of the target.
        let en = said(&db, "month:2024-03", LATER, Lang::En);
        assert_eq!(
            texts(&en, "target_missed"),
            ["Revenue reached only 10% of its target of Rp 10M"]
        );
    }

    #[test]
    fn retention_getting_worse() {
        // C0..C9 buy in January and February; only C0..C4 in March:
        // retention 100% for February, 50% for March.
        let mut rows = Vec::new();
        let names: Vec<String> = (0..10).map(|c| format!("C{c}")).collect();
        for (c, name) in names.iter().enumerate() {
            rows.push(("2024-01-10", name.as_str(), "", "Toko", 100_000));
            rows.push(("2024-02-10", name.as_str(), "", "Toko", 100_000));
            if c < 5 {
                rows.push(("2024-03-10", name.as_str(), "", "Toko", 100_000));
            }
        }
        let db = db(&orders(&rows));
        let en = said(&db, "month:2024-03", LATER, Lang::En);
        assert_eq!(
            texts(&en, "retention_down"),
            ["Fewer customers came back: retention fell from 100.0% to 50.0%"]
        );
        let id = said(&db, "month:2024-03", LATER, Lang::Id);
        assert_eq!(
            texts(&id, "retention_down"),
            ["Lebih sedikit pelanggan yang kembali: turun dari 100,0% ke 50,0%"]
        );
    }

    #[test]
    fn response_time_getting_worse() {
        // Three leads a month: answered in 1 hour in February, 4 in March.
        let mut sql = String::new();
        for (m, hours) in [("02", 1), ("03", 4)] {
            for d in 1..=3 {
                sql += &format!(
                    "INSERT INTO leads(lead_id, created_at, first_response_at, batch_id) VALUES ('L{m}{d}', '2024-{m}-0{d}T08:00:00', '2024-{m}-0{d}T{:02}:00:00', 1);\n",
                    8 + hours
                );
            }
        }
        let db = db(&sql);
        let en = said(&db, "month:2024-03", LATER, Lang::En);
        assert_eq!(
            texts(&en, "response_slower"),
            ["Leads wait longer for an answer: 4.0 h on average, up from 1.0 h"]
        );
        assert_eq!(en[0].tab, Tab::Activity);
        // The other tabs have nothing to say, and say so.
        assert_eq!(
            for_tab(&en, Tab::Activity, Lang::En)[0].id,
            "response_slower"
        );
        let performance = for_tab(&en, Tab::Performance, Lang::En);
        assert_eq!(performance.len(), 1);
        assert_eq!(performance[0].id, "quiet");
        let id = said(&db, "month:2024-03", LATER, Lang::Id);
        assert_eq!(
            texts(&id, "response_slower"),
            ["Prospek menunggu balasan lebih lama: rata-rata 4,0 jam, sebelumnya 1,0 jam"]
        );
    }

    #[test]
    fn reps_far_above_and_below_target() {
        // Targets of Rp 1,000,000 each for March; Sari sold Rp 1,500,000,
        // Budi Rp 500,000.
        let rows = [
            ("2024-03-05", "", "Sari", "Toko", 1_500_000),
            ("2024-03-06", "", "Budi", "Toko", 500_000),
        ];
        let db = db(&format!(
            "{}INSERT INTO targets(period, rep, metric, target_minor, batch_id) VALUES
               ('2024-03', 'Sari', 'revenue', 100000000, 1), ('2024-03', 'Budi', 'revenue', 100000000, 1);",
            orders(&rows)
        ));
        let en = said(&db, "month:2024-03", LATER, Lang::En);
        assert_eq!(
            texts(&en, "rep_vs_target"),
            // As far from target both: in the order of their names.
            [
                "Budi reached only 50% of target",
                "Sari reached 150% of target"
            ]
        );
        let id = said(&db, "month:2024-03", LATER, Lang::Id);
        assert_eq!(
            texts(&id, "rep_vs_target"),
            [
                "Budi hanya mencapai 50% dari target",
                "Sari mencapai 150% dari target"
            ]
        );
        // Reps and the team together reached the target: not at risk.
        assert!(texts(&en, "target_missed").is_empty());
    }

    #[test]
    fn a_product_that_jumped() {
        // February: Kopi Rp 1,000,000 and Teh Rp 1,000,000; March: Kopi
        // twice, Teh once. Kopi +100% (+Rp 1,000,000).
        let rows = [
            ("2024-02-05", "", "", "Toko", 1_000_000),
            ("2024-02-06", "", "", "Toko", 1_000_000),
            ("2024-03-05", "", "", "Toko", 1_000_000),
            ("2024-03-06", "", "", "Toko", 1_000_000),
            ("2024-03-07", "", "", "Toko", 1_000_000),
        ];
        let lines = "INSERT INTO order_lines(order_id, line_no, product, quantity, unit_price_minor, line_total_minor, batch_id) VALUES
            ('O0', 1, 'Kopi', 1, 100000000, 100000000, 1), ('O1', 1, 'Teh', 1, 100000000, 100000000, 1),
            ('O2', 1, 'Kopi', 1, 100000000, 100000000, 1), ('O3', 1, 'Kopi', 1, 100000000, 100000000, 1),
            ('O4', 1, 'Teh', 1, 100000000, 100000000, 1);";
        let db = db(&format!("{}{lines}", orders(&rows)));
        let en = said(&db, "month:2024-03", LATER, Lang::En);
        assert_eq!(
            texts(&en, "product_mover"),
            ["Kopi sold 100% more than before (+Rp 1M)"]
        );
        let id = said(&db, "month:2024-03", LATER, Lang::Id);
        assert_eq!(
            texts(&id, "product_mover"),
            ["Penjualan Kopi naik 100% (+Rp 1 jt)"]
        );
    }

    #[test]
    fn a_quiet_shop_says_so() {
        // The same ten orders of Rp 1,000,000 each month.
        let db = shop_of(
            &[
                many("2024-02", 10, "Toko", 1_000_000),
                many("2024-03", 10, "Toko", 1_000_000),
            ],
            "",
        );
        for (lang, text) in [
            (Lang::En, "Nothing stands out this period"),
            (Lang::Id, "Tidak ada yang menonjol di periode ini"),
        ] {
            let h = said(&db, "month:2024-03", LATER, lang);
            assert_eq!(h.len(), 1);
            assert_eq!(h[0].id, "quiet");
            assert!(h[0].text.starts_with(text), "{}", h[0].text);
        }
    }
}
