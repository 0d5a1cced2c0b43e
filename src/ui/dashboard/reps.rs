//! The per-rep table of the Productivity tab: sortable by any column, with
//! a bar behind each rep's sales.

use std::collections::BTreeSet;

use egui::{RichText, Sense, Vec2};

use super::super::app::LarisApp;
use super::super::command::Command;
use crate::metrics::catalog::{Tab, Unit};
use crate::metrics::figures::Figures;
use crate::metrics::report::{ByRep, Metrics};
use laris_view::charts::Pick;
use laris_view::theme;

/// The columns after the rep's name: message id and unit.
const COLUMNS: [(&str, Unit); 8] = [
    ("reps-col-sales", Unit::Money),
    ("reps-col-deal-revenue", Unit::Money),
    ("reps-col-deal-size", Unit::Money),
    ("reps-col-win-rate", Unit::Rate),
    ("reps-col-cycle", Unit::Days),
    ("reps-col-lead-conversion", Unit::Rate),
    ("reps-col-clv", Unit::Money),
    ("reps-col-quota", Unit::Rate),
];

/// The records behind each column, for one rep: a quota's are the revenue
/// it is measured by.
const RECORDS_OF: [&str; 8] = [
    "revenue",
    "deals_won",
    "avg_deal_size",
    "win_rate",
    "avg_deal_cycle_days",
    "lead_conversion_rate",
    "clv",
    "revenue",
];

/// Which column sorts the table (0 is the rep's name), and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: 1,
            descending: true,
        }
    }
}

/// One rep's figures in the order of [`COLUMNS`].
pub struct RepRow {
    pub rep: String,
    pub values: [Option<f64>; 8],
}

/// Every rep the report names, with their figures.
pub fn rows(m: &Metrics, deal_sizes: Option<&ByRep>) -> Vec<RepRow> {
    let mut reps = BTreeSet::new();
    let by_rep = [
        m.win_rate_by_rep.as_ref(),
        m.avg_deal_cycle_days_by_rep.as_ref(),
        m.lead_conversion_rate_by_rep.as_ref(),
        m.clv_by_rep.as_ref(),
        m.quota_attainment.as_ref().map(|q| &q.by_rep),
        deal_sizes,
    ];
    for map in by_rep.iter().flatten() {
        reps.extend(map.keys().cloned());
    }
    if let Some(s) = &m.sales_per_rep {
        reps.extend(s.keys().cloned());
    }
    reps.into_iter()
        .map(|rep| {
            let sales = m.sales_per_rep.as_ref().and_then(|s| s.get(&rep));
            let get = |i: usize| by_rep[i].and_then(|map| map.get(&rep).copied().flatten());
            RepRow {
                values: [
                    sales.map(|s| s.revenue),
                    sales.map(|s| s.deal_revenue),
                    get(5),
                    get(0),
                    get(1),
                    get(2),
                    get(3),
                    get(4),
                ],
                rep,
            }
        })
        .collect()
}

