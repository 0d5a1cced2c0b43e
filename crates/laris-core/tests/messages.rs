//! Every message id the code of the workspace uses exists in English and in
//! Indonesian. A missing id is no compile error: Fluent shows the raw id, or
//! English on an Indonesian screen, and only someone reading that screen in
//! that language would notice.
//!
//! The ids come from the Rust sources of every crate, read as text: literals
//! passed to `tr`/`tr_args`, literals shaped like ids (`wizard-title`) that
//! start like a message or sit in a function named `*_id`/`*_key` (ids flow
//! through match arms, arrays and tables before they reach `tr`), and the
//! expansions of ids built with `format!`, enumerated below from the lists
//! the code builds them from.
//!
//! The Indonesian messages also keep to assets/locales/GLOSSARY.md: a term
//! its Avoid column puts in backticks fails the test wherever it appears.

// A test's helpers fail the test by panicking, as its asserts do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use laris_core::import::mapping::{Extra, LINE_FIELDS, Target};
use laris_core::import::parse::{ACTIVITY_TYPES, STATUSES};
use laris_core::metrics::catalog::{Tab, cards};
use laris_core::metrics::dataset::TargetMetric;
use laris_core::metrics::explain::{By, EXPLAINED};
use laris_core::metrics::records::METRICS_WITH_RECORDS;
use laris_core::metrics::report::METRIC_IDS;
use laris_core::store::Kind;

