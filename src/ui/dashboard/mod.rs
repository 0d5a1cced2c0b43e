//! The metric tabs (Performance, Activity, Productivity): the period bar,
//! the KPI cards, the charts and the per-rep table. Figures come from the
//! figures thread (`ui::figures`); nothing here computes a metric.

pub(super) mod cards;
mod chart_cards;
mod help;
mod highlights;
mod next_import;
mod period_bar;
mod products;
mod reps;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Asked, BridgeView, RecordsView};
use super::app::LarisApp;
use super::command::Command;
use crate::i18n::Lang;
use crate::metrics::catalog::Tab;
use crate::metrics::explain::By;
use crate::metrics::figures::{Figures, Query};
use crate::metrics::{Comparison, Filters, PeriodKind, Selection};
use laris_view::charts::Pick;
use laris_view::theme;

pub use help::Help;
pub use period_bar::step_period;

/// The period, comparison and filters: remembered between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Choice {
    /// None until the data is known: then the month of the last order.
    pub sel: Option<Selection>,
    pub cmp: Comparison,
    pub filters: Filters,
}

/// What the tabs remember within a run.
#[derive(Default)]
pub struct Dashboard {
    /// The figures on screen; kept while the next ones are computed, so
    /// nothing jumps.
    pub shown: Option<(Query, Arc<Figures>)>,
    /// When the shown figures arrived (egui time), for the fade-in.
    pub arrived: f64,
    pub help: Option<Help>,
    pub rep_sort: reps::Sort,
    /// How many figures had their data before this session's last import,
    /// to say what it filled.
    pub filled_before: Option<usize>,
    /// The user closed the "what to import next" line.
    pub next_hidden: bool,
    /// The records or the bridge shown instead of a tab's cards.
    pub answer: Option<(Tab, Answer)>,
    pub product_sort: products::Sort,
    /// Cost prices typed in the product table and not yet saved, by
    /// product key (`store::products::key`).
    pub costs: std::collections::BTreeMap<String, products::Typed>,
    /// "Type the missing costs" was clicked: the table scrolls into view.
    pub scroll_to_products: bool,
}

/// The header of a table's column `column` that sorts the table by it: its
/// name, with an arrow when the table is `sorted` by it. Clicked: the column
/// and direction to sort by, the other way round when it already sorts; the
/// first column (names) from A, figures from the largest.
fn sort_header(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    id: &str,
    column: usize,
    sorted: Option<(usize, bool)>,
) -> Option<(usize, bool)> {
    let on = sorted.filter(|(c, _)| *c == column);
    let arrow = match on {
        Some((_, true)) => " ↓",
        Some((_, false)) => " ↑",
        None => "",
    };
    let header = ui
        .add(
            egui::Button::new(egui::RichText::new(format!("{}{arrow}", lang.tr(id))).strong())
                .frame(false),
        )
        .on_hover_text(lang.tr("reps-sort-tip"));
    let descending = match on {
        Some((_, descending)) => !descending,
        None => column != 0,
    };
    header.clicked().then_some((column, descending))
}

impl LarisApp {
    /// The query of the current choice, once the data is known.
    pub(super) fn query(&self) -> Option<Query> {
        let facts = self.session.worker.facts.as_ref()?.as_ref().ok()?;
        let sel = self.persisted.choice.sel.unwrap_or_else(|| {
            let day = facts
                .last_order
                .unwrap_or(self.config.today)
                .min(self.config.today);
            Selection::containing(PeriodKind::Month, day)
        });
        Some(Query {
            sel,
            cmp: self.persisted.choice.cmp,
            filters: self.persisted.choice.filters.clone(),
            today: self.config.today,
        })
    }

    /// Asks for the current figures and takes them when ready.
    pub(super) fn refresh_figures(&mut self) {
        let Some(q) = self.query() else {
            return;
        };
        if self.dash.shown.as_ref().is_some_and(|(s, _)| *s == q) {
            return;
        }
        if let Some(f) = self.session.worker.figures(&q) {
            self.dash.shown = Some((q, f));
            self.dash.arrived = self.now;
        }
    }
}

