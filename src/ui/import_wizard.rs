//! The import wizard: for each chosen file, the sheet, the kind, every
//! column's field (a dropdown to change it), a preview of the first records
//! as they will be stored, the rows with problems, then "import N valid rows,
//! skip M" or cancel. Reading and storing run in the background.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;

use super::command::{Command, Commands};
use super::session::Session;
use super::tasks::{Job, ReadChoice};
use crate::format;
use crate::i18n::Lang;
use crate::import::List;
use crate::import::mapping::{Matched, MatchedBy, Preset, Target};
use crate::import::rate::Rate;
use crate::import::{FileError, ParsedFile, Source};
use crate::metrics::records::code_text;
use crate::store::{FieldType, Kind};
use laris_view::theme;

/// Records shown in the preview, per kind.
const PREVIEW_ROWS: usize = 8;
/// Row problems listed (the rest are counted).
const SHOWN_ISSUES: usize = 200;

pub struct Wizard {
    /// Files still to go after this one.
    pub queue: Vec<PathBuf>,
    pub path: PathBuf,
    pub choice: ReadChoice,
    /// The file as read with `choice`; None while it is being read.
    pub parsed: Option<Result<Vec<ParsedFile>, FileError>>,
    /// Set while storing: the flag cancels.
    pub importing: Option<Arc<AtomicBool>>,
    /// Boxed: the wizard is one of the app's phases, which should not all
    /// be as large as it.
    pub typed: Box<Typed>,
}

/// What the user types in the wizard besides the mapping.
#[derive(Default)]
pub struct Typed {
    pub preset_name: String,
    /// The conversion rate typed for a file in another currency.
    pub rate: String,
    /// The branch (outlet) the file's records are imported as; empty for
    /// none.
    pub branch: String,
}

impl Wizard {
    pub fn new(mut paths: Vec<PathBuf>) -> Option<Wizard> {
        if paths.is_empty() {
            return None;
        }
        let path = paths.remove(0);
        Some(Wizard {
            queue: paths,
            path,
            choice: ReadChoice::default(),
            parsed: None,
            importing: None,
            typed: Box::default(),
        })
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The next file of the queue, if any: files dropped together mostly
    /// come from one outlet, so it keeps the branch typed.
    pub fn next(self) -> Option<Wizard> {
        let branch = self.typed.branch;
        Wizard::new(self.queue).map(|mut w| {
            w.typed.branch = branch;
            w
        })
    }

    fn files(&self) -> &[ParsedFile] {
        match &self.parsed {
            Some(Ok(files)) => files,
            _ => &[],
        }
    }
}

/// Shows the wizard in the central panel.
pub fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    wizard: &mut Wizard,
    session: &Session,
    commands: &mut Commands,
) {
    let mut action = Action::None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            theme::heading(
                ui,
                &lang.tr_args("wizard-title", &[("file", wizard.file_name().into())]),
            );
            if !wizard.queue.is_empty() {
                ui.label(
                    lang.tr_args("wizard-more-files", &[("count", wizard.queue.len().into())]),
                );
            }
            ui.add_space(theme::SPACE_M);
            if let Some(cancel) = &wizard.importing {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(lang.tr("wizard-importing"));
                    if let Some((_, f)) = &session.progress {
                        ui.add(
                            egui::ProgressBar::new(*f)
                                .show_percentage()
                                .desired_width(240.0),
                        );
                    }
                    if ui.button(lang.tr("wizard-stop")).clicked() {
                        cancel.store(true, Ordering::Relaxed);
                    }
                });
                return;
            }
            match &wizard.parsed {
                None => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(lang.tr("wizard-reading"));
                    });
                }
                Some(Err(e)) => {
                    ui.label(egui::RichText::new(e.message(lang)).color(theme::BAD));
                    ui.add_space(theme::SPACE_M);
                    if let FileError::MissingColumn {
                        kind,
                        column,
                        columns,
                        candidates,
                        ..
                    } = e
                    {
                        let picked = pick_column(ui, lang, column, columns, candidates);
                        if let Some(header) = picked {
                            wizard.choice.kind = Some(*kind);
                            wizard.choice.map.push((column.clone(), header));
                            action = Action::Reread;
                        }
                        ui.add_space(theme::SPACE_M);
                    }
                    // A Laris database is read as it is: no kind to choose.
                    if !matches!(e, FileError::LarisFile { .. }) {
                        kind_choice(ui, lang, wizard, &mut action);
                        ui.add_space(theme::SPACE_M);
                    }
                    if ui.button(lang.tr("wizard-skip-file")).clicked() {
                        action = Action::Close;
                    }
                }
                Some(Ok(_)) => loaded(ui, lang, wizard, session, &mut action),
            }
        });
    match action {
        Action::None => {}
        Action::Reread => {
            wizard.parsed = None;
            let job = Job::Inspect {
                path: wizard.path.clone(),
                choice: wizard.choice.clone(),
            };
            commands.push(Command::Run(job));
        }
        Action::Import => {
            let cancel = Arc::new(AtomicBool::new(false));
            wizard.importing = Some(cancel.clone());
            let rate = Rate::parse(&wizard.typed.rate).ok();
            let files = wizard
                .files()
                .iter()
                .cloned()
                .map(|mut f| {
                    f.rate = rate.clone();
                    f.branch = wizard.typed.branch.clone();
                    f
                })
                .collect();
            commands.push(Command::Run(Job::Store { files, cancel }));
        }
        Action::Close => commands.push(Command::NextFile),
        Action::SavePreset => {
            if let Some(first) = wizard.files().first() {
                let src = &first.source;
                let preset = Preset::new(src.kind, &src.headers, &src.mapping);
                let name = wizard.typed.preset_name.trim().to_string();
                commands.push(Command::Run(Job::SavePreset { name, preset }));
            }
        }
        Action::SaveSkipped => {
            if let Some(file) = wizard
                .files()
                .iter()
                .find(|f| !f.errors.is_empty())
                .cloned()
            {
                commands.push(Command::SaveSkipped(Box::new(file)));
            }
        }
    }
}

