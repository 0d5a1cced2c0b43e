//! The app: its state, the frame loop, and the screens it switches between.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::command::{self, Command, Commands};
use super::dashboard::{self, Choice, Dashboard};
use super::data_tab::{self, DataTab};
use super::error::AppError;
use super::file_dialog::{Dialogs, InApp};
use super::import_wizard::{self, Wizard};
use super::session::Session;
use super::tasks::{Event, Job, ReadChoice};
use super::{settings_tab, targets_tab, welcome};
use crate::demo::DemoOptions;
use crate::i18n::{Arg, Lang};
use crate::metrics::catalog::Tab;
use crate::store::Place;
use crate::store::open::OpenProblem;
use laris_view::theme;

/// What is remembered between runs (window size and position are kept by eframe).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    pub lang: Option<Lang>,
    pub screen: Screen,
    pub choice: Choice,
    pub theme: egui::ThemePreference,
    /// The database last opened from Settings; used when Laris starts on
    /// its default database.
    pub last_db: Option<PathBuf>,
    /// The team's server last opened from Settings (its connection string
    /// without a password), used instead of `last_db` when set.
    pub last_server: Option<String>,
    /// The folder of the file last chosen in a file dialog or imported:
    /// the next file dialog opens there.
    pub last_folder: Option<PathBuf>,
}

/// The tabs of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Screen {
    #[default]
    Performance,
    Activity,
    Productivity,
    Data,
    Targets,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::Performance,
        Screen::Activity,
        Screen::Productivity,
        Screen::Data,
        Screen::Targets,
        Screen::Settings,
    ];

    pub(super) fn label_id(self) -> &'static str {
        match self {
            Screen::Performance => Tab::Performance.label_id(),
            Screen::Activity => Tab::Activity.label_id(),
            Screen::Productivity => Tab::Productivity.label_id(),
            Screen::Data => "tab-data",
            Screen::Targets => "tab-targets",
            Screen::Settings => "tab-settings",
        }
    }

    pub(super) fn metric_tab(self) -> Option<Tab> {
        match self {
            Screen::Performance => Some(Tab::Performance),
            Screen::Activity => Some(Tab::Activity),
            Screen::Productivity => Some(Tab::Productivity),
            _ => None,
        }
    }
}

/// How the app is started: which database, and (for tests) a fixed language
/// and sample shop.
#[derive(Clone, Debug)]
pub struct AppConfig {
    pub db: Place,
    /// Overrides both the remembered and the system language.
    pub lang: Option<Lang>,
    pub sample: DemoOptions,
    /// The day that decides like-for-like comparisons (tests fix it).
    pub today: chrono::NaiveDate,
    /// Ask for files with Laris's own browser only (tests: a system dialog
    /// would wait for a person).
    pub in_app_dialogs: bool,
}

impl AppConfig {
    pub fn new(db: Place) -> Self {
        AppConfig {
            db,
            lang: None,
            sample: DemoOptions::new(chrono::Local::now().date_naive()),
            today: chrono::Local::now().date_naive(),
            in_app_dialogs: false,
        }
    }
}

/// A message shown at the bottom of the window until dismissed.
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// When a success message goes away by itself (errors stay until closed).
    pub until: Option<f64>,
}

/// How long a success message stays, in seconds.
const NOTICE_SECONDS: f64 = 8.0;

/// Where the window is: what the central panel shows, and what the
/// commands may do.
pub(super) enum Phase {
    /// The database is being opened (or opened again after a restore).
    Opening,
    /// The database cannot be opened: the recovery screen says why.
    Recovery(Box<OpenProblem>),
    /// Its overview could not be read.
    OpenFailed(AppError),
    /// An empty database: import a file, or try the sample shop.
    Welcome,
    Wizard(Wizard),
    /// The tabs.
    Ready,
}

