//! The highlights above a tab's cards: a few plain sentences, ranked by the
//! rules of docs/highlights.md, each opening its records or its bridge.

use egui::RichText;
use laris_view::theme;

use super::super::app::LarisApp;
use crate::metrics::catalog::Tab;
use crate::metrics::highlights::{Opens, for_tab};

pub fn show(app: &mut LarisApp, ui: &mut egui::Ui, tab: Tab) {
    let Some((_, figures)) = app.dash.shown.clone() else {
        return;
    };
    let lang = app.lang;
    let shown = for_tab(figures.highlights(lang), tab, lang);
    if shown.is_empty() {
        return;
    }
    let mut open = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(lang.tr("highlights-title")).strong());
        for h in &shown {
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                match &h.opens {
                    Opens::Nothing => {
                        ui.label(&h.text);
                    }
                    opens => {
                        let link = ui.link(&h.text).on_hover_text(lang.tr(match opens {
                            Opens::Bridge { .. } => "highlight-opens-bridge",
                            _ => "highlight-opens-records",
                        }));
                        if link.clicked() {
                            open = Some(opens.clone());
                        }
                    }
                }
            });
        }
    });
    ui.add_space(theme::SPACE_S);
    match open {
        Some(Opens::Bridge { metric, by }) => app.open_bridge(tab, metric, Some(by)),
        Some(Opens::Records { metric }) => app.open_records(tab, metric),
        _ => {}
    }
}
