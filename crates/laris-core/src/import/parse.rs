//! Reading one cell's text as the value a field stores.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::types::Value;

use super::values::{self, ColumnFormat, ScoreScale};
use crate::store::{FieldType, NameField};
use crate::util::fold;

/// Why a value could not be read. Each has a message in the translation files
/// (`reason-…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Required,
    BadDate,
    BadMoney,
    BadNumber,
    BadInteger,
    BadPeriod,
    BadMetric,
    BadCategory,
    BadScore,
    /// Not a score on the 1 to 10 scale the user chose.
    BadScoreOneToTen,
    /// Not a score on the 0 to 10 scale the user chose.
    BadScoreZeroToTen,
    /// A warning: an order status Laris does not know, kept as paid.
    UnknownStatus,
    /// A warning: a deal status Laris does not know, derived from the stage.
    UnknownDealStatus,
    /// A won or lost deal needs the date it was created.
    ClosedDealWithoutCreated,
}

impl Reason {
    pub fn message_id(self) -> &'static str {
        match self {
            Reason::Required => "reason-required",
            Reason::BadDate => "reason-bad-date",
            Reason::BadMoney => "reason-bad-money",
            Reason::BadNumber => "reason-bad-number",
            Reason::BadInteger => "reason-bad-integer",
            Reason::BadPeriod => "reason-bad-period",
            Reason::BadMetric => "reason-bad-metric",
            Reason::BadCategory => "reason-bad-category",
            Reason::BadScore => "reason-bad-score",
            Reason::BadScoreOneToTen => "reason-bad-score-1-10",
            Reason::BadScoreZeroToTen => "reason-bad-score-0-10",
            Reason::UnknownStatus => "reason-unknown-status",
            Reason::UnknownDealStatus => "reason-unknown-deal-status",
            Reason::ClosedDealWithoutCreated => "reason-closed-deal-without-created",
        }
    }
}

/// A parsed value, or why it is not one. `Ok(Null)` for an empty cell; the
/// caller decides whether the field was required. `Warn` keeps a value and
/// reports a warning.
pub enum Parsed {
    Ok(Value),
    Warn(Value, Reason),
    Err(Reason),
}

/// Reads `text` as a value of type `ty`, written in the column's `format`.
pub fn parse(ty: FieldType, text: &str, format: ColumnFormat) -> Parsed {
    let text = text.trim();
    if text.is_empty() {
        return match ty {
            // An empty status is paid (data model: value sets).
            FieldType::OrderStatus => Parsed::Ok(Value::Text("paid".into())),
            _ => Parsed::Ok(Value::Null),
        };
    }
    let ok_or = |v: Option<Value>, r| v.map_or(Parsed::Err(r), Parsed::Ok);
    match ty {
        FieldType::Id => Parsed::Ok(Value::Text(id(text))),
        FieldType::Text | FieldType::Name(_) => Parsed::Ok(Value::Text(text.into())),
        FieldType::Date => ok_or(
            values::date_time(text, format).map(|d| Value::Text(d[..10].to_string())),
            Reason::BadDate,
        ),
        FieldType::DateTime => ok_or(
            values::date_time(text, format).map(Value::Text),
            Reason::BadDate,
        ),
        FieldType::Money => ok_or(
            values::money_minor(text, format).map(Value::Integer),
            Reason::BadMoney,
        ),
        FieldType::Number => ok_or(
            values::number(text, format).map(Value::Real),
            Reason::BadNumber,
        ),
        FieldType::Integer => ok_or(parse_integer(text).map(Value::Integer), Reason::BadInteger),
        FieldType::OrderStatus => match order_status(text) {
            Some(s) => Parsed::Ok(Value::Text(s.into())),
            None => Parsed::Warn(Value::Text("paid".into()), Reason::UnknownStatus),
        },
        FieldType::DealStatus => match deal_status(text) {
            Some(s) => Parsed::Ok(Value::Text(s.into())),
            None => Parsed::Warn(Value::Null, Reason::UnknownDealStatus),
        },
        FieldType::LeadStatus => Parsed::Ok(Value::Text(text.to_lowercase())),
        FieldType::ActivityType => Parsed::Ok(Value::Text(activity_type(text))),
        FieldType::TargetPeriod => ok_or(
            valid_period(text).then(|| Value::Text(text.to_uppercase())),
            Reason::BadPeriod,
        ),
        FieldType::TargetMetric => {
            let m = text.to_lowercase().replace([' ', '-'], "_");
            ok_or(
                ["revenue", "deals_won", "new_customers", "activities"]
                    .contains(&m.as_str())
                    .then_some(Value::Text(m)),
                Reason::BadMetric,
            )
        }
        FieldType::ExpenseCategory => ok_or(
            expense_category(text).map(|c| Value::Text(c.into())),
            Reason::BadCategory,
        ),
        FieldType::Score => ok_or(
            text.parse::<f64>()
                .ok()
                .and_then(|s| format.score_scale.to_five(s))
                .map(Value::Real),
            match format.score_scale {
                ScoreScale::OneToFive => Reason::BadScore,
                ScoreScale::OneToTen => Reason::BadScoreOneToTen,
                ScoreScale::ZeroToTen => Reason::BadScoreZeroToTen,
            },
        ),
    }
}

