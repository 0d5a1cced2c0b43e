//! The app: its state, the frame loop, and the screens it switches between.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use serde::{Deserialize, Serialize};

use super::dashboard::{self, Choice, Dashboard};
use super::figures::FiguresWorker;
use super::import_wizard::{self, Wizard};
use super::tasks::{Event, Job, ReadChoice, Tasks};
use super::{data_tab, settings_tab, targets_tab, welcome};
use crate::demo::DemoOptions;
use crate::i18n::{Arg, Lang};
use crate::metrics::catalog::Tab;
use crate::store::batches::Batch;
use crate::store::overview::Overview;
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

    fn label_id(self) -> &'static str {
        match self {
            Screen::Performance => Tab::Performance.label_id(),
            Screen::Activity => Tab::Activity.label_id(),
            Screen::Productivity => Tab::Productivity.label_id(),
            Screen::Data => "tab-data",
            Screen::Targets => "tab-targets",
            Screen::Settings => "tab-settings",
        }
    }

    fn metric_tab(self) -> Option<Tab> {
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
    pub db: PathBuf,
    /// Overrides both the remembered and the system language.
    pub lang: Option<Lang>,
    pub sample: DemoOptions,
    /// The day that decides like-for-like comparisons (tests fix it).
    pub today: chrono::NaiveDate,
}

impl AppConfig {
    pub fn new(db: PathBuf) -> Self {
        AppConfig {
            db,
            lang: None,
            sample: DemoOptions::new(chrono::Local::now().date_naive()),
            today: chrono::Local::now().date_naive(),
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

pub struct LarisApp {
    pub(super) persisted: Persisted,
    pub(super) lang: Lang,
    pub(super) config: AppConfig,
    tasks: Tasks,
    /// `None` until the first load finishes.
    pub(super) overview: Option<Overview>,
    pub(super) open_error: Option<String>,
    /// Why the database cannot be opened, for the recovery screen.
    pub(super) open_problem: Option<Box<crate::store::open::OpenProblem>>,
    /// The window's hold on its database (see `store::open::AppLock`).
    lock: Option<crate::store::open::AppLock>,
    pub(super) backups: Option<Result<Vec<crate::store::backup::BackupInfo>, String>>,
    pub(super) confirm_restore: Option<crate::store::backup::BackupInfo>,
    /// A database file chosen on the recovery screen (its own thread).
    pending_recovery_file: Option<Receiver<Option<PathBuf>>>,
    /// The label and fraction of the running job, if one shows progress.
    pub(super) progress: Option<(String, f32)>,
    pub(super) notices: Vec<Notice>,
    pub(super) confirm_undo: Option<Batch>,
    pub(super) logo: Option<egui::TextureHandle>,
    /// egui's clock at the start of this frame, in seconds.
    pub(super) now: f64,
    pub(super) worker: FiguresWorker,
    pub(super) dash: Dashboard,
    pub(super) targets: targets_tab::TargetsTab,
    pub(super) settings: settings_tab::SettingsTab,
    /// Finished exports (saved images, reports, tables), as notices.
    pub(super) outcomes: (
        std::sync::mpsc::Sender<super::exports::Outcome>,
        Receiver<super::exports::Outcome>,
    ),
    /// Files chosen in the file dialog, which runs on its own thread.
    pending_pick: Option<Receiver<Vec<PathBuf>>>,
    /// Where to save skipped rows, chosen in a dialog on its own thread.
    pending_save: Option<(Receiver<Option<PathBuf>>, Box<crate::import::ParsedFile>)>,
    pub(super) wizard: Option<Wizard>,
    /// A file the wizard moved on to, to read next frame.
    pending_inspect: Option<PathBuf>,
    /// The saved import mappings.
    pub(super) presets: Vec<String>,
}

const STATE_KEY: &str = "laris";

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
        if let Some(last) = persisted.last_db.clone().filter(|p| p.exists())
            && crate::store::default_path().is_some_and(|d| d == config.db)
        {
            config.db = last;
        }
        let mut tasks = Tasks::new(config.db.clone());
        tasks.spawn(&cc.egui_ctx, Job::Load { take_lock: true });
        cc.egui_ctx.set_theme(persisted.theme);
        let worker = FiguresWorker::start(&cc.egui_ctx, config.db.clone());
        LarisApp {
            persisted,
            lang,
            config,
            tasks,
            overview: None,
            open_error: None,
            open_problem: None,
            lock: None,
            backups: None,
            confirm_restore: None,
            pending_recovery_file: None,
            progress: None,
            notices: Vec::new(),
            confirm_undo: None,
            pending_pick: None,
            pending_save: None,
            wizard: None,
            pending_inspect: None,
            presets: Vec::new(),
            logo: load_logo(&cc.egui_ctx),
            now: 0.0,
            worker,
            dash: Dashboard::default(),
            targets: Default::default(),
            settings: Default::default(),
            outcomes: std::sync::mpsc::channel(),
        }
    }

    pub(super) fn tr(&self, id: &str) -> String {
        self.lang.tr(id)
    }

    pub(super) fn tr_args(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        self.lang.tr_args(id, args)
    }

    pub(super) fn busy(&self) -> bool {
        self.tasks.is_busy()
    }

    pub(super) fn start_sample(&mut self, ctx: &egui::Context) {
        if self.refuse_read_only() {
            return;
        }
        self.progress = Some((self.tr("progress-sample"), 0.0));
        self.spawn(ctx, Job::Demo(self.config.sample.clone()));
    }

    /// Asks for files without blocking the frame: the dialog runs on its own
    /// thread and the chosen files arrive as an import job.
    pub(super) fn pick_files(&mut self, ctx: &egui::Context) {
        if self.refuse_read_only() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let filter = self.tr("file-filter-csv");
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let files = pollster::block_on(
                rfd::AsyncFileDialog::new()
                    .add_filter(filter, &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"])
                    .pick_files(),
            );
            let paths: Vec<PathBuf> = files
                .unwrap_or_default()
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect();
            let _ = tx.send(paths);
            repaint.request_repaint();
        });
        self.pending_pick = Some(rx);
    }

