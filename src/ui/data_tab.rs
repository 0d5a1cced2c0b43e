//! The Data tab: what is stored per kind, and the import history with undo.

use super::app::LarisApp;
use crate::format;
use crate::store::batches::Batch;
use laris_view::theme;

pub fn show(app: &mut LarisApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let Some(overview) = app.overview.clone() else {
        return;
    };
    let lang = app.lang;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(theme::SPACE_S);
            ui.horizontal(|ui| {
                theme::heading(ui, &app.tr("data-title"));
                ui.add_space(theme::SPACE_L);
                let busy = app.busy();
                if ui
                    .add_enabled(!busy, egui::Button::new(app.tr("data-import")))
                    .on_hover_text(app.tr("shortcut-import"))
                    .clicked()
                {
                    app.pick_files(&ctx);
                }
                if let Some((label, fraction)) = &app.progress {
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
                    ui.strong(app.tr("data-kind"));
                    ui.strong(app.tr("data-records"));
                    ui.strong(app.tr("data-range"));
                    ui.end_row();
                    for k in &overview.kinds {
                        ui.label(app.tr(&format!("kind-{}", k.kind.table())));
                        number(ui, &format::count(lang, k.count as i64));
                        match (&k.first, &k.last) {
                            (Some(first), Some(last)) => ui.label(format!("{first} – {last}")),
                            _ => ui.label(""),
                        };
                        if k.count > 0 {
                            let name = app.tr(&format!("kind-{}", k.kind.table()));
                            let button = ui.small_button(app.tr("data-export"));
                            let label = app.tr_args("data-export-kind", &[("kind", name.into())]);
                            button.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                            });
                            if button.clicked() {
                                app.export(&ctx, super::exports::Export::Records(k.kind));
                            }
                        }
                        ui.end_row();
                    }
                });

            ui.add_space(theme::SPACE_L);
            theme::heading(ui, &app.tr("data-history"));
            ui.add_space(theme::SPACE_S);
            if overview.batches.is_empty() {
                ui.label(app.tr("data-no-history"));
            } else {
                history(app, ui, &overview.batches);
            }
            ui.add_space(theme::SPACE_L);
            let path = app.config.db.display().to_string();
            ui.label(
                egui::RichText::new(app.tr_args("data-db", &[("path", path.into())]))
                    .small()
                    .weak(),
            );
        });
}

fn history(app: &mut LarisApp, ui: &mut egui::Ui, batches: &[Batch]) {
    let lang = app.lang;
    let busy = app.busy();
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
                ui.strong(app.tr(key));
            }
            ui.label("");
            ui.end_row();
            for b in batches {
                ui.label(&b.file_name);
                ui.label(app.tr(&format!("kind-{}", b.kind.table())));
                ui.label(b.imported_at.replace('T', " "));
                for n in [
                    b.counts.added,
                    b.counts.updated,
                    b.counts.unchanged,
                    b.counts.skipped,
                ] {
                    number(ui, &format::count(lang, n as i64));
                }
                if b.undone_at.is_some() {
                    ui.label(egui::RichText::new(app.tr("data-undone")).weak());
                } else if ui
                    .add_enabled(!busy, egui::Button::new(app.tr("data-undo")))
                    .clicked()
                {
                    app.confirm_undo = Some(b.clone());
                }
                ui.end_row();
            }
        });
}

/// Undoing an import asks first: it is the one decision that needs a modal.
pub fn undo_dialog(app: &mut LarisApp, ctx: &egui::Context) {
    let Some(batch) = app.confirm_undo.clone() else {
        return;
    };
    let mut decision = None;
    egui::Modal::new(egui::Id::unique("undo")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        theme::heading(ui, &app.tr("undo-title"));
        ui.add_space(theme::SPACE_S);
        ui.label(app.tr_args(
            "undo-body",
            &[
                ("file", batch.file_name.as_str().into()),
                ("added", batch.counts.added.into()),
                ("updated", batch.counts.updated.into()),
            ],
        ));
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            if ui.button(app.tr("undo-confirm")).clicked() {
                decision = Some(true);
            }
            if ui.button(app.tr("undo-cancel")).clicked() {
                decision = Some(false);
            }
        });
    });
    match decision {
        Some(true) => {
            app.confirm_undo = None;
            app.undo(ctx, &batch);
        }
        Some(false) => app.confirm_undo = None,
        None => {}
    }
}

/// A number in a table column: right-aligned, so that digits line up.
fn number(ui: &mut egui::Ui, text: &str) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text);
    });
}
