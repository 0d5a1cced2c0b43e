//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `../shared/data`, the third-party and synthetic test files (beside the
/// project, never copied into it). Where it is missing the test says so and
/// is skipped, except on CI, where it must be there; `scripts/test` warns up
/// front when it is missing, so that a skip is never silent.
pub fn shared_data() -> Option<PathBuf> {
    const HINT: &str = "Put the project's shared folder beside this clone \
        (../shared/data, with its README) to run the tests on real exports.";
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing; CI must have the shared test data. {HINT}",
            dir.display()
        );
    }
    eprintln!("skipped: {} is missing. {HINT}", dir.display());
    None
}

/// Runs the `laris` binary with English messages.
pub fn laris(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laris"))
        .arg("--lang")
        .arg("en")
        .args(args)
        .output()
        .expect("the laris binary runs")
}

/// `laris import --db DB FILE`.
pub fn import(db: &Path, file: &Path) -> Output {
    let arg = |p: &Path| p.to_str().expect("a UTF-8 test path").to_string();
    laris(&["import", "--db", &arg(db), &arg(file)])
}

/// The rows `sql` gives on the database at `db`, each row's columns joined
/// by `|` (NULL as `NULL`).
pub fn query(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get::<_, rusqlite::types::Value>(i).unwrap() {
                rusqlite::types::Value::Null => "NULL".to_string(),
                rusqlite::types::Value::Integer(v) => v.to_string(),
                rusqlite::types::Value::Real(v) => v.to_string(),
                rusqlite::types::Value::Text(v) => v,
                rusqlite::types::Value::Blob(_) => "blob".into(),
            })
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The canonical files of `synthetic-10k` with their row counts, counted by
/// hand from the files (records, not lines: some names hold line breaks).
pub const SYNTHETIC_COUNTS: [(&str, u64); 11] = [
    ("orders", 10_000),
    ("order_lines", 21_935),
    ("leads", 5_000),
    ("deals", 500),
    ("deal_stages", 1_639),
    ("activities", 20_000),
    ("targets", 846),
    ("expenses", 567),
    ("csat", 827),
    ("inquiries", 2_000),
    ("subscriptions", 125),
];

/// The app on `db` in `lang`, with a small sample shop that ends on a fixed
/// day, so that tests and snapshots see the same shop every time.
pub fn app_config(db: &Path, lang: laris::i18n::Lang) -> laris::ui::AppConfig {
    let mut config = laris::ui::AppConfig::new(laris::store::Place::File(db.to_path_buf()));
    config.lang = Some(lang);
    config.in_app_dialogs = true;
    config.sample = laris::demo::DemoOptions {
        scale: 300,
        seed: 1,
        until: chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
    };
    config.today = config.sample.until;
    config
}

/// Steps frames until something labelled `label` is on screen: the app's
/// work runs on background threads, so the frames go on while it does.
pub fn wait_for(h: &mut egui_kittest::Harness<'_, laris::ui::LarisApp>, label: &str) {
    use egui_kittest::kittest::Queryable;
    let start = std::time::Instant::now();
    loop {
        h.step();
        if h.query_all_by_label(label).next().is_some() {
            return;
        }
        if start.elapsed() > std::time::Duration::from_secs(60) {
            // What the screen shows instead, to tell why.
            let shown: Vec<String> = h
                .query_all_by_label_contains("")
                .take(30)
                .map(|n| format!("{n:?}").chars().take(400).collect())
                .collect();
            panic!("{label:?} never appeared; the screen shows: {shown:#?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// A file dropped on the window, as the platform hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `file` on the app's window (seen by the next frame).
pub fn drop_file(h: &mut egui_kittest::Harness<'_, laris::ui::LarisApp>, file: &Path) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file.to_path_buf())));
}

/// Runs frames for about half a second of wall time: what arrives from
/// threads (sparklines, pages of records) arrives, and fades finish.
pub fn settle(h: &mut egui_kittest::Harness<'_, laris::ui::LarisApp>) {
    for _ in 0..20 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Closes the notice at the foot of the window ("Sample shop ready"), which
/// otherwise goes on its own timer and would make a snapshot depend on it.
pub fn dismiss_notice(
    h: &mut egui_kittest::Harness<'_, laris::ui::LarisApp>,
    lang: laris::i18n::Lang,
) {
    use egui_kittest::kittest::Queryable;
    if let Some(close) = h.query_by_label(&lang.tr("dismiss")) {
        close.click();
    }
    settle(h);
}
