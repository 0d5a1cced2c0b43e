//! Exports (issue #6): a chart picture, the meeting report PDF of the demo
//! shop, and what `laris export` writes. No graphics device is needed: the
//! charts are drawn on the CPU (docs/export.md).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use laris::export::chart::{CHART_PIXELS, chart_png};
use laris::i18n::Lang;
use laris::metrics::catalog::{Tab, Unit, cards, figures};
use laris::metrics::charts::{self, Charts};
use laris::metrics::{Comparison, Dataset, Filters, Report, Selection, compute_report};
use laris::store::Store;
use laris::view::charts::{ChartInput, ChartKind};

/// The demo shop, ending on a fixed day so that every run sees the same one.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("Toko Demo.laris");
    let out = common::laris(&[
        "demo",
        "--db",
        db.to_str().unwrap(),
        "--scale",
        "600",
        "--until",
        "2025-06-30",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    db
}

fn figures_for(db: &Path, period: &str) -> (Report, Charts) {
    let store = Store::open(db).unwrap();
    let ds = Dataset::load(store.conn()).unwrap();
    let sel = Selection::parse(period).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let none = Filters::default();
    (
        compute_report(&ds, &sel, Comparison::Previous, today, &none),
        charts::compute(&ds, &sel, Comparison::Previous, today, &none),
    )
}

#[test]
fn a_chart_picture_has_its_size_is_not_blank_and_matches_its_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let (report, charts) = figures_for(&db, "year:2024");
    let input = ChartInput {
        charts: &charts,
        report: &report,
        filters: &Filters::default(),
        lang: Lang::En,
        print: false,
    };
    let bytes = chart_png(ChartKind::Revenue, &input).unwrap();
    let image = image::load_from_memory(&bytes).unwrap().to_rgba8();
    assert_eq!([image.width(), image.height()], CHART_PIXELS);
    // Not blank: plenty of ink besides the white paper, and the accent's teal.
    let ink = image
        .pixels()
        .filter(|p| p.0 != [255, 255, 255, 255])
        .count();
    assert!(ink > 20_000, "only {ink} pixels drawn");
    let teal = image
        .pixels()
        .filter(|p| p.0[..3] == [0x0F, 0x76, 0x6E])
        .count();
    assert!(teal > 1_000, "no bars in the accent colour ({teal})");
    egui_kittest::image_snapshot(&image, "chart_revenue_en");
}

/// `pdftotext`'s text of a PDF, pages separated by form feeds.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page_count(pdf: &Path) -> usize {
    pdf_text(pdf).matches('\u{c}').count()
}

/// Every figure of the app for `period`, as the PDF prints them.
fn all_figures(db: &Path, period: &str) -> laris::metrics::figures::Figures {
    let store = Store::open(db).unwrap();
    let ds = Dataset::load(store.conn()).unwrap();
    laris::metrics::figures::compute(
        &ds,
        &laris::metrics::figures::Query {
            sel: Selection::parse(period).unwrap(),
            cmp: Comparison::Previous,
            filters: Filters::default(),
            today: chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        },
    )
}

#[test]
fn the_meeting_report_of_the_demo_shop_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let period = "month:2025-03";
    let (report, _) = figures_for(&db, period);
    for lang in [Lang::En, Lang::Id] {
        let pdf = dir.path().join(format!("report-{}.pdf", lang.code()));
        let out = Command::new(env!("CARGO_BIN_EXE_laris"))
            .args([
                "--lang",
                lang.code(),
                "export",
                "--db",
                db.to_str().unwrap(),
                "--period",
                period,
                "--today",
                "2025-06-30",
                "--pdf",
                pdf.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
        // Cover; the three KPI tables, profit and the per-rep tables on
        // three pages; eleven charts two to a page.
        let pages = page_count(&pdf);
        assert_eq!(pages, 10, "{lang:?}");
        // Every page renders.
        let prefix = dir.path().join(format!("page-{}", lang.code()));
        let out = Command::new("pdftoppm")
            .args([
                "-r",
                "40",
                "-png",
                pdf.to_str().unwrap(),
                prefix.to_str().unwrap(),
            ])
            .output()
            .expect("pdftoppm (poppler-utils) is installed");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rendered = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy()
                    .starts_with(&format!("page-{}", lang.code()))
            })
            .count();
        assert_eq!(rendered, pages);
        // The KPI values, in their display form, are text of the PDF.
        let text = pdf_text(&pdf);
        let now = figures(&report.metrics);
        for tab in Tab::ALL {
            for card in cards(tab) {
                let shown = card.unit.show(lang, &report.currency, now[card.id]);
                assert!(
                    text.contains(&shown),
                    "{lang:?} {}: {shown} not in the PDF",
                    card.id
                );
            }
        }
        assert!(text.contains("Toko Demo"), "the cover names the business");
        // March 2025 sold Lebaran parcels, which have no cost price: the
        // profit section says how much of the sales lacks one, its products
        // say so, and the profit lines carry "≈" as the cards do.
        let f = all_figures(&db, period);
        let missing = f.cost_missing.unwrap();
        assert!(missing.products > 0);
        let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&lang.tr("report-section-profit")));
        assert!(
            words.contains(&missing.sentence(lang, &report.currency)),
            "{lang:?}"
        );
        assert!(
            words.contains(&lang.tr("report-profit-no-cost")),
            "{lang:?}"
        );
        assert!(
            words.contains(&format!("≈ {}", lang.tr("metric-gross_profit"))),
            "{lang:?}"
        );
        assert!(!text.contains("Unknown localization key"));
        // After the cover, the highlights, as `laris report` has them.
        let json = Command::new(env!("CARGO_BIN_EXE_laris"))
            .args([
                "--lang",
                lang.code(),
                "report",
                "--db",
                db.to_str().unwrap(),
                "--period",
                period,
                "--today",
                "2025-06-30",
                "--json",
            ])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let first = json["highlights"][0]["text"].as_str().unwrap();
        let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&lang.tr("report-highlights")));
        assert!(words.contains(first), "{lang:?}: {first:?} not in the PDF");
        // Every card with a previous figure shows it: the activities
        // total's line too (it printed "–" before).
        let f = all_figures(&db, period);
        let row = format!(
            "{} {} {}",
            lang.tr("metric-activities"),
            Unit::Count.show(lang, &report.currency, f.now["activities"]),
            Unit::Count.show(lang, &report.currency, f.then["activities"]),
        );
        assert!(f.then["activities"].is_some(), "March has a February");
        assert!(words.contains(&row), "{lang:?}: {row:?} not in the PDF");
    }
}

