//! The profit metrics (profit.md) on a shop small enough to compute by hand.

use super::*;
use crate::metrics::profit::{CostMissing, cost_missing, product_table};

/// Two reps, two channels, mostly February 2024. Kopi (sku K1) costs 100.00
/// from the beginning and 150.00 from 15 February; Teh (no sku) 120.00;
/// Roti's first cost starts in March; Gula has none. The rows are of no
/// import batch (0), so that undoing the first real one leaves them.
const PROFIT_SHOP: &str = "
INSERT INTO orders(order_id, date, rep, channel, status, total_minor, batch_id) VALUES
 ('P1', '2024-02-05', 'Sari', 'Shopee', 'paid',      100000, 0),
 ('P2', '2024-02-20', 'Budi', 'Toko',   'paid',       50000, 0),
 ('P3', '2024-02-10', 'Budi', 'Shopee', 'refunded',   25000, 0),
 ('P4', '2024-02-12', 'Sari', 'Toko',   'cancelled',   9000, 0),
 ('P5', '2024-01-15', 'Sari', 'Shopee', 'paid',       40000, 0),
 ('P6', '2024-02-25', 'Sari', 'Shopee', 'paid',       20000, 0),
 ('P7', '2023-02-10', 'Sari', 'Shopee', 'paid',       30000, 0);
INSERT INTO order_lines(order_id, line_no, product, sku, quantity, unit_price_minor, line_total_minor, batch_id) VALUES
 ('P1', 1, 'Kopi', 'K1', 2, 30000, 60000, 0),
 ('P1', 2, 'Teh',  NULL, 1, 40000, NULL,  0),
 ('P2', 1, 'Kopi', 'k1', 1, 30000, 30000, 0),
 ('P2', 2, 'Gula', NULL, 2, 10000, 20000, 0),
 ('P3', 1, 'Kopi', 'K1', 1, 25000, 25000, 0),
 ('P5', 1, 'Kopi', 'K1', 1, 40000, 40000, 0),
 ('P6', 1, 'Roti', NULL, 1, 20000, 20000, 0),
 ('P7', 1, 'Kopi', 'K1', 1, 30000, 30000, 0);
INSERT INTO products(item_key, sku, product, cost_minor, valid_from, batch_id) VALUES
 ('sku:k1',    'K1', 'Kopi', 10000, '',           0),
 ('sku:k1',    'K1', 'Kopi', 15000, '2024-02-15', 0),
 ('name:teh',  NULL, 'Teh',  12000, '',           0),
 ('name:roti', NULL, 'Roti',  5000, '2024-03-01', 0);
INSERT INTO settlements(order_id, settled_at, fees_minor, payout_minor, batch_id) VALUES
 ('P1', '2024-02-08', 9500, 90500, 0),
 ('P3', '2024-02-13', 1000, 24000, 0),
 ('P5', '2024-01-18', 3000, 37000, 0),
 ('P6', '2024-02-28', 2000, 18000, 0),
 ('P7', '2023-02-13', 2500, 27500, 0);
INSERT INTO expenses(date, category, amount_minor, row_hash, batch_id) VALUES
 ('2024-02-03', 'marketing', 5000, 'e1', 0),
 ('2024-02-10', 'other',     3000, 'e2', 0),
 ('2024-03-01', 'sales',    99999, 'e3', 0);
";

fn profit_shop() -> Db {
    db(PROFIT_SHOP)
}

fn channel(name: &str) -> Filters {
    Filters {
        channel: Some(name.into()),
        ..Filters::default()
    }
}

#[test]
fn february_by_hand() {
    let r = profit_shop().period("month:2024-02");
    // Paid in February: P1 1000 + P2 500 + P6 200.
    approx(m(&r, "revenue"), 1700.0);
    // Refunded: P3 250 of 1 refunded + 3 paid; the cancelled P4 is neither.
    approx(m(&r, "refund_amount"), 250.0);
    approx(m(&r, "refund_rate"), 0.25);
    // P1 (5 Feb): Kopi 2 x 100 + Teh (by name, no sku) 1 x 120; P2 (20 Feb):
    // Kopi (sku k1 = K1) at the new 150; Gula none; P6: Roti's cost starts
    // in March, so none on 25 Feb.
    approx(m(&r, "cogs"), 470.0);
    // Line value with a cost: P1 600 + 400 (quantity x price), P2's Kopi 300,
    // of 1700.
    approx(m(&r, "cost_coverage"), 1300.0 / 1700.0);
    approx(m(&r, "gross_profit"), 1230.0);
    approx(m(&r, "gross_margin"), 1230.0 / 1700.0);
    // P1 95 + P6 20; P3's fee is of a refunded order.
    approx(m(&r, "marketplace_fees"), 115.0);
    // Over the revenue of the settled paid orders: P1 1000 + P6 200.
    approx(m(&r, "fee_rate"), 115.0 / 1200.0);
    // 1230 - 115 - expenses of every category in February (50 + 30).
    approx(m(&r, "net_profit"), 1035.0);
}

