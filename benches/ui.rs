//! The dashboard's frame cost and how soon a new period shows (issue 5):
//! a frame of each metric tab in the kittest harness (no rendering), and the
//! time from pressing Right to the next month's revenue on screen.
//!
//! With `LARIS_BENCH_DB=path/to/1m.laris` (docs/benchmarks.md) on that
//! database, else on a 50,000-order sample shop made in a temporary folder.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::metrics::catalog::Unit;
use laris::metrics::{Comparison, Dataset, Filters, PeriodKind, Selection, compute_report};
use laris::store::Store;
use laris::ui::{AppConfig, LarisApp};

fn database() -> (PathBuf, Option<tempfile::TempDir>) {
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
    laris::cli::demo::fill(&mut store, &opts, &mut |_| {}).expect("sample shop");
    (path, Some(dir))
}

/// Steps frames until `label` shows; panics after two minutes.
fn wait_for(h: &mut Harness<'_, LarisApp>, label: &str) {
    let start = Instant::now();
    while h.query_all_by_label(label).next().is_none() {
        h.step();
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "{label} never showed"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn benches(c: &mut Criterion) {
    let (path, _dir) = database();
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

    let mut config = AppConfig::new(path.clone());
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

    // Week by week, back to the first order and then forward again with the
    // other comparison, so that every step is a query the app has not seen
    // (its cache is smaller than the weeks of data). A step is timed only when
    // the new week's revenue differs from the one shown, so that its figure
    // on screen means the new result arrived.
    h.get_by_label("Period").click();
    h.run_steps(2);
    h.get_by_label("Week").click_accesskit();
    // Switching the kind keeps the end of the month shown.
    let mut shown = Selection::containing(PeriodKind::Week, start.period.to);
    wait_for(&mut h, &revenue(&shown));
    let first = ds
        .orders
        .date
        .first()
        .map(|&d| laris::metrics::dataset::date_of(d))
        .expect("orders");
    let mut step = -1;
    let mut last_year = false;
    group.sample_size(10);
    group.bench_function("period change to figures on screen", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut done = 0;
            while done < iters {
                let mut next = shown.shift(step);
                if next.period.to < first || next.period.from > last {
                    step = -step;
                    last_year = !last_year;
                    h.get_by_label("Compare with").click();
                    h.run_steps(2);
                    let option = if last_year {
                        "same period last year"
                    } else {
                        "previous period"
                    };
                    // The open list and the closed box both say it: the list is last.
                    h.query_all_by_label(option)
                        .last()
                        .expect("option")
                        .click_accesskit();
                    h.run_steps(2);
                    next = shown.shift(step);
                }
                let (before, expected) = (revenue(&shown), revenue(&next));
                let key = if step < 0 {
                    egui::Key::ArrowLeft
                } else {
                    egui::Key::ArrowRight
                };
                let t = Instant::now();
                h.key_press(key);
                if expected != before {
                    wait_for(&mut h, &expected);
                    total += t.elapsed();
                    done += 1;
                } else {
                    h.run_steps(2);
                }
                shown = next;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(ui, benches);
criterion_main!(ui);
