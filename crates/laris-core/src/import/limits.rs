//! The limits on what an import reads, in one place. A file beyond one is
//! refused with a message that names the limit, before it can exhaust memory
//! or time; each is far above what a shop's export holds.

use std::io::{Cursor, Read};
use std::path::Path;

use super::FileError;
use super::table::{Table, TableRow};

/// A text file is streamed, so it may be large.
pub const MAX_TEXT_FILE_BYTES: u64 = 4 << 30;
/// A workbook is read whole into memory.
pub const MAX_WORKBOOK_BYTES: u64 = 256 << 20;
/// What the parts of a workbook (a zip file) may decompress to, together:
/// the guard against zip bombs.
pub const MAX_DECOMPRESSED_BYTES: u64 = 1 << 30;
pub const MAX_ROWS: u64 = 50_000_000;
pub const MAX_COLUMNS: usize = 2_000;
/// One cell's text; a product description is a few hundred bytes.
pub const MAX_FIELD_BYTES: usize = 1 << 20;

/// Which limit a file went beyond.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    FileSize,
    DecompressedSize,
    Rows,
    Columns,
    FieldLength,
}

impl Limit {
    /// The limit as a number, in the unit its message names.
    pub fn value(self, workbook: bool) -> u64 {
        match self {
            Limit::FileSize if workbook => MAX_WORKBOOK_BYTES >> 20,
            Limit::FileSize => MAX_TEXT_FILE_BYTES >> 20,
            Limit::DecompressedSize => MAX_DECOMPRESSED_BYTES >> 20,
            Limit::Rows => MAX_ROWS,
            Limit::Columns => MAX_COLUMNS as u64,
            Limit::FieldLength => (MAX_FIELD_BYTES >> 10) as u64,
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Limit::FileSize => "limit-file-size",
            Limit::DecompressedSize => "limit-decompressed-size",
            Limit::Rows => "limit-rows",
            Limit::Columns => "limit-columns",
            Limit::FieldLength => "limit-field-length",
        }
    }
}

/// A row beyond a limit, carried through the CSV reader as its I/O error.
#[derive(Debug, thiserror::Error)]
#[error("the file goes beyond the limit {limit:?} at line {line}")]
pub struct Exceeded {
    pub limit: Limit,
    pub line: u64,
}

impl From<Exceeded> for csv::Error {
    fn from(e: Exceeded) -> Self {
        csv::Error::from(std::io::Error::other(e))
    }
}

/// Checks the row count so far (`index` counts from 0), the row's width and
/// its cells' lengths.
pub fn check_row(index: u64, row: &TableRow) -> Result<(), Exceeded> {
    let limit = if index >= MAX_ROWS {
        Limit::Rows
    } else if row.cells.len() > MAX_COLUMNS {
        Limit::Columns
    } else if row.cells.iter().any(|c| c.len() > MAX_FIELD_BYTES) {
        Limit::FieldLength
    } else {
        return Ok(());
    };
    Err(Exceeded {
        limit,
        line: row.line,
    })
}

pub fn check_table(path: &Path, table: &Table) -> Result<(), FileError> {
    for (i, row) in table.rows.iter().enumerate() {
        check_row(i as u64, row).map_err(|e| too_large(path, e.limit, Some(e.line)))?;
    }
    Ok(())
}

/// The error for a CSV reader's error: a limit the rows went beyond, or a
/// damaged file.
pub fn csv_error(path: &Path, e: csv::Error) -> FileError {
    let line = e.position().map_or(0, |p| p.line());
    if let csv::ErrorKind::Io(io) = e.kind()
        && let Some(exceeded) = io.get_ref().and_then(|r| r.downcast_ref::<Exceeded>())
    {
        return too_large(path, exceeded.limit, Some(exceeded.line));
    }
    FileError::Malformed {
        path: path.to_path_buf(),
        line,
        message: e.to_string(),
    }
}

pub fn too_large(path: &Path, limit: Limit, line: Option<u64>) -> FileError {
    FileError::TooLarge {
        path: path.to_path_buf(),
        limit,
        line,
    }
}

/// Refuses a file larger than its kind may be, before it is read.
pub fn check_file_size(path: &Path, size: u64, workbook: bool) -> Result<(), FileError> {
    let max = if workbook {
        MAX_WORKBOOK_BYTES
    } else {
        MAX_TEXT_FILE_BYTES
    };
    if size > max {
        return Err(too_large(path, Limit::FileSize, None));
    }
    Ok(())
}

/// Refuses a zip-based workbook (.xlsx, .ods, ...) whose parts decompress
/// to more than [`MAX_DECOMPRESSED_BYTES`]. The sizes a zip declares can lie,
/// so the parts are decompressed, counting, up to the limit. Other bytes
/// (an .xls, or no zip at all) are left to the workbook reader.
pub fn check_workbook(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    check_file_size(path, bytes.len() as u64, true)?;
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        // A part the zip reader cannot open is the workbook reader's to report.
        let Ok(part) = zip.by_index(i) else { continue };
        let sheet = part
            .name()
            .is_ok_and(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"));
        let room = MAX_DECOMPRESSED_BYTES - total;
        let mut refs = CellRefs::default();
        let mut sink = std::io::sink();
        let mut out: &mut dyn std::io::Write = if sheet { &mut refs } else { &mut sink };
        let n = std::io::copy(&mut part.take(room + 1), &mut out).unwrap_or(0);
        total += n;
        if total > MAX_DECOMPRESSED_BYTES {
            return Err(too_large(path, Limit::DecompressedSize, None));
        }
        if refs.bad {
            return Err(FileError::Workbook {
                path: path.to_path_buf(),
                message: "a cell reference goes beyond the last row (1048576) or column (XFD) a sheet can have, or a range ends before it starts".into(),
            });
        }
    }
    Ok(())
}

