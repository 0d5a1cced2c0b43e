//! `laris migrate`: a whole Laris database copied from a file to a
//! PostgreSQL server or back, table for table ([`super::tables`]), ids
//! included, so that undo, the data revision's meaning and the table order
//! the loaders rely on all carry over.
//!
//! The target is written in one transaction (into PostgreSQL with a binary
//! COPY per table, under the writers' advisory lock), so a failure leaves
//! it as it was; it must be empty, since merging two shops' ids is not a
//! copy.

use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::types::{ToSqlOutput, ValueRef};

use super::pg::copy::{self, CopyError};
use super::pg::{PgError, PgStore, WRITE_LOCK, is_url, reason};
use super::tables::{TABLES, Table, Ty};
use super::{Store, StoreError};

/// One side of a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    File(PathBuf),
    Server(String),
}

impl Place {
    pub fn parse(text: &str) -> Place {
        if is_url(text) {
            Place::Server(text.trim().to_string())
        } else {
            Place::File(PathBuf::from(text))
        }
    }
}

/// How far a table's copy is, for the progress shown: every
/// [`PROGRESS_EVERY`] rows, and when it is done.
#[derive(Clone, Copy, Debug)]
pub struct Copied {
    pub table: &'static str,
    pub rows: u64,
    pub done: bool,
}

/// A large table says how far it is every this many rows.
pub const PROGRESS_EVERY: u64 = 200_000;

/// Copies the database at `from` into the empty one at `to`; `progress`
/// hears of each table as it is done. Returns the rows copied.
pub fn migrate(from: &Place, to: &Place, progress: &mut dyn FnMut(Copied)) -> Result<u64, PgError> {
    match (from, to) {
        (Place::File(path), Place::Server(url)) => file_to_server(path, url, progress),
        (Place::Server(url), Place::File(path)) => server_to_file(url, path, progress),
        _ => Err(PgError::SameKind),
    }
}

/// Why a table could not be copied, in the words of whichever side failed.
pub(crate) struct Reason(pub(crate) String);

impl From<CopyError> for Reason {
    fn from(e: CopyError) -> Self {
        Reason(e.to_string())
    }
}

impl From<rusqlite::Error> for Reason {
    fn from(e: rusqlite::Error) -> Self {
        Reason(e.to_string())
    }
}

impl From<postgres::Error> for Reason {
    fn from(e: postgres::Error) -> Self {
        Reason(reason(&e))
    }
}

fn file_to_server(
    path: &Path,
    url: &str,
    progress: &mut dyn FnMut(Copied),
) -> Result<u64, PgError> {
    if !path.is_file() {
        return Err(PgError::NoSource {
            path: path.display().to_string(),
        });
    }
    let store = Store::open_to_read(path)?;
    let mut pg = PgStore::connect(url)?;
    pg.ensure_schema()?;
    let server = pg.server.clone();
    let server_err = |e: postgres::Error| PgError::Server {
        server: server.clone(),
        reason: reason(&e),
    };
    let mut tx = pg.client.transaction().map_err(server_err)?;
    // Another computer's import or copy waits for this one, and the other
    // way round, so the emptiness checked below still holds at the commit.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .map_err(server_err)?;
    for t in TABLES {
        let rows: i64 = tx
            .query_one(&format!("SELECT count(*) FROM {}", t.name), &[])
            .map_err(server_err)?
            .get(0);
        if rows > 0 {
            return Err(PgError::NotEmpty {
                target: server.clone(),
                table: t.name.into(),
                rows,
            });
        }
    }
    let mut total = 0;
    for t in TABLES {
        let table_err = |Reason(reason)| PgError::Table {
            place: server.clone(),
            table: t.name.into(),
            reason,
        };
        let rows = copy_in(store.conn(), &mut tx, t, progress).map_err(table_err)?;
        if t.has_id() {
            // New rows written on the server must get ids after the copied ones.
            tx.execute(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) FROM {0}",
                    t.name
                ),
                &[],
            )
            .map_err(|e| table_err(e.into()))?;
        }
        progress(Copied {
            table: t.name,
            rows,
            done: true,
        });
        total += rows;
    }
    tx.commit().map_err(server_err)?;
    Ok(total)
}

/// A value on its way into a binary COPY.
enum Cell<'a> {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<&'a str>),
}

