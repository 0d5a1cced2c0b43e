//! Dates and date-times as plain numbers, so that a period is a binary
//! search: days from the common era, seconds from the start of day 0.

use chrono::{Datelike, NaiveDate};

/// A local date as days from the common era (chrono's day number).
pub type Day = i32;
/// A local date-time as seconds from the start of day 0.
pub type Secs = i64;

/// An absent date.
pub const NO_DAY: Day = Day::MAX;
/// An absent date-time.
pub const NO_SECS: Secs = Secs::MIN;

pub const SECS_PER_DAY: i64 = 86_400;

pub fn day_of(d: NaiveDate) -> Day {
    d.num_days_from_ce()
}

pub fn date_of(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

pub fn day_of_secs(s: Secs) -> Day {
    s.div_euclid(SECS_PER_DAY) as Day
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `YYYY-MM-DD`, possibly followed by a time (ignored).
pub fn iso_day(text: &[u8]) -> Option<Day> {
    if text.len() < 10 || text[4] != b'-' || text[7] != b'-' {
        return None;
    }
    let y = digits(&text[0..4])? as i32;
    let d = NaiveDate::from_ymd_opt(y, digits(&text[5..7])?, digits(&text[8..10])?)?;
    Some(day_of(d))
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (wall clock; a date alone is
/// midnight, and anything after the seconds is ignored).
pub fn iso_secs(text: &[u8]) -> Option<Secs> {
    let day = iso_day(text)?;
    let mut secs = i64::from(day) * SECS_PER_DAY;
    if text.len() >= 16 && matches!(text[10], b'T' | b' ') && text[13] == b':' {
        let h = digits(&text[11..13])?;
        let m = digits(&text[14..16])?;
        let s = if text.len() >= 19 && text[16] == b':' {
            digits(&text[17..19])?
        } else {
            0
        };
        secs += i64::from(h * 3600 + m * 60 + s);
    }
    Some(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_parse_by_their_wall_clock() {
        let d = iso_day(b"2024-02-29").unwrap();
        assert_eq!(date_of(d), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(iso_day(b"2023-02-29"), None);
        assert_eq!(iso_day(b"garbage!!!"), None);
        let s = iso_secs(b"2024-02-29T23:30:15").unwrap();
        assert_eq!(s - i64::from(d) * SECS_PER_DAY, 23 * 3600 + 30 * 60 + 15);
        assert_eq!(day_of_secs(s), d);
        assert_eq!(
            iso_secs(b"2024-02-29").unwrap(),
            i64::from(d) * SECS_PER_DAY
        );
        // An offset is not applied.
        assert_eq!(iso_secs(b"2024-02-29T23:30:15+07:00").unwrap(), s);
    }
}