/// Watches a sheet's XML for a cell reference (`r="B7"`, `ref="A1:C9"`)
/// with more letters or digits than any sheet has (XFD1048576), or a range
/// that ends before it starts: the workbook reader's arithmetic overflows
/// on those.
#[derive(Default)]
struct CellRefs {
    last: [u8; 4],
    inside: bool,
    letters: u32,
    digits: u32,
    /// The attribute's text so far (up to a length no range needs).
    value: Vec<u8>,
    bad: bool,
}

/// A cell reference's (column, row), e.g. `C9` is (3, 9).
fn cell(text: &[u8]) -> Option<(u32, u32)> {
    let split = text.iter().position(u8::is_ascii_digit)?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || letters.len() > 3 || digits.len() > 7 {
        return None;
    }
    let col = letters.iter().try_fold(0u32, |c, &l| {
        l.is_ascii_alphabetic()
            .then(|| c * 26 + u32::from(l.to_ascii_uppercase() - b'A') + 1)
    })?;
    let row = std::str::from_utf8(digits).ok()?.parse().ok()?;
    Some((col, row))
}

/// Whether every `A1:C9` range of a space-separated list ends where or after
/// it starts.
fn ranges_in_order(value: &[u8]) -> bool {
    value.split(|&b| b == b' ').all(|range| {
        let mut ends = range.split(|&b| b == b':');
        match (ends.next().and_then(cell), ends.next().and_then(cell)) {
            (Some(start), Some(end)) => end.0 >= start.0 && end.1 >= start.1,
            _ => true,
        }
    })
}

impl std::io::Write for CellRefs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            if self.inside {
                match b {
                    b'"' => {
                        self.inside = false;
                        self.bad |= !ranges_in_order(&self.value);
                    }
                    b'A'..=b'Z' | b'a'..=b'z' => self.letters += 1,
                    b'0'..=b'9' => self.digits += 1,
                    _ => (self.letters, self.digits) = (0, 0),
                }
                if self.value.len() < 256 {
                    self.value.push(b);
                }
                self.bad |= self.letters > 3 || self.digits > 7;
            } else if b == b'"' && (self.last[1..] == *b" r=" || self.last == *b"ref=") {
                (self.inside, self.letters, self.digits) = (true, 0, 0);
                self.value.clear();
            }
            self.last = [self.last[1], self.last[2], self.last[3], b];
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u64, cells: Vec<String>) -> TableRow {
        TableRow { line, cells }
    }

    #[test]
    fn each_limit_is_named_at_its_line() {
        assert!(check_row(0, &row(1, vec!["a".into(); MAX_COLUMNS])).is_ok());
        let wide = check_row(0, &row(1, vec![String::new(); MAX_COLUMNS + 1]));
        assert_eq!(wide.unwrap_err().limit, Limit::Columns);
        let long = check_row(4, &row(7, vec!["x".repeat(MAX_FIELD_BYTES + 1)]));
        let long = long.unwrap_err();
        assert_eq!((long.limit, long.line), (Limit::FieldLength, 7));
        assert_eq!(
            check_row(MAX_ROWS, &row(9, vec![])).unwrap_err().limit,
            Limit::Rows
        );
    }

    #[test]
    fn cell_references_beyond_a_sheet_are_caught_across_writes() {
        use std::io::Write;
        let scan = |chunks: &[&[u8]]| {
            let mut refs = CellRefs::default();
            for c in chunks {
                refs.write_all(c).unwrap();
            }
            refs.bad
        };
        assert!(!scan(&[
            b"<dimension ref=\"A1:XFD1048576\"/><c r=\"B7\" t=\"s\">"
        ]));
        assert!(scan(&[b"<c r=\"A99999", b"999999\">"]));
        assert!(scan(&[b"<dimension re", b"f=\"A1:ABCDEFGH2\"/>"]));
        // Other attributes may hold anything.
        assert!(!scan(&[b"<c s=\"A99999999999\" r=\"C3\">"]));
        // A range that ends before it starts.
        assert!(scan(&[b"<dimension ref=\"B5:A1\"/>"]));
        assert!(scan(&[b"<selection sqref=\"A1:B2 C9:C", b"3\"/>"]));
        assert!(!scan(&[
            b"<selection sqref=\"A1:B2 C3:C9 D4\"/><mergeCell ref=\"A:A\"/>"
        ]));
    }

    #[test]
    fn a_limit_survives_the_csv_reader() {
        let e: csv::Error = Exceeded {
            limit: Limit::Columns,
            line: 3,
        }
        .into();
        match csv_error(Path::new("a.csv"), e) {
            FileError::TooLarge { limit, line, .. } => {
                assert_eq!((limit, line), (Limit::Columns, Some(3)))
            }
            other => panic!("{other:?}"),
        }
    }
}