enum Action {
    None,
    Reread,
    Import,
    Close,
    SavePreset,
    SaveSkipped,
}

/// The columns to choose from for a required field no column was found
/// for, the likeliest first; the header clicked, if any.
fn pick_column(
    ui: &mut egui::Ui,
    lang: Lang,
    field: &str,
    columns: &[String],
    candidates: &[String],
) -> Option<String> {
    let field_name = lang.tr(&format!("field-{field}")).to_lowercase();
    theme::subheading(
        ui,
        &lang.tr_args("wizard-pick-column", &[("field", field_name.into())]),
    );
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        for c in candidates {
            let text = format!("{c} · {}", lang.tr("wizard-likeliest"));
            if theme::primary_button(ui, &text).clicked() {
                picked = Some(c.clone());
            }
        }
        for c in columns.iter().filter(|c| !candidates.contains(c)) {
            if ui.button(c).clicked() {
                picked = Some(c.clone());
            }
        }
    });
    picked
}

/// How a column was matched, for the mapping's third column.
fn matched_text(lang: Lang, matched: Option<Matched>) -> String {
    let Some(m) = matched else {
        return String::new();
    };
    let percent = || {
        (
            "percent",
            format::percent(lang, f64::from(m.confidence)).into(),
        )
    };
    match m.by {
        MatchedBy::Name => lang.tr_args("wizard-matched-name", &[percent()]),
        MatchedBy::Values => lang.tr_args("wizard-matched-values", &[percent()]),
        MatchedBy::User => lang.tr("wizard-matched-user"),
    }
}

