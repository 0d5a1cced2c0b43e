//! Settings: language, currency and the number format of the user's files,
//! theme, pipeline stages, and the database (where it is, open another,
//! start a new one).

use egui::{RichText, ThemePreference};

use super::app::LarisApp;
use super::command::Command;
use super::error::AppError;
use super::tasks::Job;
use crate::i18n::Lang;
use crate::store::Place;
use crate::store::database::Probe;
use crate::store::settings::{Settings, Stage};
use laris_view::theme;

/// Currencies offered; the database keeps any ISO code an import brought.
const CURRENCIES: [&str; 8] = ["IDR", "USD", "EUR", "SGD", "MYR", "AUD", "GBP", "JPY"];

#[derive(Default)]
pub struct SettingsTab {
    /// The settings as stored, and the user's unsaved copy.
    stored: Option<Result<Settings, AppError>>,
    draft: Option<Settings>,
    asked: bool,
    /// The database's backups, once listed.
    pub(super) backups: Option<Result<Vec<crate::store::backup::BackupInfo>, AppError>>,
    /// The backup whose restore waits for the user's yes.
    confirm_restore: Option<crate::store::backup::BackupInfo>,
    /// "Share with your team": the server typed in, and what it answered.
    pub(super) team: TeamForm,
}

pub struct TeamForm {
    /// The connection string as typed (a password in it is never kept).
    url: String,
    /// Typed for this session; kept in the system's keyring once it works,
    /// unless the user says not to.
    password: String,
    pub remember: bool,
    /// What the server answered the last test (for the string tested).
    pub tested: Option<(String, Result<Probe, AppError>)>,
}

impl Default for TeamForm {
    fn default() -> Self {
        TeamForm {
            url: String::new(),
            password: String::new(),
            remember: true,
            tested: None,
        }
    }
}

impl TeamForm {
    /// The string to connect with: the typed one with the typed password.
    fn connect_url(&self) -> String {
        crate::store::pg::with_password(self.url.trim(), &self.password)
    }
}

impl SettingsTab {
    pub fn loaded(&mut self, s: Result<Settings, AppError>) {
        self.draft = s.as_ref().ok().cloned();
        self.stored = Some(s);
    }

    /// Read the settings again when the tab shows next.
    pub fn stale(&mut self) {
        self.asked = false;
        self.stored = None;
        self.draft = None;
    }
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(theme::SPACE_M);
    theme::subheading(ui, title);
    ui.add_space(theme::SPACE_S);
}

pub fn show(app: &mut LarisApp, ui: &mut egui::Ui) {
    if !app.settings.asked {
        app.settings.asked = true;
        app.commands.push(Command::Run(Job::LoadSettings));
    }
    let lang = app.lang;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            theme::heading(ui, &lang.tr("settings-title"));

            section(ui, &lang.tr("settings-language"));
            let mut chosen = app.lang;
            ui.horizontal(|ui| {
                for l in Lang::ALL {
                    ui.selectable_value(&mut chosen, l, lang.tr(super::app::lang_key(l)));
                }
            });
            if chosen != app.lang {
                app.commands.push(Command::SetLang(chosen));
            }

            section(ui, &lang.tr("settings-theme"));
            let mut pref = app.persisted.theme;
            ui.horizontal(|ui| {
                ui.selectable_value(&mut pref, ThemePreference::Light, lang.tr("theme-light"));
                ui.selectable_value(&mut pref, ThemePreference::Dark, lang.tr("theme-dark"));
                ui.selectable_value(&mut pref, ThemePreference::System, lang.tr("theme-system"));
            });
            if pref != app.persisted.theme {
                app.commands.push(Command::SetTheme(pref));
            }

            business(app, ui);
            database(app, ui);
            team(app, ui);
            backups(app, ui);
        });
}

