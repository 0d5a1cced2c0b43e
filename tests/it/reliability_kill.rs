//! An import killed at any moment (SIGKILL: no destructor, no rollback code
//! runs) leaves the database exactly as it was: SQLite's WAL keeps the one
//! import transaction out of the database until it commits.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{laris, stderr};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// Per table: its name, row count and a hash of every row, in id order.
fn snapshot(db: &Path) -> Vec<(String, i64, String)> {
    let conn = Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let cols = stmt.column_count();
            // Some tables have no rowid: sort the rows instead.
            let mut rows: Vec<String> = stmt
                .query_map([], |row| {
                    (0..cols)
                        .map(|i| Ok(format!("{:?}", row.get::<_, rusqlite::types::Value>(i)?)))
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|v| v.join("\u{1f}"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            let mut hash = Sha256::new();
            for row in &rows {
                hash.update(row.as_bytes());
                hash.update(b"\x1e");
            }
            let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
            (table, rows.len() as i64, hex)
        })
        .collect()
}

/// An orders file of `n` rows; a smaller one holds the first rows of a bigger.
fn orders_csv(path: &Path, n: usize) {
    let mut text = String::from("order_id,date,customer_name,channel,status,total\n");
    for i in 0..n {
        text.push_str(&format!(
            "K{i:07},2024-{:02}-{:02}T10:{:02}:00,Pelanggan {},{},paid,{}.{:02}\n",
            i % 12 + 1,
            i % 28 + 1,
            i % 60,
            i % 997,
            ["Tokopedia", "Shopee", "WhatsApp"][i % 3],
            10_000 + i * 7,
            i % 100
        ));
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn an_import_killed_at_any_point_leaves_the_database_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let db_arg = db.to_str().unwrap();
    // What is in the database before: a small import, so that the killed
    // imports also update rows, not only add them.
    let first = dir.path().join("first.csv");
    orders_csv(&first, 2_000);
    let out = laris(&["import", "--db", db_arg, first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = snapshot(&db);

    // Big enough that the import (a debug build) runs for seconds.
    let big = dir.path().join("big.csv");
    orders_csv(&big, 400_000);
    for delay_ms in [30, 150, 400, 900, 1_600, 2_500] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_laris"))
            .args(["--lang", "en", "import", "--db", db_arg])
            .arg(&big)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(delay_ms) {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let finished = child.try_wait().unwrap();
        // On Unix, kill() is SIGKILL.
        let _ = child.kill();
        let status = child.wait().unwrap();
        assert!(
            finished.is_none_or(|s| !s.success()),
            "the import finished within {delay_ms} ms: make the file bigger"
        );
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), Some(9), "killed by SIGKILL");
        }
        #[cfg(not(unix))]
        let _ = status;
        assert_eq!(snapshot(&db), before, "after a kill at {delay_ms} ms");
    }

    // The killed imports left the database usable: the same import now
    // runs to the end.
    let out = laris(&["import", "--db", db_arg, big.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let orders = snapshot(&db)
        .into_iter()
        .find(|(t, ..)| t == "orders")
        .unwrap();
    assert_eq!(orders.1, 400_000);
}
