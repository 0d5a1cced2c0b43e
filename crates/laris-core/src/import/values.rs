//! Numbers and dates as shops write them: `Rp 1.250.000,00`, `$1,250.00`,
//! `(1.250)`, `12 Januari 2024`, `11/8/2018`, Excel serial days. The decimal
//! separator and the day/month order are inferred per column from all its
//! values; where a column cannot tell, the database's locale decides.

use std::borrow::Cow;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::parse::iso_money_minor;

/// How a column writes its numbers and dates, inferred from all its values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnFormat {
    /// `,` when the column writes `1.250,00`; `.` for `1,250.00`.
    pub decimal: char,
    pub day_first: bool,
    /// For a csat score: the scale the user says the file uses.
    pub score_scale: ScoreScale,
}

/// The scale of a csat file's scores. Laris stores 1 to 5, where 4 and up
/// is a satisfied customer (metrics.md, csat).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScoreScale {
    #[default]
    OneToFive,
    OneToTen,
    ZeroToTen,
}

impl ScoreScale {
    /// The score on the 1 to 5 scale, None when it is outside this scale.
    /// A 10-point score is mapped linearly, lowest to 1 and 10 to 5, and
    /// rounded to two decimals (half away from zero): 7 becomes 3.67 (1-10)
    /// or 3.8 (0-10) and 8 becomes 4.11 or 4.2, so a satisfied customer
    /// is one who gave 8 or more, the usual top three boxes of a 10-point
    /// scale.
    pub fn to_five(self, score: f64) -> Option<f64> {
        let low = match self {
            ScoreScale::OneToFive => return (1.0..=5.0).contains(&score).then_some(score),
            ScoreScale::OneToTen => 1.0,
            ScoreScale::ZeroToTen => 0.0,
        };
        if !(low..=10.0).contains(&score) {
            return None;
        }
        let five = 1.0 + (score - low) * 4.0 / (10.0 - low);
        Some((five * 100.0).round() / 100.0)
    }
}

/// What the database's locale says when a column is ambiguous.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocaleDefaults {
    pub decimal: char,
    pub day_first: bool,
}

impl LocaleDefaults {
    pub fn for_locale(locale: &str) -> Self {
        if locale.starts_with("en") {
            LocaleDefaults {
                decimal: '.',
                day_first: false,
            }
        } else {
            LocaleDefaults {
                decimal: ',',
                day_first: true,
            }
        }
    }
}

/// What a column's values have shown so far about its format.
#[derive(Clone, Copy, Debug, Default)]
pub struct FormatEvidence {
    dot: bool,
    comma: bool,
    day_first: bool,
    month_first: bool,
}

impl FormatEvidence {
    pub fn observe(&mut self, v: &str) {
        match decimal_evidence(v) {
            Some('.') => self.dot = true,
            Some(',') => self.comma = true,
            _ => {}
        }
        if let Some((a, b)) = numeric_date_parts(v) {
            self.day_first |= a > 12 && b <= 12;
            self.month_first |= b > 12 && a <= 12;
        }
    }

    /// The format the evidence settles; where it cannot tell, the locale's.
    pub fn format(&self, defaults: LocaleDefaults) -> ColumnFormat {
        ColumnFormat {
            decimal: match (self.dot, self.comma) {
                (true, false) => '.',
                (false, true) => ',',
                _ => defaults.decimal,
            },
            day_first: match (self.day_first, self.month_first) {
                (true, false) => true,
                (false, true) => false,
                _ => defaults.day_first,
            },
            score_scale: ScoreScale::default(),
        }
    }
}

/// The currency a file names: in a currency column, or before its amounts.
#[derive(Clone, Debug, Default)]
pub struct CurrencyEvidence {
    found: Option<&'static str>,
}

impl CurrencyEvidence {
    /// A value of a column of currency codes (`IDR`, `USD`).
    pub fn observe_code(&mut self, v: &str) {
        if self.found.is_none() {
            self.found = code(v.trim());
        }
    }