fn loaded(
    ui: &mut egui::Ui,
    lang: Lang,
    wizard: &mut Wizard,
    session: &Session,
    action: &mut Action,
) {
    let presets = &session.presets;
    let files = wizard.files().to_vec();
    let Some(first) = files.first() else {
        return;
    };
    let source = first.source.clone();
    if source.from_laris {
        ui.label(lang.tr("wizard-laris-file"));
        ui.add_space(theme::SPACE_M);
    } else {
        choices_and_mapping(ui, lang, wizard, &source, presets, action);
    }

    // Unsettled until the database has records or a chosen currency; money
    // shows as rupiah then, as the database will keep it.
    let database = session.overview.as_ref().and_then(|o| o.currency.clone());
    for file in &files {
        theme::subheading(
            ui,
            &lang.tr_args(
                "wizard-preview",
                &[(
                    "kind",
                    lang.tr(&format!("kind-{}", file.kind.table())).into(),
                )],
            ),
        );
        match &file.list {
            Some(List::Returns(ids)) => {
                ui.label(lang.tr_args("wizard-returns-list", &[("count", ids.len().into())]));
            }
            Some(List::RepNames(people)) => {
                let count = ("count", people.len().into());
                ui.label(lang.tr_args("wizard-rep-names-list", &[count]));
            }
            None => {
                let currency = file.currency.or(database.as_deref()).unwrap_or_default();
                preview(ui, lang, currency, file);
            }
        }
        if file.marked_returned > 0 {
            let count = ("count", file.marked_returned.into());
            ui.label(lang.tr_args("wizard-returns-marked", &[count]));
        }
        ui.add_space(theme::SPACE_M);
    }

    let errors: Vec<_> = files.iter().flat_map(|f| f.errors.iter()).collect();
    let warnings: Vec<_> = files.iter().flat_map(|f| f.warnings.iter()).collect();
    if !errors.is_empty() || !warnings.is_empty() {
        theme::subheading(ui, &lang.tr("wizard-problems"));
        egui::Grid::new("issues")
            .num_columns(4)
            .striped(true)
            .spacing(egui::vec2(theme::SPACE_M, theme::SPACE_S))
            .show(ui, |ui| {
                for key in [
                    "wizard-row",
                    "wizard-column",
                    "wizard-value",
                    "wizard-reason",
                ] {
                    ui.strong(lang.tr(key));
                }
                ui.end_row();
                for (issue, error) in errors
                    .iter()
                    .map(|e| (e, true))
                    .chain(warnings.iter().map(|w| (w, false)))
                    .take(SHOWN_ISSUES)
                {
                    ui.label(format::count(lang, issue.line as i64));
                    ui.label(&issue.column);
                    ui.label(&issue.value);
                    let color = if error {
                        theme::BAD
                    } else {
                        ui.visuals().warn_fg_color
                    };
                    ui.label(egui::RichText::new(lang.tr(issue.reason.message_id())).color(color));
                    ui.end_row();
                }
            });
        let more = (errors.len() + warnings.len()).saturating_sub(SHOWN_ISSUES);
        if more > 0 {
            ui.label(lang.tr_args("import-more-issues", &[("count", more.into())]));
        }
        ui.add_space(theme::SPACE_M);
    }

    // A file in another currency imports only converted, at the user's rate.
    let other = files
        .iter()
        .find_map(|f| f.currency)
        .zip(database)
        .filter(|(file, database)| file != database);
    let mut rate_ok = true;
    if let Some((currency, database)) = &other {
        ui.label(lang.tr_args(
            "wizard-currency",
            &[
                ("currency", (*currency).into()),
                ("database", database.as_str().into()),
            ],
        ));
        ui.horizontal(|ui| {
            let label = ui.label(lang.tr("wizard-rate"));
            let edit =
                ui.add(egui::TextEdit::singleline(&mut wizard.typed.rate).desired_width(140.0));
            let _ = edit.labelled_by(label.id);
            rate_ok = Rate::parse(&wizard.typed.rate).is_ok();
            if !rate_ok {
                let why = if wizard.typed.rate.trim().is_empty() {
                    "wizard-rate-needed"
                } else {
                    "wizard-rate-invalid"
                };
                ui.label(egui::RichText::new(lang.tr(why)).color(theme::BAD));
            }
        });
        ui.add_space(theme::SPACE_M);
    }

    ui.horizontal(|ui| {
        let label = ui.label(lang.tr("wizard-branch"));
        let edit = ui.add(
            egui::TextEdit::singleline(&mut wizard.typed.branch)
                .hint_text(lang.tr("wizard-branch-hint"))
                .desired_width(180.0),
        );
        let _ = edit.labelled_by(label.id);
    });
    ui.add_space(theme::SPACE_S);

    let valid: usize = files.iter().map(|f| f.count).sum();
    let skipped: u64 = files.iter().map(ParsedFile::errors_rows).sum();
    ui.horizontal(|ui| {
        let label = if skipped > 0 {
            lang.tr_args(
                "wizard-import-skip",
                &[("count", valid.into()), ("skipped", skipped.into())],
            )
        } else {
            lang.tr_args("wizard-import", &[("count", valid.into())])
        };
        let import = ui.add_enabled_ui(rate_ok, |ui| theme::primary_button(ui, &label));
        if import.inner.clicked() {
            *action = Action::Import;
        }
        if ui.button(lang.tr("wizard-cancel")).clicked() {
            *action = Action::Close;
        }
        if skipped > 0 && ui.button(lang.tr("wizard-save-skipped")).clicked() {
            *action = Action::SaveSkipped;
        }
    });
    if source.from_laris {
        return;
    }
    ui.add_space(theme::SPACE_S);
    ui.horizontal(|ui| {
        let label = ui.label(lang.tr("wizard-preset-name"));
        let edit =
            ui.add(egui::TextEdit::singleline(&mut wizard.typed.preset_name).desired_width(180.0));
        let _ = edit.labelled_by(label.id);
        let ok = !wizard.typed.preset_name.trim().is_empty();
        if ui
            .add_enabled(ok, egui::Button::new(lang.tr("wizard-save-preset")))
            .clicked()
        {
            *action = Action::SavePreset;
        }
    });
}

