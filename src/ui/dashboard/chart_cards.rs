//! The charts of a tab, two per row on wide screens, each with its help and
//! "Save image" / "Copy"; a chart whose records were never imported says
//! what to import.

use std::sync::Arc;

use egui::{RichText, Vec2};

use super::super::app::LarisApp;
use super::super::command::Command;
use super::super::exports::Export;
use super::Help;
use crate::metrics::catalog::Tab;
use crate::metrics::explain::By;
use crate::metrics::figures::{Figures, Query};
use crate::store::Kind;
use laris_view::charts::{self, ChartInput, ChartKind};
use laris_view::theme;

const CHART_HEIGHT: f32 = 300.0;

/// The record kind a chart is drawn from.
fn needs(kind: ChartKind) -> Kind {
    match kind {
        ChartKind::Revenue
        | ChartKind::Cohorts
        | ChartKind::Quota
        | ChartKind::RevenueByChannel => Kind::Orders,
        ChartKind::TopProducts => Kind::OrderLines,
        ChartKind::ProfitByChannel => Kind::Products,
        ChartKind::Funnel | ChartKind::PipelineByStage => Kind::Deals,
        ChartKind::ActivitiesByRep | ChartKind::ActivitiesOverTime => Kind::Activities,
        ChartKind::ConversionBySource => Kind::Leads,
    }
}

pub fn grid(app: &mut LarisApp, ui: &mut egui::Ui, tab: Tab, figures: &Arc<Figures>, q: &Query) {
    let kinds: Vec<ChartKind> = ChartKind::ALL
        .into_iter()
        .filter(|k| k.tab() == tab)
        .collect();
    let spacing = theme::SPACE_M;
    let width = ui.available_width();
    let columns = if width >= 900.0 { 2 } else { 1 };
    let card_width = (width - spacing * (columns as f32 - 1.0)) / columns as f32;
    for row in kinds.chunks(columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = spacing;
            for &kind in row {
                let (rect, _) = ui.allocate_exact_size(
                    Vec2::new(card_width, CHART_HEIGHT + 2.0 * theme::SPACE_M + 30.0),
                    egui::Sense::hover(),
                );
                ui.scope_builder(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                    |ui| one(app, ui, kind, figures, q, card_width),
                );
            }
        });
        ui.add_space(spacing);
    }
}

fn one(
    app: &mut LarisApp,
    ui: &mut egui::Ui,
    kind: ChartKind,
    figures: &Arc<Figures>,
    q: &Query,
    width: f32,
) {
    let lang = app.lang;
    theme::card_frame(ui).show(ui, |ui| {
        let inner = width - 2.0 * theme::SPACE_M - 2.0;
        ui.set_width(inner);
        let input = ChartInput {
            charts: &figures.charts,
            report: &figures.report,
            filters: &q.filters,
            lang,
            print: false,
        };
        let title = kind.title(lang);
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let help = ui.small_button("?").on_hover_text(lang.tr("help-title"));
                let label = lang.tr_args("help-chart-button", &[("chart", title.clone().into())]);
                help.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if help.clicked() {
                    app.dash.help = Some(Help::Chart(kind));
                }
                if let Some((metric, by)) = bridge_of(kind)
                    && charts::has_data(kind, &input)
                    && ui
                        .small_button(lang.tr("card-why"))
                        .on_hover_text(lang.tr("card-why-tip"))
                        .clicked()
                {
                    app.open_bridge(kind.tab(), metric, Some(by));
                }
                if charts::has_data(kind, &input) {
                    let copy = ui
                        .small_button(lang.tr("chart-copy"))
                        .on_hover_text(lang.tr("chart-copy-tip"));
                    if copy.clicked() {
                        app.commands.push(Command::Export(Export::CopyChart(
                            kind,
                            figures.clone(),
                            q.filters.clone(),
                        )));
                    }
                    let save = ui
                        .small_button(lang.tr("chart-save"))
                        .on_hover_text(lang.tr("chart-save-tip"));
                    if save.clicked() {
                        app.commands.push(Command::Export(Export::SaveChart(
                            kind,
                            figures.clone(),
                            q.filters.clone(),
                        )));
                    }
                }
            });
        });
        if charts::has_data(kind, &input) {
            if let Some(pick) = charts::show(ui, kind, &input, Vec2::new(inner, CHART_HEIGHT)) {
                app.open_pick(kind.tab(), pick);
            }
        } else {
            theme::subheading(ui, &title);
            ui.add_space(theme::SPACE_S);
            ui.label(RichText::new(lang.tr(&format!("needs-{}", needs(kind).table()))).weak());
            let may = app.session.may_write();
            if ui
                .add_enabled(may, egui::Button::new(lang.tr("help-import-button")))
                .clicked()
            {
                app.commands.push(Command::ImportFiles);
            }
        }
    });
}

/// The bridge a chart's bars split: what changed the figure it shows, by
/// the field of its bars.
fn bridge_of(kind: ChartKind) -> Option<(&'static str, By)> {
    Some(match kind {
        ChartKind::Revenue | ChartKind::RevenueByChannel => ("revenue", By::Channel),
        ChartKind::TopProducts => ("revenue", By::Product),
        ChartKind::ActivitiesByRep => ("activities", By::Rep),
        ChartKind::ActivitiesOverTime => ("activities", By::Type),
        ChartKind::ConversionBySource => ("leads", By::Source),
        ChartKind::Quota => ("revenue", By::Rep),
        ChartKind::Funnel
        | ChartKind::Cohorts
        | ChartKind::PipelineByStage
        | ChartKind::ProfitByChannel => return None,
    })
}
