//! Where the period will land (issue 15): revenue at the end of a month,
//! quarter or year that contains today, projected from the days so far and
//! the weekday pattern of the last eight weeks, with the weighted pipeline
//! of the deals expected to close in it beside it (docs/highlights.md,
//! "Projection", says why beside and not added).
//!
//! "Today" is the query's: the app's clock, or `--today` on the command
//! line, so that a test can put it anywhere.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::dataset::{NO_SECS, day_of_secs};
use super::figures::Query;
use super::performance::won_in;
use super::period::{Period, PeriodKind, Selection};
use super::productivity::{pipeline, stage_on, stage_probabilities};
use super::{Dataset, DayRange, View, major, targets};
use crate::format;
use crate::i18n::Lang;

/// How many weeks of history give the weekday pattern.
pub const WEEKS: i32 = 8;
/// How far the days so far move the weekday pattern up or down: after n
/// days their level counts n / (n + this) and the pattern's the rest.
const LEVEL_DAYS: f64 = 3.0;
/// The range covers 80% of outcomes under a normal spread: ± this many
/// standard deviations.
const Z80: f64 = 1.2816;

/// The projection, in major units of money.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Projection {
    #[serde(serialize_with = "cents")]
    pub value: f64,
    #[serde(serialize_with = "cents")]
    pub low: f64,
    #[serde(serialize_with = "cents")]
    pub high: f64,
    /// The revenue target of the period, if any.
    #[serde(serialize_with = "cents_option")]
    pub target: Option<f64>,
    /// The chance of reaching the target, from the projection's spread.
    pub chance: Option<f64>,
    /// The weighted value of the open deals expected to close in the period.
    /// Not in `value`: revenue is paid orders, and a deal's value shows
    /// there only where the shop also records the won deal as an order.
    #[serde(serialize_with = "cents")]
    pub pipeline: f64,
}

impl Projection {
    /// Where revenue will land, its range, the chance of the target and the
    /// pipeline beside it, as one sentence for the report and the PDF.
    pub fn sentence(&self, lang: Lang, currency: &str) -> String {
        let money = |x: f64| format::money(lang, currency, x);
        let mut line = lang.tr_args(
            "report-projection",
            &[
                ("value", money(self.value).into()),
                ("low", money(self.low).into()),
                ("high", money(self.high).into()),
            ],
        );
        if let (Some(target), Some(chance)) = (self.target, self.chance) {
            line.push_str(&lang.tr_args(
                "report-projection-target",
                &[
                    ("target", money(target).into()),
                    ("chance", format::percent(lang, chance).into()),
                ],
            ));
        }
        if self.pipeline > 0.0 {
            line.push_str(&lang.tr_args(
                "report-projection-pipeline",
                &[("pipeline", money(self.pipeline).into())],
            ));
        }
        line
    }
}

fn cents<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((x * 100.0).round() / 100.0)
}

fn cents_option<S: serde::Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => cents(x, s),
        None => s.serialize_none(),
    }
}

/// Revenue (minor units) of each day of `p`.
fn daily(v: &View<'_>, p: DayRange) -> Vec<f64> {
    let mut days = vec![0.0; p.days().max(0) as usize];
    for i in v.paid_orders(p) {
        days[(v.ds.orders.date[i] - p.from) as usize] += v.ds.orders.total[i] as f64;
    }
    days
}

/// The normal distribution's cumulative probability (Abramowitz and Stegun
/// 7.1.26, error under 1.5e-7).
fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// Median days from creation to close of the deals won before `day`; none
/// without such deals.
fn median_cycle(v: &View<'_>, day: i32) -> Option<f64> {
    let before = DayRange {
        from: i32::MIN,
        to: day - 1,
    };
    let mut cycles: Vec<f64> = won_in(v, before)
        .filter_map(|i| super::performance::cycle_days(v, i))
        .collect();
    super::median(&mut cycles)
}

