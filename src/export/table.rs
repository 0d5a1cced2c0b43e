//! Tables as CSV or XLSX files, for the spreadsheets the user already has.
//! Text a spreadsheet would run as a formula is neutralised.

use std::borrow::Cow;
use std::path::Path;

use super::error::ExportError;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::import::values::neutralise;
use crate::store::kinds::{Field, FieldType};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Money in minor units (hundredths).
    Money {
        minor: i128,
    },
    /// A fraction (0.253 is 25.3%).
    Rate(f64),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

/// Stored records (`store::records::records`) as a table with the kind's
/// canonical headers, so that the CSV imports again as it is.
pub fn records_table(fields: &[&Field], rows: Vec<Vec<rusqlite::types::Value>>) -> Table {
    use rusqlite::types::Value;
    let cell = |ty: FieldType, v: Value| match (ty, v) {
        (_, Value::Null) => Cell::Empty,
        (FieldType::Money, Value::Integer(n)) => Cell::Money {
            minor: i128::from(n),
        },
        (FieldType::Date, Value::Text(t)) => NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map(Cell::Date)
            .unwrap_or(Cell::Text(t)),
        (_, Value::Integer(n)) => Cell::Int(n),
        (_, Value::Real(x)) => Cell::Number(x),
        (_, Value::Text(t)) => Cell::Text(t),
        (_, Value::Blob(_)) => Cell::Empty,
    };
    Table {
        headers: fields.iter().map(|f| f.name.to_string()).collect(),
        rows: rows
            .into_iter()
            .map(|row| fields.iter().zip(row).map(|(f, v)| cell(f.ty, v)).collect())
            .collect(),
    }
}

/// Money in major units as a plain number: `1250000.50`, `-3.00`.
fn money_text(minor: i128) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn csv_text(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(t) => neutralise(t),
        Cell::Int(n) => n.to_string().into(),
        Cell::Money { minor } => money_text(*minor).into(),
        Cell::Rate(x) | Cell::Number(x) => x.to_string().into(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string().into(),
        Cell::Empty => "".into(),
    }
}

/// Writes the table as a UTF-8 CSV with a header row; numbers are plain
/// (a dot for decimals, no grouping), dates `YYYY-MM-DD`.
pub fn write_csv(path: &Path, table: &Table) -> Result<(), ExportError> {
    let write = || -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_path(path)?;
        w.write_record(table.headers.iter().map(|h| neutralise(h).into_owned()))?;
        for row in &table.rows {
            w.write_record(row.iter().map(|c| csv_text(c).into_owned()))?;
        }
        w.flush()?;
        Ok(())
    };
    write().map_err(|e| {
        let io = match e.into_kind() {
            csv::ErrorKind::Io(io) => io,
            other => std::io::Error::other(format!("{other:?}")),
        };
        ExportError::write(path)(io)
    })
}

/// Writes the table as one XLSX sheet: money and rates as numbers with a
/// display format, dates as dates.
pub fn write_xlsx(path: &Path, table: &Table) -> Result<(), ExportError> {
    let write = || -> Result<(), XlsxError> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let bold = Format::new().set_bold();
        let money = Format::new().set_num_format("#,##0.00");
        let rate = Format::new().set_num_format("0.0%");
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (c, h) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, neutralise(h), &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(t) => sheet.write_string(r, c, neutralise(t))?,
                    Cell::Int(n) => sheet.write_number(r, c, *n as f64)?,
                    Cell::Money { minor } => {
                        sheet.write_number_with_format(r, c, *minor as f64 / 100.0, &money)?
                    }
                    Cell::Rate(x) => sheet.write_number_with_format(r, c, *x, &rate)?,
                    Cell::Number(x) => sheet.write_number(r, c, *x)?,
                    Cell::Date(d) => sheet.write_date_with_format(r, c, d, &date)?,
                    Cell::Empty => sheet,
                };
            }
        }
        sheet.autofit();
        book.save(path)
    };
    write().map_err(|e| {
        let io = match e {
            XlsxError::IoError(io) => io,
            other => std::io::Error::other(other.to_string()),
        };
        ExportError::write(path)(io)
    })
}

