//! Charts over time: one bar per bucket of the period.

use egui::{Align2, Color32};
use egui_plot::{Bar, BarChart, Line, LineStyle, PlotPoint, Text};

use super::{
    ChartInput, ChartKind, Pick, Swatch, category, category_at, index_marks, legend, picked, plot,
    series_color, value_marks,
};
use crate::theme;
use laris_core::format;
use laris_core::i18n::Lang;
use laris_core::metrics::period::{Period, PeriodKind};

/// A bucket's label on the time axis, in the locale: `Agu 2024`, `5 Agu`, `2024`.
fn bucket_label(lang: Lang, granularity: PeriodKind, p: Period) -> String {
    match granularity {
        PeriodKind::Year => p.from.format("%Y").to_string(),
        PeriodKind::Month => format!(
            "{} {}",
            format::month_short(lang, p.from),
            p.from.format("%Y")
        ),
        _ => format!(
            "{} {}",
            p.from.format("%-d"),
            format::month_short(lang, p.from)
        ),
    }
}

/// A plot of one bar per bucket: `labels` along the time axis, abbreviated
/// values up the other, from zero.
fn time_plot<'a>(
    ui: &egui::Ui,
    kind: ChartKind,
    size: egui::Vec2,
    lang: Lang,
    labels: Vec<String>,
) -> egui_plot::Plot<'a> {
    let n = labels.len();
    plot(ui, kind, size)
        .x_grid_spacer(index_marks(n, 6))
        .x_axis_formatter(move |mark, _| {
            category(mark, n).map_or_else(String::new, |k| labels[k].clone())
        })
        .y_grid_spacer(value_marks(kind.counts()))
        .y_axis_formatter(move |mark, _| format::abbreviated(lang, mark.value))
        .include_y(0.0)
}

pub(super) fn revenue(ui: &mut egui::Ui, data: &ChartInput<'_>, size: egui::Vec2) -> Option<Pick> {
    let Some(rev) = &data.charts.revenue else {
        return None;
    };
    let lang = data.lang;
    let accent = data.accent(ui);
    let has_cmp = rev.buckets.iter().any(|b| b.comparison.is_some());
    let has_target = rev.buckets.iter().any(|b| b.target.is_some());
    let labels: Vec<String> = rev
        .buckets
        .iter()
        .map(|b| bucket_label(lang, rev.granularity, b.period))
        .collect();
    let this = lang.tr("chart-this-period");
    let bars: Vec<Bar> = rev
        .buckets
        .iter()
        .enumerate()
        .map(|(k, b)| {
            Bar::new(k as f64, b.revenue)
                .width(0.7)
                .fill(accent)
                .name(&labels[k])
        })
        .collect();
    let cmp_name = lang.tr_args(
        "chart-comparison-period",
        &[("period", rev.comparison.label(lang).into())],
    );
    let cmp_points: Vec<[f64; 2]> = rev
        .buckets
        .iter()
        .enumerate()
        .filter_map(|(k, b)| b.comparison.map(|c| [k as f64, c]))
        .collect();
    let target_points: Vec<[f64; 2]> = rev
        .buckets
        .iter()
        .enumerate()
        .filter_map(|(k, b)| b.target.map(|t| [k as f64, t]))
        .collect();
    let target_name = lang.tr("chart-target");
    // The continuation starts at the top of the last bar that is over.
    let projected: Vec<[f64; 2]> = rev
        .buckets
        .iter()
        .enumerate()
        .filter_map(|(k, b)| b.projected.map(|v| (k, v)))
        .flat_map(|(k, v)| {
            let before = (k > 0 && rev.buckets[k - 1].projected.is_none())
                .then(|| [k as f64 - 1.0, rev.buckets[k - 1].revenue]);
            before.into_iter().chain([[k as f64, v]])
        })
        .collect();
    let projected_name = lang.tr("chart-projected");
    let mut items = vec![(this.as_str(), accent, Swatch::Bar)];
    if !projected.is_empty() {
        items.push((projected_name.as_str(), accent, Swatch::Dashed));
    }
    if has_cmp {
        items.push((cmp_name.as_str(), theme::CHART_COMPARISON, Swatch::Dashed));
    }
    if has_target {
        items.push((target_name.as_str(), theme::CHART_TARGET, Swatch::Line));
    }
    legend(ui, &items);
    let n = labels.len();
    let shown = time_plot(ui, ChartKind::Revenue, size, lang, labels.clone()).show(ui, |p| {
        p.bar_chart(BarChart::new(this.clone(), bars).color(accent));
        if has_cmp {
            p.line(
                Line::new(cmp_name.clone(), cmp_points)
                    .color(theme::CHART_COMPARISON)
                    .width(theme::CHART_LINE_WIDTH)
                    .style(LineStyle::Dashed { length: 8.0 }),
            );
        }
        if !projected.is_empty() {
            p.line(
                Line::new(projected_name.clone(), projected)
                    .color(accent)
                    .width(theme::CHART_LINE_WIDTH)
                    .style(LineStyle::Dashed { length: 6.0 }),
            );
        }
        if let Some(&[x, y]) = target_points.last() {
            p.line(
                Line::new(target_name.clone(), target_points)
                    .color(theme::CHART_TARGET)
                    .width(theme::CHART_LINE_WIDTH),
            );
            // At the line's end, inside the plot so that it is never cut.
            p.text(
                Text::new("", PlotPoint::new(x, y), target_name)
                    .color(theme::CHART_TARGET)
                    .anchor(Align2::RIGHT_BOTTOM),
            );
        }
    });
    let k = picked(ui, &shown, |at| category_at(at.x, n))?;
    Some(Pick {
        period: Some(rev.buckets[k].period),
        ..Pick::new("revenue", &labels[k])
    })
}

