//! A Laris database on a PostgreSQL server (docs/postgres.md), against a
//! real server: a throwaway cluster started for this test binary
//! (laris_core::store::pg::cluster), a database per test. Where PostgreSQL
//! is not installed the tests say so and skip; on CI (CI set) they fail.

use std::path::Path;

use laris::store::pg::PgStore;
use laris::store::pg::cluster::Cluster;
use laris::store::tables::{TABLES, Ty};

use crate::common::{laris, query, shared_data, stderr, stdout};

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `laris report --json` for `period`, with today fixed so that no figure
/// depends on the day the test runs.
fn report(db: &str, period: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "report",
        "--db",
        db,
        "--json",
        "--period",
        period,
        "--today",
        "2025-12-31",
    ];
    args.extend_from_slice(extra);
    let out = laris(&args);
    assert!(
        out.status.success(),
        "report {db} {period}: {}",
        stderr(&out)
    );
    stdout(&out)
}

fn migrate(from: &str, to: &str) -> std::process::Output {
    laris(&["migrate", "--from", from, "--to", to])
}

const PERIODS: [(&str, &[&str]); 5] = [
    ("month:2024-03", &[]),
    ("quarter:2025-Q1", &["--compare", "last-year"]),
    ("year:2023", &[]),
    ("ytd:2025-06-15", &[]),
    ("year:2024", &["--channel", "Shopee"]),
];

/// Every row of every table, as text, in copy order.
fn dump(db: &Path) -> Vec<(String, Vec<String>)> {
    TABLES
        .iter()
        .map(|t| (t.name.to_string(), query(db, &t.select_all())))
        .collect()
}

