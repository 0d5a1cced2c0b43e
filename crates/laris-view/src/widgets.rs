//! Small widgets the screens share: a date picker in the user's language and
//! a sparkline.

use chrono::{Datelike, Duration, NaiveDate};
use egui::{Color32, Popup, PopupCloseBehavior, Sense, Stroke, Vec2};

use laris_core::format;
use laris_core::i18n::Lang;
use laris_core::metrics::period::add_months;

/// A button showing `date`; a click opens a month calendar. Returns whether
/// the date was changed.
pub fn date_picker(ui: &mut egui::Ui, lang: Lang, id_salt: &str, date: &mut NaiveDate) -> bool {
    let button = ui.button(format::date_short(lang, *date));
    let shown_id = ui.make_persistent_id((id_salt, "month"));
    if button.clicked() {
        ui.data_mut(|d| d.insert_temp(shown_id, *date));
    }
    let mut changed = false;
    Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut shown: NaiveDate = ui.data(|d| d.get_temp(shown_id)).unwrap_or(*date);
            ui.horizontal(|ui| {
                if ui.small_button("◀").clicked() {
                    shown = add_months(shown, -1);
                }
                ui.label(egui::RichText::new(format::month(lang, shown)).strong());
                if ui.small_button("▶").clicked() {
                    shown = add_months(shown, 1);
                }
            });
            ui.data_mut(|d| d.insert_temp(shown_id, shown));
            let first = shown.with_day(1).unwrap_or(shown);
            let start = first - Duration::days(first.weekday().num_days_from_monday() as i64);
            egui::Grid::new((id_salt, "days"))
                .spacing(Vec2::splat(2.0))
                .show(ui, |ui| {
                    for wd in 1..=7 {
                        ui.label(
                            egui::RichText::new(lang.tr(&format!("weekday-short-{wd}"))).small(),
                        );
                    }
                    ui.end_row();
                    for week in 0..6 {
                        for day in 0..7 {
                            let d = start + Duration::days(week * 7 + day);
                            let text = egui::RichText::new(d.day().to_string());
                            let text = if d.month() == shown.month() {
                                text
                            } else {
                                text.weak()
                            };
                            if ui.selectable_label(d == *date, text).clicked() {
                                *date = d;
                                changed = true;
                                Popup::close_all(ui.ctx());
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    changed
}

/// A small line of `values` (oldest first); gaps where a value is missing.
pub fn sparkline(ui: &mut egui::Ui, values: &[Option<f64>], size: Vec2, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let (Some(min), Some(max)) = (
        known.iter().copied().reduce(f64::min),
        known.iter().copied().reduce(f64::max),
    ) else {
        return;
    };
    let span = if max > min { max - min } else { 1.0 };
    let n = values.len().max(2) - 1;
    let point = |i: usize, v: f64| {
        egui::pos2(
            rect.left() + rect.width() * i as f32 / n as f32,
            rect.bottom() - rect.height() * ((v - min) / span) as f32,
        )
    };
    let stroke = Stroke::new(1.5, color);
    let painter = ui.painter_at(rect.expand(2.0));
    let mut run: Vec<egui::Pos2> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => run.push(point(i, *v)),
            None => {
                painter.add(egui::Shape::line(std::mem::take(&mut run), stroke));
            }
        }
    }
    if let Some(last) = run.last().copied() {
        painter.circle_filled(last, 2.5, color);
    }
    painter.add(egui::Shape::line(run, stroke));
}