/// `YYYY-MM-DD`, or the date part of a date-time.
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let date = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// ISO 8601 date or date-time, with `T` or a space, optional seconds and
/// fraction, and an optional offset that is dropped: the wall-clock time is
/// kept as written. Returns `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
pub fn iso_date_time(text: &str) -> Option<String> {
    if let Some(canonical) = canonical_datetime(text) {
        return Some(canonical);
    }
    let date = iso_date(text)?;
    let rest = text[10..].trim_start_matches(['T', ' ']);
    if rest.is_empty() {
        return Some(date.to_string());
    }
    // Cut an offset: `Z`, `+07:00`, `-0500`, ` +0700`.
    let time_part = rest
        .trim_end_matches('Z')
        .split(['+', '-'])
        .next()
        .unwrap_or(rest)
        .trim();
    let time = ["%H:%M:%S%.f", "%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(time_part, f).ok())?;
    let dt = NaiveDateTime::new(date, time);
    Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string())
}

/// The common case, already as Laris stores it (`2024-03-05T13:05:00`): checked
/// without building anything.
fn canonical_datetime(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r.clone()].iter().all(u8::is_ascii_digit);
    let num = |r: std::ops::Range<usize>| -> u32 {
        b[r].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let shape = b.len() == 19
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return None;
    }
    NaiveDate::from_ymd_opt(num(0..4) as i32, num(5..7), num(8..10))?;
    NaiveTime::from_hms_opt(num(11..13), num(14..16), num(17..19))?;
    Some(text.to_string())
}

/// An exact decimal (`-1234.5`, `353000.00`) as integer hundredths, each value
/// with more than two decimals rounded half away from zero. None when it is
/// not a number or does not fit.
pub fn iso_money_minor(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut minor: i128 = 0;
    for b in int_part.bytes() {
        minor = minor.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        if minor > i128::from(i64::MAX) {
            return None;
        }
    }
    let frac = frac_part.as_bytes();
    let cents = |i: usize| frac.get(i).map_or(0, |b| i128::from(b - b'0'));
    minor = minor * 100 + cents(0) * 10 + cents(1);
    if cents(2) >= 5 {
        minor += 1;
    }
    let minor = if negative { -minor } else { minor };
    i64::try_from(minor).ok()
}

/// An identifier as written, except that a whole number a spreadsheet wrote
/// as `17850.0` is `17850`.
fn id(text: &str) -> String {
    match text.split_once('.') {
        Some((whole, zeros))
            if !whole.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && !zeros.is_empty()
                && zeros.bytes().all(|b| b == b'0') =>
        {
            whole.to_string()
        }
        _ => text.to_string(),
    }
}