    /// Opens the import wizard on the chosen files.
    pub(super) fn import(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if self.refuse_read_only() {
            return;
        }
        self.open_wizard(ctx, Wizard::new(paths));
    }

    /// Shows `wizard` (closing the wizard when None) and reads its file.
    pub(super) fn open_wizard(&mut self, ctx: &egui::Context, wizard: Option<Wizard>) {
        if let Some(w) = &wizard {
            let job = Job::Inspect {
                path: w.path.clone(),
                choice: ReadChoice::default(),
            };
            self.tasks.spawn(ctx, job);
        }
        self.wizard = wizard;
    }

    /// Starts `job`, unless it would write to a database opened read-only:
    /// then it fails at once with a message saying why.
    pub(super) fn spawn(&mut self, ctx: &egui::Context, job: Job) {
        if self.tasks.read_only
            && let Some(refused) = job.refused(self.tr("read-only-refused"))
        {
            self.handle(refused);
            self.progress = None;
            return;
        }
        self.tasks.spawn(ctx, job);
    }

    /// Says so and returns true when the database is open read-only, before
    /// the user starts something that would write to it.
    fn refuse_read_only(&mut self) -> bool {
        if self.tasks.read_only {
            self.notify(self.tr("read-only-refused"), true);
        }
        self.tasks.read_only
    }

    /// Asks where to save the rows an import skips (on the dialog's own
    /// thread), then writes them in the background.
    pub(super) fn save_skipped(&mut self, ctx: &egui::Context, file: crate::import::ParsedFile) {
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let name = format!(
            "{}-{}.csv",
            file.path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            self.tr("skipped-file-suffix")
        );
        std::thread::spawn(move || {
            let to =
                pollster::block_on(rfd::AsyncFileDialog::new().set_file_name(name).save_file());
            let _ = tx.send(to.map(|f| f.path().to_path_buf()));
            repaint.request_repaint();
        });
        self.pending_save = Some((rx, Box::new(file)));
    }

