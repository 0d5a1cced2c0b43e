//! User values never become SQL, and the app has no way to reach the network.

use crate::common::{import, stderr};
use rusqlite::Connection;

#[test]
fn names_that_look_like_sql_are_stored_verbatim_and_harm_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let hostile = [
        "'); DROP TABLE orders;--",
        "Robert'); DELETE FROM import_batches; --",
        "\" OR 1=1 --",
        "x' || (SELECT sqlite_version()) || '",
    ];
    let mut csv = String::from("order_id,date,customer_name,rep,channel,total\n");
    for (i, name) in hostile.iter().enumerate() {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        csv.push_str(&format!(
            "{quoted},2024-01-0{},{quoted},{quoted},{quoted},10.00\n",
            i + 1
        ));
    }
    let file = dir.path().join("'; DROP TABLE orders; --.csv");
    std::fs::write(&file, csv).unwrap();
    let out = import(&db, &file);
    assert!(out.status.success(), "{}", stderr(&out));

    let conn = Connection::open(&db).unwrap();
    let stored: Vec<(String, String, String, String)> = conn
        .prepare("SELECT order_id, customer_name, rep, channel FROM orders ORDER BY date")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected: Vec<(String, String, String, String)> = hostile
        .iter()
        .map(|n| (n.to_string(), n.to_string(), n.to_string(), n.to_string()))
        .collect();
    assert_eq!(stored, expected);
    let (batches, file_name): (i64, String) = conn
        .query_row(
            "SELECT count(*), max(file_name) FROM import_batches",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (batches, file_name.as_str()),
        (1, "'; DROP TABLE orders; --.csv")
    );
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // 13 kinds, import_batches, batch_changes, settings, display_names,
    // data_revision, returns, rep_names.
    assert_eq!(tables, 20, "every table is still there");
}

/// Laris makes no network connections: no HTTP, TLS or socket library is
/// built into it (tokio is listed, for wasm-bindgen-futures, a web-only
/// dependency, without its network driver mio).
/// A cheap guard against one arriving with a new dependency.
#[test]
fn no_network_library_is_in_the_build() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.contains(&"rusqlite"), "Cargo.lock was read");
    for net in [
        "reqwest",
        "ureq",
        "hyper",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "rustls",
        "native-tls",
        "openssl",
        "mio",
        "socket2",
        "tungstenite",
    ] {
        assert!(!names.contains(&net), "{net} is in Cargo.lock");
    }
}
