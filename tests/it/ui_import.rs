//! The import wizard, walked like a user would: drop a file, change a
//! column's field, look at the preview and the problem rows, import.

use crate::common::{app_config, drop_file, query, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::ui::LarisApp;

/// The app on `db` in `lang`, in a window of `size` points.
fn app(db: &std::path::Path, lang: Lang, size: [f32; 2]) -> Harness<'static, LarisApp> {
    let config = app_config(db, lang);
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| LarisApp::new(cc, config))
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
    let mut h = app(&db, Lang::En, [1280.0, 900.0]);
    wait_for(&mut h, "Try the sample shop");

    drop_file(&mut h, &file);
    wait_for(&mut h, "Import penjualan.csv");
    wait_for(&mut h, "Orders as they will be stored");
    // The impossible date is listed with its row and value; the valid rows
    // are in the preview as they will be stored.
    assert!(h.query_by_label("31/02/2024").is_some());
    assert!(h.query_by_label("Rp 1,250,000").is_some());
    assert!(h.query_by_label("5 Mar 2024").is_some());

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
    // The first import opens the figures, and says what it filled (the
    // ten figures of orders alone: eight of sales, two of refunds) and what
    // to import next: activities fill ten more (catalog::next_imports).
    wait_for(&mut h, "Revenue");
    let next = "Your import filled 10 more figures. \
                Import your sales activities to see Activities and 9 more figures.";
    wait_for(&mut h, next);
    assert!(h.query_by_label("Import a file…").is_some());
    h.get_by_label("Hide").click();
    h.run_steps(2);
    assert!(h.query_by_label(next).is_none());
    // The Data tab has the import in the history.
    h.get_by_label("Data").click();
    wait_for(&mut h, "Import history");
}

#[test]
fn the_wizard_finds_a_key_by_its_values_and_asks_for_the_date_it_cannot_tell() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    // Two unknown names: the key is clear from its values, the date is not
    // (two columns of dates).
    let file = dir.path().join("kas.csv");
    std::fs::write(
        &file,
        "Kode,Dibuat,Dikirim,Nama Pelanggan,Total\n\
         T-1,2024-03-05,2024-03-07,Sari,125000\n\
         T-2,2024-03-06,2024-03-09,Budi,80000\n",
    )
    .unwrap();
    let mut h = app(&db, Lang::En, [1280.0, 900.0]);
    wait_for(&mut h, "Try the sample shop");

    drop_file(&mut h, &file);
    wait_for(&mut h, "Which column holds the date?");
    // The likeliest come first; one click reads the file again with it.
    h.get_by_label("Dibuat · likeliest").click();
    wait_for(&mut h, "Orders as they will be stored");
    // The key was matched by its values, the others by their names.
    assert!(h.query_by_label("its values (100.0%)").is_some());
    assert!(h.query_by_label("your choice").is_some());
    assert_eq!(
        h.query_all_by_label("its name (100.0%)").count(),
        2,
        "name, total"
    );
    h.get_by_label("Import 2 rows").click();
    wait_for(
        &mut h,
        "kas.csv (orders): 2 added, 0 updated, 0 unchanged, 0 skipped",
    );
    assert_eq!(
        query(
            &db,
            "SELECT order_id || ' ' || date FROM orders ORDER BY order_id"
        ),
        ["T-1 2024-03-05", "T-2 2024-03-06"]
    );
}

#[test]
fn the_preview_says_statuses_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let file = dir.path().join("pesanan.csv");
    std::fs::write(
        &file,
        "No. Pesanan,Tanggal,Status Pesanan,Total\n\
         A-1,2024-03-05,Selesai,125000\n\
         A-2,2024-03-06,Batal,80000\n",
    )
    .unwrap();
    let mut h = app(&db, Lang::Id, [1366.0, 768.0]);
    wait_for(&mut h, "Coba toko contoh");
    drop_file(&mut h, &file);
    wait_for(&mut h, "Impor pesanan.csv");
    // Stored as `paid` and `cancelled`, shown as the records view shows them.
    wait_for(&mut h, "Lunas");
    assert!(h.query_by_label("Dibatalkan").is_some());
    assert!(h.query_by_label("paid").is_none());
    assert!(h.query_by_label("cancelled").is_none());
}