pub struct LarisApp {
    pub(super) persisted: Persisted,
    pub(super) lang: Lang,
    pub(super) config: AppConfig,
    /// The open database and the work on it.
    pub(super) session: Session,
    pub(super) phase: Phase,
    /// This frame's commands, run at its end (`run_commands`).
    pub(super) commands: Commands,
    pub(super) notices: Vec<Notice>,
    pub(super) logo: Option<egui::TextureHandle>,
    /// Laris's own file browser, where the system has no file dialog.
    in_app_dialog: Option<InApp>,
    /// egui's clock at the start of this frame, in seconds.
    pub(super) now: f64,
    pub(super) dash: Dashboard,
    pub(super) data: DataTab,
    pub(super) targets: targets_tab::TargetsTab,
    pub(super) settings: settings_tab::SettingsTab,
}

const STATE_KEY: &str = "laris";

/// How the window's jobs ask for files: with the browser the start asks
/// for, opened at the folder last used.
fn dialogs(config: &AppConfig, persisted: &Persisted) -> Dialogs {
    Dialogs {
        in_app: config.in_app_dialogs,
        folder: persisted.last_folder.clone(),
    }
}

impl LarisApp {
    pub fn new(cc: &eframe::CreationContext<'_>, mut config: AppConfig) -> Self {
        theme::apply(&cc.egui_ctx);
        let persisted: Persisted = cc
            .storage
            .and_then(|s| eframe::get_value(s, STATE_KEY))
            .unwrap_or_default();
        let lang = config
            .lang
            .or(persisted.lang)
            .unwrap_or_else(Lang::from_system);
        let default = crate::store::default_path().map(Place::File);
        if default.as_ref() == Some(&config.db) {
            if let Some(url) = persisted.last_server.clone() {
                // Before the first frame: the system may ask to unlock
                // its keyring.
                config.db = Place::Server(url);
            } else if let Some(last) = persisted.last_db.clone().filter(|p| p.exists()) {
                config.db = Place::File(last);
            }
        }
        if let Place::Server(url) = &config.db {
            config.db = Place::Server(super::keyring::with_saved(url));
        }
        cc.egui_ctx.set_theme(persisted.theme);
        let mut session = Session::open(&cc.egui_ctx, config.db.clone());
        session.tasks.dialogs = dialogs(&config, &persisted);
        LarisApp {
            persisted,
            lang,
            config,
            session,
            phase: Phase::Opening,
            commands: Vec::new(),
            notices: Vec::new(),
            logo: load_logo(&cc.egui_ctx),
            in_app_dialog: None,
            now: 0.0,
            dash: Dashboard::default(),
            data: DataTab::default(),
            targets: Default::default(),
            settings: Default::default(),
        }
    }

    pub(super) fn tr(&self, id: &str) -> String {
        self.lang.tr(id)
    }

    pub(super) fn tr_args(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        self.lang.tr_args(id, args)
    }

    pub(super) fn busy(&self) -> bool {
        self.session.busy()
    }

    fn wizard_open(&self) -> bool {
        matches!(self.phase, Phase::Wizard(_))
    }

    /// The phase the stored data calls for, once nothing else (a wizard, a
    /// problem) is on screen.
    fn settle(&mut self) {
        self.phase = match &self.session.overview {
            None => Phase::Opening,
            Some(o) if o.is_empty() => Phase::Welcome,
            Some(_) => Phase::Ready,
        };
    }

