//! The dashboard's charts (design.md, "Charts"), drawn with egui_plot from
//! figures computed off the UI thread ([`Charts`] and the [`Report`]). Each
//! chart draws its own title; a chart whose data was never imported draws
//! nothing.

mod bars;
pub mod bridge;
mod cohorts;
mod series;

use egui::{Color32, RichText};

use crate::theme;
use laris_core::format;
use laris_core::i18n::{Arg, Lang};
use laris_core::metrics::catalog::Tab;
use laris_core::metrics::charts::Charts;
use laris_core::metrics::period::Period;
use laris_core::metrics::records::Slice;
use laris_core::metrics::{Filters, Report};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Revenue,
    Funnel,
    Quota,
    Cohorts,
    ActivitiesByRep,
    ActivitiesOverTime,
    ConversionBySource,
    PipelineByStage,
    RevenueByChannel,
    TopProducts,
    ProfitByChannel,
}

impl ChartKind {
    /// Whether the value axis counts things (deals, activities): marked at
    /// whole numbers only.
    fn counts(self) -> bool {
        matches!(
            self,
            ChartKind::Funnel | ChartKind::ActivitiesByRep | ChartKind::ActivitiesOverTime
        )
    }

    pub const ALL: [ChartKind; 11] = [
        ChartKind::Revenue,
        ChartKind::Funnel,
        ChartKind::Quota,
        ChartKind::Cohorts,
        ChartKind::RevenueByChannel,
        ChartKind::TopProducts,
        ChartKind::ProfitByChannel,
        ChartKind::ActivitiesByRep,
        ChartKind::ActivitiesOverTime,
        ChartKind::ConversionBySource,
        ChartKind::PipelineByStage,
    ];

    pub const fn tab(self) -> Tab {
        match self {
            ChartKind::Revenue
            | ChartKind::Funnel
            | ChartKind::Quota
            | ChartKind::Cohorts
            | ChartKind::RevenueByChannel
            | ChartKind::TopProducts
            | ChartKind::ProfitByChannel => Tab::Performance,
            ChartKind::ActivitiesByRep
            | ChartKind::ActivitiesOverTime
            | ChartKind::ConversionBySource => Tab::Activity,
            ChartKind::PipelineByStage => Tab::Productivity,
        }
    }

    /// A short name for files: `revenue`, `top-products`, ...
    pub const fn slug(self) -> &'static str {
        match self {
            ChartKind::Revenue => "revenue",
            ChartKind::Funnel => "funnel",
            ChartKind::Quota => "quota",
            ChartKind::Cohorts => "cohorts",
            ChartKind::ActivitiesByRep => "activities-by-rep",
            ChartKind::ActivitiesOverTime => "activities-over-time",
            ChartKind::ConversionBySource => "conversion-by-source",
            ChartKind::PipelineByStage => "pipeline-by-stage",
            ChartKind::RevenueByChannel => "revenue-by-channel",
            ChartKind::TopProducts => "top-products",
            ChartKind::ProfitByChannel => "channel-profit",
        }
    }

    /// What the chart shows, without the period.
    pub fn title(self, lang: Lang) -> String {
        lang.tr(&format!("chart-{}", self.slug()))
    }
}

/// What a chart is drawn from.
#[derive(Clone, Copy)]
pub struct ChartInput<'a> {
    pub charts: &'a Charts,
    pub report: &'a Report,
    pub filters: &'a Filters,
    pub lang: Lang,
    /// The light print theme: also writes the comparison period and the
    /// filters under the title, as an image leaves the app without them.
    pub print: bool,
}

impl ChartInput<'_> {
    fn money(&self, major: f64) -> String {
        format::money(self.lang, &self.report.currency, major)
    }

    fn accent(&self, ui: &egui::Ui) -> Color32 {
        if self.print {
            theme::ACCENT
        } else {
            theme::accent(ui)
        }
    }
}

