//! What a column's values look like, from a sample of the first rows: how
//! full and how unique it is, and how many of its cells read as dates,
//! numbers or words. The mapping uses it to fill a required field whose
//! column has a name Laris does not know (docs/import.md, "Matching by
//! values").

use std::collections::HashSet;

use super::table::TableRow;
use super::values::{self, ColumnFormat};

/// Rows profiled: enough to tell a key from an amount, cheap at a million rows.
pub const SAMPLE_ROWS: usize = 2_000;

/// Counts over the sampled cells of one column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// Rows sampled.
    pub rows: usize,
    /// Cells with something in them.
    pub filled: usize,
    /// Different non-empty values.
    pub distinct: usize,
    /// Cells that read as a date (with or without a time of day).
    pub dates: usize,
    /// Cells that read as a number (amounts, quantities, numeric ids).
    pub numbers: usize,
    /// Numbers with a fractional part written out (`12.50`, `1.250,00`).
    pub fractions: usize,
    /// Cells with a space in them: names and sentences, rarely keys.
    pub spaced: usize,
}

impl Profile {
    /// The share of the filled cells that `count` is, 0 for an empty column.
    pub fn share(&self, count: usize) -> f32 {
        if self.filled == 0 {
            0.0
        } else {
            count as f32 / self.filled as f32
        }
    }

    /// How full the column is, over the sampled rows.
    pub fn fullness(&self) -> f32 {
        if self.rows == 0 {
            0.0
        } else {
            self.filled as f32 / self.rows as f32
        }
    }

    /// Filled cells that are neither dates nor numbers.
    pub fn words(&self) -> usize {
        self.filled
            .saturating_sub(self.dates)
            .saturating_sub(self.numbers)
    }
}

/// A profile per column of `width`, from the rows after the header (at most
/// [`SAMPLE_ROWS`] of them).
pub fn profile(rows: &[TableRow], width: usize) -> Vec<Profile> {
    let sample = &rows[..rows.len().min(SAMPLE_ROWS)];
    (0..width)
        .map(|c| {
            let mut p = Profile {
                rows: sample.len(),
                ..Profile::default()
            };
            let mut seen: HashSet<&str> = HashSet::new();
            for row in sample {
                let cell = row.cells.get(c).map_or("", |s| s.trim());
                if cell.is_empty() {
                    continue;
                }
                p.filled += 1;
                if seen.insert(cell) {
                    p.distinct += 1;
                }
                if cell.contains(char::is_whitespace) {
                    p.spaced += 1;
                }
                if is_number(cell) {
                    p.numbers += 1;
                    if has_fraction(cell) {
                        p.fractions += 1;
                    }
                } else if is_date(cell) {
                    p.dates += 1;
                }
            }
            p
        })
        .collect()
}

/// A number in either decimal convention, with an optional currency or
/// percent sign. A bare serial day number counts as a number here: only a
/// column's name can say it is a date.
fn is_number(cell: &str) -> bool {
    let dot = ColumnFormat {
        decimal: '.',
        ..ColumnFormat::default()
    };
    let comma = ColumnFormat {
        decimal: ',',
        ..ColumnFormat::default()
    };
    let digits = cell.bytes().filter(u8::is_ascii_digit).count();
    // "2024-03-05" parses as nothing here, but "12/03" must not count either.
    digits > 0
        && !cell.contains(['/', ':'])
        && cell.matches('-').count() <= 1
        && (values::number(cell, dot).is_some() || values::number(cell, comma).is_some())
}

fn has_fraction(cell: &str) -> bool {
    // The last separator followed by one or two digits at the end: 12.5,
    // 1.250,00; a thousands group has three.
    cell.rfind(['.', ','])
        .is_some_and(|i| (1..=2).contains(&(cell.len() - i - 1)))
}

fn is_date(cell: &str) -> bool {
    let day_first = ColumnFormat {
        day_first: true,
        ..ColumnFormat::default()
    };
    let month_first = ColumnFormat {
        day_first: false,
        ..ColumnFormat::default()
    };
    values::date_time(cell, day_first).is_some() || values::date_time(cell, month_first).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<TableRow> {
        cells
            .iter()
            .enumerate()
            .map(|(i, r)| TableRow {
                line: i as u64 + 2,
                cells: r.iter().map(|c| c.to_string()).collect(),
            })
            .collect()
    }

    #[test]
    fn a_key_a_date_an_amount_and_a_name_profile_apart() {
        let r = rows(&[
            &["T-1001", "05/03/2024 10:15", "125.000,00", "Sari Dewi", ""],
            &["T-1002", "05/03/2024 11:40", "80.000,50", "Budi", ""],
            &["T-1003", "2024-03-06", "1.250.000", "Sari Dewi", "x"],
        ]);
        let p = profile(&r, 5);
        assert_eq!(
            (p[0].filled, p[0].distinct, p[0].dates, p[0].numbers),
            (3, 3, 0, 0)
        );
        assert_eq!((p[1].dates, p[1].numbers), (3, 0));
        assert_eq!((p[2].numbers, p[2].fractions, p[2].dates), (3, 2, 0));
        assert_eq!((p[3].distinct, p[3].spaced, p[3].words()), (2, 2, 3));
        assert_eq!((p[4].filled, p[4].rows), (1, 3));
        assert!((p[4].fullness() - 1.0 / 3.0).abs() < 1e-6);
        assert_eq!(p[2].share(p[2].fractions), 2.0 / 3.0);
    }

    #[test]
    fn only_the_first_rows_are_sampled() {
        let many: Vec<TableRow> = (0..SAMPLE_ROWS + 500)
            .map(|i| TableRow {
                line: i as u64,
                cells: vec![i.to_string()],
            })
            .collect();
        assert_eq!(profile(&many, 1)[0].rows, SAMPLE_ROWS);
        assert_eq!(profile(&many, 2)[1].filled, 0);
    }
}
