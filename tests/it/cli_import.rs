//! `laris import` and `laris demo` as a user runs them.

use crate::common::{SYNTHETIC_COUNTS, import, laris, shared_data, stderr, stdout};
use rusqlite::Connection;

fn count(db: &std::path::Path, table: &str) -> u64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap() as u64
}

#[test]
fn synthetic_files_import_with_their_row_counts_and_a_second_import_changes_nothing() {
    let Some(data) = shared_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.laris");
    let db_arg = db.to_str().unwrap();
    let files: Vec<String> = SYNTHETIC_COUNTS
        .iter()
        .map(|(kind, _)| {
            data.join(format!("synthetic-10k/{kind}.csv"))
                .display()
                .to_string()
        })
        .collect();
    let mut args = vec!["import", "--db", db_arg, "--json"];
    args.extend(files.iter().map(String::as_str));

    let first = laris(&args);
    assert!(first.status.success(), "{}", stderr(&first));
    let reports: serde_json::Value = serde_json::from_str(&stdout(&first)).unwrap();
    for (i, (kind, rows)) in SYNTHETIC_COUNTS.iter().enumerate() {
        let r = &reports[i];
        assert_eq!(r["kind"], *kind);
        assert_eq!(r["added"], *rows, "{kind} added");
        assert_eq!(r["updated"], 0);
        assert_eq!(count(&db, kind), *rows, "{kind} stored");
    }

    let second = laris(&args);
    assert!(second.status.success(), "{}", stderr(&second));
    let reports: serde_json::Value = serde_json::from_str(&stdout(&second)).unwrap();
    for (i, (kind, rows)) in SYNTHETIC_COUNTS.iter().enumerate() {
        let r = &reports[i];
        assert_eq!(
            (r["added"].as_u64(), r["updated"].as_u64()),
            (Some(0), Some(0)),
            "{kind}"
        );
        assert_eq!(r["unchanged"], *rows, "{kind} unchanged");
        assert_eq!(count(&db, kind), *rows, "{kind} after the second import");
    }
}

#[test]
fn kind_is_recognised_from_the_columns_and_the_summary_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.csv");
    std::fs::write(
        &file,
        "lead_id,created_at,source\nL1,2024-03-01T09:00:00,referral\nL2,2024-03-02,Instagram\n",
    )
    .unwrap();
    let db = dir.path().join("s.laris");
    let out = import(&db, &file);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "export.csv (leads): 2 added, 0 updated, 0 unchanged, 0 skipped"
    );
}

#[test]
fn a_bad_row_exits_1_names_file_row_column_and_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.laris");
    let good = dir.path().join("orders.csv");
    std::fs::write(&good, "order_id,date,total\nA1,2024-01-05,100.00\n").unwrap();
    assert!(
        laris(&[
            "import",
            "--db",
            db.to_str().unwrap(),
            good.to_str().unwrap()
        ])
        .status
        .success()
    );
    // Leave nothing in the WAL, so that the main file holds everything.
    Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = std::fs::read(&db).unwrap();

    let bad = dir.path().join("more.csv");
    std::fs::write(
        &bad,
        "order_id,date,total\nA2,2024-01-06,50.00\nA3,2024-02-30,70.00\nA4,2024-01-07,12x\n",
    )
    .unwrap();
    let out = laris(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        "--kind",
        "orders",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("more.csv, row 3, column date (\"2024-02-30\")"),
        "{err}"
    );
    assert!(
        err.contains("more.csv, row 4, column total (\"12x\")"),
        "{err}"
    );
    assert!(
        err.contains("2 rows have problems, so nothing was imported"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "database file changed");
    assert_eq!(count(&db, "orders"), 1);
}

#[test]
fn a_file_of_no_known_kind_exits_2_and_the_others_still_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.laris");
    let odd = dir.path().join("teams.csv");
    std::fs::write(&odd, "sales_agent,manager,regional_office\nAnna,Bob,East\n").unwrap();
    let good = dir.path().join("expenses.csv");
    std::fs::write(
        &good,
        "date,category,amount\n2024-01-01,marketing,150000\n2024-01-01,marketing,150000\n",
    )
    .unwrap();
    let out = laris(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        odd.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("teams.csv is not a file Laris recognises"),
        "{err}"
    );
    assert!(
        err.contains("sales_agent, manager, regional_office"),
        "{err}"
    );
    // Two identical expense rows are two payments.
    assert_eq!(count(&db, "expenses"), 2);
}