    /// An amount: `Rp 1.250.000`, `$1,250.00`, `IDR 85.000`.
    pub fn observe_amount(&mut self, v: &str) {
        if self.found.is_some() {
            return;
        }
        let v = v.trim().trim_start_matches(['(', '-', '+', ' ']).as_bytes();
        if v.first().is_some_and(u8::is_ascii_digit) {
            return; // a plain number, as in most files: no prefix
        }
        // Compared as bytes, without a lower-cased copy of every amount.
        let starts_with = |prefix: &str| {
            v.len() >= prefix.len() && v[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        };
        self.found = [
            ("rp", "IDR"),
            ("idr", "IDR"),
            ("us$", "USD"),
            ("usd", "USD"),
            ("$", "USD"),
            ("€", "EUR"),
            ("eur", "EUR"),
            ("£", "GBP"),
            ("gbp", "GBP"),
            ("₹", "INR"),
            ("rs", "INR"),
            ("inr", "INR"),
        ]
        .into_iter()
        .find(|(prefix, _)| starts_with(prefix))
        .map(|(_, c)| c);
    }

    /// A money column's header: `Total (USD)`, `Harga Jual (IDR)`.
    pub fn observe_header(&mut self, header: &str) {
        if self.found.is_none() {
            self.found = header
                .split(|c: char| !c.is_alphanumeric())
                .find_map(|word| code(word).filter(|_| word.len() == 3));
        }
    }

    pub fn currency(&self) -> Option<&'static str> {
        self.found
    }
}

/// The currency code Laris knows as `v`, in any case.
pub fn currency_code(v: &str) -> Option<&'static str> {
    code(v)
}

fn code(v: &str) -> Option<&'static str> {
    const CODES: [&str; 10] = [
        "IDR", "USD", "EUR", "GBP", "INR", "SGD", "MYR", "AUD", "JPY", "CNY",
    ];
    CODES.into_iter().find(|c| c.eq_ignore_ascii_case(v))
}

/// Looks at every value of a column and settles its format.
pub fn infer<'a>(values: impl Iterator<Item = &'a str>, defaults: LocaleDefaults) -> ColumnFormat {
    let mut evidence = FormatEvidence::default();
    for v in values {
        evidence.observe(v);
    }
    evidence.format(defaults)
}

/// The decimal separator a value proves, if any: `1,250.00` and `2.55` prove
/// `.`; `1.250.000,00` and `353,5` prove `,`; `1.250` proves nothing.
fn decimal_evidence(v: &str) -> Option<char> {
    let v = strip_currency(v);
    let last_dot = v.rfind('.');
    let last_comma = v.rfind(',');
    match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(i), None) | (None, Some(i)) => {
            let sep = v.as_bytes()[i] as char;
            let digits_after = v[i + 1..].chars().take_while(char::is_ascii_digit).count();
            let repeated = v.matches(sep).count() > 1;
            if repeated {
                // `1.250.000`: a thousands separator.
                Some(if sep == '.' { ',' } else { '.' })
            } else if digits_after == 3 {
                None
            } else {
                Some(sep)
            }
        }
        (None, None) => None,
    }
}

fn strip_currency(v: &str) -> &str {
    let v = v.trim();
    if v.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return v; // the common case: a plain number
    }
    let v = v
        .trim_start_matches(['(', '-', '+', ' '])
        .trim_end_matches([')', ' ']);
    for prefix in [
        "rp.", "rp", "idr", "usd", "us$", "$", "€", "£", "rs.", "rs", "₹",
    ] {
        let n = prefix.len();
        // Comparing bytes: a match ends on a character boundary.
        if v.len() >= n && v.as_bytes()[..n].eq_ignore_ascii_case(prefix.as_bytes()) {
            return v[n..].trim_start();
        }
    }
    v
}

/// Text that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`; a number such
/// as `-5` or `+62 812` stays as it is. Used wherever Laris writes text a
/// spreadsheet will open: exports, and the rows an import skipped.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && money_minor(text, ColumnFormat::default()).is_none() {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// An amount as integer hundredths, in the column's format. A lone `-` (how
/// accounting formats show zero) is zero.
pub fn money_minor(text: &str, format: ColumnFormat) -> Option<i64> {
    let t = text.trim();
    let negative =
        (t.starts_with('(') && t.ends_with(')')) || t.starts_with('-') || t.ends_with('-');
    let body = strip_currency(t).trim_end_matches('-').trim();
    if body.is_empty() {
        return t.contains('-').then_some(0);
    }
    let thousands = if format.decimal == ',' { '.' } else { ',' };
    let normalised: String = body
        .chars()
        .filter(|&c| c != thousands && c != ' ' && c != '\u{a0}' && c != '\'')
        .map(|c| if c == format.decimal { '.' } else { c })
        .collect();
    let minor = iso_money_minor(&normalised)?;
    Some(if negative { -minor } else { minor })
}

