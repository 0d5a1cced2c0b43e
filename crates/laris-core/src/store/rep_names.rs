//! The names of a CRM's owner ids, from its users list: the records keep
//! the ids, and every screen shows the names (see migration 005).

use rusqlite::{Connection, params};

use super::{Kind, NameField, Result};
use crate::store::FieldType;
use crate::util::{FastMap, fold};

/// What storing a users list did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Named {
    /// Owner ids the list gives a name.
    pub names: u64,
    /// Stored records whose rep is one of those ids, which show the name
    /// from now on (records imported later do too).
    pub records: u64,
}

/// Keeps batch `batch`'s names for owner ids. `people` holds each id
/// folded as reps are matched, with its name.
pub fn keep(conn: &Connection, batch: i64, people: &[(String, String)]) -> Result<Named> {
    let mut insert = conn.prepare(
        "INSERT OR REPLACE INTO rep_names(owner_id, name, batch_id) VALUES (?1, ?2, ?3)",
    )?;
    for (id, name) in people {
        insert.execute(params![id, name, batch])?;
    }
    let ids: std::collections::HashSet<&str> = people.iter().map(|(id, _)| id.as_str()).collect();
    let mut records = 0u64;
    // One pass per kind over its distinct reps, rather than a scan per id.
    for kind in Kind::ALL.into_iter().filter(|k| has_rep(*k)) {
        let mut stmt = conn.prepare(&format!(
            "SELECT rep, count(*) FROM {} WHERE rep IS NOT NULL GROUP BY rep",
            kind.table()
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let rep: String = row.get(0)?;
            if ids.contains(fold(&rep).as_str()) {
                records += row.get::<_, i64>(1)?.unsigned_abs();
            }
        }
    }
    Ok(Named {
        names: people.len() as u64,
        records,
    })
}

/// [`keep`]'s count of the records a users list names, on a server: the
/// stored records whose rep (folded) is one of `people`'s ids.
pub(crate) fn records_on_server(
    tx: &mut postgres::Transaction<'_>,
    people: &[(String, String)],
) -> std::result::Result<u64, postgres::Error> {
    let ids: std::collections::HashSet<&str> = people.iter().map(|(id, _)| id.as_str()).collect();
    let mut records = 0u64;
    for kind in Kind::ALL.into_iter().filter(|k| has_rep(*k)) {
        let rows = tx.query(
            &format!(
                "SELECT rep, count(*) FROM {} WHERE rep IS NOT NULL GROUP BY rep",
                kind.table()
            ),
            &[],
        )?;
        for row in rows {
            let rep: String = row.get(0);
            if ids.contains(fold(&rep).as_str()) {
                records += row.get::<_, i64>(1).unsigned_abs();
            }
        }
    }
    Ok(records)
}

/// Every named owner id (folded) with its name; the latest list wins.
pub fn all(conn: &Connection) -> Result<FastMap<String, String>> {
    let mut stmt = conn.prepare("SELECT owner_id, name FROM rep_names ORDER BY batch_id")?;
    let mut rows = stmt.query([])?;
    let mut names = FastMap::default();
    while let Some(row) = rows.next()? {
        names.insert(row.get(0)?, row.get(1)?);
    }
    Ok(names)
}

fn has_rep(kind: Kind) -> bool {
    kind.fields()
        .iter()
        .any(|f| f.ty == FieldType::Name(NameField::Rep))
}