    pub(super) fn undo(&mut self, ctx: &egui::Context, batch: &Batch) {
        self.spawn(
            ctx,
            Job::Undo {
                batch: batch.id,
                file: batch.file_name.clone(),
            },
        );
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Progress(f) => {
                if let Some((_, p)) = &mut self.progress {
                    *p = f;
                }
            }
            Event::Loaded(Ok(overview)) => {
                self.presets = overview.presets.clone();
                self.overview = Some(overview);
                self.progress = None;
            }
            Event::Loaded(Err(e)) => {
                self.open_error = Some(e);
                self.progress = None;
            }
            Event::SampleReady(Ok(())) => {
                self.data_changed();
                self.notify(self.tr("sample-done"), false)
            }
            Event::SampleReady(Err(e)) => {
                self.notify(self.tr_args("import-failed", &[("reason", e.into())]), true)
            }
            Event::Inspected(path, result) => {
                if let Some(w) = self.wizard.as_mut().filter(|w| w.path == path) {
                    w.parsed = Some(result);
                }
            }
            Event::Imported(Ok(reports)) => {
                self.data_changed();
                for r in reports {
                    self.notify(r.summary(self.lang), false);
                    if let Some(warning) = r.currency_warning(self.lang) {
                        self.notify(warning, true);
                    }
                }
                // On to the next chosen file, if any.
                self.wizard = self.wizard.take().and_then(Wizard::next);
                if let Some(w) = &self.wizard {
                    self.pending_inspect = Some(w.path.clone());
                }
            }
            Event::Imported(Err(e)) => {
                if let Some(w) = self.wizard.as_mut() {
                    w.importing = None;
                }
                self.notify(self.tr_args("import-failed", &[("reason", e.into())]), true);
            }
            Event::PresetSaved(Ok(name)) => self.notify(
                self.tr_args("preset-saved", &[("name", name.into())]),
                false,
            ),
            Event::PresetSaved(Err(e)) | Event::SkippedSaved(Err(e)) => {
                self.notify(self.tr_args("save-failed", &[("reason", e.into())]), true)
            }
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
            Event::Targets(result) => self.targets.loaded(result),
            Event::Settings(result) => self.settings.loaded(result),
            Event::OpenProblem(problem) => self.open_problem = Some(problem),
            Event::Locked(lock) => self.lock = Some(lock),
            Event::Backups(list) => self.backups = Some(list),
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
                self.tr_args(
                    "backup-empty",
                    &[("file", self.config.db.display().to_string().into())],
                ),
                false,
            ),
            Event::BackedUp(Err(e)) | Event::Restored(Err(e)) => {
                self.notify(self.tr_args("save-failed", &[("reason", e.into())]), true)
            }
            Event::Restored(Ok(())) => {
                self.open_problem = None;
                self.open_error = None;
                self.backups = None;
                self.data_changed();
                self.notify(self.tr("backup-restored-notice"), false);
            }
            Event::TargetsSaved(result) => match result {
                Ok(()) => {
                    self.data_changed();
                    self.notify(self.tr("targets-saved"), false);
                }
                Err(e) => self.notify(self.tr_args("save-failed", &[("reason", e.into())]), true),
            },
            Event::SettingsSaved(result) => match result {
                Ok(()) => {
                    self.data_changed();
                    self.notify(self.tr("settings-saved"), false);
                }
                Err(e) => self.notify(self.tr_args("save-failed", &[("reason", e.into())]), true),
            },
            Event::Undone(Err(e)) => self.notify(e, true),
        }
    }

    /// Stored data changed: the figures and the targets are read again.
    pub(super) fn data_changed(&mut self) {
        self.worker.reload();
        self.dash.shown = None;
        self.targets.stale();
        self.settings.stale();
    }

    /// The recovery screen and what its buttons do.
    fn recovery(&mut self, ui: &mut egui::Ui, problem: &crate::store::open::OpenProblem) {
        use super::recovery::{self, RecoveryAction};
        let ctx = ui.ctx().clone();
        if let Some(rx) = &self.pending_recovery_file
            && let Ok(choice) = rx.try_recv()
        {
            self.pending_recovery_file = None;
            if let Some(path) = choice {
                self.switch_database(&ctx, path);
                return;
            }
        }
        match recovery::show(ui, self.lang, problem) {
            Some(RecoveryAction::RestoreBackup(info)) => {
                self.open_problem = None;
                self.overview = None;
                self.spawn(&ctx, Job::Restore(Box::new(info)));
            }
            Some(RecoveryAction::OpenReadOnly) => {
                self.open_problem = None;
                self.open_error = None;
                self.tasks.read_only = true;
                self.spawn(&ctx, Job::Load { take_lock: false });
                self.worker.reload();
            }
            Some(RecoveryAction::ChooseAnotherFile) => {
                self.pending_recovery_file = Some(settings_tab::ask_file(&ctx, self.lang, false));
            }
            Some(RecoveryAction::CreateNew) => {
                self.pending_recovery_file = Some(settings_tab::ask_file(&ctx, self.lang, true));
            }
            None => {}
        }
    }

    pub(super) fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.persisted.lang = Some(lang);
    }

    /// Works on another database file from now on (and next time).
    pub(super) fn switch_database(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.config.db = path.clone();
        self.persisted.last_db = Some(path.clone());
        self.lock = None;
        self.tasks = Tasks::new(path.clone());
        self.tasks.spawn(ctx, Job::Load { take_lock: true });
        self.worker = FiguresWorker::start(ctx, path);
        self.overview = None;
        self.open_error = None;
        self.open_problem = None;
        self.backups = None;
        self.persisted.choice.sel = None;
        self.dash = Dashboard::default();
        self.targets.stale();
        self.settings.stale();
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
            if self.has_data() {
                ui.add_space(theme::SPACE_L);
                for screen in Screen::ALL {
                    let tab = ui.selectable_label(
                        self.persisted.screen == screen,
                        self.tr(screen.label_id()),
                    );
                    let tab = match screen {
                        Screen::Settings => tab.on_hover_text(self.tr("shortcut-settings")),
                        _ => tab,
                    };
                    if tab.clicked() {
                        self.persisted.screen = screen;
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
                    self.set_lang(lang);
                }
                if self.tasks.read_only {
                    ui.add_space(theme::SPACE_L);
                    ui.label(
                        egui::RichText::new(self.tr("read-only-badge"))
                            .strong()
                            .color(theme::BAD),
                    )
                    .on_hover_text(self.tr("read-only-refused"));
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

impl LarisApp {
    /// The metric tab on screen (Performance when another screen is).
    pub(super) fn current_tab(&self) -> Tab {
        self.persisted
            .screen
            .metric_tab()
            .unwrap_or(Tab::Performance)
    }

    fn has_data(&self) -> bool {
        self.overview.as_ref().is_some_and(|o| !o.is_empty())
    }

    /// Ctrl+O imports, Ctrl+, opens the settings, Left/Right move the
    /// period (unless a text field has the keyboard).
    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        // A frame egui runs twice (to settle a layout) sees its keys twice.
        if ctx.current_pass_index() > 0 {
            return;
        }
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let settings = KeyboardShortcut::new(Modifiers::COMMAND, Key::Comma);
        if ctx.input_mut(|i| i.consume_shortcut(&open)) && !self.busy() && self.wizard.is_none() {
            self.pick_files(ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&settings)) && self.has_data() {
            self.persisted.screen = Screen::Settings;
        }
        let typing = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
        if self.persisted.screen.metric_tab().is_some() && self.wizard.is_none() && !typing {
            // From the raw events: egui spends arrow keys on moving the focus
            // when a button or list has it, and the period must move anyway.
            let pressed = |key: Key| {
                ctx.input(|i| {
                    i.raw.events.iter().any(|e| {
                        matches!(e, egui::Event::Key { key: k, pressed: true, modifiers, .. }
                            if *k == key && modifiers.is_none())
                    })
                })
            };
            let (left, right) = (pressed(Key::ArrowLeft), pressed(Key::ArrowRight));
            if left {
                dashboard::step_period(self, -1);
            }
            if right {
                dashboard::step_period(self, 1);
            }
        }
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
        for event in self.tasks.poll() {
            self.handle(event);
        }
        self.worker.poll();
        while let Ok(outcome) = self.outcomes.1.try_recv() {
            match outcome {
                Ok(text) => self.notify(text, false),
                Err(text) => self.notify(text, true),
            }
        }
        self.shortcuts(&ctx);
        if let Some(rx) = &self.pending_pick
            && let Ok(paths) = rx.try_recv()
        {
            self.pending_pick = None;
            self.import(&ctx, paths);
        }
        if let Some((rx, _)) = &self.pending_save
            && let Ok(to) = rx.try_recv()
        {
            if let (Some(to), Some((_, file))) = (to, self.pending_save.take()) {
                self.tasks.spawn(&ctx, Job::SaveSkipped { to, file });
            }
            self.pending_save = None;
        }
        if let Some(path) = self.pending_inspect.take() {
            let job = Job::Inspect {
                path,
                choice: ReadChoice::default(),
            };
            self.tasks.spawn(&ctx, job);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() && self.wizard.is_none() {
            self.import(&ctx, dropped);
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
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(problem) = self.open_problem.clone() {
                self.recovery(ui, &problem);
            } else if let Some(error) = &self.open_error {
                welcome::open_failed(ui, self.lang, &self.config.db, error);
            } else if self.overview.is_none() {
                ui.centered_and_justified(|ui| {
                    ui.spinner();
                });
            } else if self.wizard.is_some() {
                import_wizard::show(self, ui);
            } else if self.overview.as_ref().is_some_and(Overview::is_empty) {
                welcome::show(self, ui);
            } else {
                match self.persisted.screen {
                    Screen::Data => data_tab::show(self, ui),
                    Screen::Targets => targets_tab::show(self, ui),
                    Screen::Settings => settings_tab::show(self, ui),
                    metric => {
                        if let Some(tab) = metric.metric_tab() {
                            dashboard::show(self, ui, tab);
                        }
                    }
                }
            }
        });
        data_tab::undo_dialog(self, &ctx);
        settings_tab::restore_dialog(self, &ctx);
    }
}
