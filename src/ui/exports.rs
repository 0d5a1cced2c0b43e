//! "Save image", "Copy", the meeting report (save or print) and table
//! exports. Rendering and writing run as a job of the task runner (a chart
//! is drawn offscreen at print size); the outcome comes back as a notice.

use std::path::PathBuf;
use std::sync::Arc;

use super::file_dialog::Asker;
use crate::export::error::ExportError;
use crate::export::{chart, pdf, table};
use crate::i18n::Lang;
use crate::metrics::Filters;
use crate::metrics::catalog::Tab;
use crate::metrics::dataset::Present;
use crate::metrics::figures::{Figures, Sparks};
use laris_view::cards::{self, CardCx};
use laris_view::charts::{ChartInput, ChartKind};
use laris_view::theme;

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
    /// The records behind a figure, as the records view lists them.
    RecordSet {
        name: String,
        set: Arc<crate::metrics::records::RecordSet>,
        dataset: Arc<crate::metrics::Dataset>,
    },
    /// A whole metric tab, every card and chart, as one picture.
    Tab {
        tab: Tab,
        figures: Arc<Figures>,
        sparks: Option<Arc<Sparks>>,
        filters: Filters,
        present: Present,
    },
}

impl Export {
    /// Whether the export asks where to save (the task runner lets one
    /// dialog be open at a time).
    pub fn asks(&self) -> bool {
        match self {
            Export::CopyChart(..) => false,
            Export::MeetingReport { print, .. } => !print,
            Export::SaveChart(..)
            | Export::Table { .. }
            | Export::Records(_)
            | Export::RecordSet { .. }
            | Export::Tab { .. } => true,
        }
    }
}

fn period_slug(figures: &Figures) -> String {
    let r = &figures.report;
    if r.from == r.to {
        r.from.to_string()
    } else {
        format!("{}_{}", r.from, r.to)
    }
}

/// Draws and writes `what` (on the task runner's thread): the notice to
/// show, or None when the user cancelled the dialog.
pub(super) fn run(
    lang: Lang,
    what: Export,
    today: chrono::NaiveDate,
    db: &crate::store::Place,
    asker: &Asker<'_>,
) -> anyhow::Result<Option<String>> {
    let business = db.name();
    let business = business.as_str();
    let saved = |path: &PathBuf| {
        lang.tr_args(
            "export-saved",
            &[("file", path.display().to_string().into())],
        )
    };
    match what {
        Export::SaveChart(kind, figures, filters) => {
            let input = printed(&figures, &filters, lang);
            let png = chart::chart_png(kind, &input)?;
            let name = format!("{}-{}.png", kind.slug(), period_slug(&figures));
            let Some(path) = asker.save(&name, &lang.tr("export-filter-png"), &["png"]) else {
                return Ok(None);
            };
            std::fs::write(&path, png).map_err(ExportError::write(&path))?;
            Ok(Some(saved(&path)))
        }
        Export::CopyChart(kind, figures, filters) => {
            let input = printed(&figures, &filters, lang);
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
                figures: &figures,
                filters: &filters,
                lang,
                landscape: false,
                made: today,
            })?;
            let name = format!("laris-{}.pdf", period_slug(&figures));
            if print {
                let path = std::env::temp_dir().join(name);
                std::fs::write(&path, bytes).map_err(ExportError::write(&path))?;
                open::that_detached(&path).map_err(|source| ExportError::Open {
                    path: path.clone(),
                    source,
                })?;
                Ok(Some(lang.tr_args(
                    "export-opened",
                    &[("file", path.display().to_string().into())],
                )))
            } else {
                let Some(path) = asker.save(&name, &lang.tr("export-filter-pdf"), &["pdf"]) else {
                    return Ok(None);
                };
                std::fs::write(&path, bytes).map_err(ExportError::write(&path))?;
                Ok(Some(saved(&path)))
            }
        }
        Export::Records(kind) => {
            let mut store = crate::store::Database::open_to_read(db)?;
            let (fields, rows) = crate::store::records::records(&mut store, kind)?;
            let table = table::records_table(&fields, rows);
            save_table(lang, asker, &format!("{business}-{}", kind.table()), &table)
        }
        Export::Tab {
            tab,
            figures,
            sparks,
            filters,
            present,
        } => {
            let png = tab_picture(lang, tab, &figures, sparks.as_deref(), &filters, present)?;
            let name = format!("{}-{}.png", lang.tr(tab.label_id()), period_slug(&figures));
            let Some(path) = asker.save(&name, &lang.tr("export-filter-png"), &["png"]) else {
                return Ok(None);
            };
            std::fs::write(&path, png).map_err(ExportError::write(&path))?;
            Ok(Some(saved(&path)))
        }
        Export::Table { name, table } => save_table(lang, asker, &name, &table),
        Export::RecordSet { name, set, dataset } => {
            let mut store = crate::store::Database::open_to_read(db)?;
            let all =
                crate::metrics::records::fetch(&mut store, &dataset, &set, 0..set.rows.len())?;
            let fields: Vec<&crate::store::kinds::Field> =
                set.kind.stored().file_fields().collect();
            let rows = all
                .into_iter()
                .map(|r| r.fields.into_iter().map(|(_, v)| v).collect())
                .collect();
            let table = table::records_table(&fields, rows);
            save_table(lang, asker, &format!("{business}-{name}"), &table)
        }
    }
}

