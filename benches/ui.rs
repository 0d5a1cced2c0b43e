//! The dashboard's frame cost and how soon a new period shows (issue 5):
//! a frame of each metric tab in the kittest harness (no rendering), and
//! the figures thread's work for a new period (`metrics::figures::compute`).
//!
//! With `LARIS_BENCH_DB=path/to/1m.laris` (docs/benchmarks.md) on that
//! database, else on a 50,000-order sample shop made in a temporary folder.
// A benchmark may panic on what it set up itself.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::metrics::catalog::Unit;
use laris::metrics::{Comparison, Dataset, Filters, PeriodKind, Selection, compute_report};
use laris::store::Store;
use laris::ui::{AppConfig, LarisApp};

/// Steps frames until `label` shows; panics after two minutes.
fn wait_for(h: &mut Harness<'_, LarisApp>, label: &str) {
    let start = Instant::now();
    while h.query_all_by_label(label).next().is_none() {
        h.step();
        if start.elapsed() > Duration::from_secs(120) {
            let shown: Vec<String> = h
                .query_all_by_label_contains("Rp")
                .chain(h.query_all_by_label_contains("Week"))
                .map(|n| format!("{n:?}").chars().take(140).collect())
                .collect();
            panic!("{label} never showed; on screen: {shown:#?}");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn benches(c: &mut Criterion) {
    let (path, _dir) = common::database();
    let store = Store::open(&path).expect("open");
    let ds = Dataset::load(store.conn()).expect("load");
    let last = ds
        .orders
        .date
        .last()
        .map(|&d| laris::metrics::dataset::date_of(d))
        .expect("orders");
    let today = last;
    let revenue = |sel: &Selection| {
        let r = compute_report(&ds, sel, Comparison::Previous, today, &Filters::default());
        Unit::Money.show(Lang::En, &ds.currency, r.metrics.scalars.revenue)
    };

    let mut config = AppConfig::new(laris::store::Place::File(path.clone()));
    config.lang = Some(Lang::En);
    config.today = today;
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| LarisApp::new(cc, config));
    let start = Selection::containing(PeriodKind::Month, last);
    wait_for(&mut h, &revenue(&start));

    let mut group = c.benchmark_group("ui");
    group.sample_size(20);
    for tab in ["Performance", "Activity", "Productivity"] {
        h.get_by_label(tab).click();
        h.run_steps(3);
        group.bench_function(format!("frame {tab}"), |b| b.iter(|| h.step()));
    }
    h.get_by_label("Performance").click();
    h.run_steps(3);
    // The records of the month's revenue, a page of rows on screen: the
    // virtual table draws only those, however many the figure has.
    h.get_by_label(&revenue(&start)).click();
    wait_for(&mut h, "Order number");
    h.run_steps(10);
    group.bench_function("frame records of revenue", |b| b.iter(|| h.step()));
    h.get_by_label("← Back").click();
    h.run_steps(3);

    group.finish();

    // What a period change waits for: the figures thread computing the new
    // period (report, comparison totals, per-rep sizes, chart figures); the
    // frame that shows them is measured above.
    let mut group = c.benchmark_group("ui period change");
    group.sample_size(10);
    for period in [
        "week:2024-W10",
        "month:2024-03",
        "quarter:2024-Q2",
        "year:2024",
    ] {
        let sel = Selection::parse(period).expect("period");
        let q = laris::metrics::figures::Query {
            sel,
            cmp: Comparison::Previous,
            filters: Filters::default(),
            today,
        };
        group.bench_function(format!("figures {period}"), |b| {
            b.iter(|| laris::metrics::figures::compute(&ds, &q))
        });
    }
    group.finish();
}

criterion_group!(ui, benches);
criterion_main!(ui);
