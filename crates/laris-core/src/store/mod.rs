//! The SQLite store: one file per business, one table per record kind.
//!
//! Opening runs the versioned migrations; a file written by a newer Laris, or a
//! file that is not a Laris database, is refused before anything is written.
//!
//! Every change the metrics can see must happen through an import batch, its
//! undo, the settings or the targets table: triggers there replace the data
//! revision that the column cache ([`crate::metrics::dataset::cache`]) is keyed by
//! (migration 003). A new way to change records needs its own trigger.

pub mod backup;
pub mod batches;
pub mod database;
pub mod kinds;
pub mod names;
pub mod open;
pub mod overview;
pub mod pg;
pub mod products;
pub mod records;
pub mod rep_names;
pub mod returns;
pub mod seal;
pub mod settings;
pub mod tables;
pub mod targets;
pub mod transfer;
pub mod write;

pub use database::Database;
pub use transfer::Place;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::i18n::Lang;
use rusqlite_migration::{M, Migrations};

pub use kinds::{Field, FieldType, Key, Kind, NameField};

/// Marks a SQLite file as a Laris database (`PRAGMA application_id`, 'LARS').
pub const APPLICATION_ID: i32 = 0x4C41_5253;

const MIGRATION_SQL: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_checks_without_in.sql"),
    include_str!("migrations/003_data_revision.sql"),
    include_str!("migrations/004_batch_currency.sql"),
    include_str!("migrations/005_rep_names.sql"),
    include_str!("migrations/006_products_settlements.sql"),
    include_str!("migrations/007_batch_indexes.sql"),
    include_str!("migrations/008_branches.sql"),
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
    #[error(
        "{path} is damaged ({detail}). Restore its latest backup (laris restore --latest); the file was not changed."
    )]
    Damaged { path: PathBuf, detail: String },
    #[error("{path} can only be read: this user may not change it or its folder.")]
    ReadOnly { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
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
    #[error(
        "{file} is in {currency}, and this database keeps its amounts in {database}. Give the rate (how many {database} one {currency} is) to import it converted; nothing was written."
    )]
    OtherCurrency {
        file: String,
        currency: String,
        database: String,
    },
    #[error(
        "{file}: an amount of {minor} hundredths is too large to convert at {rate}; nothing was written."
    )]
    Conversion {
        file: String,
        minor: i64,
        rate: String,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// What went wrong, in `lang`, for the window (the `Display` text is the
    /// CLI's, in English). The English message reads as the `Display` text;
    /// an underlying OS or SQLite text is passed on as it is.
    pub fn message(&self, lang: Lang) -> String {
        let file = |p: &Path| ("file", p.display().to_string().into());
        let reason = |r: String| ("reason", r.into());
        match self {
            StoreError::NewerVersion {
                path,
                found,
                supported,
            } => lang.tr_args(
                "store-error-newer",
                &[
                    file(path),
                    ("found", found.to_string().into()),
                    ("supported", supported.to_string().into()),
                ],
            ),
            StoreError::NotLaris { path } => lang.tr_args("store-error-not-laris", &[file(path)]),
            StoreError::Damaged { path, detail } => lang.tr_args(
                "store-error-damaged",
                &[file(path), ("detail", detail.as_str().into())],
            ),
            StoreError::ReadOnly { path } => lang.tr_args("store-error-read-only", &[file(path)]),
            StoreError::Io { path, source } => {
                lang.tr_args("store-error-io", &[file(path), reason(source.to_string())])
            }
            StoreError::Open { path, source } => lang.tr_args(
                "store-error-open",
                &[file(path), reason(source.to_string())],
            ),
            StoreError::Migration { path, source } => lang.tr_args(
                "store-error-migration",
                &[file(path), reason(source.to_string())],
            ),
            StoreError::Cancelled => lang.tr("store-error-cancelled"),
            StoreError::Reread { file, reason: why } => lang.tr_args(
                "store-error-reread",
                &[("file", file.as_str().into()), reason(why.clone())],
            ),
            StoreError::OtherCurrency {
                file,
                currency,
                database,
            } => lang.tr_args(
                "store-error-other-currency",
                &[
                    ("file", file.as_str().into()),
                    ("currency", currency.as_str().into()),
                    ("database", database.as_str().into()),
                ],
            ),
            StoreError::Conversion { file, minor, rate } => lang.tr_args(
                "store-error-conversion",
                &[
                    ("file", file.as_str().into()),
                    ("minor", minor.to_string().into()),
                    ("rate", rate.as_str().into()),
                ],
            ),
            StoreError::Sqlite(e) => lang.tr_args("store-error-sqlite", &[reason(e.to_string())]),
        }
    }
}

