//! KPI cards: the figure in the locale's format, its change against the
//! comparison period (coloured by what is good for that metric), a sparkline
//! and a help button; a card whose data is missing says what to import.

use egui::{FontId, RichText, Vec2};

use laris_core::format;
use laris_core::i18n::Lang;
use laris_core::metrics::catalog::{self, Better, Card, Tab, Unit};
use laris_core::metrics::dataset::Present;
use laris_core::metrics::explain::EXPLAINED;
use laris_core::metrics::figures::{Figures, Sparks};
use laris_core::metrics::projection::Projection;
use laris_core::metrics::records::METRICS_WITH_RECORDS;

use crate::{theme, widgets};

const CARD_HEIGHT: f32 = 128.0;
const CARD_MIN_WIDTH: f32 = 250.0;

/// The second, smaller figure some cards carry.
fn companion(id: &str) -> Option<&'static str> {
    match id {
        "avg_deal_cycle_days" => Some("median_deal_cycle_days"),
        "lead_response_hours" => Some("median_lead_response_hours"),
        "inquiry_response_hours" => Some("median_inquiry_response_hours"),
        "csat" => Some("csat_avg"),
        "opportunities" => Some("opportunity_value"),
        "target_attainment" => Some("revenue_target"),
        _ => None,
    }
}

/// What a card needs besides its figures; `interactive` is false for a
/// picture of the tab (no buttons).
pub struct CardCx {
    pub lang: Lang,
    pub present: Present,
    pub interactive: bool,
}

/// A card's button that was clicked.
pub enum Clicked {
    Help(&'static str),
    Import,
    /// The figure itself: the records behind it.
    Records(&'static str),
    /// "Why?": the bridge of its change.
    Explain(&'static str),
}

/// The cards of a tab in rows, as wide as `ui`.
pub fn draw(
    ui: &mut egui::Ui,
    cx: &CardCx,
    tab: Tab,
    figures: &Figures,
    sparks: Option<&Sparks>,
    filters: &laris_core::metrics::Filters,
) -> Option<Clicked> {
    let mut clicked = None;
    let cards = catalog::cards(tab);
    let spacing = theme::SPACE_M;
    let width = ui.available_width();
    let columns = (((width + spacing) / (CARD_MIN_WIDTH + spacing)).floor() as usize).clamp(1, 4);
    let card_width = (width - spacing * (columns as f32 - 1.0)) / columns as f32;
    for row in cards.chunks(columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = spacing;
            for card in row {
                let spark = sparks.and_then(|s| s.get(card.id));
                let (rect, _) = ui
                    .allocate_exact_size(Vec2::new(card_width, CARD_HEIGHT), egui::Sense::hover());
                ui.scope_builder(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                    |ui| {
                        if let Some(c) = one(
                            ui,
                            cx,
                            card,
                            figures,
                            spark.map(Vec::as_slice),
                            card_width,
                            filters,
                        ) {
                            clicked = Some(c);
                        }
                    },
                );
            }
        });
        ui.add_space(spacing);
    }
    clicked
}

fn one(
    ui: &mut egui::Ui,
    cx: &CardCx,
    card: &Card,
    figures: &Figures,
    spark: Option<&[Option<f64>]>,
    width: f32,
    filters: &laris_core::metrics::Filters,
) -> Option<Clicked> {
    let lang = cx.lang;
    let mut clicked = None;
    let currency = figures.report.currency.clone();
    theme::card_frame(ui).show(ui, |ui| {
        let inner = width - 2.0 * theme::SPACE_M - 2.0;
        ui.set_width(inner);
        ui.set_height(CARD_HEIGHT - 2.0 * theme::SPACE_M);
        let title = lang.tr(&format!("metric-{}", card.id));
        ui.horizontal(|ui| {
            // Long titles (Indonesian ones are) end in "…", never
            // push the help button out of the card.
            let room = ui.available_width() - 32.0;
            ui.scope(|ui| {
                ui.set_max_width(room);
                ui.add(
                    egui::Label::new(RichText::new(&title).size(theme::SIZE_CARD_TITLE).weak())
                        .truncate(),
                );
            });
            if !cx.interactive {
                return;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let help = ui.small_button("?").on_hover_text(lang.tr("help-title"));
                let label = lang.tr_args("help-button", &[("metric", title.clone().into())]);
                help.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if help.clicked() {
                    clicked = Some(Clicked::Help(card.id));
                }
            });
        });
        if let Some(missing) = card.needs.iter().find(|k| !cx.present.has(**k)) {
            ui.add_space(theme::SPACE_S);
            ui.add(
                egui::Label::new(
                    RichText::new(lang.tr(&format!("needs-{}", missing.table()))).weak(),
                )
                .wrap(),
            );
            if cx.interactive && ui.button(lang.tr("help-import-button")).clicked() {
                clicked = Some(Clicked::Import);
            }
            return;
        }
        let now = figures.now.get(card.id).copied().flatten();
        let then = figures.then.get(card.id).copied().flatten();
        // Profit left without some costs is higher than the truth: "≈",
        // and how much of the sales lacks a cost on hovering it.
        let uncosted = figures
            .cost_missing
            .filter(|m| m.products > 0 && catalog::needs_costs(card.id));
        ui.horizontal(|ui| {
            let mut room = inner * 0.62;
            if let Some(missing) = uncosted {
                let about = ui
                    .label(
                        RichText::new("≈")
                            .font(FontId::new(theme::SIZE_KPI, theme::semibold()))
                            .weak(),
                    )
                    .on_hover_text(missing.sentence(lang, &currency));
                room -= about.rect.width();
            }
            let shown = value(ui, lang, &currency, card.unit, now, room);
            if cx.interactive && now.is_some() && METRICS_WITH_RECORDS.contains(&card.id) {
                let open = shown
                    .interact(egui::Sense::click())
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .on_hover_text(lang.tr("card-records-tip"));
                if open.clicked() {
                    clicked = Some(Clicked::Records(card.id));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(values) = spark {
                    widgets::sparkline(
                        ui,
                        values,
                        Vec2::new((inner * 0.3).min(110.0), 34.0),
                        theme::accent(ui),
                    );
                }
            });
        });
        ui.horizontal(|ui| {
            change(ui, lang, card, now, then, &currency);
            let explained = EXPLAINED.iter().any(|(m, _)| *m == card.id);
            if cx.interactive && explained && card.unit.change(now, then).is_some() {
                let why = ui
                    .add(
                        egui::Button::new(
                            RichText::new(lang.tr("card-why")).size(theme::SIZE_SMALL),
                        )
                        .small()
                        .frame(false),
                    )
                    .on_hover_text(lang.tr("card-why-tip"));
                if why.clicked() {
                    clicked = Some(Clicked::Explain(card.id));
                }
            }
            if card.id == "revenue"
                && let Some(p) = &figures.projection
            {
                // Truncated rather than widening the card past its row.
                let text = lang.tr_args(
                    "card-projection",
                    &[(
                        "value",
                        format::money_short(lang, &currency, p.value).into(),
                    )],
                );
                ui.add(
                    egui::Label::new(RichText::new(text).size(theme::SIZE_SMALL).weak()).truncate(),
                )
                .on_hover_text(projection_tip(lang, &currency, p));
            }
            if catalog::mixes_filtered(card, filters) {
                ui.label(RichText::new("≈").size(theme::SIZE_SMALL + 1.0).weak())
                    .on_hover_text(lang.tr("card-mixed-filter"));
            }
            if let Some(second) = companion(card.id) {
                let v = figures.now.get(second).copied().flatten();
                let unit = if second == "revenue_target" || second == "opportunity_value" {
                    Unit::Money
                } else if second == "csat_avg" {
                    Unit::Number
                } else {
                    card.unit
                };
                ui.label(
                    RichText::new(lang.tr_args(
                        &format!("card-{second}"),
                        &[("value", unit.show(lang, &currency, v).into())],
                    ))
                    .size(theme::SIZE_SMALL)
                    .weak(),
                );
            }
        });
    });
    clicked
}

