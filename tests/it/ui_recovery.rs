//! The recovery screen and the backup list, with a made-up problem and
//! made-up backups: they show the message and answer with the user's choice.

use crate::common;

use std::path::PathBuf;

use crate::common::{app_config, drop_file, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::store::Kind;
use laris::store::backup::{BackupInfo, Reason};
use laris::store::open::{OpenProblem, Problem};
use laris::ui::LarisApp;
use laris::ui::backups::{self, BackupAction};
use laris::ui::recovery::{self, RecoveryAction};

fn backup(hour: u32, reason: Reason, orders: u64) -> BackupInfo {
    BackupInfo {
        path: PathBuf::from(format!(
            "/toko/toko.laris.backups/20260310-{hour:02}0000-000.laris"
        )),
        made_at: chrono::NaiveDate::from_ymd_opt(2026, 3, 10)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap(),
        reason,
        counts: vec![
            (Kind::Orders, orders),
            (Kind::Leads, 0),
            (Kind::Expenses, 12),
        ],
        size: 3 * 1_048_576 / 2,
    }
}

/// With the app's fonts and look, which the screens' headings use.
fn builder<S>() -> egui_kittest::HarnessBuilder<S> {
    Harness::<S>::builder().with_context_setup(|ctx| {
        laris::view::theme::install_fonts(ctx);
        laris::view::theme::apply(ctx);
    })
}

fn recovery_screen(problem: OpenProblem, lang: Lang) -> Harness<'static, Option<RecoveryAction>> {
    builder().with_size([900.0, 700.0]).build_ui_state(
        move |ui, chosen: &mut Option<RecoveryAction>| {
            if let Some(action) = recovery::show(ui, lang, &problem) {
                *chosen = Some(action);
            }
        },
        None,
    )
}

#[test]
fn a_damaged_database_offers_its_latest_backup() {
    let latest = backup(9, Reason::Import("maret.csv".into()), 1250);
    let problem = OpenProblem {
        path: PathBuf::from("/toko/toko.laris"),
        problem: Problem::Damaged {
            detail: "Tree 2 page 3 cell 0: invalid page number 2863311530".into(),
        },
        latest_backup: Some(latest.clone()),
    };
    let mut h = recovery_screen(problem, Lang::En);
    h.run();
    h.get_by_label("This database is damaged");
    h.get_by_label(
        "From 10 Mar 2026, 09:00, before importing maret.csv: 1,250 orders, 12 expenses. The damaged file is kept beside it.",
    );
    // Read-only is no way forward for a damaged file.
    assert!(h.query_by_label("Open read-only").is_none());
    h.get_by_label("Restore the latest backup").click();
    h.run();
    assert_eq!(h.state(), &Some(RecoveryAction::RestoreBackup(latest)));
}

#[test]
fn a_database_in_use_offers_read_only_in_indonesian() {
    let problem = OpenProblem {
        path: PathBuf::from("/toko/toko.laris"),
        problem: Problem::InUse,
        latest_backup: None,
    };
    let mut h = recovery_screen(problem, Lang::Id);
    h.run();
    h.get_by_label("Sudah terbuka di jendela Laris lain");
    assert!(h.query_by_label("Pulihkan cadangan terakhir").is_none());
    h.get_by_label("Buka dalam mode hanya baca").click();
    h.run();
    assert_eq!(h.state(), &Some(RecoveryAction::OpenReadOnly));
    h.get_by_label("Mulai database baru…").click();
    h.run();
    assert_eq!(h.state(), &Some(RecoveryAction::CreateNew));
}

#[test]
fn the_backup_list_shows_when_why_and_what_and_answers_restore() {
    let list = vec![
        backup(11, Reason::Undo("april.csv".into()), 900),
        backup(9, Reason::Manual, 800),
    ];
    let shown = list.clone();
    let mut h = builder().with_size([900.0, 500.0]).build_ui_state(
        move |ui, chosen: &mut Option<BackupAction>| {
            if let Some(action) = backups::show(ui, Lang::Id, &shown) {
                *chosen = Some(action);
            }
        },
        None,
    );
    h.run();
    h.get_by_label("sebelum mengurungkan impor april.csv");
    h.get_by_label("dibuat manual");
    h.get_by_label("900 pesanan, 12 pengeluaran · 1,5 MB");
    let restore: Vec<_> = h.query_all_by_label("Pulihkan…").collect();
    assert_eq!(restore.len(), 2);
    restore[1].click();
    h.run();
    assert_eq!(h.state(), &Some(BackupAction::Restore(list[1].clone())));
    h.get_by_label("Cadangkan sekarang").click();
    h.run();
    assert_eq!(h.state(), &Some(BackupAction::BackUpNow));
}

/// A few frames, for what just appeared to take its place: a click goes
/// where a widget was on the frame before.
fn settle(h: &mut Harness<'_, LarisApp>) {
    for _ in 0..3 {
        h.step();
    }
}

#[test]
fn opened_read_only_the_app_says_so_and_greys_out_import_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, "order_id,date,total\nA1,2024-03-05,100\n").unwrap();
    assert!(common::import(&db, &file).status.success());
    let orders = || -> i64 {
        rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
            .unwrap()
    };
    // Another Laris window has the file open.
    let _other_window = laris::store::open::AppLock::acquire(&db)
        .unwrap()
        .expect("a lock file can be made here");
    let config = app_config(&db, Lang::En);
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| LarisApp::new(cc, config));
    wait_for(&mut h, "Open read-only");
    settle(&mut h);
    h.get_by_label("Open read-only").click();
    wait_for(&mut h, "Read-only");
    let refused = &Lang::En.tr("read-only-refused");

    // A dropped file opens no wizard: the app says why.
    drop_file(&mut h, &file);
    wait_for(&mut h, refused);
    assert!(h.query_by_label("Import orders.csv").is_none());
    // Once the notice has its place (a frame later), Close removes it.
    settle(&mut h);
    h.get_by_label("Close").click();
    settle(&mut h);
    assert!(h.query_by_label(refused).is_none());

    // Import and Undo are greyed out: nothing to click that would fail.
    h.get_by_label("Data").click();
    wait_for(&mut h, "Import history");
    settle(&mut h);
    use egui_kittest::kittest::NodeT;
    for label in ["Undo", "Import a file…"] {
        let button = h.get_by_label(label);
        assert!(button.accesskit_node().is_disabled(), "{label} is enabled");
        button.click();
    }
    settle(&mut h);
    assert!(h.query_by_label("Undo import").is_none());
    assert_eq!(orders(), 1, "the order is still there");
}
