//! A server's data worked on by the file's own code: a scratch SQLite file
//! is filled with what of the server the work may meet
//! ([`super::write::fill`]), the work runs on it as on a shop's file
//! (an import, typed targets, settings), and what it wrote goes back to the
//! server ([`super::write::merge`]). All of it is one server transaction:
//! a change first takes the writers' advisory lock, so the server cannot
//! change between the fill and the commit, and a change that fails or is
//! dropped halfway leaves the server as it was.

use postgres::Transaction;
use rusqlite::Connection;

use super::write::{self, Incoming};
use super::{PgError, PgStore, reason};
use crate::store::{Store, StoreError};

/// A transaction on the server with its scratch file.
pub struct Scratch<'a> {
    pub tx: Transaction<'a>,
    pub server: String,
    store: Store,
    /// The id the first import batch written here gets on the server.
    first: i64,
    // Dropped after `store`: the file goes with the folder.
    _dir: tempfile::TempDir,
}

impl PgStore {
    /// Begins a transaction with an empty scratch file; one that will
    /// `write` waits for the other writers first, and needs a writer's
    /// role (refused in words otherwise).
    pub fn scratch(&mut self, write: bool) -> Result<Scratch<'_>, PgError> {
        if write {
            self.require_writer()?;
            self.ensure_schema()?;
        } else {
            self.check_schema()?;
        }
        let dir = tempfile::tempdir().map_err(|e| StoreError::Io {
            path: std::env::temp_dir(),
            source: e,
        })?;
        let store = Store::open(&dir.path().join("server.laris"))?;
        // The scratch file is thrown away whatever happens: it need not
        // survive a power cut. Its rollback journal (a reread rolls a
        // file's pass back) can stay in memory, where the WAL would write
        // every page twice.
        store
            .conn()
            .pragma_update(None, "synchronous", "OFF")
            .and_then(|()| {
                store
                    .conn()
                    .pragma_update_and_check(None, "journal_mode", "MEMORY", |_| Ok(()))
            })
            .map_err(StoreError::from)?;
        drop_batch_indexes(store.conn()).map_err(StoreError::from)?;
        let server = self.server.clone();
        let err = server_error(&self.server);
        let mut tx = self.client.transaction().map_err(&err)?;
        if write {
            write::lock(&mut tx).map_err(&err)?;
        }
        Ok(Scratch {
            tx,
            server,
            store,
            first: 0,
            _dir: dir,
        })
    }
}

/// Drops the scratch file's indexes by import batch: they serve undo,
/// which runs on the server, and each record an import adds would update
/// them; the merge reads the few scratch rows it skips whole.
fn drop_batch_indexes(conn: &Connection) -> rusqlite::Result<()> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE '%\\_batch' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names {
        conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(())
}

/// Turns a driver error into one naming `server`.
pub fn server_error(server: &str) -> impl Fn(postgres::Error) -> PgError + '_ {
    move |e| PgError::Server {
        server: server.to_string(),
        reason: reason(&e),
    }
}

impl Scratch<'_> {
    /// Copies into the scratch file what of the server `incoming` names
    /// (the small tables always).
    pub fn fill(&mut self, incoming: &Incoming) -> Result<(), PgError> {
        self.first = write::fill(&mut self.tx, &self.server, self.store.conn_mut(), incoming)?;
        Ok(())
    }

    pub fn conn(&mut self) -> &mut Connection {
        self.store.conn_mut()
    }

    /// Puts what the work wrote on the server (in the transaction).
    pub fn merge(&mut self) -> Result<(), PgError> {
        write::merge(&mut self.tx, &self.server, self.store.conn(), self.first)
    }

    /// Puts what the work wrote on the server and commits.
    pub fn commit(mut self) -> Result<(), PgError> {
        self.merge()?;
        self.commit_merged()
    }

    /// Commits what [`Scratch::merge`] put on the server.
    pub fn commit_merged(self) -> Result<(), PgError> {
        let err = server_error(&self.server);
        self.tx.commit().map_err(err)
    }
}
