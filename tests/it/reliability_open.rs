//! Every way a database can fail to open gets a plain-language problem and a
//! way forward, and the file is never changed by the attempt.

use crate::common;

use std::path::Path;

use crate::common::{laris, stderr, stdout};
use laris::i18n::Lang;
use laris::import::{self, ReadOptions};
use laris::store::Store;
use laris::store::open::{Problem, open_checked};
use rusqlite::Connection;

fn orders(dir: &Path, name: &str, rows: std::ops::Range<usize>) -> std::path::PathBuf {
    let mut text = String::from("order_id,date,customer_name,total\n");
    for i in rows {
        text.push_str(&format!(
            "A{i},2024-03-{:02},Bu Sari {i},{}.00\n",
            i % 28 + 1,
            1000 + i
        ));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(store: &mut Store, file: &Path) -> Result<(), laris::store::StoreError> {
    let files = import::read_file(file, &ReadOptions::default()).unwrap();
    import::store_files(store, &files, &mut |_| true).map(|_| ())
}

fn count(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_damaged_database_is_refused_untouched_and_its_latest_backup_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    {
        let mut store = Store::open(&db).unwrap();
        import(&mut store, &orders(dir.path(), "a.csv", 0..3000)).unwrap();
        // This import is backed up first: the backup holds the 3000.
        import(&mut store, &orders(dir.path(), "b.csv", 3000..3500)).unwrap();
    }
    // Scribble over pages in the middle of the file, as a failing disk does.
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 40_000);
    for b in &mut bytes[8192..24_576] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();

    let problem = open_checked(&db).unwrap_err();
    assert!(
        matches!(problem.problem, Problem::Damaged { .. }),
        "{problem:?}"
    );
    let backup = problem.latest_backup.clone().expect("a backup is offered");
    assert_eq!(backup.records(), 3000);
    assert!(problem.message(Lang::En).contains("toko.laris is damaged"));
    assert!(problem.message(Lang::Id).contains("toko.laris rusak"));

    // The command line refuses to write to it, and says how to restore.
    let file = orders(dir.path(), "c.csv", 4000..4010);
    let out = common::import(&db, &file);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is damaged"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("laris restore --latest"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "not touched");

    let out = laris(&["restore", "--db", db.to_str().unwrap(), "--latest"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("The damaged file was kept as"),
        "{}",
        stdout(&out)
    );
    assert_eq!(count(&db), 3000);
    assert!(open_checked(&db).is_ok());
    // The damaged file is kept, byte for byte.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("toko.laris.damaged-")
        })
        .filter(|e| !e.file_name().to_string_lossy().ends_with("-wal"))
        .filter(|e| !e.file_name().to_string_lossy().ends_with("-shm"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(kept[0].path()).unwrap(), bytes);
}

#[test]
fn a_file_damaged_after_a_command_line_import_is_refused_by_the_next_one() {
    // `laris import` skips the whole-file check when the file is as its last
    // import left it today; a scribble right after must still be caught.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    for (name, rows) in [("a.csv", 0..3000), ("b.csv", 3000..3500)] {
        let out = common::import(&db, &orders(dir.path(), name, rows));
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(laris::store::seal::holds(&db), "the import sealed the file");
    let out = common::import(&db, &orders(dir.path(), "c.csv", 3500..3600));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db), 3600);

    let mut bytes = std::fs::read(&db).unwrap();
    for b in &mut bytes[8192..24_576] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let out = common::import(&db, &orders(dir.path(), "d.csv", 4000..4010));
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stderr(&out).contains("is damaged"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "not touched");
}