/// Why the data could not be read (a server gone, a file moved away),
/// instead of a spinner that would turn for ever; whether "Try again" was
/// clicked.
fn not_read(ui: &mut egui::Ui, lang: Lang, why: &str) -> bool {
    let mut again = false;
    ui.vertical_centered(|ui| {
        ui.add_space(theme::SPACE_L);
        theme::heading(ui, &lang.tr("figures-not-read"));
        ui.add_space(theme::SPACE_S);
        ui.label(why);
        ui.add_space(theme::SPACE_M);
        again = theme::primary_button(ui, &lang.tr("figures-try-again")).clicked();
    });
    again
}

/// A metric tab.
pub fn show(app: &mut LarisApp, ui: &mut egui::Ui, tab: Tab) {
    app.refresh_figures();
    let Some(query) = app.query() else {
        if let Some(Err(e)) = &app.session.worker.facts {
            if not_read(ui, app.lang, &e.message(app.lang)) {
                app.session.worker.reload();
            }
            return;
        }
        ui.centered_and_justified(|ui| {
            ui.spinner();
        });
        return;
    };
    if answer(app, ui, tab) {
        return;
    }
    period_bar::show(app, ui, &query);
    ui.add_space(theme::SPACE_S);
    next_import::show(app, ui);
    highlights::show(app, ui, tab);
    let Some((shown_query, figures)) = app.dash.shown.clone() else {
        ui.centered_and_justified(|ui| {
            ui.spinner();
        });
        return;
    };
    // Old figures stay, dimmed, until the new ones arrive; then fade in.
    let stale = shown_query != query;
    let fade = ui.ctx().animate_bool_with_time(
        egui::Id::unique(("fresh", app.dash.arrived.to_bits())),
        true,
        0.25,
    );
    let opacity = if stale { 0.45 } else { 0.35 + 0.65 * fade };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.multiply_opacity(opacity);
            if tab == Tab::Performance {
                products::missing_line(app, ui, &figures);
            }
            cards::grid(app, ui, tab, &figures, &shown_query);
            ui.add_space(theme::SPACE_M);
            chart_cards::grid(app, ui, tab, &figures, &shown_query);
            match tab {
                Tab::Performance => products::table(app, ui, &figures),
                Tab::Productivity => reps::table(app, ui, &figures),
                Tab::Activity => {}
            }
            ui.add_space(theme::SPACE_L);
        });
    help::window(app, ui.ctx());
}

/// The records or the bridge opened on this tab, if any, in place of its
/// cards; whether one was shown.
fn answer(app: &mut LarisApp, ui: &mut egui::Ui, tab: Tab) -> bool {
    if app.dash.answer.as_ref().is_some_and(|(t, _)| *t != tab) {
        app.dash.answer = None;
    }
    let (Some((_, answer)), Some(ds)) = (&mut app.dash.answer, app.session.worker.dataset.clone())
    else {
        return false;
    };
    let lang = app.lang;
    let db = app.session.db.clone();
    let asked = match answer {
        Answer::Records(view) => view.show(ui, lang, &ds, &db),
        Answer::Bridge(view) => view.show(ui, lang, &ds),
    };
    match asked {
        Some(Asked::Back) => app.dash.answer = None,
        Some(Asked::Export { name, set, dataset }) => {
            app.commands
                .push(Command::Export(super::exports::Export::RecordSet {
                    name,
                    set,
                    dataset,
                }))
        }
        None => {}
    }
    true
}

impl LarisApp {
    /// Opens the records behind `metric` for the figures on screen.
    pub(super) fn open_records(&mut self, tab: Tab, metric: &'static str) {
        self.open_pick(tab, Pick::new(metric, ""));
    }

    /// Opens the records of a part of the figures on screen: a chart's bar,
    /// a rep's figure in the per-rep table.
    pub(super) fn open_pick(&mut self, tab: Tab, pick: Pick) {
        let (Some((q, _)), Some(ds)) = (&self.dash.shown, &self.session.worker.dataset) else {
            return;
        };
        let view = RecordsView::open(pick, q.clone(), ds);
        self.dash.answer = Some((tab, Answer::Records(view)));
    }

    /// Opens the bridge of `metric`'s change, split `by` (or its first split).
    pub(super) fn open_bridge(&mut self, tab: Tab, metric: &str, by: Option<By>) {
        let (Some((q, _)), Some(ds)) = (&self.dash.shown, &self.session.worker.dataset) else {
            return;
        };
        if let Some(view) = BridgeView::open(metric, by, q.clone(), ds) {
            self.dash.answer = Some((tab, Answer::Bridge(view)));
        }
    }
}
