//! Horizontal bar charts: one row per stage, rep, source, channel or
//! product, in a fixed order, with the value written at the end of the bar.

use egui::{Align2, Color32};
use egui_plot::{Bar, BarChart, PlotPoint, PlotUi, Text, VLine};

use super::{
    ChartInput, ChartKind, Pick, Swatch, category, category_at, index_marks, legend, picked, plot,
    series_color, value_marks,
};
use crate::theme;
use laris_core::format;
use laris_core::metrics::catalog::Unit;
use laris_core::metrics::records::Slice;

/// Names longer than this are cut on the axis.
const MAX_LABEL: usize = 28;

fn short(name: &str) -> String {
    if name.chars().count() <= MAX_LABEL {
        name.to_string()
    } else {
        let cut: String = name.chars().take(MAX_LABEL - 1).collect();
        format!("{cut}…")
    }
}

struct Series {
    name: String,
    color: Color32,
    values: Vec<f64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One bar per row made of the series end to end; `ends` has one text per row.
    Stacked,
    /// The series side by side; `ends` has one text per bar, series by series.
    Grouped,
}

/// Rows from top to bottom; the first row has the highest position. The
/// row clicked, if any, with the value the click fell on.
#[allow(clippy::too_many_arguments)] // one call per chart, each naming every part
fn hbars(
    ui: &mut egui::Ui,
    kind: ChartKind,
    size: egui::Vec2,
    rows: &[String],
    series: Vec<Series>,
    layout: Layout,
    ends: Vec<String>,
    axis: impl Fn(f64) -> String + 'static,
    extra: impl FnOnce(&mut PlotUi<'_>),
) -> Option<(usize, f64)> {
    let n = rows.len();
    let pos = move |k: usize| (n - 1 - k) as f64;
    let labels: Vec<String> = (0..n).map(|k| short(&rows[n - 1 - k])).collect();
    let groups = series.len().max(1) as f64;
    let width = match layout {
        Layout::Stacked => 0.7,
        Layout::Grouped => 0.8 / groups,
    };
    let mut base = vec![0.0; n];
    let mut texts = Vec::with_capacity(ends.len());
    let mut right = 0.0f64;
    let mut charts = Vec::with_capacity(series.len());
    let swatches: Vec<(&str, Color32, Swatch)> = series
        .iter()
        .map(|s| (s.name.as_str(), s.color, Swatch::Bar))
        .collect();
    for (
        s,
        Series {
            name,
            color,
            values,
        },
    ) in series.iter().enumerate()
    {
        let bars = values
            .iter()
            .enumerate()
            .map(|(k, &v)| {
                let y = match layout {
                    Layout::Stacked => pos(k),
                    Layout::Grouped => pos(k) + 0.4 - width * (s as f64 + 0.5),
                };
                let bar = Bar::new(y, v)
                    .base_offset(base[k])
                    .width(width)
                    .fill(*color);
                let end = base[k] + v;
                right = right.max(end);
                match layout {
                    Layout::Stacked => base[k] = end,
                    Layout::Grouped if v != 0.0 => {
                        if let Some(t) = ends.get(s * n + k) {
                            texts.push((end, y, t.clone()));
                        }
                    }
                    Layout::Grouped => {}
                }
                bar
            })
            .collect();
        charts.push(BarChart::new(name.clone(), bars).color(*color).horizontal());
    }
    if layout == Layout::Stacked {
        texts.extend(
            ends.into_iter()
                .enumerate()
                .map(|(k, t)| (base[k], pos(k), t)),
        );
    }
    let strong = ui.visuals().strong_text_color();
    let x_max = room_for_labels(ui, size.x, &labels, &texts, right);
    legend(ui, &swatches);
    let shown = plot(ui, kind, size)
        .y_grid_spacer(index_marks(n, n.max(1)))
        .y_axis_formatter(move |mark, _| {
            category(mark, n).map_or_else(String::new, |k| labels[k].clone())
        })
        .x_grid_spacer(value_marks(kind.counts()))
        .x_axis_formatter(move |mark, _| axis(mark.value))
        .include_x(0.0)
        .include_x(x_max)
        .include_y(-0.6)
        // Room above the top bar for a label such as the quota line's.
        .include_y(n as f64 - 0.1)
        .show(ui, |p| {
            for chart in charts {
                p.bar_chart(chart);
            }
            for (x, y, t) in texts {
                p.text(
                    Text::new("", PlotPoint::new(x, y), format!(" {t}"))
                        .color(strong)
                        .anchor(Align2::LEFT_CENTER),
                );
            }
            extra(p);
        });
    picked(ui, &shown, |at| {
        category_at(at.y, n).map(|k| (n - 1 - k, at.x))
    })
}

/// How far the value axis must reach for every text at a bar's end to fit
/// inside the plot, measured in the font the plot writes them in: a long
/// funnel label ("1 · 100,0% lanjut · 0,0% lepas") was cut off by a fixed
/// margin. The bars keep at least a third of the width.
fn room_for_labels(
    ui: &egui::Ui,
    width: f32,
    categories: &[String],
    texts: &[(f64, f64, String)],
    right: f64,
) -> f64 {
    if right <= 0.0 {
        return 1.0;
    }
    let font = egui::TextStyle::Small.resolve(ui.style());
    let measure = |t: &str| {
        ui.painter()
            .layout_no_wrap(t.to_string(), font.clone(), Color32::PLACEHOLDER)
            .size()
            .x as f64
    };
    // The category names take the left of the chart, beside the axis.
    let axis = categories.iter().map(|c| measure(c)).fold(0.0, f64::max) + 24.0;
    let plot = (f64::from(width) - axis).max(1.0);
    texts
        .iter()
        .map(|(x, _, t)| {
            let free = (plot - measure(&format!(" {t}")) - 8.0).max(plot / 3.0);
            x * plot / free
        })
        .fold(right * 1.05, f64::max)
}

/// One series of bars in the accent colour.
fn single(
    ui: &mut egui::Ui,
    data: &ChartInput<'_>,
    kind: ChartKind,
    size: egui::Vec2,
    rows: &[(String, f64, String)],
    axis: impl Fn(f64) -> String + 'static,
    extra: impl FnOnce(&mut PlotUi<'_>),
) -> Option<usize> {
    let names: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let series = vec![Series {
        name: String::new(),
        color: data.accent(ui),
        values: rows.iter().map(|r| r.1).collect(),
    }];
    let ends = rows.iter().map(|r| r.2.clone()).collect();
    hbars(
        ui,
        kind,
        size,
        &names,
        series,
        Layout::Stacked,
        ends,
        axis,
        extra,
    )
    .map(|(k, _)| k)
}

fn money_axis(data: &ChartInput<'_>) -> impl Fn(f64) -> String + 'static {
    let lang = data.lang;
    move |v| format::abbreviated(lang, v)
}

fn rate_axis(data: &ChartInput<'_>) -> impl Fn(f64) -> String + 'static {
    let lang = data.lang;
    move |v| {
        let pct = v * 100.0;
        let decimals = if (pct - pct.round()).abs() < 1e-9 {
            0
        } else {
            1
        };
        format!("{}%", format::decimal(lang, pct, decimals))
    }
}

/// By value, largest first, ties by name: "reps sorted by value".
fn by_value<T>(rows: &mut [(String, T, String)], key: impl Fn(&T) -> f64) {
    rows.sort_by(|a, b| key(&b.1).total_cmp(&key(&a.1)).then_with(|| a.0.cmp(&b.0)));
}

pub(super) fn funnel(ui: &mut egui::Ui, data: &ChartInput<'_>, size: egui::Vec2) -> Option<Pick> {
    let Some(steps) = &data.report.metrics.funnel else {
        return None;
    };
    let lang = data.lang;
    let rows: Vec<(String, f64, String)> = steps
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let reached = || ("reached", s.reached.into());
            let text = match (s.leakage, steps.get(k + 1)) {
                (Some(lost), Some(_)) => lang.tr_args(
                    "chart-funnel-bar",
                    &[
                        reached(),
                        ("kept", format::percent(lang, 1.0 - lost).into()),
                        ("lost", format::percent(lang, lost).into()),
                    ],
                ),
                _ => lang.tr_args("chart-funnel-last", &[reached()]),
            };
            (s.stage.clone(), s.reached as f64, text)
        })
        .collect();
    let k = single(
        ui,
        data,
        ChartKind::Funnel,
        size,
        &rows,
        move |v| format::abbreviated(lang, v),
        |_| {},
    )?;
    Some(Pick::new("opportunities", &rows[k].0).slice(Slice::Reached(k)))
}

pub(super) fn quota(ui: &mut egui::Ui, data: &ChartInput<'_>, size: egui::Vec2) -> Option<Pick> {
    let Some(q) = &data.report.metrics.quota_attainment else {
        return None;
    };
    let lang = data.lang;
    let mut rows: Vec<(String, Option<f64>, String)> = q
        .by_rep
        .iter()
        .map(|(rep, a)| (rep.clone(), *a, Unit::Rate.show(lang, "", *a)))
        .collect();
    // Reps without a target (no value) last.
    by_value(&mut rows, |a| a.unwrap_or(f64::NEG_INFINITY));
    let rows: Vec<(String, f64, String)> = rows
        .into_iter()
        .map(|(r, a, t)| (r, a.unwrap_or(0.0), t))
        .collect();
    let label = lang.tr("chart-quota-line");
    let top = rows.len() as f64 - 0.35;
    let k = single(
        ui,
        data,
        ChartKind::Quota,
        size,
        &rows,
        rate_axis(data),
        |p| {
            p.vline(
                VLine::new(label.clone(), 1.0)
                    .color(theme::CHART_TARGET)
                    .width(theme::CHART_LINE_WIDTH),
            );
            // Left of the line: the axis may end just past 100%, and a label
            // to its right would be cut off.
            p.text(
                Text::new("", PlotPoint::new(1.0, top), format!("{label} "))
                    .color(theme::CHART_TARGET)
                    .anchor(Align2::RIGHT_TOP),
            );
        },
    )?;
    Some(Pick::new("revenue", &rows[k].0).only(|f| f.rep = Some(rows[k].0.clone())))
}

pub(super) fn conversion_by_source(
    ui: &mut egui::Ui,
    data: &ChartInput<'_>,
    size: egui::Vec2,
) -> Option<Pick> {
    let Some(by) = &data.report.metrics.conversion_by_source else {
        return None;
    };
    let lang = data.lang;
    let mut rows: Vec<(String, f64, String)> = by
        .iter()
        .map(|(source, c)| {
            let text = lang.tr_args(
                "chart-source-bar",
                &[
                    ("rate", Unit::Rate.show(lang, "", c.rate).into()),
                    ("leads", c.leads.into()),
                ],
            );
            (source.clone(), c.rate.unwrap_or(0.0), text)
        })
        .collect();
    by_value(&mut rows, |v| *v);
    let k = single(
        ui,
        data,
        ChartKind::ConversionBySource,
        size,
        &rows,
        rate_axis(data),
        |_| {},
    )?;
    Some(Pick::new("lead_conversion_rate", &rows[k].0).only(|f| f.source = Some(rows[k].0.clone())))
}

pub(super) fn revenue_by_channel(
    ui: &mut egui::Ui,
    data: &ChartInput<'_>,
    size: egui::Vec2,
) -> Option<Pick> {
    let Some(by) = &data.report.metrics.revenue_by_channel else {
        return None;
    };
    let mut rows: Vec<(String, f64, String)> = by
        .iter()
        .map(|(channel, &v)| (channel.clone(), v, data.money(v)))
        .collect();
    by_value(&mut rows, |v| *v);
    let k = single(
        ui,
        data,
        ChartKind::RevenueByChannel,
        size,
        &rows,
        money_axis(data),
        |_| {},
    )?;
    Some(Pick::new("revenue", &rows[k].0).only(|f| f.channel = Some(rows[k].0.clone())))
}

pub(super) fn top_products(
    ui: &mut egui::Ui,
    data: &ChartInput<'_>,
    size: egui::Vec2,
) -> Option<Pick> {
    let Some(products) = &data.report.metrics.top_products else {
        return None;
    };
    let rows: Vec<(String, f64, String)> = products
        .iter()
        .map(|p| (p.product.clone(), p.revenue, data.money(p.revenue)))
        .collect();
    let k = single(
        ui,
        data,
        ChartKind::TopProducts,
        size,
        &rows,
        money_axis(data),
        |_| {},
    )?;
    let product = rows[k].0.clone();
    Some(Pick::new("revenue", &product).slice(Slice::Product(product)))
}

pub(super) fn profit_by_channel(
    ui: &mut egui::Ui,
    data: &ChartInput<'_>,
    size: egui::Vec2,
) -> Option<Pick> {
    let by = data.report.metrics.profit_by_channel.as_ref()?;
    let lang = data.lang;
    let mut rows: Vec<(&String, f64)> = by.iter().map(|(c, p)| (c, p.revenue)).collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let part = |f: fn(&laris_core::metrics::profit::ChannelProfit) -> f64| {
        rows.iter().map(|(c, _)| f(&by[*c]).max(0.0)).collect()
    };
    // Revenue end to end: what the goods cost, what the marketplace kept,
    // and what is left (nothing drawn for a loss: its text says so).
    let series = vec![
        Series {
            name: lang.tr("chart-profit-cogs"),
            color: theme::CHART_COMPARISON,
            values: part(|p| p.cogs.unwrap_or(0.0)),
        },
        Series {
            name: lang.tr("chart-profit-fees"),
            color: theme::CHART_TARGET,
            values: part(|p| p.marketplace_fees.unwrap_or(0.0)),
        },
        Series {
            name: lang.tr("chart-profit-left"),
            color: data.accent(ui),
            values: part(|p| {
                p.gross_profit.unwrap_or(p.revenue) - p.marketplace_fees.unwrap_or(0.0)
            }),
        },
    ];
    let ends = rows
        .iter()
        .map(|(c, revenue)| {
            let p = &by[*c];
            let left = p.gross_profit.unwrap_or(*revenue) - p.marketplace_fees.unwrap_or(0.0);
            lang.tr_args(
                "chart-profit-bar",
                &[
                    ("revenue", format::abbreviated(lang, *revenue).into()),
                    ("left", format::abbreviated(lang, left).into()),
                ],
            )
        })
        .collect();
    let names: Vec<String> = rows.iter().map(|(c, _)| (*c).clone()).collect();
    let (k, _) = hbars(
        ui,
        ChartKind::ProfitByChannel,
        size,
        &names,
        series,
        Layout::Stacked,
        ends,
        money_axis(data),
        |_| {},
    )?;
    Some(Pick::new("revenue", &names[k]).only(|f| f.channel = Some(names[k].clone())))
}

pub(super) fn activities_by_rep(
    ui: &mut egui::Ui,
    data: &ChartInput<'_>,
    size: egui::Vec2,
) -> Option<Pick> {
    let Some(a) = &data.charts.activities_by_rep else {
        return None;
    };
    let lang = data.lang;
    let accent = data.accent(ui);
    let series = a
        .types
        .iter()
        .zip(&a.counts)
        .enumerate()
        .map(|(t, (name, counts))| Series {
            name: lang.activity_type(name),
            color: series_color(t, accent),
            values: counts.iter().map(|&c| c as f64).collect(),
        })
        .collect();
    let ends = (0..a.reps.len())
        .map(|k| format::count(lang, a.counts.iter().map(|row| row[k] as i64).sum()))
        .collect();
    let axis = move |v| format::abbreviated(lang, v);
    let (k, x) = hbars(
        ui,
        ChartKind::ActivitiesByRep,
        size,
        &a.reps,
        series,
        Layout::Stacked,
        ends,
        axis,
        |_| {},
    )?;
    let rep = a.reps.get(k)?.clone();
    let pick = Pick::new("activities", &rep).only(|f| f.rep = Some(rep.clone()));
    let column: Vec<u64> = a.counts.iter().map(|row| row[k]).collect();
    Some(match super::segment(&column, x) {
        Some(t) => pick.of_type(lang, &a.types[t]),
        None => pick,
    })
}

pub(super) fn pipeline(ui: &mut egui::Ui, data: &ChartInput<'_>, size: egui::Vec2) -> Option<Pick> {
    let Some(p) = &data.charts.pipeline else {
        return None;
    };
    let lang = data.lang;
    let names: Vec<String> = p
        .stages
        .iter()
        .map(|s| {
            if s.stage.is_empty() {
                lang.tr("chart-pipeline-other")
            } else {
                s.stage.clone()
            }
        })
        .collect();
    let series = vec![
        Series {
            name: lang.tr("chart-pipeline-value"),
            color: theme::CHART_COMPARISON,
            values: p.stages.iter().map(|s| s.value).collect(),
        },
        Series {
            name: lang.tr("chart-pipeline-weighted"),
            color: data.accent(ui),
            values: p.stages.iter().map(|s| s.weighted).collect(),
        },
    ];
    let ends = p
        .stages
        .iter()
        .map(|s| s.value)
        .chain(p.stages.iter().map(|s| s.weighted))
        .map(|v| format::abbreviated(lang, v))
        .collect();
    let (k, _) = hbars(
        ui,
        ChartKind::PipelineByStage,
        size,
        &names,
        series,
        Layout::Grouped,
        ends,
        money_axis(data),
        |_| {},
    )?;
    Some(Pick::new("pipeline_value", &names[k]).slice(Slice::AtStage(k)))
}