#[test]
fn a_file_in_another_currency_imports_only_at_the_rate_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let idr = dir.path().join("kasir.csv");
    std::fs::write(&idr, "No. Pesanan;Tanggal;Total\nK1;05/01/2024;Rp 85.000\n").unwrap();
    assert!(crate::common::import(&db, &idr).status.success());
    let usd = dir.path().join("shop.csv");
    std::fs::write(&usd, "Order ID,Date,Total (USD)\nS1,2024-01-06,12.50\n").unwrap();
    let mut h = app(&db, Lang::En, [1280.0, 900.0]);
    wait_for(&mut h, "Revenue");
    drop_file(&mut h, &usd);
    wait_for(
        &mut h,
        "This file's amounts are in USD, and this database keeps IDR. How many IDR is 1 USD?",
    );
    assert!(
        h.query_by_label("Type the rate to import this file converted.")
            .is_some()
    );
    h.get_by_label("Rate").click();
    h.run_steps(2);
    h.get_by_label("Rate").type_text("16250");
    h.run_steps(2);
    h.get_by_label("Import 1 row").click();
    wait_for(
        &mut h,
        "shop.csv: its amounts in USD were converted into this database's currency at 16250.",
    );
    assert_eq!(
        query(&db, "SELECT total_minor FROM orders WHERE order_id = 'S1'"),
        ["20312500"]
    );
    h.get_by_label("Data").click();
    wait_for(&mut h, "converted from USD at 16250");
}

/// The branch typed in the wizard goes with the import: the same order
/// number as the shop's stays a second order; the filter bar then offers
/// the branch, and choosing it shows that branch's revenue alone.
#[test]
fn the_branch_typed_in_the_wizard_goes_with_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let shop = dir.path().join("kasir.csv");
    std::fs::write(
        &shop,
        "No. Pesanan;Tanggal;Total\nK1;05/01/2024;Rp 85.000\n",
    )
    .unwrap();
    assert!(crate::common::import(&db, &shop).status.success());
    let outlet = dir.path().join("bandung.csv");
    std::fs::write(
        &outlet,
        "No. Pesanan;Tanggal;Total\nK1;06/01/2024;Rp 40.000\n",
    )
    .unwrap();
    let mut h = app(&db, Lang::En, [1280.0, 900.0]);
    wait_for(&mut h, "Revenue");
    drop_file(&mut h, &outlet);
    wait_for(&mut h, "Import bandung.csv");
    // Offered once the file is read, with its preview.
    wait_for(&mut h, "Branch (outlet)");
    h.get_by_label("Branch (outlet)").click();
    h.run_steps(2);
    h.get_by_label("Branch (outlet)").type_text(" Bandung ");
    h.run_steps(2);
    h.get_by_label("Import 1 row").click();
    wait_for(
        &mut h,
        "bandung.csv (orders, branch Bandung): 1 added, 0 updated, 0 unchanged, 0 skipped",
    );
    assert_eq!(
        query(
            &db,
            "SELECT branch || '|' || order_id || '|' || total_minor FROM orders ORDER BY id"
        ),
        ["|K1|8500000", "Bandung|K1|4000000"]
    );
    assert_eq!(
        query(&db, "SELECT branch FROM import_batches ORDER BY id"),
        ["", "Bandung"]
    );
    wait_for(&mut h, "Rp 125,000");
    assert!(h.query_by_label("Rp 40,000").is_none());
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Branch")
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Bandung")
        .click_accesskit();
    wait_for(&mut h, "Rp 40,000");
    assert!(h.query_by_label("Rp 125,000").is_none());
    // The shop's own records, imported without a branch, are a choice too.
    // A choice made through accesskit leaves its list open: closed first.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Branch")
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "no branch (the shop's own)")
        .click_accesskit();
    wait_for(&mut h, "Rp 85,000");
    assert!(h.query_by_label("Rp 40,000").is_none());
    // The import history says which import was the branch's.
    h.get_by_label("Data").click();
    wait_for(&mut h, "branch Bandung");
}

