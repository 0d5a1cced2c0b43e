//! Above the cards, while some of them wait for data: what the last import
//! filled, and the one kind of file to import next, with the button.

use laris_view::theme;

use super::super::app::LarisApp;
use super::super::command::Command;
use crate::metrics::catalog::{filled, next_imports};

pub fn show(app: &mut LarisApp, ui: &mut egui::Ui) {
    // Nothing to suggest to a user who cannot import.
    if !app.session.may_write() {
        return;
    }
    if app.dash.next_hidden {
        return;
    }
    let present = app.session.worker.present();
    let Some(next) = next_imports(&present).into_iter().next() else {
        return;
    };
    let lang = app.lang;
    let mut text = String::new();
    let now = filled(&present);
    if let Some(before) = app.dash.filled_before
        && now > before
    {
        text.push_str(&lang.tr_args("next-filled", &[("count", (now - before).into())]));
        text.push(' ');
    }
    let card = lang.tr(&format!("metric-{}", next.cards[0]));
    text.push_str(
        &lang.tr_args(
            "next-import",
            &[
                (
                    "what",
                    lang.tr(&format!("import-what-{}", next.kind.table()))
                        .into(),
                ),
                ("card", card.into()),
                ("more", (next.cards.len() - 1).into()),
            ],
        ),
    );
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(text);
            let import = Command::ImportFiles;
            let tip = import.tooltip_id().unwrap_or_default();
            if theme::secondary_button(ui, &lang.tr("next-import-button"))
                .on_hover_text(lang.tr(tip))
                .clicked()
            {
                app.commands.push(import);
            }
            if ui.button(lang.tr("next-hide")).clicked() {
                app.dash.next_hidden = true;
            }
        });
    });
    ui.add_space(theme::SPACE_S);
}
