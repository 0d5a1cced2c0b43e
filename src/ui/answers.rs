//! The answers behind a figure (issue 15): the records that make it, and
//! the bridge of its change. Each is computed on a thread of its own from
//! the loaded dataset (the figures thread shares it); the window only draws
//! what has arrived, a page of records at a time.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::RichText;
use laris_view::charts::Pick;
use laris_view::theme;

use crate::format;
use crate::i18n::Lang;
use crate::metrics::Dataset;
use crate::metrics::explain::{Bridge, By, EXPLAINED, STEPS, explain};
use crate::metrics::figures::Query;
use crate::metrics::records::{
    Cell, Column, Record, RecordKind, RecordSet, Records, code_text, fetch, order_lines, records,
    search, slice_records, value_text,
};
use crate::metrics::{PeriodKind, Selection};
use crate::store::{Database, FieldType, Place};

/// What the metric tab shows instead of its cards.
pub enum Answer {
    Records(RecordsView),
    Bridge(BridgeView),
}

/// What a click on an answer asks of the app.
pub enum Asked {
    Back,
    Export {
        name: String,
        set: Arc<RecordSet>,
        dataset: Arc<Dataset>,
    },
}

/// Rows fetched from SQLite at a time, as they scroll into view.
const PAGE: usize = 100;

/// One set of records: the figure's, or a ratio's numerator or denominator.
struct Part {
    /// `""`, `numerator` or `denominator` (`records-*` messages).
    name: &'static str,
    base: Arc<RecordSet>,
    /// The rows as sorted and searched.
    shown: Arc<RecordSet>,
    sort: Option<(Column, bool)>,
    search: String,
    arranging: Option<Receiver<Result<RecordSet, String>>>,
    /// Pages of stored fields, for the rows of `shown`; `generation` tells
    /// a page of an earlier arrangement from one of this.
    pages: HashMap<usize, Vec<Record>>,
    asked: HashSet<usize>,
    generation: u64,
    page_tx: Sender<(u64, usize, Vec<Record>)>,
    page_rx: Receiver<(u64, usize, Vec<Record>)>,
    /// The order whose lines show under the table.
    opened: Option<Opened>,
}

/// An order opened to its lines, read on a thread.
struct Opened {
    /// The order's row id.
    id: i64,
    /// The order's id as the shop writes it.
    name: String,
    lines: Option<Result<Vec<Record>, String>>,
    rx: Receiver<Result<Vec<Record>, String>>,
}

impl Opened {
    fn new(record: &Record, db: &Place) -> Opened {
        let (tx, rx) = channel();
        let (id, db) = (record.id, db.clone());
        std::thread::spawn(move || {
            let lines = Database::open_to_read(&db)
                .and_then(|mut d| order_lines(&mut d, id))
                .map_err(|e| e.to_string());
            let _ = tx.send(lines);
        });
        let name = record
            .fields
            .iter()
            .find(|(f, _)| f.name == "order_id")
            .map(|(f, v)| value_text(Lang::En, "", f.ty, v))
            .unwrap_or_default();
        Opened {
            id,
            name,
            lines: None,
            rx,
        }
    }
}

impl Part {
    fn new(name: &'static str, set: RecordSet) -> Part {
        let set = Arc::new(set);
        let (page_tx, page_rx) = channel();
        Part {
            name,
            base: set.clone(),
            shown: set,
            sort: None,
            search: String::new(),
            arranging: None,
            pages: HashMap::new(),
            asked: HashSet::new(),
            generation: 0,
            page_tx,
            page_rx,
            opened: None,
        }
    }

    /// Sorts and searches again, on a thread.
    fn arrange(&mut self, ds: &Arc<Dataset>, db: &Place) {
        let (tx, rx) = channel();
        let (ds, db, base) = (ds.clone(), db.clone(), self.base.clone());
        let (sort, needle) = (self.sort, self.search.clone());
        std::thread::spawn(move || {
            let found = if needle.trim().is_empty() {
                Ok((*base).clone())
            } else {
                Database::open_to_read(&db)
                    .and_then(|mut d| search(&mut d, &ds, &base, &needle))
                    .map_err(|e| e.to_string())
            };
            let arranged = found.map(|mut set| {
                if let Some((col, descending)) = sort {
                    set.sort_by(&ds, col, descending);
                }
                set
            });
            let _ = tx.send(arranged);
        });
        self.arranging = Some(rx);
    }

