//! `laris report` as a user runs it: periods, messages, exit statuses, the
//! table's money and rate formats.

use crate::common;

use std::process::Command;

fn laris(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_laris"))
        .args(args)
        .output()
        .expect("run laris")
}

/// A database with two paid orders in March 2024 (1,250,000.00 and
/// 250,000.50 rupiah) and one in February (1,000,000.00).
fn shop() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.laris");
    let store = laris::store::Store::open(&path).unwrap();
    store
        .conn()
        .execute_batch(
            "INSERT INTO orders(order_id, date, customer_id, rep, status, total_minor, batch_id) VALUES
               ('A', '2024-03-02', 'C1', 'Sari', 'paid', 125000000, 1),
               ('B', '2024-03-09', 'C2', 'Budi', 'paid',  25000050, 1),
               ('C', '2024-02-09', 'C1', 'Sari', 'paid', 100000000, 1);",
        )
        .unwrap();
    (dir, path.to_str().unwrap().to_string())
}

#[test]
fn a_bad_period_exits_1_with_a_message() {
    let (_dir, db) = shop();
    for bad in [
        vec!["--period", "month:2024-13"],
        vec!["--period", "march"],
        vec!["--from", "2024-03-10", "--to", "2024-03-01"],
        vec!["--from", "10/03/2024", "--to", "2024-03-31"],
        vec![],
    ] {
        let mut args = vec!["report", "--db", &db, "--lang", "en"];
        args.extend(bad.iter().copied());
        let out = laris(&args);
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("laris: "), "{bad:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = laris(&[
        "report",
        "--db",
        &db,
        "--lang",
        "en",
        "--period",
        "month:2024-13",
    ]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("month:2024-03"),
        "the message shows the forms"
    );
}

#[test]
fn a_missing_database_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.laris");
    let out = laris(&[
        "report",
        "--db",
        db.to_str().unwrap(),
        "--period",
        "year:2024",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!db.exists());
}

