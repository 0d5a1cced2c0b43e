//! `laris report` on the shared synthetic shop (10,000 orders), imported with
//! `laris import`, cross-checked against SQL written here independently.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const KINDS: [&str; 11] = [
    "orders",
    "order_lines",
    "leads",
    "deals",
    "deal_stages",
    "activities",
    "targets",
    "expenses",
    "csat",
    "inquiries",
    "subscriptions",
];

/// The shared data folder, or None (with a note) when it is not there. On CI
/// its absence is a failure, not a skip.
fn data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/synthetic-10k");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing and CI is set: the synthetic data must be there",
        dir.display()
    );
    eprintln!("note: skipping, {} is not there", dir.display());
    None
}

fn laris(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_laris"))
        .args(args)
        .output()
        .expect("run laris")
}

#[test]
fn report_matches_independent_sql() {
    let Some(data) = data_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synthetic.laris");
    let db_arg = db.to_str().unwrap();
    for kind in KINDS {
        let file = data.join(format!("{kind}.csv"));
        let out = laris(&[
            "import",
            "--db",
            db_arg,
            "--kind",
            kind,
            file.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "import {kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = laris(&["report", "--db", db_arg, "--json", "--period", "year:2024"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "from",
        "to",
        "prev_from",
        "prev_to",
        "currency",
        "metrics",
        "previous",
    ] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    assert_eq!(report["from"], "2024-01-01");
    assert_eq!(report["prev_to"], "2023-12-31");
    for id in laris::metrics::report::METRIC_IDS {
        assert!(report["metrics"].get(id).is_some(), "missing metric {id}");
    }
    let metrics = &report["metrics"];
    // Every kind was imported, so the figures that cannot be empty for a year
    // of a busy shop are not null.
    for id in [
        "revenue",
        "win_rate",
        "clv",
        "mrr",
        "csat",
        "funnel",
        "top_products",
    ] {
        assert!(!metrics[id].is_null(), "{id} is null");
    }

    let conn = rusqlite::Connection::open(&db).unwrap();
    let one = |sql: &str| -> f64 { conn.query_row(sql, [], |r| r.get::<_, f64>(0)).unwrap() };
    let revenue_minor = one(
        "SELECT SUM(COALESCE(o.total_minor,
                    (SELECT SUM(l.line_total_minor) FROM order_lines l WHERE l.order_id = o.order_id)))
         FROM orders o
         WHERE o.status = 'paid' AND substr(o.date, 1, 10) BETWEEN '2024-01-01' AND '2024-12-31'",
    );
    let orders = one("SELECT COUNT(*) FROM orders
         WHERE status = 'paid' AND substr(date, 1, 10) BETWEEN '2024-01-01' AND '2024-12-31'");
    let new_customers = one("SELECT COUNT(*) FROM (
           SELECT CASE WHEN trim(COALESCE(customer_id, '')) <> '' THEN 'id:' || trim(customer_id)
                       ELSE 'name:' || lower(trim(customer_name)) END AS who,
                  MIN(substr(date, 1, 10)) AS first
           FROM orders
           WHERE status = 'paid'
             AND (trim(COALESCE(customer_id, '')) <> '' OR trim(COALESCE(customer_name, '')) <> '')
           GROUP BY who)
         WHERE first BETWEEN '2024-01-01' AND '2024-12-31'");
    let win_rate = one("SELECT 1.0 * SUM(status = 'won') / COUNT(*) FROM deals
         WHERE status IN ('won', 'lost') AND closed_at IS NOT NULL
           AND substr(closed_at, 1, 10) BETWEEN '2024-01-01' AND '2024-12-31'");
    assert!(revenue_minor > 0.0 && orders > 0.0 && new_customers > 0.0);
    assert!((metrics["revenue"].as_f64().unwrap() - revenue_minor / 100.0).abs() < 0.005);
    assert_eq!(metrics["orders"].as_f64().unwrap(), orders);
    assert_eq!(metrics["new_customers"].as_f64().unwrap(), new_customers);
    assert!((metrics["win_rate"].as_f64().unwrap() - win_rate).abs() < 1e-12);
}