    /// Takes what threads have finished; asks for the pages of `rows`.
    fn poll(&mut self, ds: &Arc<Dataset>, db: &Place, rows: std::ops::Range<usize>) {
        if let Some(rx) = &self.arranging
            && let Ok(arranged) = rx.try_recv()
        {
            self.arranging = None;
            if let Ok(set) = arranged {
                self.shown = Arc::new(set);
                self.generation += 1;
                self.pages.clear();
                self.asked.clear();
            }
        }
        while let Ok((generation, page, records)) = self.page_rx.try_recv() {
            if generation == self.generation {
                self.pages.insert(page, records);
            }
        }
        if rows.is_empty() {
            return;
        }
        for page in rows.start / PAGE..=(rows.end - 1) / PAGE {
            if !self.asked.insert(page) {
                continue;
            }
            let (ds, db, set, tx) = (
                ds.clone(),
                db.clone(),
                self.shown.clone(),
                self.page_tx.clone(),
            );
            let generation = self.generation;
            std::thread::spawn(move || {
                let from = page * PAGE;
                let to = (from + PAGE).min(set.rows.len());
                let records = Database::open_to_read(&db)
                    .and_then(|mut d| fetch(&mut d, &ds, &set, from..to))
                    .ok()
                    .unwrap_or_default();
                let _ = tx.send((generation, page, records));
            });
        }
    }

    fn record(&self, pos: usize) -> Option<&Record> {
        self.pages.get(&(pos / PAGE))?.get(pos % PAGE)
    }
}

/// The records behind one figure, or one bar of a chart, for the query it
/// was shown for.
pub struct RecordsView {
    pick: Pick,
    /// The query on screen narrowed to the pick's period and filters.
    query: Query,
    loading: Option<Receiver<Result<Vec<Part>, String>>>,
    parts: Result<Vec<Part>, String>,
    side: usize,
}

impl RecordsView {
    pub fn open(pick: Pick, mut query: Query, ds: &Arc<Dataset>) -> RecordsView {
        if let Some(period) = pick.period {
            query.sel = Selection {
                kind: PeriodKind::Custom,
                period,
            };
        }
        let f = &mut query.filters;
        for (only, picked) in [
            (&mut f.rep, &pick.filters.rep),
            (&mut f.channel, &pick.filters.channel),
            (&mut f.source, &pick.filters.source),
            (&mut f.branch, &pick.filters.branch),
        ] {
            if picked.is_some() {
                only.clone_from(picked);
            }
        }
        let (tx, rx) = channel();
        let (ds, q, asked) = (ds.clone(), query.clone(), pick.clone());
        std::thread::spawn(move || {
            let found = match &asked.slice {
                Some(slice) => Ok(slice_records(&ds, &q, slice)),
                None => records(&ds, &q, asked.metric),
            };
            let parts = found
                .map(|r| match r {
                    Records::Figure(set) => vec![Part::new("", set)],
                    Records::Ratio {
                        numerator,
                        denominator,
                    } => vec![
                        Part::new("numerator", numerator),
                        Part::new("denominator", denominator),
                    ],
                })
                .map_err(|e| e.to_string());
            let _ = tx.send(parts);
        });
        RecordsView {
            pick,
            query,
            loading: Some(rx),
            parts: Ok(Vec::new()),
            side: 0,
        }
    }

