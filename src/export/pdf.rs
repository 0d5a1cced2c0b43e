//! The meeting report: one A4 PDF with a cover, the KPI tables of the three
//! tabs with their changes, the per-rep tables and every chart, in the
//! user's language. Text is real text in Inter (pdftotext finds the
//! figures); charts are vector drawings of the app's print theme, their
//! labels real text too (docs/export.md).
//!
//! Pages are first laid out as lists of items, so that the page count is
//! known when the page numbers are written, then drawn with krilla.

use std::collections::BTreeMap;

use anyhow::anyhow;
use chrono::NaiveDate;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size as FontSize};

use super::chart::chart_drawings;
use super::error::ExportError;
use super::vector;
use crate::format;
use crate::i18n::{Arg, Lang};
use crate::metrics::Filters;
use crate::metrics::catalog::{Tab, Unit, cards};
use crate::metrics::figures::Figures;
use crate::metrics::highlights::PER_TAB;
use crate::metrics::period::Period;
use laris_view::charts::{ChartInput, ChartKind};
use laris_view::render::Drawing;
use laris_view::theme;

static REGULAR: &[u8] = laris_view::assets::INTER_REGULAR;
static SEMIBOLD: &[u8] = laris_view::assets::INTER_SEMIBOLD;

/// A4 in PDF points.
const A4: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 42.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 9.0;
const HEADING: f32 = 15.0;
const ROW: f32 = 15.0;
const GREY: (u8, u8, u8) = theme::rgb(theme::PRINT_MUTED);
const BLACK: (u8, u8, u8) = theme::rgb(theme::PRINT_TEXT);
const ACCENT: (u8, u8, u8) = theme::rgb(theme::ACCENT);

/// What the report is made from.
pub struct ReportInput<'a> {
    /// Shown on the cover, e.g. the database's name.
    pub business: &'a str,
    /// The figures the app shows: the report, the charts, each card's
    /// figure now and before, the highlights and the projection.
    pub figures: &'a Figures,
    pub filters: &'a Filters,
    pub lang: Lang,
    pub landscape: bool,
    /// The day the report is made, on the cover.
    pub made: NaiveDate,
}

#[derive(Clone, Copy)]
enum Weight {
    Regular,
    Bold,
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: (u8, u8, u8),
        align: Align,
        text: String,
    },
    Rule {
        y: f32,
    },
    Chart {
        y: f32,
        width: f32,
        index: usize,
    },
}

/// The two weights of Inter, for krilla.
struct Fonts {
    regular: Font,
    bold: Font,
}

fn advance(data: &[u8], size: f32, text: &str) -> f32 {
    let Ok(font) = skrifa::FontRef::new(data) else {
        return 0.0;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(FontSize::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|g| metrics.advance_width(g))
                .unwrap_or(size * 0.5)
        })
        .sum()
}

fn width(weight: Weight, size: f32, text: &str) -> f32 {
    match weight {
        Weight::Regular => advance(REGULAR, size, text),
        Weight::Bold => advance(SEMIBOLD, size, text),
    }
}

/// Cuts `text` with an ellipsis to fit `max` points.
fn fit(weight: Weight, size: f32, text: &str, max: f32) -> String {
    if width(weight, size, text) <= max {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>() + "…";
        if width(weight, size, &candidate) <= max {
            return candidate;
        }
    }
    String::new()
}

