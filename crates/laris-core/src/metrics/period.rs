//! Periods, their kinds and their comparison periods (metrics.md, "Periods"
//! and "Fine print / Periods").

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::format;
use crate::i18n::Lang;

/// A closed range of local dates, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Any range of days in words, its kind unknown (a comparison period cut
    /// like for like, a chart title): a whole month `Agu 2024`, a whole year
    /// `2024`, one day `5 Agu 2024`, else `1 Agu – 15 Sep 2024`.
    pub fn label(self, lang: Lang) -> String {
        let p = self;
        let whole = |kind| Selection::containing(kind, p.from).period == p;
        if p.from == p.to {
            format::date_short(lang, p.from)
        } else if whole(PeriodKind::Year) {
            p.from.year().to_string()
        } else if whole(PeriodKind::Month) {
            format!("{} {}", format::month_short(lang, p.from), p.from.year())
        } else if p.from.year() == p.to.year() {
            let start = format!("{} {}", p.from.day(), format::month_short(lang, p.from));
            format!("{start} – {}", format::date_short(lang, p.to))
        } else {
            format::date_range(lang, p.from, p.to)
        }
    }

    pub fn new(from: NaiveDate, to: NaiveDate) -> Period {
        Period { from, to }
    }

    /// Number of days, both ends included.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Mtd,
    Qtd,
    Ytd,
    Custom,
}

/// Which period the figures are compared with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparison {
    /// The previous period of the same kind.
    #[default]
    Previous,
    /// Both dates twelve months back.
    LastYear,
}