    /// Runs the frame's commands, in the order they were pushed.
    fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if commands.is_empty() {
            return;
        }
        for command in commands {
            self.run(ctx, command);
        }
        // What they changed shows on the next frame.
        ctx.request_repaint();
    }

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ImportFiles => {
                if self.busy() || self.wizard_open() || self.refuse_read_only() {
                    return;
                }
                let filter = self.tr("file-filter-csv");
                self.session.tasks.spawn(ctx, Job::PickFiles { filter });
            }
            Command::Import(paths) => {
                if self.refuse_read_only() {
                    return;
                }
                // Dropped files too: the next dialog opens beside them.
                if let Some(folder) = paths.first().and_then(|p| p.parent()) {
                    self.folder_used(folder.to_path_buf());
                }
                // Not over the recovery screen: the wizard would wait behind
                // it and appear, unasked, once the database opens.
                let can = matches!(self.phase, Phase::Opening | Phase::Welcome | Phase::Ready);
                if let Some(wizard) = Wizard::new(paths).filter(|_| can) {
                    self.open_wizard(ctx, wizard);
                }
            }
            Command::OpenSettings => {
                if self.session.has_data() {
                    self.persisted.screen = Screen::Settings;
                }
            }
            Command::ShowScreen(screen) => self.persisted.screen = screen,
            Command::StepPeriod(steps) => {
                if self.persisted.screen.metric_tab().is_some()
                    && matches!(self.phase, Phase::Ready)
                {
                    dashboard::step_period(self, steps);
                }
            }
            Command::StartSample => {
                if self.refuse_read_only() {
                    return;
                }
                self.session.progress = Some((self.tr("progress-sample"), 0.0));
                self.spawn(ctx, Job::Demo(self.config.sample.clone()));
            }
            Command::Undo(batch) => self.spawn(
                ctx,
                Job::Undo {
                    batch: batch.id,
                    file: batch.file_name,
                },
            ),
            Command::Restore(info) => {
                self.settings.backups = None;
                self.spawn(ctx, Job::Restore(Box::new(info)));
            }
            Command::RestoreDamaged(info) => {
                self.session.overview = None;
                self.phase = Phase::Opening;
                self.spawn(ctx, Job::Restore(Box::new(info)));
            }
            Command::OpenReadOnly => {
                self.session.tasks.read_only = true;
                self.spawn(ctx, Job::Load { take_lock: false });
                self.session.worker.reload();
                self.settle();
            }
            Command::ChooseDatabase { new } => {
                let job = Job::PickDatabase {
                    new,
                    filter: self.tr("settings-database-filter"),
                    name: self.tr("settings-database-new-name"),
                };
                self.session.tasks.spawn(ctx, job);
            }
            Command::SwitchDatabase(path) => self.switch_database(ctx, path),
            Command::SaveSkipped(file) => {
                let name = format!(
                    "{}-{}.csv",
                    file.path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    self.tr("skipped-file-suffix")
                );
                self.session
                    .tasks
                    .spawn(ctx, Job::SaveSkipped { name, file });
            }
            Command::BackUpNow => self.spawn(ctx, Job::BackUpNow),
            Command::Export(what) => {
                let job = Job::Export {
                    what,
                    lang: self.lang,
                    today: self.config.today,
                };
                self.session.tasks.spawn(ctx, job);
            }
            Command::SetLang(lang) => {
                self.lang = lang;
                self.persisted.lang = Some(lang);
            }
            Command::SetTheme(pref) => {
                self.persisted.theme = pref;
                ctx.set_theme(pref);
            }
            Command::NextFile => {
                if let Phase::Wizard(wizard) = std::mem::replace(&mut self.phase, Phase::Opening) {
                    match wizard.next() {
                        Some(next) => self.open_wizard(ctx, next),
                        None => self.settle(),
                    }
                } else {
                    self.settle();
                }
            }
            Command::Run(job) => {
                if let Job::Store { .. } = job {
                    self.session.progress = Some((self.tr("wizard-importing"), 0.0));
                }
                self.spawn(ctx, job);
            }
        }
    }

    /// Shows `wizard` and reads its file.
    fn open_wizard(&mut self, ctx: &egui::Context, wizard: Wizard) {
        let job = Job::Inspect {
            path: wizard.path.clone(),
            choice: ReadChoice::default(),
        };
        self.session.tasks.spawn(ctx, job);
        self.phase = Phase::Wizard(wizard);
    }

    /// Starts `job`, unless it would write to a database opened read-only:
    /// then it fails at once with a message saying why.
    fn spawn(&mut self, ctx: &egui::Context, job: Job) {
        if self.session.tasks.read_only
            && let Some(refused) = job.refused()
        {
            self.handle(refused);
            self.session.progress = None;
            return;
        }
        self.session.tasks.spawn(ctx, job);
    }

    /// Says so and returns true when the database is open read-only, before
    /// the user starts something that would write to it.
    fn refuse_read_only(&mut self) -> bool {
        if self.session.tasks.read_only {
            self.notify(self.tr(self.session.read_only_id()), true);
        }
        self.session.tasks.read_only
    }

    fn failed(&mut self, id: &str, e: &AppError) {
        let text = self.tr_args(id, &[("reason", e.message(self.lang).into())]);
        self.notify(text, true);
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Progress(f) => {
                if let Some((_, p)) = &mut self.session.progress {
                    *p = f;
                }
            }
            Event::Loaded(Ok(overview)) => {
                self.session.presets = overview.presets.clone();
                self.session.overview = Some(overview);
                self.session.progress = None;
                if matches!(self.phase, Phase::Opening | Phase::Welcome | Phase::Ready) {
                    self.settle();
                }
            }
            // A server that stops answering while the window works on it
            // says so, and the window stays as it was.
            Event::Loaded(Err(e @ AppError::Server(_))) if matches!(self.phase, Phase::Ready) => {
                self.session.progress = None;
                self.notify(e.message(self.lang), true);
            }
            Event::Loaded(Err(e)) => {
                if !matches!(self.phase, Phase::Recovery(_)) {
                    self.phase = Phase::OpenFailed(e);
                }
                self.session.progress = None;
            }
            Event::ServerTested(url, probe) => self.settings.team.tested = Some((url, probe)),
            Event::CopiedToServer(url, Ok(rows)) => {
                let server = crate::store::pg::redact(&url);
                self.notify(
                    self.tr_args(
                        "settings-team-copied",
                        &[("server", server.into()), ("rows", rows.into())],
                    ),
                    false,
                );
                self.commands
                    .push(Command::SwitchDatabase(Place::Server(url)));
            }
            Event::CopiedToServer(_, Err(e)) => self.failed("settings-team-copy-failed", &e),
            Event::SampleReady(Ok(())) => {
                self.data_changed();
                self.notify(self.tr("sample-done"), false)
            }
            Event::SampleReady(Err(e)) => self.failed("import-failed", &e),
            Event::Inspected(path, result) => {
                if let Phase::Wizard(w) = &mut self.phase
                    && w.path == path
                {
                    w.parsed = Some(result);
                }
            }
            Event::Imported(Ok(reports)) => {
                let present = self.session.worker.present();
                self.dash.filled_before = Some(crate::metrics::catalog::filled(&present));
                self.dash.next_hidden = false;
                self.data_changed();
                for r in reports {
                    self.notify(r.summary(self.lang), false);
                    for note in r.notes(self.lang) {
                        self.notify(note, false);
                    }
                }
                // On to the next chosen file, if any.
                if self.wizard_open() {
                    self.commands.push(Command::NextFile);
                }
            }
            Event::Imported(Err(e)) => {
                if let Phase::Wizard(w) = &mut self.phase {
                    w.importing = None;
                }
                self.failed("import-failed", &e);
            }
            Event::PresetSaved(Ok(name)) => self.notify(
                self.tr_args("preset-saved", &[("name", name.into())]),
                false,
            ),
            Event::PresetSaved(Err(e))
            | Event::SkippedSaved(Err(e))
            | Event::BackedUp(Err(e))
            | Event::Restored(Err(e))
            | Event::TargetsSaved(Err(e))
            | Event::CostsSaved(Err(e))
            | Event::SettingsSaved(Err(e)) => self.failed("save-failed", &e),
            Event::SkippedSaved(Ok(path)) => self.notify(
                self.tr_args(
                    "skipped-saved",
                    &[("file", path.display().to_string().into())],
                ),
                false,
            ),
            Event::Undone(Ok((file, _))) => {
                self.data_changed();
                self.notify(self.tr_args("undo-done", &[("file", file.into())]), false)
            }
            Event::Undone(Err(e)) => self.notify(e.message(self.lang), true),
            Event::Targets(result) => self.targets.loaded(result),
            Event::Settings(result) => self.settings.loaded(result),
            Event::OpenProblem(problem) => {
                self.phase = Phase::Recovery(problem);
                self.session.progress = None;
            }
            Event::Locked(lock) => self.session.lock = Some(lock),
            Event::Role { read_only } => {
                self.session.viewer = read_only;
                self.session.tasks.read_only = read_only;
                // The password typed in Settings worked: kept for next time.
                if let (true, Place::Server(url)) = (
                    std::mem::take(&mut self.session.keep_password),
                    &self.session.db,
                ) {
                    let url = url.clone();
                    self.commands.push(Command::Run(Job::KeepPassword { url }));
                }
            }
            Event::PasswordKept(Err(why)) => self.notify(
                self.tr_args(
                    "settings-team-not-kept",
                    &[("reason", why.reason(self.lang).into())],
                ),
                true,
            ),
            Event::PasswordKept(Ok(())) => {}
            Event::Backups(list) => self.settings.backups = Some(list),
            Event::BackedUp(Ok(Some(info))) => self.notify(
                self.tr_args(
                    "backup-made",
                    &[
                        ("path", info.path.display().to_string().into()),
                        ("contents", info.contents(self.lang).into()),
                    ],
                ),
                false,
            ),
            Event::BackedUp(Ok(None)) => self.notify(
                self.tr_args("backup-empty", &[("file", self.session.db.shown().into())]),
                false,
            ),
            Event::Restored(Ok(())) => {
                if matches!(self.phase, Phase::Recovery(_) | Phase::OpenFailed(_)) {
                    self.phase = Phase::Opening;
                }
                self.settings.backups = None;
                self.data_changed();
                self.notify(self.tr("backup-restored-notice"), false);
            }
            Event::CostsSaved(Ok(products)) => {
                self.data_changed();
                self.dash.costs.clear();
                self.notify(
                    self.tr_args("costs-saved", &[("products", products.into())]),
                    false,
                );
            }
            Event::TargetsSaved(Ok(())) => {
                self.data_changed();
                self.notify(self.tr("targets-saved"), false);
            }
            Event::SettingsSaved(Ok(())) => {
                self.data_changed();
                self.notify(self.tr("settings-saved"), false);
            }
            Event::Picked(paths) => self.commands.push(Command::Import(paths)),
            Event::AskInApp(ask, folder, reply) => {
                self.in_app_dialog = Some(InApp::new(ask, folder, reply, self.lang));
            }
            Event::FolderUsed(folder) => self.folder_used(folder),
            Event::DatabaseChosen(path) => self
                .commands
                .push(Command::SwitchDatabase(Place::File(path))),
            Event::Exported(Ok(Some(text))) => self.notify(text, false),
            Event::Exported(Ok(None)) => {}
            Event::Exported(Err(e)) => self.failed("export-failed", &e),
            Event::Finished(_) => {}
        }
    }

    /// Remembers where the user's files are, for the next file dialog.
    fn folder_used(&mut self, folder: PathBuf) {
        self.session.tasks.dialogs.folder = Some(folder.clone());
        self.persisted.last_folder = Some(folder);
    }

    /// Stored data changed: the figures and the targets are read again.
    pub(super) fn data_changed(&mut self) {
        self.session.worker.reload();
        self.shown_changed();
    }

    /// What was shown of the data before it changed is forgotten (the
    /// figures worker reads the data again by itself).
    fn shown_changed(&mut self) {
        self.dash.shown = None;
        self.dash.answer = None;
        self.targets.stale();
        self.settings.stale();
    }

    /// Works on another database file or server from now on (and next
    /// time).
    fn switch_database(&mut self, ctx: &egui::Context, path: Place) {
        match &path {
            Place::File(file) => {
                self.persisted.last_db = Some(file.clone());
                self.persisted.last_server = None;
            }
            Place::Server(url) => {
                self.persisted.last_server = Some(crate::store::pg::without_password(url));
            }
        }
        let keep = match &path {
            Place::Server(url) => {
                self.settings.team.remember
                    && crate::store::pg::config(url).is_ok_and(|c| c.get_password().is_some())
            }
            Place::File(_) => false,
        };
        // The old lock goes first, so that a switch back to the same file
        // can take it again.
        self.session.lock = None;
        self.session = Session::open(ctx, path);
        self.session.keep_password = keep;
        self.session.tasks.dialogs = dialogs(&self.config, &self.persisted);
        self.phase = Phase::Opening;
        self.persisted.choice.sel = None;
        self.dash = Dashboard::default();
        self.targets.stale();
        self.settings = Default::default();
    }

    /// Shows `text` at the bottom; the same notice twice shows once (a
    /// file dropped on a frame that egui lays out twice is seen twice).
    pub(super) fn notify(&mut self, text: String, error: bool) {
        let until = (!error).then_some(self.now + NOTICE_SECONDS);
        self.notices.retain(|n| n.text != text);
        self.notices.push(Notice { text, error, until });
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(self.tr("app-title"))
                    .font(egui::FontId::new(
                        theme::SIZE_HEADING + 3.0,
                        theme::semibold(),
                    ))
                    .color(theme::accent(ui)),
            );
            if self.session.has_data() {
                ui.add_space(theme::SPACE_L);
                for screen in Screen::ALL {
                    let tab = ui.selectable_label(
                        self.persisted.screen == screen,
                        self.tr(screen.label_id()),
                    );
                    let tab = match screen {
                        Screen::Settings => tab.on_hover_text(
                            self.tr(Command::OpenSettings.tooltip_id().unwrap_or_default()),
                        ),
                        _ => tab,
                    };
                    if tab.clicked() {
                        self.commands.push(Command::ShowScreen(screen));
                    }
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mut lang = self.lang;
                let combo = egui::ComboBox::from_id_salt("lang")
                    .selected_text(self.tr(lang_key(lang)))
                    .show_ui(ui, |ui| {
                        for l in Lang::ALL {
                            ui.selectable_value(&mut lang, l, self.lang.tr(lang_key(l)));
                        }
                    });
                let label = ui.label(self.tr("lang-label"));
                let _ = combo.response.labelled_by(label.id);
                if lang != self.lang {
                    self.commands.push(Command::SetLang(lang));
                }
                if self.session.tasks.read_only {
                    ui.add_space(theme::SPACE_L);
                    ui.label(
                        egui::RichText::new(self.tr("read-only-badge"))
                            .strong()
                            .color(theme::BAD),
                    )
                    .on_hover_text(self.tr(self.session.read_only_id()));
                }
            });
        });
    }

    fn notices(&mut self, ui: &mut egui::Ui) {
        let now = self.now;
        self.notices.retain(|n| n.until.is_none_or(|t| t > now));
        if let Some(next) = self.notices.iter().filter_map(|n| n.until).reduce(f64::min) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(next - now));
        }
        let mut dismissed = None;
        for (i, notice) in self.notices.iter().enumerate().rev().take(4) {
            // The button first, from the right, so that a long message wraps
            // beside it instead of pushing it out of the window.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                if ui.small_button(self.lang.tr("dismiss")).clicked() {
                    dismissed = Some(i);
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::TOP), |ui| {
                    let color = if notice.error {
                        theme::BAD
                    } else {
                        ui.visuals().text_color()
                    };
                    let mark = if notice.error { "⚠" } else { "✓" };
                    ui.label(egui::RichText::new(mark).color(color));
                    ui.add(egui::Label::new(egui::RichText::new(&notice.text).color(color)).wrap());
                });
            });
        }
        if let Some(i) = dismissed {
            self.notices.remove(i);
        }
    }

    /// The metric tab on screen (Performance when another screen is).
    pub(super) fn current_tab(&self) -> Tab {
        self.persisted
            .screen
            .metric_tab()
            .unwrap_or(Tab::Performance)
    }
}