/// Weighted value (minor units) of the deals open at the end of `day - 1`
/// expected to close in `[day, to]`: each deal's value times its stage's win
/// probability, closing the median cycle after its creation (a deal without
/// a creation date, or already past it, is expected within the period).
fn pipeline_due(v: &View<'_>, day: i32, to: i32) -> f64 {
    let d = &v.ds.deals;
    let Some(cycle) = median_cycle(v, day) else {
        return 0.0;
    };
    let probabilities = stage_probabilities(v);
    let mut value = 0.0;
    for i in pipeline(v, day - 1) {
        let due = if d.created[i] == NO_SECS {
            day
        } else {
            (day_of_secs(d.created[i]) as f64 + cycle).round() as i32
        }
        .max(day);
        if due > to {
            continue;
        }
        let stage = stage_on(v, i, day - 1) as usize;
        let p = probabilities.get(stage).copied().flatten().unwrap_or(0.0);
        value += d.value[i] as f64 * p;
    }
    value
}

/// What the projection expects of the query's period, day by day.
struct Model {
    /// Revenue (minor units) of each day from the period's first to
    /// yesterday, as recorded.
    known: Vec<f64>,
    /// Expected revenue (minor units) of each day from today to the
    /// period's last.
    expected: Vec<f64>,
    /// The variance of the expected total.
    variance: f64,
}

/// The model for the query's period, when it is a month, quarter or year
/// that contains the query's today.
fn model(ds: &Dataset, q: &Query) -> Option<Model> {
    if !matches!(
        q.sel.kind,
        PeriodKind::Month | PeriodKind::Quarter | PeriodKind::Year
    ) || !q.sel.period.contains(q.today)
    {
        return None;
    }
    let v = View::new(ds, &q.filters);
    if !v.present.orders {
        return None;
    }
    let p = DayRange::of(q.sel.period);
    let today = super::dataset::day_of(q.today);
    // Today is not over: its orders so far are not a day's worth.
    let known = daily(
        &v,
        DayRange {
            from: p.from,
            to: today - 1,
        },
    );
    let history = daily(
        &v,
        DayRange {
            from: today - 7 * WEEKS,
            to: today - 1,
        },
    );
    // Per weekday (0 = the weekday of the history's first day): the mean
    // and the sample variance of its eight days.
    let mut mean = [0.0; 7];
    let mut var = [0.0; 7];
    for w in 0..7 {
        let xs: Vec<f64> = history.iter().skip(w).step_by(7).copied().collect();
        let n = xs.len() as f64;
        mean[w] = xs.iter().sum::<f64>() / n;
        var[w] = xs.iter().map(|x| (x - mean[w]).powi(2)).sum::<f64>() / (n - 1.0);
    }
    let weekday = |day: i32| (day - (today - 7 * WEEKS)).rem_euclid(7) as usize;
    let pattern_known: f64 = (p.from..today).map(|d| mean[weekday(d)]).sum();
    let elapsed = f64::from(today - p.from);
    let level = if pattern_known > 0.0 {
        known.iter().sum::<f64>() / pattern_known
    } else {
        1.0
    };
    let trust = elapsed / (elapsed + LEVEL_DAYS);
    let factor = trust * level + (1.0 - trust);
    let expected = (today..=p.to)
        .map(|day| mean[weekday(day)] * factor)
        .collect();
    let variance: f64 = (today..=p.to).map(|day| var[weekday(day)]).sum();
    Some(Model {
        known,
        expected,
        variance: variance * factor * factor,
    })
}