    /// The figure's name, and the bar's after it.
    fn name(&self, lang: Lang) -> String {
        let metric = lang.tr(&format!("metric-{}", self.pick.metric));
        if self.pick.label.is_empty() {
            metric
        } else {
            format!("{metric} · {}", self.pick.label)
        }
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        ds: &Arc<Dataset>,
        db: &Place,
    ) -> Option<Asked> {
        if let Some(rx) = &self.loading
            && let Ok(parts) = rx.try_recv()
        {
            self.loading = None;
            self.parts = parts;
        }
        let mut asked = None;
        let title = lang.tr_args(
            "records-view-title",
            &[
                ("metric", self.name(lang).into()),
                (
                    "period",
                    format::date_range(lang, self.query.sel.period.from, self.query.sel.period.to)
                        .into(),
                ),
            ],
        );
        ui.horizontal(|ui| {
            if ui.button(lang.tr("answer-back")).clicked() {
                asked = Some(Asked::Back);
            }
            ui.heading(title);
        });
        if let Some(only) = self.query.filters.label(lang) {
            ui.label(RichText::new(only).weak());
        }
        ui.add_space(theme::SPACE_S);
        if self.loading.is_some() {
            ui.spinner();
            ui.ctx().request_repaint();
            return asked;
        }
        let parts = match &mut self.parts {
            Ok(parts) => parts,
            Err(e) => {
                ui.colored_label(theme::BAD, e.as_str());
                return asked;
            }
        };
        if parts.len() > 1 {
            ui.horizontal(|ui| {
                for (i, p) in parts.iter().enumerate() {
                    let label = lang.tr(&format!("records-{}", p.name));
                    if ui.selectable_label(self.side == i, label).clicked() {
                        self.side = i;
                    }
                }
            });
        }
        let Some(part) = parts.get_mut(self.side) else {
            return asked;
        };
        if let Some(export) = part_view(ui, lang, part, ds, db, self.pick.metric) {
            asked = Some(export);
        }
        asked
    }
}

fn column_label(lang: Lang, col: Column) -> String {
    lang.tr(match col {
        Column::Date => "records-col-date",
        Column::Value => "records-col-value",
        Column::Rep => "records-col-rep",
        Column::Channel => "records-col-channel",
        Column::Source => "records-col-source",
        Column::Type => "records-col-type",
    })
}

/// A stored field as the user reads it: dates and statuses in the
/// language's words.
fn field_text(
    lang: Lang,
    currency: &str,
    field: &crate::store::kinds::Field,
    v: &rusqlite::types::Value,
) -> String {
    let text = value_text(lang, currency, field.ty, v);
    let date = |t: &str| chrono::NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok();
    match field.ty {
        FieldType::Date | FieldType::DateTime => {
            date(&text).map_or(text, |d| format::date(lang, d))
        }
        _ => code_text(lang, field.ty, &text),
    }
}

/// The width of the button that opens an order to its lines.
const OPEN_WIDTH: f32 = 24.0;
/// Lines shown at once under the table; more scroll.
const LINES_SHOWN: usize = 5;

/// The opened order's lines, under the table; whether it was closed.
fn lines_panel(
    ui: &mut egui::Ui,
    lang: Lang,
    currency: &str,
    opened: Option<&Opened>,
    row_height: f32,
) -> bool {
    let Some(opened) = opened else {
        return false;
    };
    let mut closed = false;
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong(lang.tr_args(
            "records-lines-title",
            &[("order", opened.name.as_str().into())],
        ));
        if ui.small_button(lang.tr("records-lines-close")).clicked() {
            closed = true;
        }
    });
    match &opened.lines {
        None => {
            ui.spinner();
        }
        Some(Err(e)) => {
            ui.colored_label(theme::BAD, e.as_str());
        }
        Some(Ok(lines)) if lines.is_empty() => {
            ui.label(RichText::new(lang.tr("records-lines-none")).weak());
        }
        Some(Ok(lines)) => {
            let shown = |f: &&crate::store::kinds::Field| !matches!(f.name, "order_id" | "line_no");
            egui::ScrollArea::vertical()
                .id_salt("records_lines")
                .max_height(LINES_SHOWN as f32 * row_height)
                .show(ui, |ui| {
                    egui::Grid::new("records_lines_grid")
                        .striped(true)
                        .min_col_width(90.0)
                        .show(ui, |ui| {
                            for (f, _) in lines[0].fields.iter().filter(|(f, _)| shown(f)) {
                                ui.strong(lang.tr(&format!("field-{}", f.name)));
                            }
                            ui.end_row();
                            for line in lines {
                                for (f, v) in line.fields.iter().filter(|(f, _)| shown(f)) {
                                    ui.label(field_text(lang, currency, f, v));
                                }
                                ui.end_row();
                            }
                        });
                });
        }
    }
    closed
}

