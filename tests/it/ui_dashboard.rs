//! The metric tabs show what `laris report --json` says, in display form,
//! read from the screen by label; the period bar, the comparison and the
//! filters change them; help opens; a target typed in the Targets tab moves
//! target attainment.

use crate::common;

use std::path::Path;

use crate::common::{app_config, laris, stdout, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::metrics::catalog::{self, Tab};
use laris::ui::LarisApp;
use serde_json::Value;

fn harness(db: &Path, lang: Lang, theme: egui::Theme) -> Harness<'static, LarisApp> {
    let config = app_config(db, lang);
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_theme(theme)
        .with_render_cursor(false)
        .build_eframe(move |cc| LarisApp::new(cc, config))
}

/// The app on the sample shop (made by its own button), showing figures.
fn sample_shop(db: &Path, lang: Lang, theme: egui::Theme) -> Harness<'static, LarisApp> {
    let mut h = harness(db, lang, theme);
    let button = lang.tr("welcome-sample");
    wait_for(&mut h, &button);
    h.get_by_label(&button).click();
    wait_for(&mut h, &lang.tr("metric-revenue"));
    h
}

/// `laris report --json` on the same database; `today` as the app has it.
fn report(db: &Path, args: &[&str]) -> Value {
    let db = db.to_string_lossy();
    let mut all = vec!["report", "--db", &db, "--json", "--today", "2025-06-30"];
    all.extend_from_slice(args);
    let out = laris(&all);
    assert!(out.status.success(), "{}", common::stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("report JSON")
}

fn figure(report: &Value, id: &str) -> Option<f64> {
    let m = &report["metrics"][id];
    match id {
        "activities" | "time_on_activities_hours" => m["total"].as_f64(),
        _ => m.as_f64(),
    }
}

/// Steps until the figure `id` of `report` shows on a card, in `lang`.
fn shows(h: &mut Harness<'static, LarisApp>, lang: Lang, report: &Value, id: &str) {
    let card = catalog::cards(Tab::Performance)
        .iter()
        .chain(catalog::cards(Tab::Activity))
        .chain(catalog::cards(Tab::Productivity))
        .find(|c| c.id == id)
        .expect("a card");
    let text = card.unit.show(lang, "IDR", figure(report, id));
    wait_for(h, &text);
}

#[test]
fn every_card_of_every_tab_equals_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.laris");
    let mut h = sample_shop(&db, Lang::En, egui::Theme::Light);
    let june = report(&db, &["--period", "month:2025-06"]);
    for (tab, label) in [
        (Tab::Performance, "Performance"),
        (Tab::Activity, "Activity"),
        (Tab::Productivity, "Productivity"),
    ] {
        h.get_by_label(label).click();
        h.run_steps(2);
        let mut checked = 0;
        for card in catalog::cards(tab) {
            let Some(v) = figure(&june, card.id) else {
                continue;
            };
            let text = card.unit.show(Lang::En, "IDR", Some(v));
            wait_for(&mut h, &text);
            checked += 1;
        }
        assert!(checked >= 3, "{label}: only {checked} cards have a figure");
    }
}

#[test]
fn period_comparison_and_filter_change_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.laris");
    let mut h = sample_shop(&db, Lang::Id, egui::Theme::Dark);
    wait_for(&mut h, "Juni 2025");
    let june = report(&db, &["--period", "month:2025-06"]);
    shows(&mut h, Lang::Id, &june, "orders");

    // The Left key and the ◀ button go back a period; Right comes forward.
    h.key_press(egui::Key::ArrowLeft);
    wait_for(&mut h, "Mei 2025");
    h.key_press(egui::Key::ArrowRight);
    wait_for(&mut h, "Juni 2025");
    h.get_by_label("Periode sebelumnya").click();
    wait_for(&mut h, "Mei 2025");
    let may = report(&db, &["--period", "month:2025-05"]);
    shows(&mut h, Lang::Id, &may, "orders");
    shows(&mut h, Lang::Id, &may, "aov");

    // Same period last year: the change beside revenue is against May 2024.
    h.get_by_label("Bandingkan dengan").click();
    h.run_steps(2);
    h.get_by_label("periode yang sama tahun lalu").click();
    let last_year = report(
        &db,
        &["--period", "month:2025-05", "--compare", "last-year"],
    );
    let now = last_year["metrics"]["revenue"].as_f64().unwrap();
    let then = last_year["previous"]["revenue"].as_f64().unwrap();
    let change = laris::format::percent(Lang::Id, (now - then) / then);
    let arrow = if now >= then { "↑ +" } else { "↓ " };
    wait_for(&mut h, &format!("{arrow}{change}"));

    // A rep filter: that rep's revenue.
    let rep = laris(&[
        "report",
        "--db",
        &db.to_string_lossy(),
        "--period",
        "month:2025-05",
        "--json",
        "--today",
        "2025-06-30",
    ]);
    let all: Value = serde_json::from_str(&stdout(&rep)).unwrap();
    let first_rep = all["metrics"]["sales_per_rep"]
        .as_object()
        .and_then(|m| m.keys().next().cloned())
        .expect("a rep with sales");
    h.get_by_label("Sales").click();
    h.run_steps(2);
    h.get_by_label(&first_rep).click();
    let filtered = report(
        &db,
        &[
            "--period",
            "month:2025-05",
            "--compare",
            "last-year",
            "--rep",
            &first_rep,
        ],
    );
    shows(&mut h, Lang::Id, &filtered, "revenue");
    assert_ne!(
        filtered["metrics"]["revenue"], last_year["metrics"]["revenue"],
        "the filter must change revenue for this test to mean anything"
    );
}

#[test]
fn help_opens_and_a_new_target_moves_attainment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.laris");
    let mut h = sample_shop(&db, Lang::En, egui::Theme::Light);
    h.get_by_label("Help: Revenue").click();
    wait_for(&mut h, "Why it matters");
    wait_for(&mut h, &Lang::En.tr("help-revenue-how"));
    h.get_by_label("Got it").click();
    h.run_steps(2);

    let before = report(&db, &["--period", "month:2025-06"]);
    let revenue = before["metrics"]["revenue"].as_f64().unwrap();
    // The tab (the first "Targets" on screen; a card may say it too).
    h.query_all_by_label("Targets").next().unwrap().click();
    wait_for(&mut h, "Whole team 2025-06");
    // The sample shop has a team target for June already: replace it.
    h.get_by_label("Whole team 2025-06").click();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Whole team 2025-06").type_text("1000000");
    h.run_steps(2);
    h.get_by_label("Save targets").click();
    wait_for(
        &mut h,
        "Targets saved. Undo them in the Data tab if needed.",
    );

    let after = report(&db, &["--period", "month:2025-06"]);
    assert_eq!(
        after["metrics"]["revenue_target"].as_f64(),
        Some(1_000_000.0)
    );
    h.get_by_label("Performance").click();
    let attainment = laris::format::percent(Lang::En, revenue / 1_000_000.0);
    wait_for(&mut h, &attainment);
    assert_ne!(
        before["metrics"]["target_attainment"].as_f64(),
        Some(revenue / 1_000_000.0)
    );
}
