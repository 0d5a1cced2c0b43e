//! A bridge (waterfall): from the comparison period's figure, each key's
//! part of the change floating on the running total, to the current figure;
//! the steps as a table below, and revenue's orders x size split.

use egui_plot::{Bar, BarChart, Plot};
use laris_core::format;
use laris_core::i18n::Lang;
use laris_core::metrics::explain::Bridge;

use crate::theme;

/// The steps of a bridge as (label, change) from the previous figure to
/// the current one, the figures as whole bars and each step floating on the
/// running total.
pub fn draw(ui: &mut egui::Ui, lang: Lang, currency: &str, b: &Bridge) {
    let (Some(previous), Some(current)) = (b.previous, b.current) else {
        ui.label(lang.tr("bridge-nothing"));
        return;
    };
    use laris_core::metrics::catalog::Unit as Shown;
    use laris_core::metrics::explain::Unit;
    let show = |units: i128| -> String {
        let v = b.unit.value(units);
        match b.unit {
            Unit::Minor => format::money_short(lang, currency, v),
            Unit::Millionths => format::percent(lang, v),
            Unit::Whole => format::decimal(lang, v, 0),
        }
    };
    // A rate moves in points, as on the cards.
    let signed = |units: i128| -> String {
        if b.unit == Unit::Millionths {
            return Shown::Rate.show_change(lang, b.unit.value(units));
        }
        // The sign before the currency: -Rp 1,2 jt, not Rp -1,2 jt.
        let sign = match units.signum() {
            1 => "+",
            -1 => "-",
            _ => "",
        };
        format!("{sign}{}", show(units.abs()))
    };
    let mut labels = vec![lang.tr("bridge-previous")];
    let mut bars = vec![
        Bar::new(0.0, b.unit.value(previous))
            .fill(theme::CHART_COMPARISON)
            .name(format!("{}: {}", labels[0], show(previous))),
    ];
    let mut running = previous;
    for (i, step) in b.steps.iter().enumerate() {
        let label = step.key.label(lang);
        let from = b.unit.value(running);
        running += step.change;
        let color = if step.change >= 0 {
            theme::GOOD
        } else {
            theme::BAD
        };
        bars.push(
            Bar::new((i + 1) as f64, b.unit.value(step.change))
                .base_offset(from)
                .fill(color)
                .name(format!("{label}: {}", signed(step.change))),
        );
        labels.push(label);
    }
    let last = labels.len();
    labels.push(lang.tr("bridge-current"));
    bars.push(
        Bar::new(last as f64, b.unit.value(current))
            .fill(theme::accent(ui))
            .name(format!("{}: {}", labels[last], show(current))),
    );
    let names = labels.clone();
    Plot::new(("bridge", b.metric, b.by.id()))
        .height(280.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            names.get(i as usize).cloned().unwrap_or_default()
        })
        .y_axis_formatter(move |mark, _| format::abbreviated(lang, mark.value))
        .show(ui, |p| {
            p.bar_chart(BarChart::new("bridge", bars).width(0.6))
        });
    egui::Grid::new(("bridge_steps", b.metric))
        .striped(true)
        .show(ui, |ui| {
            let by = lang.tr(&format!("explain-by-{}", b.by.id()));
            let mut chars = by.chars();
            let header: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            ui.strong(header);
            ui.strong(lang.tr("bridge-col-previous"));
            ui.strong(lang.tr("bridge-col-current"));
            ui.strong(lang.tr("bridge-col-change"));
            ui.end_row();
            for step in &b.steps {
                ui.label(step.key.label(lang));
                ui.label(step.previous.map(show).unwrap_or_default());
                ui.label(step.current.map(show).unwrap_or_default());
                ui.label(signed(step.change));
                ui.end_row();
            }
            ui.strong(lang.tr("explain-total"));
            ui.strong(show(previous));
            ui.strong(show(current));
            ui.strong(b.change.map(signed).unwrap_or_default());
            ui.end_row();
        });
    if let Some(split) = b.orders_size {
        ui.add_space(theme::SPACE_S);
        for (id, change) in [
            ("explain-more-orders", split.orders),
            ("explain-bigger-orders", split.size),
        ] {
            ui.label(lang.tr_args(id, &[("change", signed(change).into())]));
        }
    }
}
