//! What is stored: per kind, how many records and which dates they span.

use rusqlite::Connection;
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
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let table = kind.table();
            let (count, first, last) = match kind.date_column() {
                Some(col) => conn.query_row(
                    // Target periods mix years, quarters and months: show years.
                    &format!("SELECT count(*), substr(min({col}), 1, {len}), substr(max({col}), 1, {len}) FROM {table}", len = if kind == Kind::Targets { 4 } else { 10 }),
                    [],
                    |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)),
                )?,
                None => (
                    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?,
                    None,
                    None,
                ),
            };
            Ok(KindSummary {
                kind,
                count: count as u64,
                first,
                last,
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
        let settled = settings.currency_chosen || !is_empty(&kinds);
        Ok(Overview {
            currency: settled.then_some(settings.currency),
            kinds,
            batches: super::batches::list(conn)?,
            presets: super::settings::preset_names(conn)?,
        })
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