/// A number that is not money (quantities, minutes), in the column's format.
pub fn number(text: &str, format: ColumnFormat) -> Option<f64> {
    money_minor(text, format).map(|hundredths| {
        // Quantities are rarely fractional; keep up to two decimals exactly.
        hundredths as f64 / 100.0
    })
}

const MONTHS: [(&str, u32); 30] = [
    ("january", 1),
    ("januari", 1),
    ("february", 2),
    ("februari", 2),
    ("march", 3),
    ("maret", 3),
    ("april", 4),
    ("may", 5),
    ("mei", 5),
    ("june", 6),
    ("juni", 6),
    ("july", 7),
    ("juli", 7),
    ("august", 8),
    ("agustus", 8),
    ("september", 9),
    ("october", 10),
    ("oktober", 10),
    ("november", 11),
    ("nopember", 11),
    ("december", 12),
    ("desember", 12),
    ("agu", 8),
    ("agt", 8),
    ("okt", 10),
    ("des", 12),
    ("nop", 11),
    ("sept", 9),
    ("peb", 2),
    ("mar", 3),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == w)
        .or_else(|| {
            MONTHS
                .iter()
                .find(|(name, _)| name.len() > 3 && name.starts_with(&w))
        })
        .map(|(_, m)| *m)
}

/// The first two numbers of a numeric date such as `11/8/2018` or `08-11-2018`
/// (not ISO `2018-11-08`).
fn numeric_date_parts(v: &str) -> Option<(u32, u32)> {
    let date = v.trim().split([' ', 'T']).next()?;
    let mut parts = date.split(['/', '-', '.']);
    let (a, b) = (parts.next()?, parts.next()?);
    if parts.next().is_none() || parts.next().is_some() || a.len() > 2 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

fn year(text: &str) -> Option<i32> {
    let y: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(y),
        // Two-digit years: 70-99 are the 1900s, the rest this century.
        2 => Some(if y >= 70 { 1900 + y } else { 2000 + y }),
        _ => None,
    }
}