#[test]
fn the_previous_period_and_last_year() {
    let r = profit_shop().period("month:2024-02");
    // January: P5 400, Kopi at the first cost 100, fee 30, no expenses.
    let prev = &r["previous"];
    approx(&prev["refund_amount"], 0.0);
    approx(&prev["refund_rate"], 0.0);
    approx(&prev["cogs"], 100.0);
    approx(&prev["cost_coverage"], 1.0);
    approx(&prev["gross_profit"], 300.0);
    approx(&prev["gross_margin"], 0.75);
    approx(&prev["marketplace_fees"], 30.0);
    approx(&prev["fee_rate"], 0.075);
    approx(&prev["net_profit"], 270.0);
    let d = profit_shop();
    let last_year = d.run(
        Selection::parse("month:2024-02").unwrap(),
        Comparison::LastYear,
        LATER,
        &Filters::default(),
    );
    // February 2023: P7 300, Kopi 100, fee 25.
    assert_eq!(last_year["prev_from"], "2023-02-01");
    approx(&last_year["previous"]["gross_profit"], 200.0);
    approx(&last_year["previous"]["net_profit"], 175.0);
}

#[test]
fn rep_and_channel_filters_go_through_the_order() {
    let d = profit_shop();
    let sari = d.filtered("month:2024-02", rep("Sari"));
    // P1 and P6: 1200, cogs 320, fees 115; expenses have no rep and stay
    // whole (80).
    approx(m(&sari, "revenue"), 1200.0);
    approx(m(&sari, "cogs"), 320.0);
    approx(m(&sari, "gross_profit"), 880.0);
    approx(m(&sari, "marketplace_fees"), 115.0);
    approx(m(&sari, "net_profit"), 685.0);
    // Sari's P4 is cancelled, not refunded: 0 of 2.
    approx(m(&sari, "refund_amount"), 0.0);
    approx(m(&sari, "refund_rate"), 0.0);
    let toko = d.filtered("month:2024-02", channel("Toko"));
    // P2 alone: Kopi 150 of 500; no payout in the shop's own store.
    approx(m(&toko, "cogs"), 150.0);
    approx(m(&toko, "cost_coverage"), 0.6);
    approx(m(&toko, "marketplace_fees"), 0.0);
    null(m(&toko, "fee_rate"));
}