#[test]
fn export_writes_one_picture_per_chart() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let pngs = dir.path().join("charts");
    let out = common::laris(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--rep",
        "Sari",
        "--png-dir",
        pngs.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    // The shop has no cost sheet: no split of revenue into costs to draw.
    let profit = ChartKind::ProfitByChannel;
    assert!(!pngs.join(format!("{}.png", profit.slug())).exists());
    for kind in ChartKind::ALL.into_iter().filter(|&k| k != profit) {
        let path = pngs.join(format!("{}.png", kind.slug()));
        let image = image::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!([image.width(), image.height()], CHART_PIXELS);
    }
}

/// A scheduled report runs where there is no graphics adapter: wgpu finds
/// none for DirectX 12 on Linux. The PDF's charts are then vector drawings
/// whose titles and axis labels are text, and the PNGs are still pictures.
#[test]
fn export_needs_no_graphics_adapter() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let pdf = dir.path().join("rapat.pdf");
    let pngs = dir.path().join("charts");
    for (option, path) in [("--pdf", &pdf), ("--png-dir", &pngs)] {
        let out = Command::new(env!("CARGO_BIN_EXE_laris"))
            .args(["--lang", "en", "export", "--db"])
            .arg(&db)
            .args(["--period", "month:2025-03", "--today", "2025-06-30"])
            .arg(option)
            .arg(path)
            .env("WGPU_BACKEND", "dx12")
            .output()
            .unwrap();
        assert!(out.status.success(), "{option}: {}", common::stderr(&out));
    }
    let (report, charts) = figures_for(&db, "month:2025-03");
    let input = ChartInput {
        charts: &charts,
        report: &report,
        filters: &Filters::default(),
        lang: Lang::En,
        print: true,
    };
    let drawn: Vec<ChartKind> = ChartKind::ALL
        .into_iter()
        .filter(|&k| laris::view::charts::has_data(k, &input))
        .collect();
    assert!(drawn.len() >= 10, "{drawn:?}");
    // The charts are text and paths: no picture in the file, and every
    // chart's title and the revenue chart's day labels are found as text.
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .expect("pdfimages (poppler-utils) is installed");
    let listed = String::from_utf8_lossy(&images.stdout);
    assert_eq!(listed.lines().count(), 2, "pictures in the PDF:\n{listed}");
    let text = pdf_text(&pdf);
    for kind in &drawn {
        let title = kind.title(Lang::En);
        assert!(text.contains(&title), "{title:?} is not text of the PDF");
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for day in [["1", "Mar"], ["31", "Mar"]] {
        assert!(
            words.windows(2).any(|w| w == day),
            "the axis label {day:?} is not text of the PDF"
        );
    }
    // Each picture has its size and ink in its plot area, below the title
    // and legend and left of the right margin.
    for kind in &drawn {
        let path = pngs.join(format!("{}.png", kind.slug()));
        let image = image::open(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .to_rgba8();
        assert_eq!([image.width(), image.height()], CHART_PIXELS);
        let [w, h] = CHART_PIXELS;
        let ink = (h / 4..h * 9 / 10)
            .flat_map(|y| (w / 5..w * 9 / 10).map(move |x| (x, y)))
            .filter(|&(x, y)| image.get_pixel(x, y).0 != [255, 255, 255, 255])
            .count();
        assert!(ink > 5_000, "{kind:?}: only {ink} pixels drawn in the plot");
    }
}

/// On a terminal without a desktop session (no XDG_RUNTIME_DIR, no
/// display) the graphics stack has nothing to say to the user.
#[test]
fn export_on_a_bare_terminal_prints_only_what_it_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let pdf = dir.path().join("rapat.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_laris"))
        .args(["--lang", "id", "export", "--db"])
        .arg(&db)
        .args(["--period", "month:2025-03", "--pdf"])
        .arg(&pdf)
        .env_remove("XDG_RUNTIME_DIR")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DISPLAY")
        .env_remove("NODEVICE_SELECT")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(common::stderr(&out), "");
    assert_eq!(
        common::stdout(&out).trim(),
        format!("Tersimpan: {}", pdf.display())
    );
}

#[test]
fn a_landscape_report_has_landscape_a4_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let pdf = dir.path().join("wide.pdf");
    let out = common::laris(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--period",
        "quarter:2025-Q1",
        "--landscape",
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("841.89 x 595.28 pts"), "{info}");
}

#[test]
fn export_needs_an_output_and_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.laris");
    let out = common::laris(&[
        "export",
        "--db",
        missing.to_str().unwrap(),
        "--period",
        "month:2025-03",
    ]);
    assert!(!out.status.success());
    let out = common::laris(&[
        "export",
        "--db",
        missing.to_str().unwrap(),
        "--period",
        "month:2025-03",
        "--pdf",
        dir.path().join("x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains("none.laris"),
        "{}",
        common::stderr(&out)
    );
    assert!(!dir.path().join("x.pdf").exists());
}
