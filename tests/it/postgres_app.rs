//! The app's work on a team's server (Settings › Share with your team):
//! every job the window runs, done through `store::Database` on a server,
//! gives what it gives on the shop's file.

use std::path::Path;

use laris::metrics::Dataset;
use laris::metrics::records::{fetch, order_lines, search};
use laris::store::database::probe;
use laris::store::pg::PgError;
use laris::store::pg::cluster::Cluster;
use laris::store::products::{self, TypedCost};
use laris::store::targets::{self, TargetRow};
use laris::store::{Database, Kind, Place, Store, settings};

use crate::common::{laris, stderr};

/// The demo shop in a file and copied to a new database on the server.
fn shop(cluster: &Cluster, dir: &Path, name: &str) -> (Place, Place) {
    let file = dir.join("toko.laris");
    let path = file.to_str().unwrap();
    assert!(laris(&["demo", "--db", path]).status.success());
    let url = cluster.database(name);
    let out = laris(&["migrate", "--from", path, "--to", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    (Place::File(file), Place::Server(url))
}

/// A role that may only read `url`'s database, as docs/postgres.md sets
/// one up: its connection string.
fn viewer_of(url: &str, role: &str) -> String {
    let mut pg = laris::store::pg::PgStore::connect(url).unwrap();
    pg.client
        .batch_execute(&format!(
            "CREATE ROLE {role} LOGIN;
             GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};"
        ))
        .unwrap();
    url.replacen("postgres@", &format!("{role}@"), 1)
}

#[test]
fn the_windows_jobs_do_on_a_server_what_they_do_in_the_file() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (file, server) = shop(cluster, dir.path(), "appjobs");
    let mut both = [
        Database::open(&file).unwrap(),
        Database::open(&server).unwrap(),
    ];
    let [f, s] = &mut both;
    assert_eq!(s.overview().unwrap(), f.overview().unwrap());
    assert_eq!(s.settings().unwrap(), f.settings().unwrap());
    let list = |db: &mut Database| db.read(&[Kind::Targets], targets::list).unwrap();
    assert_eq!(list(s), list(f));
    assert!(list(f).len() > 100, "the demo has targets");
    let revision = s.revision().unwrap();

    // The same edits on both: typed targets (one new, one changed), typed
    // costs, a preset and the settings.
    let mut changed = list(f)[0].clone();
    changed.target_minor += 100_000;
    let typed = [
        TargetRow {
            period: "2031-01".into(),
            rep: String::new(),
            metric: "revenue".into(),
            target_minor: 500_000_000,
        },
        changed,
    ];
    let costs = [TypedCost {
        sku: None,
        product: "Kopi Susu Baru".into(),
        cost_minor: 1_250_000,
    }];
    for db in [&mut *f, &mut *s] {
        let counts = db
            .change(&[Kind::Targets], |c| targets::set(c, "typed", &typed))
            .unwrap();
        assert_eq!((counts.added, counts.updated), (1, 1));
        db.change(&[Kind::Products], |c| {
            products::save_costs(c, "costs", &costs)
        })
        .unwrap();
        db.change(&[], |c| settings::save_preset(c, "kasir", "{}"))
            .unwrap();
        let mut new = db.settings().unwrap();
        new.set_locale("en", false);
        new.stages_chosen = true;
        db.change(&[], |c| settings::save(c, &new)).unwrap();
    }
    assert_ne!(
        s.revision().unwrap(),
        revision,
        "a change moves the revision"
    );
    let (fo, so) = (f.overview().unwrap(), s.overview().unwrap());
    assert_eq!(so.kinds, fo.kinds);
    assert_eq!(so.presets, vec!["kasir".to_string()]);
    assert_eq!(so.presets, fo.presets);
    let batches = |o: &laris::store::overview::Overview| -> Vec<_> {
        o.batches
            .iter()
            .map(|b| (b.id, b.file_name.clone(), b.kind, b.counts))
            .collect()
    };
    assert_eq!(batches(&so), batches(&fo));
    assert_eq!(list(s), list(f));
    assert_eq!(s.settings().unwrap(), f.settings().unwrap());
    assert_eq!(s.settings().unwrap().locale, "en");

    // The figures, and the records behind them, read the same.
    let (Place::File(path), Place::Server(url)) = (&file, &server) else {
        unreachable!()
    };
    let ds = Dataset::load(Store::open_to_read(path).unwrap().conn()).unwrap();
    let from_server = Dataset::load_server(url).unwrap();
    assert_eq!(from_server.orders.total, ds.orders.total);
    let q = laris::metrics::figures::Query {
        sel: laris::metrics::Selection::parse("year:2025").unwrap(),
        cmp: laris::metrics::Comparison::Previous,
        filters: Default::default(),
        today: chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
    };
    let Ok(laris::metrics::records::Records::Figure(set)) =
        laris::metrics::records::records(&ds, &q, "revenue")
    else {
        panic!("revenue has records");
    };
    let text = |records: Vec<laris::metrics::records::Record>| -> Vec<String> {
        records
            .iter()
            .map(|r| format!("{} {:?}", r.id, r.fields))
            .collect()
    };
    let page = 0..set.rows.len().min(50);
    assert_eq!(
        text(fetch(s, &ds, &set, page.clone()).unwrap()),
        text(fetch(f, &ds, &set, page).unwrap())
    );
    let order = ds.orders.id[set.rows[0] as usize];
    let lines = order_lines(s, order).unwrap();
    assert!(!lines.is_empty());
    assert_eq!(text(lines), text(order_lines(f, order).unwrap()));
    // Searching ignores case on both (the demo's names are capitalised).
    let name = match &fetch(f, &ds, &set, 0..1).unwrap()[0].fields[3].1 {
        rusqlite::types::Value::Text(t) => t.to_lowercase(),
        other => panic!("a customer name: {other:?}"),
    };
    let found = search(s, &ds, &set, &name).unwrap();
    assert!(!found.rows.is_empty(), "{name}");
    assert_eq!(found.rows, search(f, &ds, &set, &name).unwrap().rows);
}

