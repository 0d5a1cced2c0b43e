//! The database the app works in, a shop's file or a team's server (issue
//! 19), behind one set of operations: the window's jobs, the records behind
//! a figure and the exports are the same code on both.
//!
//! On a server, what the file's code does to the small tables (settings,
//! presets, import batches, targets, product costs) runs on a scratch file
//! holding them ([`super::pg::scratch`]), and a change is put back in one
//! transaction under the writers' lock, as an import is.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::batches::{self, UndoError};
use super::overview::{self, KindSummary, Overview};
use super::pg::write::Incoming;
use super::pg::{PgError, PgStore};
use super::settings::{self, Settings};
use super::tables::{TABLES, Ty};
use super::transfer::Place;
use super::write::Counts;
use super::{Kind, Store, StoreError};
use crate::import::{self, FileReport, ParsedFile, Stored};

pub enum Database {
    File(Store),
    Server(PgStore),
}

impl Place {
    /// How messages name it: the file's path, or the server without its
    /// password.
    pub fn shown(&self) -> String {
        match self {
            Place::File(path) => path.display().to_string(),
            Place::Server(url) => super::pg::redact(url),
        }
    }

    /// The shop's name as file names take it: the file's name without its
    /// extension, or the server's database.
    pub fn name(&self) -> String {
        match self {
            Place::File(path) => path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Place::Server(url) => super::pg::database_name(url),
        }
    }

    pub fn is_server(&self) -> bool {
        matches!(self, Place::Server(_))
    }
}

impl Database {
    /// Opens `place` to work in. A server's Laris tables are created when
    /// it has none and this role may create them (a team starting there);
    /// an older schema is brought up to date.
    pub fn open(place: &Place) -> Result<Database, PgError> {
        match place {
            Place::File(path) => Ok(Database::File(Store::open(path)?)),
            Place::Server(url) => {
                let mut pg = PgStore::connect(url)?;
                if pg.version()?.is_none() && pg.require_writer().is_ok() {
                    pg.ensure_schema()?;
                }
                pg.check_schema()?;
                Ok(Database::Server(pg))
            }
        }
    }

    /// Opens `place` only to read from it.
    pub fn open_to_read(place: &Place) -> Result<Database, PgError> {
        match place {
            Place::File(path) => Ok(Database::File(Store::open_to_read(path)?)),
            Place::Server(url) => {
                let mut pg = PgStore::connect(url)?;
                pg.check_schema()?;
                Ok(Database::Server(pg))
            }
        }
    }

    /// Whether this role may only read (a server's viewer). A file the app
    /// cannot write is found when it is opened (`store::open`).
    pub fn read_only(&mut self) -> Result<bool, PgError> {
        match self {
            Database::File(_) => Ok(false),
            Database::Server(pg) => match pg.require_writer() {
                Ok(()) => Ok(false),
                Err(PgError::ReadOnly { .. }) => Ok(true),
                Err(e) => Err(e),
            },
        }
    }

