//! The first screen of an empty database: import a file, or try the sample shop.

use std::path::Path;

use super::app::LarisApp;
use crate::i18n::Lang;
use laris_view::theme;

pub fn show(app: &mut LarisApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(560.0);
                ui.add_space((ui.available_height() * 0.12).max(theme::SPACE_L));
                if let Some(logo) = &app.logo {
                    ui.add(egui::Image::new(logo).fit_to_exact_size(egui::vec2(88.0, 88.0)));
                }
                ui.add_space(theme::SPACE_M);
                theme::heading(ui, &app.tr("welcome-title"));
                ui.add_space(theme::SPACE_S);
                ui.label(egui::RichText::new(app.tr("welcome-body")).size(theme::SIZE_BODY + 1.0));
                ui.add_space(theme::SPACE_L);

                if let Some((label, fraction)) = &app.progress {
                    ui.label(label);
                    ui.add(
                        egui::ProgressBar::new(*fraction)
                            .show_percentage()
                            .desired_width(360.0),
                    );
                    return;
                }
                let busy = app.busy();
                ui.add_enabled_ui(!busy, |ui| {
                    if theme::primary_button(ui, &app.tr("welcome-sample")).clicked() {
                        app.start_sample(&ctx);
                    }
                    ui.label(
                        egui::RichText::new(app.tr("welcome-sample-hint"))
                            .small()
                            .weak(),
                    );
                    ui.add_space(theme::SPACE_M);
                    if theme::secondary_button(ui, &app.tr("welcome-import"))
                        .on_hover_text(app.tr("shortcut-import"))
                        .clicked()
                    {
                        app.pick_files(&ctx);
                    }
                    ui.label(
                        egui::RichText::new(app.tr("welcome-import-hint"))
                            .small()
                            .weak(),
                    );
                });
                ui.add_space(theme::SPACE_L);
                let path = app.config.db.display().to_string();
                ui.label(
                    egui::RichText::new(app.tr_args("welcome-db", &[("path", path.into())]))
                        .small()
                        .weak(),
                );
            });
        });
}

/// The database could not be opened: say why, in the user's language.
pub fn open_failed(ui: &mut egui::Ui, lang: Lang, db: &Path, error: &str) {
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        ui.add_space(theme::SPACE_L * 2.0);
        theme::heading(ui, &lang.tr("app-open-failed"));
        ui.add_space(theme::SPACE_M);
        ui.label(db.display().to_string());
        ui.add_space(theme::SPACE_S);
        ui.label(egui::RichText::new(error).color(theme::BAD));
    });
}