/// Currency, number format and pipeline stages: stored in the database.
fn business(app: &mut LarisApp, ui: &mut egui::Ui) {
    let lang = app.lang;
    let deals_stored = app
        .session
        .overview
        .as_ref()
        .is_some_and(|o| o.count(crate::store::Kind::Deals) > 0);
    let Some(draft) = app.settings.draft.as_mut() else {
        match &app.settings.stored {
            Some(Err(e)) => {
                ui.colored_label(theme::BAD, e.message(lang));
            }
            _ => {
                ui.spinner();
            }
        }
        return;
    };
    section(ui, &lang.tr("settings-money"));
    ui.horizontal(|ui| {
        let label = ui.label(lang.tr("settings-currency"));
        egui::ComboBox::from_id_salt("currency")
            .selected_text(&draft.currency)
            .show_ui(ui, |ui| {
                let mut list: Vec<&str> = CURRENCIES.to_vec();
                if !list.contains(&draft.currency.as_str()) {
                    list.insert(0, &draft.currency);
                }
                let mut value = draft.currency.clone();
                for c in list {
                    ui.selectable_value(&mut value, c.to_string(), c);
                }
                draft.currency = value;
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.label(lang.tr("settings-file-numbers"));
        for (locale, sample) in [("id", "1.250.000,00"), ("en", "1,250,000.00")] {
            if ui
                .selectable_label(draft.locale == locale, sample)
                .clicked()
            {
                draft.set_locale(locale, deals_stored);
            }
        }
    });
    ui.label(
        RichText::new(lang.tr("settings-file-numbers-tip"))
            .weak()
            .small(),
    );

    section(ui, &lang.tr("settings-stages"));
    ui.label(RichText::new(lang.tr("settings-stages-tip")).weak().small());
    stages(ui, lang, &mut draft.pipeline_stages);

    let changed = app.settings.stored.as_ref().and_then(|s| s.as_ref().ok()) != Some(&*draft);
    let draft = draft.clone();
    ui.add_space(theme::SPACE_S);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                changed && app.session.may_write(),
                egui::Button::new(lang.tr("settings-save")),
            )
            .clicked()
        {
            let mut s = draft.clone();
            s.currency_chosen = true;
            s.stages_chosen = true;
            s.pipeline_stages.retain(|st| !st.name.trim().is_empty());
            app.commands
                .push(Command::Run(Job::SaveSettings(Box::new(s))));
            app.settings.stale();
        }
        if changed && ui.button(lang.tr("settings-discard")).clicked() {
            app.settings.draft = app
                .settings
                .stored
                .as_ref()
                .and_then(|s| s.as_ref().ok())
                .cloned();
        }
    });
}

/// The stages in order: rename, move, remove, add, and an optional win
/// probability (else the history decides).
fn stages(ui: &mut egui::Ui, lang: Lang, stages: &mut Vec<Stage>) {
    let mut swap = None;
    let mut remove = None;
    egui::Grid::new("stages")
        .striped(true)
        .min_col_width(180.0)
        .show(ui, |ui| {
            ui.strong(lang.tr("settings-stage-name"));
            ui.strong(lang.tr("settings-stage-probability"));
            ui.label("");
            ui.end_row();
            let n = stages.len();
            for (i, stage) in stages.iter_mut().enumerate() {
                let name = ui.add(egui::TextEdit::singleline(&mut stage.name).desired_width(180.0));
                let label = lang.tr_args("settings-stage-n", &[("n", (i + 1).into())]);
                name.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                ui.horizontal(|ui| {
                    let mut own = stage.win_probability.is_some();
                    ui.checkbox(&mut own, lang.tr("settings-stage-own"));
                    match (own, stage.win_probability) {
                        (true, None) => stage.win_probability = Some(0.5),
                        (false, Some(_)) => stage.win_probability = None,
                        _ => {}
                    }
                    if let Some(p) = &mut stage.win_probability {
                        let mut percent = *p * 100.0;
                        ui.add(
                            egui::DragValue::new(&mut percent)
                                .range(0.0..=100.0)
                                .suffix("%"),
                        );
                        *p = percent / 100.0;
                    } else {
                        ui.label(RichText::new(lang.tr("settings-stage-history")).weak());
                    }
                });
                ui.horizontal(|ui| {
                    if ui.add_enabled(i > 0, egui::Button::new("↑")).clicked() {
                        swap = Some(i - 1);
                    }
                    if ui.add_enabled(i + 1 < n, egui::Button::new("↓")).clicked() {
                        swap = Some(i);
                    }
                    if ui.button(lang.tr("settings-stage-remove")).clicked() {
                        remove = Some(i);
                    }
                });
                ui.end_row();
            }
        });
    if let Some(i) = swap {
        stages.swap(i, i + 1);
    }
    if let Some(i) = remove {
        stages.remove(i);
    }
    if ui.button(lang.tr("settings-stage-add")).clicked() {
        stages.push(Stage {
            name: String::new(),
            win_probability: None,
        });
    }
}

