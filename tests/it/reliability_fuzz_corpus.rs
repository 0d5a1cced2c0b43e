//! Every input the fuzzers kept (their corpora, and any input that once
//! crashed a target) runs again through the same functions on every
//! `cargo test`: none may panic.

use std::path::Path;

fn inputs(target: &str) -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut found = Vec::new();
    for dir in [
        root.join("corpus").join(target),
        root.join("regressions").join(target),
    ] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            found.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_file()));
        }
    }
    found.sort();
    found
}

fn replay(target: &str, run: fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "fuzz/corpus/{target} has inputs");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} panics", path.display());
    }
}

#[test]
fn csv_inputs_do_not_panic() {
    replay("csv", laris::import::fuzz::csv);
}

#[test]
fn number_inputs_do_not_panic() {
    replay("numbers", laris::import::fuzz::numbers);
}

#[test]
fn date_inputs_do_not_panic() {
    replay("dates", laris::import::fuzz::dates);
}

#[test]
fn workbook_inputs_do_not_panic() {
    replay("workbook", laris::import::fuzz::workbook);
}