fn parse_integer(text: &str) -> Option<i64> {
    text.parse::<i64>().ok().or_else(|| {
        let f = text.parse::<f64>().ok()?;
        (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
    })
}

/// The order status a value means, matched whole (never as a substring:
/// "belum lunas" is not "lunas").
pub fn order_status(text: &str) -> Option<&'static str> {
    let v = fold(text);
    let paid = [
        "paid",
        "completed",
        "complete",
        "shipped",
        "delivered",
        "partially refunded",
        "partially_refunded",
        "selesai",
        "pesanan selesai",
        "lunas",
        "dikirim",
        "sedang dikirim",
        "perlu dikirim",
        "diproses",
    ];
    let unpaid = [
        "unpaid",
        "pending",
        "authorized",
        "belum bayar",
        "belum dibayar",
        "belum lunas",
        "menunggu pembayaran",
    ];
    let refunded = [
        "refunded",
        "returned",
        "dikembalikan",
        "retur",
        "pengembalian",
        "pengembalian dana",
        "pengembalian barang",
        "pengembalian dana/barang",
    ];
    let cancelled = [
        "cancelled",
        "canceled",
        "voided",
        "batal",
        "dibatalkan",
        "pesanan dibatalkan",
    ];
    [
        (&paid[..], "paid"),
        (&unpaid[..], "unpaid"),
        (&refunded[..], "refunded"),
        (&cancelled[..], "cancelled"),
    ]
    .into_iter()
    .find(|(names, _)| names.contains(&v.as_str()))
    .map(|(_, status)| status)
}

/// A deal status, from a status value or a stage name such as "Closed Won".
/// A yes/no cell as CRMs and shop sheets write it: `true`/`false`, `1`/`0`,
/// `yes`/`no`, `ya`/`tidak`, `y`/`n`, `benar`/`salah`.
pub fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "1" | "yes" | "y" | "ya" | "benar" | "t" => Some(true),
        "false" | "0" | "no" | "n" | "tidak" | "salah" | "f" => Some(false),
        _ => None,
    }
}

pub fn deal_status(text: &str) -> Option<&'static str> {
    match fold(text).replace('_', " ").as_str() {
        "open" | "buka" => Some("open"),
        "won" | "closed won" | "menang" | "deal" => Some("won"),
        "lost" | "closed lost" | "kalah" | "gagal" => Some("lost"),
        _ => None,
    }
}

/// Whether a stage name is really a deal status (won or lost), not a stage.
pub fn stage_is_status(stage: &str) -> Option<&'static str> {
    deal_status(stage).filter(|s| *s != "open")
}

/// The data model's standard activity types; the app names them in the
/// user's language (`activity-type-*` messages).
pub const ACTIVITY_TYPES: [&str; 8] = [
    "call",
    "email",
    "meeting",
    "follow_up",
    "proposal",
    "demo",
    "networking_event",
    "social_post",
];

/// The statuses the data model gives orders, deals and leads; the app
/// names them in the user's language (`status-*` messages).
pub const STATUSES: [&str; 8] = [
    "paid",
    "unpaid",
    "refunded",
    "cancelled",
    "open",
    "won",
    "lost",
    "converted",
];

/// Activity types are lower-case with underscores; common synonyms in
/// English and Indonesian map onto the standard types.
pub fn activity_type(text: &str) -> String {
    let v = fold(text).replace(['-', ' '], "_");
    let standard = match v.as_str() {
        "phone" | "phone_call" | "telepon" | "telpon" | "panggilan" => "call",
        "e_mail" | "surel" => "email",
        "rapat" | "pertemuan" | "meet" => "meeting",
        "followup" | "tindak_lanjut" => "follow_up",
        "proposal" | "penawaran" => "proposal",
        "demo" | "demonstration" | "demonstrasi" => "demo",
        "networking" | "event" | "acara" => "networking_event",
        "social" | "post" | "posting" | "media_sosial" => "social_post",
        other => return other.to_string(),
    };
    standard.to_string()
}

fn expense_category(text: &str) -> Option<&'static str> {
    match fold(text).as_str() {
        "marketing" | "pemasaran" | "iklan" | "advertising" => Some("marketing"),
        "sales" | "penjualan" => Some("sales"),
        "other" | "lainnya" | "lain-lain" | "lain lain" | "operasional" => Some("other"),
        _ => None,
    }
}

