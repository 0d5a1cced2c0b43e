//! Every folder of ../shared/data imports with no manual mapping, and what is
//! stored matches figures worked out independently of Laris (the and
//! the data sets' own: totals, counts, refunds).

use std::path::{Path, PathBuf};

use crate::common::{laris, query, shared_data, stderr, stdout};
use laris::import::{self, FileError, ReadOptions};
use laris::store::Store;

fn import(db: &Path, files: &[PathBuf]) {
    let mut store = Store::open(db).unwrap();
    let mut parsed = Vec::new();
    for f in files {
        let files = import::read_file(f, &ReadOptions::default()).unwrap();
        for p in &files {
            assert!(
                p.errors.is_empty(),
                "{}: {:?}",
                f.display(),
                &p.errors[..p.errors.len().min(3)]
            );
        }
        parsed.extend(files);
    }
    import::store_files(&mut store, &parsed, &mut |_| true).unwrap();
    // A second import of the same files changes nothing.
    let again = import::store_files(&mut store, &parsed, &mut |_| true).unwrap();
    for r in again {
        assert_eq!(
            (r.counts.added, r.counts.updated),
            (0, 0),
            "{} imported twice",
            r.file
        );
    }
}

fn setup(folder: &str, files: &[&str]) -> Option<(tempfile::TempDir, PathBuf)> {
    let data = shared_data()?;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.laris");
    let paths: Vec<PathBuf> = files.iter().map(|f| data.join(folder).join(f)).collect();
    import(&db, &paths);
    Some((dir, db))
}

#[test]
fn superstore_csv_lines_grouped_into_orders() {
    let Some((_d, db)) = setup("superstore", &["Sample - Superstore.csv"]) else {
        return;
    };
    // 9,994 lines, 5,009 orders, 793 customers; each line's Sales rounded to
    // cents on its own, summing to 2,297,201.07 (the figures).
    assert_eq!(
        query(
            &db,
            "SELECT count(*), sum(line_total_minor) FROM order_lines"
        ),
        ["9994|229720107"]
    );
    assert_eq!(
        query(
            &db,
            "SELECT count(*), count(DISTINCT customer_id), sum(total_minor) FROM orders"
        ),
        ["5009|793|229720107"]
    );
    // Its dates are month first (11/8/2018 is 8 November).
    assert_eq!(
        query(
            &db,
            "SELECT date FROM orders WHERE order_id = 'CA-2018-152156'"
        ),
        ["2018-11-08"]
    );
}

#[test]
fn superstore_workbook_orders_sheet_and_returns() {
    let Some((_d, db)) = setup("superstore", &["Sample - Superstore 2023.xls"]) else {
        return;
    };
    let by_status = query(
        &db,
        "SELECT status, count(*) FROM orders GROUP BY status ORDER BY status",
    );
    assert_eq!(by_status.len(), 2, "{by_status:?}");
    assert!(by_status[0].starts_with("paid|"));
    // The Returns sheet marks refunds: as many as distinct returned order ids
    // that are among the orders.
    assert!(by_status[1].starts_with("refunded|"));
    let refunded: u64 = by_status[1][9..].parse().unwrap();
    assert!(refunded > 100, "{refunded}");
}

#[test]
fn uci_online_retail_cancellations_and_negative_invoices_are_refunds() {
    let Some((_d, db)) = setup("online-retail-uci", &["online_retail_first50k.csv"]) else {
        return;
    };
    assert_eq!(query(&db, "SELECT count(*) FROM orders"), ["2338"]);
    // 384 C invoices + 85 invoices whose lines are all negative.
    assert_eq!(
        query(
            &db,
            "SELECT count(*) FROM orders WHERE order_id LIKE 'C%' AND status = 'refunded'"
        ),
        ["384"]
    );
    assert_eq!(
        query(&db, "SELECT count(*) FROM orders WHERE status = 'refunded'"),
        ["469"]
    );
    assert_eq!(
        query(
            &db,
            "SELECT count(*), sum(total_minor), count(DISTINCT customer_id) FROM orders WHERE status = 'paid'"
        ),
        ["1869|95534688|973"]
    );
    // Duplicate lines are kept as lines; ids like 17850.0 are 17850.
    assert_eq!(query(&db, "SELECT count(*) FROM order_lines"), ["50000"]);
    assert_eq!(
        query(
            &db,
            "SELECT customer_id FROM orders WHERE order_id = '536365'"
        ),
        ["17850"]
    );
}