fn database(app: &mut LarisApp, ui: &mut egui::Ui) {
    let lang = app.lang;
    section(ui, &lang.tr("settings-database"));
    ui.horizontal(|ui| {
        ui.label(lang.tr("settings-database-where"));
        ui.monospace(app.session.db.shown());
    });
    ui.horizontal(|ui| {
        let busy = app.busy() || app.session.tasks.is_asking();
        for new in [false, true] {
            let choose = Command::ChooseDatabase { new };
            let label = lang.tr(choose.label_id().unwrap_or_default());
            if ui.add_enabled(!busy, egui::Button::new(label)).clicked() {
                app.commands.push(choose);
            }
        }
    });
}

/// "Share with your team": test a server, copy this shop there, work on
/// it (docs/postgres.md).
fn team(app: &mut LarisApp, ui: &mut egui::Ui) {
    let lang = app.lang;
    section(ui, &lang.tr("settings-team"));
    if let Place::Server(url) = &app.session.db {
        let server = crate::store::pg::redact(url);
        ui.label(lang.tr_args("settings-team-on-server", &[("server", server.into())]));
        return;
    }
    ui.label(RichText::new(lang.tr("settings-team-intro")).weak());
    let busy = app.busy();
    let form = &mut app.settings.team;
    if form.url.is_empty()
        && let Some(last) = &app.persisted.last_server
    {
        form.url = last.clone();
    }
    egui::Grid::new("team")
        .num_columns(2)
        .spacing(egui::vec2(theme::SPACE_M, theme::SPACE_S))
        .show(ui, |ui| {
            let label = ui.label(lang.tr("settings-team-address"));
            ui.add(
                egui::TextEdit::singleline(&mut form.url)
                    .hint_text(lang.tr("settings-team-address-hint"))
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(lang.tr("settings-team-password"));
            ui.add(
                egui::TextEdit::singleline(&mut form.password)
                    .password(true)
                    .hint_text(lang.tr("settings-team-password-hint"))
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label("");
            ui.checkbox(&mut form.remember, lang.tr("settings-team-remember"));
            ui.end_row();
        });
    let url = form.connect_url();
    let typed = crate::store::pg::is_url(&form.url);
    let tested = form
        .tested
        .as_ref()
        .filter(|(tested, _)| *tested == url)
        .map(|(_, probe)| probe);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                typed && !busy,
                egui::Button::new(lang.tr("settings-team-test")),
            )
            .clicked()
        {
            app.commands
                .push(Command::Run(Job::TestServer { url: url.clone() }));
        }
        let found = tested.and_then(|p| p.as_ref().ok());
        // An empty server takes a copy of this shop; one with a shop is
        // opened as it is.
        if let Some(found) = found {
            if found.records == 0 && !found.read_only {
                if ui
                    .add_enabled(!busy, egui::Button::new(lang.tr("settings-team-copy")))
                    .clicked()
                {
                    app.session.progress = Some((lang.tr("progress-copy"), 0.0));
                    app.commands
                        .push(Command::Run(Job::CopyToServer { url: url.clone() }));
                }
            } else if ui
                .add_enabled(!busy, egui::Button::new(lang.tr("settings-team-open")))
                .clicked()
            {
                app.commands
                    .push(Command::SwitchDatabase(Place::Server(url.clone())));
            }
        }
        if let Some((label, fraction)) = &app.session.progress {
            ui.spinner();
            ui.label(label);
            ui.add(egui::ProgressBar::new(*fraction).desired_width(160.0));
        }
    });
    match tested {
        Some(Ok(found)) => {
            let server = found.server.clone();
            let what = if found.records == 0 {
                lang.tr_args("settings-team-ok-empty", &[("server", server.into())])
            } else {
                lang.tr_args(
                    "settings-team-ok-shop",
                    &[("server", server.into()), ("records", found.records.into())],
                )
            };
            let role = lang.tr(if found.read_only {
                "settings-team-ok-viewer"
            } else {
                "settings-team-ok-writer"
            });
            ui.label(format!("{what} {role}"));
        }
        Some(Err(e)) => {
            ui.colored_label(theme::BAD, e.message(lang));
        }
        None => {}
    }
}