fn load_logo(ctx: &egui::Context) -> Option<egui::TextureHandle> {
    let img = image::load_from_memory(laris_view::assets::ICON_256).ok()?;
    let rgba = img.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    let color = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
    Some(ctx.load_texture("logo", color, egui::TextureOptions::LINEAR))
}

pub(super) fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "lang-en",
        Lang::Id => "lang-id",
    }
}

impl eframe::App for LarisApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STATE_KEY, &self.persisted);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        super::first_frame_probe(&ctx);
        self.now = ctx.input(|i| i.time);
        for event in self.session.tasks.poll() {
            self.handle(event);
        }
        self.session.worker.poll();
        if std::mem::take(&mut self.session.worker.changed) {
            self.shown_changed();
            self.session
                .tasks
                .spawn(&ctx, Job::Load { take_lock: false });
            self.notify(self.tr("data-changed-server"), false);
        }
        self.commands.extend(command::listen(&ctx));
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() && !self.wizard_open() {
            self.commands.push(Command::Import(dropped));
        }

        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(theme::SPACE_S);
            self.top_bar(ui);
            ui.add_space(theme::SPACE_S);
        });
        if !self.notices.is_empty() {
            egui::Panel::bottom("notices").show(ui, |ui| {
                ui.add_space(theme::SPACE_S);
                self.notices(ui);
                ui.add_space(theme::SPACE_S);
            });
        }
        if let Some(dialog) = &mut self.in_app_dialog
            && dialog.show(&ctx)
        {
            self.in_app_dialog = None;
        }
        egui::CentralPanel::default().show(ui, |ui| match &mut self.phase {
            Phase::Opening => {
                ui.centered_and_justified(|ui| {
                    ui.spinner();
                });
            }
            Phase::Recovery(problem) => {
                if let Some(action) = super::recovery::show(ui, self.lang, problem) {
                    self.commands.push(action.command());
                }
            }
            Phase::OpenFailed(error) => {
                welcome::open_failed(ui, self.lang, &self.session.db, &error.message(self.lang));
                if let Place::Server(url) = &self.session.db {
                    let url = url.clone();
                    settings_tab::reconnect(self, ui, &url);
                }
            }
            Phase::Wizard(wizard) => {
                import_wizard::show(ui, self.lang, wizard, &self.session, &mut self.commands);
            }
            Phase::Welcome => welcome::show(
                ui,
                self.lang,
                self.logo.as_ref(),
                &self.session,
                &mut self.commands,
            ),
            Phase::Ready => match self.persisted.screen {
                Screen::Data => data_tab::show(
                    ui,
                    self.lang,
                    &mut self.data,
                    &self.session,
                    &mut self.commands,
                ),
                Screen::Targets => targets_tab::show(
                    ui,
                    self.lang,
                    &mut self.targets,
                    &self.session,
                    self.config.today,
                    &mut self.commands,
                ),
                Screen::Settings => settings_tab::show(self, ui),
                metric => {
                    if let Some(tab) = metric.metric_tab() {
                        dashboard::show(self, ui, tab);
                    }
                }
            },
        });
        data_tab::undo_dialog(&ctx, self.lang, &mut self.data, &mut self.commands);
        settings_tab::restore_dialog(self, &ctx);
        self.run_commands(&ctx);
    }
}