/// An open database.
#[derive(Debug)]
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
        .map_err(|e| classify(path, e))?;
        // Before anything reads the file: the window opens it from several
        // threads at once (loading, the figures, an import), and a reader
        // must wait for a writer rather than fail.
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_err)?;
        check_identity(&conn, path)?;
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        // Two threads opening a new file at once would both see it
        // unmigrated and both create the tables; one at a time, the second
        // finds the schema up to date. (SQLite's own lock cannot cover this:
        // the migration library reads the version before it writes.) The
        // switch to WAL is inside too: two connections switching a new file
        // at once each hold a read lock and want the write lock, and SQLite
        // fails one at once ("database is locked") rather than wait.
        static MIGRATING: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _one_at_a_time = MIGRATING.lock().unwrap_or_else(|e| e.into_inner());
        // WAL lets the window read while an import writes, and keeps the main
        // file intact if the process dies mid-import.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| classify(path, e))?;
        // FULL: a commit (a whole import) is on disk before Laris says it is
        // done, so a power cut after the message cannot lose it. In WAL mode
        // that is one sync per transaction.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(open_err)?;
        // A larger page cache keeps the unique indexes of a big import in
        // memory (32 MiB, well inside the import's memory budget).
        conn.pragma_update(None, "cache_size", -32_768)
            .map_err(open_err)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(open_err)?;
        if version > 0 && version < schema_version() as i64 {
            // A structure change rewrites tables: the state before it is
            // kept, since no import batch can undo it.
            backup::create(&conn, path, backup::Reason::Migration)?;
        }
        migrations()
            .to_latest(&mut conn)
            .map_err(|source| match source {
                rusqlite_migration::Error::RusqliteError { err, .. } => classify(path, err),
                source => StoreError::Migration {
                    path: path.to_path_buf(),
                    source,
                },
            })?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing database only to read it: for a file this user may
    /// not change, or one another Laris window has open. Nothing is written,
    /// not even the schema.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match Connection::open_with_flags(path, flags) {
            Ok(conn) => conn,
            Err(e) => return Err(classify(path, e)),
        };
        let conn = match check_identity(&conn, path) {
            // A WAL database in a folder that cannot be written cannot make
            // its shared-memory file: read it as a file nobody changes.
            Err(StoreError::Open { .. } | StoreError::ReadOnly { .. }) => {
                let uri = format!("{}?immutable=1", file_uri(path));
                let conn =
                    Connection::open_with_flags(uri, flags).map_err(|e| classify(path, e))?;
                check_identity(&conn, path)?;
                conn
            }
            Err(e) => return Err(e),
            Ok(()) => conn,
        };
        if !has_schema(&conn)? {
            return Err(StoreError::NotLaris {
                path: path.to_path_buf(),
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens the database to read: as [`Store::open`], or read-only where
    /// this user may not change it (a report needs no more).
    pub fn open_to_read(path: &Path) -> Result<Store> {
        match Store::open(path) {
            Err(StoreError::ReadOnly { .. }) => Store::open_read_only(path),
            other => other,
        }
    }

    /// SQLite's quick check (the structure of every page and index, without
    /// the slower cross-checks of `integrity_check`).
    pub fn quick_check(&self) -> Result<()> {
        quick_check(&self.conn, &self.path)
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

/// Whether a (read-only) database has the Laris tables, i.e. is not a new
/// empty file.
fn has_schema(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE name = 'import_batches'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

pub(crate) fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let mut stmt = conn
        .prepare("PRAGMA quick_check")
        .map_err(|e| classify(path, e))?;
    let found: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| classify(path, e))?;
    match found.as_slice() {
        [ok] if ok == "ok" => Ok(()),
        _ => Err(damaged(
            found.into_iter().take(3).collect::<Vec<_>>().join("; "),
        )),
    }
}

/// An SQLite error at open, as the store error that tells the user what
/// happened: a damaged file, a full disk, a file that cannot be written.
fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let code = e.sqlite_error_code();
    match code {
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        Some(ErrorCode::NotADatabase) if starts_like_sqlite(path) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        Some(ErrorCode::NotADatabase) => StoreError::NotLaris {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::CannotOpen) if path.exists() && !writable(path) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// Whether the file has SQLite's header: then a read that fails means
/// damage, not some other kind of file.
fn starts_like_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// Whether this user may change the file and make files beside it (SQLite's
/// WAL files).
fn writable(path: &Path) -> bool {
    let file_ok = std::fs::OpenOptions::new().append(true).open(path).is_ok();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = dir.join(format!(".laris-write-test-{}", std::process::id()));
    let dir_ok = std::fs::File::create_new(&probe).is_ok();
    let _ = std::fs::remove_file(&probe);
    file_ok && dir_ok
}

/// An SQLite `file:` URI for a path (any characters, percent-encoded).
fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        uri.push('/'); // file:/C:/... on Windows
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// Refuses, without writing anything, a file from a newer Laris or one that
/// is some other program's SQLite database.
pub(crate) fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let not_laris = || StoreError::NotLaris {
        path: path.to_path_buf(),
    };
    // The first read of a file that is not SQLite at all fails here.
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
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

    /// The window opens a new file from several threads at once (the
    /// first load, the figures): every one of them opens it, none is told
    /// "database is locked", and the schema is made once.
    #[test]
    fn threads_opening_a_new_file_at_once_all_open_it() {
        let dir = tempfile::tempdir().unwrap();
        for round in 0..100 {
            let path = dir.path().join(format!("toko-{round}.laris"));
            let start = std::sync::Barrier::new(3);
            let opened: Vec<Result<Store>> = std::thread::scope(|scope| {
                let threads: Vec<_> = (0..3)
                    .map(|_| {
                        scope.spawn(|| {
                            start.wait();
                            Store::open(&path)
                        })
                    })
                    .collect();
                threads.into_iter().map(|t| t.join().unwrap()).collect()
            });
            for store in opened {
                let store = store.unwrap_or_else(|e| panic!("round {round}: {e}"));
                let version: i64 = store
                    .conn()
                    .pragma_query_value(None, "user_version", |r| r.get(0))
                    .unwrap();
                assert_eq!(version, schema_version() as i64);
            }
        }
    }

    /// Every store error the window can show: in English exactly the CLI's
    /// text (so no English pop-up changes), in Indonesian a translation.
    #[test]
    fn store_errors_read_as_display_in_english_and_translated_in_indonesian() {
        let path = PathBuf::from("/shop/toko.laris");
        let errors = [
            StoreError::NewerVersion {
                path: path.clone(),
                found: 12345,
                supported: 3,
            },
            StoreError::NotLaris { path: path.clone() },
            StoreError::Damaged {
                path: path.clone(),
                detail: "page 4 is never used".into(),
            },
            StoreError::ReadOnly { path: path.clone() },
            StoreError::Io {
                path: path.clone(),
                source: std::io::Error::other("disk on fire"),
            },
            StoreError::Open {
                path: path.clone(),
                source: rusqlite::Error::InvalidQuery,
            },
            StoreError::Cancelled,
            StoreError::Reread {
                file: "sales.csv".into(),
                reason: "gone".into(),
            },
            StoreError::OtherCurrency {
                file: "shop.csv".into(),
                currency: "USD".into(),
                database: "IDR".into(),
            },
            StoreError::Conversion {
                file: "shop.csv".into(),
                minor: i64::MAX,
                rate: "16250".into(),
            },
            StoreError::Sqlite(rusqlite::Error::InvalidQuery),
        ];
        for e in &errors {
            assert_eq!(e.message(Lang::En), e.to_string());
            let id = e.message(Lang::Id);
            assert_ne!(id, e.to_string(), "{e:?} is not translated");
        }
        assert!(errors[2].message(Lang::Id).contains("rusak"));
        let undo = batches::UndoError::LaterBatch {
            batch: 1234,
            later: 5678,
            later_file: "mei.csv".into(),
        };
        assert_eq!(undo.message(Lang::En), undo.to_string());
        assert!(undo.message(Lang::Id).contains("Urungkan impor itu"));
    }

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
            expected.push("branch".into());
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
            tables, 20,
            "13 kinds, batches, changes, settings, display names, data revision, returns, rep names"
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

    /// A database at `path` made by the first `version` migrations, with
    /// `rows` written as that schema took them.
    fn old_database(path: &Path, version: usize, rows: &str) {
        let mut conn = Connection::open(path).unwrap();
        Migrations::new(
            MIGRATION_SQL[..version]
                .iter()
                .map(|sql| M::up(sql))
                .collect(),
        )
        .to_latest(&mut conn)
        .unwrap();
        conn.execute_batch(rows).unwrap();
    }

    #[test]
    fn a_database_of_an_older_schema_is_backed_up_before_it_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.laris");
        old_database(
            &path,
            5,
            "INSERT INTO import_batches(file_name, content_hash, kind, imported_at)
                 VALUES ('a.csv', 'h', 'orders', '2026-01-01T00:00:00');
             INSERT INTO orders(order_id, date, status, batch_id)
                 VALUES ('A-1', '2026-01-01', 'paid', 1);",
        );
        let store = Store::open(&path).unwrap();
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version() as i64);
        let list = backup::list(&path).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].reason, backup::Reason::Migration);
        assert_eq!(list[0].records(), 1, "the one order, in the old structure");
        drop(store);
        // Up to date now: opening again backs up nothing.
        Store::open(&path).unwrap();
        assert_eq!(backup::list(&path).unwrap().len(), 1);
    }

    /// A database of schema version 7 (before branches) keeps every record,
    /// each in branch '', with its returns; the keys now include the branch,
    /// so a second branch may hold the same order id.
    #[test]
    fn records_stored_before_branches_are_in_no_branch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.laris");
        old_database(
            &path,
            7,
            "INSERT INTO import_batches(file_name, content_hash, kind, imported_at)
                 VALUES ('a.csv', 'h', 'orders', '2026-01-01T00:00:00');
             INSERT INTO orders(order_id, date, status, batch_id)
                 VALUES ('A-1', '2026-01-01', 'paid', 1);
             INSERT INTO returns(order_id, batch_id) VALUES ('A-1', 1);",
        );
        let store = Store::open(&path).unwrap();
        let conn = store.conn();
        let one = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(one("SELECT branch || '|' || order_id FROM orders"), "|A-1");
        assert_eq!(one("SELECT branch || '|' || order_id FROM returns"), "|A-1");
        assert_eq!(one("SELECT branch FROM import_batches"), "");
        conn.execute(
            "INSERT INTO orders(order_id, date, status, batch_id, branch)
                 VALUES ('A-1', '2026-01-02', 'paid', 1, 'Bandung')",
            [],
        )
        .unwrap();
        let clash = conn.execute(
            "INSERT INTO orders(order_id, date, status, batch_id) VALUES ('A-1', '2026-01-03', 'paid', 1)",
            [],
        );
        assert!(clash.is_err(), "A-1 of no branch is still one order");
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