#[test]
fn shopify_statuses_cancellations_and_partial_refunds() {
    let Some((_d, db)) = setup("shopify-store", &["orders_export_1.csv"]) else {
        return;
    };
    assert_eq!(query(&db, "SELECT count(*) FROM order_lines"), ["811"]);
    assert_eq!(
        query(
            &db,
            "SELECT status, count(*) FROM orders GROUP BY status ORDER BY status"
        ),
        ["cancelled|20", "paid|358", "refunded|31"]
    );
    assert_eq!(
        query(
            &db,
            "SELECT sum(total_minor) FROM orders WHERE status = 'paid'"
        ),
        ["6284214"]
    );
    // Its Currency column names the currency of the new database.
    assert_eq!(
        query(
            &db,
            "SELECT json_extract(value, '$.currency') FROM settings WHERE key = 'settings'"
        ),
        ["USD"]
    );
}

#[test]
fn crm_pipeline_deals_with_won_and_lost_as_statuses() {
    let Some((_d, db)) = setup("crm-sales-opportunities", &["sales_pipeline.csv"]) else {
        return;
    };
    assert_eq!(
        query(
            &db,
            "SELECT status, count(*), sum(close_value_minor) FROM deals GROUP BY status ORDER BY status"
        ),
        ["lost|2473|0", "open|2089|NULL", "won|4238|1000553400"]
    );
    assert_eq!(query(&db, "SELECT count(DISTINCT rep) FROM deals"), ["30"]);
    // The 500 prospects have no engage date, which is allowed for open deals.
    assert_eq!(
        query(
            &db,
            "SELECT count(*) FROM deals WHERE created_at IS NULL AND status = 'open'"
        ),
        ["500"]
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stages: Vec<String> = laris::store::settings::load(&conn)
        .unwrap()
        .pipeline_stages
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(stages, ["Prospecting", "Engaging"]);
}

#[test]
fn orders_and_details_in_two_files() {
    let Some((_d, db)) = setup(
        "ecommerce-targets",
        &["Order Details.csv", "List of Orders.csv"],
    ) else {
        return;
    };
    assert_eq!(query(&db, "SELECT count(*) FROM orders"), ["500"]);
    // Totals come from the lines: 431,502.00 in all.
    assert_eq!(
        query(
            &db,
            "SELECT count(*), sum(line_total_minor) FROM order_lines"
        ),
        ["1500|43150200"]
    );
    assert_eq!(
        query(
            &db,
            "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id)"
        ),
        ["0"]
    );
    assert_eq!(
        query(&db, "SELECT date FROM orders WHERE order_id = 'B-25601'"),
        ["2018-04-01"]
    );
}

#[test]
fn files_of_no_known_kind_are_refused_saying_what_they_look_like() {
    let Some(data) = shared_data() else { return };
    for (file, looks) in [
        (
            "crm-sales-opportunities/accounts.csv",
            "looks-like-accounts",
        ),
        (
            "crm-sales-opportunities/products.csv",
            "looks-like-products",
        ),
        (
            "crm-sales-opportunities/sales_teams.csv",
            "looks-like-sales-team",
        ),
        (
            "crm-sales-opportunities/data_dictionary.csv",
            "looks-like-data-dictionary",
        ),
        (
            "shopify-store/customers_export_1.csv",
            "looks-like-customers",
        ),
        (
            "ecommerce-targets/Sales target.csv",
            "looks-like-category-targets",
        ),
    ] {
        match import::read_file(&data.join(file), &ReadOptions::default()) {
            Err(FileError::NotRecognised { looks_like, .. }) => {
                assert_eq!(looks_like, looks, "{file}")
            }
            other => panic!("{file}: {other:?}"),
        }
    }
}

#[test]
fn marketplace_workbooks_match_their_expected_figures() {
    let Some(data) = shared_data() else { return };
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("marketplaces-id/expected.json")).unwrap(),
    )
    .unwrap();
    for (file, want) in expected.as_object().unwrap() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("m.laris");
        import(&db, &[data.join("marketplaces-id").join(file)]);
        let paid = "FROM orders WHERE status = 'paid'";
        assert_eq!(
            query(&db, "SELECT count(*) FROM orders"),
            [want["orders_total"].to_string()],
            "{file}"
        );
        assert_eq!(
            query(&db, "SELECT count(*) FROM order_lines"),
            [want["lines_total"].to_string()],
            "{file}"
        );
        assert_eq!(
            query(
                &db,
                &format!("SELECT count(*), sum(total_minor) / 100 {paid}")
            ),
            [format!("{}|{}", want["paid_orders"], want["revenue"])],
            "{file}"
        );
        let customers =
            format!("SELECT count(DISTINCT coalesce(customer_id, lower(customer_name))) {paid}");
        assert_eq!(
            query(&db, &customers),
            [want["customers"].to_string()],
            "{file}"
        );
        for (month, m) in want["by_month"].as_object().unwrap() {
            let sql = format!(
                "SELECT count(*), sum(total_minor) / 100 {paid} AND substr(date, 1, 7) = '{month}'"
            );
            assert_eq!(
                query(&db, &sql),
                [format!("{}|{}", m["orders"], m["revenue"])],
                "{file} {month}"
            );
        }
    }
}

