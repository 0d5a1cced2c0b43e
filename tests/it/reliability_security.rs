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

/// Laris talks to no server but the PostgreSQL one a user names with
/// `--db postgres://...` (docs/postgres.md): no HTTP or other network
/// library is built in, and the socket and TLS crates arrive only with the
/// PostgreSQL client. A cheap guard against a network library arriving with
/// a new dependency.
#[test]
fn the_only_network_code_is_the_postgresql_client() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    // Each package of the lock file: its name and the names it depends on.
    let packages: Vec<(&str, Vec<&str>)> = lock
        .split("[[package]]")
        .filter_map(|p| {
            let name = p.lines().find_map(|l| l.strip_prefix("name = \""))?;
            let deps = p
                .lines()
                .filter_map(|l| l.trim().strip_prefix('"'))
                .map(|d| d.split([' ', '"']).next().unwrap_or(d))
                .collect();
            Some((name.trim_end_matches('"'), deps))
        })
        .collect();
    let names: Vec<&str> = packages.iter().map(|(n, _)| *n).collect();
    assert!(names.contains(&"rusqlite"), "Cargo.lock was read");
    for net in [
        "reqwest",
        "ureq",
        "hyper",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "native-tls",
        "openssl",
        "tungstenite",
    ] {
        assert!(!names.contains(&net), "{net} is in Cargo.lock");
    }
    // Who brings in sockets and TLS: the PostgreSQL client, the runtime it
    // runs on and its TLS glue, and laris-core, which gives that client its
    // TLS settings.
    let allowed = [
        "laris-core",
        "postgres",
        "tokio",
        "tokio-postgres",
        "tokio-postgres-rustls",
        "tokio-rustls",
    ];
    for (name, deps) in &packages {
        for net in ["mio", "socket2", "rustls"] {
            if deps.contains(&net) {
                assert!(allowed.contains(name), "{name} brings in {net}");
            }
        }
    }
    assert!(
        packages
            .iter()
            .any(|(n, d)| *n == "tokio-postgres" && d.contains(&"socket2")),
        "the dependency lists were read"
    );
}