#[test]
fn a_viewer_reads_the_shop_and_changes_nothing() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, server) = shop(cluster, dir.path(), "appviewer");
    let Place::Server(url) = &server else {
        unreachable!()
    };
    let mut owner = Database::open(&server).unwrap();
    let before = owner.overview().unwrap();
    let viewer_url = viewer_of(url, "app_viewer");
    let viewer = Place::Server(viewer_url.clone());
    let mut viewer_db = Database::open(&viewer).unwrap();
    assert!(viewer_db.read_only().unwrap());
    assert!(!owner.read_only().unwrap());
    assert_eq!(viewer_db.overview().unwrap(), before);
    let typed = [TargetRow {
        period: "2031-02".into(),
        rep: String::new(),
        metric: "revenue".into(),
        target_minor: 1,
    }];
    let refused = viewer_db.change(&[Kind::Targets], |c| targets::set(c, "typed", &typed));
    assert!(
        matches!(refused, Err(PgError::ReadOnly { .. })),
        "{refused:?}"
    );
    assert_eq!(owner.overview().unwrap(), before, "nothing was written");

    // The connection test says so, and writes nothing into an empty one.
    let found = probe(&viewer_url).unwrap();
    assert!(found.laris && found.read_only);
    let records: u64 = before.kinds.iter().map(|k| k.count).sum();
    assert_eq!(found.records, records);
    let owner_found = probe(url).unwrap();
    assert!(!owner_found.read_only);
    let empty = cluster.database("appempty");
    let found = probe(&empty).unwrap();
    assert_eq!(
        (found.laris, found.records, found.read_only),
        (false, 0, false)
    );
    let mut pg = laris::store::pg::PgStore::connect(&empty).unwrap();
    assert_eq!(pg.version().unwrap(), None, "a test creates no tables");
}

/// The app's window on `db` (a server), in English.
fn window(db: Place) -> egui_kittest::Harness<'static, laris::ui::LarisApp> {
    // The file is never opened: the server replaces it.
    let mut config = crate::common::app_config(Path::new("unused.laris"), laris::i18n::Lang::En);
    config.db = db;
    egui_kittest::Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| laris::ui::LarisApp::new(cc, config))
}

