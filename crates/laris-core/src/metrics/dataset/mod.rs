//! Every column the metrics need, read from SQLite once into compact arrays
//! (a struct of arrays per kind), so that any period is a binary search and a
//! scan over plain numbers.
//!
//! [`time`] holds the date numbers, [`names`] the interned keys, [`columns`]
//! each kind's arrays, [`customers`] the facts about customers, [`load`] the
//! SQLite reader and [`cache`] the column cache that spares it.

pub mod cache;
pub mod columns;
pub mod customers;
mod load;
pub mod names;
pub mod patch;
pub mod time;

use rusqlite::Connection;

pub use columns::*;
pub use customers::*;
pub use names::*;
pub use time::*;

use crate::store::pg::{PgError, PgStore, Reader};
use crate::store::settings;
use cache::Cache;
use load::{
    Groups, Others, load_orders, load_others, load_present, load_rep_aliases, load_settings_text,
};
use patch::Journal;

/// All the data the metrics read.
#[derive(Debug, Default)]
pub struct Dataset {
    pub currency: String,
    /// Pipeline stage names in the business's order, and the user's own win
    /// probability per stage.
    pub stages: Vec<String>,
    pub stage_probability: Vec<Option<f64>>,
    pub reps: Names,
    pub channels: Names,
    pub sources: Names,
    /// The branches (outlets) records were imported as; no branch is NONE.
    pub branches: Names,
    pub products: Names,
    /// The skus of order lines.
    pub skus: Names,
    pub activity_types: Names,
    pub customers: usize,
    pub orders: Orders,
    pub leads: Leads,
    pub deals: Deals,
    pub activities: Activities,
    pub targets: Vec<Target>,
    pub expenses: Expenses,
    pub csat: Csat,
    pub inquiries: Inquiries,
    pub subscriptions: Subscriptions,
    pub present: Present,
    pub customer_index: CustomerIndex,
    /// The customers' keys, kept so that new orders can be patched in.
    pub customer_keys: CustomerKeyLists,
}

impl Dataset {
    /// Reads everything the metrics need: from the column cache in the
    /// user's cache folder when it holds this very revision of the database
    /// (see [`cache`]), or an earlier one that imports and undos of the
    /// kinds [`patch`] follows separate from this one (what they changed is
    /// read and merged in), else from SQLite;
    /// then, for a large database, writes the cache for the next time.
    pub fn load(conn: &Connection) -> anyhow::Result<Dataset> {
        Dataset::load_with(conn, Cache::user().as_ref())
    }

