//! Profit (profit.md) through the command line: a cost sheet, an orders
//! export with its lines and a Shopee income report imported with `laris
//! import`, then `laris report` as JSON and as a table.

use crate::common;

/// Orders in March 2024 (two on Shopee, one in the shop, one refunded) and
/// one in February; Kopi costs Rp 40.000 until 14 March and Rp 45.000 from
/// 15 March; Madu has no cost.
fn shop(dir: &std::path::Path) -> String {
    let db = dir.join("shop.laris");
    let db = db.to_str().unwrap().to_string();
    let files = [
        (
            "pesanan.csv",
            "No. Pesanan;Tanggal;Sales;Saluran;Status;Nama Produk;SKU;Jumlah;Harga Satuan\n\
             S1;02/03/2024;Sari;Shopee;Selesai;Kopi Gayo;KOP-1;2;Rp 85.000,00\n\
             S1;02/03/2024;Sari;Shopee;Selesai;Madu Hutan;;1;Rp 110.000,00\n\
             S2;20/03/2024;Budi;Shopee;Selesai;Kopi Gayo;KOP-1;1;Rp 85.000,00\n\
             T1;21/03/2024;Budi;Toko;Selesai;Kopi Gayo;KOP-1;1;Rp 85.000,00\n\
             S3;22/03/2024;Sari;Shopee;Dikembalikan;Kopi Gayo;KOP-1;1;Rp 85.000,00\n\
             F1;10/02/2024;Sari;Toko;Selesai;Kopi Gayo;KOP-1;1;Rp 80.000,00\n",
        ),
        (
            "hpp.csv",
            "SKU;Nama Produk;HPP;Berlaku Mulai\n\
             KOP-1;Kopi Gayo;Rp 40.000,00;\n\
             KOP-1;Kopi Gayo;Rp 45.000,00;15/03/2024\n",
        ),
        (
            "Income.sudah dilepas.csv",
            "No. Pesanan,Tanggal Dana Dilepaskan,Biaya Administrasi,Biaya Layanan (termasuk PPN 11%),Biaya Proses Pesanan,Total Penghasilan\n\
             S1,2024-03-06,-14000,-5600,-1250,259150\n\
             S2,2024-03-24,-5950,-2380,-1250,75420\n\
             S3,2024-03-25,-5950,-2380,-1250,75420\n",
        ),
    ];
    let mut args = vec!["import".to_string(), "--db".into(), db.clone()];
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        args.push(path.to_str().unwrap().into());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = common::laris(&args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    db
}

fn report(db: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["report", "--db", db, "--json", "--period", "month:2024-03"];
    args.extend_from_slice(extra);
    let out = common::laris(&args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_profit_id_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path());
    let r = report(&db, &[]);
    let m = &r["metrics"];
    // Paid in March: S1 170.000 + 110.000, S2 85.000, T1 85.000 = 450.000.
    assert_eq!(m["revenue"], 450_000.0);
    // S3 refunded: 1 of 4.
    assert_eq!(m["refund_amount"], 85_000.0);
    assert_eq!(m["refund_rate"], 0.25);
    // S1 (2 March): 2 x 40.000; S2 and T1 (from 15 March): 45.000 each;
    // Madu has none.
    assert_eq!(m["cogs"], 170_000.0);
    assert_eq!(m["cost_coverage"], 340_000.0 / 450_000.0);
    assert_eq!(m["gross_profit"], 280_000.0);
    assert_eq!(m["gross_margin"], 280_000.0 / 450_000.0);
    // S1 14.000 + 5.600 + 1.250 and S2 5.950 + 2.380 + 1.250, written
    // negative; S3's payout is of a refunded order.
    assert_eq!(m["marketplace_fees"], 30_430.0);
    assert_eq!(m["fee_rate"], 30_430.0 / 365_000.0);
    // No expenses imported: they count as none.
    assert_eq!(m["net_profit"], 249_570.0);
    let shopee = &m["profit_by_channel"]["Shopee"];
    assert_eq!(shopee["revenue"], 365_000.0);
    assert_eq!(shopee["cogs"], 125_000.0);
    assert_eq!(shopee["marketplace_fees"], 30_430.0);
    assert_eq!(shopee["gross_profit"], 240_000.0);
    assert_eq!(m["profit_by_channel"]["Toko"]["marketplace_fees"], 0.0);
    // Kopi 340.000 - 170.000; Madu 110.000 without a cost.
    let products = m["profit_by_product"].as_array().unwrap();
    assert_eq!(products.len(), 2);
    assert_eq!(products[0]["product"], "Kopi Gayo");
    assert_eq!(products[0]["sku"], "KOP-1");
    assert_eq!(products[0]["gross_profit"], 170_000.0);
    assert_eq!(products[0]["has_cost"], true);
    assert_eq!(products[1]["product"], "Madu Hutan");
    assert_eq!(products[1]["has_cost"], false);
    // February: F1 80.000 at 40.000, no payout; no refund of 1 order.
    let prev = &r["previous"];
    assert_eq!(prev["gross_profit"], 40_000.0);
    assert_eq!(prev["refund_rate"], 0.0);
    assert_eq!(prev["marketplace_fees"], 0.0);
    assert!(prev["fee_rate"].is_null(), "no settled revenue in February");
    for id in laris::metrics::report::METRIC_IDS {
        assert!(m.get(id).is_some(), "{id} is missing");
    }
}

#[test]
fn filters_and_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path());
    // Budi: S2 and T1, 2 x 45.000 of cost, S2's fees.
    let budi = report(&db, &["--rep", "Budi"]);
    assert_eq!(budi["metrics"]["gross_profit"], 80_000.0);
    assert_eq!(budi["metrics"]["marketplace_fees"], 9_580.0);
    let toko = report(&db, &["--channel", "Toko"]);
    assert_eq!(toko["metrics"]["cogs"], 45_000.0);
    assert!(toko["metrics"]["fee_rate"].is_null());
    // Nothing in March 2023.
    let last_year = report(&db, &["--compare", "last-year"]);
    assert_eq!(last_year["previous"]["gross_profit"], 0.0);
    assert!(last_year["previous"]["gross_margin"].is_null());
}

#[test]
fn the_table_has_a_profit_section_and_says_what_has_no_cost() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_laris"))
        .args([
            "--lang",
            "id",
            "report",
            "--db",
            &db,
            "--period",
            "month:2024-03",
        ])
        .output()
        .unwrap();
    let text = common::stdout(&out);
    assert!(out.status.success(), "{}", common::stderr(&out));
    // The last line of a label: top products name them before the profit.
    let line = |label: &str| {
        text.lines()
            .rfind(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label}:\n{text}"))
            .to_string()
    };
    // With a cost missing, the profits are marked as the cards mark them.
    assert!(line("≈ Laba kotor").contains("Rp 280.000"));
    assert!(line("≈ Laba bersih").contains("Rp 249.570"));
    // 75,6% of the sales have a cost, 100% in February: 24,4 points down.
    assert!(line("Penjualan yang ada HPP-nya").contains("-24,4 poin"));
    assert!(line("Madu Hutan").contains("HPP belum ada"));
    assert!(
        text.contains("≈ HPP belum ada untuk 1 produk, Rp 110 rb penjualan"),
        "{text}"
    );
}