    /// Runs `read` on the small tables and the record tables of `whole`.
    pub fn read<T>(
        &mut self,
        whole: &[Kind],
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, PgError> {
        match self {
            Database::File(store) => Ok(read(store.conn())?),
            Database::Server(pg) => {
                let mut scratch = pg.scratch(false)?;
                scratch.fill(&Incoming::whole(whole))?;
                // Nothing to put back: the transaction is rolled back.
                Ok(read(scratch.conn())?)
            }
        }
    }

    /// Runs `change` as [`Database::read`] runs its work, then keeps what
    /// it wrote (on a server, in one transaction under the writers' lock).
    pub fn change<T>(
        &mut self,
        whole: &[Kind],
        change: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, PgError> {
        match self {
            Database::File(store) => Ok(change(store.conn_mut())?),
            Database::Server(pg) => {
                let mut scratch = pg.scratch(true)?;
                scratch.fill(&Incoming::whole(whole))?;
                let done = change(scratch.conn())?;
                scratch.commit()?;
                Ok(done)
            }
        }
    }

    pub fn settings(&mut self) -> Result<Settings, PgError> {
        self.read(&[], settings::load)
    }

    /// What the Data tab shows.
    pub fn overview(&mut self) -> Result<Overview, PgError> {
        match self {
            Database::File(store) => Ok(Overview::load(store.conn())?),
            Database::Server(_) => {
                let kinds = self.kinds()?;
                let (settings, batches, presets) = self.read(&[], |conn| {
                    Ok((
                        settings::load(conn)?,
                        batches::list(conn)?,
                        settings::preset_names(conn)?,
                    ))
                })?;
                Ok(Overview::of(kinds, &settings, batches, presets))
            }
        }
    }

    /// Per kind, how many records and which dates they span (the same SQL
    /// on both).
    pub fn kinds(&mut self) -> Result<Vec<KindSummary>, PgError> {
        overview::summary_with(&mut |sql| {
            let rows = self.rows(sql, &[], &[Ty::Int, Ty::Text, Ty::Text])?;
            let mut row = rows.into_iter().next().unwrap_or_default().into_iter();
            let mut next = || row.next().unwrap_or(Value::Null);
            Ok((next(), next(), next()))
        })
    }

    /// Stores the files the wizard read, as one import.
    pub fn import(
        &mut self,
        files: &[ParsedFile],
        progress: &mut dyn FnMut(f32) -> bool,
    ) -> Result<Vec<FileReport>, PgError> {
        let stored = match self {
            Database::File(store) => import::store_checking(store, files, true, progress)?,
            Database::Server(pg) => {
                let url = pg.url.clone();
                // The import connects on its own, for its one transaction.
                import::server::store_checking(&url, files, true, &|_| Ok(()), progress)?
            }
        };
        match stored {
            Stored::Done(reports, _) => Ok(reports),
            // With bad rows skipped, nothing is refused for them.
            Stored::Refused(_) => Ok(Vec::new()),
            Stored::OtherCurrency(e) => Err(e.into()),
        }
    }

    pub fn undo(&mut self, batch: i64) -> Result<Counts, UndoError> {
        match self {
            Database::File(store) => batches::undo(store.conn_mut(), batch),
            Database::Server(pg) => batches::undo_postgres(pg, batch),
        }
    }

    /// The token that changes with any change of the data (an import, an
    /// undo, a setting, a target), from whichever computer.
    pub fn revision(&mut self) -> Result<Vec<u8>, PgError> {
        let sql = "SELECT token FROM data_revision WHERE id = 1";
        match self {
            Database::File(store) => Ok(store
                .conn()
                .query_row(sql, [], |r| r.get(0))
                .map_err(StoreError::from)?),
            Database::Server(pg) => {
                let row = pg.client.query_one(sql, &[]).map_err(|e| pg.error(&e))?;
                Ok(row.get(0))
            }
        }
    }

    /// The rows of `sql` (the same text on both: `$1`... for the text
    /// `params`, which SQLite numbers in order too), each value as SQLite
    /// holds it; on a server read as `types` says.
    pub fn rows(
        &mut self,
        sql: &str,
        params: &[&str],
        types: &[Ty],
    ) -> Result<Vec<Vec<Value>>, PgError> {
        match self {
            Database::File(store) => {
                let read = || -> rusqlite::Result<Vec<Vec<Value>>> {
                    let mut stmt = store.conn().prepare(sql)?;
                    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
                    let mut out = Vec::new();
                    while let Some(r) = rows.next()? {
                        out.push(
                            (0..types.len())
                                .map(|c| r.get::<_, Value>(c))
                                .collect::<rusqlite::Result<_>>()?,
                        );
                    }
                    Ok(out)
                };
                Ok(read().map_err(StoreError::from)?)
            }
            Database::Server(pg) => {
                let err = super::pg::scratch::server_error(&pg.server);
                let params: Vec<&(dyn postgres::types::ToSql + Sync)> = params
                    .iter()
                    .map(|p| p as &(dyn postgres::types::ToSql + Sync))
                    .collect();
                let rows = pg.client.query(sql, &params).map_err(&err)?;
                rows.iter()
                    .map(|r| {
                        types
                            .iter()
                            .enumerate()
                            .map(|(c, ty)| {
                                Ok(match ty {
                                    Ty::Int => r
                                        .try_get::<_, Option<i64>>(c)?
                                        .map_or(Value::Null, Value::Integer),
                                    Ty::Real => r
                                        .try_get::<_, Option<f64>>(c)?
                                        .map_or(Value::Null, Value::Real),
                                    Ty::Text => r
                                        .try_get::<_, Option<String>>(c)?
                                        .map_or(Value::Null, Value::Text),
                                })
                            })
                            .collect::<Result<Vec<Value>, postgres::Error>>()
                            .map_err(&err)
                    })
                    .collect()
            }
        }
    }

    /// The operator that matches text ignoring case on this database
    /// (SQLite's LIKE already does, for ASCII letters).
    pub fn like(&self) -> &'static str {
        match self {
            Database::File(_) => "LIKE",
            Database::Server(_) => "ILIKE",
        }
    }
}

/// What a server holds, as a connection test finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    /// How messages name it.
    pub server: String,
    /// It holds Laris's tables.
    pub laris: bool,
    /// Records of every kind stored there.
    pub records: u64,
    /// This role may only read.
    pub read_only: bool,
}

/// Connects to the server at `url` and says what it holds, writing
/// nothing (not even the tables of an empty database).
pub fn probe(url: &str) -> Result<Probe, PgError> {
    let mut pg = PgStore::connect(url)?;
    let server = pg.server.clone();
    let laris = pg.version()?.is_some();
    let mut db = Database::Server(pg);
    let read_only = db.read_only()?;
    let records = if laris {
        db.kinds()?.iter().map(|k| k.count).sum()
    } else {
        0
    };
    Ok(Probe {
        server,
        laris,
        records,
        read_only,
    })
}

/// The stored type of `table.column` (text where unknown).
pub fn column_type(table: &str, column: &str) -> Ty {
    TABLES
        .iter()
        .find(|t| t.name == table)
        .and_then(|t| t.columns.iter().find(|(c, _)| *c == column))
        .map_or(Ty::Text, |&(_, ty)| ty)
}
