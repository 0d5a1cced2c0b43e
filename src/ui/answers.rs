//! The answers behind a figure (issue 15): the records that make it, and
//! the bridge of its change. Each is computed on a thread of its own from
//! the loaded dataset (the figures thread shares it); the window only draws
//! what has arrived, a page of records at a time.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::RichText;
use laris_view::theme;

use crate::format;
use crate::i18n::Lang;
use crate::metrics::Dataset;
use crate::metrics::explain::{Bridge, By, EXPLAINED, STEPS, explain};
use crate::metrics::figures::Query;
use crate::metrics::records::{
    Cell, Column, Record, RecordSet, Records, fetch, records, search, value_text,
};
use crate::store::{FieldType, Store};

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
        }
    }

    /// Sorts and searches again, on a thread.
    fn arrange(&mut self, ds: &Arc<Dataset>, db: &Path) {
        let (tx, rx) = channel();
        let (ds, db, base) = (ds.clone(), db.to_path_buf(), self.base.clone());
        let (sort, needle) = (self.sort, self.search.clone());
        std::thread::spawn(move || {
            let found = if needle.trim().is_empty() {
                Ok((*base).clone())
            } else {
                Store::open_to_read(&db)
                    .map_err(|e| e.to_string())
                    .and_then(|s| search(s.conn(), &ds, &base, &needle).map_err(|e| e.to_string()))
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
    fn poll(&mut self, ds: &Arc<Dataset>, db: &Path, rows: std::ops::Range<usize>) {
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
                db.to_path_buf(),
                self.shown.clone(),
                self.page_tx.clone(),
            );
            let generation = self.generation;
            std::thread::spawn(move || {
                let from = page * PAGE;
                let to = (from + PAGE).min(set.rows.len());
                let records = Store::open_to_read(&db)
                    .ok()
                    .and_then(|s| fetch(s.conn(), &ds, &set, from..to).ok())
                    .unwrap_or_default();
                let _ = tx.send((generation, page, records));
            });
        }
    }

    fn record(&self, pos: usize) -> Option<&Record> {
        self.pages.get(&(pos / PAGE))?.get(pos % PAGE)
    }
}

/// The records behind one figure, for the query it was shown for.
pub struct RecordsView {
    pub metric: &'static str,
    query: Query,
    loading: Option<Receiver<Result<Vec<Part>, String>>>,
    parts: Result<Vec<Part>, String>,
    side: usize,
}

impl RecordsView {
    pub fn open(metric: &'static str, query: Query, ds: &Arc<Dataset>) -> RecordsView {
        let (tx, rx) = channel();
        let (ds, q) = (ds.clone(), query.clone());
        std::thread::spawn(move || {
            let parts = records(&ds, &q, metric)
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
            metric,
            query,
            loading: Some(rx),
            parts: Ok(Vec::new()),
            side: 0,
        }
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        ds: &Arc<Dataset>,
        db: &Path,
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
                ("metric", lang.tr(&format!("metric-{}", self.metric)).into()),
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
        if let Some(export) = part_view(ui, lang, part, ds, db, self.metric) {
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
        _ if field.name == "status" => lang.status(&text),
        _ if field.name == "type" => lang.activity_type(&text),
        _ => text,
    }
}

fn part_view(
    ui: &mut egui::Ui,
    lang: Lang,
    part: &mut Part,
    ds: &Arc<Dataset>,
    db: &Path,
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
    let footer = 40.0;
    let mut wanted = 0..0;
    egui::ScrollArea::horizontal()
        .id_salt("records_wide")
        .max_height(ui.available_height() - footer)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
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
    part.poll(ds, db, wanted);
    if part.arranging.is_some() || part.pages.len() < part.asked.len() {
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
