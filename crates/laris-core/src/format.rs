//! Numbers as the user's locale writes them (metrics.md, "Showing numbers").

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::i18n::Lang;

/// Thousands separator of the language: `10.000` in Indonesian, `10,000` in English.
pub fn thousands_sep(lang: Lang) -> char {
    match lang {
        Lang::Id => '.',
        Lang::En => ',',
    }
}

/// A whole number with thousands separators.
pub fn count(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(thousands_sep(lang));
        }
        out.push(c);
    }
    out
}

/// Decimal separator of the language: `25,3` in Indonesian, `25.3` in English.
pub fn decimal_sep(lang: Lang) -> char {
    match lang {
        Lang::Id => ',',
        Lang::En => '.',
    }
}

/// A number with thousands separators and `decimals` decimals, rounded half
/// away from zero.
pub fn decimal(lang: Lang, value: f64, decimals: u32) -> String {
    let scale = 10f64.powi(decimals as i32);
    let scaled = (value.abs() * scale).round();
    // Beyond i64 a figure is nonsense anyway; saturate rather than wrap.
    let scaled = if scaled >= i64::MAX as f64 {
        i64::MAX
    } else {
        scaled as i64
    };
    let whole = scaled / scale as i64;
    let frac = scaled % scale as i64;
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&count(lang, whole));
    if decimals > 0 {
        out.push(decimal_sep(lang));
        out.push_str(&format!("{frac:0width$}", width = decimals as usize));
    }
    out
}

/// Money in the locale's format: rupiah without decimals (`Rp 154.811.500`
/// in Indonesian, `Rp 154,811,500` in English), other currencies with two
/// decimals after their code (`USD 1,250.50`).
pub fn money(lang: Lang, currency: &str, major: f64) -> String {
    let (symbol, decimals) = match currency.to_ascii_uppercase().as_str() {
        "IDR" | "" => ("Rp".to_string(), 0),
        other => (other.to_string(), 2),
    };
    let amount = decimal(lang, major.abs(), decimals);
    let sign = if major < 0.0 && amount.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    format!("{sign}{symbol} {amount}")
}

/// Money shortened for a card: `Rp 154,8 jt` in Indonesian, `Rp 154.8M` in
/// English; below a thousand units, in full.
pub fn money_short(lang: Lang, currency: &str, major: f64) -> String {
    if major.abs() < 1e3 {
        return money(lang, currency, major);
    }
    let symbol = match currency.to_ascii_uppercase().as_str() {
        "IDR" | "" => "Rp".to_string(),
        other => other.to_string(),
    };
    // The sign before the currency, as `money` writes it: `-Rp 1 jt`.
    let sign = if major < 0.0 { "-" } else { "" };
    format!("{sign}{symbol} {}", abbreviated(lang, major.abs()))
}

/// A fraction as a percentage with one decimal: `25,3%` / `25.3%`.
pub fn percent(lang: Lang, fraction: f64) -> String {
    format!("{}%", decimal(lang, fraction * 100.0, 1))
}

/// A duration with one decimal and its unit (already in the user's language).
pub fn duration(lang: Lang, value: f64, unit: &str) -> String {
    format!("{} {unit}", decimal(lang, value, 1))
}

/// A date as the user's language writes it: `5 March 2024`, `5 Maret 2024`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    lang.tr_args(
        "date-long",
        &[
            ("day", d.day().to_string().into()),
            ("month", lang.tr(&format!("month-{}", d.month())).into()),
            ("year", d.year().to_string().into()),
        ],
    )
}

/// The short name of a date's month: `Agu` / `Aug`.
pub fn month_short(lang: Lang, d: NaiveDate) -> String {
    lang.tr(&format!("month-short-{}", d.month()))
}

/// A date in few characters: `5 Mar 2024`, `5 Agu 2024`.
pub fn date_short(lang: Lang, d: NaiveDate) -> String {
    lang.tr_args(
        "date-short",
        &[
            ("day", d.day().to_string().into()),
            ("month", month_short(lang, d).into()),
            ("year", d.year().to_string().into()),
        ],
    )
}

/// Two dates in few characters: `9 Jul 2022 – 29 Jun 2025`.
pub fn date_range(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    format!("{} – {}", date_short(lang, from), date_short(lang, to))
}

/// A moment to the minute: `29 Jun 2025, 14.03` in Indonesian (a point
/// between hours and minutes, as Indonesian writes times), `29 Jun 2025,
/// 14:03` in English.
pub fn date_time(lang: Lang, t: NaiveDateTime) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!(
        "{}, {:02}{sep}{:02}",
        date_short(lang, t.date()),
        t.hour(),
        t.minute()
    )
}

/// A month and its year: `March 2024`, `Maret 2024`.
pub fn month(lang: Lang, d: NaiveDate) -> String {
    format!("{} {}", lang.tr(&format!("month-{}", d.month())), d.year())
}