    /// Like [`Dataset::load`], with the cache files in `cache` (none: from
    /// SQLite only).
    pub fn load_with(conn: &Connection, cache: Option<&Cache>) -> anyhow::Result<Dataset> {
        let db = conn
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from);
        // Inside the caller's transaction the data may not be what is
        // committed (the second connection sees only that): no cache.
        let (Some(cache), Some(db)) = (cache, db.filter(|_| conn.is_autocommit())) else {
            return Ok(Dataset::read_sqlite(conn)?.0);
        };
        // One read transaction, so that the revision is that of the data read.
        conn.execute_batch("BEGIN")?;
        type Fresh = Option<(cache::Revision, Journal)>;
        let read = (|| -> anyhow::Result<(Dataset, Fresh)> {
            let revision = cache::revision(conn);
            if let Some(revision) = revision
                && let Some((ds, cached, journal)) =
                    cache.read_any(&db, revision, Dataset::with_settings(conn)?)
            {
                if cached == revision {
                    return Ok((ds, None));
                }
                if let Some((ds, journal, patched)) = patch::catch_up(conn, ds, &journal)? {
                    // Writing the file again (155 MB for the million-order
                    // shop) costs more than patching a few rows in at the
                    // next load too: it waits until they are 5% of them.
                    let rewrite = patched.saturating_mul(20) >= ds.rows() as i64;
                    return Ok((ds, rewrite.then_some((revision, journal))));
                }
            }
            let (ds, others_saw) = Dataset::read_sqlite(conn)?;
            // Written only when both connections read the same revision.
            match revision.filter(|r| others_saw == Some(*r)) {
                Some(r) => Ok((ds, Some((r, Journal::read(conn)?)))),
                None => Ok((ds, None)),
            }
        })();
        conn.execute_batch("COMMIT")?;
        let (mut ds, fresh) = read?;
        if let Some((revision, journal)) = fresh
            && ds.rows() >= cache.min_rows
        {
            // A cache that cannot be written only makes the next load slower.
            let _ = cache.write(&db, revision, &journal, &mut ds);
        }
        Ok(ds)
    }

    /// The rows loaded, all kinds together.
    fn rows(&self) -> usize {
        self.orders.len()
            + self.orders.line_product.len()
            + self.leads.created.len()
            + self.deals.len()
            + self.deals.hist_stage.len()
            + self.activities.date.len()
            + self.targets.len()
            + self.expenses.date.len()
            + self.csat.date.len()
            + self.inquiries.received.len()
            + self.subscriptions.start.len()
    }

    /// The data on the server at `url`, read as [`Dataset::load_postgres`]
    /// reads it, with the user's column cache: the schema is checked first,
    /// and the other kinds are read on a second connection where the
    /// server allows one.
    pub fn load_server(url: &str) -> Result<Dataset, PgError> {
        PgStore::connect(url)?.check_schema()?;
        let first = Reader::connect(url)?;
        let second = Reader::connect(url).ok();
        let cache = Cache::user();
        let key = std::path::PathBuf::from(&first.server);
        let cache = cache.as_ref().map(|c| (c, key.as_path()));
        // The server's own words where it refused (the driver's chain
        // would say them twice, after its "db error").
        Dataset::load_postgres(&first, second.as_ref(), cache).map_err(|e| PgError::Server {
            server: first.server.clone(),
            reason: e
                .chain()
                .find_map(|c| c.downcast_ref::<postgres::Error>())
                .filter(|pg| pg.as_db_error().is_some())
                .map_or_else(|| format!("{e:#}"), crate::store::pg::reason),
        })
    }

    /// Reads everything the metrics need from a PostgreSQL server, in one
    /// read-only snapshot, with the same loaders as from SQLite. With a
    /// `second` connection to the same database, the other kinds are read
    /// on it at the same time as the orders, in the same snapshot (exported
    /// by the first). With a `cache` (and the server's name as its key),
    /// the arrays come from the column cache while the server's data
    /// revision is the one they were cached at, and a large dataset read
    /// from the server is cached for the next time; a cache is never
    /// patched, only replaced.
    pub fn load_postgres(
        first: &Reader,
        second: Option<&Reader>,
        cache: Option<(&Cache, &std::path::Path)>,
    ) -> anyhow::Result<Dataset> {
        first.batch_execute(SNAPSHOT)?;
        let read = (|| -> anyhow::Result<(Dataset, Option<cache::Revision>)> {
            // The first statement fixes the snapshot: the token is that of
            // the data read after it.
            let revision = match cache {
                Some(_) => {
                    let token: Option<Vec<u8>> = first
                        .query_opt("SELECT token FROM data_revision WHERE id = 1")?
                        .map(|r| r.get(0));
                    let schema: Option<i32> = first
                        .query_opt("SELECT max(version) FROM laris_schema")?
                        .and_then(|r| r.get(0));
                    token
                        .zip(schema)
                        .and_then(|(t, v)| cache::server_revision(&t, v))
                }
                None => None,
            };
            let snapshot: Option<String> = match second {
                Some(_) => first
                    .query_opt("SELECT pg_export_snapshot()")?
                    .map(|r| r.get(0)),
                None => None,
            };
            let settings = settings::parse(load_settings_text(first)?.as_deref());
            let present = load_present(first)?;
            if let (Some((cache, key)), Some(revision)) = (cache, revision)
                && let Some(ds) =
                    cache.read(key, revision, Dataset::with(settings.clone(), present))
            {
                return Ok((ds, None));
            }
            let mut ds = Dataset::with(settings, present);
            let aliases = load_rep_aliases(first)?;
            ds.reps = Names::with_aliases(aliases.clone());
            let stages = ds.stages.clone();
            let others = match (second, snapshot) {
                (Some(second), Some(snapshot)) => std::thread::scope(|scope| {
                    let others = scope.spawn(|| -> anyhow::Result<Others> {
                        // The id is the server's own; checked all the same,
                        // as SET TRANSACTION takes no parameter.
                        anyhow::ensure!(
                            snapshot.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'),
                            "unexpected snapshot id {snapshot:?}"
                        );
                        second.batch_execute(&format!(
                            "{SNAPSHOT}; SET TRANSACTION SNAPSHOT '{snapshot}'"
                        ))?;
                        let others = load_others(second, &stages, aliases, Groups::ALL);
                        second.batch_execute("COMMIT")?;
                        Ok(others?)
                    });
                    load_orders(first, &mut ds)?;
                    others
                        .join()
                        .map_err(|_| anyhow::anyhow!("loading the data failed"))?
                })?,
                _ => {
                    load_orders(first, &mut ds)?;
                    load_others(first, &stages, aliases, Groups::ALL)?
                }
            };
            ds.merge(others, Groups::ALL);
            Ok((ds, revision))
        })();
        first.batch_execute("COMMIT")?;
        let (mut ds, revision) = read?;
        if let (Some((cache, key)), Some(revision)) = (cache, revision)
            && ds.rows() >= cache.min_rows
        {
            // A cache that cannot be written only makes the next load slower.
            let _ = cache.write(key, revision, &Journal::default(), &mut ds);
        }
        Ok(ds)
    }

    /// A dataset with the settings and which kinds are present, and no rows.
    pub(crate) fn with_settings(conn: &Connection) -> anyhow::Result<Dataset> {
        Ok(Dataset::with(settings::load(conn)?, load_present(conn)?))
    }

    fn with(settings: settings::Settings, present: Present) -> Dataset {
        Dataset {
            currency: settings.currency.clone(),
            stage_probability: settings
                .pipeline_stages
                .iter()
                .map(|s| s.win_probability)
                .collect(),
            stages: settings
                .pipeline_stages
                .into_iter()
                .map(|s| s.name)
                .collect(),
            present,
            ..Dataset::default()
        }
    }

    /// Reads everything from SQLite. When the database is a file, the orders
    /// and the other kinds are read at the same time on two connections; the
    /// second one's data revision is returned.
    fn read_sqlite(conn: &Connection) -> anyhow::Result<(Dataset, Option<cache::Revision>)> {
        let mut ds = Dataset::with_settings(conn)?;
        let aliases = crate::store::rep_names::all(conn)?;
        ds.reps = Names::with_aliases(aliases.clone());
        let stages = ds.stages.clone();
        let path = conn
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from);
        let (others, revision) = match path {
            Some(path) => std::thread::scope(|scope| {
                let others = scope.spawn(|| -> anyhow::Result<_> {
                    let second = Connection::open_with_flags(
                        &path,
                        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )?;
                    second.execute_batch("BEGIN")?;
                    let revision = cache::revision(&second);
                    Ok((
                        load_others(&second, &stages, aliases, Groups::ALL)?,
                        revision,
                    ))
                });
                load_orders(conn, &mut ds)?;
                others
                    .join()
                    .map_err(|_| anyhow::anyhow!("loading the data failed"))?
            })?,
            None => {
                load_orders(conn, &mut ds)?;
                (load_others(conn, &stages, aliases, Groups::ALL)?, None)
            }
        };
        ds.merge(others, Groups::ALL);
        Ok((ds, revision))
    }

    /// Takes in the other kinds of `groups`, their names renumbered into
    /// the dataset's (a rep or channel only the replaced rows had keeps its
    /// number: no figure lists a name without rows).
    fn merge(&mut self, mut o: Others, groups: Groups) {
        let reps = self.reps.merge(&o.reps);
        remap(&mut o.leads.rep, &reps);
        remap(&mut o.deals.rep, &reps);
        remap(&mut o.activities.rep, &reps);
        for t in &mut o.targets {
            t.rep = reps.get(t.rep as usize).copied().unwrap_or(NONE);
        }
        let channels = self.channels.merge(&o.channels);
        remap(&mut o.inquiries.channel, &channels);
        let branches = self.branches.merge(&o.branches);
        remap(&mut o.leads.branch, &branches);
        remap(&mut o.deals.branch, &branches);
        remap(&mut o.activities.branch, &branches);
        for t in &mut o.targets {
            t.branch = branches.get(t.branch as usize).copied().unwrap_or(NONE);
        }
        remap(&mut o.expenses.branch, &branches);
        remap(&mut o.csat.branch, &branches);
        remap(&mut o.inquiries.branch, &branches);
        remap(&mut o.subscriptions.branch, &branches);
        if groups.pipeline {
            self.sources = o.sources;
            self.leads = o.leads;
            self.deals = o.deals;
        }
        if groups.activities {
            self.activity_types = o.activity_types;
            self.activities = o.activities;
        }
        if groups.small {
            self.targets = o.targets;
            self.expenses = o.expenses;
            self.csat = o.csat;
            self.inquiries = o.inquiries;
            self.subscriptions = o.subscriptions;
        }
    }
}

/// A read-only transaction that sees one snapshot of the whole database.
const SNAPSHOT: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