/// Under "could not open" for a server: its password typed again (the
/// keyring may have none), or another database chosen.
pub fn reconnect(app: &mut LarisApp, ui: &mut egui::Ui, url: &str) {
    let lang = app.lang;
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        ui.add_space(theme::SPACE_M);
        let form = &mut app.settings.team;
        ui.horizontal(|ui| {
            let label = ui.label(lang.tr("settings-team-password"));
            ui.add(
                egui::TextEdit::singleline(&mut form.password)
                    .password(true)
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            if ui.button(lang.tr("settings-team-connect")).clicked() {
                let url = crate::store::pg::with_password(url, &form.password);
                app.commands
                    .push(Command::SwitchDatabase(Place::Server(url)));
            }
        });
        ui.checkbox(&mut form.remember, lang.tr("settings-team-remember"));
        ui.add_space(theme::SPACE_S);
        let open = Command::ChooseDatabase { new: false };
        if ui
            .button(lang.tr(open.label_id().unwrap_or_default()))
            .clicked()
        {
            app.commands.push(open);
        }
    });
}

/// The backups of the database: made before the day's first import or undo, or now;
/// any can be put back (after a confirmation).
fn backups(app: &mut LarisApp, ui: &mut egui::Ui) {
    use super::backups::{self, BackupAction};
    ui.add_space(theme::SPACE_M);
    if app.session.db.is_server() {
        theme::subheading(ui, &app.lang.tr("backups-title"));
        ui.label(RichText::new(app.lang.tr("settings-backups-server")).weak());
        return;
    }
    let Some(list) = &app.settings.backups else {
        app.settings.backups = Some(Ok(Vec::new()));
        app.commands.push(Command::Run(Job::ListBackups));
        return;
    };
    let list = match list {
        Ok(list) => list.clone(),
        Err(e) => {
            ui.colored_label(theme::BAD, e.message(app.lang));
            return;
        }
    };
    match backups::show(ui, app.lang, &list) {
        Some(BackupAction::BackUpNow) => app.commands.push(Command::BackUpNow),
        Some(BackupAction::Restore(info)) => app.settings.confirm_restore = Some(info),
        None => {}
    }
}

/// "Restore this backup?": a restore replaces what is stored now (which is
/// itself backed up first).
pub fn restore_dialog(app: &mut LarisApp, ctx: &egui::Context) {
    let Some(info) = app.settings.confirm_restore.clone() else {
        return;
    };
    let lang = app.lang;
    let mut decision = None;
    egui::Modal::new(egui::Id::unique("restore")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        theme::heading(ui, &lang.tr("restore-title"));
        ui.add_space(theme::SPACE_S);
        ui.label(lang.tr_args(
            "restore-body",
            &[
                ("when", info.when(lang).into()),
                ("contents", info.contents(lang).into()),
            ],
        ));
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            if ui.button(lang.tr("restore-confirm")).clicked() {
                decision = Some(true);
            }
            if ui.button(lang.tr("restore-cancel")).clicked() {
                decision = Some(false);
            }
        });
    });
    match decision {
        Some(true) => {
            app.settings.confirm_restore = None;
            app.commands.push(Command::Restore(info));
        }
        Some(false) => app.settings.confirm_restore = None,
        None => {}
    }
}
