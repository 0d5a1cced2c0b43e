//! What the benchmarks share: the database they measure.

use std::path::PathBuf;

use chrono::NaiveDate;
use laris::store::Store;

/// `LARIS_BENCH_DB` (see docs/benchmarks.md), else a 50,000-order sample
/// shop made in a temporary folder, which is returned to keep it alive.
pub fn database() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(path) = std::env::var_os("LARIS_BENCH_DB") {
        return (PathBuf::from(path), None);
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.laris");
    let mut store = Store::open(&path).expect("open");
    let opts = laris::demo::DemoOptions {
        scale: 50_000,
        seed: 7,
        until: NaiveDate::from_ymd_opt(2025, 6, 30).expect("date"),
    };
    laris::demo::fill(&mut store, &opts, &mut |_| {}).expect("sample shop");
    (path, Some(dir))
}