pub fn sort(rows: &mut [RepRow], sort: Sort) {
    rows.sort_by(|a, b| {
        let order = if sort.column == 0 {
            a.rep.to_lowercase().cmp(&b.rep.to_lowercase())
        } else {
            let i = sort.column - 1;
            // A rep without the figure sorts last either way.
            match (a.values[i], b.values[i]) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Greater,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (None, None) => std::cmp::Ordering::Equal,
            }
        };
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
}

/// The table as shown, for a spreadsheet: money exact, rates as fractions.
fn as_table(lang: crate::i18n::Lang, rows: &[RepRow]) -> crate::export::table::Table {
    use crate::export::table::{Cell, Table};
    let headers = std::iter::once("reps-col-rep")
        .chain(COLUMNS.iter().map(|(id, _)| *id))
        .map(|id| lang.tr(id))
        .collect();
    let cell = |unit: Unit, v: Option<f64>| match (unit, v) {
        (_, None) => Cell::Empty,
        (Unit::Money, Some(v)) => Cell::Money {
            minor: (v * 100.0).round() as i128,
        },
        (Unit::Rate, Some(v)) => Cell::Rate(v),
        (_, Some(v)) => Cell::Number(v),
    };
    Table {
        headers,
        rows: rows
            .iter()
            .map(|r| {
                std::iter::once(Cell::Text(r.rep.clone()))
                    .chain(COLUMNS.iter().zip(r.values).map(|((_, u), v)| cell(*u, v)))
                    .collect()
            })
            .collect(),
    }
}

pub fn table(app: &mut LarisApp, ui: &mut egui::Ui, figures: &Figures) {
    let lang = app.lang;
    let currency = &figures.report.currency;
    let mut rows = rows(&figures.report.metrics, figures.deal_size_by_rep.as_ref());
    if rows.is_empty() {
        theme::subheading(ui, &lang.tr("reps-title"));
        ui.label(RichText::new(lang.tr("reps-none")).weak());
        return;
    }
    let current = app.dash.rep_sort;
    sort(&mut rows, current);
    ui.horizontal(|ui| {
        theme::subheading(ui, &lang.tr("reps-title"));
        if ui.button(lang.tr("reps-export")).clicked() {
            let what = super::super::exports::Export::Table {
                name: lang.tr("reps-title"),
                table: as_table(lang, &rows),
            };
            app.commands.push(Command::Export(what));
        }
    });
    let max_sales = rows.iter().filter_map(|r| r.values[0]).fold(0.0, f64::max);
    let accent = theme::accent(ui);
    let mut clicked: Option<(&'static str, String)> = None;
    egui::Grid::new("reps")
        .striped(true)
        .min_col_width(70.0)
        .spacing(Vec2::new(theme::SPACE_L, theme::SPACE_S))
        .show(ui, |ui| {
            let headers = std::iter::once("reps-col-rep").chain(COLUMNS.iter().map(|(id, _)| *id));
            for (i, id) in headers.enumerate() {
                let sorted = Some((current.column, current.descending));
                if let Some((column, descending)) = super::sort_header(ui, lang, id, i, sorted) {
                    app.dash.rep_sort = Sort { column, descending };
                }
            }
            ui.end_row();
            for row in &rows {
                ui.label(&row.rep);
                let mut open = |response: egui::Response, i: usize| {
                    let response = response
                        .on_hover_cursor(egui::CursorIcon::PointingHand)
                        .on_hover_text(lang.tr("card-records-tip"));
                    if response.clicked() {
                        clicked = Some((RECORDS_OF[i], row.rep.clone()));
                    }
                };
                for (i, ((_, unit), v)) in COLUMNS.iter().zip(row.values).enumerate() {
                    let text = unit.show(lang, currency, v);
                    if i == 0 {
                        // Sales with a bar scaled to the best rep.
                        let share = v.filter(|_| max_sales > 0.0).map_or(0.0, |v| v / max_sales);
                        let (rect, _) =
                            ui.allocate_exact_size(Vec2::new(200.0, 20.0), Sense::hover());
                        let bar = egui::Rect::from_min_size(
                            rect.min,
                            Vec2::new(rect.width() * share.clamp(0.0, 1.0) as f32, rect.height()),
                        );
                        ui.painter()
                            .rect_filled(bar, 3.0, accent.gamma_multiply(0.25));
                        ui.painter().text(
                            rect.left_center() + Vec2::new(4.0, 0.0),
                            egui::Align2::LEFT_CENTER,
                            &text,
                            egui::FontId::proportional(theme::SIZE_BODY),
                            ui.visuals().text_color(),
                        );
                        let response = ui
                            .interact(
                                rect,
                                ui.scope_id().with(("sales", &row.rep)),
                                Sense::click(),
                            )
                            .on_hover_text(lang.tr("card-records-tip"));
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &text)
                        });
                        if v.is_some() {
                            open(response, i);
                        }
                    } else if v.is_some() {
                        open(ui.add(egui::Label::new(text).sense(Sense::click())), i);
                    } else {
                        ui.label(text);
                    }
                }
                ui.end_row();
            }
        });
    if let Some((metric, rep)) = clicked {
        let pick = Pick::new(metric, &rep).only(|f| f.rep = Some(rep.clone()));
        app.open_pick(Tab::Productivity, pick);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::report::{Quota, RepSales};

    #[test]
    fn reps_from_every_breakdown_sorted_with_gaps_last() {
        let m = Metrics {
            sales_per_rep: Some(
                [
                    (
                        "Sari".to_string(),
                        RepSales {
                            revenue: 500.0,
                            deal_revenue: 0.0,
                        },
                    ),
                    (
                        "Budi".to_string(),
                        RepSales {
                            revenue: 900.0,
                            deal_revenue: 10.0,
                        },
                    ),
                ]
                .into(),
            ),
            quota_attainment: Some(Quota {
                by_rep: [("Andi".to_string(), Some(0.5))].into(),
                reps_at_quota: 0,
            }),
            ..Metrics::default()
        };
        let sizes: ByRep = [("Budi".to_string(), Some(120.0))].into();
        let mut rows = rows(&m, Some(&sizes));
        assert_eq!(rows.len(), 3, "Andi has a quota but no sales");
        sort(&mut rows, Sort::default());
        let names: Vec<&str> = rows.iter().map(|r| r.rep.as_str()).collect();
        assert_eq!(names, ["Budi", "Sari", "Andi"]);
        sort(
            &mut rows,
            Sort {
                column: 8,
                descending: true,
            },
        );
        assert_eq!(rows[0].rep, "Andi");
        assert_eq!(rows[0].values[7], Some(0.5));
        let budi = rows.iter().find(|r| r.rep == "Budi").unwrap();
        assert_eq!(budi.values[2], Some(120.0));
        sort(
            &mut rows,
            Sort {
                column: 0,
                descending: false,
            },
        );
        assert_eq!(rows[0].rep, "Andi");
    }
}
