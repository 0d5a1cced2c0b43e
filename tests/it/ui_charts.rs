//! The dashboard's charts on a small hand-made shop: each draws its title
//! with the period, a legend only where there is more than one series, and
//! nothing for a kind never imported.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::metrics::charts::{self, Charts};
use laris::metrics::{Comparison, Dataset, Filters, Report, Selection, compute_report};
use laris::store::Store;
use laris::view::charts::{ChartInput, ChartKind, has_data, show};

const SHOP: &str = "
INSERT INTO orders(order_id, date, customer_id, rep, channel, status, total_minor, batch_id) VALUES
 ('O1', '2024-01-10', 'C1', 'Sari', 'store',  'paid', 10000, 1),
 ('O2', '2024-02-05', 'C1', 'Sari', 'store',  'paid',  5000, 1),
 ('O3', '2024-02-10', 'C2', 'Budi', 'online', 'paid', 20000, 1);
INSERT INTO targets(period, rep, metric, target_minor, batch_id) VALUES
 ('2024-02', '', 'revenue', 58000, 1);
";

fn figures(sql: &str) -> (Report, Charts) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.laris")).unwrap();
    store.conn().execute_batch(sql).unwrap();
    let ds = Dataset::load(store.conn()).unwrap();
    let sel = Selection::parse("month:2024-02").unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let none = Filters::default();
    (
        compute_report(&ds, &sel, Comparison::Previous, today, &none),
        charts::compute(&ds, &sel, Comparison::Previous, today, &none),
    )
}

fn harness<'a>(kind: ChartKind, input: ChartInput<'a>) -> Harness<'a> {
    Harness::builder()
        .with_size([800.0, 450.0])
        .with_context_setup(laris::view::theme::apply)
        .build_ui(move |ui| {
            show(ui, kind, &input, egui::vec2(780.0, 430.0));
        })
}

#[test]
fn revenue_has_its_title_period_and_a_legend_of_three_series() {
    let (report, charts) = figures(SHOP);
    let input = ChartInput {
        charts: &charts,
        report: &report,
        filters: &Filters::default(),
        lang: Lang::En,
        print: true,
    };
    let h = harness(ChartKind::Revenue, input);
    h.get_by_label("Revenue · Feb 2024");
    h.get_by_label("Compared with Jan 2024");
    h.get_by_label("This period");
    h.get_by_label("Comparison period (Jan 2024)");
    h.get_by_label("Target");
}

#[test]
fn a_single_series_has_no_legend_and_indonesian_titles() {
    let (report, charts) = figures(SHOP);
    let input = ChartInput {
        charts: &charts,
        report: &report,
        filters: &Filters::default(),
        lang: Lang::Id,
        print: false,
    };
    let h = harness(ChartKind::RevenueByChannel, input);
    h.get_by_label("Omzet per saluran · Feb 2024");
    // No legend, and no comparison line under the title on screen.
    assert!(h.query_by_label_contains("Dibandingkan").is_none());
}

#[test]
fn a_chart_of_a_kind_never_imported_draws_nothing() {
    let (report, charts) = figures(SHOP);
    let input = ChartInput {
        charts: &charts,
        report: &report,
        filters: &Filters::default(),
        lang: Lang::En,
        print: false,
    };
    assert!(!has_data(ChartKind::Funnel, &input));
    assert!(has_data(ChartKind::Cohorts, &input));
    let h = harness(ChartKind::Funnel, input);
    assert!(h.query_by_label_contains("Sales funnel").is_none());
}

#[test]
fn a_month_still_running_continues_its_bars_to_the_projection() {
    // Rp 1,000 every day from 1 December 2023 to 15 February 2024, seen on
    // the 16th: the chart of February continues as a dashed line at Rp 1,000.
    let days: String = (0..77)
        .map(|d| {
            let day = chrono::NaiveDate::from_ymd_opt(2023, 12, 1).unwrap() + chrono::Days::new(d);
            format!(
                "INSERT INTO orders(order_id, date, status, total_minor, batch_id) VALUES ('O{d}', '{day}', 'paid', 100000, 1);\n"
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.laris")).unwrap();
    store.conn().execute_batch(&days).unwrap();
    let ds = Dataset::load(store.conn()).unwrap();
    let q = laris::metrics::figures::Query {
        sel: Selection::parse("month:2024-02").unwrap(),
        cmp: Comparison::Previous,
        filters: Filters::default(),
        today: chrono::NaiveDate::from_ymd_opt(2024, 2, 16).unwrap(),
    };
    let f = laris::metrics::figures::compute(&ds, &q);
    let buckets = &f.charts.revenue.as_ref().unwrap().buckets;
    // The 15 days over have no continuation; the 14 from today on have.
    assert_eq!(buckets.iter().filter(|b| b.projected.is_some()).count(), 14);
    let input = ChartInput {
        charts: &f.charts,
        report: &f.report,
        filters: &Filters::default(),
        lang: Lang::En,
        print: false,
    };
    let mut h = harness(ChartKind::Revenue, input);
    h.get_by_label("Expected by the end");
    h.snapshot("chart_revenue_projected");
}