fn part_view(
    ui: &mut egui::Ui,
    lang: Lang,
    part: &mut Part,
    ds: &Arc<Dataset>,
    db: &Place,
    metric: &str,
) -> Option<Asked> {
    let mut asked = None;
    let set = part.shown.clone();
    let mut rearrange = false;
    ui.horizontal(|ui| {
        let label = ui.label(lang.tr("records-search"));
        let typed = ui
            .add(
                egui::TextEdit::singleline(&mut part.search)
                    .hint_text(lang.tr("records-search-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        rearrange |= typed.changed();
        ui.add_space(theme::SPACE_M);
        let label = ui.label(lang.tr("records-sort"));
        let current = part.sort.map_or_else(
            || lang.tr("records-sort-none"),
            |(c, _)| column_label(lang, c),
        );
        egui::ComboBox::from_id_salt("records_sort_by")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for &col in set.columns() {
                    let on = part.sort.is_some_and(|(c, _)| c == col);
                    if ui.selectable_label(on, column_label(lang, col)).clicked() {
                        part.sort = Some((col, part.sort.is_some_and(|(_, d)| d)));
                        rearrange = true;
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some((col, descending)) = part.sort {
            let arrow = lang.tr(if descending {
                "records-sort-down"
            } else {
                "records-sort-up"
            });
            if ui.button(arrow).clicked() {
                part.sort = Some((col, !descending));
                rearrange = true;
            }
        }
        if part.arranging.is_some() {
            ui.spinner();
        }
    });
    if rearrange {
        part.arrange(ds, db);
    }
    ui.add_space(theme::SPACE_S);

    let currency = ds.currency.clone();
    let fields: Vec<&crate::store::kinds::Field> = set.kind.stored().file_fields().collect();
    let value_shown = set.measure.field().is_some();
    let width = 130.0;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + theme::SPACE_S;
    let orders = matches!(set.kind, RecordKind::Orders | RecordKind::Customers);
    if let Some(o) = &mut part.opened
        && o.lines.is_none()
        && let Ok(lines) = o.rx.try_recv()
    {
        o.lines = Some(lines);
    }
    let lines_shown = match &part.opened {
        Some(Opened {
            lines: Some(Ok(lines)),
            ..
        }) => lines.len().min(LINES_SHOWN),
        Some(_) => 1,
        None => 0,
    };
    let footer = 40.0
        + if part.opened.is_some() {
            (lines_shown as f32 + 2.5) * row_height
        } else {
            0.0
        };
    let mut wanted = 0..0;
    let mut open = None;
    egui::ScrollArea::horizontal()
        .id_salt("records_wide")
        .max_height(ui.available_height() - footer)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if orders {
                    ui.add_space(OPEN_WIDTH + ui.spacing().item_spacing.x);
                }
                for f in &fields {
                    let header = lang.tr(&format!("field-{}", f.name));
                    ui.add_sized(
                        [width, row_height],
                        egui::Label::new(RichText::new(header).strong()).truncate(),
                    );
                }
                if value_shown {
                    ui.add_sized(
                        [width, row_height],
                        egui::Label::new(RichText::new(column_label(lang, Column::Value)).strong()),
                    );
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("records_rows")
                .auto_shrink([false, false])
                .show_rows(ui, row_height, set.rows.len(), |ui, rows| {
                    wanted = rows.clone();
                    for pos in rows {
                        ui.horizontal(|ui| {
                            if orders {
                                let record = part.record(pos);
                                let on = record.is_some_and(|r| {
                                    part.opened.as_ref().is_some_and(|o| o.id == r.id)
                                });
                                let button = ui
                                    .add_enabled_ui(record.is_some(), |ui| {
                                        ui.add_sized(
                                            [OPEN_WIDTH, row_height],
                                            egui::Button::new(if on { "↓" } else { "→" })
                                                .selected(on),
                                        )
                                    })
                                    .inner;
                                let tip = lang.tr("records-lines-tip");
                                button.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &tip)
                                });
                                if button.on_hover_text(&tip).clicked() {
                                    open = Some(if on { None } else { record.cloned() });
                                }
                            }
                            match part.record(pos) {
                                Some(r) => {
                                    for (f, v) in &r.fields {
                                        let text = field_text(lang, &currency, f, v);
                                        ui.add_sized(
                                            [width, row_height],
                                            egui::Label::new(text).truncate(),
                                        );
                                    }
                                }
                                None => {
                                    for _ in &fields {
                                        ui.add_sized([width, row_height], egui::Label::new("…"));
                                    }
                                }
                            }
                            if value_shown {
                                let text = match set.cell(ds, pos, Column::Value) {
                                    Cell::Amount(a) => a.text(lang, &currency),
                                    _ => String::new(),
                                };
                                ui.add_sized([width, row_height], egui::Label::new(text));
                            }
                        });
                    }
                });
        });
    match open {
        Some(Some(record)) => part.opened = Some(Opened::new(&record, db)),
        Some(None) => part.opened = None,
        None => {}
    }
    if lines_panel(ui, lang, &currency, part.opened.as_ref(), row_height) {
        part.opened = None;
    }
    part.poll(ds, db, wanted);
    let reading = part.opened.as_ref().is_some_and(|o| o.lines.is_none());
    if reading || part.arranging.is_some() || part.pages.len() < part.asked.len() {
        ui.ctx().request_repaint();
    }
    ui.separator();
    ui.horizontal(|ui| {
        let count = ("count", set.count().into());
        let total = match set.sum_text(lang, &currency) {
            Some(sum) => lang.tr_args("records-count-sum", &[count, ("sum", sum.into())]),
            None => lang.tr_args("records-count", &[count]),
        };
        ui.strong(total);
        ui.add_space(theme::SPACE_M);
        if ui.button(lang.tr("records-export")).clicked() {
            let side = if part.name.is_empty() {
                String::new()
            } else {
                format!("-{}", part.name)
            };
            asked = Some(Asked::Export {
                name: format!("{metric}{side}"),
                set: set.clone(),
                dataset: ds.clone(),
            });
        }
    });
    asked
}

/// What changed a figure, split by one field, as a bridge.
pub struct BridgeView {
    pub metric: &'static str,
    query: Query,
    by: By,
    loading: Option<Receiver<Result<Bridge, String>>>,
    bridge: Option<Result<Bridge, String>>,
}

impl BridgeView {
    /// The bridge of `metric`, by `by` or else the first field it can be
    /// split by; None for a metric without a bridge.
    pub fn open(
        metric: &str,
        by: Option<By>,
        query: Query,
        ds: &Arc<Dataset>,
    ) -> Option<BridgeView> {
        let &(metric, bys) = EXPLAINED.iter().find(|(m, _)| *m == metric)?;
        let by = by.filter(|b| bys.contains(b)).unwrap_or(*bys.first()?);
        let mut view = BridgeView {
            metric,
            query,
            by,
            loading: None,
            bridge: None,
        };
        view.compute(ds);
        Some(view)
    }

    fn compute(&mut self, ds: &Arc<Dataset>) {
        let (tx, rx) = channel();
        let (ds, q, metric, by) = (ds.clone(), self.query.clone(), self.metric, self.by);
        std::thread::spawn(move || {
            let _ = tx.send(explain(&ds, &q, metric, by, STEPS).map_err(|e| e.to_string()));
        });
        self.loading = Some(rx);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, lang: Lang, ds: &Arc<Dataset>) -> Option<Asked> {
        if let Some(rx) = &self.loading
            && let Ok(bridge) = rx.try_recv()
        {
            self.loading = None;
            self.bridge = Some(bridge);
        }
        let mut asked = None;
        ui.horizontal(|ui| {
            if ui.button(lang.tr("answer-back")).clicked() {
                asked = Some(Asked::Back);
            }
            ui.heading(lang.tr_args(
                "bridge-view-title",
                &[("metric", lang.tr(&format!("metric-{}", self.metric)).into())],
            ));
        });
        ui.horizontal(|ui| {
            ui.label(lang.tr("bridge-by"));
            let bys = EXPLAINED
                .iter()
                .find(|(m, _)| *m == self.metric)
                .map_or(&[][..], |(_, b)| *b);
            for &by in bys {
                let label = lang.tr(&format!("explain-by-{}", by.id()));
                if ui.selectable_label(self.by == by, label).clicked() && self.by != by {
                    self.by = by;
                    self.compute(ds);
                }
            }
        });
        ui.label(RichText::new(lang.tr("bridge-help")).weak().small());
        ui.add_space(theme::SPACE_S);
        match &self.bridge {
            _ if self.loading.is_some() => {
                ui.spinner();
                ui.ctx().request_repaint();
            }
            None => {}
            Some(Err(e)) => {
                ui.colored_label(theme::BAD, e.as_str());
            }
            Some(Ok(bridge)) => {
                egui::ScrollArea::vertical()
                    .id_salt("bridge")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        laris_view::charts::bridge::draw(ui, lang, &ds.currency, bridge)
                    });
            }
        }
        asked
    }
}
