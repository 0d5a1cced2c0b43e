//! The help window of a metric or chart: what it measures, why it matters,
//! how it is computed, in the user's language (assets/locales/*/help.ftl).

use super::super::app::LarisApp;
use super::super::theme;

/// Whose help is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)] // Chart: until the chart cards land.
pub enum Help {
    Metric(&'static str),
    /// A chart, by its id in help.ftl (`help-chart-<id>-…`).
    Chart(&'static str),
}

pub fn window(app: &mut LarisApp, ctx: &egui::Context) {
    let Some(help) = app.dash.help else {
        return;
    };
    let lang = app.lang;
    let (title, sections): (String, Vec<(&str, String)>) = match help {
        Help::Metric(id) => (
            lang.tr(&format!("metric-{id}")),
            vec![
                ("help-what-heading", format!("help-{id}-what")),
                ("help-why-heading", format!("help-{id}-why")),
                ("help-how-heading", format!("help-{id}-how")),
            ],
        ),
        Help::Chart(id) => (
            lang.tr(&format!("chart-{id}")),
            vec![
                ("help-what-heading", format!("help-chart-{id}-what")),
                ("help-chart-read-heading", format!("help-chart-{id}-how")),
            ],
        ),
    };
    let mut open = true;
    egui::Window::new(&title)
        .id(egui::Id::unique("help-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            for (heading, body) in &sections {
                ui.label(egui::RichText::new(lang.tr(heading)).strong());
                ui.add(egui::Label::new(lang.tr(body)).wrap());
                ui.add_space(theme::SPACE_S);
            }
            if ui.button(lang.tr("help-close")).clicked() {
                app.dash.help = None;
            }
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        app.dash.help = None;
    }
}
