//! Loading the arrays and computing every metric for a period.
//!
//! With `LARIS_BENCH_DB=path/to/1m.laris` (see docs/benchmarks.md) the
//! benchmarks run on that database; otherwise on a sample shop of 50,000
//! orders made in a temporary folder.
// A benchmark may panic on what it set up itself.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use laris::i18n::Lang;
use laris::metrics::dataset::cache::Cache;
use laris::metrics::explain::{By, STEPS, explain};
use laris::metrics::figures::Query;
use laris::metrics::highlights::highlights;
use laris::metrics::records::{Records, fetch, records};
use laris::metrics::{Comparison, Dataset, Filters, Selection, charts, compute_report};
use laris::store::Store;

/// The database to measure, and the temporary folder that holds it when made here.
fn benches(c: &mut Criterion) {
    let (path, _dir) = common::database();
    let store = Store::open(&path).expect("open");
    let mut group = c.benchmark_group("metrics");
    group.sample_size(10);
    // From SQLite, as on the first load after a change.
    group.bench_function("load", |b| {
        b.iter(|| Dataset::load_with(black_box(store.conn()), None).expect("load"))
    });
    // From the column cache, as on every load of an unchanged database.
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let cache = Cache {
        dir: cache_dir.path().to_path_buf(),
        min_rows: 0,
    };
    Dataset::load_with(store.conn(), Some(&cache)).expect("load");
    group.bench_function("load from the column cache", |b| {
        b.iter(|| Dataset::load_with(black_box(store.conn()), Some(&cache)).expect("load"))
    });
    let ds = Dataset::load_with(store.conn(), None).expect("load");
    let today = NaiveDate::from_ymd_opt(2030, 1, 1).expect("date");
    let none = Filters::default();
    for period in ["year:2024", "month:2024-03", "quarter:2024-Q2"] {
        let sel = Selection::parse(period).expect("period");
        group.bench_function(format!("compute {period}"), |b| {
            b.iter(|| compute_report(&ds, black_box(&sel), Comparison::Previous, today, &none))
        });
        // The dashboard's charts, computed beside the report when the period changes.
        group.bench_function(format!("charts {period}"), |b| {
            b.iter(|| charts::compute(&ds, black_box(&sel), Comparison::Previous, today, &none))
        });
    }
    let sel = Selection::parse("year:2024").expect("period");
    let first_rep = ds.reps.name(0).to_string();
    let by_rep = Filters {
        rep: Some(first_rep),
        ..Filters::default()
    };
    group.bench_function("compute year:2024 --rep", |b| {
        b.iter(|| compute_report(&ds, black_box(&sel), Comparison::LastYear, today, &by_rep))
    });
    answers(&mut group, &store, &ds, today);
    group.finish();
}

/// Issue 15's budgets: the records of a year's revenue to their first rows,
/// a bridge, and the highlights on top of a period's figures.
fn answers(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    store: &Store,
    ds: &Dataset,
    today: NaiveDate,
) {
    let query = |period: &str| Query {
        sel: Selection::parse(period).expect("period"),
        cmp: Comparison::Previous,
        filters: Filters::default(),
        today,
    };
    let year = query("year:2024");
    let mut db = laris::store::Database::open_to_read(&laris::store::Place::File(
        store.path().to_path_buf(),
    ))
    .expect("open");
    group.bench_function("records of revenue year:2024, first 100 rows", |b| {
        b.iter(|| {
            let Ok(Records::Figure(set)) = records(ds, black_box(&year), "revenue") else {
                panic!("revenue has records");
            };
            fetch(&mut db, ds, &set, 0..100).expect("fetch")
        })
    });
    for by in [By::Channel, By::Product] {
        group.bench_function(format!("bridge of revenue year:2024 by {}", by.id()), |b| {
            b.iter(|| explain(ds, black_box(&year), "revenue", by, STEPS).expect("bridge"))
        });
    }
    for period in ["year:2024", "month:2024-03"] {
        let q = query(period);
        let report = compute_report(ds, &q.sel, q.cmp, q.today, &q.filters);
        group.bench_function(format!("highlights {period}"), |b| {
            b.iter(|| highlights(ds, black_box(&q), &report, Lang::En))
        });
    }
}

criterion_group!(metrics, benches);
criterion_main!(metrics);