/// A date with an optional time, in any of the formats shops use. Returns
/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (the wall clock as written; an
/// offset is dropped), or None for an impossible or unreadable date.
pub fn date_time(text: &str, format: ColumnFormat) -> Option<String> {
    let t = text.trim();
    if let Some(iso) = super::parse::iso_date_time(t) {
        return Some(iso);
    }
    // An Excel serial day number (a date cell read as a number).
    if let Ok(serial) = t.parse::<f64>() {
        return excel_serial(serial);
    }
    let (date_part, time_part) = split_time(t);
    let date = parse_date_words(&date_part, format)?;
    match time_part {
        None => Some(date.to_string()),
        Some(time) => {
            let time = parse_time(&time)?;
            Some(
                NaiveDateTime::new(date, time)
                    .format("%Y-%m-%dT%H:%M:%S")
                    .to_string(),
            )
        }
    }
}

fn excel_serial(serial: f64) -> Option<String> {
    // Serial days from 1900 (with Excel's phantom 29 Feb 1900) in the range of
    // real business dates: 1982 to 2119.
    if !(30_000.0..80_000.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = serial.trunc() as i64;
    let secs = ((serial - serial.trunc()) * 86_400.0).round() as i64;
    let dt = base.and_time(NaiveTime::MIN) + Duration::days(days) + Duration::seconds(secs);
    Some(if secs == 0 {
        dt.date().to_string()
    } else {
        dt.format("%Y-%m-%dT%H:%M:%S").to_string()
    })
}

/// Splits `12/03/2024 13:05` or `12 Jan 2024, 13.05` into date and time: the
/// time is the first word after the date that looks like `8:26` or `13.05`.
fn split_time(t: &str) -> (String, Option<String>) {
    let words: Vec<&str> = t.split_whitespace().collect();
    let looks_like_time = |w: &str| {
        let groups: Vec<&str> = w.split([':', '.']).collect();
        (2..=3).contains(&groups.len())
            && groups[0].len() <= 2
            && groups[1..].iter().all(|g| g.len() == 2)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    };
    match (1..words.len()).find(|&i| looks_like_time(words[i])) {
        Some(i) => (
            words[..i].join(" ").trim_end_matches(',').to_string(),
            Some(words[i..].join(" ")),
        ),
        None => (t.to_string(), None),
    }
}

fn parse_time(t: &str) -> Option<NaiveTime> {
    let t = t.trim();
    let lower = t.to_ascii_lowercase();
    let (t, pm) = if let Some(x) = lower.strip_suffix("pm") {
        (x.trim().to_string(), Some(true))
    } else if let Some(x) = lower.strip_suffix("am") {
        (x.trim().to_string(), Some(false))
    } else {
        // Drop an offset: `+07:00`, `-0500`, `Z`, ` WIB`.
        let cut = t
            .find(['+', 'Z'])
            .or_else(|| t.rfind('-'))
            .or_else(|| t.find(' '))
            .unwrap_or(t.len());
        (t[..cut].trim().to_string(), None)
    };
    let mut parts = t.split([':', '.']).map(|p| p.parse::<u32>());
    let mut h = parts.next()?.ok()?;
    let m = parts.next().unwrap_or(Ok(0)).ok()?;
    let s = parts.next().unwrap_or(Ok(0)).ok()?;
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, m, s)
}

fn parse_date_words(t: &str, format: ColumnFormat) -> Option<NaiveDate> {
    let parts: Vec<&str> = t
        .split(['/', '-', '.', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        // yyyy/mm/dd
        (
            year(parts[0])?,
            num(parts[1]).or_else(|| month_number(parts[1]))?,
            num(parts[2])?,
        )
    } else if let Some(m) = month_number(parts[1]) {
        // 12 Januari 2024, 12-Jan-24
        (year(parts[2])?, m, num(parts[0])?)
    } else if let Some(m) = month_number(parts[0]) {
        // January 12 2024
        (year(parts[2])?, m, num(parts[1])?)
    } else {
        let (a, b) = (num(parts[0])?, num(parts[1])?);
        let (d, m) = if format.day_first { (a, b) } else { (b, a) };
        (year(parts[2])?, m, d)
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: LocaleDefaults = LocaleDefaults {
        decimal: ',',
        day_first: true,
    };
    const EN: LocaleDefaults = LocaleDefaults {
        decimal: '.',
        day_first: false,
    };

    #[test]
    fn formula_like_text_is_neutralised_and_numbers_are_not() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("+cmd"), "'+cmd");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\r=x"), "'\r=x");
        assert_eq!(neutralise("-5"), "-5");
        assert_eq!(neutralise("Toko =A1"), "Toko =A1");
    }

    #[test]
    fn ten_point_scores_map_onto_one_to_five_with_both_ends_kept() {
        assert_eq!(ScoreScale::OneToFive.to_five(4.5), Some(4.5));
        assert_eq!(ScoreScale::OneToFive.to_five(6.0), None);
        // 1 + 0.4 x score.
        let zero = ScoreScale::ZeroToTen;
        let on_0_10: Vec<Option<f64>> = [0.0, 5.0, 7.0, 7.5, 8.0, 10.0]
            .map(|s| zero.to_five(s))
            .to_vec();
        assert_eq!(
            on_0_10,
            [
                Some(1.0),
                Some(3.0),
                Some(3.8),
                Some(4.0),
                Some(4.2),
                Some(5.0)
            ]
        );
        assert_eq!(zero.to_five(10.5), None);
        assert_eq!(zero.to_five(-1.0), None);
        // 1 + 4 x (score - 1) / 9, to two decimals: 2 is 1.444..., 5 is 2.777...
        let one = ScoreScale::OneToTen;
        let on_1_10: Vec<Option<f64>> = [1.0, 2.0, 5.0, 7.0, 8.0, 10.0]
            .map(|s| one.to_five(s))
            .to_vec();
        assert_eq!(
            on_1_10,
            [
                Some(1.0),
                Some(1.44),
                Some(2.78),
                Some(3.67),
                Some(4.11),
                Some(5.0)
            ]
        );
        assert_eq!(one.to_five(0.0), None);
        assert_eq!(one.to_five(f64::NAN), None);
    }

    fn col(values: &[&str], d: LocaleDefaults) -> ColumnFormat {
        infer(values.iter().copied(), d)
    }

    #[test]
    fn decimal_separator_from_the_whole_column() {
        let id = col(&["Rp 1.250.000,00", "Rp 85.000"], EN);
        assert_eq!(id.decimal, ',');
        assert_eq!(money_minor("Rp 1.250.000,00", id), Some(125_000_000));
        assert_eq!(money_minor("Rp 85.000", id), Some(8_500_000));
        assert_eq!(money_minor("IDR 1.250.000", id), Some(125_000_000));
        let en = col(&["$1,250.00", "1,250"], ID);
        assert_eq!(en.decimal, '.');
        assert_eq!(money_minor("$1,250.00", en), Some(125_000));
        assert_eq!(money_minor("1,250", en), Some(125_000));
        // Only ambiguous values: the locale decides.
        assert_eq!(col(&["85.000", "1.250"], ID).decimal, ',');
        assert_eq!(money_minor("85.000", col(&["85.000"], ID)), Some(8_500_000));
        assert_eq!(col(&["1.250"], EN).decimal, '.');
    }

    #[test]
    fn currency_from_a_code_column_or_the_amounts() {
        let mut e = CurrencyEvidence::default();
        e.observe_amount("1.250");
        assert_eq!(e.currency(), None);
        e.observe_amount("Rp 1.250.000,00");
        e.observe_amount("$5");
        assert_eq!(e.currency(), Some("IDR"), "the first one named");
        let mut e = CurrencyEvidence::default();
        e.observe_code(" usd ");
        assert_eq!(e.currency(), Some("USD"));
        let mut e = CurrencyEvidence::default();
        e.observe_amount("(US$12.00)");
        assert_eq!(e.currency(), Some("USD"));
    }

    #[test]
    fn negatives_zero_dashes_and_rounding() {
        let f = ColumnFormat {
            decimal: ',',
            day_first: true,
            ..ColumnFormat::default()
        };
        assert_eq!(money_minor("(1.250)", f), Some(-125_000));
        assert_eq!(money_minor("-1.250", f), Some(-125_000));
        assert_eq!(money_minor("-", f), Some(0));
        assert_eq!(money_minor("Rp -", f), Some(0));
        assert_eq!(
            money_minor("2,005", ColumnFormat { decimal: ',', ..f }),
            Some(201)
        );
        assert_eq!(money_minor("abc", f), None);
        assert_eq!(money_minor("", f), None);
        assert_eq!(money_minor("1.2.3,4,5", f), None);
    }

    #[test]
    fn day_month_order_from_the_whole_column() {
        let us = col(&["11/8/2018", "11/22/2018"], ID);
        assert!(!us.day_first);
        assert_eq!(date_time("11/8/2018", us).as_deref(), Some("2018-11-08"));
        let id = col(&["01/04/2018", "25/04/2018"], EN);
        assert!(id.day_first);
        assert_eq!(date_time("01/04/2018", id).as_deref(), Some("2018-04-01"));
        assert_eq!(
            date_time("31/02/2024", id),
            None,
            "impossible, never guessed"
        );
    }

    #[test]
    fn date_formats() {
        let f = ColumnFormat {
            decimal: ',',
            day_first: true,
            ..ColumnFormat::default()
        };
        let cases = [
            ("2024-03-05", "2024-03-05"),
            ("2024/03/05", "2024-03-05"),
            ("05-03-2024 13:05", "2024-03-05T13:05:00"),
            ("05/03/24", "2024-03-05"),
            ("12 Januari 2024", "2024-01-12"),
            ("12 Jan 2024", "2024-01-12"),
            ("3 Agustus 2024", "2024-08-03"),
            ("3 Agu 2024", "2024-08-03"),
            ("17-Okt-2024 09.30", "2024-10-17T09:30:00"),
            ("2017-02-21 19:44:27 -0500", "2017-02-21T19:44:27"),
            ("12/1/2010 8:26", "2010-01-12T08:26:00"),
            ("45000", "2023-03-15"),
            ("45000.5", "2023-03-15T12:00:00"),
            ("Mar 5, 2024 1:05 PM", "2024-03-05T13:05:00"),
        ];
        for (text, want) in cases {
            assert_eq!(date_time(text, f).as_deref(), Some(want), "{text}");
        }
        for bad in ["2024-02-30", "abc", "12", "32/01/2024", "12 Foo 2024"] {
            assert_eq!(date_time(bad, f), None, "{bad}");
        }
    }
}
