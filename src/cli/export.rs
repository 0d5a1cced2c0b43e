//! `laris export`: the meeting report as a PDF, or every chart as a PNG.

use std::path::{Path, PathBuf};

use crate::export::error::ExportError;
use clap::{ArgGroup, Args};

use super::scope::ScopeArgs;
use super::{Cli, CliResult};
use crate::export::chart::chart_images;
use crate::export::pdf::{ReportInput, meeting_report};
use crate::i18n::Lang;
use crate::metrics::figures::compute;
use laris_view::charts::{ChartInput, ChartKind};
use laris_view::render::png;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("output").required(true).args(["pdf", "png_dir"])))]
pub struct ExportArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Write the meeting report (cover, figures, per-rep tables, charts) to this PDF file.
    #[arg(long, value_name = "FILE")]
    pub pdf: Option<PathBuf>,
    /// Write one PNG picture per chart into this folder (made if missing).
    #[arg(long, value_name = "DIR")]
    pub png_dir: Option<PathBuf>,
    /// Lay the PDF's pages out in landscape.
    #[arg(long)]
    pub landscape: bool,
}

/// The business name on the cover: the database file's name (a server's
/// database name for a server).
fn business(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn run(cli: &Cli, args: &ExportArgs) -> CliResult {
    let lang = cli.lang();
    let scope = args.scope.resolve(cli, lang)?;
    // The figures the app would show for this scope, highlights included.
    let figures = compute(&scope.dataset, &scope.query());
    let (report, charts) = (&figures.report, &figures.charts);
    if let Some(path) = &args.pdf {
        let input = ReportInput {
            business: &match cli.server_url() {
                Some(url) => crate::store::pg::database_name(&url),
                None => business(&cli.db_path()?),
            },
            figures: &figures,
            filters: &scope.filters,
            lang,
            landscape: args.landscape,
            made: scope.today,
        };
        write(lang, path, &meeting_report(&input)?)?;
    }
    if let Some(dir) = &args.png_dir {
        std::fs::create_dir_all(dir).map_err(ExportError::write(dir))?;
        let data = ChartInput {
            charts,
            report,
            filters: &scope.filters,
            lang,
            print: true,
        };
        for (kind, image) in chart_images(&ChartKind::ALL, &data)? {
            write(
                lang,
                &dir.join(format!("{}.png", kind.slug())),
                &png(&image)?,
            )?;
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` and says so.
fn write(lang: Lang, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).map_err(ExportError::write(path))?;
    println!(
        "{}",
        lang.tr_args(
            "export-wrote",
            &[("path", path.display().to_string().into())]
        )
    );
    Ok(())
}
