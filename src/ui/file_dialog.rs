//! Asking for a file: the system's own dialog (rfd) where the desktop has
//! one, else Laris's in-app file browser (egui_file). On a Linux desktop
//! without a desktop portal and without zenity the native dialog cannot
//! open at all, and a button that asks for a file would do nothing.
//!
//! Jobs ask from their own thread ([`Asker::ask`]); when the in-app browser
//! is needed, the job sends [`Event::AskInApp`] and waits for the window to
//! answer, so every caller keeps one code path for both.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::time::{Duration, Instant};

use crate::i18n::Lang;

use super::tasks::Event;

/// What to ask for.
#[derive(Clone, Debug)]
pub enum Ask {
    /// Files to read: one, or several with `multiple`.
    Open {
        multiple: bool,
        filter: String,
        extensions: Vec<&'static str>,
    },
    /// Where to write a file, suggesting `name`.
    Save {
        name: String,
        filter: String,
        extensions: Vec<&'static str>,
    },
}

/// The answer the window owes a job that asked in the app.
pub type Reply = Sender<Option<Vec<PathBuf>>>;

/// A native dialog that answers sooner than this was never on screen: a
/// person cannot cancel that fast, and rfd answers None both when the user
/// cancels and when the dialog could not open.
const NEVER_SHOWN: Duration = Duration::from_millis(300);

/// How the window's jobs ask for files.
#[derive(Clone, Debug, Default)]
pub struct Dialogs {
    /// Never the system's dialog (see [`super::AppConfig::in_app_dialogs`]).
    pub in_app: bool,
    /// The folder of the file last chosen or imported: a shop owner's
    /// next file is usually beside it. None: Downloads (see
    /// [`start_folder`]).
    pub folder: Option<PathBuf>,
}

/// Asks on a job's thread.
pub struct Asker<'a> {
    pub send: &'a dyn Fn(Event),
    pub dialogs: Dialogs,
}

impl Asker<'_> {
    /// The chosen paths; None when the user cancelled. The window hears of
    /// the folder they are in ([`Event::FolderUsed`]).
    pub fn ask(&self, ask: Ask) -> Option<Vec<PathBuf>> {
        let answer = self.answer(ask);
        if let Some(folder) = answer
            .as_ref()
            .and_then(|paths| paths.first())
            .and_then(|p| p.parent())
        {
            (self.send)(Event::FolderUsed(folder.to_path_buf()));
        }
        answer
    }

    fn answer(&self, ask: Ask) -> Option<Vec<PathBuf>> {
        // A folder deleted or unplugged since is not offered.
        let folder = (self.dialogs.folder.clone())
            .filter(|f| f.is_dir())
            .unwrap_or_else(start_folder);
        if !self.dialogs.in_app && native_possible() {
            let started = Instant::now();
            let answer = native(&ask, &folder);
            let failed = answer.is_none() && started.elapsed() < NEVER_SHOWN;
            if !failed || !cfg!(target_os = "linux") {
                return answer;
            }
        }
        let (reply, answer) = channel();
        (self.send)(Event::AskInApp(ask, folder, reply));
        // The window may close instead of answering: that is a cancel.
        answer.recv().ok().flatten()
    }

    pub fn save(&self, name: &str, filter: &str, extensions: &[&'static str]) -> Option<PathBuf> {
        let ask = Ask::Save {
            name: name.to_string(),
            filter: filter.to_string(),
            extensions: extensions.to_vec(),
        };
        self.ask(ask)?.into_iter().next()
    }
}

/// Whether the system may have a file dialog: on Linux, a desktop portal
/// (it needs a D-Bus session) or zenity; elsewhere always.
/// `LARIS_FILE_DIALOG=in-app` forces Laris's own (tests, odd desktops).
fn native_possible() -> bool {
    if std::env::var_os("LARIS_FILE_DIALOG").is_some_and(|v| v == "in-app") {
        return false;
    }
    if !cfg!(target_os = "linux") {
        return true;
    }
    let dbus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    dbus || zenity
}

