//! The cohort retention heatmap: a grid of cells, one row per month of first
//! purchase, one column per month after it, each with its share in percent.

use egui::{Align2, Color32, FontId, Rect, Stroke, pos2, vec2};

use super::{ChartInput, Pick};
use laris_core::format;
use laris_core::metrics::charts::COHORT_MONTHS;
use laris_core::metrics::records::Slice;

pub(super) fn show(ui: &mut egui::Ui, data: &ChartInput<'_>, size: egui::Vec2) -> Option<Pick> {
    let Some(cohorts) = &data.charts.cohorts else {
        return None;
    };
    let lang = data.lang;
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text = visuals.text_color();
    let strong = visuals.strong_text_color();
    let empty = visuals.faint_bg_color;
    let accent = data.accent(ui);
    let rows = cohorts.rows.len().max(1);
    let small = FontId::proportional(crate::theme::SIZE_SMALL);
    // Two header lines, then the rows; the first columns name the cohort.
    let label_w = (rect.width() * 0.2).min(150.0);
    let count_w = (rect.width() * 0.1).min(70.0);
    let header_h = 2.0 * (small.size + 4.0);
    let cell_w = (rect.width() - label_w - count_w) / COHORT_MONTHS as f32;
    let cell_h = ((rect.height() - header_h) / rows as f32).min(cell_w * 0.8);
    let grid_left = rect.left() + label_w + count_w;
    let cell_font = FontId::proportional((cell_h * 0.45).clamp(6.0, small.size));
    painter.text(
        pos2(grid_left, rect.top()),
        Align2::LEFT_TOP,
        lang.tr("chart-cohort-after"),
        small.clone(),
        text,
    );
    let header_y = rect.top() + header_h;
    painter.text(
        pos2(rect.left(), header_y - 2.0),
        Align2::LEFT_BOTTOM,
        lang.tr("chart-cohort-month"),
        small.clone(),
        text,
    );
    painter.text(
        pos2(grid_left - 6.0, header_y - 2.0),
        Align2::RIGHT_BOTTOM,
        lang.tr("chart-cohort-customers"),
        small.clone(),
        text,
    );
    for n in 0..COHORT_MONTHS {
        let x = grid_left + (n as f32 + 0.5) * cell_w;
        painter.text(
            pos2(x, header_y - 2.0),
            Align2::CENTER_BOTTOM,
            n.to_string(),
            small.clone(),
            text,
        );
    }
    // The cell under the pointer, if it has a share.
    let cell_at = |pos: egui::Pos2| {
        let n = ((pos.x - grid_left) / cell_w).floor();
        let r = ((pos.y - header_y) / cell_h).floor();
        if n < 0.0 || r < 0.0 {
            return None;
        }
        let (n, r) = (n as usize, r as usize);
        let cohort = cohorts.rows.get(r)?;
        cohort.retained.get(n)?.as_ref()?;
        Some((cohort, n))
    };
    let mut pick = None;
    if let Some((cohort, n)) = response.hover_pos().and_then(cell_at) {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        if response.clicked() {
            let label = lang.tr_args(
                "chart-cohort-cell",
                &[
                    ("month", month_label(lang, cohort.month).into()),
                    ("after", n.into()),
                ],
            );
            pick = Some(Pick::new("retention_rate", label).slice(Slice::Cohort {
                month: cohort.month,
                after: n as u32,
            }));
        }
    }
    for (r, cohort) in cohorts.rows.iter().enumerate() {
        let y = header_y + r as f32 * cell_h;
        let mid = y + cell_h / 2.0;
        painter.text(
            pos2(rect.left(), mid),
            Align2::LEFT_CENTER,
            month_label(lang, cohort.month),
            small.clone(),
            text,
        );
        painter.text(
            pos2(grid_left - 6.0, mid),
            Align2::RIGHT_CENTER,
            format::count(lang, cohort.customers as i64),
            small.clone(),
            text,
        );
        for (n, share) in cohort.retained.iter().enumerate() {
            let cell =
                Rect::from_min_size(pos2(grid_left + n as f32 * cell_w, y), vec2(cell_w, cell_h))
                    .shrink(1.0);
            let Some(share) = *share else {
                painter.rect_filled(cell, 2.0, empty);
                continue;
            };
            let fill = accent.gamma_multiply(0.08 + 0.92 * share.clamp(0.0, 1.0) as f32);
            painter.rect(cell, 2.0, fill, Stroke::NONE, egui::StrokeKind::Inside);
            let ink = if share > 0.5 { Color32::WHITE } else { strong };
            let pct = format::decimal(lang, share * 100.0, 0);
            painter.text(
                cell.center(),
                Align2::CENTER_CENTER,
                format!("{pct}%"),
                cell_font.clone(),
                ink,
            );
        }
    }
    pick
}

/// A cohort's month as its row names it: `Agu 2024`.
fn month_label(lang: laris_core::i18n::Lang, month: chrono::NaiveDate) -> String {
    format!(
        "{} {}",
        format::month_short(lang, month),
        month.format("%Y")
    )
}
