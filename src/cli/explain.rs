//! `laris explain`: what changed a figure against the comparison period,
//! split by channel, product, rep, source or customer type.

use clap::{Args, ValueEnum};

use super::scope::ScopeArgs;
use super::{Cli, CliError, CliResult};
use crate::format;
use crate::i18n::Lang;
use crate::metrics::explain::{self, Bridge, By, STEPS, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Channel,
    Product,
    Rep,
    Source,
    /// New customers, returning customers and orders without a customer.
    #[value(name = "customer_type")]
    CustomerType,
    /// The activity's type (for activities).
    Type,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// The figure: revenue, orders, aov, new_customers, leads, win_rate or
    /// activities.
    #[arg(long, value_name = "ID")]
    pub metric: String,
    /// What to split the change by.
    #[arg(long, value_enum)]
    pub by: ByArg,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(cli: &Cli, args: &ExplainArgs) -> CliResult {
    let lang = cli.lang();
    let scope = args.scope.resolve(cli, lang)?;
    let by = match args.by {
        ByArg::Channel => By::Channel,
        ByArg::Product => By::Product,
        ByArg::Rep => By::Rep,
        ByArg::Source => By::Source,
        ByArg::CustomerType => By::CustomerType,
        ByArg::Type => By::Type,
    };
    let bridge = explain::explain(&scope.dataset, &scope.query(), &args.metric, by, STEPS)
        .map_err(|e| CliError::User(format!("laris: {}", e.message(lang))))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&bridge.to_json())?);
    } else {
        let cmp = scope.selection.comparison(scope.compare, scope.today);
        let mut out = lang.tr_args(
            "explain-title",
            &[
                ("metric", lang.tr(&format!("metric-{}", args.metric)).into()),
                ("by", lang.tr(&format!("explain-by-{}", by.id())).into()),
                ("from", scope.selection.period.from.to_string().into()),
                ("to", scope.selection.period.to.to_string().into()),
                ("prev_from", cmp.from.to_string().into()),
                ("prev_to", cmp.to.to_string().into()),
            ],
        );
        out.push('\n');
        out.push_str(&table(lang, &scope.dataset.currency, &bridge));
        print!("{out}");
    }
    Ok(())
}

/// A bridge figure as the user reads it; a change with its sign.
fn show(lang: Lang, currency: &str, unit: Unit, units: Option<i128>, signed: bool) -> String {
    let Some(units) = units else {
        return lang.tr("report-no-value");
    };
    let x = unit.value(units);
    let text = match unit {
        Unit::Minor => format::money(lang, currency, x),
        Unit::Whole => format::count(lang, units as i64),
        // A change of a rate is in points (metrics.md).
        Unit::Millionths if signed => format!(
            "{} {}",
            format::decimal(lang, x * 100.0, 1),
            lang.tr("explain-points")
        ),
        Unit::Millionths => format::percent(lang, x),
    };
    if signed && units > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The bridge as lines: from the previous figure, each step, to the current.
pub fn table(lang: Lang, currency: &str, b: &Bridge) -> String {
    let u = b.unit;
    let mut rows: Vec<[String; 4]> = vec![[
        String::new(),
        lang.tr("report-col-previous"),
        lang.tr("report-col-value"),
        lang.tr("report-col-change"),
    ]];
    for s in &b.steps {
        rows.push([
            s.key.label(lang),
            show(lang, currency, u, s.previous, false),
            show(lang, currency, u, s.current, false),
            show(lang, currency, u, Some(s.change), true),
        ]);
    }
    rows.push([
        lang.tr("explain-total"),
        show(lang, currency, u, b.previous, false),
        show(lang, currency, u, b.current, false),
        b.change.map_or_else(
            || lang.tr("report-no-value"),
            |c| show(lang, currency, u, Some(c), true),
        ),
    ]);
    let w: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        let line = format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {:>w3$}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3]
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(s) = b.orders_size {
        out.push('\n');
        for (id, units) in [
            ("explain-more-orders", s.orders),
            ("explain-bigger-orders", s.size),
        ] {
            out.push_str(&lang.tr_args(
                id,
                &[("change", show(lang, currency, u, Some(units), true).into())],
            ));
            out.push('\n');
        }
    }
    out
}