#[test]
fn the_synthetic_shop_reports_the_same_from_sqlite_and_postgres_and_back() {
    let Some(data) = shared_data() else { return };
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let data = data.join("synthetic-10k");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("toko.laris");
    for (kind, _) in crate::common::SYNTHETIC_COUNTS {
        import_kind(arg(&file), kind, &data.join(format!("{kind}.csv")));
    }
    let url = cluster.database("synthetic");
    let out = migrate(arg(&file), &url);
    assert!(out.status.success(), "migrate: {}", stderr(&out));
    assert!(
        stderr(&out).contains("orders: 10,000 rows copied"),
        "{}",
        stderr(&out)
    );

    let back = dir.path().join("back.laris");
    let out = migrate(&url, arg(&back));
    assert!(out.status.success(), "migrate back: {}", stderr(&out));

    for (period, extra) in PERIODS {
        let sqlite = report(arg(&file), period, extra);
        assert!(sqlite.contains("\"revenue\""), "{sqlite}");
        assert_eq!(report(&url, period, extra), sqlite, "PostgreSQL, {period}");
        assert_eq!(
            report(arg(&back), period, extra),
            sqlite,
            "back in SQLite, {period}"
        );
    }
    let explain = |db: &str| {
        let out = laris(&[
            "explain",
            "--db",
            db,
            "--metric",
            "revenue",
            "--period",
            "month:2024-03",
            "--by",
            "channel",
            "--json",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(explain(&url), explain(arg(&file)));
    let records = |db: &str, metric: &str, period: &str| {
        let out = laris(&[
            "records", "--db", db, "--metric", metric, "--period", period, "--json",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    for (metric, period) in [
        ("revenue", "month:2024-03"),
        ("win_rate", "quarter:2025-Q1"),
    ] {
        let from_file = records(arg(&file), metric, period);
        assert!(from_file.len() > 1000, "{metric}: {from_file}");
        assert_eq!(
            records(&url, metric, period),
            from_file,
            "{metric} from the server"
        );
    }
    // The copy back is the original, row for row, ids and undo data included.
    let (before, after) = (dump(&file), dump(&back));
    for ((table, a), (_, b)) in before.iter().zip(&after) {
        assert_eq!(a, b, "table {table}");
    }
    assert_eq!(before[4].1.len(), 10_000, "the orders");
}

/// A copy goes only into an empty database, and says which and why.
#[test]
fn a_copy_refuses_a_target_that_holds_data() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.laris");
    let out = laris(&["demo", "--db", arg(&file)]);
    assert!(out.status.success(), "demo: {}", stderr(&out));
    let url = cluster.database("refuses");
    assert!(migrate(arg(&file), &url).status.success());
    let before = report(&url, "year:2024", &[]);

    let again = migrate(arg(&file), &url);
    assert_eq!(again.status.code(), Some(1));
    let text = stderr(&again);
    assert!(text.contains("already holds data"), "{text}");
    assert!(text.contains("import_batches"), "names the table: {text}");
    assert!(text.contains("127.0.0.1"), "names the server: {text}");
    assert!(text.contains("empty"), "says what to do: {text}");
    assert_eq!(
        report(&url, "year:2024", &[]),
        before,
        "nothing was written"
    );

    // The other way: into a file that holds data.
    let out = migrate(&url, arg(&file));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(arg(&file)), "{}", stderr(&out));
    // A file that was not there is not left behind when the copy fails.
    let missing = dir.path().join("new.laris");
    let out = migrate(&cluster.url("no_such_database"), arg(&missing));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Could not connect"),
        "{}",
        stderr(&out)
    );
    // Not a matter of encryption: no advice about certificates.
    assert!(!stderr(&out).contains("PGSSLROOTCERT"), "{}", stderr(&out));
    assert!(!missing.exists());
}

/// The demo shop has what the synthetic one lacks (products, settlements,
/// returns, targets typed in): copied there and back, every table is the same.
#[test]
fn every_table_of_the_demo_shop_goes_there_and_back() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.laris");
    assert!(laris(&["demo", "--db", arg(&file)]).status.success());
    let url = cluster.database("demo");
    let back = dir.path().join("back.laris");
    assert!(migrate(arg(&file), &url).status.success());
    let out = migrate(&url, arg(&back));
    assert!(out.status.success(), "{}", stderr(&out));
    let (before, after) = (dump(&file), dump(&back));
    let filled = before.iter().filter(|(_, rows)| !rows.is_empty()).count();
    assert!(filled >= 10, "the demo fills most tables: {filled}");
    assert_eq!(before, after);
    assert_eq!(
        report(&url, "quarter:2025-Q1", &[]),
        report(arg(&file), "quarter:2025-Q1", &[])
    );
    // The charts exported from the server are the file's, pixel for pixel.
    let export = |db: &str, dir: &Path| {
        let out = laris(&[
            "export",
            "--db",
            db,
            "--period",
            "quarter:2025-Q1",
            "--today",
            "2025-12-31",
            "--png-dir",
            arg(dir),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    let (from_file, from_server) = (dir.path().join("png-file"), dir.path().join("png-server"));
    export(arg(&file), &from_file);
    export(&url, &from_server);
    let mut pngs: Vec<_> = std::fs::read_dir(&from_file)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    pngs.sort();
    assert!(pngs.len() >= 5, "{pngs:?}");
    for name in pngs {
        assert_eq!(
            std::fs::read(from_server.join(&name)).unwrap(),
            std::fs::read(from_file.join(&name)).unwrap(),
            "{name:?}"
        );
    }
}

/// The PostgreSQL schema is the catalogue (and so the SQLite schema, which
/// a core test holds the catalogue to): same tables, columns in order, types.
#[test]
fn the_server_schema_is_the_catalogue_and_is_made_once() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("schema");
    let mut pg = PgStore::connect(&url).unwrap();
    assert_eq!(pg.version().unwrap(), None, "an empty database");
    pg.ensure_schema().unwrap();
    pg.ensure_schema().unwrap();
    assert_eq!(
        pg.version().unwrap(),
        Some(laris::store::pg::schema_version())
    );
    for t in TABLES {
        let cols: Vec<(String, String)> = pg
            .client
            .query(
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1
                 ORDER BY ordinal_position",
                &[&t.name],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let expected: Vec<(String, String)> = t
            .columns
            .iter()
            .map(|(c, ty)| {
                let ty = match ty {
                    Ty::Int => "bigint",
                    Ty::Real => "double precision",
                    Ty::Text => "text",
                };
                (c.to_string(), ty.to_string())
            })
            .collect();
        assert_eq!(cols, expected, "columns of {}", t.name);
    }
    let versions: i64 = pg
        .client
        .query_one("SELECT count(*) FROM laris_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        versions,
        i64::from(laris::store::pg::schema_version()),
        "each version recorded once"
    );

    // A server left at version 1 (before the batch indexes and the
    // branches) is brought up to date when it is next opened, as a file
    // is; its records are in no branch.
    let old_url = cluster.database("schema_v1");
    let mut old = PgStore::connect(&old_url).unwrap();
    let first =
        include_str!("../../crates/laris-core/src/store/migrations/postgres/001_initial.sql");
    old.client
        .batch_execute(&format!(
            "CREATE TABLE laris_schema (version INTEGER PRIMARY KEY,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
             INSERT INTO laris_schema(version) VALUES (1);
             {first}
             INSERT INTO import_batches(file_name, content_hash, kind, imported_at)
                 VALUES ('a.csv', 'h', 'orders', '2024-01-01T00:00:00');
             INSERT INTO orders(order_id, date, status, total_minor, batch_id)
                 VALUES ('A-1', '2024-01-01', 'paid', 100, 1);"
        ))
        .unwrap();
    assert_eq!(old.version().unwrap(), Some(1));
    let out = laris(&["report", "--db", &old_url, "--period", "year:2024"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(old.version().unwrap(), Some(3));
    let found: i64 = old
        .client
        .query_one(
            r"SELECT count(*) FROM pg_indexes WHERE indexname LIKE '%\_batch'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(found, 15 + 1, "the batch indexes, and batch_changes_batch");
    let branch: String = old
        .client
        .query_one("SELECT branch || '|' || order_id FROM orders", &[])
        .unwrap()
        .get(0);
    assert_eq!(branch, "|A-1");
}

/// Reading a server that has no Laris data, or a command that cannot use a
/// server yet, says what to do instead of failing obscurely.
#[test]
fn a_server_without_laris_or_a_command_not_ready_says_what_to_do() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("empty");
    let out = laris(&["report", "--db", &url, "--period", "year:2024"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("laris migrate --from"),
        "{}",
        stderr(&out)
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_laris"))
        .args([
            "--lang",
            "id",
            "report",
            "--db",
            &url,
            "--period",
            "year:2024",
        ])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("Belum ada database Laris"),
        "{}",
        stderr(&out)
    );
    for command in [&["backup"][..], &["restore", "--list"]] {
        let mut args = vec![command[0], "--db", &url];
        args.extend_from_slice(&command[1..]);
        let out = laris(&args);
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        assert!(stderr(&out).contains("pg_dump"), "{}", stderr(&out));
    }
    assert!(
        !Path::new("postgres:").exists(),
        "no file was made from the URL"
    );
    // A database that holds someone else's tables is left alone.
    let theirs = cluster.database("theirs");
    let mut pg = PgStore::connect(&theirs).unwrap();
    pg.client
        .batch_execute("CREATE TABLE invoices (id int)")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.laris");
    assert!(laris(&["demo", "--db", arg(&file)]).status.success());
    let out = migrate(arg(&file), &theirs);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not Laris's"), "{}", stderr(&out));
    let tables: i64 = pg
        .client
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing was created beside it");
}

/// The team setup of docs/postgres.md: a role that owns the schema fills
/// the database, and a read-only role reads the same figures (and may copy
/// the shop out), but cannot change anything.
#[test]
fn the_documented_roles_work_an_owner_writes_and_a_viewer_reads() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let admin_url = cluster.database("roles");
    let db = admin_url.rsplit('/').next().unwrap().to_string();
    let mut admin = PgStore::connect(&admin_url).unwrap();
    // As docs/postgres.md says, with the database's name put in.
    admin
        .client
        .batch_execute(&format!(
            "CREATE ROLE laris_owner LOGIN; CREATE ROLE laris_viewer LOGIN;
             ALTER DATABASE {db} OWNER TO laris_owner;
             REVOKE CREATE ON SCHEMA public FROM PUBLIC;
             GRANT USAGE ON SCHEMA public TO laris_viewer;
             ALTER DEFAULT PRIVILEGES FOR ROLE laris_owner IN SCHEMA public
                 GRANT SELECT ON TABLES TO laris_viewer;"
        ))
        .unwrap();
    let as_role = |role: &str| admin_url.replacen("postgres@", &format!("{role}@"), 1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.laris");
    assert!(laris(&["demo", "--db", arg(&file)]).status.success());
    let out = migrate(arg(&file), &as_role("laris_owner"));
    assert!(out.status.success(), "{}", stderr(&out));

    let viewer = as_role("laris_viewer");
    assert_eq!(
        report(&viewer, "year:2024", &[]),
        report(arg(&file), "year:2024", &[])
    );
    let copy = dir.path().join("copy.laris");
    let out = migrate(&viewer, arg(&copy));
    assert!(out.status.success(), "{}", stderr(&out));
    let mut pg = PgStore::connect(&viewer).unwrap();
    let refused = pg.client.batch_execute("DELETE FROM orders");
    assert!(refused.is_err(), "the viewer may not change records");

    // An import or an undo as the viewer is refused in words, before it
    // writes anything; the owner's import works.
    let orders = orders_file(dir.path(), "viewer", 20);
    let batches = last_batch(&viewer);
    for args in [
        &["import", "--db", &viewer, arg(&orders)][..],
        &["undo", "--db", &viewer, "1"],
    ] {
        let out = laris(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let text = stderr(&out);
        assert!(text.contains("may only read"), "{text}");
        assert!(!text.contains("permission denied"), "{text}");
    }
    assert_eq!(last_batch(&viewer), batches, "nothing was written");
    let owned = import_kind(&as_role("laris_owner"), "orders", &orders);
    assert!(owned.contains("20 added"), "{owned}");
    assert_eq!(last_batch(&viewer), batches + 1);
}

/// `n` made-up orders whose ids start with `ORD-{tag}`, in a new CSV.
fn orders_file(dir: &Path, tag: &str, n: usize) -> std::path::PathBuf {
    let mut text =
        String::from("order_id,date,customer_id,customer_name,rep,channel,status,total\n");
    for i in 0..n {
        text.push_str(&format!(
            "ORD-{tag}-{i:07},2024-{:02}-{:02}T10:00:00,CUST-{tag}-{},Pelanggan {i},Indah Sari,store,paid,{}.00\n",
            1 + i % 12,
            1 + i % 28,
            i % 5000,
            10_000 + i % 90_000
        ));
    }
    let path = dir.join(format!("orders-{tag}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

/// Two imports started at once on one server both land whole: each batch
/// has all its rows and its own counts (the second waits for the first's
/// advisory lock rather than interleaving with it).
#[test]
fn two_imports_at_once_both_land_whole() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("two_at_once");
    let dir = tempfile::tempdir().unwrap();
    let n = 20_000;
    let files = [
        orders_file(dir.path(), "A", n),
        orders_file(dir.path(), "B", n),
    ];
    let started: Vec<std::process::Child> = files
        .iter()
        .map(|f| {
            std::process::Command::new(env!("CARGO_BIN_EXE_laris"))
                .args(["--lang", "en", "import", "--db", &url, arg(f)])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in started {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("20,000 added"), "{}", stdout(&out));
    }
    let mut pg = PgStore::connect(&url).unwrap();
    let batches: Vec<(i64, String, i64, i64)> = pg
        .client
        .query(
            "SELECT b.id, b.file_name, b.rows_added, (SELECT count(*) FROM orders o WHERE o.batch_id = b.id)
             FROM import_batches b ORDER BY b.id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect();
    assert_eq!(batches.len(), 2, "{batches:?}");
    for (_, file, added, stored) in &batches {
        assert_eq!((*added, *stored), (n as i64, n as i64), "{file}");
    }
    let tags: Vec<i64> = pg
        .client
        .query(
            "SELECT count(DISTINCT batch_id) FROM orders GROUP BY substr(order_id, 1, 5) ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(tags, [1, 1], "each file's orders are in one batch");
}

/// The advisory lock's key as pg_locks shows it (objid, its low half).
const WRITE_LOCK_OBJID: i64 = laris::store::pg::WRITE_LOCK & 0xFFFF_FFFF;

/// Starts `laris import` of the orders `file` into `url`, kills it once
/// its session holds the writers' lock and is copying the new orders in
/// (after the batches and their change log), and waits until the server
/// has ended the dead session's transaction, and so its lock.
fn kill_while_copying_orders(url: &str, file: &Path) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_laris"))
        .args(["--lang", "en", "import", "--db", url, arg(file)])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut pg = PgStore::connect(url).unwrap();
    let mut ask = |sql: &str| -> i64 {
        pg.client
            .query_one(sql, &[&(WRITE_LOCK_OBJID as u32)])
            .unwrap()
            .get(0)
    };
    let start = std::time::Instant::now();
    while ask(
        "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted
           AND a.state = 'active' AND a.query LIKE 'COPY orders %'",
    ) == 0
    {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before it was seen writing"
        );
        assert!(start.elapsed().as_secs() < 300, "the import never wrote");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed, not finished");
    let start = std::time::Instant::now();
    while ask("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1") > 0 {
        assert!(start.elapsed().as_secs() < 60, "the lock stayed");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// An import killed while it writes (its session holds the writers' lock
/// and is putting rows on the server) leaves the server as it was: the same
/// rows in every table and the same report; the lock goes with it, and the
/// next import runs.
#[test]
fn an_import_killed_midway_leaves_the_server_unchanged() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("killed");
    let dir = tempfile::tempdir().unwrap();
    let small = orders_file(dir.path(), "S", 2_000);
    assert!(import_kind(&url, "orders", &small).contains("2,000 added"));
    let counts = server_counts(&url);
    let before = report(&url, "year:2024", &[]);

    let big = orders_file(dir.path(), "K", 300_000);
    kill_while_copying_orders(&url, &big);
    assert_eq!(server_counts(&url), counts);
    assert_eq!(report(&url, "year:2024", &[]), before);
    let next = orders_file(dir.path(), "N", 10);
    assert!(import_kind(&url, "orders", &next).contains("10 added"));
}

/// The orders table's indexes on a server: each one's definition and
/// its object id (which a rebuilt index changes).
fn order_indexes(url: &str) -> Vec<(String, u32)> {
    let mut pg = PgStore::connect(url).unwrap();
    pg.client
        .query(
            "SELECT pg_get_indexdef(indexrelid), indexrelid::oid FROM pg_index
             WHERE indrelid = 'orders'::regclass ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

/// Many orders imported into a server that has none are loaded with the
/// table's indexes dropped and built after (docs/postgres.md): the
/// indexes come back as the schema made them, anew; an import into the
/// filled table keeps them (and its unique key still finds the stored
/// orders); and an import killed during such a load leaves them as they
/// were, with no order.
#[test]
fn a_large_first_import_builds_the_indexes_again_as_they_were() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("bulk_load");
    PgStore::connect(&url).unwrap().ensure_schema().unwrap();
    let made = order_indexes(&url);
    let definitions = |indexes: &[(String, u32)]| -> Vec<String> {
        indexes.iter().map(|(d, _)| d.clone()).collect()
    };
    assert_eq!(made.len(), 3, "{made:?}");
    let dir = tempfile::tempdir().unwrap();

    let big = orders_file(dir.path(), "K", 300_000);
    kill_while_copying_orders(&url, &big);
    assert_eq!(order_indexes(&url), made);
    assert!(server_counts(&url).contains(&("orders".to_string(), 0)));

    let first = orders_file(dir.path(), "A", 20_000);
    assert!(import_kind(&url, "orders", &first).contains("20,000 added"));
    let rebuilt = order_indexes(&url);
    assert_eq!(definitions(&rebuilt), definitions(&made));
    for ((_, old), (_, new)) in made.iter().zip(&rebuilt) {
        assert_ne!(old, new, "built again");
    }
    let again = import_kind(&url, "orders", &first);
    assert!(again.contains("20,000 unchanged"), "{again}");
    let more = orders_file(dir.path(), "B", 20_000);
    assert!(import_kind(&url, "orders", &more).contains("20,000 added"));
    assert_eq!(order_indexes(&url), rebuilt, "kept in a filled table");
    assert!(server_counts(&url).contains(&("orders".to_string(), 40_000)));
}

/// The TLS policy against a server that offers TLS: on this computer the
/// connection is encrypted without asking for a trusted certificate; under
/// another computer's name (`hostaddr` still points here) it is encrypted
/// and the certificate must be one the user trusts (PGSSLROOTCERT), unless
/// the connection string says sslmode=disable.
#[test]
fn tls_is_used_locally_and_required_and_verified_for_another_computer() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let Some(ca) = cluster.ca_file() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the test cluster has no TLS: is the openssl command installed?"
        );
        eprintln!("skipped: the test cluster has no TLS (no openssl command)");
        return;
    };
    let url = cluster.database("tls");
    let encrypted = |url: &str| -> bool {
        let mut pg = PgStore::connect(url).unwrap();
        pg.client
            .query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0)
    };
    assert!(encrypted(&url), "local: TLS when the server offers it");
    let plain = format!("{url}?sslmode=disable");
    assert!(!encrypted(&plain), "sslmode=disable is honoured");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.laris");
    assert!(laris(&["demo", "--db", arg(&file)]).status.success());
    assert!(migrate(arg(&file), &url).status.success());
    let db = url.rsplit('/').next().unwrap();
    let remote = format!(
        "postgres://postgres@{}:{}/{db}?hostaddr=127.0.0.1",
        laris::store::pg::cluster::TLS_NAME,
        cluster.port()
    );
    let report_with = |url: &str, ca: Option<&Path>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_laris"));
        c.args([
            "--lang",
            "en",
            "report",
            "--db",
            url,
            "--period",
            "year:2024",
        ]);
        c.env_remove("PGSSLROOTCERT");
        if let Some(ca) = ca {
            c.env("PGSSLROOTCERT", ca);
        }
        c.output().unwrap()
    };
    let untrusted = report_with(&remote, None);
    assert_eq!(
        untrusted.status.code(),
        Some(1),
        "a certificate nobody vouches for"
    );
    let text = stderr(&untrusted);
    assert!(
        text.contains("Could not connect") && text.contains("PGSSLROOTCERT"),
        "{text}"
    );
    assert!(
        text.contains("certificate"),
        "the reason is the certificate: {text}"
    );
    let trusted = report_with(&remote, Some(ca));
    assert!(trusted.status.success(), "{}", stderr(&trusted));
    assert_eq!(stdout(&trusted), stdout(&report_with(&url, None)));
    let unencrypted = report_with(&format!("{remote}&sslmode=disable"), None);
    assert!(unencrypted.status.success(), "{}", stderr(&unencrypted));
}

/// A copy that fails midway (here on a value the server refuses, after the
/// batches and settings went in) leaves the server as it was, says which
/// table, and the same command works once the value is put right.
#[test]
fn a_copy_that_fails_midway_leaves_the_server_empty() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.laris");
    assert!(laris(&["demo", "--db", arg(&file)]).status.success());
    // SQLite keeps a NUL inside a text; PostgreSQL refuses it.
    let conn = rusqlite::Connection::open(&file).unwrap();
    let changed = conn
        .execute(
            "UPDATE orders SET customer_name = 'Sari' || char(0) || 'Dewi'
             WHERE id = (SELECT max(id) FROM orders)",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    let url = cluster.database("midway");
    let out = migrate(arg(&file), &url);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains("the table orders could not be copied"),
        "{text}"
    );
    assert!(text.contains("Nothing was written"), "{text}");
    let mut pg = PgStore::connect(&url).unwrap();
    for t in ["import_batches", "settings", "orders"] {
        let rows: i64 = pg
            .client
            .query_one(&format!("SELECT count(*) FROM {t}"), &[])
            .unwrap()
            .get(0);
        assert_eq!(rows, 0, "{t} after the failed copy");
    }
    conn.execute(
        "UPDATE orders SET customer_name = 'Sari Dewi' WHERE id = (SELECT max(id) FROM orders)",
        [],
    )
    .unwrap();
    let out = migrate(arg(&file), &url);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// `laris import --db DB --kind KIND FILE`, which must succeed; its output.
fn import_kind(db: &str, kind: &str, file: &Path) -> String {
    let out = laris(&["import", "--db", db, "--kind", kind, arg(file)]);
    assert!(
        out.status.success(),
        "import {kind} into {db}: {}",
        stderr(&out)
    );
    stdout(&out)
}

/// The newest import batch's id on a server.
fn last_batch(url: &str) -> i64 {
    let mut pg = PgStore::connect(url).unwrap();
    pg.client
        .query_one("SELECT max(id) FROM import_batches", &[])
        .unwrap()
        .get(0)
}

/// Row counts of every table on a server.
fn server_counts(url: &str) -> Vec<(String, i64)> {
    let mut pg = PgStore::connect(url).unwrap();
    TABLES
        .iter()
        .map(|t| {
            let n: i64 = pg
                .client
                .query_one(&format!("SELECT count(*) FROM {}", t.name), &[])
                .unwrap()
                .get(0);
            (t.name.to_string(), n)
        })
        .collect()
}

/// The first `n` orders of the synthetic shop with their total changed, and
/// `new` orders that it does not have: a newer export.
fn changed_orders(data: &Path, dir: &Path, n: usize, new: usize) -> std::path::PathBuf {
    let text = std::fs::read_to_string(data.join("orders.csv")).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        if i < n {
            let (head, _) = line.rsplit_once(',').unwrap();
            out.push_str(&format!("{head},{}.00\n", 1000 + i));
        }
    }
    for i in 0..new {
        out.push_str(&format!(
            "ORD-9{i:06},2024-03-{:02}T10:00:00,CUST-9{i:05},Baru {i},Indah Sari,store,paid,{}.00\n",
            1 + i % 28,
            50_000 + i
        ));
    }
    let path = dir.join("orders-newer.csv");
    std::fs::write(&path, out).unwrap();
    path
}

/// Issue 19's test: the synthetic shop imported file by file straight into
/// PostgreSQL says the same per file as into SQLite, stores the same rows
/// (ids and undo log included) and reports byte for byte the same. A
/// newer export (changed orders, new ones, an order with a line less) and
/// its undo do the same on both, the undo giving back the report from
/// before it; and importing a file again changes nothing.
#[test]
fn importing_into_postgres_is_importing_into_sqlite() {
    let Some(data) = shared_data() else { return };
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let data = data.join("synthetic-10k");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("toko.laris");
    let url = cluster.database("import_same");
    for (kind, _) in crate::common::SYNTHETIC_COUNTS {
        let csv = data.join(format!("{kind}.csv"));
        let into_file = import_kind(arg(&file), kind, &csv);
        assert!(into_file.contains(" added, "), "{into_file}");
        assert_eq!(import_kind(&url, kind, &csv), into_file, "{kind}");
    }
    for (period, extra) in PERIODS {
        let sqlite = report(arg(&file), period, extra);
        assert!(sqlite.contains("\"revenue\""), "{sqlite}");
        assert_eq!(report(&url, period, extra), sqlite, "PostgreSQL, {period}");
    }
    // Row for row the same, as the server copied back into a file shows;
    // only the times of the imports differ.
    let same_rows = |what: &str| {
        let back = dir.path().join(format!("back-{what}.laris"));
        let out = migrate(&url, arg(&back));
        assert!(out.status.success(), "{}", stderr(&out));
        let (a, b) = (dump(&file), dump(&back));
        assert_eq!(a.len(), b.len());
        for ((table, a), (_, b)) in a.iter().zip(&b).skip(1) {
            assert_eq!(a, b, "{what}: table {table}");
        }
    };
    same_rows("imported");

    // The same files again: every row unchanged (each kind found by its
    // key, its row hash or both), nothing else changed.
    let counts = server_counts(&url);
    let before = report(&url, "year:2024", &[]);
    for (kind, _) in crate::common::SYNTHETIC_COUNTS {
        let csv = data.join(format!("{kind}.csv"));
        let again = import_kind(&url, kind, &csv);
        assert!(again.contains(" 0 added, 0 updated, "), "{kind}: {again}");
        assert_eq!(again, import_kind(arg(&file), kind, &csv), "{kind}");
    }
    let orders = data.join("orders.csv");
    let again = import_kind(&url, "orders", &orders);
    assert!(
        again.contains("0 added, 0 updated, 10,000 unchanged, 0 skipped"),
        "{again}"
    );
    assert_eq!(again, import_kind(arg(&file), "orders", &orders));
    let mut expected = counts.clone();
    // The batches that say so.
    expected[0].1 += crate::common::SYNTHETIC_COUNTS.len() as i64 + 1;
    assert_eq!(server_counts(&url), expected);
    assert_eq!(report(&url, "year:2024", &[]), before);

    // A newer export, and an order that lost its last line.
    let newer = changed_orders(&data, dir.path(), 300, 40);
    let lines_text = std::fs::read_to_string(data.join("order_lines.csv")).unwrap();
    let mut first_order: Vec<&str> = lines_text
        .lines()
        .skip(1)
        .filter(|l| l.starts_with("ORD-0000001,"))
        .collect();
    assert!(first_order.len() >= 2, "{first_order:?}");
    first_order.pop();
    let fewer = dir.path().join("order_lines-fewer.csv");
    std::fs::write(
        &fewer,
        format!(
            "{}\n{}\n",
            lines_text.lines().next().unwrap(),
            first_order.join("\n")
        ),
    )
    .unwrap();
    let before_sqlite = report(arg(&file), "year:2024", &[]);
    assert_eq!(before, before_sqlite);
    for (kind, csv) in [("orders", &newer), ("order_lines", &fewer)] {
        let into_file = import_kind(arg(&file), kind, csv);
        assert_eq!(import_kind(&url, kind, csv), into_file, "{kind}");
    }
    let changed = report(&url, "year:2024", &[]);
    assert_ne!(changed, before, "the newer export changed the figures");
    assert_eq!(changed, report(arg(&file), "year:2024", &[]));
    same_rows("updated");

    // Undone, newest first, on both: the figures from before, to the byte.
    let sqlite_batch: i64 = crate::common::query(&file, "SELECT max(id) FROM import_batches")[0]
        .parse()
        .unwrap();
    let server_batch = last_batch(&url);
    assert_eq!(server_batch, sqlite_batch);
    for batch in [server_batch, server_batch - 1] {
        let id = batch.to_string();
        let on_file = laris(&["undo", "--db", arg(&file), &id]);
        assert!(on_file.status.success(), "{}", stderr(&on_file));
        let on_server = laris(&["undo", "--db", &url, &id]);
        assert!(on_server.status.success(), "{}", stderr(&on_server));
        assert_eq!(stdout(&on_server), stdout(&on_file));
        assert!(
            stdout(&on_server).contains("undone"),
            "{}",
            stdout(&on_server)
        );
    }
    assert_eq!(report(&url, "year:2024", &[]), before);
    assert_eq!(report(arg(&file), "year:2024", &[]), before);
    for (period, extra) in PERIODS {
        assert_eq!(
            report(&url, period, extra),
            report(arg(&file), period, extra),
            "after the undo, {period}"
        );
    }
    // Undoing again is refused in words; the list says it is undone.
    let twice = laris(&["undo", "--db", &url, &server_batch.to_string()]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(
        stderr(&twice).contains("already undone"),
        "{}",
        stderr(&twice)
    );
    let list = laris(&["undo", "--db", &url, "--list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(
        stdout(&list).contains(&format!("{server_batch}  ")) && stdout(&list).contains("undone"),
        "{}",
        stdout(&list)
    );
}

/// An import whose first file drops an order's last line (the highest id
/// on the server) and whose second adds lines gives the new lines the ids
/// a file gives them, and so the same rows; its undo too.
#[test]
fn lines_dropped_and_added_in_one_import_get_the_ids_a_file_gives() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("line_ids");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("toko.laris");
    let csv = |name: &str, rows: &[&str]| {
        let path = dir.path().join(name);
        let mut text = String::from("order_id,product,sku,quantity,unit_price,line_total\n");
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap();
        path
    };
    let first = csv(
        "first.csv",
        &["X,Teh,T1,1,100.00,100.00", "Y,Kopi,K1,1,200.00,200.00"],
    );
    let second = csv(
        "second.csv",
        &["X,Teh,T1,1,100.00,100.00", "X,Gula,G1,2,50.00,100.00"],
    );
    let shorter = csv("shorter.csv", &["X,Teh,T1,1,100.00,100.00"]);
    let other = csv(
        "other.csv",
        &["Z,Susu,S1,1,300.00,300.00", "Z,Roti,R1,3,10.00,30.00"],
    );
    let both = |args: &[&str]| {
        let run = |db: &str| {
            let mut full = vec![args[0], "--db", db];
            full.extend_from_slice(&args[1..]);
            let out = laris(&full);
            assert!(out.status.success(), "{args:?} on {db}: {}", stderr(&out));
            stdout(&out)
        };
        assert_eq!(run(&url), run(arg(&file)), "{args:?}");
    };
    let lines = |what: &str| {
        let back = dir.path().join(format!("back-{what}.laris"));
        assert!(migrate(&url, arg(&back)).status.success());
        let sql = "SELECT id, order_id, line_no, product, batch_id FROM order_lines ORDER BY id";
        let on_server = crate::common::query(&back, sql);
        assert_eq!(on_server, crate::common::query(&file, sql), "{what}");
        on_server
    };
    both(&["import", "--kind", "order_lines", arg(&first)]);
    both(&["import", "--kind", "order_lines", arg(&second)]);
    assert_eq!(lines("before").len(), 3);
    both(&[
        "import",
        "--kind",
        "order_lines",
        arg(&shorter),
        arg(&other),
    ]);
    let after = lines("after");
    assert_eq!(
        after
            .iter()
            .map(|r| r.split('|').next().unwrap())
            .collect::<Vec<_>>(),
        ["1", "2", "3", "4"],
        "X's second line went, Z's lines came after Y's: {after:?}"
    );
    both(&["undo", "4"]);
    both(&["undo", "3"]);
    assert_eq!(lines("undone").len(), 3);
}

/// A returns list (naming stored orders and one to come) and a CRM's
/// users list do on a server what they do in a file: the same messages,
/// the same rows, and the orders that arrive later are marked refunded.
#[test]
fn returns_and_users_lists_do_on_a_server_what_they_do_in_a_file() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("lists");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("toko.laris");
    let orders = orders_file(dir.path(), "R", 30);
    let returns = dir.path().join("returns.csv");
    std::fs::write(
        &returns,
        "Order ID,Returned\nORD-R-0000001,Yes\nORD-R-0000002,No\nORD-R-0000003,Yes\nORD-later-0000004,Yes\n",
    )
    .unwrap();
    let users = dir.path().join("users.csv");
    std::fs::write(&users, "Id,Name\nIndah Sari,Indah Sari Dewi\n").unwrap();
    let later = orders_file(dir.path(), "later", 6);
    let both = |files: &[&Path]| {
        let run = |db: &str| {
            let mut args = vec!["import", "--db", db];
            args.extend(files.iter().map(|f| arg(f)));
            let out = laris(&args);
            assert!(
                out.status.success(),
                "{files:?} into {db}: {}",
                stderr(&out)
            );
            (stdout(&out), stderr(&out))
        };
        let on_file = run(arg(&file));
        assert_eq!(run(&url), on_file, "{files:?}");
        on_file
    };
    both(&[&orders]);
    let (_, notes) = both(&[&returns, &users]);
    assert!(notes.contains("2 orders marked returned"), "{notes}");
    assert!(notes.contains("30 stored records"), "{notes}");
    both(&[&later]);
    let back = dir.path().join("back.laris");
    assert!(migrate(&url, arg(&back)).status.success());
    for sql in [
        "SELECT order_id, status, batch_id FROM orders ORDER BY id",
        "SELECT order_id, batch_id FROM returns ORDER BY order_id",
        "SELECT owner_id, name, batch_id FROM rep_names ORDER BY owner_id",
        "SELECT batch_id, kind, row_id, action, old_values FROM batch_changes ORDER BY id",
    ] {
        let on_file = crate::common::query(&file, sql);
        assert!(!on_file.is_empty(), "{sql}");
        assert_eq!(crate::common::query(&back, sql), on_file, "{sql}");
    }
    let refunded = crate::common::query(
        &back,
        "SELECT count(*) FROM orders WHERE status = 'refunded'",
    );
    assert_eq!(refunded, ["3"], "two stored, one that came later");
    assert_eq!(
        report(&url, "year:2024", &[]),
        report(arg(&file), "year:2024", &[])
    );
}

/// A file with a bad row writes nothing on a server, as in a file, and
/// names the row; with --skip-bad-rows the good rows go in and the bad one
/// is counted skipped.
#[test]
fn a_bad_row_writes_nothing_on_a_server_unless_skipped() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let url = cluster.database("bad_row");
    let dir = tempfile::tempdir().unwrap();
    let orders = orders_file(dir.path(), "bad", 50);
    let mut text = std::fs::read_to_string(&orders).unwrap();
    text.push_str("ORD-bad-x,not a date,CUST-1,Sari,Indah Sari,store,paid,10.00\n");
    std::fs::write(&orders, text).unwrap();
    let out = laris(&["import", "--db", &url, arg(&orders)]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stderr(&out);
    assert!(text.contains("nothing was imported"), "{text}");
    assert!(
        text.contains("row 52, column date"),
        "names the row: {text}"
    );
    let counts = server_counts(&url);
    assert!(counts.iter().all(|(_, n)| *n == 0), "{counts:?}");
    let out = laris(&["import", "--db", &url, "--skip-bad-rows", arg(&orders)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("50 added, 0 updated, 0 unchanged, 1 skipped"),
        "{}",
        stdout(&out)
    );
}

/// The dirty export of the synthetic shop (Indonesian formats, bad rows,
/// duplicates) with --skip-bad-rows says, stores and reports the same on a
/// server as in a file.
#[test]
fn a_dirty_export_imports_into_a_server_as_into_a_file() {
    let Some(data) = shared_data() else { return };
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dirty = data.join("synthetic-10k/orders_dirty.csv");
    let url = cluster.database("dirty");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("toko.laris");
    let run = |db: &str| {
        let out = laris(&["import", "--db", db, "--skip-bad-rows", arg(&dirty)]);
        assert!(out.status.success(), "{db}: {}", stderr(&out));
        (stdout(&out), stderr(&out))
    };
    let on_file = run(arg(&file));
    assert!(on_file.0.contains(" skipped"), "{}", on_file.0);
    assert!(
        !on_file.0.contains(" 0 skipped"),
        "bad rows were met: {}",
        on_file.0
    );
    assert_eq!(run(&url), on_file);
    assert_eq!(
        report(&url, "year:2024", &[]),
        report(arg(&file), "year:2024", &[])
    );
}
