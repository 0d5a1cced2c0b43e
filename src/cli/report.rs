//! `laris report`: every metric for a period, as a table or as JSON.

use std::collections::BTreeMap;

/// A breakdown's value longer than this is a sentence: it runs on after
/// its name instead of in the value column.
const SPAN: usize = 40;

use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::scope::ScopeArgs;
use super::{Cli, CliResult};
use crate::format;
use crate::i18n::Lang;
use crate::metrics::catalog::{Unit, scalar_map};
use crate::metrics::highlights::{Highlight, PER_TAB, highlights};
use crate::metrics::profit::{CostMissing, cost_missing};
use crate::metrics::projection::{Projection, revenue_projection};
use crate::metrics::report::Metrics;
use crate::metrics::{DayRange, Filters, Report, View};
use Unit::{Count, Days, Hours, Money, Number, Rate};

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Print one JSON object (the report contract) instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(cli: &Cli, args: &ReportArgs) -> CliResult {
    let lang = cli.lang();
    let scope = args.scope.resolve(cli, lang)?;
    let report = scope.report();
    let mut highlights = highlights(&scope.dataset, &scope.query(), &report, lang);
    // One report for all tabs: the sentences that matter most of any tab.
    highlights.truncate(PER_TAB);
    let projection = revenue_projection(&scope.dataset, &scope.query());
    if args.json {
        let out = Out {
            report: &report,
            highlights: &highlights,
            revenue_projection: projection,
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        let mut text = format!("{}\n", lang.tr("report-highlights"));
        for h in &highlights {
            text.push_str(&format!("  - {}\n", h.text));
        }
        if let Some(p) = projection {
            text.push_str(&format!("\n{}\n", p.sentence(lang, &report.currency)));
        }
        text.push('\n');
        let view = View::new(&scope.dataset, &scope.filters);
        let missing = cost_missing(&view, DayRange::of(scope.selection.period));
        text.push_str(&table(lang, &report, &scope.filters, missing));
        print!("{text}");
    }
    Ok(())
}

/// The report contract with the sentences that open it.
#[derive(Serialize)]
struct Out<'a> {
    #[serde(flatten)]
    report: &'a Report,
    highlights: &'a [Highlight],
    /// Null unless the period is a month, quarter or year containing today.
    revenue_projection: Option<Projection>,
}

const PERFORMANCE: &[(&str, Unit)] = &[
    ("revenue", Money),
    ("orders", Count),
    ("aov", Money),
    ("sales_growth", Rate),
    ("revenue_target", Money),
    ("target_attainment", Rate),
    ("goal_attainment", Number),
    ("quota_attainment", Rate),
    ("new_customers", Count),
    ("active_customers", Count),
    ("retention_rate", Rate),
    ("churn_rate", Rate),
    ("subscription_churn", Rate),
    ("mrr", Money),
    ("mrr_growth", Rate),
    ("clv", Money),
    ("cac", Money),
    ("clv_cac_ratio", Number),
    ("leads", Count),
    ("lead_conversion_rate", Rate),
    ("opportunities", Count),
    ("opportunity_value", Money),
    ("win_rate", Rate),
    ("avg_deal_cycle_days", Days),
    ("median_deal_cycle_days", Days),
    ("funnel", Count),
    ("csat", Rate),
    ("csat_avg", Number),
];

const ACTIVITY: &[(&str, Unit)] = &[
    ("activities", Count),
    ("calls_emails", Count),
    ("meetings", Count),
    ("follow_ups", Count),
    ("proposals", Count),
    ("demos", Count),
    ("networking_events", Count),
    ("time_on_activities_hours", Hours),
    ("lead_response_hours", Hours),
    ("median_lead_response_hours", Hours),
    ("social_engagement", Count),
    ("referrals", Count),
    ("conversion_by_source", Rate),
    ("inquiry_response_hours", Hours),
    ("median_inquiry_response_hours", Hours),
    ("activity_ratio", Number),
    ("upsell_cross_sell_rate", Rate),
];

const PRODUCTIVITY: &[(&str, Unit)] = &[
    ("sales_per_rep", Money),
    ("avg_deal_size", Money),
    ("revenue_by_channel", Money),
    ("top_products", Money),
    ("pipeline_value", Money),
    ("weighted_pipeline", Money),
    ("win_rate_by_rep", Rate),
    ("avg_deal_cycle_days_by_rep", Days),
    ("lead_conversion_rate_by_rep", Rate),
    ("clv_by_rep", Money),
];

const PROFIT: &[(&str, Unit)] = &[
    ("refund_amount", Money),
    ("refund_rate", Rate),
    ("cogs", Money),
    ("cost_coverage", Rate),
    ("gross_profit", Money),
    ("gross_margin", Rate),
    ("marketplace_fees", Money),
    ("fee_rate", Rate),
    ("net_profit", Money),
    ("profit_by_channel", Money),
    ("profit_by_product", Money),
];

struct Fmt<'a> {
    lang: Lang,
    currency: &'a str,
}