/// A large amount shortened for a chart axis or a card: `1,5 jt` / `1.5M`.
pub fn abbreviated(lang: Lang, value: f64) -> String {
    let steps = [
        (1e12, "chart-abbr-trillion"),
        (1e9, "chart-abbr-billion"),
        (1e6, "chart-abbr-million"),
        (1e3, "chart-abbr-thousand"),
    ];
    let Some((scale, id)) = steps.into_iter().find(|(s, _)| value.abs() >= *s) else {
        return decimal(lang, value, if value.fract() == 0.0 { 0 } else { 1 });
    };
    let n = value / scale;
    let text = decimal(
        lang,
        n,
        if (n * 10.0).round() % 10.0 == 0.0 {
            0
        } else {
            1
        },
    );
    let gap = if lang == Lang::Id { " " } else { "" };
    format!("{text}{gap}{}", lang.tr(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_by_thousands() {
        assert_eq!(count(Lang::Id, 0), "0");
        assert_eq!(count(Lang::Id, 999), "999");
        assert_eq!(count(Lang::Id, 1000), "1.000");
        assert_eq!(count(Lang::En, 21_935), "21,935");
        assert_eq!(count(Lang::Id, 154_811_500), "154.811.500");
        assert_eq!(count(Lang::En, -1_250_000), "-1,250,000");
    }

    #[test]
    fn money_rates_and_durations_display_by_locale() {
        assert_eq!(money(Lang::Id, "IDR", 154_811_500.0), "Rp 154.811.500");
        assert_eq!(money(Lang::En, "IDR", 154_811_500.0), "Rp 154,811,500");
        assert_eq!(money(Lang::Id, "IDR", 1_250_000.49), "Rp 1.250.000");
        assert_eq!(money(Lang::Id, "IDR", 0.5), "Rp 1", "half away from zero");
        assert_eq!(money(Lang::En, "USD", 1250.5), "USD 1,250.50");
        assert_eq!(money(Lang::Id, "USD", 1250.5), "USD 1.250,50");
        assert_eq!(money(Lang::En, "IDR", -1000.0), "-Rp 1,000");
        assert_eq!(money(Lang::En, "IDR", -0.2), "Rp 0");
        assert_eq!(percent(Lang::Id, 0.253), "25,3%");
        assert_eq!(percent(Lang::En, 0.253), "25.3%");
        assert_eq!(percent(Lang::En, -0.0504), "-5.0%");
        assert_eq!(duration(Lang::Id, 3.46, "jam"), "3,5 jam");
        assert_eq!(duration(Lang::En, 12.0, "days"), "12.0 days");
        assert_eq!(decimal(Lang::En, 1234.567, 2), "1,234.57");
        assert_eq!(money_short(Lang::Id, "IDR", 154_811_500.0), "Rp 154,8 jt");
        assert_eq!(money_short(Lang::En, "IDR", 154_811_500.0), "Rp 154.8M");
        assert_eq!(money_short(Lang::Id, "IDR", 2_500_000_000.0), "Rp 2,5 M");
        assert_eq!(money_short(Lang::En, "USD", 12_345.0), "USD 12.3K");
        assert_eq!(money_short(Lang::Id, "IDR", 950.0), "Rp 950");
        assert_eq!(money_short(Lang::Id, "IDR", -1_000_000.0), "-Rp 1 jt");
        assert_eq!(money_short(Lang::En, "IDR", -985_100.0), "-Rp 985.1K");
    }

    #[test]
    fn dates_and_short_amounts() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(date_short(Lang::Id, d("2024-08-05")), "5 Agu 2024");
        assert_eq!(date(Lang::Id, d("2024-08-05")), "5 Agustus 2024");
        assert_eq!(
            date_range(Lang::Id, d("2022-07-09"), d("2025-06-29")),
            "9 Jul 2022 – 29 Jun 2025"
        );
        assert_eq!(
            date_range(Lang::En, d("2022-08-09"), d("2025-05-29")),
            "9 Aug 2022 – 29 May 2025"
        );
        let t = d("2025-06-29").and_hms_opt(14, 3, 59).unwrap();
        assert_eq!(date_time(Lang::Id, t), "29 Jun 2025, 14.03");
        assert_eq!(date_time(Lang::En, t), "29 Jun 2025, 14:03");
        let t = d("2026-08-27").and_hms_opt(7, 45, 0).unwrap();
        assert_eq!(date_time(Lang::Id, t), "27 Agu 2026, 07.45");
        assert_eq!(abbreviated(Lang::Id, 1_500_000.0), "1,5 jt");
        assert_eq!(abbreviated(Lang::Id, 2_000_000_000.0), "2 M");
        assert_eq!(abbreviated(Lang::En, 1_500_000.0), "1.5M");
        assert_eq!(abbreviated(Lang::En, 250_000.0), "250K");
        assert_eq!(abbreviated(Lang::En, 950.0), "950");
    }
}