/// What the file holds (sheet, kind, a saved mapping) and which field each
/// of its columns goes to.
fn choices_and_mapping(
    ui: &mut egui::Ui,
    lang: Lang,
    wizard: &mut Wizard,
    source: &Source,
    presets: &[String],
    action: &mut Action,
) {
    ui.horizontal(|ui| {
        if source.sheets.len() > 1 {
            let sheet_label = ui.label(lang.tr("wizard-sheet"));
            let mut sheet = source.sheet.clone().unwrap_or_default();
            let combo = egui::ComboBox::from_id_salt("sheet")
                .selected_text(&sheet)
                .show_ui(ui, |ui| {
                    for s in &source.sheets {
                        ui.selectable_value(&mut sheet, s.clone(), s);
                    }
                });
            let _ = combo.response.labelled_by(sheet_label.id);
            if Some(&sheet) != source.sheet.as_ref() {
                wizard.choice.sheet = Some(sheet);
                wizard.choice.columns = None;
                *action = Action::Reread;
            }
            ui.add_space(theme::SPACE_L);
        }
        kind_choice(ui, lang, wizard, action);
        if !presets.is_empty() {
            ui.add_space(theme::SPACE_L);
            let preset_label = ui.label(lang.tr("wizard-use-preset"));
            let mut chosen = wizard.choice.preset.clone();
            let combo = egui::ComboBox::from_id_salt("preset")
                .selected_text(
                    chosen
                        .clone()
                        .unwrap_or_else(|| lang.tr("wizard-no-preset")),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, lang.tr("wizard-no-preset"));
                    for p in presets {
                        ui.selectable_value(&mut chosen, Some(p.clone()), p);
                    }
                });
            let _ = combo.response.labelled_by(preset_label.id);
            if chosen != wizard.choice.preset {
                wizard.choice.preset = chosen;
                wizard.choice.columns = None;
                *action = Action::Reread;
            }
        }
    });
    ui.add_space(theme::SPACE_M);

    theme::subheading(ui, &lang.tr("wizard-columns"));
    let mut mapping = source.mapping.clone();
    egui::Grid::new("mapping")
        .num_columns(3)
        .striped(true)
        .spacing(egui::vec2(theme::SPACE_L, theme::SPACE_S))
        .show(ui, |ui| {
            ui.strong(lang.tr("wizard-column"));
            ui.strong(lang.tr("wizard-field"));
            ui.strong(lang.tr("wizard-matched"));
            ui.end_row();
            for (i, header) in source.headers.iter().enumerate() {
                if header.trim().is_empty() && mapping[i].is_none() {
                    continue;
                }
                let header_label = ui.label(header);
                let label = |t: Option<Target>| match t {
                    Some(t) => lang.tr(&format!("field-{}", t.name())),
                    None => lang.tr("wizard-ignore"),
                };
                let combo = egui::ComboBox::from_id_salt(("column", i))
                    .selected_text(label(mapping[i]))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut mapping[i], None, label(None));
                        for t in Target::all_for(source.kind) {
                            ui.selectable_value(&mut mapping[i], Some(t), label(Some(t)));
                        }
                    });
                let _ = combo.response.labelled_by(header_label.id);
                let how = source.matched.get(i).copied().flatten();
                ui.label(egui::RichText::new(matched_text(lang, how)).weak());
                ui.end_row();
            }
        });
    if mapping != source.mapping {
        // A field goes to one column: taking it frees the other.
        let changed = (0..mapping.len()).find(|&i| mapping[i] != source.mapping[i]);
        if let Some(c) = changed
            && let Some(taken) = mapping[c]
        {
            for (i, m) in mapping.iter_mut().enumerate() {
                if i != c && *m == Some(taken) {
                    *m = None;
                }
            }
        }
        wizard.choice.kind = Some(source.kind);
        wizard.choice.columns = Some(mapping);
        *action = Action::Reread;
    }
    ui.add_space(theme::SPACE_M);
}

