//! `laris records`: the records behind a figure, as a table, JSON or CSV.

use clap::Args;
use rusqlite::types::Value;
use serde_json::{Map, Value as Json, json};

use super::scope::{Scope, ScopeArgs};
use super::{Cli, CliError, CliResult};
use crate::format;
use crate::i18n::Lang;
use crate::metrics::major;
use crate::metrics::records::{
    Cell, Column, Record, RecordSet, Records, fetch, records, value_text,
};
use crate::store::pg::PgError;
use crate::store::{Database, FieldType};

#[derive(Debug, Args)]
pub struct RecordsArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// The figure whose records to list: a metric id of `laris report
    /// --json` (revenue, orders, new_customers, win_rate, ...).
    #[arg(long, value_name = "ID")]
    pub metric: String,
    /// Print one JSON object instead of a table.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the records as CSV (one header line, canonical field names).
    #[arg(long)]
    pub csv: bool,
}

/// One set with its records read from the database.
struct Listed {
    set: RecordSet,
    records: Vec<Record>,
}

pub fn run(cli: &Cli, args: &RecordsArgs) -> CliResult {
    let lang = cli.lang();
    let scope = args.scope.resolve(cli, lang)?;
    let found = records(&scope.dataset, &scope.query(), &args.metric)
        .map_err(|e| CliError::User(format!("laris: {}", e.message(lang))))?;
    // The records' stored fields, by row id, from where the figures came.
    let user = |e: PgError| CliError::User(format!("laris: {}", e.message(lang)));
    let mut from = Database::open_to_read(&scope.place).map_err(user)?;
    let mut list = |set: RecordSet| -> CliResult<Listed> {
        let range = 0..set.rows.len();
        let records = fetch(&mut from, &scope.dataset, &set, range).map_err(user)?;
        Ok(Listed { set, records })
    };
    let parts: Vec<(&str, Listed)> = match found {
        Records::Figure(set) => vec![("", list(set)?)],
        Records::Ratio {
            numerator,
            denominator,
        } => vec![
            ("numerator", list(numerator)?),
            ("denominator", list(denominator)?),
        ],
    };
    if args.json {
        let mut out = Map::new();
        out.insert("metric".into(), json!(args.metric));
        match parts.as_slice() {
            [("", one)] => out.extend(set_json(&scope, one)),
            _ => {
                for (name, part) in &parts {
                    out.insert((*name).into(), Json::Object(set_json(&scope, part)));
                }
            }
        }
        println!("{}", serde_json::to_string_pretty(&Json::Object(out))?);
    } else if args.csv {
        print!("{}", csv(&scope, &parts)?);
    } else {
        print!("{}", table(lang, &scope, &args.metric, &parts));
    }
    Ok(())
}

/// A stored value as JSON: money in major units, as the report writes it.
fn value_json(ty: FieldType, v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Integer(n) if ty == FieldType::Money => json!(major(i128::from(*n))),
        Value::Integer(n) => json!(n),
        Value::Real(x) => json!(x),
        Value::Text(t) => json!(t),
        Value::Blob(_) => Json::Null,
    }
}

/// What the set adds up for the record at `pos`, as JSON.
fn measure_json(scope: &Scope, set: &RecordSet, pos: usize) -> Json {
    match set.cell(&scope.dataset, pos, Column::Value) {
        Cell::Amount(a) => serde_json::to_value(a).unwrap_or(Json::Null),
        _ => Json::Null,
    }
}

fn set_json(scope: &Scope, l: &Listed) -> Map<String, Json> {
    let mut out = Map::new();
    out.insert("kind".into(), json!(l.set.kind));
    out.insert("measure".into(), json!(l.set.measure.field()));
    out.insert("count".into(), json!(l.set.count()));
    out.insert("sum".into(), json!(l.set.sum));
    let records: Vec<Json> = l
        .records
        .iter()
        .enumerate()
        .map(|(pos, r)| {
            let mut o = Map::new();
            o.insert("id".into(), json!(r.id));
            for (f, v) in &r.fields {
                o.insert(f.name.into(), value_json(f.ty, v));
            }
            if l.set.measure.field().is_some() {
                o.insert("value".into(), measure_json(scope, &l.set, pos));
            }
            Json::Object(o)
        })
        .collect();
    out.insert("records".into(), Json::Array(records));
    out
}

fn csv(scope: &Scope, parts: &[(&str, Listed)]) -> CliResult<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for (k, (name, l)) in parts.iter().enumerate() {
        let mut header: Vec<String> = Vec::new();
        if !name.is_empty() {
            header.push("part".into());
        }
        header.push("id".into());
        header.extend(
            l.set
                .kind
                .stored()
                .file_fields()
                .map(|f| f.name.to_string()),
        );
        if let Some(field) = l.set.measure.field() {
            header.push(format!("value_{field}"));
        }
        // A ratio's two parts are two kinds of record: one header each.
        if k == 0 || parts[k - 1].1.set.kind != l.set.kind {
            w.write_record(&header).map_err(anyhow::Error::from)?;
        }
        for (pos, r) in l.records.iter().enumerate() {
            let mut row: Vec<String> = Vec::new();
            if !name.is_empty() {
                row.push((*name).to_string());
            }
            row.push(r.id.to_string());
            for (f, v) in &r.fields {
                row.push(match value_json(f.ty, v) {
                    Json::Null => String::new(),
                    Json::String(s) => s,
                    other => other.to_string(),
                });
            }
            if l.set.measure.field().is_some() {
                row.push(match measure_json(scope, &l.set, pos) {
                    Json::Null => String::new(),
                    other => other.to_string(),
                });
            }
            w.write_record(&row).map_err(anyhow::Error::from)?;
        }
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn table(lang: Lang, scope: &Scope, metric: &str, parts: &[(&str, Listed)]) -> String {
    let currency = scope.dataset.currency.as_str();
    let mut out = format!(
        "{}\n",
        lang.tr_args(
            "records-title",
            &[
                ("metric", lang.tr(&format!("metric-{metric}")).into()),
                ("from", scope.selection.period.from.to_string().into()),
                ("to", scope.selection.period.to.to_string().into()),
            ],
        )
    );
    if let Some(only) = scope.filters.label(lang) {
        out.push_str(&only);
        out.push('\n');
    }
    for (name, l) in parts {
        out.push('\n');
        if !name.is_empty() {
            out.push_str(&lang.tr(&format!("records-{name}")));
            out.push('\n');
        }
        let fields: Vec<_> = l.set.kind.stored().file_fields().collect();
        let mut rows: Vec<Vec<String>> = vec![
            fields
                .iter()
                .map(|f| lang.tr(&format!("field-{}", f.name)))
                .collect(),
        ];
        rows.extend(l.records.iter().map(|r| {
            r.fields
                .iter()
                .map(|(f, v)| value_text(lang, currency, f.ty, v))
                .collect()
        }));
        let widths: Vec<usize> = (0..fields.len())
            .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
            .collect();
        for r in &rows {
            let line: Vec<String> = r
                .iter()
                .zip(&widths)
                .map(|(cell, &w)| format!("{cell:<w$}"))
                .collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
        }
        let count = format::count(lang, l.set.count() as i64);
        out.push_str(&match l.set.sum_text(lang, currency) {
            Some(sum) => lang.tr_args(
                "records-count-sum",
                &[("count", count.into()), ("sum", sum.into())],
            ),
            None => lang.tr_args("records-count", &[("count", count.into())]),
        });
        out.push('\n');
    }
    out
}