/// The records a click on a chart asks for: those of one bar, one segment
/// of a stacked bar, or one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Pick {
    /// The figure the bar is a part of: a metric id of the report.
    pub metric: &'static str,
    /// The bar as its axis or legend names it.
    pub label: String,
    /// The bar's time bucket, within the period on screen.
    pub period: Option<Period>,
    /// The bar's rep, channel or lead source, added to the filters in force.
    pub filters: Filters,
    /// What the period and the filters cannot say (a product, a stage, ...).
    pub slice: Option<Slice>,
}

impl Pick {
    /// The records of `metric` for the period and filters on screen, named
    /// `label` after the metric (none: the whole figure's).
    pub fn new(metric: &'static str, label: impl Into<String>) -> Pick {
        Pick {
            metric,
            label: label.into(),
            period: None,
            filters: Filters::default(),
            slice: None,
        }
    }

    fn slice(self, slice: Slice) -> Pick {
        Pick {
            slice: Some(slice),
            ..self
        }
    }

    /// The pick with a filter added.
    pub fn only(mut self, set: impl FnOnce(&mut Filters)) -> Pick {
        set(&mut self.filters);
        self
    }

    /// One activity type's segment of the bar.
    fn of_type(self, lang: Lang, stored: &str) -> Pick {
        let label = format!("{} · {}", self.label, lang.activity_type(stored));
        Pick {
            label,
            ..self.slice(Slice::ActivityType(stored.to_string()))
        }
    }
}

/// The segment of a stacked bar of `counts` (bottom to top, or left to
/// right) that `value` falls in.
fn segment(counts: &[u64], value: f64) -> Option<usize> {
    let mut end = 0.0;
    counts.iter().position(|&c| {
        let start = end;
        end += c as f64;
        c > 0 && value >= start && value < end
    })
}

/// Whether the chart has figures to draw: false when the record kind it
/// needs was never imported.
pub fn has_data(kind: ChartKind, data: &ChartInput<'_>) -> bool {
    let (c, m) = (data.charts, &data.report.metrics);
    match kind {
        ChartKind::Revenue => c.revenue.is_some(),
        ChartKind::Funnel => m.funnel.is_some(),
        ChartKind::Quota => m.quota_attainment.is_some(),
        ChartKind::Cohorts => c.cohorts.is_some(),
        ChartKind::ActivitiesByRep => c.activities_by_rep.is_some(),
        ChartKind::ActivitiesOverTime => c.activities_over_time.is_some(),
        ChartKind::ConversionBySource => m.conversion_by_source.is_some(),
        ChartKind::PipelineByStage => c.pipeline.is_some(),
        ChartKind::RevenueByChannel => m.revenue_by_channel.is_some(),
        ChartKind::TopProducts => m.top_products.is_some(),
        // Without costs there is no split to draw.
        ChartKind::ProfitByChannel => m
            .profit_by_channel
            .as_ref()
            .is_some_and(|by| by.values().any(|c| c.cogs.is_some())),
    }
}

/// Draws one chart, title included, in `size` (points); the records of the
/// bar or cell clicked, if any.
pub fn show(
    ui: &mut egui::Ui,
    kind: ChartKind,
    data: &ChartInput<'_>,
    size: egui::Vec2,
) -> Option<Pick> {
    if !has_data(kind, data) {
        return None;
    }
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min))
            .id_salt(kind),
    );
    let ui = &mut child;
    ui.spacing_mut().item_spacing.y = 2.0;
    title(ui, kind, data);
    let plot_size = ui.available_size();
    match kind {
        ChartKind::Revenue => series::revenue(ui, data, plot_size),
        ChartKind::ActivitiesOverTime => series::activities_over_time(ui, data, plot_size),
        ChartKind::Cohorts => cohorts::show(ui, data, plot_size),
        ChartKind::Funnel => bars::funnel(ui, data, plot_size),
        ChartKind::Quota => bars::quota(ui, data, plot_size),
        ChartKind::ActivitiesByRep => bars::activities_by_rep(ui, data, plot_size),
        ChartKind::ConversionBySource => bars::conversion_by_source(ui, data, plot_size),
        ChartKind::PipelineByStage => bars::pipeline(ui, data, plot_size),
        ChartKind::RevenueByChannel => bars::revenue_by_channel(ui, data, plot_size),
        ChartKind::TopProducts => bars::top_products(ui, data, plot_size),
        ChartKind::ProfitByChannel => bars::profit_by_channel(ui, data, plot_size),
    }
}

