//! The Targets tab: team and per-rep targets per month, quarter or year in a
//! grid. Saving stores the changed cells as one batch (undoable in the Data
//! tab); imported targets show here too.

use std::collections::BTreeMap;

use chrono::Datelike;
use egui::{RichText, Vec2};

use super::command::{Command, Commands};
use super::error::AppError;
use super::session::Session;
use super::tasks::Job;
use crate::format;
use crate::import::values::{ColumnFormat, money_minor};
use crate::store::targets::TargetRow;
use laris_view::theme;

const METRICS: [&str; 4] = ["revenue", "deals_won", "new_customers", "activities"];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grain {
    #[default]
    Month,
    Quarter,
    Year,
}

#[derive(Default)]
pub struct TargetsTab {
    /// The stored targets, once read.
    rows: Option<Result<Vec<TargetRow>, AppError>>,
    asked: bool,
    metric: usize,
    grain: Grain,
    year: Option<i32>,
    /// Cells the user typed in, by (period, rep), as typed.
    edits: BTreeMap<(String, String), String>,
}

impl TargetsTab {
    pub fn loaded(&mut self, rows: Result<Vec<TargetRow>, AppError>) {
        self.rows = Some(rows);
    }

    /// The stored targets changed: read them again when the tab shows.
    pub fn stale(&mut self) {
        self.asked = false;
        self.rows = None;
    }
}

/// The periods of `year` at `grain`, as targets name them.
fn periods(year: i32, grain: Grain) -> Vec<String> {
    match grain {
        Grain::Month => (1..=12).map(|m| format!("{year}-{m:02}")).collect(),
        Grain::Quarter => (1..=4).map(|q| format!("{year}-Q{q}")).collect(),
        Grain::Year => vec![year.to_string()],
    }
}

/// A column's name: the month or quarter in the user's language.
fn header(lang: crate::i18n::Lang, period: &str) -> String {
    match crate::metrics::dataset::target_period(period) {
        Some((from, _, _)) => {
            let sel = |kind| {
                crate::metrics::Selection::containing(kind, crate::metrics::dataset::date_of(from))
            };
            let kind = match period.len() {
                7 if period.contains('Q') => crate::metrics::PeriodKind::Quarter,
                // The year is in the bar above: the month's name is enough.
                7 => {
                    return lang.tr(&format!(
                        "month-short-{}",
                        &period[5..].trim_start_matches('0')
                    ));
                }
                _ => crate::metrics::PeriodKind::Year,
            };
            sel(kind).label(lang)
        }
        None => period.to_string(),
    }
}

/// The typed value in hundredths; empty cells are no change.
pub(super) fn parse_cell(text: &str, decimal: char) -> Option<i64> {
    money_minor(
        text,
        ColumnFormat {
            decimal,
            day_first: true,
            score_scale: Default::default(),
        },
    )
    .filter(|v| *v >= 0)
}