/// Literals shaped like message ids, starting like one, that name something
/// else.
const NOT_MESSAGES: &[&str] = &[
    // egui ids
    "help-window",
    "period-kind",
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The message ids of one language, from every `.ftl` file of its folder
/// (all of them are loaded).
fn defined(lang: &str) -> BTreeSet<String> {
    let dir = workspace().join("assets/locales").join(lang);
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("locale folder") {
        let path = entry.expect("locale entry").path();
        if path.extension().is_none_or(|x| x != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("ftl file");
        for line in text.lines() {
            // Messages start at the line's start; terms (`-name`),
            // comments and continuation lines do not.
            if let Some((id, _)) = line.split_once('=') {
                let id = id.trim_end();
                if is_id_text(id) && !line.starts_with(char::is_whitespace) {
                    ids.insert(id.to_string());
                }
            }
        }
    }
    ids
}

fn is_id_text(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// `wizard-title`, `reason-bad-score-1-10`: lowercase words joined by `-`.
fn id_shaped(s: &str) -> bool {
    is_id_text(s) && s.contains('-') && !s.ends_with('-') && !s.contains("--")
}

/// The `.rs` files of the app and of every crate.
fn sources() -> Vec<PathBuf> {
    let root = workspace();
    let mut dirs = vec![root.join("src")];
    for entry in std::fs::read_dir(root.join("crates")).expect("crates folder") {
        let src = entry.expect("crate").path().join("src");
        if src.is_dir() {
            dirs.push(src);
        }
    }
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("source folder") {
            let path = entry.expect("source entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 50, "found only {files:?}");
    files
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Str(String),
    Ident(String),
    Punct(char),
}

/// Rust source as identifiers, string literals and punctuation; comments
/// dropped, so that ids quoted in docs are not taken for uses.
fn tokens(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if ch == 'r' && (next == Some('"') || next == Some('#')) && {
            let hashes = c[i + 1..].iter().take_while(|&&x| x == '#').count();
            c.get(i + 1 + hashes) == Some(&'"')
        } {
            let hashes = c[i + 1..].iter().take_while(|&&x| x == '#').count();
            let start = i + 2 + hashes;
            let mut j = start;
            loop {
                assert!(j < c.len(), "unterminated raw string");
                if c[j] == '"'
                    && c[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&x| x == '#')
                        .count()
                        == hashes
                {
                    break;
                }
                j += 1;
            }
            out.push(Tok::Str(c[start..j].iter().collect()));
            i = j + 1 + hashes;
        } else if ch == '"' {
            let mut s = String::new();
            i += 1;
            while c[i] != '"' {
                if c[i] == '\\' {
                    s.push(c[i]);
                    i += 1;
                }
                s.push(c[i]);
                i += 1;
            }
            out.push(Tok::Str(s));
            i += 1;
        } else if ch == '\'' {
            // A char literal ('x', '\'', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(c[start..i].iter().collect()));
        } else {
            if !ch.is_whitespace() {
                out.push(Tok::Punct(ch));
            }
            i += 1;
        }
    }
    out
}

fn ident(t: &Tok, name: &str) -> bool {
    matches!(t, Tok::Ident(s) if s == name)
}

/// The tokens of the body of `fn name` in `file` (relative to the workspace).
fn fn_body(file: &str, name: &str) -> Vec<Tok> {
    let src = std::fs::read_to_string(workspace().join(file)).expect(file);
    let toks = tokens(&src);
    let at = toks
        .windows(2)
        .position(|w| ident(&w[0], "fn") && ident(&w[1], name))
        .unwrap_or_else(|| panic!("no fn {name} in {file}"));
    let open = at
        + toks[at..]
            .iter()
            .position(|t| *t == Tok::Punct('{'))
            .expect("body");
    let mut depth = 0;
    for (i, t) in toks.iter().enumerate().skip(open) {
        match t {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return toks[open..=i].to_vec();
                }
            }
            _ => {}
        }
    }
    panic!("fn {name} in {file} does not end")
}

fn strings(toks: &[Tok]) -> Vec<String> {
    toks.iter()
        .filter_map(|t| match t {
            Tok::Str(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// The ids each `format!` pattern that builds a message id can give, with
/// its placeholders written `{}`.
fn expansions() -> BTreeMap<&'static str, Vec<String>> {
    let card_ids: Vec<&str> = Tab::ALL
        .iter()
        .flat_map(|&t| cards(t).iter().map(|c| c.id))
        .collect();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.table()).collect();
    let fields: Vec<&str> = Kind::ALL
        .iter()
        .flat_map(|k| k.fields().iter().map(|f| f.name))
        .chain(LINE_FIELDS)
        .chain(
            [
                Extra::RefundedAmount,
                Extra::CancelledAt,
                Extra::Fee,
                Extra::RowType,
            ]
            .map(|e| Target::Extra(e).name()),
        )
        .collect();
    let metrics: Vec<&str> = METRIC_IDS
        .iter()
        .copied()
        .chain(TargetMetric::ALL.map(|m| m.id()))
        .chain(card_ids.iter().copied())
        .chain(METRICS_WITH_RECORDS)
        .collect();
    let bys: Vec<&str> = By::ALL.iter().map(|b| b.id()).collect();
    let explained: Vec<&str> = EXPLAINED.iter().map(|(m, _)| *m).collect();
    let chart_slugs = strings(&fn_body("crates/laris-view/src/charts/mod.rs", "slug"));
    let chart_help = strings(&fn_body("src/ui/dashboard/help.rs", "help_id"));
    // The companion figure a card shows under its own: the `Some(..)` arms.
    let companions: Vec<String> = fn_body("crates/laris-view/src/cards.rs", "companion")
        .windows(3)
        .filter_map(|w| match w {
            [Tok::Ident(some), Tok::Punct('('), Tok::Str(s)] if some == "Some" => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(chart_slugs.len(), 11, "{chart_slugs:?}");
    assert_eq!(chart_help.len(), 11, "{chart_help:?}");
    assert!(!companions.is_empty());

    let each = |pattern: &str, parts: &[String]| -> Vec<String> {
        parts.iter().map(|p| pattern.replacen("{}", p, 1)).collect()
    };
    let own = |xs: &[&str]| -> Vec<String> { xs.iter().map(|s| s.to_string()).collect() };
    let numbers = |n: u32| -> Vec<String> { (1..=n).map(|i| i.to_string()).collect() };
    BTreeMap::from([
        ("kind-{}", each("kind-{}", &own(&kinds))),
        ("kind-count-{}", each("kind-count-{}", &own(&kinds))),
        ("needs-{}", each("needs-{}", &own(&kinds))),
        ("import-what-{}", each("import-what-{}", &own(&kinds))),
        ("field-{}", each("field-{}", &own(&fields))),
        ("metric-{}", each("metric-{}", &own(&metrics))),
        ("help-{}-what", each("help-{}-what", &own(&card_ids))),
        ("help-{}-why", each("help-{}-why", &own(&card_ids))),
        ("help-{}-how", each("help-{}-how", &own(&card_ids))),
        (
            "help-chart-{}-what",
            each("help-chart-{}-what", &chart_help),
        ),
        ("help-chart-{}-how", each("help-chart-{}-how", &chart_help)),
        ("chart-{}", each("chart-{}", &chart_slugs)),
        ("card-{}", each("card-{}", &companions)),
        ("month-{}", each("month-{}", &numbers(12))),
        ("month-short-{}", each("month-short-{}", &numbers(12))),
        ("weekday-short-{}", each("weekday-short-{}", &numbers(7))),
        // The command line's options are clap's, which this crate does not
        // see: src/cli/help.rs checks each has its message; here, that
        // Indonesian has every one English has.
        (
            "cli-arg-{}",
            defined("en")
                .into_iter()
                .filter(|m| m.starts_with("cli-arg-"))
                .collect(),
        ),
        ("status-{}", each("status-{}", &own(&STATUSES))),
        (
            "activity-type-{}",
            each("activity-type-{}", &own(&ACTIVITY_TYPES)),
        ),
        (
            "records-{}",
            each("records-{}", &own(&["numerator", "denominator"])),
        ),
        ("explain-by-{}", each("explain-by-{}", &own(&bys))),
        (
            "highlight-name-{}",
            each("highlight-name-{}", &own(&explained)),
        ),
    ])
}

/// `metric-{id}` -> `metric-{}`.
fn placeholders_blank(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for ch in s.chars() {
        match ch {
            '{' => {
                inside = true;
                out.push('{');
            }
            '}' => {
                inside = false;
                out.push('}');
            }
            _ if inside => {}
            _ => out.push(ch),
        }
    }
    out
}

struct Uses {
    /// id -> where it is used.
    ids: BTreeMap<String, String>,
    /// `format!` patterns that build an id -> where.
    patterns: BTreeMap<String, String>,
}

fn uses(prefixes: &BTreeSet<String>) -> Uses {
    let root = workspace();
    let mut ids = BTreeMap::new();
    let mut patterns = BTreeMap::new();
    let starts_like_message = |s: &str| {
        s.split_once('-')
            .is_some_and(|(first, _)| prefixes.contains(first))
    };
    for file in sources() {
        let src = std::fs::read_to_string(&file).expect("source");
        let toks = tokens(&src);
        let at = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let mut current_fn = String::new();
        for (i, t) in toks.iter().enumerate() {
            if ident(t, "fn")
                && let Some(Tok::Ident(name)) = toks.get(i + 1)
            {
                current_fn = name.clone();
            }
            let Tok::Str(s) = t else { continue };
            let before = |back: usize| i.checked_sub(back).map(|j| &toks[j]);
            let called = |name: &str| {
                before(1) == Some(&Tok::Punct('(')) && before(2).is_some_and(|t| ident(t, name))
            };
            let where_ = format!("{at} (fn {current_fn})");
            let in_format = before(1) == Some(&Tok::Punct('('))
                && before(2) == Some(&Tok::Punct('!'))
                && before(3).is_some_and(|t| ident(t, "format"));
            if in_format && s.contains('{') {
                let pattern = placeholders_blank(s);
                // `sample-shop-{}.csv` is a file name, not an id.
                if id_shaped(&pattern.replace("{}", "x")) && starts_like_message(s) {
                    patterns.insert(pattern, where_);
                }
                continue;
            }
            let passed_to_tr = called("tr") || called("tr_args");
            let in_id_fn = current_fn.ends_with("_id") || current_fn.ends_with("_key");
            let message = passed_to_tr
                || (id_shaped(s)
                    && !NOT_MESSAGES.contains(&s.as_str())
                    && (in_id_fn || starts_like_message(s)));
            if message {
                ids.entry(s.clone()).or_insert(where_);
            }
        }
    }
    Uses { ids, patterns }
}

#[test]
fn every_message_the_code_uses_exists_in_both_languages() {
    let en = defined("en");
    let id = defined("id");
    let prefixes: BTreeSet<String> = en
        .iter()
        .filter_map(|m| m.split_once('-').map(|(p, _)| p.to_string()))
        .collect();
    let found = uses(&prefixes);
    let expansions = expansions();

    let unknown_patterns: Vec<_> = found
        .patterns
        .iter()
        .filter(|(p, _)| !expansions.contains_key(p.as_str()))
        .collect();
    assert!(
        unknown_patterns.is_empty(),
        "ids built with format! that this test does not enumerate; add their \
         expansions to expansions(): {unknown_patterns:?}"
    );
    // A pattern the code no longer builds would keep checking ids nobody uses.
    let stale: Vec<_> = expansions
        .keys()
        .filter(|p| !found.patterns.contains_key(**p))
        .collect();
    assert!(stale.is_empty(), "no longer built in the code: {stale:?}");

    let mut used: BTreeMap<String, String> = found.ids;
    for (pattern, ids) in &expansions {
        for i in ids {
            used.entry(i.clone())
                .or_insert_with(|| format!("format!(\"{pattern}\")"));
        }
    }
    assert!(used.len() > 500, "found only {} ids", used.len());
    let missing = |lang: &BTreeSet<String>| -> Vec<String> {
        used.iter()
            .filter(|(i, _)| !lang.contains(*i))
            .map(|(i, at)| format!("{i} (used in {at})"))
            .collect()
    };
    let (no_en, no_id) = (missing(&en), missing(&id));
    assert!(
        no_en.is_empty() && no_id.is_empty(),
        "missing in English: {no_en:#?}\nmissing in Indonesian: {no_id:#?}"
    );
}

/// The scanner itself: what it must find and what it must leave alone.
#[test]
fn the_scanner_reads_rust_source() {
    let toks = tokens(
        r##"// tr("not-a-use")
        /* "nor-this" /* nested */ */
        fn label_id(x: &'static str) -> char { lang.tr("wizard-title"); r#"raw-"one""#; '"' }"##,
    );
    assert_eq!(
        strings(&toks),
        vec!["wizard-title".to_string(), "raw-\"one\"".to_string()]
    );
    assert_eq!(placeholders_blank("help-chart-{}-how"), "help-chart-{}-how");
    assert_eq!(placeholders_blank("metric-{id}"), "metric-{}");
    assert!(id_shaped("reason-bad-score-1-10"));
    assert!(!id_shaped("revenue") && !id_shaped("laris-{}.pdf") && !id_shaped("Tab-X"));
}

/// The terms the glossary's Avoid column writes in backticks: the glossary
/// is the one list, so it and this test cannot disagree. Plain words there
/// are wrong in one sense only, which a reader judges and a test cannot.
fn avoided_terms() -> Vec<String> {
    let path = workspace().join("assets/locales/GLOSSARY.md");
    let text = std::fs::read_to_string(&path).expect("GLOSSARY.md");
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut lines = text.lines();
    lines
        .by_ref()
        .find(|l| cells(l) == ["EN", "Use", "Avoid"])
        .expect("GLOSSARY.md has no | EN | Use | Avoid | table");
    let mut terms = Vec::new();
    for line in lines
        .skip(1)
        .take_while(|l| l.trim_start().starts_with('|'))
    {
        let row = cells(line);
        assert_eq!(row.len(), 3, "GLOSSARY.md row without three cells: {line}");
        for (i, quoted) in row[2].split('`').enumerate() {
            if i % 2 == 1 && !terms.contains(&quoted.to_lowercase()) {
                terms.push(quoted.to_lowercase());
            }
        }
    }
    terms
}

/// `(file, id, value)` of every message and term of one language, with
/// continuation lines joined and whitespace runs made one space.
fn messages(lang: &str) -> Vec<(String, String, String)> {
    let dir = workspace().join("assets/locales").join(lang);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("locale folder")
        .map(|e| e.expect("locale entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    let mut out: Vec<(String, String, String)> = Vec::new();
    for path in files {
        let name = format!("{lang}/{}", path.file_name().unwrap().to_string_lossy());
        let text = std::fs::read_to_string(&path).expect("ftl file");
        let mut open = false;
        for line in text.lines() {
            // Fluent allows blank lines inside a multiline value.
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with(char::is_whitespace) {
                if open {
                    let value = &mut out.last_mut().unwrap().2;
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            open = false;
            if line.starts_with('#') {
                continue;
            }
            if let Some((id, value)) = line.split_once('=') {
                out.push((
                    name.clone(),
                    id.trim().to_string(),
                    value.trim().to_string(),
                ));
                open = true;
            }
        }
    }
    for m in &mut out {
        m.2 = m.2.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// Whether `term` (lowercase) is in `text` as a whole word, case-insensitive:
/// not inside a longer word ("batalkan" is not in "dibatalkan"), but with
/// an enclitic attached ("pendapatannya" is "pendapatan").
fn has_word(text: &str, term: &str) -> bool {
    const ENCLITICS: [&str; 6] = ["", "nya", "lah", "kah", "ku", "mu"];
    let text = text.to_lowercase();
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let rest = &text[at + term.len()..];
        !word_char(before)
            && ENCLITICS.iter().any(|e| {
                rest.strip_prefix(e)
                    .is_some_and(|after| !word_char(after.chars().next()))
            })
    })
}

#[test]
fn indonesian_messages_use_the_glossarys_words() {
    let avoid = avoided_terms();
    // A glossary the parser misread would check nothing and pass.
    assert!(avoid.len() > 20, "read only {avoid:?} from GLOSSARY.md");
    let messages = messages("id");
    assert!(
        messages.len() > 500,
        "found only {} messages",
        messages.len()
    );
    let found: Vec<String> = messages
        .iter()
        .flat_map(|(file, id, value)| {
            avoid
                .iter()
                .filter(|term| has_word(value, term))
                .map(move |term| format!("{file}: {id}: \"{term}\" in \"{value}\""))
        })
        .collect();
    assert!(
        found.is_empty(),
        "Indonesian messages using a term GLOSSARY.md says to avoid (use the \
         word in its Use column):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_glossary_check_matches_whole_words() {
    assert!(has_word("Pendapatan per saluran", "pendapatan"));
    assert!(has_word("Target pendapatannya naik", "pendapatan"));
    assert!(has_word("Bulan ini s.d. hari ini", "s.d."));
    assert!(has_word("Buka dalam mode baca saja", "baca saja"));
    assert!(has_word("(berkas-berkas lain)", "berkas"));
    // Cancelling stays "dibatalkan"; only undo's "batalkan" is avoided.
    assert!(!has_word("Pesanan dibatalkan", "batalkan"));
    assert!(!has_word("Peluang menang", "tingkat menang"));
    assert!(!has_word("Tanggapan pelanggan", "tanggap"));
}
