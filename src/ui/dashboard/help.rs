//! The help window of a metric or chart: what it measures, why it matters,
//! how it is computed, in the user's language (assets/locales/*/help.ftl).

use super::super::app::LarisApp;
use laris_view::charts::ChartKind;
use laris_view::theme;

/// The id of a chart's texts in help.ftl.
fn help_id(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Revenue => "revenue",
        ChartKind::Funnel => "funnel",
        ChartKind::Quota => "quota",
        ChartKind::Cohorts => "cohorts",
        ChartKind::ActivitiesByRep => "activities_by_rep",
        ChartKind::ActivitiesOverTime => "activities_over_time",
        ChartKind::ConversionBySource => "conversion_by_source",
        ChartKind::PipelineByStage => "pipeline_by_stage",
        ChartKind::RevenueByChannel => "revenue_by_channel",
        ChartKind::TopProducts => "top_products",
        ChartKind::ProfitByChannel => "profit_by_channel",
    }
}

/// Whose help is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Help {
    Metric(&'static str),
    Chart(ChartKind),
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
        Help::Chart(kind) => (
            kind.title(lang),
            vec![
                (
                    "help-what-heading",
                    format!("help-chart-{}-what", help_id(kind)),
                ),
                (
                    "help-chart-read-heading",
                    format!("help-chart-{}-how", help_id(kind)),
                ),
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