#[test]
fn demo_fills_every_kind_and_is_the_same_shop_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let dump = |name: &str| {
        let db = dir.path().join(name);
        let out = laris(&[
            "demo",
            "--db",
            db.to_str().unwrap(),
            "--scale",
            "400",
            "--seed",
            "3",
            "--until",
            "2025-06-30",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("400 orders from 1 July 2022 to 30 June 2025"),
            "{}",
            stdout(&out)
        );
        let conn = Connection::open(&db).unwrap();
        let mut all = Vec::new();
        for (kind, _) in SYNTHETIC_COUNTS {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {kind}"), [], |r| r.get(0))
                .unwrap();
            assert!(n > 0, "demo left {kind} empty");
            let sum: String = conn
                .query_row(
                    &format!("SELECT group_concat(id) FROM (SELECT id FROM {kind} ORDER BY id)"),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            all.push((kind, n, sum.len()));
        }
        assert_eq!(count(&db, "orders"), 400);
        let revenue: i64 = conn
            .query_row(
                "SELECT sum(total_minor) FROM orders WHERE status = 'paid'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (all, revenue)
    };
    let a = dump("a.laris");
    let b = dump("b.laris");
    assert_eq!(a, b);
    assert!(a.1 > 0);
}

/// Imports into a database made by `setup` and checks that it is refused
/// with `message` and left byte for byte as it was.
fn refused_untouched(name: &str, setup: &str, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(name);
    Connection::open(&db).unwrap().execute_batch(setup).unwrap();
    let before = std::fs::read(&db).unwrap();
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, "order_id,date,total\nA1,2024-01-05,100.00\n").unwrap();
    let out = import(&db, &file);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(message), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_newer_database_is_refused_and_not_touched() {
    refused_untouched(
        "future.laris",
        "PRAGMA application_id = 1279349331; PRAGMA user_version = 99; CREATE TABLE orders(x);",
        "was written by a newer version of Laris",
    );
}

#[test]
fn another_programs_database_is_refused_and_not_touched() {
    refused_untouched(
        "other.db",
        "CREATE TABLE notes(text TEXT)",
        "is not a Laris database",
    );
}

#[test]
fn an_empty_database_takes_the_first_currency_and_refuses_another_without_a_rate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.laris");
    let usd = dir.path().join("us.csv");
    std::fs::write(&usd, "order_id,date,total\nA1,2024-01-05,$1,250.00\n").unwrap();
    let idr = dir.path().join("id.csv");
    std::fs::write(&idr, "order_id;date;total\nB1;05/01/2024;Rp 1.250.000\n").unwrap();
    let out = import(&db, &usd);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let currency: String = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT json_extract(value, '$.currency') FROM settings WHERE key = 'settings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(currency, "USD");
    let out = import(&db, &idr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "id.csv is in IDR, and this database keeps its amounts in USD. Nothing was written."
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(count(&db, "orders"), 1, "nothing written");
    // One IDR is 0.0000615 USD: Rp 1.250.000 is $76.875, stored as $76.88.
    let out = laris(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        "--rate",
        "0.0000615",
        idr.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "id.csv: its amounts in IDR were converted into this database's currency at 0.0000615"
        ),
        "{}",
        stderr(&out)
    );
    let conn = Connection::open(&db).unwrap();
    let total: i64 = conn
        .query_row(
            "SELECT total_minor FROM orders WHERE order_id = 'B1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(total, 7_688);
    let batch: (String, String) = conn
        .query_row(
            "SELECT currency, rate FROM import_batches WHERE file_name = 'id.csv'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(batch, ("IDR".into(), "0.0000615".into()));
}

#[test]
fn a_usd_file_into_an_idr_database_needs_its_rate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let idr = dir.path().join("kasir.csv");
    std::fs::write(&idr, "No. Pesanan;Tanggal;Total\nK1;05/01/2024;Rp 85.000\n").unwrap();
    assert!(import(&db, &idr).status.success());
    // The currency named only by the header of the money column.
    let usd = dir.path().join("shop.csv");
    std::fs::write(
        &usd,
        "Order ID,Date,Total (USD)\nS1,2024-01-06,12.50\nS2,2024-01-07,-3.01\n",
    )
    .unwrap();
    let (db_arg, usd_arg) = (db.to_str().unwrap(), usd.to_str().unwrap());
    let out = laris(&["import", "--db", db_arg, usd_arg]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("shop.csv is in USD"),
        "{}",
        stderr(&out)
    );
    assert_eq!(count(&db, "orders"), 1);
    let out = laris(&["import", "--db", db_arg, "--rate", "16.250", usd_arg]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a usage error: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("could be read two ways"),
        "{}",
        stderr(&out)
    );
    let out = laris(&["import", "--db", db_arg, "--rate", "16250", usd_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = Connection::open(&db).unwrap();
    let totals: Vec<i64> = conn
        .prepare("SELECT total_minor FROM orders ORDER BY order_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // K1 Rp 85.000; $12.50 x 16250 = Rp 203.125; -$3.01 x 16250 = -Rp 48.912,50.
    assert_eq!(totals, [8_500_000, 20_312_500, -4_891_250]);
}

#[test]
fn empty_garbage_and_broken_files_get_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.laris");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    // Bytes that are no text and no workbook, the same every run.
    let garbage: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases = [
        (write("empty.csv", b""), 2, "empty.csv is empty"),
        (write("blank.csv", b"\n\n  \n"), 2, "blank.csv is empty"),
        (
            write("noise.csv", &garbage),
            2,
            "noise.csv is not a file Laris recognises",
        ),
        (write("noise.xlsx", &garbage), 1, "Cannot read the workbook"),
        (
            write("quote.csv", b"order_id,date,total\n\"A1,2024-01-01,5\n"),
            1,
            "quote.csv",
        ),
    ];
    for (path, status, message) in cases {
        let out = import(&db, &path);
        assert_eq!(
            out.status.code(),
            Some(status),
            "{}: {}",
            path.display(),
            stderr(&out)
        );
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
        assert!(stderr(&out).len() < 2000, "a readable message");
    }
}

#[test]
fn csat_on_a_ten_point_scale_is_rescaled_when_the_user_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.laris");
    let db_arg = db.to_str().unwrap();
    let file = dir.path().join("csat.csv");
    std::fs::write(
        &file,
        "date,customer_id,score\n2024-01-05,C1,0\n2024-01-06,C2,7\n2024-01-07,C3,8\n2024-01-08,C4,10\n",
    )
    .unwrap();
    let file_arg = file.to_str().unwrap();
    let import_csat = |scale: &str, file: &str| {
        laris(&[
            "import",
            "--db",
            db_arg,
            "--kind",
            "csat",
            "--csat-scale",
            scale,
            file,
        ])
    };
    // Without the option a 0, 7, 8 or 10 is not a score from 1 to 5.
    let out = laris(&["import", "--db", db_arg, "--kind", "csat", file_arg]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("csat.csv, row 2, column score (\"0\")"),
        "{err}"
    );
    assert!(err.contains("from 1 to 5"), "{err}");

    // 0 is not on a 1-10 scale.
    let out = import_csat("1-10", file_arg);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("not a satisfaction score from 1 to 10"),
        "{err}"
    );

    let out = import_csat("0-10", file_arg);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = Connection::open(&db).unwrap();
    let scores: Vec<f64> = conn
        .prepare("SELECT score FROM csat ORDER BY date")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // 1 + 0.4 x score: 7 stays below 4 (not satisfied), 8 is above.
    assert_eq!(scores, [1.0, 3.8, 4.2, 5.0]);

    // On 1-10 the same 7 and 8 are 1 + 4 x (score - 1) / 9, to two decimals.
    let file = dir.path().join("csat10.csv");
    std::fs::write(
        &file,
        "date,score\n2024-02-01,1\n2024-02-02,7\n2024-02-03,8\n",
    )
    .unwrap();
    let out = import_csat("1-10", file.to_str().unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    let scores: Vec<f64> = conn
        .prepare("SELECT score FROM csat WHERE date >= '2024-02-01' ORDER BY date")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(scores, [1.0, 3.67, 4.11]);
    // The file was hashed while it was stored.
    use sha2::Digest;
    let stored: String = conn
        .query_row(
            "SELECT content_hash FROM import_batches ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let digest = sha2::Sha256::digest(std::fs::read(&file).unwrap());
    let expected: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(stored, expected);
}

#[test]
fn formats_settled_after_the_first_rows_are_read_right_from_the_first_row() {
    // The importer stores a big file with the formats of its first rows and
    // checks them against the whole file as it goes. Here only the last row
    // says that dates are month first, amounts have a decimal point and the
    // money is in dollars; the Indonesian defaults guessed from the rows
    // before it read every one of them wrong.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.laris");
    let file = dir.path().join("orders.csv");
    let rows = laris::import::read::SPECULATE_ROWS + 100;
    let mut text = String::from("order_id,date,total\n");
    for i in 0..rows {
        text.push_str(&format!("O{i},04/03/2024,1.250\n"));
    }
    text.push_str("Z,03/25/2024,$12.5\n");
    std::fs::write(&file, text).unwrap();
    let out = import(&db, &file);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = Connection::open(&db).unwrap();
    let order = |id: &str| -> (String, i64) {
        conn.query_row(
            "SELECT date, total_minor FROM orders WHERE order_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    assert_eq!(order("O0"), ("2024-04-03".into(), 125), "April 3rd, 1.25");
    assert_eq!(order(&format!("O{}", rows - 1)), ("2024-04-03".into(), 125));
    assert_eq!(order("Z"), ("2024-03-25".into(), 1250));
    assert_eq!(count(&db, "orders"), rows as u64 + 1);
    assert_eq!(
        count(&db, "import_batches"),
        1,
        "the wrong pass left nothing"
    );
    let currency: String = conn
        .query_row(
            "SELECT json_extract(value, '$.currency') FROM settings WHERE key = 'settings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(currency, "USD", "named only by the last row");
    assert!(stdout(&out).contains("added"), "{}", stdout(&out));
}

#[test]
fn the_same_orders_in_every_encoding_store_the_same_names() {
    // "order_id;date;customer_name;total" with José Muñoz and François
    // Müller, as different programs save it.
    let dir = tempfile::tempdir().unwrap();
    let utf8 = "order_id;date;customer_name;total\nA1;2024-01-05;José Muñoz;10\nA2;2024-01-06;François Müller;20\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(utf8.encode_utf16().flat_map(u16::to_le_bytes));
    let single_byte = |e: &[u8], c: &[u8], n: &[u8], u: &[u8]| -> Vec<u8> {
        [
            &b"order_id;date;customer_name;total\r\nA1;2024-01-05;Jos"[..],
            e,
            b" Mu",
            n,
            b"oz;10\r\nA2;2024-01-06;Fran",
            c,
            b"ois M",
            u,
            b"ller;20\r\n",
        ]
        .concat()
    };
    let files: [(&str, Vec<u8>); 5] = [
        ("utf8-bom", [&b"\xEF\xBB\xBF"[..], utf8.as_bytes()].concat()),
        ("utf16le", utf16),
        (
            "windows-1252",
            single_byte(b"\xE9", b"\xE7", b"\xF1", b"\xFC"),
        ),
        // Excel for Mac: Mac Roman, and classic Mac line ends (bare CR).
        (
            "mac-roman",
            single_byte(b"\x8E", b"\x8D", b"\x96", b"\x9F")
                .iter()
                .copied()
                .filter(|&b| b != b'\n')
                .collect(),
        ),
        ("utf8", utf8.as_bytes().to_vec()),
    ];
    for (name, bytes) in files {
        let file = dir.path().join(format!("{name}.csv"));
        std::fs::write(&file, bytes).unwrap();
        let db = dir.path().join(format!("{name}.laris"));
        let out = import(&db, &file);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let names: Vec<String> = Connection::open(&db)
            .unwrap()
            .prepare("SELECT customer_name FROM orders ORDER BY order_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(names, ["José Muñoz", "François Müller"], "{name}");
    }
}
