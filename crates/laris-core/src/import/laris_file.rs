//! A branch's own Laris database as an input file: `laris import --branch
//! Bandung cabang.laris` reads the records it holds back into the rows the
//! importer takes (its columns are the kinds' canonical fields, stored as
//! an import stores them), one parsed file per kind, so that storing them
//! is any import's storing: keys within the branch, re-imports that change
//! nothing, counts, and an undo per batch.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{FileError, List, ParsedFile, Source};
use crate::store::write::Record;
use crate::store::{APPLICATION_ID, Kind};
use crate::util::hex;

/// Whether `path` is a Laris database: SQLite's header with Laris's
/// application id (bytes 68 to 71, big-endian), whatever its name.
pub fn is_laris(path: &Path) -> bool {
    let mut head = [0u8; 72];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok();
    read && head.starts_with(b"SQLite format 3\0")
        && i32::from_be_bytes([head[68], head[69], head[70], head[71]]) == APPLICATION_ID
}

/// Why a Laris database cannot be read as a branch's records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Written by a newer Laris (its schema version).
    Newer(i64),
    /// It holds branches of its own, which one branch name cannot keep
    /// apart: their names.
    Branches(Vec<String>),
    /// SQLite could not read it.
    Damaged(String),
    /// It is the database being imported into, which would then hold
    /// every record twice.
    Itself,
}

/// Refuses `path` when it is the database `db` the files go into (by the
/// file, whichever path names it).
pub fn refuse_itself(path: &Path, db: &Path) -> Result<(), FileError> {
    let same = match (path.canonicalize(), db.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(FileError::LarisFile {
            path: path.to_path_buf(),
            reason: Refusal::Itself,
        });
    }
    Ok(())
}

/// The records of the Laris database at `path`, one parsed file per kind
/// that has any (in the kinds' order), then its returns list and its
/// users' names. The file is only read: an older schema is read as it is.
pub fn read(path: &Path) -> Result<Vec<ParsedFile>, FileError> {
    let refused = |reason| FileError::LarisFile {
        path: path.to_path_buf(),
        reason,
    };
    let damaged = |e: rusqlite::Error| refused(Refusal::Damaged(e.to_string()));
    let bytes = std::fs::read(path).map_err(|source| FileError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    let content_hash = hex(&Sha256::digest(&bytes));
    drop(bytes);
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(damaged)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    if version > crate::store::schema_version() as i64 {
        return Err(refused(Refusal::Newer(version)));
    }
    let has_table = |name: &str| -> rusqlite::Result<bool> {
        conn.query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [name],
            |_| Ok(()),
        )
        .optional()
        .map(|found| found.is_some())
    };
    // Before schema 8 every record is of no branch.
    if has_table("import_batches").map_err(damaged)? && version >= 8 {
        let mut stmt = conn
            .prepare(
                "SELECT DISTINCT branch FROM import_batches WHERE branch <> '' ORDER BY branch",
            )
            .map_err(damaged)?;
        let named: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(damaged)?;
        if !named.is_empty() {
            return Err(refused(Refusal::Branches(named)));
        }
    }
    let currency = crate::store::settings::load(&conn)
        .ok()
        .and_then(|s| super::values::currency_code(&s.currency));
    let file = |kind: Kind, headers: Vec<String>, records: Vec<Record>, list: Option<List>| {
        let count = match &list {
            Some(List::Returns(ids)) => ids.len(),
            Some(List::RepNames(people)) => people.len(),
            None => records.len(),
        };
        ParsedFile {
            path: path.to_path_buf(),
            kind,
            content_hash: content_hash.clone(),
            records,
            count,
            checked: true,
            currency,
            rate: None,
            branch: String::new(),
            stream: None,
            errors: Vec::new(),
            warnings: Vec::new(),
            source: Source {
                kind,
                mapping: vec![None; headers.len()],
                matched: vec![None; headers.len()],
                headers,
                from_laris: true,
                ..Source::default()
            },
            list,
            marked_returned: 0,
            not_orders: 0,
        }
    };
    let mut files = Vec::new();
    for kind in Kind::ALL {
        if !has_table(kind.table()).map_err(damaged)? {
            continue;
        }
        let mut columns: Vec<&str> = kind.fields().iter().map(|f| f.column).collect();
        let fields = columns.len();
        if kind.has_row_hash() {
            columns.push("row_hash");
        }
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {} FROM {} ORDER BY id",
                columns.join(", "),
                kind.table()
            ))
            .map_err(damaged)?;
        let records: Vec<Record> = stmt
            .query_map([], |r| {
                let values = (0..fields)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<rusqlite::Result<_>>()?;
                let row_hash = match kind.has_row_hash() {
                    true => r.get(fields)?,
                    false => None,
                };
                Ok(Record { values, row_hash })
            })
            .and_then(|rows| rows.collect())
            .map_err(damaged)?;
        if !records.is_empty() {
            let headers = kind.fields().iter().map(|f| f.name.to_string()).collect();
            files.push(file(kind, headers, records, None));
        }
    }
    if has_table("returns").map_err(damaged)? {
        let mut stmt = conn
            .prepare("SELECT order_id FROM returns ORDER BY order_id")
            .map_err(damaged)?;
        let ids: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(damaged)?;
        if !ids.is_empty() {
            let list = Some(List::Returns(ids));
            files.push(file(
                Kind::Orders,
                vec!["order_id".into()],
                Vec::new(),
                list,
            ));
        }
    }
    if has_table("rep_names").map_err(damaged)? {
        let mut people: Vec<(String, String)> = crate::store::rep_names::all(&conn)
            .map_err(|e| refused(Refusal::Damaged(e.to_string())))?
            .into_iter()
            .collect();
        people.sort();
        if !people.is_empty() {
            let headers = vec!["rep".into(), "name".into()];
            let list = Some(List::RepNames(people));
            files.push(file(Kind::Deals, headers, Vec::new(), list));
        }
    }
    if files.is_empty() {
        return Err(FileError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a SQLite file with Laris's id is taken for a Laris database,
    /// whatever its name; a newer one is refused, naming its version.
    #[test]
    fn a_laris_file_is_known_by_its_id_and_a_newer_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sqlite = |name: &str, id: i32| {
            let path = dir.path().join(name);
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "application_id", id).unwrap();
            conn.pragma_update(None, "user_version", 99).unwrap();
            conn.execute_batch("CREATE TABLE t(x)").unwrap();
            path
        };
        let newer = sqlite("newer.db", APPLICATION_ID);
        let other = sqlite("other.laris", 0);
        let csv = dir.path().join("orders.laris");
        std::fs::write(&csv, "order_id,date,total\nA-1,2024-03-01,100\n").unwrap();
        assert!(is_laris(&newer));
        assert!(!is_laris(&other));
        assert!(!is_laris(&csv));
        assert!(matches!(
            read(&newer),
            Err(FileError::LarisFile {
                reason: Refusal::Newer(99),
                ..
            })
        ));
    }
}