fn title(ui: &mut egui::Ui, kind: ChartKind, data: &ChartInput<'_>) {
    let (lang, r) = (data.lang, data.report);
    let name = Arg::from(kind.title(lang));
    let text = if kind == ChartKind::PipelineByStage {
        lang.tr_args(
            "chart-title-at",
            &[("title", name), ("date", format::date(lang, r.to).into())],
        )
    } else {
        let period = Period::new(r.from, r.to).label(lang);
        lang.tr_args(
            "chart-title-period",
            &[("title", name), ("period", period.into())],
        )
    };
    let strong = ui.visuals().strong_text_color();
    ui.label(
        RichText::new(text)
            .font(egui::FontId::new(theme::SIZE_HEADING, theme::semibold()))
            .color(strong),
    );
    if data.print {
        let cmp = Period::new(r.prev_from, r.prev_to).label(lang);
        let mut line = lang.tr_args("chart-compared-with", &[("period", cmp.into())]);
        if let Some(only) = data.filters.label(lang) {
            line = format!("{line} · {only}");
        }
        ui.label(RichText::new(line).small());
    }
}

/// The plot every chart starts from: no zoom or drag on a dashboard, light
/// gridlines, `size` minus the legend when there is one.
fn plot<'a>(ui: &egui::Ui, kind: ChartKind, size: egui::Vec2) -> egui_plot::Plot<'a> {
    let grid = if ui.visuals().dark_mode {
        theme::CHART_GRID_DARK
    } else {
        theme::CHART_GRID
    };
    egui_plot::Plot::new(("laris-chart", kind))
        .width(size.x)
        .height((ui.available_height()).min(size.y).max(40.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .grid_color(grid)
        .grid_fade(0.0)
        .show_background(false)
}

/// The bar under the pointer, by `at` (plot coordinates to a bar): the one
/// clicked, if any; over a bar, a hand cursor says that it can be clicked.
fn picked<R, T>(
    ui: &egui::Ui,
    plot: &egui_plot::PlotResponse<R>,
    at: impl Fn(egui_plot::PlotPoint) -> Option<T>,
) -> Option<T> {
    let r = &plot.response;
    let under = |pos: Option<egui::Pos2>| {
        pos.map(|p| plot.transform.value_from_position(p))
            .and_then(&at)
    };
    if under(r.hover_pos()).is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if r.clicked() {
        under(r.interact_pointer_pos())
    } else {
        None
    }
}

/// The category at a plot coordinate along the category axis, when the
/// coordinate is within a bar's width of it.
fn category_at(value: f64, count: usize) -> Option<usize> {
    let k = value.round();
    ((value - k).abs() <= 0.45 && k >= 0.0 && (k as usize) < count).then_some(k as usize)
}

/// How a series looks in the legend.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Swatch {
    Bar,
    Line,
    Dashed,
}

/// The legend, above the plot so that it never hides a bar; drawn only for
/// more than one series.
fn legend(ui: &mut egui::Ui, items: &[(&str, Color32, Swatch)]) {
    if items.len() < 2 {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for &(name, color, swatch) in items {
            // A swatch and its name wrap together: never a line at the end
            // of one row and its name at the start of the next.
            let text = RichText::new(name).small();
            let font = egui::TextStyle::Small.resolve(ui.style());
            let width = 22.0
                + ui.spacing().item_spacing.x
                + ui.painter()
                    .layout_no_wrap(name.to_string(), font, Color32::PLACEHOLDER)
                    .size()
                    .x;
            if width > ui.available_size_before_wrap().x && ui.cursor().min.x > ui.max_rect().min.x
            {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
            let painter = ui.painter();
            let y = rect.center().y;
            let stroke = egui::Stroke::new(theme::CHART_LINE_WIDTH, color);
            match swatch {
                Swatch::Bar => {
                    painter.rect_filled(rect.shrink2(egui::vec2(4.0, 1.0)), 2.0, color);
                }
                Swatch::Line => {
                    painter.line_segment(
                        [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                        stroke,
                    );
                }
                Swatch::Dashed => {
                    for k in 0..3 {
                        let x = rect.left() + k as f32 * 8.0;
                        painter.line_segment([egui::pos2(x, y), egui::pos2(x + 5.0, y)], stroke);
                    }
                }
            }
            ui.label(text);
            ui.add_space(theme::SPACE_S);
        }
    });
}

/// Gridline marks at a round step, no more than six over the bounds; for
/// `whole` values (counts) never between two whole numbers, where a mark
/// such as "0,5" deals would mean nothing.
fn value_marks(whole: bool) -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    move |input| value_marks_in(input.bounds, whole)
}

fn value_marks_in((lo, hi): (f64, f64), whole: bool) -> Vec<egui_plot::GridMark> {
    let step = nice_step((hi - lo) / 5.0);
    let step = if whole { step.max(1.0) } else { step };
    let mut marks = Vec::with_capacity(7);
    let mut v = (lo / step).ceil() * step;
    while v <= hi && marks.len() < 7 {
        marks.push(egui_plot::GridMark {
            value: v,
            step_size: step,
        });
        v += step;
    }
    marks
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let f = raw / magnitude;
    let n = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * magnitude
}

/// Marks at whole category positions, every one while there are at most
/// `every` of them, else spaced to keep six or fewer.
fn index_marks(
    count: usize,
    every: usize,
) -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let step = count.div_ceil(every).max(1);
    move |_| {
        (0..count)
            .step_by(step)
            .map(|k| egui_plot::GridMark {
                value: k as f64,
                // egui_plot fades labels whose step looks small on screen;
                // every category's name must stay readable.
                step_size: count.max(1) as f64 * 10.0,
            })
            .collect()
    }
}