impl Fmt<'_> {
    fn value(&self, unit: Unit, v: Option<f64>) -> String {
        unit.show(self.lang, self.currency, v)
    }
}

/// One line of the table: label, value, previous value, change.
type Row = [String; 4];

/// The sub-rows of a breakdown metric, already formatted; None when the
/// metric is not a breakdown.
fn breakdown_rows(f: &Fmt<'_>, m: &Metrics, id: &str, unit: Unit) -> Option<Vec<(String, String)>> {
    let lang = f.lang;
    let map = |by: &BTreeMap<String, Option<f64>>| -> Vec<(String, String)> {
        by.iter()
            .map(|(k, v)| (k.clone(), f.value(unit, *v)))
            .collect()
    };
    let some = |v: f64| Some(v);
    let rows = match id {
        "activities" => m.activities.as_ref().map(|b| {
            let mut rows = vec![(String::new(), f.value(unit, some(b.total as f64)))];
            rows.extend(
                b.by_type
                    .iter()
                    .map(|(k, v)| (lang.activity_type(k), f.value(unit, some(*v as f64)))),
            );
            rows.push((lang.tr("report-by-rep"), String::new()));
            rows.extend(
                b.by_rep
                    .iter()
                    .map(|(k, v)| (k.clone(), f.value(unit, some(*v as f64)))),
            );
            rows
        }),
        "time_on_activities_hours" => m.time_on_activities_hours.as_ref().map(|b| {
            let mut rows = vec![(String::new(), f.value(unit, some(b.total)))];
            rows.extend(
                b.by_type
                    .iter()
                    .map(|(k, v)| (lang.activity_type(k), f.value(unit, some(*v)))),
            );
            rows.push((lang.tr("report-by-rep"), String::new()));
            rows.extend(
                b.by_rep
                    .iter()
                    .map(|(k, v)| (k.clone(), f.value(unit, some(*v)))),
            );
            rows
        }),
        "funnel" => m.funnel.as_ref().map(|steps| {
            steps
                .iter()
                .map(|s| {
                    (
                        s.stage.clone(),
                        format!(
                            "{} ({})",
                            f.value(Count, some(s.reached as f64)),
                            f.value(Rate, s.leakage)
                        ),
                    )
                })
                .collect()
        }),
        "goal_attainment" => m.goal_attainment.as_ref().map(|goals| {
            goals
                .iter()
                .map(|(metric, g)| {
                    let u = if metric == "revenue" { Money } else { Number };
                    (
                        lang.tr(&format!("metric-{metric}")),
                        format!(
                            "{} / {} ({})",
                            f.value(u, some(g.actual)),
                            f.value(u, some(g.target)),
                            f.value(Rate, g.attainment)
                        ),
                    )
                })
                .collect()
        }),
        "quota_attainment" => m.quota_attainment.as_ref().map(|q| {
            let mut rows = map(&q.by_rep);
            rows.push((
                lang.tr("metric-reps_at_quota"),
                f.value(Count, some(q.reps_at_quota as f64)),
            ));
            rows
        }),
        "conversion_by_source" => m.conversion_by_source.as_ref().map(|by| {
            by.iter()
                .map(|(k, c)| {
                    (
                        k.clone(),
                        format!(
                            "{} ({} {})",
                            f.value(Rate, c.rate),
                            f.value(Count, some(c.leads as f64)),
                            lang.tr("metric-leads").to_lowercase()
                        ),
                    )
                })
                .collect()
        }),
        "sales_per_rep" => m.sales_per_rep.as_ref().map(|by| {
            by.iter()
                .map(|(k, s)| {
                    (
                        k.clone(),
                        format!(
                            "{}, {}",
                            f.value(Money, some(s.revenue)),
                            f.value(Money, some(s.deal_revenue))
                        ),
                    )
                })
                .collect()
        }),
        "revenue_by_channel" => m.revenue_by_channel.as_ref().map(|by| {
            by.iter()
                .map(|(k, v)| (k.clone(), f.value(Money, some(*v))))
                .collect()
        }),
        "top_products" => m.top_products.as_ref().map(|ps| {
            ps.iter()
                .map(|p| {
                    (
                        p.product.clone(),
                        format!(
                            "{} ({})",
                            f.value(Money, some(p.revenue)),
                            format::decimal(lang, p.quantity, 0)
                        ),
                    )
                })
                .collect()
        }),
        "profit_by_channel" => m.profit_by_channel.as_ref().map(|by| {
            by.iter()
                .map(|(k, c)| {
                    let text = lang.tr_args(
                        "report-profit-channel",
                        &[
                            ("revenue", f.value(Money, some(c.revenue)).into()),
                            ("cogs", f.value(Money, c.cogs).into()),
                            ("fees", f.value(Money, c.marketplace_fees).into()),
                            ("gross", f.value(Money, c.gross_profit).into()),
                        ],
                    );
                    (k.clone(), text)
                })
                .collect()
        }),
        "profit_by_product" => m.profit_by_product.as_ref().map(|ps| {
            ps.iter()
                .map(|p| {
                    let mut text = lang.tr_args(
                        "report-profit-product",
                        &[
                            ("revenue", f.value(Money, some(p.revenue)).into()),
                            ("gross", f.value(Money, some(p.gross_profit)).into()),
                            ("margin", f.value(Rate, p.gross_margin).into()),
                        ],
                    );
                    if !p.has_cost {
                        text = format!("≈ {text}, {}", lang.tr("report-profit-no-cost"));
                    }
                    (p.product.clone(), text)
                })
                .collect()
        }),
        "win_rate_by_rep" => m.win_rate_by_rep.as_ref().map(map),
        "avg_deal_cycle_days_by_rep" => m.avg_deal_cycle_days_by_rep.as_ref().map(map),
        "lead_conversion_rate_by_rep" => m.lead_conversion_rate_by_rep.as_ref().map(map),
        "clv_by_rep" => m.clv_by_rep.as_ref().map(map),
        _ => return None,
    };
    // A breakdown of a kind never imported shows as one empty figure.
    Some(rows.unwrap_or_else(|| vec![(String::new(), lang.tr("report-no-value"))]))
}