/// The projection's range and the chance of the target, for its tooltip.
fn projection_tip(lang: Lang, currency: &str, p: &Projection) -> String {
    let money = |v: f64| format::money(lang, currency, v);
    let mut tip = lang.tr_args(
        "card-projection-range",
        &[("low", money(p.low).into()), ("high", money(p.high).into())],
    );
    if let (Some(target), Some(chance)) = (p.target, p.chance) {
        tip.push('\n');
        tip.push_str(&lang.tr_args(
            "card-projection-chance",
            &[
                ("target", money(target).into()),
                (
                    "chance",
                    Unit::Rate.show(lang, currency, Some(chance)).into(),
                ),
            ],
        ));
    }
    tip
}

/// The figure: in full when it fits, else shortened, with the full form
/// in the tooltip and for screen readers.
fn value(
    ui: &mut egui::Ui,
    lang: Lang,
    currency: &str,
    unit: Unit,
    v: Option<f64>,
    room: f32,
) -> egui::Response {
    let full = unit.show(lang, currency, v);
    let font = FontId::new(theme::SIZE_KPI, theme::semibold());
    let color = ui.visuals().strong_text_color();
    let fits = ui
        .painter()
        .layout_no_wrap(full.clone(), font.clone(), color)
        .size()
        .x
        <= room;
    let text = match (fits, unit, v) {
        (false, Unit::Money, Some(v)) => format::money_short(lang, currency, v),
        _ => full.clone(),
    };
    let response = ui.label(RichText::new(text).font(font).color(color));
    let response = if v.is_none() {
        response.on_hover_text(lang.tr("help-no-value-zero"))
    } else {
        response.on_hover_text(&full)
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &full));
    response
}

/// The change against the comparison period: an arrow, a sign and the
/// percentage (points for rates), green or red when the change is good or
/// bad for this metric; the comparison figure in the tooltip.
fn change(
    ui: &mut egui::Ui,
    lang: Lang,
    card: &Card,
    now: Option<f64>,
    then: Option<f64>,
    currency: &str,
) {
    let Some(delta) = card.unit.change(now, then) else {
        ui.label(
            RichText::new(lang.tr("change-none"))
                .size(theme::SIZE_SMALL)
                .weak(),
        );
        return;
    };
    let (arrow, color) = if delta.abs() < 0.0005 {
        ("→", ui.visuals().weak_text_color())
    } else {
        let up = delta > 0.0;
        let good = match card.better {
            Better::Up => Some(up),
            Better::Down => Some(!up),
            Better::Neutral => None,
        };
        let color = match good {
            Some(true) => theme::GOOD,
            Some(false) => theme::BAD,
            None => ui.visuals().text_color(),
        };
        (if up { "↑" } else { "↓" }, color)
    };
    let previous = card.unit.show(lang, currency, then);
    ui.label(
        RichText::new(format!("{arrow} {}", card.unit.show_change(lang, delta)))
            .size(theme::SIZE_SMALL + 1.0)
            .color(color),
    )
    .on_hover_text(lang.tr_args("change-tip", &[("value", previous.into())]));
}