/// The category at a mark, if the mark sits on one.
fn category(mark: egui_plot::GridMark, count: usize) -> Option<usize> {
    let k = mark.value.round();
    ((mark.value - k).abs() < 1e-6 && k >= 0.0 && (k as usize) < count).then_some(k as usize)
}

/// The colour of the n-th stacked series.
fn series_color(n: usize, accent: Color32) -> Color32 {
    if n == 0 {
        accent
    } else {
        theme::CHART_SERIES[n % theme::CHART_SERIES.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_steps_keep_six_ticks_or_fewer() {
        let values = |bounds, whole| -> Vec<f64> {
            value_marks_in(bounds, whole)
                .iter()
                .map(|m| m.value)
                .collect()
        };
        assert_eq!(values((0.0, 2.0), true), vec![0.0, 1.0, 2.0]);
        assert_eq!(values((0.0, 2.0), false), vec![0.0, 0.5, 1.0, 1.5, 2.0]);
        assert_eq!(nice_step(0.9), 1.0);
        assert_eq!(nice_step(1.5), 2.0);
        assert_eq!(nice_step(3_100_000.0), 5_000_000.0);
        assert_eq!(nice_step(0.0), 1.0);
        for hi in [1.0, 7.3, 99.0, 12_345.0, 9.9e9] {
            let marks = value_marks(false)(egui_plot::GridInput {
                bounds: (0.0, hi),
                base_step_size: hi / 100.0,
            });
            assert!((2..=6).contains(&marks.len()), "{hi}: {}", marks.len());
        }
        assert_eq!(
            index_marks(29, 6)(egui_plot::GridInput {
                bounds: (0.0, 29.0),
                base_step_size: 1.0
            })
            .len(),
            6
        );
        assert_eq!(
            index_marks(4, 6)(egui_plot::GridInput {
                bounds: (0.0, 4.0),
                base_step_size: 1.0
            })
            .len(),
            4
        );
    }

    #[test]
    fn every_chart_has_a_title_in_both_languages() {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let t = kind.title(lang);
                assert!(!t.is_empty() && !t.starts_with("chart-"), "{kind:?}");
            }
        }
        assert_ne!(
            ChartKind::Revenue.title(Lang::Id),
            ChartKind::Revenue.title(Lang::En)
        );
    }
}
