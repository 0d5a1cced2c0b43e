//! Nothing English on an Indonesian screen: every tab of the sample shop is
//! walked in Indonesian, and each word the screen reads out (its labels,
//! buttons, values) must be a word of the Indonesian message files, of the
//! shop's own data (names of reps, products, channels, sources, stages), or
//! a number, an amount, a date or a sign. A text written in code, an English
//! fallback or a raw code (`follow_up`) fails, named with where it was seen.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{app_config, query, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use laris::i18n::Lang;
use laris::ui::LarisApp;

/// The words of the Indonesian messages, placeholders and selectors left out.
fn message_words() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales/id");
    let mut words = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let value = match line.split_once(" = ") {
                Some((id, value)) if !id.starts_with(' ') => value,
                _ => line,
            };
            // `{ $count }` and `[one]` are no words of the screen.
            let mut plain = String::new();
            let mut depth = 0;
            for c in value.chars() {
                match c {
                    '{' | '[' => depth += 1,
                    '}' | ']' => depth -= 1,
                    _ if depth == 0 => plain.push(c),
                    _ => plain.push(' '),
                }
            }
            words.extend(tokens(&plain));
        }
    }
    words
}

/// The shop's own names, as the sample shop writes them.
fn data_words(db: &Path) -> BTreeSet<String> {
    let columns = [
        ("orders", "rep"),
        ("orders", "channel"),
        ("orders", "customer_name"),
        ("order_lines", "product"),
        ("leads", "source"),
        ("leads", "rep"),
        ("deals", "rep"),
        ("deals", "stage"),
        ("deal_stages", "stage"),
        ("activities", "rep"),
        ("targets", "rep"),
        ("inquiries", "channel"),
        // The files the user chose, as named on their computer.
        ("import_batches", "file_name"),
    ];
    let mut words = BTreeSet::new();
    for (table, column) in columns {
        for value in query(db, &format!("SELECT DISTINCT {column} FROM {table}")) {
            words.extend(tokens(&value));
        }
    }
    words
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || "()[],.:;!?\"'«»·–—/…=".contains(c))
        .map(|w| w.trim_matches(|c: char| "+-*%".contains(c)).to_lowercase())
        .filter(|w| !w.is_empty())
}

/// Numbers, amounts, percentages and signs: `1.250.000`, `25,0%`,
/// `2025`, `↑`, `Rp`, `jt`, `rb`.
fn is_figure(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii_digit() || ",.%+-−↑↓→×x<>≥≤~#".contains(c))
        || matches!(word, "rp" | "jt" | "rb" | "m" | "t")
        || word.chars().all(|c| !c.is_alphanumeric())
}

#[test]
fn every_tab_in_indonesian_speaks_only_indonesian_and_the_shops_own_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let config = app_config(&db, Lang::Id);
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(move |cc| LarisApp::new(cc, config));
    let lang = Lang::Id;
    let sample = lang.tr("welcome-sample");
    wait_for(&mut h, &sample);
    h.get_by_label(&sample).click();
    wait_for(&mut h, &lang.tr("metric-revenue"));

    let mut known = message_words();
    known.extend(data_words(&db));
    let mut strangers: BTreeSet<(String, String)> = BTreeSet::new();
    for (tab, shown) in [
        ("tab-performance", "metric-revenue"),
        ("tab-activity", "metric-activities"),
        ("tab-productivity", "reps-title"),
        ("tab-targets", "targets-team"),
        ("tab-settings", "settings-database"),
        ("tab-data", "data-history"),
    ] {
        h.query_all_by_label(&lang.tr(tab)).next().unwrap().click();
        wait_for(&mut h, &lang.tr(shown));
        h.run_steps(10);
        let texts: Vec<String> = h
            .query_all_by_label_contains("")
            .flat_map(|n| {
                let node = n.accesskit_node();
                [node.label(), node.value()]
            })
            .flatten()
            .collect();
        assert!(texts.len() > 20, "{tab}: only {texts:?}");
        for text in texts {
            // Where the database is kept differs by machine: a path.
            if text.contains(std::path::MAIN_SEPARATOR) {
                continue;
            }
            for word in tokens(&text) {
                if !is_figure(&word) && !known.contains(&word) {
                    strangers.insert((word, format!("{tab}: {text:?}")));
                }
            }
        }
    }
    assert!(
        strangers.is_empty(),
        "words on the Indonesian screens that no Indonesian message or the shop's data has:\n{}",
        strangers
            .iter()
            .map(|(w, at)| format!("  {w:?} in {at}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