/// The report as a table in the user's language and money format; the
/// sales without a cost price, when some have none, under the profit.
pub fn table(
    lang: Lang,
    report: &Report,
    filters: &Filters,
    cost_missing: Option<CostMissing>,
) -> String {
    let f = Fmt {
        lang,
        currency: &report.currency,
    };
    let now = scalar_map(&report.metrics.scalars);
    let then = scalar_map(&report.previous);
    let uncosted = cost_missing.is_some_and(|m| m.products > 0);
    let mut out = String::new();
    let date = |d: NaiveDate| format::date(lang, d);
    out.push_str(&lang.tr_args(
        "report-title",
        &[
            ("from", date(report.from).into()),
            ("to", date(report.to).into()),
        ],
    ));
    out.push('\n');
    out.push_str(&lang.tr_args(
        "report-compared",
        &[
            ("from", date(report.prev_from).into()),
            ("to", date(report.prev_to).into()),
        ],
    ));
    out.push('\n');
    if let Some(only) = filters.label(lang) {
        out.push_str(&only);
        out.push('\n');
    }
    let mut rows: Vec<Row> = Vec::new();
    let header = [
        lang.tr("report-col-metric"),
        lang.tr("report-col-value"),
        lang.tr("report-col-previous"),
        lang.tr("report-col-change"),
    ];
    for (section, ids) in [
        ("report-section-performance", PERFORMANCE),
        ("report-section-activity", ACTIVITY),
        ("report-section-productivity", PRODUCTIVITY),
        ("report-section-profit", PROFIT),
    ] {
        rows.push([String::new(), String::new(), String::new(), String::new()]);
        rows.push([
            lang.tr(section),
            String::new(),
            String::new(),
            String::new(),
        ]);
        for &(id, unit) in ids {
            let label = lang.tr(&format!("metric-{id}"));
            // As on the card: a profit left without some costs is "≈".
            let label = if uncosted && crate::metrics::catalog::needs_costs(id) {
                format!("≈ {label}")
            } else {
                label
            };
            if let Some(sub) = breakdown_rows(&f, &report.metrics, id, unit) {
                let mut sub = sub.into_iter().peekable();
                // A breakdown with a total shows it on the metric's own line.
                let value = sub
                    .next_if(|(k, _)| k.is_empty())
                    .map(|(_, v)| v)
                    .unwrap_or_default();
                rows.push([format!("  {label}"), value, String::new(), String::new()]);
                for (k, v) in sub {
                    rows.push([format!("      {k}"), v, String::new(), String::new()]);
                }
                continue;
            }
            let (a, b) = (
                now.get(id).copied().flatten(),
                then.get(id).copied().flatten(),
            );
            let delta = unit.change(a, b).map(|c| unit.show_change(lang, c));
            rows.push([
                format!("  {label}"),
                f.value(unit, a),
                f.value(unit, b),
                delta.unwrap_or_default(),
            ]);
        }
    }
    // A breakdown's line that is a sentence ("Rp 144.000 omzet, HPP ...")
    // runs on after its name rather than widening every column.
    let spans = |r: &Row| r[2].is_empty() && r[3].is_empty() && r[1].chars().count() > SPAN;
    let width = |k: usize| {
        rows.iter()
            .chain(std::iter::once(&header))
            .filter(|r| !spans(r))
            .map(|r| r[k].chars().count())
            .max()
            .unwrap_or(0)
    };
    let w = [width(0), width(1), width(2), width(3)];
    let line = |r: &Row| {
        if spans(r) {
            return format!("{}  {}", r[0], r[1]);
        }
        format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {:>w3$}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3]
        )
        .trim_end()
        .to_string()
    };
    out.push('\n');
    out.push_str(&line(&header));
    out.push('\n');
    for r in rows.iter().skip(1) {
        out.push_str(&line(r));
        out.push('\n');
    }
    if let Some(missing) = cost_missing.filter(|m| m.products > 0) {
        out.push('\n');
        out.push_str(&missing.sentence(lang, &report.currency));
        out.push('\n');
    }
    out
}
