//! The period bar: the period and its kind, previous/next, the comparison
//! and the filters.

use super::super::app::LarisApp;
use super::super::command::Command;
use crate::i18n::Lang;
use crate::metrics::figures::Query;
use crate::metrics::{Comparison, PeriodKind, Selection};
use laris_view::{theme, widgets};

const KINDS: [PeriodKind; 9] = [
    PeriodKind::Day,
    PeriodKind::Week,
    PeriodKind::Month,
    PeriodKind::Quarter,
    PeriodKind::Year,
    PeriodKind::Mtd,
    PeriodKind::Qtd,
    PeriodKind::Ytd,
    PeriodKind::Custom,
];

fn kind_label(lang: Lang, kind: PeriodKind) -> String {
    let id = match kind {
        PeriodKind::Day => "period-kind-day",
        PeriodKind::Week => "period-kind-week",
        PeriodKind::Month => "period-kind-month",
        PeriodKind::Quarter => "period-kind-quarter",
        PeriodKind::Year => "period-kind-year",
        PeriodKind::Mtd => "period-kind-mtd",
        PeriodKind::Qtd => "period-kind-qtd",
        PeriodKind::Ytd => "period-kind-ytd",
        PeriodKind::Custom => "period-kind-custom",
    };
    lang.tr(id)
}

/// Moves the chosen period `steps` periods (Left/Right arrows, the arrow
/// buttons).
pub fn step_period(app: &mut LarisApp, steps: i32) {
    if let Some(q) = app.query() {
        app.persisted.choice.sel = Some(q.sel.shift(steps));
    }
}

pub fn show(app: &mut LarisApp, ui: &mut egui::Ui, query: &Query) {
    let lang = app.lang;
    let mut sel = query.sel;
    let mut cmp = query.cmp;
    let mut filters = query.filters.clone();
    ui.horizontal_wrapped(|ui| {
        let prev = ui.button("◀").on_hover_text(lang.tr("period-previous-tip"));
        prev.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, lang.tr("period-previous"))
        });
        if prev.clicked() {
            app.commands.push(Command::StepPeriod(-1));
        }
        if sel.kind == PeriodKind::Custom {
            let (mut from, mut to) = (sel.period.from, sel.period.to);
            let a = widgets::date_picker(ui, lang, "from", &mut from);
            ui.label("–");
            let b = widgets::date_picker(ui, lang, "to", &mut to);
            if a || b {
                let (from, to) = (from.min(to), from.max(to));
                sel = Selection {
                    kind: PeriodKind::Custom,
                    period: crate::metrics::Period::new(from, to),
                };
            }
        } else {
            ui.label(
                egui::RichText::new(sel.label(lang))
                    .font(egui::FontId::new(theme::SIZE_HEADING, theme::semibold())),
            );
        }
        let next = ui.button("▶").on_hover_text(lang.tr("period-next-tip"));
        next.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, lang.tr("period-next"))
        });
        if next.clicked() {
            app.commands.push(Command::StepPeriod(1));
        }
        ui.add_space(theme::SPACE_S);
        let mut kind = sel.kind;
        combo(
            ui,
            "period-kind",
            &lang.tr("period-kind-label"),
            &kind_label(lang, kind),
            |ui| {
                for k in KINDS {
                    ui.selectable_value(&mut kind, k, kind_label(lang, k));
                }
            },
        );
        if kind != sel.kind {
            sel = if kind == PeriodKind::Custom {
                Selection {
                    kind,
                    period: sel.period,
                }
            } else {
                Selection::containing(kind, sel.period.to)
            };
        }
        ui.add_space(theme::SPACE_M);
        let cmp_label = |c: Comparison| match c {
            Comparison::Previous => lang.tr("compare-previous"),
            Comparison::LastYear => lang.tr("compare-last-year"),
        };
        combo(
            ui,
            "compare",
            &lang.tr("compare-label"),
            &cmp_label(cmp),
            |ui| {
                for c in [Comparison::Previous, Comparison::LastYear] {
                    ui.selectable_value(&mut cmp, c, cmp_label(c));
                }
            },
        );
        let facts = app
            .session
            .worker
            .facts
            .as_ref()
            .and_then(|f| f.as_ref().ok())
            .cloned()
            .unwrap_or_default();
        // Beside the named branches, the records imported without one.
        let unbranched = facts.unbranched.then(|| lang.tr("filter-no-branch"));
        for (id, names, value, unnamed) in [
            ("filter-rep", &facts.reps, &mut filters.rep, None),
            (
                "filter-channel",
                &facts.channels,
                &mut filters.channel,
                None,
            ),
            ("filter-source", &facts.sources, &mut filters.source, None),
            // Only offered once some import named a branch (outlet).
            (
                "filter-branch",
                &facts.branches,
                &mut filters.branch,
                unbranched,
            ),
        ] {
            if names.is_empty() {
                continue;
            }
            ui.add_space(theme::SPACE_S);
            let all = lang.tr("filter-all");
            let shown = match value.as_deref() {
                None => all.clone(),
                Some("") => unnamed.clone().unwrap_or_default(),
                Some(name) => name.to_string(),
            };
            combo(ui, id, &lang.tr(id), &shown, |ui| {
                ui.selectable_value(value, None, all.clone());
                if let Some(unnamed) = unnamed {
                    ui.selectable_value(value, Some(String::new()), unnamed);
                }
                for n in names {
                    ui.selectable_value(value, Some(n.clone()), n);
                }
            });
        }
        if app.session.worker.busy() {
            ui.spinner();
        }
        if let Some((shown, figures)) = app.dash.shown.clone() {
            ui.add_space(theme::SPACE_M);
            if ui
                .button(lang.tr("tab-export"))
                .on_hover_text(lang.tr("tab-export-tip"))
                .clicked()
            {
                let what = super::super::exports::Export::Tab {
                    tab: app.current_tab(),
                    figures: figures.clone(),
                    sparks: app.session.worker.sparks(&shown),
                    filters: shown.filters.clone(),
                    present: app.session.worker.present(),
                };
                app.commands.push(Command::Export(what));
            }
            for (id, print) in [("report-save", false), ("report-print", true)] {
                if ui
                    .button(lang.tr(id))
                    .on_hover_text(lang.tr("report-tip"))
                    .clicked()
                {
                    let what = super::super::exports::Export::MeetingReport {
                        figures: figures.clone(),
                        filters: shown.filters.clone(),
                        print,
                    };
                    app.commands.push(Command::Export(what));
                }
            }
        }
    });
    let choice = &mut app.persisted.choice;
    if sel != query.sel {
        choice.sel = Some(sel);
    }
    choice.cmp = cmp;
    choice.filters = filters;
}

/// A labelled combo box (the label is what tests and screen readers find).
fn combo(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    selected: &str,
    add: impl FnOnce(&mut egui::Ui),
) {
    let label = ui.label(egui::RichText::new(label).weak());
    let combo = egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .show_ui(ui, add);
    let _ = combo.response.labelled_by(label.id);
}