#[test]
fn a_newer_or_foreign_file_is_named_as_such_and_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("future.laris");
    Connection::open(&newer)
        .unwrap()
        .execute_batch(
            "PRAGMA application_id = 1279349331; PRAGMA user_version = 99; CREATE TABLE orders(x);",
        )
        .unwrap();
    let foreign = dir.path().join("notes.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes(text TEXT)")
        .unwrap();
    let text = dir.path().join("readme.laris");
    std::fs::write(
        &text,
        "hello, this is a text file and no database at all\n".repeat(50),
    )
    .unwrap();
    for (path, expected) in [
        (
            &newer,
            Problem::NewerVersion {
                found: 99,
                supported: laris::store::schema_version(),
            },
        ),
        (&foreign, Problem::NotLaris),
        (&text, Problem::NotLaris),
    ] {
        let before = std::fs::read(path).unwrap();
        let problem = open_checked(path).unwrap_err();
        assert_eq!(problem.problem, expected, "{}", path.display());
        assert!(!problem.problem.can_open_read_only());
        assert_eq!(std::fs::read(path).unwrap(), before);
    }
    let msg = open_checked(&newer).unwrap_err().message(Lang::Id);
    assert!(
        msg.contains("future.laris ditulis oleh Laris versi yang lebih baru"),
        "{msg}"
    );
}

#[test]
fn a_database_open_in_another_window_can_be_opened_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let (mut store, _lock) = open_checked(&db).unwrap();
    import(&mut store, &orders(dir.path(), "a.csv", 0..10)).unwrap();
    let problem = open_checked(&db).unwrap_err();
    assert_eq!(problem.problem, Problem::InUse);
    assert!(problem.problem.can_open_read_only());
    assert!(
        problem
            .message(Lang::En)
            .contains("toko.laris is already open in another Laris window")
    );
    let reader = Store::open_read_only(&db).unwrap();
    let n: i64 = reader
        .conn()
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 10);
    assert!(
        reader.conn().execute("DELETE FROM orders", []).is_err(),
        "read-only"
    );
}

#[test]
fn a_full_disk_stops_the_import_with_its_message_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &orders(dir.path(), "a.csv", 0..100)).unwrap();
    // SQLite's own ceiling on the file's pages: the disk is "full" at the
    // size the database has now.
    let pages: i64 = store
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .conn()
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let err = import(&mut store, &orders(dir.path(), "b.csv", 100..20_000)).unwrap_err();
    let problem = Problem::of(&err);
    assert_eq!(problem, Problem::DiskFull, "{err}");
    assert!(problem.can_open_read_only());
    let msg = problem.message(Lang::En, &db);
    assert!(msg.contains("toko.laris is full"), "{msg}");
    drop(store);
    assert_eq!(count(&db), 100);
}

#[test]
fn a_file_this_user_may_not_change_is_offered_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    {
        let mut store = Store::open(&db).unwrap();
        import(&mut store, &orders(dir.path(), "a.csv", 0..10)).unwrap();
    }
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    if std::fs::OpenOptions::new().append(true).open(&db).is_ok() {
        // Root (as in some containers) may write anyway: nothing to test.
        eprintln!("skipped: this user can write to a read-only file");
        return;
    }
    let problem = open_checked(&db).unwrap_err();
    assert_eq!(problem.problem, Problem::ReadOnly);
    assert!(problem.message(Lang::En).contains("can only be read"));
    let reader = Store::open_read_only(&db).unwrap();
    let n: i64 = reader
        .conn()
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 10);
    // A report only reads: it works on such a file.
    let out = laris(&[
        "report",
        "--db",
        db.to_str().unwrap(),
        "--period",
        "month:2024-03",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_path_with_non_ascii_characters_simply_works() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Toko Ümit");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("penjualan 2024 – ä.laris");
    let db_arg = db.to_str().unwrap();
    let a = orders(&folder, "pesanan é.csv", 0..20);
    let b = orders(&folder, "pesanan ü.csv", 20..30);
    for file in [&a, &b] {
        let out = laris(&["import", "--db", db_arg, file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(count(&db), 30);
    // The second import was backed up first, beside the database.
    let out = laris(&["restore", "--db", db_arg, "--list"]);
    assert!(
        stdout(&out).contains("before importing pesanan ü.csv"),
        "{}",
        stdout(&out)
    );
    let out = laris(&["restore", "--db", db_arg, "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db), 20);
    let (_store, _lock) = open_checked(&db).unwrap();
    let reader = Store::open_read_only(&db).unwrap();
    assert_eq!(reader.path(), db.as_path());
    let out = laris(&[
        "report",
        "--db",
        db_arg,
        "--period",
        "month:2024-03",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}
