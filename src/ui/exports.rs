//! "Save image", "Copy", the meeting report (save or print) and table
//! exports. Rendering and writing run on a thread of their own (a chart is
//! drawn offscreen at print size); the outcome comes back as a notice.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::app::LarisApp;
use super::charts::{ChartInput, ChartKind};
use super::figures::Figures;
use crate::export::{chart, pdf, table};
use crate::i18n::Lang;
use crate::metrics::Filters;

/// What to export.
pub enum Export {
    SaveChart(ChartKind, Arc<Figures>, Filters),
    CopyChart(ChartKind, Arc<Figures>, Filters),
    /// The meeting report: saved where the user says, or opened in the
    /// system's PDF viewer to print.
    MeetingReport {
        figures: Arc<Figures>,
        filters: Filters,
        print: bool,
    },
    /// A table shown on screen, as CSV or XLSX.
    Table {
        name: String,
        table: table::Table,
    },
    /// Every stored record of a kind, with the canonical headers, so that
    /// the file imports again.
    Records(crate::store::Kind),
}

/// A finished export: the notice to show, or the error.
pub type Outcome = Result<String, String>;

impl LarisApp {
    pub(super) fn export(&mut self, ctx: &egui::Context, what: Export) {
        let lang = self.lang;
        let tx = self.outcomes.0.clone();
        let repaint = ctx.clone();
        let business = self
            .config
            .db
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let today = self.config.today;
        let db = self.config.db.clone();
        std::thread::spawn(move || {
            let outcome = run(lang, what, &business, today, &db)
                .map_err(|e| lang.tr_args("export-failed", &[("reason", format!("{e:#}").into())]));
            send(&tx, outcome);
            repaint.request_repaint();
        });
    }
}

fn send(tx: &Sender<Outcome>, outcome: Result<Option<String>, String>) {
    match outcome {
        Ok(Some(text)) => {
            let _ = tx.send(Ok(text));
        }
        Ok(None) => {}
        Err(e) => {
            let _ = tx.send(Err(e));
        }
    }
}

/// Asks where to save, suggesting `name`; none when the user cancels.
fn ask_save(name: &str, filter: &str, ext: &[&str]) -> Option<PathBuf> {
    pollster::block_on(
        rfd::AsyncFileDialog::new()
            .set_file_name(name)
            .add_filter(filter, ext)
            .save_file(),
    )
    .map(|f| f.path().to_path_buf())
}

fn period_slug(figures: &Figures) -> String {
    let r = &figures.report;
    if r.from == r.to {
        r.from.to_string()
    } else {
        format!("{}_{}", r.from, r.to)
    }
}

fn run(
    lang: Lang,
    what: Export,
    business: &str,
    today: chrono::NaiveDate,
    db: &std::path::Path,
) -> anyhow::Result<Option<String>> {
    let saved = |path: &PathBuf| {
        lang.tr_args(
            "export-saved",
            &[("file", path.display().to_string().into())],
        )
    };
    match what {
        Export::SaveChart(kind, figures, filters) => {
            let input = ChartInput {
                charts: &figures.charts,
                report: &figures.report,
                filters: &filters,
                lang,
                print: true,
            };
            let png = chart::chart_png(kind, &input)?;
            let name = format!("{}-{}.png", kind.slug(), period_slug(&figures));
            let Some(path) = ask_save(&name, &lang.tr("export-filter-png"), &["png"]) else {
                return Ok(None);
            };
            std::fs::write(&path, png)?;
            Ok(Some(saved(&path)))
        }
        Export::CopyChart(kind, figures, filters) => {
            let input = ChartInput {
                charts: &figures.charts,
                report: &figures.report,
                filters: &filters,
                lang,
                print: true,
            };
            chart::copy_image(&chart::chart_image(kind, &input)?)?;
            Ok(Some(lang.tr("export-copied")))
        }
        Export::MeetingReport {
            figures,
            filters,
            print,
        } => {
            let bytes = pdf::meeting_report(&pdf::ReportInput {
                business,
                report: &figures.report,
                charts: &figures.charts,
                filters: &filters,
                lang,
                landscape: false,
                made: today,
            })?;
            let name = format!("laris-{}.pdf", period_slug(&figures));
            if print {
                let path = std::env::temp_dir().join(name);
                std::fs::write(&path, bytes)?;
                open::that_detached(&path)?;
                Ok(Some(lang.tr_args(
                    "export-opened",
                    &[("file", path.display().to_string().into())],
                )))
            } else {
                let Some(path) = ask_save(&name, &lang.tr("export-filter-pdf"), &["pdf"]) else {
                    return Ok(None);
                };
                std::fs::write(&path, bytes)?;
                Ok(Some(saved(&path)))
            }
        }
        Export::Records(kind) => {
            let store = crate::store::Store::open_to_read(db)?;
            let (fields, rows) = crate::store::records::records(store.conn(), kind)?;
            let table = table::records_table(&fields, rows);
            save_table(lang, &format!("{business}-{}", kind.table()), &table)
        }
        Export::Table { name, table } => save_table(lang, &name, &table),
    }
}

/// Asks where, then writes XLSX or CSV by the name's extension.
fn save_table(lang: Lang, name: &str, table: &table::Table) -> anyhow::Result<Option<String>> {
    let Some(path) = ask_save(
        &format!("{name}.xlsx"),
        &lang.tr("export-filter-table"),
        &["xlsx", "csv"],
    ) else {
        return Ok(None);
    };
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        table::write_csv(&path, table)?;
    } else {
        table::write_xlsx(&path, table)?;
    }
    Ok(Some(lang.tr_args(
        "export-saved",
        &[("file", path.display().to_string().into())],
    )))
}
