//! The list of backups for the Settings tab: when each was made, why and
//! what it holds, with Restore (the app asks to confirm) and "Back up now".
//! It only draws; the app runs the actions on a background thread.

use crate::i18n::Lang;
use crate::store::backup::BackupInfo;
use laris_view::theme;

/// What the user chose in the backup list.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupAction {
    /// Restore this backup (`store::backup::restore`), after confirming.
    Restore(BackupInfo),
    /// Make a backup now (`store::backup::create` with `Reason::Manual`).
    BackUpNow,
}

pub fn show(ui: &mut egui::Ui, lang: Lang, backups: &[BackupInfo]) -> Option<BackupAction> {
    let mut action = None;
    theme::subheading(ui, &lang.tr("backups-title"));
    ui.label(egui::RichText::new(lang.tr("backups-explain")).weak());
    ui.add_space(theme::SPACE_S);
    if theme::secondary_button(ui, &lang.tr("backups-now")).clicked() {
        action = Some(BackupAction::BackUpNow);
    }
    ui.add_space(theme::SPACE_S);
    if backups.is_empty() {
        ui.label(egui::RichText::new(lang.tr("backups-none")).weak());
        return action;
    }
    egui::Grid::new("backups")
        .num_columns(4)
        .striped(true)
        .spacing([theme::SPACE_M, theme::SPACE_S])
        .show(ui, |ui| {
            for backup in backups {
                ui.label(backup.when(lang));
                ui.label(backup.why(lang));
                ui.label(
                    egui::RichText::new(format!(
                        "{} · {}",
                        backup.contents(lang),
                        backup.size_text(lang)
                    ))
                    .weak(),
                );
                if ui.button(lang.tr("backups-restore")).clicked() {
                    action = Some(BackupAction::Restore(backup.clone()));
                }
                ui.end_row();
            }
        });
    action
}
