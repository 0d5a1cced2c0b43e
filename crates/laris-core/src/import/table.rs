//! Reading a file into rows of text cells: CSV-like text in any common
//! encoding and delimiter, or one sheet of a workbook.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use sha2::{Digest, Sha256};

use super::limits;

/// A file's rows as text, each with the number a user would look for: the
/// line of a text file where the row starts, or a spreadsheet's row number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<TableRow>,
    /// For a workbook: its sheets, and which one this is.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub line: u64,
    pub cells: Vec<String>,
}

/// Whether the file is a workbook, by its name.
pub fn is_workbook(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
}

/// Decodes text: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is
/// UTF-8; else the detector guesses (Windows-1252, Latin-1, ...).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let (text, _, _) = guess_encoding(bytes, true).decode(bytes);
    text
}

/// The delimiter among `,` `;` tab `|` that splits the first lines most
/// consistently (outside quotes).
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let count = |line: &str, d: char| {
        let mut quoted = false;
        line.chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == d && !quoted
            })
            .count()
    };
    [',', ';', '\t', '|']
        .into_iter()
        .map(|d| {
            let counts: Vec<usize> = lines.iter().map(|l| count(l, d)).collect();
            let max = counts.iter().copied().max().unwrap_or(0);
            // Rows with the most common non-zero count: title rows above the
            // header have fewer delimiters, so they do not count against it.
            let mode = counts.iter().filter(|&&c| c == max && c > 0).count();
            (mode * max.min(64), d)
        })
        .max_by_key(|(score, _)| *score)
        .map_or(b',', |(_, d)| d as u8)
}

/// Reads CSV-like text (any line end; quoted fields may hold delimiters and
/// line breaks).
pub fn read_text(bytes: &[u8]) -> Result<Table, csv::Error> {
    let mut text = decode(bytes);
    // The CSV reader counts lines by their LF, and miscounts after a CR
    // (Windows' CRLF, old Macs' bare CR): make every line end an LF so that
    // row numbers are the lines a user sees.
    if text.contains('\r') {
        text = Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        let line = record.position().map_or(0, |p| p.line());
        let row = TableRow {
            line,
            cells: record.iter().map(str::to_string).collect(),
        };
        limits::check_row(rows.len() as u64, &row)?;
        rows.push(row);
    }
    Ok(Table {
        rows,
        ..Table::default()
    })
}

/// A text file read as it is streamed, so that a file of any size reads in
/// little memory: its encoding and delimiter come from its first 64 KiB.
#[derive(Clone, Debug)]
pub struct TextSource {
    pub path: PathBuf,
    encoding: &'static encoding_rs::Encoding,
    delimiter: u8,
}

impl TextSource {
    pub fn open(path: &Path) -> std::io::Result<TextSource> {
        let mut head = Vec::with_capacity(64 * 1024);
        File::open(path)?.take(64 * 1024).read_to_end(&mut head)?;
        let encoding = detect_encoding(&head);
        let text = decode(&head);
        Ok(TextSource {
            path: path.to_path_buf(),
            encoding,
            delimiter: sniff_delimiter(&text),
        })
    }

    /// The file's rows, read from the start. `hasher` sees every byte.
    pub fn rows<'h>(
        &self,
        hasher: Option<&'h mut Sha256>,
    ) -> std::io::Result<Rows<impl Read + 'h>> {
        let file = HashingReader {
            inner: BufReader::with_capacity(256 * 1024, File::open(&self.path)?),
            hasher,
        };
        let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(self.encoding))
            .bom_sniffing(true)
            .utf8_passthru(true)
            .build(file);
        let reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(256 * 1024)
            .from_reader(LineEnds::new(decoded));
        Ok(Rows {
            reader,
            index: 0,
            record: csv::StringRecord::new(),
            row: TableRow {
                line: 0,
                cells: Vec::new(),
            },
        })
    }
}

/// A text file's rows, each read into the same [`TableRow`]: a million rows
/// cost no allocation once the cells have grown to their length.
pub struct Rows<R> {
    reader: csv::Reader<R>,
    /// Rows read so far, for the row limit.
    index: u64,
    record: csv::StringRecord,
    row: TableRow,
}

impl<R: Read> Rows<R> {
    /// The next row, or None at the end of the file.
    pub fn next_row(&mut self) -> Option<Result<&TableRow, csv::Error>> {
        match self.reader.read_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => return Some(Err(e)),
        }
        let row = &mut self.row;
        row.line = self.record.position().map_or(0, |p| p.line());
        row.cells.truncate(self.record.len());
        for (i, field) in self.record.iter().enumerate() {
            match row.cells.get_mut(i) {
                Some(cell) => {
                    cell.clear();
                    cell.push_str(field);
                }
                None => row.cells.push(field.to_string()),
            }
        }
        let index = self.index;
        self.index += 1;
        if let Err(e) = limits::check_row(index, row) {
            return Some(Err(e.into()));
        }
        Some(Ok(row))
    }
}