/// A branch's own Laris database dropped on the window imports as that
/// branch, with nothing to map; the window's own database is refused.
#[test]
fn a_branchs_laris_database_imports_from_the_wizard_with_nothing_to_map() {
    let dir = tempfile::tempdir().unwrap();
    let outlet = dir.path().join("bandung.laris");
    let orders = dir.path().join("kasir.csv");
    std::fs::write(
        &orders,
        "No. Pesanan;Tanggal;Total\nK1;05/01/2024;Rp 85.000\nK2;06/01/2024;Rp 40.000\n",
    )
    .unwrap();
    assert!(crate::common::import(&outlet, &orders).status.success());
    let db = dir.path().join("toko.laris");
    assert!(crate::common::import(&db, &orders).status.success());
    let mut h = app(&db, Lang::En, [1366.0, 768.0]);
    wait_for(&mut h, "Revenue");

    drop_file(&mut h, &db);
    let itself = format!(
        "{} is the database you are importing into: imported into itself, it would hold \
         every record twice. To bring in a branch's records, import that branch's own Laris \
         file; nothing was written.",
        db.display()
    );
    wait_for(&mut h, &itself);
    assert!(h.query_by_label("What the file holds").is_none());
    h.get_by_label("Skip this file").click();
    h.run_steps(2);

    drop_file(&mut h, &outlet);
    wait_for(&mut h, "Import bandung.laris");
    wait_for(&mut h, "Orders as they will be stored");
    assert!(
        h.query_by_label_contains("This is a Laris database")
            .is_some()
    );
    for mapping_only in ["What the file holds", "Columns", "Save mapping"] {
        assert!(h.query_by_label(mapping_only).is_none(), "{mapping_only}");
    }
    h.get_by_label("Branch (outlet)").click();
    h.run_steps(2);
    h.get_by_label("Branch (outlet)").type_text("Bandung");
    h.run_steps(2);
    h.get_by_label("Import 2 rows").click();
    wait_for(
        &mut h,
        "bandung.laris (orders, branch Bandung): 2 added, 0 updated, 0 unchanged, 0 skipped",
    );
    assert_eq!(
        query(
            &db,
            "SELECT branch || '|' || order_id || '|' || total_minor FROM orders ORDER BY id"
        ),
        [
            "|K1|8500000",
            "|K2|4000000",
            "Bandung|K1|8500000",
            "Bandung|K2|4000000"
        ]
    );
}

#[test]
fn without_a_system_file_dialog_the_import_button_opens_the_in_app_browser() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    // app_config asks for Laris's own browser, as on a desktop with no
    // portal and no zenity.
    let mut h = app(&db, Lang::Id, [1366.0, 768.0]);
    wait_for(&mut h, "Coba toko contoh");
    h.get_by_label("Impor file…").click();
    // egui_file puts its folder mark before the title.
    wait_for(&mut h, "📂  Pilih file");
    assert!(
        h.query_by_label("Buka").is_some(),
        "its buttons speak Indonesian"
    );
    h.get_by_label("Batal").click();
    // Cancelled: the browser goes and the buttons work again.
    wait_gone(&mut h, "📂  Pilih file");
    h.get_by_label("Impor file…").click();
    wait_for(&mut h, "📂  Pilih file");
}

#[test]
fn the_file_browser_opens_where_the_last_file_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let exports = dir.path().join("ekspor");
    std::fs::create_dir(&exports).unwrap();
    let file = exports.join("pesanan.csv");
    std::fs::write(&file, "No. Pesanan,Tanggal,Total\nA-1,2024-03-05,125000\n").unwrap();
    let folder = exports.to_str().unwrap();
    let mut h = app(&db, Lang::En, [1366.0, 768.0]);
    wait_for(&mut h, "Try the sample shop");
    let title = "📂  Choose a file";
    // Before any file, the browser opens at Downloads (or home).
    h.get_by_label("Import a file…").click();
    wait_for(&mut h, title);
    // The browser's path field (and its text run) holds the folder shown.
    assert!(h.query_all_by_value(folder).next().is_none());
    h.get_by_label("Cancel").click();
    wait_gone(&mut h, title);

    // A file dropped from the folder, then the wizard closed unused.
    drop_file(&mut h, &file);
    wait_for(&mut h, "Import pesanan.csv");
    h.get_by_label("Cancel").click();
    wait_gone(&mut h, "Import pesanan.csv");
    h.get_by_label("Import a file…").click();
    wait_for(&mut h, title);
    assert!(
        h.query_all_by_value(folder).next().is_some(),
        "the browser's path is the dropped file's folder"
    );
}

/// Steps frames until nothing labelled `label` is on screen.
fn wait_gone(h: &mut Harness<'static, LarisApp>, label: &str) {
    for _ in 0..50 {
        h.step();
        if h.query_by_label(label).is_none() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{label:?} is still on screen");
}
