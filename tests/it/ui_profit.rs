//! Profit on the Performance tab (issue 16), walked like a shop owner: the
//! sample shop lacks the cost of some products, so its profit cards carry
//! "≈" and the tab says how much of the sales has no cost; typing a missing
//! cost in the product table and saving it changes gross profit.

use crate::common::{app_config, dismiss_notice, settle, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::metrics::catalog::Unit;
use laris::metrics::figures::{Figures, Query, compute};
use laris::metrics::{Comparison, Dataset, Filters, PeriodKind, Selection};
use laris::ui::LarisApp;

/// The sample shop's history ends with Lebaran 2025, whose parcels have no
/// cost price.
fn until() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()
}

/// March 2025's figures in the sample shop, from what is stored now.
fn march(db: &std::path::Path) -> Figures {
    let store = laris::store::Store::open(db).unwrap();
    let ds = Dataset::load(store.conn()).unwrap();
    let until = until();
    compute(
        &ds,
        &Query {
            sel: Selection::containing(PeriodKind::Month, until),
            cmp: Comparison::Previous,
            filters: Filters::default(),
            today: until,
        },
    )
}

fn walk(lang: Lang, theme: egui::Theme, suffix: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let mut config = app_config(&db, lang);
    config.sample.until = until();
    config.today = until();
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_theme(theme)
        .with_render_cursor(false)
        .build_eframe(move |cc| LarisApp::new(cc, config));
    let sample = lang.tr("welcome-sample");
    wait_for(&mut h, &sample);
    h.get_by_label(&sample).click();
    wait_for(&mut h, &lang.tr("highlights-title"));
    dismiss_notice(&mut h, lang);

    let before = march(&db);
    let missing = before.cost_missing.unwrap();
    assert!(missing.products > 0, "the sample shop lacks some costs");
    let gross = |f: &Figures| Unit::Money.show(lang, "IDR", f.now["gross_profit"]);
    let line = missing.sentence(lang, "IDR");
    wait_for(&mut h, &line);
    wait_for(&mut h, &gross(&before));

    // The line's button brings the product table, the products without a
    // cost first.
    settle(&mut h);
    h.get_by_label(&lang.tr("products-type-costs")).click();
    let product = before
        .products
        .as_ref()
        .unwrap()
        .iter()
        .find(|p| !p.has_cost)
        .unwrap()
        .product
        .clone();
    let box_name = lang.tr_args("products-cost-of", &[("product", product.as_str().into())]);
    wait_for(&mut h, &box_name);
    settle(&mut h);
    h.snapshot(format!("products_{suffix}"));

    h.get_by_label(&box_name).click();
    h.run_steps(2);
    h.get_by_label(&box_name).type_text("15000");
    h.run_steps(2);
    let save = lang.tr_args("products-save", &[("products", 1u64.into())]);
    h.get_by_label(&save).click();
    wait_for(
        &mut h,
        &lang.tr_args("costs-saved", &[("products", 1u64.into())]),
    );

    // Gross profit is now revenue less the cost of that product's units too.
    let after = march(&db);
    let sold: f64 = before
        .products
        .as_ref()
        .unwrap()
        .iter()
        .filter(|p| p.product == product)
        .map(|p| p.quantity)
        .sum();
    let was = before.now["gross_profit"].unwrap();
    let now = after.now["gross_profit"].unwrap();
    assert!(
        (was - now - sold * 15_000.0).abs() < 0.01,
        "{was} - {now} != {sold} x 15,000"
    );
    wait_for(&mut h, &gross(&after));
    // The profit cards, each "≈" while a cost is still missing.
    assert_eq!(after.cost_missing.unwrap().products, missing.products - 1);
    dismiss_notice(&mut h, lang);
    h.get_by_label(&gross(&after)).scroll_to_me();
    settle(&mut h);
    h.snapshot(format!("profit_cards_{suffix}"));
}

#[test]
fn a_typed_cost_changes_gross_profit_in_english() {
    walk(Lang::En, egui::Theme::Light, "en_light");
}

#[test]
fn a_typed_cost_changes_gross_profit_in_indonesian() {
    walk(Lang::Id, egui::Theme::Dark, "id_dark");
}
