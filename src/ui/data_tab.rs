//! The Data tab: what is stored per kind, and the import history with undo.

use chrono::NaiveDate;

use super::command::{Command, Commands};
use super::session::Session;
use crate::format;
use crate::i18n::Lang;
use crate::store::batches::Batch;
use laris_view::theme;

/// The Data tab's own state.
#[derive(Default)]
pub struct DataTab {
    /// The import whose undo waits for the user's yes.
    confirm_undo: Option<Batch>,
}

pub fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut DataTab,
    session: &Session,
    commands: &mut Commands,
) {
    let Some(overview) = &session.overview else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(theme::SPACE_S);
            ui.horizontal(|ui| {
                theme::heading(ui, &lang.tr("data-title"));
                ui.add_space(theme::SPACE_L);
                let busy = session.busy();
                let import = Command::ImportFiles;
                let (label, tip) = (import.label_id(), import.tooltip_id());
                if ui
                    .add_enabled(
                        !busy && session.may_write(),
                        egui::Button::new(lang.tr(label.unwrap_or_default())),
                    )
                    .on_hover_text(lang.tr(tip.unwrap_or_default()))
                    .on_disabled_hover_text(lang.tr(session.read_only_id()))
                    .clicked()
                {
                    commands.push(import);
                }
                if let Some((label, fraction)) = &session.progress {
                    ui.spinner();
                    ui.label(label);
                    ui.add(egui::ProgressBar::new(*fraction).desired_width(160.0));
                }
            });
            ui.add_space(theme::SPACE_M);
            egui::Grid::new("kinds")
                .num_columns(4)
                .striped(true)
                .spacing(egui::vec2(theme::SPACE_L, theme::SPACE_S))
                .show(ui, |ui| {
                    ui.strong(lang.tr("data-kind"));
                    ui.strong(lang.tr("data-records"));
                    ui.strong(lang.tr("data-range"));
                    ui.end_row();
                    for k in &overview.kinds {
                        ui.label(lang.tr(&format!("kind-{}", k.kind.table())));
                        number(ui, &format::count(lang, k.count as i64));
                        match (&k.first, &k.last) {
                            (Some(first), Some(last)) => ui.label(range(lang, first, last)),
                            _ => ui.label(""),
                        };
                        if k.count > 0 {
                            let name = lang.tr(&format!("kind-{}", k.kind.table()));
                            let button = ui.small_button(lang.tr("data-export"));
                            let label = lang.tr_args("data-export-kind", &[("kind", name.into())]);
                            button.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                            });
                            if button.clicked() {
                                let what = super::exports::Export::Records(k.kind);
                                commands.push(Command::Export(what));
                            }
                        }
                        ui.end_row();
                    }
                });

            ui.add_space(theme::SPACE_L);
            theme::heading(ui, &lang.tr("data-history"));
            ui.add_space(theme::SPACE_S);
            if overview.batches.is_empty() {
                ui.label(lang.tr("data-no-history"));
            } else {
                history(
                    ui,
                    lang,
                    state,
                    !session.busy() && session.may_write(),
                    &overview.batches,
                );
            }
            ui.add_space(theme::SPACE_L);
            let path = session.db.shown();
            ui.label(
                egui::RichText::new(lang.tr_args("data-db", &[("path", path.into())]))
                    .small()
                    .weak(),
            );
        });
}

/// `can_undo`: not busy, and the database may be changed.
fn history(ui: &mut egui::Ui, lang: Lang, state: &mut DataTab, can_undo: bool, batches: &[Batch]) {
    egui::Grid::new("history")
        .num_columns(8)
        .striped(true)
        .spacing(egui::vec2(theme::SPACE_M, theme::SPACE_S))
        .show(ui, |ui| {
            for key in [
                "data-file",
                "data-kind",
                "data-when",
                "data-added",
                "data-updated",
                "data-unchanged",
                "data-skipped",
            ] {
                ui.strong(lang.tr(key));
            }
            ui.label("");
            ui.end_row();
            for b in batches {
                let converted = b.conversion.as_ref().map(|(currency, rate)| {
                    lang.tr_args(
                        "data-converted",
                        &[
                            ("currency", currency.as_str().into()),
                            ("rate", rate.as_str().into()),
                        ],
                    )
                });
                let branch = (!b.branch.is_empty())
                    .then(|| lang.tr_args("data-branch", &[("branch", b.branch.as_str().into())]));
                let notes: Vec<String> = branch.into_iter().chain(converted).collect();
                if notes.is_empty() {
                    ui.label(&b.file_name);
                } else {
                    ui.vertical(|ui| {
                        ui.label(&b.file_name);
                        for note in notes {
                            ui.label(egui::RichText::new(note).small().weak());
                        }
                    });
                }
                ui.label(lang.tr(&format!("kind-{}", b.kind.table())));
                ui.label(match b.imported() {
                    Some(t) => format::date_time(lang, t),
                    None => b.imported_at.clone(),
                });
                for n in [
                    b.counts.added,
                    b.counts.updated,
                    b.counts.unchanged,
                    b.counts.skipped,
                ] {
                    number(ui, &format::count(lang, n as i64));
                }
                if b.undone_at.is_some() {
                    ui.label(egui::RichText::new(lang.tr("data-undone")).weak());
                } else if ui
                    .add_enabled(can_undo, egui::Button::new(lang.tr("data-undo")))
                    .clicked()
                {
                    state.confirm_undo = Some(b.clone());
                }
                ui.end_row();
            }
        });
}

/// Undoing an import asks first: it is the one decision that needs a modal.
pub fn undo_dialog(ctx: &egui::Context, lang: Lang, state: &mut DataTab, commands: &mut Commands) {
    let Some(batch) = state.confirm_undo.clone() else {
        return;
    };
    let mut decision = None;
    egui::Modal::new(egui::Id::unique("undo")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        theme::heading(ui, &lang.tr("undo-title"));
        ui.add_space(theme::SPACE_S);
        ui.label(lang.tr_args(
            "undo-body",
            &[
                ("file", batch.file_name.as_str().into()),
                ("added", batch.counts.added.into()),
                ("updated", batch.counts.updated.into()),
            ],
        ));
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            if ui.button(lang.tr("undo-confirm")).clicked() {
                decision = Some(true);
            }
            if ui.button(lang.tr("undo-cancel")).clicked() {
                decision = Some(false);
            }
        });
    });
    match decision {
        Some(true) => {
            state.confirm_undo = None;
            commands.push(Command::Undo(batch));
        }
        Some(false) => state.confirm_undo = None,
        None => {}
    }
}

/// The dates a kind's records span; targets span periods, shown as their
/// years.
fn range(lang: Lang, first: &str, last: &str) -> String {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    match (day(first), day(last)) {
        (Some(first), Some(last)) => format::date_range(lang, first, last),
        _ => format!("{first} – {last}"),
    }
}

/// A number in a table column: right-aligned, so that digits line up.
fn number(ui: &mut egui::Ui, text: &str) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text);
    });
}
