//! The products sold in the period with their profit (issue 16), on the
//! Performance tab: the products without a cost price first, each with a
//! box to type its cost (HPP); the typed costs are stored as one batch,
//! which the Data tab can undo like an import.

use std::collections::BTreeMap;

use egui::{RichText, Vec2};

use super::super::app::LarisApp;
use super::super::command::Command;
use super::super::targets_tab::parse_cell;
use super::super::tasks::Job;
use crate::format;
use crate::metrics::catalog::Unit;
use crate::metrics::figures::Figures;
use crate::metrics::profit::ProductProfit;
use crate::store::products::{TypedCost, key};
use laris_view::theme;

/// The sortable columns after the product's name: message id and unit.
const COLUMNS: [(&str, Unit); 5] = [
    ("products-col-quantity", Unit::Number),
    ("products-col-revenue", Unit::Money),
    ("products-col-cogs", Unit::Money),
    ("products-col-profit", Unit::Money),
    ("products-col-margin", Unit::Rate),
];

/// How the table is sorted: none puts the products without a cost first,
/// then the best sellers; else a column (0 is the name) and its direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: Option<usize>,
    pub descending: bool,
}

/// A cost typed in the table, not yet saved.
#[derive(Clone, Debug)]
pub struct Typed {
    pub sku: Option<String>,
    pub product: String,
    pub text: String,
}

fn values(p: &ProductProfit) -> [Option<f64>; 5] {
    [
        Some(p.quantity),
        Some(p.revenue),
        p.has_cost.then_some(p.cogs),
        p.has_cost.then_some(p.gross_profit),
        p.gross_margin.filter(|_| p.has_cost),
    ]
}

fn sort(rows: &mut [&ProductProfit], by: Sort) {
    let Some(column) = by.column else {
        // The figures come by line value already; a stable sort keeps that.
        rows.sort_by_key(|p| p.has_cost);
        return;
    };
    rows.sort_by(|a, b| {
        let (a, b) = if by.descending { (b, a) } else { (a, b) };
        if column == 0 {
            a.product.to_lowercase().cmp(&b.product.to_lowercase())
        } else {
            // A figure a product does not have ranks below every other.
            let key = |p: &ProductProfit| values(p)[column - 1].unwrap_or(f64::NEG_INFINITY);
            key(a).total_cmp(&key(b))
        }
    });
}

/// The costs typed so far that read as money, ready to store; and how many
/// do not read.
fn typed_costs(typed: &BTreeMap<String, Typed>, decimal: char) -> (Vec<TypedCost>, usize) {
    let mut bad = 0;
    let costs = typed
        .values()
        .filter(|t| !t.text.trim().is_empty())
        .filter_map(|t| {
            let cost = parse_cell(&t.text, decimal);
            bad += usize::from(cost.is_none());
            Some(TypedCost {
                sku: t.sku.clone(),
                product: t.product.clone(),
                cost_minor: cost?,
            })
        })
        .collect();
    (costs, bad)
}

/// The line above the cards when some sales have no cost price: how much,
/// and a button to the table where the costs are typed.
pub fn missing_line(app: &mut LarisApp, ui: &mut egui::Ui, figures: &Figures) {
    let Some(missing) = figures.cost_missing.filter(|m| m.products > 0) else {
        return;
    };
    let lang = app.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(missing.sentence(lang, &figures.report.currency)).strong());
        if figures.products.is_some() && ui.button(lang.tr("products-type-costs")).clicked() {
            app.dash.scroll_to_products = true;
        }
    });
    ui.add_space(theme::SPACE_S);
}