fn native(ask: &Ask, folder: &Path) -> Option<Vec<PathBuf>> {
    let paths =
        |files: Vec<rfd::FileHandle>| files.iter().map(|f| f.path().to_path_buf()).collect();
    match ask {
        Ask::Open {
            multiple,
            filter,
            extensions,
        } => {
            let dialog = rfd::AsyncFileDialog::new()
                .add_filter(filter, extensions)
                .set_directory(folder);
            if *multiple {
                pollster::block_on(dialog.pick_files()).map(paths)
            } else {
                pollster::block_on(dialog.pick_file()).map(|f| vec![f.path().to_path_buf()])
            }
        }
        Ask::Save {
            name,
            filter,
            extensions,
        } => pollster::block_on(
            rfd::AsyncFileDialog::new()
                .set_file_name(name)
                .add_filter(filter, extensions)
                .set_directory(folder)
                .save_file(),
        )
        .map(|f| vec![f.path().to_path_buf()]),
    }
}

/// Where a shop owner's exports usually are, before any file was chosen:
/// Downloads, else Documents, else the home folder.
fn start_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| {
            d.download_dir()
                .or(d.document_dir())
                .map(Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The in-app browser on screen, and the job waiting for it.
pub struct InApp {
    dialog: egui_file::FileDialog,
    reply: Reply,
}

impl InApp {
    /// The browser for `ask`, opened at `folder`.
    pub fn new(ask: Ask, folder: PathBuf, reply: Reply, lang: Lang) -> InApp {
        let extensions = match &ask {
            Ask::Open { extensions, .. } | Ask::Save { extensions, .. } => extensions.clone(),
        };
        let shown: egui_file::Filter<PathBuf> = Box::new(move |path: &Path| {
            path.extension()
                .and_then(OsStr::to_str)
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        });
        let dialog = match &ask {
            Ask::Open { multiple, .. } => egui_file::FileDialog::open_file()
                .multi_select(*multiple)
                .title(&lang.tr("file-dialog-open-title")),
            Ask::Save { name, .. } => egui_file::FileDialog::save_file()
                .default_filename(name.clone())
                .title(&lang.tr("file-dialog-save-title")),
        };
        let mut dialog = dialog
            .initial_path(folder)
            .show_files_filter(shown)
            .open_button_text(lang.tr("file-dialog-open").into())
            .save_button_text(lang.tr("file-dialog-save").into())
            .cancel_button_text(lang.tr("file-dialog-cancel").into())
            .new_folder_button_text(lang.tr("file-dialog-new-folder").into())
            .rename_button_text(lang.tr("file-dialog-rename").into())
            .file_label_text(lang.tr("file-dialog-file").into())
            .show_hidden_checkbox_text(lang.tr("file-dialog-show-hidden").into())
            .parent_folder_button_hover_text(lang.tr("file-dialog-parent").into())
            .refresh_button_hover_text(lang.tr("file-dialog-refresh").into())
            .keep_on_top(true);
        dialog.open();
        InApp { dialog, reply }
    }

    /// Shows the browser; true once it is answered (and may go).
    pub fn show(&mut self, ctx: &egui::Context) -> bool {
        self.dialog.show(ctx);
        let answer = match self.dialog.state() {
            egui_file::State::Open => return false,
            egui_file::State::Selected if self.dialog.has_multi_select() => {
                let chosen: Vec<PathBuf> = self
                    .dialog
                    .selection()
                    .into_iter()
                    .map(Path::to_path_buf)
                    .collect();
                Some(chosen).filter(|c| !c.is_empty())
            }
            egui_file::State::Selected => self.dialog.path().map(|p| vec![p.to_path_buf()]),
            egui_file::State::Cancelled | egui_file::State::Closed => None,
        };
        // The job may have gone (the database was switched): nothing waits.
        let _ = self.reply.send(answer);
        true
    }
}
