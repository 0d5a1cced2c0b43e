//! The first screen of an empty database: import a file, or try the sample shop.

use crate::store::Place;

use super::command::{Command, Commands};
use super::session::Session;
use crate::i18n::Lang;
use laris_view::theme;

pub fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    logo: Option<&egui::TextureHandle>,
    session: &Session,
    commands: &mut Commands,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(560.0);
                ui.add_space((ui.available_height() * 0.12).max(theme::SPACE_L));
                if let Some(logo) = logo {
                    ui.add(egui::Image::new(logo).fit_to_exact_size(egui::vec2(88.0, 88.0)));
                }
                ui.add_space(theme::SPACE_M);
                theme::heading(ui, &lang.tr("welcome-title"));
                ui.add_space(theme::SPACE_S);
                ui.label(egui::RichText::new(lang.tr("welcome-body")).size(theme::SIZE_BODY + 1.0));
                ui.add_space(theme::SPACE_L);

                if let Some((label, fraction)) = &session.progress {
                    ui.label(label);
                    ui.add(
                        egui::ProgressBar::new(*fraction)
                            .show_percentage()
                            .desired_width(360.0),
                    );
                    return;
                }
                let busy = session.busy();
                ui.add_enabled_ui(!busy && session.may_write(), |ui| {
                    let sample = Command::StartSample;
                    let label = sample.label_id().unwrap_or_default();
                    if theme::primary_button(ui, &lang.tr(label)).clicked() {
                        commands.push(sample);
                    }
                    ui.label(
                        egui::RichText::new(lang.tr("welcome-sample-hint"))
                            .small()
                            .weak(),
                    );
                    ui.add_space(theme::SPACE_M);
                    let import = Command::ImportFiles;
                    let tip = import.tooltip_id().unwrap_or_default();
                    if theme::secondary_button(ui, &lang.tr("welcome-import"))
                        .on_hover_text(lang.tr(tip))
                        .clicked()
                    {
                        commands.push(import);
                    }
                    ui.label(
                        egui::RichText::new(lang.tr("welcome-import-hint"))
                            .small()
                            .weak(),
                    );
                });
                ui.add_space(theme::SPACE_L);
                let path = session.db.shown();
                ui.label(
                    egui::RichText::new(lang.tr_args("welcome-db", &[("path", path.into())]))
                        .small()
                        .weak(),
                );
            });
        });
}

/// The database could not be opened: say why, in the user's language.
pub fn open_failed(ui: &mut egui::Ui, lang: Lang, db: &Place, error: &str) {
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        ui.add_space(theme::SPACE_L * 2.0);
        theme::heading(ui, &lang.tr("app-open-failed"));
        ui.add_space(theme::SPACE_M);
        ui.label(db.shown());
        ui.add_space(theme::SPACE_S);
        ui.label(egui::RichText::new(error).color(theme::BAD));
    });
}