pub fn table(app: &mut LarisApp, ui: &mut egui::Ui, figures: &Figures) {
    let Some(products) = &figures.products else {
        return;
    };
    let lang = app.lang;
    let currency = &figures.report.currency;
    let heading = theme::subheading(ui, &lang.tr("products-title"));
    if std::mem::take(&mut app.dash.scroll_to_products) {
        heading.scroll_to_me(Some(egui::Align::Min));
    }
    if products.is_empty() {
        ui.label(RichText::new(lang.tr("products-none")).weak());
        return;
    }
    ui.label(RichText::new(lang.tr("products-hint")).weak());
    let mut rows: Vec<&ProductProfit> = products.iter().collect();
    let current = app.dash.product_sort;
    sort(&mut rows, current);
    let decimal = format::decimal_sep(lang);
    egui::Grid::new("products")
        .striped(true)
        .min_col_width(70.0)
        .spacing(Vec2::new(theme::SPACE_L, theme::SPACE_S))
        .show(ui, |ui| {
            let headers =
                std::iter::once("products-col-product").chain(COLUMNS.iter().map(|c| c.0));
            for (i, id) in headers.enumerate() {
                let sorted = current.column.map(|c| (c, current.descending));
                if let Some((column, descending)) = super::sort_header(ui, lang, id, i, sorted) {
                    app.dash.product_sort = Sort {
                        column: Some(column),
                        descending,
                    };
                }
            }
            ui.strong(lang.tr("products-col-cost"));
            ui.end_row();
            for p in &rows {
                ui.label(&p.product);
                for ((_, unit), v) in COLUMNS.iter().zip(values(p)) {
                    let text = match (unit, v) {
                        (_, None) => "–".to_string(),
                        // Units sold: whole as a count, else to a hundredth.
                        (Unit::Number, Some(q)) if q.fract() == 0.0 => {
                            format::count(lang, q as i64)
                        }
                        (Unit::Number, Some(q)) => format::decimal(lang, q, 2),
                        _ => unit.show(lang, currency, v),
                    };
                    ui.label(text);
                }
                if p.has_cost {
                    ui.label("");
                } else {
                    cost_box(app, ui, p, decimal);
                }
                ui.end_row();
            }
        });
    let (costs, bad) = typed_costs(&app.dash.costs, decimal);
    ui.horizontal(|ui| {
        let label = lang.tr_args("products-save", &[("products", costs.len().into())]);
        let may = app.session.may_write();
        let save = ui.add_enabled(
            may && !costs.is_empty() && bad == 0,
            egui::Button::new(label),
        );
        if save.clicked() {
            app.commands.push(Command::Run(Job::SaveCosts {
                label: lang.tr("products-batch-name"),
                costs,
            }));
        }
        if !app.dash.costs.is_empty() && ui.button(lang.tr("targets-discard")).clicked() {
            app.dash.costs.clear();
        }
        if bad > 0 {
            ui.colored_label(
                theme::BAD,
                lang.tr_args("products-bad-cost", &[("count", bad.into())]),
            );
        }
    });
}

/// The box where a product's cost per unit is typed.
fn cost_box(app: &mut LarisApp, ui: &mut egui::Ui, p: &ProductProfit, decimal: char) {
    let lang = app.lang;
    let k = key(p.sku.as_deref(), &p.product);
    let mut text = app
        .dash
        .costs
        .get(&k)
        .map(|t| t.text.clone())
        .unwrap_or_default();
    let unreadable = !text.trim().is_empty() && parse_cell(&text, decimal).is_none();
    let mut edit = egui::TextEdit::singleline(&mut text).hint_text(lang.tr("products-cost-hint"));
    if unreadable {
        edit = edit.text_color(theme::BAD);
    }
    let response = ui.add_sized([130.0, ui.spacing().interact_size.y], edit);
    let name = lang.tr_args(
        "products-cost-of",
        &[("product", p.product.as_str().into())],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
    if response.changed() {
        app.dash.costs.insert(
            k,
            Typed {
                sku: p.sku.clone(),
                product: p.product.clone(),
                text,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(name: &str, revenue: f64, has_cost: bool) -> ProductProfit {
        ProductProfit {
            product: name.into(),
            sku: None,
            quantity: 1.0,
            revenue,
            cogs: if has_cost { revenue / 2.0 } else { 0.0 },
            gross_profit: if has_cost { revenue / 2.0 } else { revenue },
            gross_margin: Some(if has_cost { 0.5 } else { 1.0 }),
            has_cost,
        }
    }

    #[test]
    fn products_without_a_cost_come_first_then_by_a_column() {
        let all = [
            product("Kopi", 300.0, true),
            product("Gula", 200.0, false),
            product("Teh", 100.0, true),
            product("Susu", 50.0, false),
        ];
        let names = |by: Sort| {
            let mut rows: Vec<&ProductProfit> = all.iter().collect();
            sort(&mut rows, by);
            rows.iter().map(|p| p.product.as_str()).collect::<Vec<_>>()
        };
        assert_eq!(names(Sort::default()), ["Gula", "Susu", "Kopi", "Teh"]);
        let profit = Sort {
            column: Some(4),
            descending: true,
        };
        // A product without a cost has no profit to rank: last.
        assert_eq!(names(profit), ["Kopi", "Teh", "Gula", "Susu"]);
        let name = Sort {
            column: Some(0),
            descending: false,
        };
        assert_eq!(names(name), ["Gula", "Kopi", "Susu", "Teh"]);
    }

    #[test]
    fn typed_costs_read_in_the_locale_and_count_what_does_not_read() {
        let mut typed = BTreeMap::new();
        for (k, text) in [("a", "15.000"), ("b", ""), ("c", "lima ribu")] {
            typed.insert(
                k.to_string(),
                Typed {
                    sku: None,
                    product: k.to_uppercase(),
                    text: text.into(),
                },
            );
        }
        let (costs, bad) = typed_costs(&typed, ',');
        assert_eq!(costs.len(), 1);
        assert_eq!(costs[0].product, "A");
        assert_eq!(costs[0].cost_minor, 1_500_000);
        assert_eq!(bad, 1);
    }
}