/// The encoding of text that starts with `head`: a BOM decides, else valid
/// UTF-8 is UTF-8, else the detector guesses.
fn detect_encoding(head: &[u8]) -> &'static encoding_rs::Encoding {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(head) {
        return encoding;
    }
    // The 64 KiB may cut a character in two: judge what comes before.
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if valid {
        return encoding_rs::UTF_8;
    }
    guess_encoding(head, false)
}

/// The encoding of text that is not UTF-8; `whole` when `bytes` is all of it.
fn guess_encoding(bytes: &[u8], whole: bool) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, whole);
    let guess = detector.guess(None, true);
    if guess == encoding_rs::WINDOWS_1252 && is_mac_roman(bytes) {
        return encoding_rs::MACINTOSH;
    }
    guess
}

/// chardetng leaves Mac Roman out (it guesses for the Web), yet Excel for
/// Mac still saves "CSV" in it: `José` arrives as `JosŽ` read as
/// Windows-1252. charset-normalizer weighs every single-byte decoding by how
/// readable its text is, Mac Roman included.
fn is_mac_roman(head: &[u8]) -> bool {
    charset_normalizer_rs::from_bytes(head, None)
        .ok()
        .and_then(|found| found.get_best().map(|best| best.encoding() == "macintosh"))
        .unwrap_or(false)
}

/// Passes bytes through, showing each to the hasher.
struct HashingReader<'h, R> {
    inner: R,
    hasher: Option<&'h mut Sha256>,
}

impl<R: Read> Read for HashingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(h) = self.hasher.as_deref_mut() {
            h.update(&buf[..n]);
        }
        Ok(n)
    }
}

/// Turns CRLF and bare CR line ends into LF as the text streams by: the CSV
/// reader counts lines by their LF, and row numbers must be the lines a user
/// sees.
struct LineEnds<R> {
    inner: R,
    buf: Vec<u8>,
    pending_cr: bool,
}

impl<R> LineEnds<R> {
    fn new(inner: R) -> Self {
        LineEnds {
            inner,
            buf: Vec::new(),
            pending_cr: false,
        }
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if out.len() < 2 {
            return Err(std::io::Error::other("read buffer too small"));
        }
        if self.buf.is_empty() {
            self.buf = vec![0; 64 * 1024];
        }
        loop {
            // One byte of room for a CR held over from the last read.
            let room = (out.len() - 1).min(self.buf.len());
            let n = self.inner.read(&mut self.buf[..room])?;
            let mut w = 0;
            if n == 0 {
                if std::mem::take(&mut self.pending_cr) {
                    out[0] = b'\n';
                    return Ok(1);
                }
                return Ok(0);
            }
            let mut input = &self.buf[..n];
            if std::mem::take(&mut self.pending_cr) {
                out[w] = b'\n';
                w += 1;
                input = input.strip_prefix(b"\n").unwrap_or(input);
            }
            // Whole runs between CRs are copied at once.
            while let Some(cr) = memchr::memchr(b'\r', input) {
                out[w..w + cr].copy_from_slice(&input[..cr]);
                w += cr;
                match input.get(cr + 1) {
                    Some(&next) => {
                        out[w] = b'\n';
                        w += 1;
                        input = &input[cr + if next == b'\n' { 2 } else { 1 }..];
                    }
                    None => {
                        self.pending_cr = true;
                        input = &[];
                    }
                }
            }
            out[w..w + input.len()].copy_from_slice(input);
            w += input.len();
            if w > 0 {
                return Ok(w);
            }
        }
    }
}

/// The names of a workbook's sheets.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, calamine::Error> {
    Ok(calamine::open_workbook_auto_from_rs(Cursor::new(bytes))?.sheet_names())
}

