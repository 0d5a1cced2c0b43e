//! The dashboard's KPI cards: drawn by [`laris_view::cards`], their buttons
//! answered here.

use laris_view::cards::{self, CardCx, Clicked};

use super::super::app::LarisApp;
use super::super::command::Command;
use super::Help;
use crate::metrics::catalog::Tab;
use crate::metrics::figures::{Figures, Query};

pub fn grid(app: &mut LarisApp, ui: &mut egui::Ui, tab: Tab, figures: &Figures, q: &Query) {
    let cx = CardCx {
        lang: app.lang,
        present: app.session.worker.present(),
        interactive: true,
    };
    let sparks = app.session.worker.sparks(q);
    match cards::draw(ui, &cx, tab, figures, sparks.as_deref(), &q.filters) {
        Some(Clicked::Help(id)) => app.dash.help = Some(Help::Metric(id)),
        Some(Clicked::Import) => app.commands.push(Command::ImportFiles),
        Some(Clicked::Records(metric)) => app.open_records(tab, metric),
        Some(Clicked::Explain(metric)) => app.open_bridge(tab, metric, None),
        None => {}
    }
}