fn kind_choice(ui: &mut egui::Ui, lang: Lang, wizard: &mut Wizard, action: &mut Action) {
    let current = match &wizard.parsed {
        Some(Ok(files)) => files.first().map(|f| f.source.kind),
        _ => wizard.choice.kind,
    };
    let kind_label = ui.label(lang.tr("wizard-kind"));
    let mut kind = current;
    let label = |k: Option<Kind>| match k {
        Some(k) => lang.tr(&format!("kind-{}", k.table())),
        None => lang.tr("wizard-kind-unknown"),
    };
    let combo = egui::ComboBox::from_id_salt("kind")
        .selected_text(label(kind))
        .show_ui(ui, |ui| {
            for k in Kind::ALL {
                ui.selectable_value(&mut kind, Some(k), label(Some(k)));
            }
        });
    let _ = combo.response.labelled_by(kind_label.id);
    if kind != current {
        wizard.choice.kind = kind;
        wizard.choice.columns = None;
        wizard.choice.map.clear();
        *action = Action::Reread;
    }
    if kind == Some(Kind::Csat) {
        // Only the user knows which scale a survey used (data-model.md).
        use crate::import::values::ScoreScale;
        let scale_label = ui.label(lang.tr("wizard-csat-scale"));
        let name = |s: ScoreScale| match s {
            ScoreScale::OneToFive => "1–5",
            ScoreScale::OneToTen => "1–10",
            ScoreScale::ZeroToTen => "0–10",
        };
        let mut scale = wizard.choice.csat_scale;
        let combo = egui::ComboBox::from_id_salt("csat-scale")
            .selected_text(name(scale))
            .show_ui(ui, |ui| {
                for s in [
                    ScoreScale::OneToFive,
                    ScoreScale::OneToTen,
                    ScoreScale::ZeroToTen,
                ] {
                    ui.selectable_value(&mut scale, s, name(s));
                }
            });
        let _ = combo.response.labelled_by(scale_label.id);
        if scale != wizard.choice.csat_scale {
            wizard.choice.csat_scale = scale;
            *action = Action::Reread;
        }
    }
}

/// The first records as they will be stored, shown as the rest of Laris
/// shows them.
fn preview(ui: &mut egui::Ui, lang: Lang, currency: &str, file: &ParsedFile) {
    let fields = file.kind.fields();
    egui::ScrollArea::horizontal()
        .id_salt(("preview", file.kind))
        .show(ui, |ui| {
            egui::Grid::new(("preview-grid", file.kind))
                .striped(true)
                .spacing(egui::vec2(theme::SPACE_M, theme::SPACE_S))
                .show(ui, |ui| {
                    for f in fields {
                        ui.strong(lang.tr(&format!("field-{}", f.name)));
                    }
                    ui.end_row();
                    for record in file.records.iter().take(PREVIEW_ROWS) {
                        for (f, v) in fields.iter().zip(&record.values) {
                            ui.label(shown(lang, currency, f.ty, v));
                        }
                        ui.end_row();
                    }
                });
        });
    if file.count > PREVIEW_ROWS {
        ui.label(
            egui::RichText::new(lang.tr_args(
                "wizard-more-rows",
                &[("count", (file.count - PREVIEW_ROWS).into())],
            ))
            .small()
            .weak(),
        );
    }
}

/// A stored value as the rest of Laris shows it: money in the file's
/// `currency`, dates, counts, statuses and activity types in the language's
/// format and words.
fn shown(lang: Lang, currency: &str, ty: FieldType, v: &Value) -> String {
    match (ty, v) {
        (_, Value::Null) => String::new(),
        (FieldType::Money, Value::Integer(minor)) => {
            format::money(lang, currency, *minor as f64 / 100.0)
        }
        (FieldType::Date | FieldType::DateTime, Value::Text(t)) => {
            if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
                format::date_short(lang, d)
            } else if let Ok(t) = t.parse::<NaiveDateTime>() {
                format::date_time(lang, t)
            } else {
                t.clone()
            }
        }
        (_, Value::Integer(i)) => format::count(lang, *i),
        (_, Value::Real(r)) => r.to_string(),
        (_, Value::Text(t)) => code_text(lang, ty, t),
        (_, Value::Blob(_)) => String::new(),
    }
}
