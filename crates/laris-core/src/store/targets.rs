//! Targets as the Targets tab edits them. An edit is stored as an import
//! batch of its own, so it shows in the import history and can be undone
//! like any import.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::write::{Counts, Record, typed_batch};
use super::{Kind, Result};

/// One target: `period` is `YYYY-MM`, `YYYY-Qn` or `YYYY`; an empty `rep`
/// is the whole team; money targets are in hundredths, counts too (a target
/// of 12 deals is 1200), as the importer stores them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRow {
    pub period: String,
    pub rep: String,
    pub metric: String,
    pub target_minor: i64,
}

/// Every stored target, by period, metric and rep.
pub fn list(conn: &Connection) -> Result<Vec<TargetRow>> {
    let mut stmt = conn.prepare(
        "SELECT period, rep, metric, target_minor FROM targets ORDER BY period, metric, rep",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(TargetRow {
                period: r.get(0)?,
                rep: r.get(1)?,
                metric: r.get(2)?,
                target_minor: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Stores `edits` in one transaction as a batch named `label`.
pub fn set(conn: &mut Connection, label: &str, edits: &[TargetRow]) -> Result<Counts> {
    let records = edits.iter().map(|e| Record {
        values: vec![
            Value::Text(e.period.clone()),
            Value::Text(e.rep.clone()),
            Value::Text(e.metric.clone()),
            Value::Integer(e.target_minor),
        ],
        row_hash: None,
    });
    typed_batch(conn, Kind::Targets, label, records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, batches};

    fn row(period: &str, rep: &str, minor: i64) -> TargetRow {
        TargetRow {
            period: period.into(),
            rep: rep.into(),
            metric: "revenue".into(),
            target_minor: minor,
        }
    }

    #[test]
    fn edits_add_update_and_undo_like_an_import() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("t.laris")).expect("open");
        let first = set(
            store.conn_mut(),
            "Targets tab",
            &[
                row("2024-03", "", 5_000_000),
                row("2024-03", "Sari", 2_000_000),
            ],
        )
        .expect("set");
        assert_eq!((first.added, first.updated), (2, 0));
        let second = set(
            store.conn_mut(),
            "Targets tab",
            &[
                row("2024-03", "", 6_000_000),
                row("2024-03", "Sari", 2_000_000),
            ],
        )
        .expect("set");
        assert_eq!((second.added, second.updated, second.unchanged), (0, 1, 1));
        let stored = list(store.conn()).expect("list");
        assert_eq!(
            stored,
            vec![
                row("2024-03", "", 6_000_000),
                row("2024-03", "Sari", 2_000_000)
            ]
        );

        let history = batches::list(store.conn()).expect("batches");
        let latest = history.iter().map(|b| b.id).max().expect("a batch");
        batches::undo(store.conn_mut(), latest).expect("undo");
        assert_eq!(list(store.conn()).expect("list")[0].target_minor, 5_000_000);
    }
}