/// Asks where, then writes XLSX or CSV by the name's extension.
fn save_table(
    lang: Lang,
    asker: &Asker<'_>,
    name: &str,
    table: &table::Table,
) -> anyhow::Result<Option<String>> {
    let Some(path) = asker.save(
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

/// The tab as the app shows it, without buttons, in the print theme, at
/// twice the screen's resolution: a heading with the period, comparison
/// and filters, the cards, then the charts two by two.
fn tab_picture(
    lang: Lang,
    tab: Tab,
    figures: &Figures,
    sparks: Option<&Sparks>,
    filters: &Filters,
    present: Present,
) -> anyhow::Result<Vec<u8>> {
    use laris_view::charts;
    const WIDTH: f32 = 1280.0;
    const CHART: f32 = 330.0;
    let kinds: Vec<ChartKind> = ChartKind::ALL
        .into_iter()
        .filter(|k| k.tab() == tab)
        .collect();
    let card_rows = crate::metrics::catalog::cards(tab).len().div_ceil(4) as f32;
    let chart_rows = kinds.len().div_ceil(2) as f32;
    let height = 90.0 + card_rows * 140.0 + chart_rows * (CHART + theme::SPACE_M) + 20.0;
    let cx = CardCx {
        lang,
        present,
        interactive: false,
    };
    let input = printed(figures, filters, lang);
    let r = &figures.report;
    let period = crate::metrics::Period::new(r.from, r.to).label(lang);
    let compared = crate::metrics::Period::new(r.prev_from, r.prev_to).label(lang);
    let image = laris_view::render::render(egui::vec2(WIDTH, height), 2.0, |ui| {
        egui::Frame::new()
            .inner_margin(theme::SPACE_M)
            .show(ui, |ui| {
                theme::heading(ui, &format!("{} · {period}", lang.tr(tab.label_id())));
                let mut line = lang.tr_args(
                    "chart-compared-with",
                    &[("period", compared.clone().into())],
                );
                if let Some(only) = filters.label(lang) {
                    line = format!("{line} · {only}");
                }
                ui.label(line);
                ui.add_space(theme::SPACE_S);
                cards::draw(ui, &cx, tab, figures, sparks, filters);
                let half = (ui.available_width() - theme::SPACE_M) / 2.0;
                for row in kinds.chunks(2) {
                    ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = theme::SPACE_M;
                        for &kind in row {
                            charts::show(ui, kind, &input, egui::vec2(half, CHART));
                        }
                    });
                    ui.add_space(theme::SPACE_M);
                }
            });
    })?;
    Ok(laris_view::render::png(&image)?)
}

/// A chart as it leaves the app: in the print theme, saying its period and
/// filters.
fn printed<'a>(figures: &'a Figures, filters: &'a Filters, lang: Lang) -> ChartInput<'a> {
    ChartInput {
        charts: &figures.charts,
        report: &figures.report,
        filters,
        lang,
        print: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{Comparison, Dataset, PeriodKind, Selection};
    use crate::store::Store;

    /// "Save page as image" (the tab): one picture, at twice the screen's size, with content.
    #[test]
    fn a_tab_picture_is_twice_the_screen_and_not_blank() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("t.laris")).expect("open");
        let until = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
        let opts = crate::demo::DemoOptions {
            scale: 300,
            seed: 1,
            until,
        };
        crate::demo::fill(&mut store, &opts, &mut |_| {}).expect("sample shop");
        let ds = Dataset::load(store.conn()).expect("load");
        let q = crate::metrics::figures::Query {
            sel: Selection::containing(PeriodKind::Month, until),
            cmp: Comparison::Previous,
            filters: Filters::default(),
            today: until,
        };
        let figures = crate::metrics::figures::compute(&ds, &q);
        let Ok(png) = tab_picture(
            Lang::En,
            Tab::Activity,
            &figures,
            None,
            &q.filters,
            ds.present,
        ) else {
            // No graphics device at all, not even a software one: on CI that
            // is a failure (scripts/test installs one); elsewhere, say so.
            assert!(std::env::var_os("CI").is_none(), "no graphics device on CI");
            eprintln!("no graphics device: tab picture not checked");
            return;
        };
        if let Some(out) = std::env::var_os("LARIS_TAB_PICTURE") {
            std::fs::write(out, &png).expect("write the picture");
        }
        let img = image::load_from_memory(&png).expect("a PNG").to_rgba8();
        assert_eq!(img.width(), 2560);
        let first = img.get_pixel(0, 0);
        let differing = img.pixels().filter(|p| *p != first).count();
        assert!(
            differing > 10_000,
            "only {differing} pixels differ from the background"
        );
    }
}