#[test]
fn the_table_uses_the_languages_formats() {
    let (_dir, db) = shop();
    // March: 1,250,000.00 + 250,000.50 = 1,500,000.50, shown without decimals
    // for rupiah; February 1,000,000 -> growth 50.0%.
    let out = laris(&[
        "report",
        "--db",
        &db,
        "--lang",
        "id",
        "--period",
        "month:2024-03",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Omzet"), "{text}");
    assert!(text.contains("Rp 1.500.001"), "{text}");
    assert!(text.contains("50,0%"), "{text}");
    let out = laris(&[
        "report",
        "--db",
        &db,
        "--lang",
        "en",
        "--from",
        "2024-03-01",
        "--to",
        "2024-03-31",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Revenue"), "{text}");
    assert!(text.contains("Rp 1,500,001"), "{text}");
    assert!(text.contains("50.0%"), "{text}");
}

/// A rate's change is in points, as on the cards: retention falls from 75%
/// (3 of January's 4 customers came back in February) to 33.3% (1 of 3 in
/// March), 41.7 points, not 55.6%.
#[test]
fn rates_change_in_points() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.laris");
    let store = laris::store::Store::open(&path).unwrap();
    let mut orders = String::new();
    for (month, customers) in [("01", 1..=4), ("02", 1..=3), ("03", 1..=1)] {
        for c in customers {
            orders.push_str(&format!(
                "INSERT INTO orders(order_id, date, customer_id, status, total_minor, batch_id) \
                 VALUES ('{month}-{c}', '2024-{month}-10', 'C{c}', 'paid', 10000, 1);"
            ));
        }
    }
    store.conn().execute_batch(&orders).unwrap();
    let db = path.to_str().unwrap();
    let table = |lang: &str| {
        let args = [
            "report",
            "--db",
            db,
            "--lang",
            lang,
            "--period",
            "month:2024-03",
        ];
        let out = laris(&args);
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let text = table("id");
    assert!(text.contains("-41,7 poin"), "{text}");
    assert!(text.contains("+41,7 poin"), "churn: {text}");
    assert!(!text.contains("55,6%"), "{text}");
    assert!(text.contains("1 Maret 2024 sampai 31 Maret 2024"), "{text}");
    let text = table("en");
    assert!(text.contains("-41.7 pts"), "{text}");
    assert!(text.contains("1 March 2024 to 31 March 2024"), "{text}");
}

#[test]
fn json_filters_and_comparison() {
    let (_dir, db) = shop();
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["report", "--db", &db, "--json", "--period", "month:2024-03"];
        args.extend_from_slice(extra);
        let out = laris(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let all = json(&[]);
    assert_eq!(all["metrics"]["revenue"], 1_500_000.5);
    assert_eq!(all["prev_from"], "2024-02-01");
    let sari = json(&["--rep", "Sari"]);
    assert_eq!(sari["metrics"]["revenue"], 1_250_000.0);
    let last_year = json(&["--compare", "last-year"]);
    assert_eq!(last_year["prev_from"], "2023-03-01");
    assert!(
        last_year["metrics"]["sales_growth"].is_null(),
        "nothing in March 2023"
    );
}

#[test]
fn every_label_of_the_report_is_translated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.laris");
    let db = db.to_str().unwrap();
    let out = common::laris(&[
        "demo",
        "--db",
        db,
        "--scale",
        "600",
        "--until",
        "2025-06-30",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    for lang in ["en", "id"] {
        for period in ["month:2025-03", "year:2024", "qtd:2025-05-20"] {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_laris"))
                .args(["--lang", lang, "report", "--db", db, "--period", period])
                .output()
                .unwrap();
            let text = common::stdout(&out);
            assert!(out.status.success(), "{}", common::stderr(&out));
            assert!(
                !text.contains("Unknown localization key"),
                "{lang} {period}:\n{text}"
            );
            assert!(text.lines().count() > 50, "{lang} {period}: a whole report");
        }
    }
}

#[test]
fn highlights_open_the_report_in_the_chosen_language() {
    let (_dir, db) = shop();
    // Revenue 1,000,000 -> 1,500,000.50 (+50%); average order value
    // 1,000,000 -> 750,000.25 (-25%). No channel to name as the driver.
    let json = |lang: &str| -> serde_json::Value {
        let out = laris(&[
            "report",
            "--db",
            &db,
            "--lang",
            lang,
            "--json",
            "--period",
            "month:2024-03",
        ]);
        assert!(out.status.success(), "{}", common::stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let en = json("en");
    let h = en["highlights"].as_array().unwrap();
    assert_eq!(h.len(), 2, "{h:?}");
    assert_eq!(h[0]["id"], "mover");
    assert_eq!(h[0]["metric"], "revenue");
    assert_eq!(h[0]["text"], "Revenue up 50% from February 2024");
    assert_eq!(
        h[1]["text"],
        "Average order value down 25% from February 2024"
    );
    let id = json("id");
    assert_eq!(
        id["highlights"][0]["text"],
        "Omzet naik 50% dari Februari 2024"
    );
    let out = laris(&[
        "report",
        "--db",
        &db,
        "--lang",
        "id",
        "--period",
        "month:2024-03",
    ]);
    let text = common::stdout(&out);
    assert!(
        text.starts_with("Sorotan\n  - Omzet naik 50% dari Februari 2024\n"),
        "{text}"
    );
}

#[test]
fn revenue_projection_for_a_month_containing_today() {
    let (_dir, db) = shop();
    let json = |period: &str| -> serde_json::Value {
        let out = laris(&[
            "report",
            "--db",
            &db,
            "--json",
            "--period",
            period,
            "--today",
            "2024-03-16",
        ]);
        assert!(out.status.success(), "{}", common::stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Made by the 16th: 1,500,000.50 (A and B). The eight weeks before hold
    // Friday 9 February (1,000,000) and Saturdays 2 and 9 March
    // (1,500,000.50): per Friday 125,000, per Saturday 187,500.0625. By that
    // pattern March 1-15 (three Fridays, two Saturdays) would have made
    // 750,000.125: the level is 1,500,000.50 / 750,000.125 = 2.0000003,
    // trusted 15 / 18, a factor of 1.8333336. The three Saturdays and two
    // Fridays left make 812,500.1875 x 1.8333336 = 1,489,583.90 more.
    let p = &json("month:2024-03")["revenue_projection"];
    let value = p["value"].as_f64().unwrap();
    assert!((value - 2_989_584.40).abs() < 0.01, "{p}");
    assert!(p["target"].is_null());
    assert!(p["low"].as_f64().unwrap() >= 1_500_000.5 && p["high"].as_f64().unwrap() > value);
    // February has ended: no projection.
    assert!(json("month:2024-02")["revenue_projection"].is_null());
}