/// The projection for the query's period, when it is a month, quarter or
/// year that contains the query's today, after its first day.
pub fn revenue_projection(ds: &Dataset, q: &Query) -> Option<Projection> {
    let m = model(ds, q)?;
    let v = View::new(ds, &q.filters);
    let p = DayRange::of(q.sel.period);
    let today = super::dataset::day_of(q.today);
    let known: f64 = m.known.iter().sum();
    let value = known + m.expected.iter().sum::<f64>();
    let sd = m.variance.sqrt();
    let target = targets::revenue_target(&v, p).map(|t| t.minor());
    let chance = target.map(|t| {
        if sd > 0.0 {
            1.0 - normal_cdf((t - value) / sd)
        } else {
            f64::from(u8::from(value >= t))
        }
    });
    let to_major = |minor: f64| minor / 100.0;
    Some(Projection {
        value: to_major(value),
        low: to_major((value - Z80 * sd).max(known)),
        high: to_major(value + Z80 * sd),
        target: target.map(to_major),
        chance,
        pipeline: to_major(pipeline_due(&v, today, p.to)),
    })
}

/// Where each of `buckets` (within the query's period) will land, in major
/// units: its days before today as recorded, its days from today on as the
/// projection expects them; none for a bucket that ended before today, and
/// all none when the period has no projection.
pub fn projected_buckets(ds: &Dataset, q: &Query, buckets: &[Period]) -> Vec<Option<f64>> {
    let Some(m) = model(ds, q) else {
        return vec![None; buckets.len()];
    };
    let from = super::dataset::day_of(q.sel.period.from);
    let today = super::dataset::day_of(q.today);
    let day_value = |day: i32| {
        if day < today {
            m.known.get((day - from) as usize).copied().unwrap_or(0.0)
        } else {
            m.expected
                .get((day - today) as usize)
                .copied()
                .unwrap_or(0.0)
        }
    };
    buckets
        .iter()
        .map(|b| {
            let range = DayRange::of(*b);
            (range.to >= today).then(|| (range.from..=range.to).map(day_value).sum::<f64>() / 100.0)
        })
        .collect()
}

/// One month of a backtest: the projection from a day of it, and what the
/// month made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backtested {
    pub month: NaiveDate,
    pub day: u32,
    pub projected: f64,
    pub actual: f64,
}

/// Each whole month from eight weeks after the first order to the last
/// month that ended by the last order, projected from each of `days` of it
/// (the day taken as today) and compared with its revenue.
pub fn backtest(ds: &Dataset, q: &Query, days: &[u32]) -> Vec<Backtested> {
    let (Some(&first), Some(&last)) = (ds.orders.date.first(), ds.orders.date.last()) else {
        return Vec::new();
    };
    let first = super::dataset::date_of(first + 7 * WEEKS);
    let last = super::dataset::date_of(last);
    let v = View::new(ds, &q.filters);
    let mut out = Vec::new();
    let mut month = Selection::containing(PeriodKind::Month, first).shift(1);
    while month.period.to <= last {
        let p = DayRange::of(month.period);
        let actual: i128 = v
            .paid_orders(p)
            .map(|i| i128::from(ds.orders.total[i]))
            .sum();
        for &day in days {
            let Some(today) = month.period.from.with_day(day) else {
                continue;
            };
            let asked = Query {
                sel: month,
                today,
                ..q.clone()
            };
            if let Some(projection) = revenue_projection(ds, &asked) {
                out.push(Backtested {
                    month: month.period.from,
                    day,
                    projected: projection.value,
                    actual: major(actual),
                });
            }
        }
        month = month.shift(1);
    }
    out
}
#[cfg(test)]
mod tests {
    use super::super::tests::{date, db};
    use super::*;
    use crate::metrics::{Comparison, Filters};

    fn query(period: &str, today: &str) -> Query {
        Query {
            sel: Selection::parse(period).unwrap(),
            cmp: Comparison::Previous,
            filters: Filters::default(),
            today: date(today),
        }
    }

    /// One paid order of `rupiah` on each day.
    fn orders(days: impl Iterator<Item = (NaiveDate, i64)>) -> String {
        days.enumerate()
            .map(|(i, (d, rupiah))| {
                format!(
                    "INSERT INTO orders(order_id, date, status, total_minor, batch_id) VALUES ('O{i}', '{d}', 'paid', {}, 1);\n",
                    rupiah * 100
                )
            })
            .collect()
    }