fn valid_period(text: &str) -> bool {
    let t = text.to_uppercase();
    let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match t.len() {
        4 => year_ok(&t),
        7 if &t[4..5] == "-" && &t[5..6] == "Q" => {
            year_ok(&t[..4]) && matches!(&t[6..], "1" | "2" | "3" | "4")
        }
        7 if &t[4..5] == "-" => {
            year_ok(&t[..4]) && t[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        }
        _ => false,
    }
}

/// The key under which a free-text name is matched: trimmed, white space
/// collapsed, case-folded.
pub fn name_key(text: &str) -> String {
    fold(text)
}

/// Which name list a field's values go to, if any.
pub fn name_field(ty: FieldType) -> Option<NameField> {
    match ty {
        FieldType::Name(n) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_exact_and_rounds_half_away_from_zero() {
        assert_eq!(iso_money_minor("353000.00"), Some(35_300_000));
        assert_eq!(iso_money_minor("0.5"), Some(50));
        assert_eq!(iso_money_minor("213.115"), Some(21_312));
        assert_eq!(iso_money_minor("-213.115"), Some(-21_312));
        assert_eq!(iso_money_minor("2.004"), Some(200));
        assert_eq!(iso_money_minor(".25"), Some(25));
        assert_eq!(iso_money_minor("12"), Some(1200));
        assert_eq!(iso_money_minor("92233720368547758.07"), Some(i64::MAX));
        assert_eq!(iso_money_minor("92233720368547758.08"), None);
        assert_eq!(iso_money_minor("1e5"), None);
        assert_eq!(iso_money_minor("-"), None);
        assert_eq!(iso_money_minor("1.2.3"), None);
    }

    #[test]
    fn datetimes_keep_the_wall_clock() {
        assert_eq!(iso_date_time("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(
            iso_date_time("2023-01-01T06:16:32").as_deref(),
            Some("2023-01-01T06:16:32")
        );
        assert_eq!(
            iso_date_time("2017-02-21 19:44:27 -0500").as_deref(),
            Some("2017-02-21T19:44:27")
        );
        assert_eq!(
            iso_date_time("2024-03-05T10:00+07:00").as_deref(),
            Some("2024-03-05T10:00:00")
        );
        assert_eq!(iso_date_time("2023-02-29"), None, "not a leap year");
        assert_eq!(iso_date_time("2023-02-29T10:00:00"), None);
        assert_eq!(iso_date_time("2023-02-28T24:00:00"), None);
        assert_eq!(iso_date_time("2024-13-01"), None);
        assert_eq!(iso_date_time("2024-01-01X"), None);
    }

    #[test]
    fn statuses_match_whole_values_only() {
        assert_eq!(order_status("Lunas"), Some("paid"));
        assert_eq!(order_status("belum  lunas"), Some("unpaid"));
        assert_eq!(order_status("Pesanan Dibatalkan"), Some("cancelled"));
        assert_eq!(order_status("pengembalian dana/barang"), Some("refunded"));
        assert_eq!(order_status("lunas sebagian"), None);
        assert!(
            matches!(parse(FieldType::OrderStatus, "", ColumnFormat::default()), Parsed::Ok(Value::Text(s)) if s == "paid")
        );
        assert!(matches!(
            parse(FieldType::OrderStatus, "on hold", ColumnFormat::default()),
            Parsed::Warn(_, Reason::UnknownStatus)
        ));
        assert_eq!(deal_status("Closed Won"), Some("won"));
        assert_eq!(stage_is_status("Lost"), Some("lost"));
        assert_eq!(stage_is_status("Prospecting"), None);
    }

    #[test]
    fn spreadsheet_ids_lose_their_point_zero() {
        assert_eq!(id("17850.0"), "17850");
        assert_eq!(id("17850.5"), "17850.5");
        assert_eq!(id("INV.0"), "INV.0");
        assert_eq!(id("536365"), "536365");
    }

    #[test]
    fn target_periods() {
        for ok in ["2024", "2024-01", "2024-12", "2024-Q1", "2024-q4"] {
            assert!(valid_period(ok), "{ok}");
        }
        for bad in ["2024-13", "2024-00", "2024-Q5", "24-01", "2024-1", "Apr-18"] {
            assert!(!valid_period(bad), "{bad}");
        }
    }

    #[test]
    fn activity_types_normalise() {
        assert_eq!(activity_type("Follow-up"), "follow_up");
        assert_eq!(activity_type("Telepon"), "call");
        assert_eq!(activity_type("Site visit"), "site_visit");
        for standard in ACTIVITY_TYPES {
            assert_eq!(activity_type(standard), standard);
        }
        assert!(ACTIVITY_TYPES.contains(&activity_type("Acara").as_str()));
    }
}