/// The window on a server: a viewer sees the figures with imports greyed
/// out, and another computer's import shows by itself.
#[test]
fn the_window_on_a_server_greys_out_imports_for_a_viewer_and_sees_others_imports() {
    use egui_kittest::kittest::{NodeT, Queryable};
    use laris::i18n::Lang;

    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, server) = shop(cluster, dir.path(), "appwindow");
    let Place::Server(url) = &server else {
        unreachable!()
    };
    let viewer = viewer_of(url, "window_viewer");
    let mut h = window(Place::Server(viewer));
    crate::common::wait_for(&mut h, "Read-only");
    crate::common::wait_for(&mut h, "Data");
    h.get_by_label("Data").click();
    crate::common::wait_for(&mut h, "Import history");
    for _ in 0..3 {
        h.step();
    }
    let import = h.get_by_label("Import a file…");
    assert!(import.accesskit_node().is_disabled());

    // Another computer imports two orders.
    let file = dir.path().join("more.csv");
    std::fs::write(
        &file,
        "order_id,date,customer_id,customer_name,rep,channel,status,total\n\
         NEW-1,2025-06-30T09:00:00,C-N1,Budi,Sari,Toko,paid,100000\n\
         NEW-2,2025-06-30T10:00:00,C-N2,Ani,Sari,Toko,paid,200000\n",
    )
    .unwrap();
    let out = laris(&["import", "--db", url, file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    crate::common::wait_for(&mut h, &Lang::En.tr("data-changed-server"));
    crate::common::wait_for(&mut h, "more.csv");
    assert!(h.query_by_label("Read-only").is_some());
}

/// When the figures cannot be read again (here a table of the server
/// went away after another computer's change), the tabs say so with the
/// reason and "Try again", rather than turning a spinner for ever; once
/// the server is right again, trying again brings the figures back.
#[test]
fn figures_that_cannot_be_read_say_why_and_can_be_tried_again() {
    use egui_kittest::kittest::Queryable;

    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, server) = shop(cluster, dir.path(), "notread");
    let Place::Server(url) = &server else {
        unreachable!()
    };
    let mut h = window(server.clone());
    crate::common::wait_for(&mut h, "Revenue");

    let mut pg = laris::store::pg::PgStore::connect(url).unwrap();
    pg.client
        .batch_execute(
            "BEGIN;
             ALTER TABLE csat RENAME TO csat_away;
             UPDATE data_revision SET token = uuid_send(gen_random_uuid());
             COMMIT;",
        )
        .unwrap();
    crate::common::wait_for(&mut h, "The figures could not be read");
    assert!(
        h.query_all_by_label_contains("csat").next().is_some(),
        "the reason names the table"
    );
    assert!(
        h.query_all_by_label_contains("db error").next().is_none(),
        "in the server's words, once"
    );
    assert!(h.query_by_label("Revenue").is_none());

    pg.client
        .batch_execute("ALTER TABLE csat_away RENAME TO csat")
        .unwrap();
    h.get_by_label("Try again").click();
    crate::common::wait_for(&mut h, "Revenue");
    assert!(h.query_by_label("The figures could not be read").is_none());
}

/// `laris demo` fills a server as it fills a file: the same figures.
#[test]
fn the_sample_shop_can_start_a_server() {
    let Some(cluster) = Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.laris");
    let url = cluster.database("appdemo");
    for db in [file.to_str().unwrap(), &url] {
        let out = laris(&[
            "demo",
            "--db",
            db,
            "--scale",
            "400",
            "--until",
            "2025-06-30",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let report = |db: &str| {
        let out = laris(&[
            "report",
            "--db",
            db,
            "--json",
            "--period",
            "year:2025",
            "--today",
            "2025-06-30",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        crate::common::stdout(&out)
    };
    let from_file = report(file.to_str().unwrap());
    assert!(from_file.contains("\"revenue\""), "{from_file}");
    assert_eq!(report(&url), from_file);
}
