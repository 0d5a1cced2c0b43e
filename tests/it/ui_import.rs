//! The import wizard, walked like a user would: drop a file, change a
//! column's field, look at the preview and the problem rows, import.

use std::path::Path;

use crate::common::{app_config, drop_file, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::ui::LarisApp;

fn query(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn wizard_maps_previews_lists_problems_and_imports_the_valid_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let file = dir.path().join("penjualan.csv");
    std::fs::write(
        &file,
        "No. Pesanan;Tanggal;Pelanggan;Total;Catatan\n\
         A-1;05/03/2024;Sari;Rp 1.250.000,00;Toko\n\
         A-2;31/02/2024;Budi;Rp 50.000;WhatsApp\n\
         A-3;06/03/2024;Dewi;Rp 75.000;Shopee\n",
    )
    .unwrap();
    let config = app_config(&db, Lang::En);
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| LarisApp::new(cc, config));
    wait_for(&mut h, "Try the sample shop");

    drop_file(&mut h, &file);
    wait_for(&mut h, "Import penjualan.csv");
    wait_for(&mut h, "Orders as they will be stored");
    // The impossible date is listed with its row and value; the valid rows
    // are in the preview as they will be stored.
    assert!(h.query_by_label("31/02/2024").is_some());
    assert!(h.query_by_label("1,250,000.00").is_some());
    assert!(h.query_by_label("2024-03-05").is_some());

    // "Catatan" is not a field Laris knows: make it the channel.
    h.get_by_label("Catatan").click();
    h.run_steps(2);
    // The choice in the opened list (the preview's column header is a label).
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Channel")
        .click_accesskit();
    wait_for(&mut h, "Shopee");

    h.get_by_label("Import 2 valid rows, skip 1").click();
    wait_for(
        &mut h,
        "penjualan.csv (orders): 2 added, 0 updated, 0 unchanged, 1 skipped",
    );
    assert_eq!(
        query(
            &db,
            "SELECT order_id || ' ' || channel || ' ' || total_minor FROM orders ORDER BY order_id"
        ),
        ["A-1 Toko 125000000", "A-3 Shopee 7500000"]
    );
    // The first import opens the figures; the Data tab has it in the history.
    wait_for(&mut h, "Revenue");
    h.get_by_label("Data").click();
    wait_for(&mut h, "Import history");
}
