//! What is stored: per kind, how many records and which dates they span.

use rusqlite::Connection;
use rusqlite::types::Value;
use serde::Serialize;

use super::{Kind, Result};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindSummary {
    pub kind: Kind,
    pub count: u64,
    /// The first and last date (date part only), where the kind has dates.
    pub first: Option<String>,
    pub last: Option<String>,
}

/// Whether the database holds no record of any kind: one row looked up per
/// kind, where counting them reads every table.
pub fn holds_nothing(conn: &Connection) -> Result<bool> {
    for kind in Kind::ALL {
        let any: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {})", kind.table()),
            [],
            |r| r.get(0),
        )?;
        if any {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn summary(conn: &Connection) -> Result<Vec<KindSummary>> {
    summary_with(&mut |sql| {
        conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(super::StoreError::from)
    })
}

/// A kind's summary row: its count, first and last date.
type SummaryRow = (Value, Value, Value);

/// [`summary`] with each kind's statement run by `query` (the same SQL on
/// SQLite and PostgreSQL), which returns its one row: the count, the first
/// and the last date.
pub fn summary_with<E>(
    query: &mut dyn FnMut(&str) -> std::result::Result<SummaryRow, E>,
) -> std::result::Result<Vec<KindSummary>, E> {
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let table = kind.table();
            let sql = match kind.date_column() {
                // Target periods mix years, quarters and months: show years.
                Some(col) => format!(
                    "SELECT count(*), substr(min({col}), 1, {len}), substr(max({col}), 1, {len}) FROM {table}",
                    len = if kind == Kind::Targets { 4 } else { 10 }
                ),
                None => format!("SELECT count(*), NULL, NULL FROM {table}"),
            };
            let (count, first, last) = query(&sql)?;
            let text = |v: Value| match v {
                Value::Text(t) => Some(t),
                _ => None,
            };
            Ok(KindSummary {
                kind,
                count: match count {
                    Value::Integer(n) => n.unsigned_abs(),
                    _ => 0,
                },
                first: text(first),
                last: text(last),
            })
        })
        .collect()
}

/// Whether the database holds no records at all (the welcome screen shows then).
pub fn is_empty(summary: &[KindSummary]) -> bool {
    summary.iter().all(|k| k.count == 0)
}

/// Everything the Data tab shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Overview {
    pub kinds: Vec<KindSummary>,
    pub batches: Vec<super::batches::Batch>,
    /// The names of the saved import mappings.
    pub presets: Vec<String>,
    /// The currency the database keeps its amounts in, once settled (it has
    /// records, or the user chose one): a file in another is converted.
    pub currency: Option<String>,
}

impl Overview {
    pub fn load(conn: &Connection) -> Result<Overview> {
        let kinds = summary(conn)?;
        let settings = super::settings::load(conn)?;
        Ok(Overview::of(
            kinds,
            &settings,
            super::batches::list(conn)?,
            super::settings::preset_names(conn)?,
        ))
    }

    pub fn of(
        kinds: Vec<KindSummary>,
        settings: &super::settings::Settings,
        batches: Vec<super::batches::Batch>,
        presets: Vec<String>,
    ) -> Overview {
        let settled = settings.currency_chosen || !is_empty(&kinds);
        Overview {
            currency: settled.then(|| settings.currency.clone()),
            kinds,
            batches,
            presets,
        }
    }

    pub fn is_empty(&self) -> bool {
        is_empty(&self.kinds)
    }

    pub fn count(&self, kind: Kind) -> u64 {
        self.kinds
            .iter()
            .find(|k| k.kind == kind)
            .map_or(0, |k| k.count)
    }
}
