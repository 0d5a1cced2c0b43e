//! The entry points of the fuzz targets (`fuzz/`), here so that the
//! regression test (`tests/reliability_fuzz_corpus.rs`) runs every kept input
//! through exactly what was fuzzed. Each must return, never panic, whatever
//! the bytes.

use std::path::Path;

use super::values::{self, ColumnFormat};
use super::{ReadOptions, parse, read_bytes, table};
use crate::import::values::ScoreScale;
use crate::store::FieldType;

/// The column formats a first byte picks.
fn format(byte: Option<&u8>) -> ColumnFormat {
    let b = byte.copied().unwrap_or(0);
    ColumnFormat {
        decimal: if b & 1 == 0 { ',' } else { '.' },
        day_first: b & 2 == 0,
        score_scale: match b >> 2 & 3 {
            1 => ScoreScale::OneToTen,
            2 => ScoreScale::ZeroToTen,
            _ => ScoreScale::OneToFive,
        },
    }
}

/// CSV sniffing and parsing, and the whole reading of a text file.
pub fn csv(data: &[u8]) {
    let _ = table::sniff_delimiter(&table::decode(data));
    let _ = read_bytes(Path::new("fuzz.csv"), data, &ReadOptions::default());
}

/// Amounts and numbers; the first byte chooses the column's format.
pub fn numbers(data: &[u8]) {
    let text = String::from_utf8_lossy(data.get(1..).unwrap_or_default());
    let format = format(data.first());
    let _ = values::money_minor(&text, format);
    let _ = values::number(&text, format);
    let _ = parse::iso_money_minor(&text);
    let _ = values::infer(text.lines(), values::LocaleDefaults::for_locale("id"));
    for ty in [FieldType::Money, FieldType::Number, FieldType::Integer] {
        let _ = parse::parse(ty, &text, format);
    }
}

/// Dates and times; the first byte chooses the column's format.
pub fn dates(data: &[u8]) {
    let text = String::from_utf8_lossy(data.get(1..).unwrap_or_default());
    let format = format(data.first());
    let _ = values::date_time(&text, format);
    let _ = parse::iso_date(&text);
    let _ = parse::iso_date_time(&text);
    for ty in [FieldType::Date, FieldType::DateTime] {
        let _ = parse::parse(ty, &text, format);
    }
}

/// Workbook reading (.xlsx, .xls, .ods: the reader tells them by content).
pub fn workbook(data: &[u8]) {
    let _ = read_bytes(Path::new("fuzz.xlsx"), data, &ReadOptions::default());
}