/// Reads one sheet (the first when none is named). Dates become ISO text;
/// numbers the shortest decimal that gives back the same value (`213.115`).
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<Table, calamine::Error> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))?;
    let sheets = book.sheet_names();
    let name = match sheet {
        Some(s) => sheets
            .iter()
            .find(|n| n.eq_ignore_ascii_case(s))
            .cloned()
            .ok_or(calamine::Error::Msg("no sheet of that name"))?,
        None => sheets
            .first()
            .cloned()
            .ok_or(calamine::Error::Msg("the workbook has no sheets"))?,
    };
    let range = book.worksheet_range(&name)?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    let first_col = range.start().map_or(0, |(_, c)| c) as usize;
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let mut cells = vec![String::new(); first_col];
            cells.extend(row.iter().map(cell_text));
            TableRow {
                line: u64::from(first_row) + i as u64 + 1,
                cells,
            }
        })
        .collect();
    Ok(Table {
        rows,
        sheets,
        sheet: Some(name),
    })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Int(i) => i.to_string(),
        // Rust prints the shortest text that reads back as the same float.
        Data::Float(f) => f.to_string(),
        Data::String(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        // A formula without a cached value, or an error cell, is empty.
        Data::Error(_) | Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_by_bom_or_detection() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9"), "café");
        assert_eq!(decode(b"\xFF\xFEc\0a\0f\0\xE9\0"), "café");
        assert_eq!(decode(b"\xFE\xFF\0c\0a\0f\0\xE9"), "café");
        // Windows-1252: é is 0xE9, and the curly quotes of a word processor.
        assert_eq!(
            decode(b"Caf\xE9 \x93Sari\x94 r\xE9sum\xE9"),
            "Café “Sari” résumé"
        );
        assert_eq!(
            decode(b"order_id,note\nA1,Don\x92t ship before Monday\nA2,\x80 10 \x96 less\n"),
            "order_id,note\nA1,Don’t ship before Monday\nA2,€ 10 – less\n"
        );
        assert_eq!(
            decode(b"id,city\n1,S\xE3o Paulo\n2,Z\xFCrich\n3,K\xF8benhavn\n"),
            "id,city\n1,São Paulo\n2,Zürich\n3,København\n"
        );
        // Mac Roman, as Excel for Mac saves a CSV: é is 0x8E, ñ 0x96, ç 0x8D.
        assert_eq!(
            decode(b"customer,total\nJos\x8E Mu\x96oz,10\nFran\x8Dois,20\nM\x9Fller,30\n"),
            "customer,total\nJosé Muñoz,10\nFrançois,20\nMüller,30\n"
        );
        assert_eq!(
            decode(b"nama,kota\nCaf\x8E Sari,Bogor\nR\x8Esum\x8E,Jakarta\n\xD2Toko\xD3 Pel\x8Fe,Bandung\n"),
            "nama,kota\nCafé Sari,Bogor\nRésumé,Jakarta\n“Toko” Pelèe,Bandung\n"
        );
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("a;b;c\n1;\"x;y\";3\n"), b';');
        assert_eq!(sniff_delimiter("a,b\n1,2\n"), b',');
        assert_eq!(
            sniff_delimiter("Title, with comma\n\na\tb\tc\n1\t2\t3\n4\t5\t6\n"),
            b'\t'
        );
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n"), b'|');
    }

    #[test]
    fn streamed_rows_match_rows_read_at_once() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [
            ("crlf.csv", &b"a;b\r\n1;x\r\n2;\"y\r\nz\"\r\n3;w\r\n"[..]),
            ("cr.csv", &b"a,b\r1,\"x\ry\"\r2,z\r"[..]),
            ("bom.csv", &b"\xEF\xBB\xBFa,b\n1,caf\xC3\xA9\n"[..]),
            ("utf16.csv", &b"\xFF\xFEa\0,\0b\0\n\0\xE9\0,\x002\0\n\0"[..]),
            ("cp1252.csv", &b"a;b\n1;Caf\xE9\n"[..]),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let mut rows = TextSource::open(&path).unwrap().rows(None).unwrap();
            let mut streamed: Vec<TableRow> = Vec::new();
            while let Some(row) = rows.next_row() {
                streamed.push(row.unwrap().clone());
            }
            assert_eq!(streamed, read_text(bytes).unwrap().rows, "{name}");
        }
    }

    #[test]
    fn line_ends_survive_any_read_size() {
        let text = b"a\r\nb\rc\n\r\nd\r";
        for size in 2..8 {
            let mut r = LineEnds::new(&text[..]);
            let mut out = Vec::new();
            let mut chunk = vec![0; size];
            loop {
                let n = r.read(&mut chunk).unwrap();
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&chunk[..n]);
            }
            assert_eq!(out, b"a\nb\nc\n\nd\n", "read size {size}");
        }
    }

    #[test]
    fn crlf_rows_are_numbered_by_their_line() {
        let t = read_text(b"a;b\r\n1;x\r\n2;\"y\r\nz\"\r\n3;w\r\n").unwrap();
        assert_eq!(
            t.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 2, 3, 5]
        );
        assert_eq!(t.rows[2].cells[1], "y\nz");
    }

    #[test]
    fn bare_cr_line_ends_and_quoted_newlines() {
        let t = read_text(b"a,b\r1,\"x\ry\"\r2,z\r").unwrap();
        let cells: Vec<Vec<String>> = t.rows.iter().map(|r| r.cells.clone()).collect();
        assert_eq!(
            cells,
            vec![vec!["a", "b"], vec!["1", "x\ny"], vec!["2", "z"]]
        );
        assert_eq!(
            t.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 2, 4]
        );
    }
}
