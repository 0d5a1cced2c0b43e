//! The SQLite store: one file per business, one table per record kind.
//!
//! Opening runs the versioned migrations; a file written by a newer Laris, or a
//! file that is not a Laris database, is refused before anything is written.
//!
//! Every change the metrics can see must happen through an import batch, its
//! undo, the settings or the targets table: triggers there replace the data
//! revision that the column cache ([`crate::metrics::snapshot`]) is keyed by
//! (migration 003). A new way to change records needs its own trigger.

pub mod batches;
pub mod kinds;
pub mod overview;
pub mod settings;
pub mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

pub use kinds::{Field, FieldType, Key, Kind, NameField};

/// Marks a SQLite file as a Laris database (`PRAGMA application_id`, 'LARS').
pub const APPLICATION_ID: i32 = 0x4C41_5253;

const MIGRATION_SQL: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_checks_without_in.sql"),
    include_str!("migrations/003_data_revision.sql"),
];

/// The schema version this build writes.
pub fn schema_version() -> usize {
    MIGRATION_SQL.len()
}

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect())
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} was written by a newer version of Laris (database version {found}; this Laris knows up to {supported}). Install the newer Laris to open it; the file was not changed."
    )]
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: usize,
    },
    #[error(
        "{path} is not a Laris database. Choose a .laris file made by Laris, or a new file name to start a new database; the file was not changed."
    )]
    NotLaris { path: PathBuf },
    #[error("Could not open {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("Could not update the database structure of {path}: {source}")]
    Migration {
        path: PathBuf,
        source: rusqlite_migration::Error,
    },
    #[error("The import was cancelled; nothing was written.")]
    Cancelled,
    #[error(
        "Could not read {file} again while importing it ({reason}); nothing was written. Was it changed or moved?"
    )]
    Reread { file: String, reason: String },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating it if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_err)?;
        check_identity(&conn, path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_err)?;
        // WAL lets the window read while an import writes, and keeps the main
        // file intact if the process dies mid-import.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        // A larger page cache keeps the unique indexes of a big import in
        // memory (32 MiB, well inside the import's memory budget).
        conn.pragma_update(None, "cache_size", -32_768)
            .map_err(open_err)?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|source| StoreError::Migration {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Refuses, without writing anything, a file from a newer Laris or one that
/// is some other program's SQLite database.
fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let not_laris = || StoreError::NotLaris {
        path: path.to_path_buf(),
    };
    // The first read of a file that is not SQLite at all fails here.
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                not_laris()
            }
            e => StoreError::Open {
                path: path.to_path_buf(),
                source: e,
            },
        })?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if tables == 0 && version == 0 {
        return Ok(()); // a new, empty file
    }
    if app_id != APPLICATION_ID {
        return Err(not_laris());
    }
    if version > schema_version() as i64 {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: schema_version(),
        });
    }
    Ok(())
}

/// Where the database lives when the user names none: the platform's data
/// folder (e.g. `~/.local/share/laris/laris.laris` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "laris").map(|d| d.data_dir().join("laris.laris"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn kind_columns_match_tables() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.laris")).unwrap();
        for kind in Kind::ALL {
            let mut stmt = store
                .conn()
                .prepare(&format!(
                    "SELECT name FROM pragma_table_info('{}')",
                    kind.table()
                ))
                .unwrap();
            let cols: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let mut expected = vec!["id".to_string()];
            expected.extend(kind.fields().iter().map(|f| f.column.to_string()));
            if kind.has_row_hash() {
                expected.push("row_hash".into());
            }
            expected.push("batch_id".into());
            assert_eq!(cols, expected, "columns of {kind}");
        }
    }

    #[test]
    fn an_empty_file_is_migrated_and_garbage_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.laris");
        std::fs::write(&empty, b"").unwrap();
        let store = Store::open(&empty).unwrap();
        let tables: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            tables, 16,
            "11 kinds, batches, changes, settings, display names, data revision"
        );

        let garbage = dir.path().join("notes.laris");
        let bytes = b"this is a text file, not a database, and it is long enough to have a header"
            .repeat(20);
        std::fs::write(&garbage, &bytes).unwrap();
        assert!(matches!(
            Store::open(&garbage),
            Err(StoreError::NotLaris { .. })
        ));
        assert_eq!(std::fs::read(&garbage).unwrap(), bytes);
    }

    #[test]
    fn new_file_gets_the_latest_schema_and_our_id() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.laris")).unwrap();
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        let id: i32 = store
            .conn()
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version() as i64);
        assert_eq!(id, APPLICATION_ID);
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
