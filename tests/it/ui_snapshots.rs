//! Pictures of the screens, compared with the ones kept in tests/snapshots
//! (`UPDATE_SNAPSHOTS=1 cargo test` accepts new ones after a deliberate change).

use std::path::Path;

use crate::common::{app_config, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::ui::LarisApp;

/// The most common laptop screen here, 1366x768 pixels: at 100% for the
/// English pictures, at 125% (1093x614 points) for the Indonesian ones, where
/// the words are longer too.
fn screen(lang: Lang) -> (egui::Vec2, f32) {
    let ppp = if lang == Lang::Id { 1.25 } else { 1.0 };
    (egui::vec2(1366.0, 768.0) / ppp, ppp)
}

fn harness(db: &Path, lang: Lang, theme: egui::Theme) -> Harness<'static, LarisApp> {
    let config = app_config(db, lang);
    let (size, ppp) = screen(lang);
    Harness::builder()
        .with_size(size)
        .with_pixels_per_point(ppp)
        .with_theme(theme)
        .with_render_cursor(false)
        .build_eframe(move |cc| LarisApp::new(cc, config))
}

fn welcome(name: &str, lang: Lang, theme: egui::Theme, title: &str, path_note: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir.path().join("empty.laris"), lang, theme);
    wait_for(&mut h, title);
    h.run_steps(4);
    // The database path differs from machine to machine, and so does its width.
    let path_rect = h.get_by_label_contains(path_note).rect();
    let width = screen(lang).0.x;
    h.mask(egui::Rect::from_x_y_ranges(
        0.0..=width,
        path_rect.y_range(),
    ));
    h.snapshot(name);
}

#[test]
fn welcome_english_light() {
    welcome(
        "welcome_en_light",
        Lang::En,
        egui::Theme::Light,
        "Welcome to Laris",
        "Your data is kept on this computer only",
    );
}

#[test]
fn welcome_indonesian_dark() {
    welcome(
        "welcome_id_dark",
        Lang::Id,
        egui::Theme::Dark,
        "Selamat datang di Laris",
        "Data Anda hanya disimpan di komputer ini",
    );
}

/// Every tab of the sample shop, once its figures and sparklines are in.
fn tabs(suffix: &str, lang: Lang, theme: egui::Theme) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir.path().join("shop.laris"), lang, theme);
    let (size, _) = screen(lang);
    let sample = lang.tr("welcome-sample");
    wait_for(&mut h, &sample);
    h.get_by_label(&sample).click();
    wait_for(&mut h, &lang.tr("metric-revenue"));
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
        // Sparklines arrive after the figures, and cards fade in.
        for _ in 0..30 {
            h.step();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if tab == "tab-data" {
            // The import history shows the time of each import.
            let top = h.get_by_label(&lang.tr("data-history")).rect().bottom();
            h.mask(egui::Rect::from_x_y_ranges(0.0..=size.x, top..=size.y));
        }
        if tab == "tab-settings" {
            // The database path differs from machine to machine.
            let row = h.get_by_label(&lang.tr("settings-database-where")).rect();
            h.mask(egui::Rect::from_x_y_ranges(0.0..=size.x, row.y_range()));
        }
        h.snapshot(format!("{}_{suffix}", tab.trim_start_matches("tab-")));
    }
}

#[test]
fn tabs_english_light() {
    tabs("en_light", Lang::En, egui::Theme::Light);
}

#[test]
fn tabs_indonesian_dark() {
    tabs("id_dark", Lang::Id, egui::Theme::Dark);
}
