//! `laris records` as a user runs it: the records behind a figure add up to
//! the figure `laris report --json` gives, on a hand-made shop and on the
//! sample shop.

use serde_json::Value;

use crate::common::{laris, stderr, stdout};

/// Two paid orders in March 2024 (1,250,000.00 by Sari on Shopee and
/// 250,000.50 by Budi on Tokopedia), one refunded in March, one paid in
/// February; two deals closed in March (one won), one lead.
pub(crate) fn shop() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.laris");
    let store = laris::store::Store::open(&path).unwrap();
    store
        .conn()
        .execute_batch(
            "INSERT INTO orders(order_id, date, customer_id, rep, channel, status, total_minor, batch_id) VALUES
               ('A', '2024-03-02', 'C1', 'Sari', 'Shopee',    'paid',     125000000, 1),
               ('B', '2024-03-09', 'C2', 'Budi', 'Tokopedia', 'paid',      25000050, 1),
               ('R', '2024-03-10', 'C2', 'Budi', 'Tokopedia', 'refunded',   9900000, 1),
               ('C', '2024-02-09', 'C1', 'Sari', 'Shopee',    'paid',     100000000, 1);
             INSERT INTO deals(deal_id, rep, created_at, stage, status, value_minor, closed_at, close_value_minor, batch_id) VALUES
               ('D1', 'Sari', '2024-02-01', 'closed', 'won',  500000, '2024-03-05', 450000, 1),
               ('D2', 'Budi', '2024-02-03', 'proposal', 'lost', 300000, '2024-03-20', NULL, 1);",
        )
        .unwrap();
    (dir, path.to_str().unwrap().to_string())
}

pub(crate) fn json(args: &[&str]) -> Value {
    let out = laris(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn revenue_records_are_the_paid_orders_of_the_period() {
    let (_dir, db) = shop();
    let r = json(&[
        "records",
        "--db",
        &db,
        "--metric",
        "revenue",
        "--period",
        "month:2024-03",
        "--json",
    ]);
    assert_eq!(r["metric"], "revenue");
    assert_eq!(r["kind"], "orders");
    assert_eq!(r["count"], 2);
    assert_eq!(r["sum"], 1_500_000.5);
    let ids: Vec<&str> = r["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["order_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["A", "B"]);
    assert_eq!(r["records"][1]["total"], 250_000.5);
    // Only Shopee: order A.
    let r = json(&[
        "records",
        "--db",
        &db,
        "--metric",
        "revenue",
        "--period",
        "month:2024-03",
        "--channel",
        "shopee",
        "--json",
    ]);
    assert_eq!(
        (r["count"].as_u64(), r["sum"].as_f64()),
        (Some(1), Some(1_250_000.0))
    );
}

#[test]
fn a_ratio_gives_its_numerator_and_denominator() {
    let (_dir, db) = shop();
    let r = json(&[
        "records",
        "--db",
        &db,
        "--metric",
        "win_rate",
        "--from",
        "2024-03-01",
        "--to",
        "2024-03-31",
        "--json",
    ]);
    assert_eq!(r["numerator"]["count"], 1);
    assert_eq!(r["numerator"]["records"][0]["deal_id"], "D1");
    assert_eq!(r["denominator"]["count"], 2);
    let aov = json(&[
        "records",
        "--db",
        &db,
        "--metric",
        "aov",
        "--period",
        "month:2024-03",
        "--json",
    ]);
    // 1,500,000.50 over 2 orders is the AOV of the report.
    assert_eq!(aov["numerator"]["sum"], 1_500_000.5);
    assert_eq!(aov["denominator"]["count"], 2);
    let report = json(&["report", "--db", &db, "--period", "month:2024-03", "--json"]);
    assert_eq!(report["metrics"]["aov"], 750_000.25);
    assert_eq!(report["metrics"]["win_rate"], 0.5);
}

#[test]
fn table_and_csv_in_the_users_language() {
    let (_dir, db) = shop();
    let out = laris(&[
        "records",
        "--db",
        &db,
        "--lang",
        "id",
        "--metric",
        "revenue",
        "--period",
        "month:2024-03",
    ]);
    let text = stdout(&out);
    assert!(text.contains("Rp 1.250.000"), "{text}");
    assert!(text.contains("2 data, jumlah Rp 1.500.001"), "{text}");
    let out = laris(&[
        "records",
        "--db",
        &db,
        "--metric",
        "orders",
        "--period",
        "month:2024-03",
        "--csv",
    ]);
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("id,order_id,date,"), "{}", lines[0]);
    assert!(lines[1].contains(",A,2024-03-02,"), "{}", lines[1]);
}

#[test]
fn a_median_or_an_unknown_id_is_a_users_error() {
    let (_dir, db) = shop();
    for metric in ["median_deal_cycle_days", "omzet"] {
        let out = laris(&[
            "records",
            "--db",
            &db,
            "--metric",
            metric,
            "--period",
            "month:2024-03",
        ]);
        assert_eq!(out.status.code(), Some(1), "{metric}");
        assert!(stderr(&out).contains(metric), "{}", stderr(&out));
    }
}

/// The figure a records object stands for.
fn figure(r: &Value) -> Option<f64> {
    let total = |s: &Value| s["sum"].as_f64().or_else(|| s["count"].as_f64());
    if r.get("numerator").is_some() {
        let den = r["denominator"]["count"].as_f64()?;
        (den != 0.0).then(|| total(&r["numerator"]).unwrap_or(0.0) / den)
    } else {
        total(r)
    }
}

#[test]
fn on_the_sample_shop_records_add_up_to_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.laris");
    let db = db.to_str().unwrap();
    let out = laris(&[
        "demo",
        "--db",
        db,
        "--scale",
        "1500",
        "--until",
        "2025-06-30",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let metrics = [
        "revenue",
        "orders",
        "new_customers",
        "leads",
        "opportunity_value",
        "pipeline_value",
        "meetings",
        "aov",
        "win_rate",
        "retention_rate",
        "lead_response_hours",
    ];
    for scope in [
        vec!["--period", "month:2025-05"],
        vec!["--period", "quarter:2025-Q1", "--rep", "Sari Wulandari"],
        vec![
            "--from",
            "2024-11-15",
            "--to",
            "2025-02-10",
            "--channel",
            "Shopee",
        ],
    ] {
        let mut args = vec!["report", "--db", db, "--json"];
        args.extend(&scope);
        let report = json(&args);
        for id in metrics {
            let mut args = vec!["records", "--db", db, "--metric", id, "--json"];
            args.extend(&scope);
            let got = figure(&json(&args));
            let expected = report["metrics"][id].as_f64();
            match (expected, got) {
                (Some(e), Some(g)) => assert!((e - g).abs() < 0.006, "{id} {scope:?}: {e} vs {g}"),
                (e, g) => assert_eq!(e, g, "{id} {scope:?}"),
            }
        }
    }
}
