//! Hostile files: each gets a clear message naming the file (and the limit,
//! row or column), never a panic. Empty files, binary garbage named .csv, a
//! garbage workbook and a broken quote are in cli_import.rs
//! (`empty_garbage_and_broken_files_get_a_message_not_a_crash`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::{laris, stderr, stdout};

/// A minimal .xlsx whose first sheet has `sheet_xml` as its `<sheetData>`.
fn xlsx(sheet_data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let parts: [(&str, &[u8]); 4] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).unwrap();
    zip.write_all(sheet_data).unwrap();
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap().into_inner()
}

/// An inline-string cell.
fn text_cell(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// The exit status: 1 refused, 0 imported.
    status: i32,
    /// Every text the message must hold.
    says: Vec<&'static str>,
}

fn run(dir: &Path, case: &Case) -> (i32, String, String) {
    let path: PathBuf = dir.join(case.name);
    std::fs::write(&path, &case.bytes).unwrap();
    let db = dir.join("toko.laris");
    let out = laris(&[
        "import",
        "--dry-run",
        "--db",
        db.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    (
        out.status
            .code()
            .expect("exited, not killed by a panic signal"),
        stdout(&out),
        stderr(&out),
    )
}

#[test]
fn hostile_files_get_a_clear_message_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let header = "order_id,date,total\n";
    let header_row = format!(
        "<row r=\"1\">{}{}{}</row>",
        text_cell("A1", "order_id"),
        text_cell("B1", "date"),
        text_cell("C1", "total")
    );
    let good = xlsx(
        format!(
            "{header_row}<row r=\"2\">{}{}<c r=\"C2\"><v>100</v></c></row>",
            text_cell("A2", "A1"),
            text_cell("B2", "2024-01-05")
        )
        .as_bytes(),
    );
    // Spaces between rows: harmless XML that packs a thousandfold.
    let mut bomb_sheet = header_row.clone().into_bytes();
    bomb_sheet.resize(bomb_sheet.len() + (1 << 30) + (1 << 20), b' ');
    let mut invalid_utf8 = header.as_bytes().to_vec();
    for i in 0..5000 {
        invalid_utf8.extend_from_slice(format!("A{i},2024-01-05,").as_bytes());
        // Past the first 64 KiB (what the encoding is guessed from): a byte
        // that is no UTF-8.
        if i == 4500 {
            invalid_utf8.extend_from_slice(b"1\xff\xfe0");
        } else {
            invalid_utf8.extend_from_slice(b"100");
        }
        invalid_utf8.push(b'\n');
    }
    let cases = [
        Case {
            name: "header-only.csv",
            bytes: header.into(),
            status: 0,
            says: vec!["header-only.csv (orders): 0 added"],
        },
        Case {
            name: "truncated.xlsx",
            bytes: good[..good.len() / 2].to_vec(),
            status: 1,
            says: vec!["Cannot read the workbook", "truncated.xlsx"],
        },
        Case {
            name: "bomb.xlsx",
            bytes: xlsx(&bomb_sheet[header_row.len()..]),
            status: 1,
            says: vec!["bomb.xlsx", "unpack to at most 1,024 MB"],
        },
        Case {
            name: "huge-field.csv",
            bytes: format!("{header}A1,2024-01-05,\"{}\"\n", "9".repeat(10 << 20)).into(),
            status: 1,
            says: vec!["huge-field.csv, line 2", "at most 1,024 KB of text"],
        },
        Case {
            name: "wide.csv",
            bytes: (0..100_000)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(",")
                .into(),
            status: 1,
            says: vec!["wide.csv, line 1", "at most 2,000 columns"],
        },
        Case {
            name: "invalid-utf8.csv",
            bytes: invalid_utf8,
            status: 1,
            says: vec!["invalid-utf8.csv, row 4502, column total (\"1\u{fffd}\u{fffd}0\")"],
        },
        Case {
            name: "formula.xlsx",
            bytes: xlsx(
                format!(
                    "{header_row}<row r=\"2\">{}<c r=\"B2\"><f>TODAY()</f></c><c r=\"C2\"><v>100</v></c></row>",
                    text_cell("A2", "A1")
                )
                .as_bytes(),
            ),
            status: 1,
            says: vec!["formula.xlsx, row 2, column date"],
        },
        Case {
            name: "far-dates.csv",
            bytes: format!("{header}A1,9999-12-31,100\nA2,0001-01-01,100\n").into(),
            status: 0,
            says: vec!["far-dates.csv (orders): 2 added"],
        },
        Case {
            name: "beyond-i64.csv",
            bytes: format!("{header}A1,2024-01-05,99999999999999999999999\nA2,2024-01-05,-92233720368547758.09\n").into(),
            status: 1,
            says: vec![
                "beyond-i64.csv, row 2, column total",
                "beyond-i64.csv, row 3, column total",
            ],
        },
    ];
    for case in &cases {
        let (status, out, err) = run(dir.path(), case);
        let all = format!("{out}{err}");
        assert!(!all.contains("panicked"), "{}: {all}", case.name);
        assert_eq!(status, case.status, "{}: {all}", case.name);
        for text in &case.says {
            assert!(all.contains(text), "{}: {text:?} not in {all}", case.name);
        }
        assert!(all.len() < 4000, "{}: a readable message", case.name);
    }
}