impl Cell<'_> {
    /// Appends the value as a binary COPY field: its length (-1 for NULL),
    /// then an int8 or float8 in network order, or the text's bytes.
    fn encode(&self, buf: &mut Vec<u8>) {
        let mut field = |bytes: Option<&[u8]>| match bytes {
            None => buf.extend_from_slice(&(-1i32).to_be_bytes()),
            Some(b) => {
                // A text longer than 2 GiB cannot be stored by SQLite.
                let len = i32::try_from(b.len()).unwrap_or(i32::MAX);
                buf.extend_from_slice(&len.to_be_bytes());
                buf.extend_from_slice(b);
            }
        };
        match self {
            Cell::Int(v) => field(v.map(i64::to_be_bytes).as_ref().map(|b| &b[..])),
            Cell::Real(v) => field(
                v.map(|f| f.to_bits().to_be_bytes())
                    .as_ref()
                    .map(|b| &b[..]),
            ),
            Cell::Text(v) => field(v.map(str::as_bytes)),
        }
    }
}

/// A stored SQLite value as the column's type, or None when it is not one
/// (SQLite keeps whatever it is given; a copy must not change a value).
fn cell(v: ValueRef<'_>, ty: Ty) -> Option<Cell<'_>> {
    Some(match (ty, v) {
        (Ty::Int, ValueRef::Null) => Cell::Int(None),
        (Ty::Int, ValueRef::Integer(i)) => Cell::Int(Some(i)),
        // An integer SQLite happened to keep as a real.
        (Ty::Int, ValueRef::Real(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
            Cell::Int(Some(f as i64))
        }
        (Ty::Real, ValueRef::Null) => Cell::Real(None),
        (Ty::Real, ValueRef::Integer(i)) => Cell::Real(Some(i as f64)),
        (Ty::Real, ValueRef::Real(f)) => Cell::Real(Some(f)),
        (Ty::Text, ValueRef::Null) => Cell::Text(None),
        (Ty::Text, ValueRef::Text(t)) => Cell::Text(Some(std::str::from_utf8(t).ok()?)),
        _ => return None,
    })
}

fn copy_in(
    conn: &rusqlite::Connection,
    tx: &mut postgres::Transaction<'_>,
    t: &'static Table,
    progress: &mut dyn FnMut(Copied),
) -> Result<u64, Reason> {
    copy_rows_in(
        conn,
        tx,
        t.name,
        t.name,
        t.columns,
        &t.select_all(),
        progress,
    )
}

/// Copies the rows that `select` reads from SQLite (the `columns`, in
/// order) into the server's table `into` with a binary COPY; progress is
/// told under the name `label`.
pub(crate) fn copy_rows_in(
    conn: &rusqlite::Connection,
    tx: &mut postgres::Transaction<'_>,
    into: &str,
    label: &'static str,
    columns: &[(&'static str, Ty)],
    select: &str,
    progress: &mut dyn FnMut(Copied),
) -> Result<u64, Reason> {
    let names: Vec<&str> = columns.iter().map(|&(c, _)| c).collect();
    let mut sink = tx.copy_in(&format!(
        "COPY {into} ({}) FROM STDIN (FORMAT binary)",
        names.join(", ")
    ))?;
    // The rows are encoded here and handed over a chunk at a time: the
    // driver's row writer enters its runtime once per row, which cost a
    // million-order import about a second.
    let mut buf = Vec::with_capacity(COPY_CHUNK + 4096);
    buf.extend_from_slice(COPY_HEADER);
    let fields =
        i16::try_from(columns.len()).map_err(|_| Reason(format!("{into}: too many columns")))?;
    let mut stmt = conn.prepare(select)?;
    let mut rows = stmt.query([])?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        n += 1;
        buf.extend_from_slice(&fields.to_be_bytes());
        for (i, &(column, ty)) in columns.iter().enumerate() {
            let v = r.get_ref(i)?;
            let cell = cell(v, ty).ok_or_else(|| {
                Reason(format!(
                    "row {n}, column {column}: {:?} is not {ty:?}",
                    v.data_type()
                ))
            })?;
            cell.encode(&mut buf);
        }
        if buf.len() >= COPY_CHUNK {
            sink.write_all(&buf).map_err(|e| Reason(e.to_string()))?;
            buf.clear();
        }
        if n.is_multiple_of(PROGRESS_EVERY) {
            progress(Copied {
                table: label,
                rows: n,
                done: false,
            });
        }
    }
    buf.extend_from_slice(&(-1i16).to_be_bytes());
    sink.write_all(&buf).map_err(|e| Reason(e.to_string()))?;
    sink.finish()?;
    Ok(n)
}

/// A binary COPY's signature, flags and header extension (PostgreSQL's
/// "COPY", "Binary Format").
const COPY_HEADER: &[u8] = b"PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0";

/// How much of a binary COPY is encoded before it is handed over.
const COPY_CHUNK: usize = 256 * 1024;

fn server_to_file(
    url: &str,
    path: &Path,
    progress: &mut dyn FnMut(Copied),
) -> Result<u64, PgError> {
    let existed = path.exists();
    let copied = server_to_new_file(url, path, progress);
    if copied.is_err() && !existed {
        // Nothing of the copy is in it: leave no empty database behind
        // under the name the user will type again.
        for end in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(end);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
    copied
}

fn server_to_new_file(
    url: &str,
    path: &Path,
    progress: &mut dyn FnMut(Copied),
) -> Result<u64, PgError> {
    let mut pg = PgStore::connect(url)?;
    pg.check_schema()?;
    let server = pg.server.clone();
    let server_err = |e: postgres::Error| PgError::Server {
        server: server.clone(),
        reason: reason(&e),
    };
    let mut store = Store::open(path)?;
    let target = path.display().to_string();
    for t in TABLES {
        let rows: i64 = store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {}", t.name), [], |r| {
                r.get(0)
            })
            .map_err(StoreError::from)?;
        if rows > 0 {
            return Err(PgError::NotEmpty {
                target,
                table: t.name.into(),
                rows,
            });
        }
    }
    // One snapshot of the server for every table.
    let mut read = pg
        .client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(server_err)?;
    let write = store.conn_mut().transaction().map_err(StoreError::from)?;
    let mut total = 0;
    for t in TABLES {
        let rows =
            copy_out(&mut read, &write, t, progress).map_err(|Reason(reason)| PgError::Table {
                place: server.clone(),
                table: t.name.into(),
                reason,
            })?;
        progress(Copied {
            table: t.name,
            rows,
            done: true,
        });
        total += rows;
    }
    write.commit().map_err(StoreError::from)?;
    read.commit().map_err(server_err)?;
    Ok(total)
}

fn copy_out(
    read: &mut postgres::Transaction<'_>,
    write: &rusqlite::Transaction<'_>,
    t: &'static Table,
    progress: &mut dyn FnMut(Copied),
) -> Result<u64, Reason> {
    copy_rows_out(read, write, t, &t.select_all(), progress)
}

/// Inserts the rows of the server's `select` (all of `t`'s columns, in
/// order) into the SQLite table `t`.
pub(crate) fn copy_rows_out(
    read: &mut postgres::Transaction<'_>,
    write: &rusqlite::Connection,
    t: &'static Table,
    select: &str,
    progress: &mut dyn FnMut(Copied),
) -> Result<u64, Reason> {
    let placeholders: Vec<String> = (1..=t.columns.len()).map(|i| format!("?{i}")).collect();
    let mut insert = write.prepare(&format!(
        "INSERT INTO {} ({}) VALUES ({})",
        t.name,
        t.column_list(),
        placeholders.join(", ")
    ))?;
    let mut n = 0u64;
    copy::each_row(read, select, |r| -> Result<(), Reason> {
        n += 1;
        let values = t.columns.iter().enumerate().map(|(i, &(_, ty))| {
            ToSqlOutput::Borrowed(match ty {
                Ty::Int => r.int(i).map_or(ValueRef::Null, ValueRef::Integer),
                Ty::Real => r.real(i).map_or(ValueRef::Null, ValueRef::Real),
                Ty::Text => r.text(i).map_or(ValueRef::Null, ValueRef::Text),
            })
        });
        insert.execute(rusqlite::params_from_iter(values))?;
        if n.is_multiple_of(PROGRESS_EVERY) {
            progress(Copied {
                table: t.name,
                rows: n,
                done: false,
            });
        }
        Ok(())
    })?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::metrics::dataset::cache::Cache;
    use crate::metrics::{Comparison, Dataset, Filters, Selection, compute_report};
    use crate::store::pg::Reader;
    use crate::store::pg::cluster::Cluster;

    /// A small sample shop in a file, and the server database to copy it to.
    fn demo_on_server(cluster: &Cluster, name: &str) -> (tempfile::TempDir, Store, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.laris");
        let mut store = Store::open(&path).unwrap();
        let opts = crate::demo::DemoOptions {
            scale: 2_000,
            seed: 5,
            until: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        };
        crate::demo::fill(&mut store, &opts, &mut |_| {}).unwrap();
        let url = cluster.database(name);
        (dir, store, url)
    }

    fn report(ds: &Dataset, period: &str) -> String {
        let sel = Selection::parse(period).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let r = compute_report(ds, &sel, Comparison::Previous, today, &Filters::default());
        serde_json::to_string(&r).unwrap()
    }

    /// With a cache, the second load comes from it while the server's data
    /// revision stands, and a change that replaces the revision (a target
    /// edited) is read from the server again.
    #[test]
    fn a_server_dataset_is_cached_by_its_data_revision() {
        let Some(cluster) = Cluster::shared() else {
            return;
        };
        let (dir, store, url) = demo_on_server(cluster, "cached");
        migrate(
            &Place::File(store.path().to_path_buf()),
            &Place::Server(url.clone()),
            &mut |_| {},
        )
        .unwrap();
        let cache = Cache {
            dir: dir.path().join("cache"),
            min_rows: 0,
        };
        let mut pg = PgStore::connect(&url).unwrap();
        let reader = Reader::connect(&url).unwrap();
        let key = PathBuf::from(&pg.server);
        let load = |_: &mut PgStore, cache: Option<&Cache>| {
            Dataset::load_postgres(&reader, None, cache.map(|c| (c, key.as_path()))).unwrap()
        };
        let first = report(&load(&mut pg, Some(&cache)), "year:2024");
        assert!(cache.file_for(&key).is_file(), "written on the first load");
        // Records changed behind Laris's back (no batch, so no new
        // revision) show whether the cache is read: it is, and still gives
        // the old figures.
        pg.client
            .batch_execute("UPDATE orders SET total_minor = 0")
            .unwrap();
        assert_eq!(report(&load(&mut pg, Some(&cache)), "year:2024"), first);
        assert_ne!(report(&load(&mut pg, None), "year:2024"), first);
        // A change made the way Laris makes them replaces the revision.
        pg.client
            .batch_execute("UPDATE targets SET target_minor = target_minor * 2")
            .unwrap();
        assert_eq!(
            report(&load(&mut pg, Some(&cache)), "year:2024"),
            report(&load(&mut pg, None), "year:2024")
        );
    }

    /// The dataset from a server, read on one connection or on two in one
    /// exported snapshot, gives the report the file gives, with and
    /// without a filter.
    #[test]
    fn a_server_loads_the_dataset_the_file_loads_on_one_connection_or_two() {
        let Some(cluster) = Cluster::shared() else {
            return;
        };
        let (_dir, store, url) = demo_on_server(cluster, "dataset");
        let path = store.path().to_path_buf();
        let mut tables = 0;
        migrate(
            &Place::File(path.clone()),
            &Place::Server(url.clone()),
            &mut |c| tables += usize::from(c.done),
        )
        .unwrap();
        assert_eq!(tables, TABLES.len());
        let file = Dataset::load_with(store.conn(), None).unwrap();
        let first = Reader::connect(&url).unwrap();
        let second = Reader::connect(&url).unwrap();
        let one = Dataset::load_postgres(&first, None, None).unwrap();
        let two = Dataset::load_postgres(&first, Some(&second), None).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let rep = file.reps.names()[0].clone();
        for period in ["month:2025-03", "year:2024", "ytd:2025-06-30"] {
            let sel = Selection::parse(period).unwrap();
            for filters in [
                Filters::default(),
                Filters {
                    rep: Some(rep.clone()),
                    ..Filters::default()
                },
            ] {
                let report = |ds: &Dataset| {
                    serde_json::to_string(&compute_report(
                        ds,
                        &sel,
                        Comparison::Previous,
                        today,
                        &filters,
                    ))
                    .unwrap()
                };
                let expected = report(&file);
                assert!(expected.contains("revenue"));
                assert_eq!(report(&one), expected, "{period}, one connection");
                assert_eq!(report(&two), expected, "{period}, two connections");
            }
        }
    }
}