    fn close(a: f64, b: f64, tolerance: f64) {
        assert!((a - b).abs() <= tolerance, "{a} vs {b}");
    }

    /// Rp 100,000 every day from 1 January to 15 March 2024, a team target
    /// of Rp 4,000,000 for March, and `deals`.
    fn steady(deals: &str) -> super::super::tests::Db {
        let days = date("2024-01-01")
            .iter_days()
            .take_while(|d| *d <= date("2024-03-15"))
            .map(|d| (d, 100_000));
        db(&format!(
            "{}INSERT INTO targets(period, rep, metric, target_minor, batch_id) VALUES ('2024-03', '', 'revenue', 400000000, 1);{deals}",
            orders(days)
        ))
    }

    #[test]
    fn a_steady_shop_lands_where_its_days_say() {
        let db = steady("");
        let ds = Dataset::load(db.store.conn()).unwrap();
        // On the 16th: 15 days made Rp 1,500,000; every day of the eight
        // weeks before made Rp 100,000, so the 16 days left make 1,600,000,
        // with no spread. The target of 4,000,000 is out of reach.
        let p = revenue_projection(&ds, &query("month:2024-03", "2024-03-16")).unwrap();
        assert_eq!(
            p,
            Projection {
                value: 3_100_000.0,
                low: 3_100_000.0,
                high: 3_100_000.0,
                target: Some(4_000_000.0),
                chance: Some(0.0),
                pipeline: 0.0,
            }
        );
        // Only a month, quarter or year that contains today.
        assert_eq!(
            revenue_projection(&ds, &query("month:2024-02", "2024-03-16")),
            None
        );
        assert_eq!(
            revenue_projection(&ds, &query("mtd:2024-03-16", "2024-03-16")),
            None
        );
        assert!(revenue_projection(&ds, &query("year:2024", "2024-03-16")).is_some());
    }

    #[test]
    fn the_chart_continues_each_bucket_to_the_projection() {
        let db = steady("");
        let ds = Dataset::load(db.store.conn()).unwrap();
        // A year on 16 March, by month: January and February are over;
        // March has 15 days of Rp 100,000 and 17 expected (today included);
        // April to December expect Rp 100,000 a day.
        let q = query("year:2024", "2024-03-16");
        let months: Vec<Period> = (1..=12)
            .map(|m| {
                Selection::containing(PeriodKind::Month, date(&format!("2024-{m:02}-01"))).period
            })
            .collect();
        let got = projected_buckets(&ds, &q, &months);
        assert_eq!(got[..2], [None, None]);
        assert_eq!(got[2], Some(3_100_000.0));
        assert_eq!(got[3], Some(3_000_000.0));
        assert_eq!(got[11], Some(3_100_000.0));
        // The buckets add up to the projection: the months over as they
        // were, the others as projected.
        let over = 31.0 * 100_000.0 + 29.0 * 100_000.0;
        let value = revenue_projection(&ds, &q).unwrap().value;
        close(over + got.iter().flatten().sum::<f64>(), value, 0.01);
        // No projection, no continuation.
        let past = query("year:2023", "2024-03-16");
        assert_eq!(projected_buckets(&ds, &past, &months[..1]), [None]);
    }