/// `today` decides the year shown first.
pub fn show(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    tab: &mut TargetsTab,
    session: &Session,
    today: chrono::NaiveDate,
    commands: &mut Commands,
) {
    if !tab.asked {
        tab.asked = true;
        commands.push(Command::Run(Job::LoadTargets));
    }
    let year = *tab.year.get_or_insert_with(|| today.year());
    theme::heading(ui, &lang.tr("targets-title"));
    ui.label(RichText::new(lang.tr("targets-intro")).weak());
    ui.add_space(theme::SPACE_S);
    ui.horizontal(|ui| {
        let label = ui.label(lang.tr("targets-metric"));
        let metric_label = |m: &str| lang.tr(&format!("metric-{m}"));
        egui::ComboBox::from_id_salt("target-metric")
            .selected_text(metric_label(METRICS[tab.metric]))
            .show_ui(ui, |ui| {
                for (i, m) in METRICS.iter().enumerate() {
                    ui.selectable_value(&mut tab.metric, i, metric_label(m));
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(theme::SPACE_M);
        for (grain, id) in [
            (Grain::Month, "targets-per-month"),
            (Grain::Quarter, "targets-per-quarter"),
            (Grain::Year, "targets-per-year"),
        ] {
            ui.selectable_value(&mut tab.grain, grain, lang.tr(id));
        }
        ui.add_space(theme::SPACE_M);
        if ui.button("◀").clicked() {
            tab.year = Some(year - 1);
        }
        ui.label(RichText::new(year.to_string()).strong());
        if ui.button("▶").clicked() {
            tab.year = Some(year + 1);
        }
    });
    ui.add_space(theme::SPACE_S);
    let stored = match &tab.rows {
        None => {
            ui.spinner();
            return;
        }
        Some(Err(e)) => {
            ui.colored_label(theme::BAD, e.message(lang));
            return;
        }
        Some(Ok(rows)) => rows.clone(),
    };
    let metric = METRICS[tab.metric];
    let money = metric == "revenue";
    let decimal = format::decimal_sep(lang);
    let stored_map: BTreeMap<(String, String), i64> = stored
        .iter()
        .filter(|r| r.metric == metric)
        .map(|r| ((r.period.clone(), r.rep.clone()), r.target_minor))
        .collect();
    let mut reps: Vec<String> = session
        .worker
        .facts
        .as_ref()
        .and_then(|f| f.as_ref().ok())
        .map(|f| f.reps.clone())
        .unwrap_or_default();
    for r in stored.iter().filter(|r| !r.rep.is_empty()) {
        if !reps.contains(&r.rep) {
            reps.push(r.rep.clone());
        }
    }
    let periods = periods(year, tab.grain);
    let show_value = |minor: i64| {
        if money {
            format::decimal(lang, minor as f64 / 100.0, 0)
        } else {
            format::decimal(
                lang,
                minor as f64 / 100.0,
                if minor % 100 == 0 { 0 } else { 2 },
            )
        }
    };
    let mut invalid = 0;
    // Twelve months fit the window where they can (a 1366x768 laptop at
    // 125%): the cells share the width left of the names, down to what a
    // value needs; below that the table scrolls, with its bar in sight.
    let names_width = 130.0;
    let widest = if money { 110.0 } else { 60.0 };
    let cell_width = ((ui.available_width() - names_width) / periods.len().max(1) as f32
        - theme::SPACE_S)
        .clamp(if money { 88.0 } else { 48.0 }, widest);
    // A solid bar, not egui's faint floating one: it has to be found.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::both()
        .auto_shrink([false, true])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .max_height(ui.available_height() - 60.0)
        .show(ui, |ui| {
            egui::Grid::new("targets")
                .striped(true)
                .min_col_width(cell_width)
                .spacing(Vec2::new(theme::SPACE_S, theme::SPACE_S))
                .show(ui, |ui| {
                    ui.label("");
                    for p in &periods {
                        ui.strong(header(lang, p));
                    }
                    ui.end_row();
                    let team = lang.tr("targets-team");
                    for rep in std::iter::once(String::new()).chain(reps.iter().cloned()) {
                        ui.label(if rep.is_empty() {
                            team.as_str()
                        } else {
                            rep.as_str()
                        });
                        for p in &periods {
                            let key = (p.clone(), rep.clone());
                            let mut text = tab.edits.get(&key).cloned().unwrap_or_else(|| {
                                stored_map
                                    .get(&key)
                                    .map(|v| show_value(*v))
                                    .unwrap_or_default()
                            });
                            let bad = tab.edits.contains_key(&key)
                                && !text.trim().is_empty()
                                && parse_cell(&text, decimal).is_none();
                            invalid += usize::from(bad);
                            let mut edit = egui::TextEdit::singleline(&mut text)
                                .desired_width(cell_width)
                                .align(egui::Align2::RIGHT_CENTER);
                            if bad {
                                edit = edit.text_color(theme::BAD);
                            }
                            let response = ui.add(edit);
                            let name = if rep.is_empty() {
                                team.clone()
                            } else {
                                rep.clone()
                            };
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::TextInput,
                                    true,
                                    format!("{name} {p}"),
                                )
                            });
                            if response.changed() {
                                tab.edits.insert(key, text);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(theme::SPACE_S);
    let changes: Vec<TargetRow> = tab
        .edits
        .iter()
        .filter_map(|((period, rep), text)| {
            let minor = parse_cell(text, decimal)?;
            (stored_map.get(&(period.clone(), rep.clone())) != Some(&minor)).then(|| TargetRow {
                period: period.clone(),
                rep: rep.clone(),
                metric: metric.to_string(),
                target_minor: minor,
            })
        })
        .collect();
    ui.horizontal(|ui| {
        let save = ui.add_enabled(
            session.may_write() && !changes.is_empty() && invalid == 0,
            egui::Button::new(lang.tr("targets-save")),
        );
        if save.clicked() {
            let label = lang.tr("targets-batch-name");
            tab.edits.clear();
            commands.push(Command::Run(Job::SaveTargets {
                label,
                rows: changes,
            }));
        } else if ui
            .add_enabled(
                !tab.edits.is_empty(),
                egui::Button::new(lang.tr("targets-discard")),
            )
            .clicked()
        {
            tab.edits.clear();
        }
        if invalid > 0 {
            ui.colored_label(theme::BAD, lang.tr("targets-invalid"));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_cells() {
        assert_eq!(
            periods(2024, Grain::Quarter),
            ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
        );
        assert_eq!(periods(2024, Grain::Month)[11], "2024-12");
        assert_eq!(parse_cell("5.000.000", ','), Some(500_000_000));
        assert_eq!(parse_cell("Rp 1.250.000", ','), Some(125_000_000));
        assert_eq!(parse_cell("12", '.'), Some(1200));
        assert_eq!(parse_cell("-5", '.'), None, "a target is never negative");
        assert_eq!(parse_cell("abc", ','), None);
    }
}