/// Lays items out top to bottom, starting a page where the next block would
/// be cut at the page's edge.
struct Layout {
    page: (f32, f32),
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl Layout {
    fn new(landscape: bool) -> Layout {
        let page = if landscape { (A4.1, A4.0) } else { A4 };
        Layout {
            page,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    fn content_width(&self) -> f32 {
        self.page.0 - 2.0 * MARGIN
    }

    /// The last line's baseline may go down to here; the page number sits below.
    fn bottom(&self) -> f32 {
        self.page.1 - MARGIN - ROW
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a page unless `height` more points fit on this one.
    fn room(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    #[allow(clippy::too_many_arguments)] // a text item names all it is
    fn text_at(
        &mut self,
        x: f32,
        size: f32,
        weight: Weight,
        color: (u8, u8, u8),
        align: Align,
        text: String,
    ) {
        let y = self.y + size;
        self.push(Item::Text {
            x,
            y,
            size,
            weight,
            color,
            align,
            text,
        });
    }

    fn line(&mut self, size: f32, weight: Weight, color: (u8, u8, u8), text: String) {
        self.room(size * 1.5);
        let text = fit(weight, size, &text, self.content_width());
        self.text_at(MARGIN, size, weight, color, Align::Left, text);
        self.y += size * 1.5;
    }

    fn heading(&mut self, text: String) {
        // A heading never ends a page: it keeps room for three rows after it.
        self.room(HEADING * 2.0 + 3.0 * ROW);
        self.y += HEADING * 0.5;
        self.line(HEADING, Weight::Bold, ACCENT, text);
    }

    /// A table: the first column left-aligned and widest, the others right-aligned.
    /// The header is repeated on each page the table continues on.
    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let cols = header.len().max(1);
        let w = self.content_width();
        let first = w * if cols > 4 { 0.28 } else { 0.4 };
        let other = (w - first) / (cols - 1).max(1) as f32;
        let right = |c: usize| MARGIN + first + other * c as f32;
        let draw_row = |layout: &mut Layout, cells: &[String], weight: Weight, color| {
            for (c, cell) in cells.iter().enumerate() {
                if c == 0 {
                    let t = fit(weight, SMALL + 0.5, cell, first - 6.0);
                    layout.text_at(MARGIN, SMALL + 0.5, weight, color, Align::Left, t);
                } else {
                    let t = fit(weight, SMALL + 0.5, cell, other - 6.0);
                    layout.text_at(right(c), SMALL + 0.5, weight, color, Align::Right, t);
                }
            }
            layout.y += ROW;
        };
        // A long header wraps onto more lines rather than being cut
        // ("Pencapaian targ…"); shorter ones sit on its last lines.
        let header_lines: Vec<Vec<String>> = header
            .iter()
            .enumerate()
            .map(|(c, h)| {
                let max = if c == 0 { first } else { other } - 6.0;
                wrapped(Weight::Bold, SMALL + 0.5, h, max)
            })
            .collect();
        let depth = header_lines.iter().map(Vec::len).max().unwrap_or(1);
        let header_block = |layout: &mut Layout| {
            for k in 0..depth {
                let cells: Vec<String> = header_lines
                    .iter()
                    .map(|lines| {
                        (k + lines.len())
                            .checked_sub(depth)
                            .and_then(|i| lines.get(i))
                            .cloned()
                            .unwrap_or_default()
                    })
                    .collect();
                draw_row(layout, &cells, Weight::Bold, GREY);
            }
            let y = layout.y - 3.0;
            layout.push(Item::Rule { y });
        };
        self.room((depth + 1) as f32 * ROW);
        header_block(self);
        for row in rows {
            if self.y + ROW > self.bottom() {
                self.new_page();
                header_block(self);
            }
            draw_row(self, row, Weight::Regular, BLACK);
        }
        self.y += ROW * 0.5;
    }

    fn chart(&mut self, index: usize, aspect: f32) {
        let width = self.content_width();
        let height = width / aspect;
        // A chart taller than a page is shrunk to fit one.
        let max = self.bottom() - MARGIN;
        let (width, height) = if height > max {
            (max * aspect, max)
        } else {
            (width, height)
        };
        self.room(height + ROW);
        let y = self.y;
        self.push(Item::Chart { y, width, index });
        self.y += height + ROW;
    }
}

fn metric_name(lang: Lang, id: &str) -> String {
    lang.tr(&format!("metric-{id}"))
}

fn cover(l: &mut Layout, input: &ReportInput<'_>) {
    let (lang, r) = (input.lang, &input.figures.report);
    l.y = l.page.1 * 0.3;
    l.line(28.0, Weight::Bold, BLACK, input.business.to_string());
    l.line(HEADING, Weight::Bold, ACCENT, lang.tr("export-pdf-title"));
    l.y += ROW;
    let period = Period::new(r.from, r.to).label(lang);
    let cmp = Period::new(r.prev_from, r.prev_to).label(lang);
    l.line(
        BODY + 2.0,
        Weight::Regular,
        BLACK,
        lang.tr_args("export-pdf-period", &[("period", period.into())]),
    );
    l.line(
        BODY + 2.0,
        Weight::Regular,
        BLACK,
        lang.tr_args("chart-compared-with", &[("period", cmp.into())]),
    );
    let only = input
        .filters
        .label(lang)
        .unwrap_or_else(|| lang.tr("export-pdf-no-filters"));
    l.line(BODY + 2.0, Weight::Regular, BLACK, only);
    l.y += ROW;
    l.line(
        BODY,
        Weight::Regular,
        GREY,
        lang.tr_args(
            "export-pdf-made",
            &[("date", format::date(lang, input.made).into())],
        ),
    );
}

/// What the meeting should hear first: the highlights of every tab, highest
/// first, and where revenue will land.
fn highlights(l: &mut Layout, input: &ReportInput<'_>) {
    let (lang, f) = (input.lang, input.figures);
    l.heading(lang.tr("report-highlights"));
    for h in f.highlights(lang).iter().take(PER_TAB) {
        for line in wrapped(
            Weight::Regular,
            BODY,
            &format!("• {}", h.text),
            l.content_width(),
        ) {
            l.line(BODY, Weight::Regular, BLACK, line);
        }
    }
    if let Some(p) = &f.projection {
        l.y += ROW / 2.0;
        for line in wrapped(
            Weight::Regular,
            BODY,
            &p.sentence(lang, &f.report.currency),
            l.content_width(),
        ) {
            l.line(BODY, Weight::Regular, BLACK, line);
        }
    }
    l.y += ROW;
}

/// `text` in lines that fit `max` points at `size`, broken at spaces.
fn wrapped(weight: Weight, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width(weight, size, &candidate) > max {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn kpi_tables(l: &mut Layout, input: &ReportInput<'_>) {
    let (lang, r) = (input.lang, &input.figures.report);
    // The cards' own figures, so that every line with a previous value
    // shows it (the activity totals are not among the report's scalars).
    let (now, then) = (&input.figures.now, &input.figures.then);
    let header = [
        lang.tr("report-col-metric"),
        lang.tr("report-col-value"),
        lang.tr("report-col-previous"),
        lang.tr("report-col-change"),
    ];
    for tab in Tab::ALL {
        // The tab names of `laris report`'s sections.
        let section = match tab {
            Tab::Performance => "report-section-performance",
            Tab::Activity => "report-section-activity",
            Tab::Productivity => "report-section-productivity",
        };
        l.heading(lang.tr(section));
        let rows: Vec<Vec<String>> = cards(tab)
            .iter()
            .map(|card| {
                let a = now.get(card.id).copied().flatten();
                let b = then.get(card.id).copied().flatten();
                // As on the card: a profit left without some costs is "≈".
                let about = input.figures.cost_missing.is_some_and(|c| c.products > 0)
                    && crate::metrics::catalog::needs_costs(card.id);
                let name = metric_name(lang, card.id);
                vec![
                    if about { format!("≈ {name}") } else { name },
                    card.unit.show(lang, &r.currency, a),
                    card.unit.show(lang, &r.currency, b),
                    card.unit
                        .change(a, b)
                        .map(|c| card.unit.show_change(lang, c))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        l.table(&header, &rows);
    }
}

/// Where the money went: the sales without a cost, then profit by channel
/// and by product, as the Performance tab shows them; nothing for a shop
/// whose costs were never imported.
fn profit(l: &mut Layout, input: &ReportInput<'_>) {
    let (lang, f) = (input.lang, input.figures);
    let m = &f.report.metrics;
    let money = |v: Option<f64>| Unit::Money.show(lang, &f.report.currency, v);
    let costed = m
        .profit_by_channel
        .as_ref()
        .is_some_and(|by| by.values().any(|c| c.cogs.is_some()));
    if !costed {
        return;
    }
    l.heading(lang.tr("report-section-profit"));
    if let Some(missing) = f.cost_missing.filter(|c| c.products > 0) {
        l.line(
            BODY,
            Weight::Regular,
            BLACK,
            missing.sentence(lang, &f.report.currency),
        );
        l.y += ROW / 2.0;
    }
    if let Some(by) = &m.profit_by_channel {
        let header = [
            lang.tr("records-col-channel"),
            lang.tr("products-col-revenue"),
            lang.tr("chart-profit-cogs"),
            lang.tr("chart-profit-fees"),
            lang.tr("products-col-profit"),
        ];
        let rows: Vec<Vec<String>> = by
            .iter()
            .map(|(channel, p)| {
                vec![
                    channel.clone(),
                    money(Some(p.revenue)),
                    money(p.cogs),
                    money(p.marketplace_fees),
                    money(p.gross_profit),
                ]
            })
            .collect();
        l.table(&header, &rows);
    }
    if let Some(products) = &m.profit_by_product {
        let header = [
            lang.tr("products-col-product"),
            lang.tr("products-col-quantity"),
            lang.tr("products-col-revenue"),
            lang.tr("products-col-profit"),
            lang.tr("products-col-margin"),
        ];
        let rows: Vec<Vec<String>> = products
            .iter()
            .map(|p| {
                // A product without a cost has no profit to print.
                let costed = |v: Option<f64>, unit: Unit| {
                    if p.has_cost {
                        unit.show(lang, &f.report.currency, v)
                    } else {
                        lang.tr("report-profit-no-cost")
                    }
                };
                vec![
                    p.product.clone(),
                    format::decimal(
                        lang,
                        p.quantity,
                        if p.quantity.fract() == 0.0 { 0 } else { 2 },
                    ),
                    money(Some(p.revenue)),
                    costed(Some(p.gross_profit), Unit::Money),
                    costed(p.gross_margin, Unit::Rate),
                ]
            })
            .collect();
        l.table(&header, &rows);
    }
}

/// The per-rep figures, one row per rep that any of them lists.
fn rep_tables(l: &mut Layout, input: &ReportInput<'_>) {
    let (lang, r) = (input.lang, &input.figures.report);
    let m = &r.metrics;
    let money = |v: Option<f64>| Unit::Money.show(lang, &r.currency, v);
    type Column<'c> = (String, Box<dyn Fn(&str) -> Option<String> + 'c>);
    let by = |map: &Option<BTreeMap<String, Option<f64>>>, unit: Unit, rep: &str| {
        map.as_ref()
            .map(|by| unit.show(lang, &r.currency, by.get(rep).copied().flatten()))
    };
    let sales: Vec<Column<'_>> = vec![
        (
            metric_name(lang, "revenue"),
            Box::new(|rep: &str| {
                m.sales_per_rep
                    .as_ref()
                    .map(|s| money(s.get(rep).map(|x| x.revenue)))
            }),
        ),
        (
            lang.tr("export-pdf-deal-revenue"),
            Box::new(|rep: &str| {
                m.sales_per_rep
                    .as_ref()
                    .map(|s| money(s.get(rep).map(|x| x.deal_revenue)))
            }),
        ),
        (
            metric_name(lang, "clv"),
            Box::new(|rep: &str| by(&m.clv_by_rep, Unit::Money, rep)),
        ),
        (
            metric_name(lang, "quota_attainment"),
            Box::new(|rep: &str| {
                m.quota_attainment
                    .as_ref()
                    .map(|q| Unit::Rate.show(lang, "", q.by_rep.get(rep).copied().flatten()))
            }),
        ),
    ];
    let deals: Vec<Column<'_>> = vec![
        (
            metric_name(lang, "win_rate"),
            Box::new(|rep: &str| by(&m.win_rate_by_rep, Unit::Rate, rep)),
        ),
        (
            metric_name(lang, "avg_deal_cycle_days"),
            Box::new(|rep: &str| by(&m.avg_deal_cycle_days_by_rep, Unit::Days, rep)),
        ),
        (
            metric_name(lang, "lead_conversion_rate"),
            Box::new(|rep: &str| by(&m.lead_conversion_rate_by_rep, Unit::Rate, rep)),
        ),
    ];
    let mut reps: Vec<&String> = Vec::new();
    let maps = [
        &m.win_rate_by_rep,
        &m.avg_deal_cycle_days_by_rep,
        &m.lead_conversion_rate_by_rep,
        &m.clv_by_rep,
    ];
    reps.extend(
        maps.iter()
            .filter_map(|x| x.as_ref())
            .flat_map(|x| x.keys()),
    );
    reps.extend(m.sales_per_rep.iter().flat_map(|s| s.keys()));
    reps.extend(m.quota_attainment.iter().flat_map(|q| q.by_rep.keys()));
    reps.sort();
    reps.dedup();
    if reps.is_empty() {
        return;
    }
    l.heading(lang.tr("export-pdf-reps"));
    for columns in [sales, deals] {
        // A column whose figure was never imported is left out.
        let shown: Vec<&Column<'_>> = columns.iter().filter(|(_, f)| f("").is_some()).collect();
        if shown.is_empty() {
            continue;
        }
        let mut header = vec![lang.tr("export-pdf-rep")];
        header.extend(shown.iter().map(|(h, _)| h.clone()));
        let rows: Vec<Vec<String>> = reps
            .iter()
            .map(|rep| {
                let mut row = vec![rep.to_string()];
                row.extend(shown.iter().map(|(_, f)| f(rep).unwrap_or_default()));
                row
            })
            .collect();
        l.table(&header, &rows);
    }
}

/// The meeting report as PDF bytes.
pub fn meeting_report(input: &ReportInput<'_>) -> anyhow::Result<Vec<u8>> {
    let lang = input.lang;
    let data = ChartInput {
        charts: &input.figures.charts,
        report: &input.figures.report,
        filters: input.filters,
        lang,
        print: true,
    };
    let charts = chart_drawings(&ChartKind::ALL, &data);
    let mut l = Layout::new(input.landscape);
    cover(&mut l, input);
    l.new_page();
    highlights(&mut l, input);
    kpi_tables(&mut l, input);
    profit(&mut l, input);
    rep_tables(&mut l, input);
    if !charts.is_empty() {
        l.new_page();
        l.heading(lang.tr("export-pdf-charts"));
        for (k, (_, drawing)) in charts.iter().enumerate() {
            l.chart(k, drawing.size.x / drawing.size.y.max(1.0));
        }
    }
    draw(input, &l, &charts)
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(
    input: &ReportInput<'_>,
    layout: &Layout,
    charts: &[(ChartKind, Drawing)],
) -> anyhow::Result<Vec<u8>> {
    let lang = input.lang;
    let fonts = Fonts {
        regular: Font::new(REGULAR.into(), 0)
            .ok_or_else(|| anyhow!("the bundled font is broken"))?,
        bold: Font::new(SEMIBOLD.into(), 0).ok_or_else(|| anyhow!("the bundled font is broken"))?,
    };
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "{} – {}",
                input.business,
                lang.tr("export-pdf-title")
            ))
            .language(lang.code().to_string())
            .creator("Laris".to_string()),
    );
    let (pw, ph) = layout.page;
    let total = layout.pages.len();
    for (n, items) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(pw, ph).ok_or_else(|| anyhow!("bad page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let footer = lang.tr_args(
            "export-pdf-page",
            &[("page", Arg::from(n + 1)), ("pages", Arg::from(total))],
        );
        let footer_item = Item::Text {
            x: pw - MARGIN,
            y: ph - MARGIN * 0.6,
            size: SMALL,
            weight: Weight::Regular,
            color: GREY,
            align: Align::Right,
            text: footer,
        };
        for item in items.iter().chain(std::iter::once(&footer_item)) {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    weight,
                    color,
                    align,
                    text,
                } => {
                    let x = match align {
                        Align::Left => *x,
                        Align::Right => x - width(*weight, *size, text),
                    };
                    let font = match weight {
                        Weight::Regular => fonts.regular.clone(),
                        Weight::Bold => fonts.bold.clone(),
                    };
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_text(
                        Point::from_xy(x, *y),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Rule { y } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(MARGIN, *y);
                    pb.line_to(pw - MARGIN, *y);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(GREY.0, GREY.1, GREY.2).into(),
                            width: 0.75,
                            ..Default::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Item::Chart { y, width, index } => {
                    let Some((_, drawing)) = charts.get(*index) else {
                        continue;
                    };
                    let scale = width / drawing.size.x.max(1.0);
                    let at = Transform::from_row(scale, 0.0, 0.0, scale, MARGIN, *y);
                    vector::draw(&mut surface, drawing, at);
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_header_wraps_at_spaces_within_its_column() {
        let header = "Pencapaian target per sales";
        let max = width(Weight::Bold, SMALL + 0.5, "Pencapaian target") + 1.0;
        let lines = wrapped(Weight::Bold, SMALL + 0.5, header, max);
        assert_eq!(lines, ["Pencapaian target", "per sales"]);
        assert!(
            lines
                .iter()
                .all(|l| width(Weight::Bold, SMALL + 0.5, l) <= max)
        );
    }

    #[test]
    fn text_is_cut_to_fit_with_an_ellipsis() {
        let w = width(Weight::Regular, 10.0, "Rp 154.811.500");
        assert!(w > 40.0 && w < 90.0, "{w}");
        assert_eq!(fit(Weight::Regular, 10.0, "Sari", 100.0), "Sari");
        let cut = fit(
            Weight::Regular,
            10.0,
            "A very long product name indeed",
            60.0,
        );
        assert!(
            cut.ends_with('…') && width(Weight::Regular, 10.0, &cut) <= 60.0,
            "{cut}"
        );
    }

    #[test]
    fn a_long_table_continues_on_the_next_page_with_its_header() {
        let mut l = Layout::new(false);
        let header = vec!["Rep".to_string(), "Value".to_string()];
        let rows: Vec<Vec<String>> = (0..100)
            .map(|k| vec![format!("r{k}"), k.to_string()])
            .collect();
        l.table(&header, &rows);
        // 100 rows of 15 pt on pages with about 49 rows each.
        assert_eq!(l.pages.len(), 3);
        for page in &l.pages {
            let first = page.iter().find_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            });
            assert_eq!(first, Some("Rep"));
            for item in page {
                if let Item::Text { y, .. } = item {
                    assert!(*y <= l.bottom() + ROW, "cut at the page edge: {y}");
                }
            }
        }
    }
}