#[cfg(test)]
mod tests {
    use calamine::{Data, DataType, Reader, Xlsx, open_workbook};

    use super::*;

    fn sample() -> Table {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        Table {
            headers: vec![
                "name".into(),
                "orders".into(),
                "revenue".into(),
                "rate".into(),
                "when".into(),
                "note".into(),
            ],
            rows: vec![
                vec![
                    Cell::Text("Sari".into()),
                    Cell::Int(12),
                    Cell::Money { minor: 125_000_050 },
                    Cell::Rate(0.253),
                    Cell::Date(d),
                    Cell::Text("=HYPERLINK(\"x\")".into()),
                ],
                vec![
                    Cell::Text("@SUM(A1)".into()),
                    Cell::Int(-3),
                    Cell::Money { minor: -300 },
                    Cell::Number(1.5),
                    Cell::Empty,
                    Cell::Text("-5".into()),
                ],
            ],
        }
    }

    #[test]
    fn csv_reads_back_with_the_same_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        write_csv(&path, &sample()).unwrap();
        let mut r = csv::Reader::from_path(&path).unwrap();
        assert_eq!(
            r.headers().unwrap(),
            vec!["name", "orders", "revenue", "rate", "when", "note"]
        );
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(
            rows[0],
            vec![
                "Sari",
                "12",
                "1250000.50",
                "0.253",
                "2024-02-29",
                "'=HYPERLINK(\"x\")"
            ]
        );
        assert_eq!(rows[1], vec!["'@SUM(A1)", "-3", "-3.00", "1.5", "", "-5"]);
    }

    #[test]
    fn stored_orders_export_with_their_canonical_headers() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("t.laris")).unwrap();
        store
            .conn()
            .execute_batch(
                "INSERT INTO orders(order_id, date, customer_name, status, total_minor, batch_id) VALUES
                 ('O1', '2024-02-05T10:00:00', '=cmd', 'paid', 150050, 1),
                 ('O2', '2024-02-06', NULL, 'refunded', NULL, 1);",
            )
            .unwrap();
        let mut db = crate::store::Database::File(store);
        let (fields, rows) =
            crate::store::records::records(&mut db, crate::store::Kind::Orders).unwrap();
        let table = records_table(&fields, rows);
        assert_eq!(
            table.headers,
            [
                "order_id",
                "date",
                "customer_id",
                "customer_name",
                "rep",
                "channel",
                "status",
                "total"
            ]
        );
        let path = dir.path().join("orders.csv");
        write_csv(&path, &table).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "O1,2024-02-05T10:00:00,,'=cmd,,,paid,1500.50");
        assert_eq!(lines[2], "O2,2024-02-06,,,,,refunded,");
    }

    #[test]
    fn xlsx_reads_back_with_the_same_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.xlsx");
        write_xlsx(&path, &sample()).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        let range = book.worksheet_range_at(0).unwrap().unwrap();
        let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(cell(0, 2), Data::String("revenue".into()));
        assert_eq!(cell(1, 0), Data::String("Sari".into()));
        assert_eq!(cell(1, 1), Data::Float(12.0));
        assert_eq!(cell(1, 2), Data::Float(1_250_000.5));
        assert_eq!(cell(1, 3), Data::Float(0.253));
        let when = cell(1, 4);
        assert_eq!(
            when.as_date(),
            NaiveDate::from_ymd_opt(2024, 2, 29),
            "{when:?}"
        );
        assert_eq!(cell(1, 5), Data::String("'=HYPERLINK(\"x\")".into()));
        assert_eq!(cell(2, 0), Data::String("'@SUM(A1)".into()));
        assert_eq!(cell(2, 2), Data::Float(-3.0));
        assert_eq!(cell(2, 4), Data::Empty);
    }
}
