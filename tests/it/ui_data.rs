//! The window, driven like a user would: by the labels on screen.

use std::path::Path;

use crate::common::{app_config, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::format;
use laris::i18n::Lang;
use laris::store::Kind;
use laris::ui::LarisApp;
use rusqlite::Connection;

fn harness(db: &Path, lang: Lang) -> Harness<'static, LarisApp> {
    let config = app_config(db, lang);
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| LarisApp::new(cc, config))
}

fn stored(db: &Path, kind: Kind) -> u64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {}", kind.table()), [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap() as u64
}

/// The app on a new database, after "Try the sample shop" was clicked and
/// the shop is in.
fn sample_shop(db: &Path) -> Harness<'static, LarisApp> {
    let mut h = harness(db, Lang::En);
    wait_for(&mut h, "Try the sample shop");
    h.get_by_label("Try the sample shop").click();
    // The shop opens on its figures; the Data tab is one click away.
    wait_for(&mut h, "Revenue");
    h.get_by_label("Data").click();
    wait_for(&mut h, "Import history");
    h
}

#[test]
fn sample_shop_fills_the_data_tab_with_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.laris");
    let h = sample_shop(&db);

    for kind in Kind::ALL {
        let n = stored(&db, kind);
        assert!(n > 0, "{kind} is empty");
        let name = Lang::En.tr(&format!("kind-{}", kind.table()));
        assert!(
            h.query_all_by_label(&name).next().is_some(),
            "{name} not on the Data tab"
        );
        let shown = format::count(Lang::En, n as i64);
        assert!(
            h.query_all_by_label(&shown).next().is_some(),
            "{kind}: {shown} not shown"
        );
    }
    assert_eq!(stored(&db, Kind::Orders), 300);
    assert!(h.query_all_by_label("300").next().is_some());
    // One import batch per kind, each with its own Undo.
    assert_eq!(h.query_all_by_label("Undo").count(), Kind::ALL.len());
}

#[test]
fn undo_asks_first_then_removes_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.laris");
    let mut h = sample_shop(&db);
    let subscriptions = stored(&db, Kind::Subscriptions);
    assert!(subscriptions > 0);

    // The newest batch comes first: the sample shop's subscriptions.
    h.query_all_by_label("Undo").next().unwrap().click();
    wait_for(&mut h, "Undo this import?");
    h.get_by_label("Keep it").click();
    h.step();
    h.step();
    assert!(h.query_by_label("Undo this import?").is_none());
    assert_eq!(
        stored(&db, Kind::Subscriptions),
        subscriptions,
        "cancel keeps the data"
    );

    h.query_all_by_label("Undo").next().unwrap().click();
    wait_for(&mut h, "Undo import");
    h.get_by_label("Undo import").click();
    wait_for(&mut h, "Undone");
    assert_eq!(stored(&db, Kind::Subscriptions), 0);
    assert_eq!(h.query_all_by_label("Undo").count(), Kind::ALL.len() - 1);
    assert!(
        h.query_by_label_contains("Undone: sample-shop-subscriptions.csv")
            .is_some()
    );
}

#[test]
fn welcome_screen_speaks_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir.path().join("kosong.laris"), Lang::Id);
    wait_for(&mut h, "Selamat datang di Laris");
    assert!(h.query_by_label("Coba toko contoh").is_some());
    assert!(h.query_by_label("Impor file…").is_some());
}