pub(super) fn activities_over_time(
    ui: &mut egui::Ui,
    data: &ChartInput<'_>,
    size: egui::Vec2,
) -> Option<Pick> {
    let Some(a) = &data.charts.activities_over_time else {
        return None;
    };
    let lang = data.lang;
    let accent = data.accent(ui);
    let n = a.buckets.len();
    let labels: Vec<String> = a
        .buckets
        .iter()
        .map(|b| bucket_label(lang, a.granularity, *b))
        .collect();
    let mut base = vec![0.0; n];
    let charts: Vec<BarChart> = a
        .types
        .iter()
        .zip(&a.counts)
        .enumerate()
        .map(|(t, (name, counts))| {
            let bars = counts
                .iter()
                .enumerate()
                .map(|(k, &c)| {
                    let bar = Bar::new(k as f64, c as f64)
                        .base_offset(base[k])
                        .fill(series_color(t, accent))
                        .width(0.7)
                        .name(&labels[k]);
                    base[k] += c as f64;
                    bar
                })
                .collect();
            BarChart::new(lang.activity_type(name), bars).color(series_color(t, accent))
        })
        .collect();
    let names: Vec<String> = a.types.iter().map(|t| lang.activity_type(t)).collect();
    let items: Vec<(&str, Color32, Swatch)> = names
        .iter()
        .enumerate()
        .map(|(t, name)| (name.as_str(), series_color(t, accent), Swatch::Bar))
        .collect();
    legend(ui, &items);
    let shown = time_plot(
        ui,
        ChartKind::ActivitiesOverTime,
        size,
        lang,
        labels.clone(),
    )
    .show(ui, |p| {
        for chart in charts {
            p.bar_chart(chart);
        }
    });
    let (k, y) = picked(ui, &shown, |at| category_at(at.x, n).map(|k| (k, at.y)))?;
    let pick = Pick {
        period: Some(a.buckets[k]),
        ..Pick::new("activities", &labels[k])
    };
    let column: Vec<u64> = a.counts.iter().map(|row| row[k]).collect();
    Some(match super::segment(&column, y) {
        Some(t) => pick.of_type(lang, &a.types[t]),
        None => pick,
    })
}
