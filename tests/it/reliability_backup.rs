//! A backup before the first import or undo of each day (not before each),
//! the backups kept within 1.5 times the database's size, `laris backup` /
//! `laris restore`, and restores that can themselves be undone.

use std::path::Path;

use crate::common::{laris, stderr, stdout};
use laris::i18n::Lang;
use laris::store::backup::{self, Reason};
use laris::store::{Kind, Store, batches};
use rusqlite::Connection;

fn count(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap()
}

fn orders(dir: &Path, name: &str, ids: std::ops::Range<usize>) -> String {
    let mut text = String::from("order_id,date,total\n");
    for i in ids {
        text.push_str(&format!("B{i},2024-05-{:02},{}.50\n", i % 28 + 1, 2000 + i));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn imports_are_backed_up_first_and_a_restore_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let db_arg = db.to_str().unwrap();
    let first = orders(dir.path(), "maret.csv", 0..40);
    let second = orders(dir.path(), "april.csv", 40..100);

    // Into an empty database: nothing to lose, no backup.
    let out = laris(&["import", "--db", db_arg, &first]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(backup::list(&db).unwrap().is_empty());

    let out = laris(&["import", "--db", db_arg, &second]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db), 100);
    let list = backup::list(&db).unwrap();
    assert_eq!(list.len(), 1);
    let b = &list[0];
    assert_eq!(b.reason, Reason::Import("april.csv".into()));
    assert_eq!(
        b.counts.iter().find(|(k, _)| *k == Kind::Orders).unwrap().1,
        40
    );
    assert_eq!(b.records(), 40);
    assert_eq!(b.contents(Lang::En), "40 orders");
    assert_eq!(b.contents(Lang::Id), "40 pesanan");
    assert!(b.path.starts_with(dir.path().join("toko.laris.backups")));

    // The second import of the day makes none: the morning's backup and
    // the batch's own undo records cover it.
    let third = orders(dir.path(), "mei.csv", 100..110);
    let out = laris(&["import", "--db", db_arg, &third]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db), 110);
    assert_eq!(backup::list(&db).unwrap(), list);
    let mut store = Store::open(&db).unwrap();
    let batch = batches::list(store.conn()).unwrap()[0].id;
    batches::undo(store.conn_mut(), batch).unwrap();
    drop(store);
    assert_eq!(count(&db), 100);
    assert_eq!(backup::list(&db).unwrap(), list, "nor does an undo");

    let out = laris(&["restore", "--db", db_arg]);
    assert!(stdout(&out).contains("1. "), "{}", stdout(&out));
    assert!(stdout(&out).contains("before importing april.csv"));
    assert!(stdout(&out).contains("(40 orders;"), "{}", stdout(&out));

    let out = laris(&["restore", "--db", db_arg, "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db), 40);
    assert!(
        stdout(&out).contains("restore that to undo this"),
        "{}",
        stdout(&out)
    );

    // The restore backed up what it replaced: restoring that undoes it.
    let list = backup::list(&db).unwrap();
    assert_eq!(list[0].reason, Reason::Restore);
    assert_eq!(list[0].records(), 100);
    let undo = list[0].path.to_str().unwrap().to_string();
    let out = laris(&["restore", "--db", db_arg, &undo]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db), 100);

    let out = laris(&["backup", "--db", db_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Backed up to "),
        "{}",
        stdout(&out)
    );
    assert_eq!(backup::list(&db).unwrap()[0].reason, Reason::Manual);
}

#[test]
fn an_undo_is_backed_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let file = orders(dir.path(), "mei.csv", 0..25);
    let out = laris(&["import", "--db", db.to_str().unwrap(), &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut store = Store::open(&db).unwrap();
    let batch = batches::list(store.conn()).unwrap()[0].id;
    batches::undo(store.conn_mut(), batch).unwrap();
    assert_eq!(count(&db), 0);
    let list = backup::list(&db).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, Reason::Undo("mei.csv".into()));
    assert_eq!(list[0].records(), 25);
    drop(store);
    backup::restore(&db, &list[0]).unwrap();
    assert_eq!(count(&db), 25);
}

#[test]
fn restore_refuses_a_damaged_backup_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let db_arg = db.to_str().unwrap();
    let a = orders(dir.path(), "a.csv", 0..2000);
    let b = orders(dir.path(), "b.csv", 2000..2010);
    for f in [&a, &b] {
        assert!(laris(&["import", "--db", db_arg, f]).status.success());
    }
    let list = backup::list(&db).unwrap();
    let mut bytes = std::fs::read(&list[0].path).unwrap();
    let len = bytes.len();
    bytes[len / 2..].fill(0x5A);
    std::fs::write(&list[0].path, &bytes).unwrap();
    assert!(backup::restore(&db, &list[0]).is_err());
    assert_eq!(count(&db), 2010);
    // Nor is it offered as the latest good one.
    assert!(backup::latest_good(&db).is_none());
}

/// Moves a backup's recorded time back by `days` days.
fn age(backup: &Path, days: i64) {
    let meta = backup.with_extension("json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta).unwrap()).unwrap();
    let made: chrono::NaiveDateTime = serde_json::from_value(json["made_at"].clone()).unwrap();
    json["made_at"] = serde_json::to_value(made - chrono::Duration::days(days)).unwrap();
    std::fs::write(&meta, serde_json::to_vec(&json).unwrap()).unwrap();
}

#[test]
fn a_new_day_gets_a_new_backup_and_the_folder_stays_within_one_and_a_half_databases() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let db_arg = db.to_str().unwrap();
    let import = |name: &str, ids: std::ops::Range<usize>| {
        let file = orders(dir.path(), name, ids);
        let out = laris(&["import", "--db", db_arg, &file]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    import("1.csv", 0..6000);
    import("2.csv", 6000..6010);
    let yesterday = backup::list(&db).unwrap();
    assert_eq!(yesterday.len(), 1);
    assert_eq!(yesterday[0].records(), 6000);
    age(&yesterday[0].path, 1);
    // Today's first import: a backup of the 6,010 orders. With yesterday's
    // 6,000 that would be two databases' worth, more than the 1.5 kept:
    // yesterday's makes way. The next import of the day makes none.
    import("3.csv", 6010..6020);
    import("4.csv", 6020..6030);
    let list = backup::list(&db).unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].reason, Reason::Import("3.csv".into()));
    assert_eq!(list[0].records(), 6010);
    let db_size = std::fs::metadata(&db).unwrap().len();
    let kept: u64 = list.iter().map(|b| b.size).sum();
    assert!(
        kept * 2 <= db_size * 3,
        "{kept} bytes of backups, database {db_size}"
    );
    assert_eq!(count(&db), 6030);
}