#[test]
fn by_channel_and_by_product() {
    let r = profit_shop().period("month:2024-02");
    let shopee = m(&r, "profit_by_channel.Shopee");
    approx(&shopee["revenue"], 1200.0);
    approx(&shopee["cogs"], 320.0);
    approx(&shopee["marketplace_fees"], 115.0);
    approx(&shopee["gross_profit"], 880.0);
    approx(m(&r, "profit_by_channel.Toko.gross_profit"), 350.0);
    approx(m(&r, "profit_by_channel.Toko.marketplace_fees"), 0.0);
    // By gross profit: Kopi 900 - 350, Teh 400 - 120, then Gula and Roti at
    // 200 each without a cost, by name.
    let products = m(&r, "profit_by_product").as_array().unwrap();
    let names: Vec<&str> = products
        .iter()
        .map(|p| p["product"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kopi", "Teh", "Gula", "Roti"]);
    let kopi = &products[0];
    approx(&kopi["quantity"], 3.0);
    approx(&kopi["revenue"], 900.0);
    approx(&kopi["cogs"], 350.0);
    approx(&kopi["gross_profit"], 550.0);
    approx(&kopi["gross_margin"], 550.0 / 900.0);
    assert_eq!(kopi["has_cost"], true);
    assert_eq!(kopi["sku"], "K1");
    assert_eq!(products[3]["has_cost"], false);
    null(&products[2]["sku"]);
}

#[test]
fn the_product_table_and_what_has_no_cost() {
    let d = profit_shop();
    let ds = Dataset::load(d.store.conn()).unwrap();
    let v = View::new(&ds, &Filters::default());
    let feb = DayRange::of(Selection::parse("month:2024-02").unwrap().period);
    // Gula and Roti: 200 + 200 of sales without a cost.
    assert_eq!(
        cost_missing(&v, feb),
        Some(CostMissing {
            products: 2,
            sales: 400.0
        })
    );
    // By line value: Kopi 900, Teh 400, then Gula and Roti by name.
    let table = product_table(&v, feb).unwrap();
    let rows: Vec<(&str, f64, bool)> = table
        .iter()
        .map(|p| (p.product.as_str(), p.revenue, p.has_cost))
        .collect();
    assert_eq!(
        rows,
        [
            ("Kopi", 900.0, true),
            ("Teh", 400.0, true),
            ("Gula", 200.0, false),
            ("Roti", 200.0, false)
        ]
    );
}

#[test]
fn typed_costs_are_one_batch_that_undo_takes_back() {
    let mut d = profit_shop();
    let typed = [
        crate::store::products::TypedCost {
            sku: None,
            product: "gula ".into(),
            cost_minor: 4000,
        },
        crate::store::products::TypedCost {
            sku: None,
            product: "Roti".into(),
            cost_minor: 7000,
        },
    ];
    let counts =
        crate::store::products::save_costs(d.store.conn_mut(), "Product table", &typed).unwrap();
    // Roti's March cost is another row (its own valid_from): both added.
    assert_eq!((counts.added, counts.updated), (2, 0));
    let r = d.period("month:2024-02");
    // 470 + Gula 2 x 40 + Roti 70 (the typed cost holds from the beginning).
    approx(m(&r, "cogs"), 620.0);
    approx(m(&r, "cost_coverage"), 1.0);
    let batch = crate::store::batches::list(d.store.conn())
        .unwrap()
        .iter()
        .map(|b| b.id)
        .max()
        .unwrap();
    crate::store::batches::undo(d.store.conn_mut(), batch).unwrap();
    approx(m(&d.period("month:2024-02"), "cogs"), 470.0);
}

#[test]
fn zero_denominators_are_null() {
    // April has no order at all.
    let r = profit_shop().period("month:2024-04");
    approx(m(&r, "refund_amount"), 0.0);
    null(m(&r, "refund_rate"));
    approx(m(&r, "cogs"), 0.0);
    null(m(&r, "cost_coverage"));
    approx(m(&r, "gross_profit"), 0.0);
    null(m(&r, "gross_margin"));
    approx(m(&r, "marketplace_fees"), 0.0);
    null(m(&r, "fee_rate"));
    approx(m(&r, "net_profit"), 0.0);
    assert_eq!(m(&r, "profit_by_product"), &serde_json::json!([]));
}

#[test]
fn without_costs_or_payouts_their_figures_are_null() {
    // The main test shop has orders, lines and expenses, but no costs and
    // no payouts.
    let r = shop().period("month:2024-02");
    approx(m(&r, "refund_amount"), 999.0); // O4
    approx(m(&r, "refund_rate"), 0.2); // 1 of 4 paid + 1 refunded
    for id in [
        "cogs",
        "cost_coverage",
        "gross_profit",
        "gross_margin",
        "marketplace_fees",
        "fee_rate",
        "net_profit",
        "profit_by_product",
    ] {
        null(m(&r, id));
    }
    approx(m(&r, "profit_by_channel.store.revenue"), 100.0); // O2 + O5 + O6
    null(m(&r, "profit_by_channel.store.cogs"));
}

#[test]
fn the_records_behind_refunds_fees_and_costs() {
    use crate::metrics::records::{Amount, Records, records};
    let d = profit_shop();
    let ds = Dataset::load(d.store.conn()).unwrap();
    let q = figures::Query {
        sel: Selection::parse("month:2024-02").unwrap(),
        cmp: Comparison::Previous,
        filters: Filters::default(),
        today: date(LATER),
    };
    let of = |id: &str| match records(&ds, &q, id).unwrap() {
        Records::Figure(s) => (s.ids(&ds).len(), s.sum),
        Records::Ratio { .. } => panic!("{id} is a ratio"),
    };
    // P3; P1 95 + P6 20 (P3's payout is of a refunded order); the costs of
    // P1, P2 and P6's lines.
    assert_eq!(of("refund_amount"), (1, Some(Amount::Minor(25_000))));
    assert_eq!(of("marketplace_fees"), (2, Some(Amount::Minor(11_500))));
    assert_eq!(of("cogs"), (3, Some(Amount::Minor(47_000))));
}