    #[test]
    fn deals_expected_to_close_are_weighted_beside() {
        // D1 was won in 10 days; D2 was lost at proposal; D3, open at
        // proposal since 10 March, is expected to close on the 20th. Of the
        // three deals that reached proposal one was won: 1/3. So D3 weighs
        // 1,200,000 / 3 = 400,000, beside the orders' 3,100,000.
        let db = steady(
            "INSERT INTO deals(deal_id, created_at, stage, status, value_minor, closed_at, batch_id) VALUES
               ('D1', '2024-01-01', 'proposal', 'won', 100, '2024-01-11', 1),
               ('D2', '2024-01-01', 'proposal', 'lost', 100, '2024-01-21', 1),
               ('D3', '2024-03-10', 'proposal', 'open', 120000000, NULL, 1);",
        );
        let ds = Dataset::load(db.store.conn()).unwrap();
        let p = revenue_projection(&ds, &query("month:2024-03", "2024-03-16")).unwrap();
        close(p.pipeline, 400_000.0, 0.01);
        close(p.value, 3_100_000.0, 0.01);
        // Won in 60 days, D3 is expected in May: not in March's pipeline.
        let later = steady(
            "INSERT INTO deals(deal_id, created_at, stage, status, value_minor, closed_at, batch_id) VALUES
               ('D1', '2024-01-01', 'proposal', 'won', 100, '2024-03-01', 1),
               ('D3', '2024-03-10', 'proposal', 'open', 120000000, NULL, 1);",
        );
        let ds = Dataset::load(later.store.conn()).unwrap();
        let p = revenue_projection(&ds, &query("month:2024-03", "2024-03-16")).unwrap();
        assert_eq!(p.pipeline, 0.0);
    }

    #[test]
    fn the_weekday_pattern_and_its_spread() {
        // Sales on Mondays only, alternately Rp 600,000 and 800,000 from 1
        // January. The eight Mondays before 16 March (22 January to 11
        // March) average 700,000 with a sample variance of 8 x 100,000² / 7.
        // Made so far: 4 March 800,000 and 11 March 600,000; two Mondays
        // left (18 and 25 March): 1,400,000 more, sd sqrt(2 x 8/7) x 100,000
        // = 151,185.79.
        let days = (0..11).map(|w| {
            let d = date("2024-01-01") + chrono::Duration::weeks(w);
            (d, if w % 2 == 0 { 600_000 } else { 800_000 })
        });
        let db = db(&orders(days));
        let ds = Dataset::load(db.store.conn()).unwrap();
        let p = revenue_projection(&ds, &query("month:2024-03", "2024-03-16")).unwrap();
        close(p.value, 2_800_000.0, 0.01);
        close(p.low, 2_800_000.0 - 1.2816 * 151_185.79, 0.5);
        close(p.high, 2_800_000.0 + 1.2816 * 151_185.79, 0.5);
        assert_eq!((p.target, p.chance), (None, None));
    }

    /// The backtest of docs/highlights.md: each month of the sample shop
    /// (`laris demo --until 2025-06-30`) projected from its 10th and its
    /// 20th day. Run with `--nocapture` to see the errors.
    #[test]
    fn backtest_on_the_sample_shop() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::open(&dir.path().join("demo.laris")).unwrap();
        let opts = crate::demo::DemoOptions::new(date("2025-06-30"));
        crate::demo::fill(&mut store, &opts, &mut |_| {}).unwrap();
        let ds = Dataset::load_with(store.conn(), None).unwrap();
        let q = query("month:2025-06", "2025-06-30");
        let runs = backtest(&ds, &q, &[10, 20]);
        for day in [10, 20] {
            let of_day: Vec<&Backtested> = runs.iter().filter(|r| r.day == day).collect();
            let n = of_day.len() as f64;
            let mae = of_day
                .iter()
                .map(|r| (r.projected - r.actual).abs())
                .sum::<f64>()
                / n;
            let mape = of_day
                .iter()
                .map(|r| (r.projected - r.actual).abs() / r.actual)
                .sum::<f64>()
                / n;
            let revenue = of_day.iter().map(|r| r.actual).sum::<f64>() / n;
            println!(
                "day {day}: {n} months, mean revenue {revenue:.0}, MAE {mae:.0}, MAPE {:.1}%",
                mape * 100.0
            );
            assert!(n >= 30.0, "{n}");
            // A guard against getting worse than measured (docs/highlights.md).
            assert!(mape < if day == 10 { 0.16 } else { 0.08 }, "{mape}");
        }
    }
}
