//! `laris explain` as a user runs it: the contract of its JSON, and steps
//! that add up to the change.

use crate::common::{laris, stderr, stdout};
use crate::records_cli::{json, shop};

#[test]
fn revenue_by_channel_adds_up_to_the_change() {
    let (_dir, db) = shop();
    let b = json(&[
        "explain",
        "--db",
        &db,
        "--metric",
        "revenue",
        "--period",
        "month:2024-03",
        "--by",
        "channel",
        "--json",
    ]);
    // February: C 1,000,000.00 on Shopee. March: A 1,250,000.00 on Shopee,
    // B 250,000.50 on Tokopedia.
    assert_eq!(b["metric"], "revenue");
    assert_eq!(b["by"], "channel");
    assert_eq!(
        (b["previous"].as_f64(), b["current"].as_f64()),
        (Some(1_000_000.0), Some(1_500_000.5))
    );
    assert_eq!(b["change"], 500_000.5);
    let c = &b["contributions"];
    assert_eq!(
        (c[0]["key"].as_str(), c[0]["change"].as_f64()),
        (Some("Tokopedia"), Some(250_000.5))
    );
    assert_eq!(
        (c[1]["key"].as_str(), c[1]["change"].as_f64()),
        (Some("Shopee"), Some(250_000.0))
    );
    assert_eq!(c[1]["previous"], 1_000_000.0);
    // One more order at the old average (+1,000,000.00), both orders
    // 249,999.75 smaller than it (-499,999.50).
    assert_eq!(b["orders_size"]["more_or_fewer_orders"], 1_000_000.0);
    assert_eq!(b["orders_size"]["bigger_or_smaller_orders"], -499_999.5);
}

#[test]
fn table_in_indonesian_and_wrong_splits() {
    let (_dir, db) = shop();
    let out = laris(&[
        "explain",
        "--db",
        &db,
        "--lang",
        "id",
        "--metric",
        "revenue",
        "--period",
        "month:2024-03",
        "--by",
        "channel",
    ]);
    let text = stdout(&out);
    assert!(text.contains("+Rp 250.001"), "{text}");
    assert!(text.contains("Pesanan lebih banyak"), "{text}");
    let out = laris(&[
        "explain",
        "--db",
        &db,
        "--metric",
        "leads",
        "--period",
        "month:2024-03",
        "--by",
        "channel",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--by source, rep"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn win_rate_last_year_has_no_previous_rate() {
    let (_dir, db) = shop();
    let b = json(&[
        "explain",
        "--db",
        &db,
        "--metric",
        "win_rate",
        "--period",
        "month:2024-03",
        "--compare",
        "last-year",
        "--by",
        "rep",
        "--json",
    ]);
    // March 2024: D1 won, D2 lost; nothing closed in March 2023.
    assert_eq!(b["current"], 0.5);
    assert!(b["previous"].is_null() && b["change"].is_null());
    assert_eq!(b["contributions"].as_array().map(Vec::len), Some(0));
}
