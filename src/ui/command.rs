//! What the user can ask of the app, as values. Buttons, menus and keys push
//! a [`Command`] onto the frame's queue; `LarisApp::run_commands` runs the
//! queue once, at the end of the frame, so every way to ask for something
//! reaches the same code (rerun's `UICommand` and `CommandSender`, egui
//! demo app's `Command`).

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::app::Screen;
use super::exports::Export;
use super::tasks::Job;
use crate::i18n::Lang;
use crate::import::ParsedFile;
use crate::store::Place;
use crate::store::backup::BackupInfo;
use crate::store::batches::Batch;

/// The frame's queue of commands.
pub type Commands = Vec<Command>;

#[must_use]
pub enum Command {
    /// Open the file dialog for files to import.
    ImportFiles,
    /// Open the import wizard on these files (dropped or chosen).
    Import(Vec<PathBuf>),
    OpenSettings,
    ShowScreen(Screen),
    /// Move the period back (negative) or on by this many steps.
    StepPeriod(i32),
    /// Fill the database with the sample shop.
    StartSample,
    Undo(Batch),
    /// Put a backup back in place of the database.
    Restore(BackupInfo),
    /// The recovery screen's restore: the damaged database is not loaded
    /// until the backup is back.
    RestoreDamaged(BackupInfo),
    /// Open the database read-only (from the recovery screen).
    OpenReadOnly,
    /// Open the dialog for another (or a `new`) database file.
    ChooseDatabase {
        new: bool,
    },
    /// Work on this file or server from now on.
    SwitchDatabase(Place),
    /// Ask where to save the rows an import skipped, and save them.
    SaveSkipped(Box<ParsedFile>),
    BackUpNow,
    Export(Export),
    /// Speak `Lang` from now on (and next time).
    SetLang(Lang),
    SetTheme(egui::ThemePreference),
    /// The wizard is done with its file: on to the next, if any.
    NextFile,
    /// Work a screen starts in the database (reading, saving): run by the
    /// task runner, refused when the database is open read-only and the job
    /// would write.
    Run(Job),
}

impl Command {
    /// The commands that have a keyboard shortcut.
    pub fn with_shortcuts() -> [Command; 4] {
        [
            Command::ImportFiles,
            Command::OpenSettings,
            Command::StepPeriod(-1),
            Command::StepPeriod(1),
        ]
    }

    /// The message that names the command, where one button or key does it.
    pub fn label_id(&self) -> Option<&'static str> {
        Some(match self {
            Command::ImportFiles => "data-import",
            Command::OpenSettings => "tab-settings",
            Command::StepPeriod(n) if *n < 0 => "period-previous",
            Command::StepPeriod(_) => "period-next",
            Command::StartSample => "welcome-sample",
            Command::Undo(_) => "undo-confirm",
            Command::Restore(_) => "restore-confirm",
            Command::RestoreDamaged(_) => "recovery-restore",
            Command::OpenReadOnly => "recovery-read-only",
            Command::ChooseDatabase { new: false } => "settings-database-open",
            Command::ChooseDatabase { new: true } => "settings-database-new",
            Command::SaveSkipped(_) => "wizard-save-skipped",
            Command::BackUpNow => "backups-now",
            Command::Import(_)
            | Command::ShowScreen(_)
            | Command::SwitchDatabase(_)
            | Command::Export(_)
            | Command::SetLang(_)
            | Command::SetTheme(_)
            | Command::NextFile
            | Command::Run(_) => return None,
        })
    }

    /// The message for the command's tooltip, which names its shortcut.
    pub fn tooltip_id(&self) -> Option<&'static str> {
        match self {
            Command::ImportFiles => Some("shortcut-import"),
            Command::OpenSettings => Some("shortcut-settings"),
            Command::StepPeriod(n) if *n < 0 => Some("period-previous-tip"),
            Command::StepPeriod(_) => Some("period-next-tip"),
            _ => None,
        }
    }

    /// The command's keyboard shortcut. The arrows have no modifier: they
    /// move the period only when no text field has the keyboard (see
    /// [`listen`]).
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::ImportFiles => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            Command::OpenSettings => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Comma)),
            Command::StepPeriod(-1) => Some(KeyboardShortcut::new(Modifiers::NONE, Key::ArrowLeft)),
            Command::StepPeriod(1) => Some(KeyboardShortcut::new(Modifiers::NONE, Key::ArrowRight)),
            _ => None,
        }
    }
}

/// The commands whose shortcuts were pressed this frame.
pub fn listen(ctx: &egui::Context) -> Commands {
    // A frame egui runs twice (to settle a layout) sees its keys twice.
    if ctx.current_pass_index() > 0 {
        return Vec::new();
    }
    let typing = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
    let mut pressed = Vec::new();
    for command in Command::with_shortcuts() {
        let Some(shortcut) = command.shortcut() else {
            continue;
        };
        let hit = if shortcut.modifiers.is_none() {
            // From the raw events: egui spends arrow keys on moving the
            // focus when a button or list has it, and the period must move
            // anyway; a text field keeps them.
            !typing
                && ctx.input(|i| {
                    i.raw.events.iter().any(|e| {
                        matches!(e, egui::Event::Key { key, pressed: true, modifiers, .. }
                            if *key == shortcut.logical_key && modifiers.is_none())
                    })
                })
        } else {
            ctx.input_mut(|i| i.consume_shortcut(&shortcut))
        };
        if hit {
            pressed.push(command);
        }
    }
    pressed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(ctx: &egui::Context, modifiers: Modifiers, key: Key) -> Vec<String> {
        let input = egui::RawInput {
            events: vec![
                egui::Event::ModifiersChanged(modifiers),
                egui::Event::Key {
                    key,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers,
                },
            ],
            ..Default::default()
        };
        let mut names = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            names = listen(ui.ctx()).iter().map(name).collect();
        });
        // Nothing is painted: the fonts' upload is dropped on purpose.
        output.textures_delta.clear();
        names
    }

    fn name(c: &Command) -> String {
        match c {
            Command::ImportFiles => "import".into(),
            Command::OpenSettings => "settings".into(),
            Command::StepPeriod(n) => format!("step {n}"),
            _ => "other".into(),
        }
    }

    /// The shortcuts of today: Ctrl+O imports, Ctrl+, opens the settings,
    /// the bare arrows move the period; an arrow with a modifier does not.
    #[test]
    fn shortcuts_map_to_their_commands() {
        let ctx = egui::Context::default();
        assert_eq!(press(&ctx, Modifiers::COMMAND, Key::O), ["import"]);
        assert_eq!(press(&ctx, Modifiers::COMMAND, Key::Comma), ["settings"]);
        assert_eq!(press(&ctx, Modifiers::NONE, Key::ArrowLeft), ["step -1"]);
        assert_eq!(press(&ctx, Modifiers::NONE, Key::ArrowRight), ["step 1"]);
        assert!(press(&ctx, Modifiers::SHIFT, Key::ArrowRight).is_empty());
        assert!(press(&ctx, Modifiers::NONE, Key::O).is_empty());
    }

    /// Each shortcut belongs to one command.
    #[test]
    fn no_two_commands_share_a_shortcut() {
        let shortcuts: Vec<KeyboardShortcut> = Command::with_shortcuts()
            .iter()
            .filter_map(Command::shortcut)
            .collect();
        assert_eq!(shortcuts.len(), Command::with_shortcuts().len());
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a));
        }
    }
}