/// A period together with the kind it was chosen as; the kind decides the
/// comparison period and what "previous" and "next" mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Selection {
    pub kind: PeriodKind,
    pub period: Period,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error(
        "{0:?} is not a period; write day:2024-03-05, week:2024-W10, month:2024-03, quarter:2024-Q1, year:2024, mtd:2024-03-15, qtd:2024-05-20 or ytd:2024-03-15"
    )]
    Syntax(String),
    #[error("the period starts on {from} but ends on {to}, before it starts")]
    Reversed { from: NaiveDate, to: NaiveDate },
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The last day of the month of `y`-`m`.
pub fn month_end(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

fn is_month_end(d: NaiveDate) -> bool {
    d == month_end(d.year(), d.month())
}

/// Moves a date by whole months: the day is kept, clamped to the month's end,
/// and the last day of a month goes to the last day of the other month.
pub fn add_months(d: NaiveDate, months: i32) -> NaiveDate {
    let index = d.year() * 12 + d.month0() as i32 + months;
    let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    let end = month_end(y, m);
    if is_month_end(d) || d.day() > end.day() {
        end
    } else {
        ymd(y, m, d.day()).unwrap_or(end)
    }
}

fn quarter_start(d: NaiveDate) -> NaiveDate {
    ymd(d.year(), d.month0() / 3 * 3 + 1, 1).unwrap_or(d)
}

fn year_start(d: NaiveDate) -> NaiveDate {
    ymd(d.year(), 1, 1).unwrap_or(d)
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn shift_days(d: NaiveDate, days: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(days)).unwrap_or(d)
}

impl Selection {
    /// The name of a chosen period, as the period bar shows it: `Maret 2024`,
    /// `Kuartal 1 2024`, `Minggu ke-10, 2024`; the to-date kinds and custom
    /// dates as their range.
    pub fn label(&self, lang: Lang) -> String {
        let from = self.period.from;
        match self.kind {
            PeriodKind::Day => format::date(lang, from),
            PeriodKind::Week => lang.tr_args(
                "period-week",
                &[
                    ("week", from.iso_week().week().to_string().into()),
                    ("year", from.iso_week().year().to_string().into()),
                ],
            ),
            PeriodKind::Month => format::month(lang, from),
            PeriodKind::Quarter => lang.tr_args(
                "period-quarter",
                &[
                    ("quarter", (from.month0() / 3 + 1).to_string().into()),
                    ("year", from.year().to_string().into()),
                ],
            ),
            PeriodKind::Year => from.year().to_string(),
            PeriodKind::Mtd | PeriodKind::Qtd | PeriodKind::Ytd | PeriodKind::Custom => {
                self.period.label(lang)
            }
        }
    }

    /// The whole period of `kind` that contains `d` (for the to-date kinds,
    /// from the start of the month, quarter or year up to `d`).
    pub fn containing(kind: PeriodKind, d: NaiveDate) -> Selection {
        let period = match kind {
            PeriodKind::Day | PeriodKind::Custom => Period::new(d, d),
            PeriodKind::Week => {
                let monday = shift_days(d, -(d.weekday().num_days_from_monday() as i64));
                Period::new(monday, shift_days(monday, 6))
            }
            PeriodKind::Month => Period::new(month_start(d), month_end(d.year(), d.month())),
            PeriodKind::Quarter => {
                let from = quarter_start(d);
                Period::new(from, add_months(from, 3).pred_opt().unwrap_or(from))
            }
            PeriodKind::Year => Period::new(year_start(d), month_end(d.year(), 12)),
            PeriodKind::Mtd => Period::new(month_start(d), d),
            PeriodKind::Qtd => Period::new(quarter_start(d), d),
            PeriodKind::Ytd => Period::new(year_start(d), d),
        };
        Selection { kind, period }
    }

    /// Parses `KIND:VALUE` as `laris report --period` takes it.
    pub fn parse(text: &str) -> Result<Selection, PeriodError> {
        let err = || PeriodError::Syntax(text.to_string());
        let (kind, value) = text.trim().split_once(':').ok_or_else(err)?;
        let value = value.trim();
        let date = |v: &str| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
        let year = |v: &str| {
            (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()))
                .then(|| v.parse::<i32>().ok())
                .flatten()
        };
        let kind = match kind.trim().to_ascii_lowercase().as_str() {
            "day" => PeriodKind::Day,
            "week" => PeriodKind::Week,
            "month" => PeriodKind::Month,
            "quarter" => PeriodKind::Quarter,
            "year" => PeriodKind::Year,
            "mtd" => PeriodKind::Mtd,
            "qtd" => PeriodKind::Qtd,
            "ytd" => PeriodKind::Ytd,
            _ => return Err(err()),
        };
        let anchor = match kind {
            PeriodKind::Week => {
                let (y, w) = value.split_once(['-']).ok_or_else(err)?;
                let w = w.strip_prefix(['W', 'w']).ok_or_else(err)?;
                let w: u32 = w.parse().map_err(|_| err())?;
                NaiveDate::from_isoywd_opt(year(y).ok_or_else(err)?, w, Weekday::Mon)
            }
            PeriodKind::Month => {
                let (y, m) = value.split_once('-').ok_or_else(err)?;
                let m: u32 = (m.len() == 2)
                    .then(|| m.parse().ok())
                    .flatten()
                    .ok_or_else(err)?;
                ymd(year(y).ok_or_else(err)?, m, 1)
            }
            PeriodKind::Quarter => {
                let (y, q) = value.split_once('-').ok_or_else(err)?;
                let q: u32 = q
                    .strip_prefix(['Q', 'q'])
                    .and_then(|q| q.parse().ok())
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(err)?;
                ymd(year(y).ok_or_else(err)?, q * 3 - 2, 1)
            }
            PeriodKind::Year => ymd(year(value).ok_or_else(err)?, 1, 1),
            _ => date(value),
        }
        .ok_or_else(err)?;
        Ok(Selection::containing(kind, anchor))
    }

    /// A custom range, classified as the fine print says: exactly a year,
    /// quarter or month is that kind; two days or more from the first of a
    /// month within that month is month-to-date; anything else is custom.
    pub fn from_range(from: NaiveDate, to: NaiveDate) -> Result<Selection, PeriodError> {
        if to < from {
            return Err(PeriodError::Reversed { from, to });
        }
        let period = Period::new(from, to);
        for kind in [PeriodKind::Year, PeriodKind::Quarter, PeriodKind::Month] {
            if Selection::containing(kind, from).period == period {
                return Ok(Selection { kind, period });
            }
        }
        let kind = if from.day() == 1
            && to > from
            && (to.year(), to.month()) == (from.year(), from.month())
        {
            PeriodKind::Mtd
        } else {
            PeriodKind::Custom
        };
        Ok(Selection { kind, period })
    }

    /// The period `steps` periods of the same kind away (negative: earlier).
    /// Used for navigation and, with -1, as prev(P) for retention and churn.
    pub fn shift(&self, steps: i32) -> Selection {
        let Period { from, to } = self.period;
        let by_months = |months: i32| Period::new(add_months(from, months), add_months(to, months));
        let period = match self.kind {
            PeriodKind::Day => {
                Period::new(shift_days(from, steps as i64), shift_days(to, steps as i64))
            }
            PeriodKind::Week => Period::new(
                shift_days(from, 7 * steps as i64),
                shift_days(to, 7 * steps as i64),
            ),
            PeriodKind::Month | PeriodKind::Mtd => by_months(steps),
            PeriodKind::Quarter | PeriodKind::Qtd => by_months(3 * steps),
            PeriodKind::Year | PeriodKind::Ytd => by_months(12 * steps),
            PeriodKind::Custom => {
                let len = self.period.days() * steps as i64;
                Period::new(shift_days(from, len), shift_days(to, len))
            }
        };
        Selection {
            kind: self.kind,
            period,
        }
    }

    /// prev(P): the previous period of the same kind, whatever the comparison.
    pub fn prev(&self) -> Period {
        self.shift(-1).period
    }

    /// The comparison period (cmp P). A period that contains `today` is
    /// compared like for like: the comparison is cut to the days elapsed.
    pub fn comparison(&self, cmp: Comparison, today: NaiveDate) -> Period {
        let base = match cmp {
            Comparison::Previous => self.prev(),
            Comparison::LastYear => Period::new(
                add_months(self.period.from, -12),
                add_months(self.period.to, -12),
            ),
        };
        if self.period.contains(today) {
            let elapsed = (today - self.period.from).num_days();
            let cut = shift_days(base.from, elapsed);
            Period::new(base.from, cut.min(base.to))
        } else {
            base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_named_in_the_language() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let sel = |kind, day| Selection::containing(kind, day);
        assert_eq!(
            sel(PeriodKind::Month, d(2024, 3, 5)).label(Lang::Id),
            "Maret 2024"
        );
        assert_eq!(
            sel(PeriodKind::Month, d(2024, 8, 5)).label(Lang::En),
            "August 2024"
        );
        assert_eq!(
            sel(PeriodKind::Day, d(2024, 8, 17)).label(Lang::Id),
            "17 Agustus 2024"
        );
        assert_eq!(
            sel(PeriodKind::Day, d(2024, 8, 17)).label(Lang::En),
            "17 August 2024"
        );
        assert_eq!(
            sel(PeriodKind::Quarter, d(2024, 5, 5)).label(Lang::En),
            "Q2 2024"
        );
        assert_eq!(
            sel(PeriodKind::Quarter, d(2024, 5, 5)).label(Lang::Id),
            "Kuartal 2 2024"
        );
        assert_eq!(
            sel(PeriodKind::Week, d(2024, 3, 5)).label(Lang::En),
            "Week 10, 2024"
        );
        assert_eq!(
            sel(PeriodKind::Week, d(2024, 3, 5)).label(Lang::Id),
            "Minggu ke-10, 2024"
        );
        assert_eq!(sel(PeriodKind::Year, d(2024, 3, 5)).label(Lang::En), "2024");
        assert_eq!(
            sel(PeriodKind::Mtd, d(2024, 8, 15)).label(Lang::Id),
            "1 Agu – 15 Agu 2024"
        );
    }

    #[test]
    fn ranges_are_named_in_the_language() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let p = |a: &str, b: &str| Period::new(d(a), d(b));
        assert_eq!(p("2024-08-01", "2024-08-31").label(Lang::Id), "Agu 2024");
        assert_eq!(p("2024-01-01", "2024-12-31").label(Lang::En), "2024");
        assert_eq!(
            p("2024-08-01", "2024-09-15").label(Lang::En),
            "1 Aug – 15 Sep 2024"
        );
        assert_eq!(
            p("2023-12-30", "2024-01-02").label(Lang::Id),
            "30 Des 2023 – 2 Jan 2024"
        );
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn p(a: &str, b: &str) -> Period {
        Period::new(d(a), d(b))
    }
    // A "today" far from every period tested, so nothing is cut.
    fn far() -> NaiveDate {
        d("2099-01-01")
    }

    #[test]
    fn month_arithmetic_clamps_and_keeps_month_end() {
        assert_eq!(add_months(d("2024-03-31"), -1), d("2024-02-29"));
        assert_eq!(add_months(d("2024-06-30"), -3), d("2024-03-31"));
        assert_eq!(add_months(d("2024-02-29"), -12), d("2023-02-28"));
        assert_eq!(
            add_months(d("2023-02-28"), 12),
            d("2024-02-29"),
            "month end stays month end"
        );
        assert_eq!(add_months(d("2024-03-15"), -1), d("2024-02-15"));
        assert_eq!(add_months(d("2024-01-30"), 1), d("2024-02-29"), "clamped");
        assert_eq!(add_months(d("2024-01-15"), -1), d("2023-12-15"));
    }

    #[test]
    fn every_kind_parses() {
        let cases = [
            (
                "day:2024-03-05",
                PeriodKind::Day,
                p("2024-03-05", "2024-03-05"),
            ),
            (
                "week:2024-W10",
                PeriodKind::Week,
                p("2024-03-04", "2024-03-10"),
            ),
            (
                "week:2020-W53",
                PeriodKind::Week,
                p("2020-12-28", "2021-01-03"),
            ),
            (
                "month:2024-02",
                PeriodKind::Month,
                p("2024-02-01", "2024-02-29"),
            ),
            (
                "quarter:2024-Q1",
                PeriodKind::Quarter,
                p("2024-01-01", "2024-03-31"),
            ),
            (
                "quarter:2024-Q4",
                PeriodKind::Quarter,
                p("2024-10-01", "2024-12-31"),
            ),
            ("year:2024", PeriodKind::Year, p("2024-01-01", "2024-12-31")),
            (
                "mtd:2024-03-15",
                PeriodKind::Mtd,
                p("2024-03-01", "2024-03-15"),
            ),
            (
                "qtd:2024-05-20",
                PeriodKind::Qtd,
                p("2024-04-01", "2024-05-20"),
            ),
            (
                "ytd:2024-03-15",
                PeriodKind::Ytd,
                p("2024-01-01", "2024-03-15"),
            ),
        ];
        for (text, kind, period) in cases {
            assert_eq!(
                Selection::parse(text).unwrap(),
                Selection { kind, period },
                "{text}"
            );
        }
    }

    #[test]
    fn bad_periods_are_refused() {
        for bad in [
            "2024",
            "month:2024-13",
            "month:2024-3-01",
            "quarter:2024-Q5",
            "week:2024-W54",
            "day:2024-02-30",
            "decade:2020",
            "year:24",
            "mtd:2024-03",
            "",
        ] {
            assert!(Selection::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn custom_ranges_are_classified() {
        let k = |a: &str, b: &str| Selection::from_range(d(a), d(b)).unwrap().kind;
        assert_eq!(k("2024-01-01", "2024-12-31"), PeriodKind::Year);
        assert_eq!(k("2024-04-01", "2024-06-30"), PeriodKind::Quarter);
        assert_eq!(k("2024-02-01", "2024-02-29"), PeriodKind::Month);
        assert_eq!(k("2024-03-01", "2024-03-15"), PeriodKind::Mtd);
        assert_eq!(
            k("2024-03-01", "2024-03-01"),
            PeriodKind::Custom,
            "one day is not MTD"
        );
        assert_eq!(k("2024-03-02", "2024-03-15"), PeriodKind::Custom);
        assert_eq!(k("2024-03-01", "2024-04-15"), PeriodKind::Custom);
        assert!(Selection::from_range(d("2024-03-02"), d("2024-03-01")).is_err());
    }

    #[test]
    fn previous_period_of_each_kind() {
        let cmp = |text: &str| {
            Selection::parse(text)
                .unwrap()
                .comparison(Comparison::Previous, far())
        };
        assert_eq!(cmp("day:2024-03-01"), p("2024-02-29", "2024-02-29"));
        assert_eq!(cmp("week:2024-W01"), p("2023-12-25", "2023-12-31"));
        assert_eq!(cmp("month:2024-03"), p("2024-02-01", "2024-02-29"));
        assert_eq!(cmp("quarter:2024-Q3"), p("2024-04-01", "2024-06-30"));
        assert_eq!(cmp("year:2024"), p("2023-01-01", "2023-12-31"));
        // To-date kinds compare like for like.
        assert_eq!(cmp("mtd:2024-03-15"), p("2024-02-01", "2024-02-15"));
        assert_eq!(cmp("mtd:2024-03-31"), p("2024-02-01", "2024-02-29"));
        assert_eq!(cmp("mtd:2024-03-01"), p("2024-02-01", "2024-02-01"));
        assert_eq!(cmp("qtd:2024-06-30"), p("2024-01-01", "2024-03-31"));
        assert_eq!(cmp("qtd:2024-05-20"), p("2024-01-01", "2024-02-20"));
        assert_eq!(cmp("ytd:2024-02-29"), p("2023-01-01", "2023-02-28"));
        // Custom: same number of days ending the day before `from`.
        let custom = Selection::from_range(d("2024-03-10"), d("2024-03-19")).unwrap();
        assert_eq!(
            custom.comparison(Comparison::Previous, far()),
            p("2024-02-29", "2024-03-09")
        );
        // A custom MTD-shaped range is month-to-date: 1-15 March vs 1-15 February.
        let mtd = Selection::from_range(d("2024-03-01"), d("2024-03-15")).unwrap();
        assert_eq!(
            mtd.comparison(Comparison::Previous, far()),
            p("2024-02-01", "2024-02-15")
        );
    }

    #[test]
    fn same_period_last_year() {
        let cmp = |text: &str| {
            Selection::parse(text)
                .unwrap()
                .comparison(Comparison::LastYear, far())
        };
        assert_eq!(cmp("month:2024-02"), p("2023-02-01", "2023-02-28"));
        assert_eq!(
            cmp("day:2024-02-29"),
            p("2023-02-28", "2023-02-28"),
            "leap day"
        );
        assert_eq!(cmp("year:2024"), p("2023-01-01", "2023-12-31"));
        assert_eq!(cmp("mtd:2024-03-15"), p("2023-03-01", "2023-03-15"));
    }

    #[test]
    fn a_period_containing_today_is_compared_like_for_like() {
        let month = Selection::parse("month:2024-03").unwrap();
        // 10 days of March elapsed (1-10): February is cut to 1-10.
        assert_eq!(
            month.comparison(Comparison::Previous, d("2024-03-10")),
            p("2024-02-01", "2024-02-10")
        );
        let year = Selection::parse("year:2024").unwrap();
        assert_eq!(
            year.comparison(Comparison::LastYear, d("2024-01-31")),
            p("2023-01-01", "2023-01-31")
        );
        // Today outside the period: nothing is cut.
        assert_eq!(
            month.comparison(Comparison::Previous, d("2024-04-01")),
            p("2024-02-01", "2024-02-29")
        );
    }

    #[test]
    fn navigation_and_prev() {
        let m = Selection::parse("month:2024-01").unwrap();
        assert_eq!(m.shift(1).period, p("2024-02-01", "2024-02-29"));
        assert_eq!(m.shift(-1).period, p("2023-12-01", "2023-12-31"));
        assert_eq!(m.prev(), p("2023-12-01", "2023-12-31"));
        let w = Selection::parse("week:2024-W10").unwrap();
        assert_eq!(w.shift(1).period, p("2024-03-11", "2024-03-17"));
        let custom = Selection::from_range(d("2024-03-10"), d("2024-03-12")).unwrap();
        assert_eq!(custom.shift(1).period, p("2024-03-13", "2024-03-15"));
        // prev(P) ignores the comparison setting and today.
        let q = Selection::parse("quarter:2024-Q2").unwrap();
        assert_eq!(q.prev(), p("2024-01-01", "2024-03-31"));
    }
}