#[test]
fn dirty_indonesian_export_reports_exactly_the_bad_rows_then_skips_them() {
    let Some(data) = shared_data() else { return };
    let file = data.join("synthetic-10k/orders_dirty.csv");
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("synthetic-10k/orders_dirty.manifest.json")).unwrap(),
    )
    .unwrap();
    let mut bad: Vec<String> = ["malformed_amount", "malformed_date"]
        .iter()
        .flat_map(|k| {
            manifest[k]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
        })
        .collect();
    bad.sort();

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.laris");
    let db_arg = db.to_str().unwrap();
    let out = laris(&["import", "--db", db_arg, file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    // Each reported row number is the file line where that order starts.
    let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    let mut reported: Vec<String> = stderr(&out)
        .lines()
        .filter_map(|l| {
            l.split(", row ")
                .nth(1)?
                .split(',')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .map(|n| {
            lines[n - 1]
                .split(';')
                .next()
                .unwrap()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    reported.sort();
    assert_eq!(reported, bad);
    assert!(
        !db.exists(),
        "a refused import leaves no new database behind"
    );

    let out = laris(&[
        "import",
        "--db",
        db_arg,
        "--skip-bad-rows",
        "--json",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report[0]["skipped"], 6);
    assert_eq!(query(&db, "SELECT count(*) FROM orders"), ["9994"]);
    // The same totals as the clean orders.csv for the same orders.
    let clean = dir.path().join("clean.laris");
    import(&clean, &[data.join("synthetic-10k/orders.csv")]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(&format!("ATTACH '{}' AS clean", clean.display()), [])
        .unwrap();
    let mismatched: i64 = conn
        .query_row(
            "SELECT count(*) FROM orders d JOIN clean.orders c USING (order_id)
             WHERE d.total_minor IS NOT c.total_minor OR substr(d.date, 1, 10) != substr(c.date, 1, 10)
                OR d.status != c.status OR d.customer_id IS NOT c.customer_id OR d.customer_name IS NOT c.customer_name",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0);
    let joined: i64 = conn
        .query_row(
            "SELECT count(*) FROM orders d JOIN clean.orders c USING (order_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(joined, 9994);
}
