//! The calm full-window screen shown when the database cannot be opened:
//! what happened, in plain words, and the ways forward. It only draws; the
//! app runs the chosen action on a background thread.

use super::command::Command;
use crate::i18n::Lang;
use crate::store::backup::BackupInfo;
use crate::store::open::OpenProblem;
use laris_view::theme;

/// What the user chose on the recovery screen.
#[derive(Clone, Debug, PartialEq)]
pub enum RecoveryAction {
    /// Put this backup in place of the damaged file
    /// (`store::backup::restore`; the damaged file is kept beside it).
    RestoreBackup(BackupInfo),
    /// Open the same file read-only (`Store::open_read_only`).
    OpenReadOnly,
    /// Let the user pick another database file.
    ChooseAnotherFile,
    /// Let the user name a new, empty database file.
    CreateNew,
}

impl RecoveryAction {
    /// What the app does for the choice.
    pub(super) fn command(self) -> Command {
        match self {
            RecoveryAction::RestoreBackup(info) => Command::RestoreDamaged(info),
            RecoveryAction::OpenReadOnly => Command::OpenReadOnly,
            RecoveryAction::ChooseAnotherFile => Command::ChooseDatabase { new: false },
            RecoveryAction::CreateNew => Command::ChooseDatabase { new: true },
        }
    }
}

pub fn show(ui: &mut egui::Ui, lang: Lang, problem: &OpenProblem) -> Option<RecoveryAction> {
    let mut action = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(600.0);
                ui.add_space((ui.available_height() * 0.12).max(theme::SPACE_L));
                theme::heading(ui, &problem.problem.title(lang));
                ui.add_space(theme::SPACE_M);
                ui.label(egui::RichText::new(problem.message(lang)).size(theme::SIZE_BODY + 1.0));
                ui.add_space(theme::SPACE_L);
                if problem.problem.can_restore() {
                    match &problem.latest_backup {
                        Some(backup) => {
                            if theme::primary_button(ui, &lang.tr("recovery-restore")).clicked() {
                                action = Some(RecoveryAction::RestoreBackup(backup.clone()));
                            }
                            ui.label(
                                egui::RichText::new(lang.tr_args(
                                    "recovery-restore-hint",
                                    &[
                                        ("when", backup.when(lang).into()),
                                        ("why", backup.why(lang).into()),
                                        ("contents", backup.contents(lang).into()),
                                    ],
                                ))
                                .small()
                                .weak(),
                            );
                        }
                        None => {
                            ui.label(egui::RichText::new(lang.tr("recovery-no-backup")).weak());
                        }
                    }
                    ui.add_space(theme::SPACE_M);
                }
                if problem.problem.can_open_read_only() {
                    if theme::primary_button(ui, &lang.tr("recovery-read-only")).clicked() {
                        action = Some(RecoveryAction::OpenReadOnly);
                    }
                    ui.label(
                        egui::RichText::new(lang.tr("recovery-read-only-hint"))
                            .small()
                            .weak(),
                    );
                    ui.add_space(theme::SPACE_M);
                }
                ui.horizontal(|ui| {
                    if theme::secondary_button(ui, &lang.tr("recovery-choose")).clicked() {
                        action = Some(RecoveryAction::ChooseAnotherFile);
                    }
                    if theme::secondary_button(ui, &lang.tr("recovery-new")).clicked() {
                        action = Some(RecoveryAction::CreateNew);
                    }
                });
            });
        });
    action
}
