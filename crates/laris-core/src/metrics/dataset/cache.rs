//! The column cache: a copy of a loaded [`Dataset`]'s arrays in a file of the
//! user's cache folder, so that loading an unchanged database again is one
//! read of about 150 MB for a million orders instead of stepping through six
//! million SQLite rows (1.4 s).
//!
//! A cache file is used only when its header names the database's current
//! data revision (a random token that every import, undo, settings change and
//! target edit replaces in its own transaction: migration 003), the same
//! schema version and the same [`CACHE_FORMAT`], and when its checksum and
//! column lengths hold. Anything else, a missing, stale, truncated or
//! corrupt file included, means reading SQLite as before; a cache error is
//! never the user's problem.
//!
//! Layout: a fixed header, then the body: length-prefixed JSON of the small
//! parts (names, targets), then each column as a little-endian element count
//! followed by its elements' native bytes (checked to be little-endian).

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use bytemuck::Pod;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::patch::Journal;
use super::{Dataset, DealStatus, NONE, Names, Target};

const MAGIC: [u8; 8] = *b"LARISCOL";
/// Written in native order: a big-endian machine reads it back differently.
const ENDIAN: u32 = 0x0102_0304;
const HEADER_LEN: usize = 8 + 4 + 4 + 8 + 16 + 8 + 4;
/// Cache files kept at once (one per database path): older ones are removed.
const KEEP: usize = 3;

/// Below this many rows SQLite loads in well under 0.1 s: no file is worth it.
pub const MIN_ROWS: usize = 250_000;

/// Which data a cache file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    token: [u8; 16],
    schema: i64,
}

/// The database's current data revision; None when it has none (an old
/// schema opened without migrating).
pub fn revision(conn: &Connection) -> Option<Revision> {
    let token: Vec<u8> = conn
        .query_row("SELECT token FROM data_revision WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()
        .ok()??;
    let schema: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .ok()?;
    Some(Revision {
        token: token.try_into().ok()?,
        schema,
    })
}

/// The revision of a database on a PostgreSQL server: its data revision
/// token (replaced by the same triggers as SQLite's) and its schema version,
/// numbered apart from SQLite's so that neither is ever taken for the
/// other.
pub(crate) fn server_revision(token: &[u8], schema: i32) -> Option<Revision> {
    Some(Revision {
        token: token.try_into().ok()?,
        schema: 1_000_000 + i64::from(schema),
    })
}

/// The layout and meaning of the cached arrays. A build that computes them
/// differently must never read another build's file, so any change to what
/// the loader ([`super::load`]), the columns ([`super::columns`],
/// [`super::customers`], [`super::names`]) or this file's codec produce
/// bumps this number; the test `cache_format_moves_with_the_loader` fails
/// until it is bumped.
pub const CACHE_FORMAT: u32 = 6;

/// Where cache files live, and from what size a dataset gets one.
#[derive(Clone, Debug)]
pub struct Cache {
    pub dir: PathBuf,
    pub min_rows: usize,
}

impl Cache {
    /// The platform's cache folder (e.g. `~/.cache/laris` on Linux,
    /// `%LOCALAPPDATA%\laris\cache` on Windows): never backed up or synced,
    /// and the system may empty it, which only costs one slower load.
    pub fn user() -> Option<Cache> {
        directories::ProjectDirs::from("", "", "laris").map(|d| Cache {
            dir: d.cache_dir().to_path_buf(),
            min_rows: MIN_ROWS,
        })
    }

    /// The cache file of the database at `db` (an absolute path).
    pub fn file_for(&self, db: &Path) -> PathBuf {
        let digest = Sha256::digest(db.as_os_str().as_encoded_bytes());
        self.dir
            .join(format!("{}.columns", crate::util::hex(&digest[..8])))
    }

    /// The dataset in the cache file, if it holds exactly `revision`.
    /// `ds` comes with what is read from SQLite anyway (settings, which
    /// kinds are present); the arrays are filled in.
    pub fn read(&self, db: &Path, revision: Revision, ds: Dataset) -> Option<Dataset> {
        self.read_any(db, revision, ds)
            .filter(|(_, cached, _)| *cached == revision)
            .map(|(ds, _, _)| ds)
    }

    /// The dataset in the cache file, whatever revision of the database
    /// it holds as long as its schema is `current`'s, with that revision and
    /// the journal to bring it up to date ([`super::patch`]).
    pub fn read_any(
        &self,
        db: &Path,
        current: Revision,
        mut ds: Dataset,
    ) -> Option<(Dataset, Revision, Journal)> {
        let file = File::open(self.file_for(db)).ok()?;
        let size = file.metadata().ok()?.len();
        let mut r = BufReader::with_capacity(1 << 16, file);
        let mut head = [0u8; HEADER_LEN];
        r.read_exact(&mut head).ok()?;
        let header = Header::parse(&head)?;
        if header.revision.schema != current.schema
            || header.loader != CACHE_FORMAT
            || header.body_len != size.checked_sub(HEADER_LEN as u64)?
        {
            return None;
        }
        let mut reader = Reader {
            r,
            left: header.body_len,
            crc: crc32fast::Hasher::new(),
        };
        let mut meta = Vec::new();
        reader.col::<u8>(&mut meta).ok()?;
        let meta: Meta = serde_json::from_slice(&meta).ok()?;
        let journal = meta.put(&mut ds);
        columns(&mut reader, &mut ds).ok()?;
        if reader.left != 0 || reader.crc.finalize() != header.body_crc || !consistent(&ds) {
            return None;
        }
        Some((ds, header.revision, journal))
    }

    /// Writes `ds` as the cache of the database at `db`: to a new file that
    /// replaces the old one whole, so a reader never sees half of it.
    pub fn write(
        &self,
        db: &Path,
        revision: Revision,
        journal: &Journal,
        ds: &mut Dataset,
    ) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.file_for(db);
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let result = (|| {
            let mut w = Writer {
                w: BufWriter::with_capacity(1 << 16, File::create(&tmp)?),
                len: 0,
                crc: crc32fast::Hasher::new(),
            };
            w.w.write_all(&[0u8; HEADER_LEN])?;
            let mut meta =
                serde_json::to_vec(&Meta::take(ds, journal)).map_err(io::Error::other)?;
            w.col(&mut meta)?;
            columns(&mut w, ds)?;
            let header = Header {
                revision,
                loader: CACHE_FORMAT,
                body_len: w.len,
                body_crc: w.crc.finalize(),
            };
            let mut file = w.w.into_inner().map_err(|e| e.into_error())?;
            file.seek(SeekFrom::Start(0))?;
            // Not fsynced: the file can be made again, and one cut short by
            // a crash fails its length or checksum check and is not used.
            file.write_all(&header.bytes())
        })();
        match result {
            Ok(()) => std::fs::rename(&tmp, &path)?,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        }
        self.remove_old(&path);
        Ok(())
    }

    /// Keeps the most recently written cache files (those of the databases
    /// opened last).
    fn remove_old(&self, keep: &Path) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p != keep && p.extension().is_some_and(|e| e == "columns"))
            .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
            .collect();
        files.sort();
        let excess = (files.len() + 1).saturating_sub(KEEP);
        for (_, old) in files.into_iter().take(excess) {
            let _ = std::fs::remove_file(old);
        }
    }
}

struct Header {
    revision: Revision,
    loader: u32,
    body_len: u64,
    body_crc: u32,
}

impl Header {
    fn bytes(&self) -> [u8; HEADER_LEN] {
        let mut b = [0u8; HEADER_LEN];
        b[0..8].copy_from_slice(&MAGIC);
        b[8..12].copy_from_slice(&ENDIAN.to_ne_bytes());
        b[12..16].copy_from_slice(&self.loader.to_le_bytes());
        b[16..24].copy_from_slice(&self.revision.schema.to_le_bytes());
        b[24..40].copy_from_slice(&self.revision.token);
        b[40..48].copy_from_slice(&self.body_len.to_le_bytes());
        b[48..52].copy_from_slice(&self.body_crc.to_le_bytes());
        b
    }

    fn parse(b: &[u8; HEADER_LEN]) -> Option<Header> {
        let endian = u32::from_le_bytes(b[8..12].try_into().ok()?);
        if b[0..8] != MAGIC || endian != ENDIAN {
            return None;
        }
        Some(Header {
            loader: u32::from_le_bytes(b[12..16].try_into().ok()?),
            revision: Revision {
                schema: i64::from_le_bytes(b[16..24].try_into().ok()?),
                token: b[24..40].try_into().ok()?,
            },
            body_len: u64::from_le_bytes(b[40..48].try_into().ok()?),
            body_crc: u32::from_le_bytes(b[48..52].try_into().ok()?),
        })
    }
}

/// The small parts, whose names are not columns.
#[derive(Serialize, Deserialize)]
struct Meta {
    reps: Vec<String>,
    channels: Vec<String>,
    sources: Vec<String>,
    branches: Vec<String>,
    products: Vec<String>,
    skus: Vec<String>,
    activity_types: Vec<String>,
    customers: usize,
    targets: Vec<Target>,
    journal: Journal,
}

impl Meta {
    fn take(ds: &Dataset, journal: &Journal) -> Meta {
        Meta {
            reps: ds.reps.names().to_vec(),
            channels: ds.channels.names().to_vec(),
            sources: ds.sources.names().to_vec(),
            branches: ds.branches.names().to_vec(),
            products: ds.products.names().to_vec(),
            skus: ds.skus.names().to_vec(),
            activity_types: ds.activity_types.names().to_vec(),
            customers: ds.customers,
            targets: ds.targets.clone(),
            journal: journal.clone(),
        }
    }

    /// Puts the names into `ds`; returns the journal.
    fn put(self, ds: &mut Dataset) -> Journal {
        ds.reps = Names::from_names(self.reps);
        ds.channels = Names::from_names(self.channels);
        ds.sources = Names::from_names(self.sources);
        ds.branches = Names::from_names(self.branches);
        ds.products = Names::from_names(self.products);
        ds.skus = Names::from_names(self.skus);
        ds.activity_types = Names::from_names(self.activity_types);
        ds.customers = self.customers;
        ds.targets = self.targets;
        self.journal
    }
}

/// Writes or reads one column in place: the same function lists the columns
/// for both, so the two can never disagree on their order.
trait Codec {
    fn col<T: Pod>(&mut self, v: &mut Vec<T>) -> io::Result<()>;

    /// A column of small values stored as one byte each.
    fn codes<T: Copy>(
        &mut self,
        v: &mut Vec<T>,
        code: fn(T) -> u8,
        value: fn(u8) -> Option<T>,
    ) -> io::Result<()> {
        let mut bytes: Vec<u8> = v.iter().map(|&x| code(x)).collect();
        self.col(&mut bytes)?;
        *v = bytes
            .into_iter()
            .map(|b| value(b).ok_or_else(|| invalid("bad code")))
            .collect::<io::Result<_>>()?;
        Ok(())
    }

    fn flags(&mut self, v: &mut Vec<bool>) -> io::Result<()> {
        self.codes(v, u8::from, |b| match b {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        })
    }

    fn optional(&mut self, v: &mut Vec<Option<i64>>) -> io::Result<()> {
        let mut some: Vec<bool> = v.iter().map(Option::is_some).collect();
        let mut values: Vec<i64> = v.iter().map(|x| x.unwrap_or(0)).collect();
        self.flags(&mut some)?;
        self.col(&mut values)?;
        if some.len() != values.len() {
            return Err(invalid("column lengths differ"));
        }
        *v = some
            .into_iter()
            .zip(values)
            .map(|(s, x)| s.then_some(x))
            .collect();
        Ok(())
    }
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

fn columns(c: &mut impl Codec, ds: &mut Dataset) -> io::Result<()> {
    let o = &mut ds.orders;
    c.col(&mut o.id)?;
    c.col(&mut o.date)?;
    c.flags(&mut o.paid)?;
    c.flags(&mut o.refunded)?;
    c.col(&mut o.total)?;
    c.col(&mut o.customer)?;
    c.col(&mut o.rep)?;
    c.col(&mut o.channel)?;
    c.col(&mut o.branch)?;
    c.col(&mut o.line_start)?;
    c.col(&mut o.line_product)?;
    c.col(&mut o.line_qty)?;
    c.col(&mut o.line_total)?;
    c.col(&mut o.line_sku)?;
    c.col(&mut o.line_cogs)?;
    c.flags(&mut o.line_costed)?;
    c.col(&mut o.fees)?;
    c.flags(&mut o.settled)?;
    let l = &mut ds.leads;
    c.col(&mut l.id)?;
    c.col(&mut l.created)?;
    c.col(&mut l.source)?;
    c.col(&mut l.rep)?;
    c.col(&mut l.first_response)?;
    c.flags(&mut l.converted)?;
    c.col(&mut l.branch)?;
    let d = &mut ds.deals;
    c.col(&mut d.id)?;
    c.col(&mut d.created)?;
    c.col(&mut d.closed)?;
    c.codes(
        &mut d.status,
        |s| s as u8,
        |b| match b {
            0 => Some(DealStatus::Open),
            1 => Some(DealStatus::Won),
            2 => Some(DealStatus::Lost),
            _ => None,
        },
    )?;
    c.col(&mut d.stage)?;
    c.col(&mut d.value)?;
    c.optional(&mut d.close_value)?;
    c.col(&mut d.rep)?;
    c.col(&mut d.source)?;
    c.col(&mut d.hist_start)?;
    c.col(&mut d.hist_stage)?;
    c.col(&mut d.hist_at)?;
    c.col(&mut d.reach)?;
    c.col(&mut d.branch)?;
    let a = &mut ds.activities;
    c.col(&mut a.id)?;
    c.col(&mut a.date)?;
    c.col(&mut a.rep)?;
    c.col(&mut a.kind)?;
    c.col(&mut a.minutes)?;
    c.col(&mut a.count)?;
    c.col(&mut a.branch)?;
    c.col(&mut ds.expenses.id)?;
    c.col(&mut ds.expenses.date)?;
    c.flags(&mut ds.expenses.acquisition)?;
    c.col(&mut ds.expenses.amount)?;
    c.col(&mut ds.expenses.branch)?;
    c.col(&mut ds.csat.id)?;
    c.col(&mut ds.csat.date)?;
    c.col(&mut ds.csat.score)?;
    c.col(&mut ds.csat.branch)?;
    c.col(&mut ds.inquiries.id)?;
    c.col(&mut ds.inquiries.received)?;
    c.col(&mut ds.inquiries.responded)?;
    c.col(&mut ds.inquiries.channel)?;
    c.col(&mut ds.inquiries.branch)?;
    c.col(&mut ds.subscriptions.id)?;
    c.col(&mut ds.subscriptions.start)?;
    c.col(&mut ds.subscriptions.end)?;
    c.col(&mut ds.subscriptions.monthly)?;
    c.col(&mut ds.subscriptions.branch)?;
    let ci = &mut ds.customer_index;
    c.col(&mut ci.first_paid)?;
    c.col(&mut ci.first_paid_sorted)?;
    c.flags(&mut ci.first_with_rep)?;
    c.flags(&mut ci.new_product)?;
    for keys in [&mut ds.customer_keys.ids, &mut ds.customer_keys.names] {
        c.col(&mut keys.bytes)?;
        c.col(&mut keys.ends)?;
        c.col(&mut keys.customer)?;
    }
    Ok(())
}

struct Writer {
    w: BufWriter<File>,
    len: u64,
    crc: crc32fast::Hasher,
}

impl Writer {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.crc.update(bytes);
        self.len += bytes.len() as u64;
        self.w.write_all(bytes)
    }
}

impl Codec for Writer {
    fn col<T: Pod>(&mut self, v: &mut Vec<T>) -> io::Result<()> {
        self.put(&(v.len() as u64).to_le_bytes())?;
        self.put(bytemuck::cast_slice(v))
    }
}

struct Reader {
    r: BufReader<File>,
    /// Bytes of the body not read yet: no count in a damaged file can make
    /// a column larger than the file.
    left: u64,
    crc: crc32fast::Hasher,
}

impl Reader {
    fn take(&mut self, buf: &mut [u8]) -> io::Result<()> {
        self.left = self
            .left
            .checked_sub(buf.len() as u64)
            .ok_or_else(|| invalid("past the end"))?;
        self.r.read_exact(buf)?;
        self.crc.update(buf);
        Ok(())
    }
}

impl Codec for Reader {
    fn col<T: Pod>(&mut self, v: &mut Vec<T>) -> io::Result<()> {
        let mut n = [0u8; 8];
        self.take(&mut n)?;
        let n = u64::from_le_bytes(n);
        n.checked_mul(std::mem::size_of::<T>() as u64)
            .filter(|&size| size <= self.left)
            .ok_or_else(|| invalid("column longer than the file"))?;
        *v = vec![T::zeroed(); n as usize];
        self.take(bytemuck::cast_slice_mut(v))
    }
}

/// The lengths and offsets the metrics index by: a file that passed its
/// checksum but was written wrong must not make them go out of bounds.
fn consistent(ds: &Dataset) -> bool {
    let starts_ok = |start: &[u32], items: usize, of: usize| {
        start.len() == of + 1
            && start.first() == Some(&0)
            && start.last().is_some_and(|&l| l as usize == items)
            && start.is_sorted()
    };
    let o = &ds.orders;
    let n = o.len();
    let l = &ds.leads;
    let d = &ds.deals;
    let a = &ds.activities;
    let ci = &ds.customer_index;
    let same = |lens: &[usize]| lens.iter().all(|&x| x == lens[0]);
    o.id.len() == n
        && l.id.len() == l.created.len()
        && d.id.len() == d.len()
        && a.id.len() == a.date.len()
        && ds.expenses.id.len() == ds.expenses.date.len()
        && ds.csat.id.len() == ds.csat.date.len()
        && ds.inquiries.id.len() == ds.inquiries.received.len()
        && ds.subscriptions.id.len() == ds.subscriptions.start.len()
        && same(&[
            n,
            o.paid.len(),
            o.total.len(),
            o.customer.len(),
            o.rep.len(),
        ])
        && same(&[
            n,
            o.channel.len(),
            ci.first_with_rep.len(),
            ci.new_product.len(),
        ])
        && same(&[n, o.refunded.len(), o.fees.len(), o.settled.len()])
        && o.branch.len() == n
        && l.branch.len() == l.created.len()
        && d.branch.len() == d.len()
        && a.branch.len() == a.date.len()
        && ds.expenses.branch.len() == ds.expenses.date.len()
        && ds.csat.branch.len() == ds.csat.date.len()
        && ds.inquiries.branch.len() == ds.inquiries.received.len()
        && ds.subscriptions.branch.len() == ds.subscriptions.start.len()
        && same(&[o.line_product.len(), o.line_qty.len(), o.line_total.len()])
        && same(&[
            o.line_product.len(),
            o.line_sku.len(),
            o.line_cogs.len(),
            o.line_costed.len(),
        ])
        && starts_ok(&o.line_start, o.line_product.len(), n)
        && o.customer
            .iter()
            .all(|&c| c == NONE || (c as usize) < ds.customers)
        && ci.first_paid.len() == ds.customers
        && same(&[l.created.len(), l.source.len(), l.rep.len()])
        && same(&[l.created.len(), l.first_response.len(), l.converted.len()])
        && same(&[d.len(), d.created.len(), d.closed.len(), d.stage.len()])
        && same(&[d.len(), d.value.len(), d.close_value.len(), d.rep.len()])
        && same(&[d.len(), d.source.len(), d.reach.len()])
        && same(&[d.hist_stage.len(), d.hist_at.len()])
        && starts_ok(&d.hist_start, d.hist_stage.len(), d.len())
        && same(&[a.date.len(), a.rep.len(), a.kind.len(), a.minutes.len()])
        && a.count.len() == a.date.len()
        && same(&[ds.expenses.date.len(), ds.expenses.acquisition.len()])
        && ds.expenses.amount.len() == ds.expenses.date.len()
        && ds.csat.date.len() == ds.csat.score.len()
        && same(&[ds.inquiries.received.len(), ds.inquiries.responded.len()])
        && ds.inquiries.channel.len() == ds.inquiries.received.len()
        && same(&[ds.subscriptions.start.len(), ds.subscriptions.end.len()])
        && ds.subscriptions.monthly.len() == ds.subscriptions.start.len()
        && [&ds.customer_keys.ids, &ds.customer_keys.names]
            .iter()
            .all(|k| k.ends.len() == k.customer.len())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::import::{self, ReadOptions};
    use crate::metrics::{Comparison, Filters, Selection, compute_report};
    use crate::store::{Kind, Store, batches, settings};

    /// The loader's sources as this build has them, so that a change that
    /// forgets to bump [`CACHE_FORMAT`] fails here instead of giving users
    /// figures computed by an older loader.
    #[test]
    fn cache_format_moves_with_the_loader() {
        let mut h = crc32fast::Hasher::new();
        for source in [
            include_str!("load.rs"),
            include_str!("columns.rs"),
            include_str!("customers.rs"),
            include_str!("names.rs"),
            include_str!("time.rs"),
            include_str!("mod.rs"),
            include_str!("cache.rs"),
            include_str!("patch.rs"),
        ] {
            let code = source.split("#[cfg(test)]").next().unwrap_or(source);
            // Only the code, not its layout: comments and tests may change
            // freely, and so may what rustfmt decides.
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                let tokens: Vec<u8> = line.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
                h.update(&tokens);
            }
        }
        let sources = h.finalize();
        // When this fails: bump CACHE_FORMAT if the arrays' meaning or layout
        // changed, then write both numbers here. (Format 5 survived the
        // loaders becoming generic over SQLite and PostgreSQL: SQLite's
        // `ORDER BY id` is its rowid order, the order it read before.)
        assert_eq!(
            (CACHE_FORMAT, sources),
            (6, 3_738_025_209),
            "the loader's code changed: bump CACHE_FORMAT if the cached arrays differ, then update this test"
        );
    }

    fn shop(dir: &Path) -> Store {
        let mut store = Store::open(&dir.join("shop.laris")).unwrap();
        let opts = crate::demo::DemoOptions {
            scale: 1_500,
            seed: 5,
            until: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        };
        crate::demo::fill(&mut store, &opts, &mut |_| {}).unwrap();
        store
    }

    fn cache(dir: &Path) -> Cache {
        Cache {
            dir: dir.join("cache"),
            min_rows: 0,
        }
    }

    /// Every metric, for two periods, unfiltered and for one rep and one
    /// channel (which rebuild the customer index from the columns).
    fn reports(ds: &Dataset) -> Vec<String> {
        let today = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        // Chosen by name: a patched dataset may number them otherwise.
        let first = |ids: &[u32], names: &Names| {
            ids.iter()
                .filter(|&&id| id != NONE)
                .map(|&id| names.name(id).to_string())
                .min()
        };
        let by_rep = Filters {
            rep: first(&ds.orders.rep, &ds.reps),
            ..Filters::default()
        };
        let by_channel = Filters {
            channel: first(&ds.orders.channel, &ds.channels),
            ..Filters::default()
        };
        let by_branch = Filters {
            branch: first(&ds.orders.branch, &ds.branches),
            ..Filters::default()
        };
        let mut out = Vec::new();
        for period in ["year:2024", "quarter:2025-Q1"] {
            let sel = Selection::parse(period).unwrap();
            for filters in [&Filters::default(), &by_rep, &by_channel, &by_branch] {
                let report = compute_report(ds, &sel, Comparison::Previous, today, filters);
                out.push(serde_json::to_string(&report).unwrap());
            }
        }
        out
    }

    fn from_cache(cache: &Cache, conn: &Connection) -> Option<Dataset> {
        let db = PathBuf::from(conn.path().unwrap());
        let settings = Dataset::with_settings(conn).unwrap();
        cache.read(&db, revision(conn).unwrap(), settings)
    }

    fn import_orders(store: &mut Store, csv: &str) {
        let opts = ReadOptions {
            kind: Some(Kind::Orders),
            ..ReadOptions::default()
        };
        let files = import::read_bytes(Path::new("more.csv"), csv.as_bytes(), &opts).unwrap();
        import::store_files(store, &files, &mut |_| true).unwrap();
    }

    #[test]
    fn the_cached_columns_give_the_same_reports_as_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let store = shop(dir.path());
        let cache = cache(dir.path());
        let sqlite = Dataset::load_with(store.conn(), None).unwrap();
        assert!(sqlite.orders.len() > 1_000 && !sqlite.deals.is_empty());
        assert!(
            from_cache(&cache, store.conn()).is_none(),
            "nothing cached yet"
        );
        let first = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        let cached = from_cache(&cache, store.conn()).expect("the first load wrote the cache");
        let again = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        let expected = reports(&sqlite);
        assert_eq!(reports(&first), expected);
        assert_eq!(reports(&cached), expected);
        assert_eq!(reports(&again), expected);
        assert_eq!(cached.reps.names(), sqlite.reps.names());
        assert_eq!(
            cached.customer_index.new_product,
            sqlite.customer_index.new_product
        );
    }

    #[test]
    fn an_import_a_settings_change_or_an_undo_makes_the_cache_stale() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let cache = cache(dir.path());
        let before = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        let revision_before = revision(store.conn()).unwrap();

        import_orders(
            &mut store,
            "order_id,date,rep,total\nNEW-1,2024-05-01,Zainal,1000000.00\n",
        );
        assert_ne!(revision(store.conn()).unwrap(), revision_before);
        assert!(from_cache(&cache, store.conn()).is_none());
        let after = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        assert_eq!(after.orders.len(), before.orders.len() + 1);
        assert_eq!(
            reports(&after),
            reports(&Dataset::load_with(store.conn(), None).unwrap())
        );
        assert_ne!(reports(&after), reports(&before));

        let mut s = settings::load(store.conn()).unwrap();
        s.currency = "USD".into();
        settings::save(store.conn(), &s).unwrap();
        assert!(from_cache(&cache, store.conn()).is_none());
        assert_eq!(
            Dataset::load_with(store.conn(), Some(&cache))
                .unwrap()
                .currency,
            "USD"
        );

        let last = batches::list(store.conn()).unwrap()[0].id;
        batches::undo(store.conn_mut(), last).unwrap();
        assert!(from_cache(&cache, store.conn()).is_none());
        let undone = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        assert_eq!(undone.orders.len(), before.orders.len());
    }

    fn import(store: &mut Store, kind: Kind, csv: &str) {
        import_as(store, kind, csv, "");
    }

    /// [`import`] as the records of `branch`.
    fn import_as(store: &mut Store, kind: Kind, csv: &str, branch: &str) {
        let opts = ReadOptions {
            kind: Some(kind),
            ..ReadOptions::default()
        };
        let mut files = import::read_bytes(Path::new("more.csv"), csv.as_bytes(), &opts).unwrap();
        for f in &mut files {
            f.branch = branch.to_string();
        }
        import::store_files(store, &files, &mut |_| true).unwrap();
    }

    /// Another branch's orders with order ids the shop has (their lines
    /// first, as a file of lines may come first) are patched in as a full
    /// load reads them: each with its own branch's lines and settlement,
    /// never those of the shop's order of the same id.
    #[test]
    fn another_branchs_orders_of_the_same_ids_are_patched_in_as_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let cache = cache(dir.path());
        let (id, lines): (String, i64) = store
            .conn()
            .query_row(
                "SELECT order_id, count(*) FROM order_lines GROUP BY order_id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(lines > 0);
        import_as(
            &mut store,
            Kind::OrderLines,
            &format!("order_id,product,quantity,unit_price\n{id},Roti Bakar,3,20000.00\n"),
            "Bandung",
        );
        import_as(
            &mut store,
            Kind::Settlements,
            &format!("order_id,fees\n{id},1500.00\n"),
            "Bandung",
        );
        let before = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        assert!(before.branches.is_empty(), "no order of a branch yet");
        import_as(
            &mut store,
            Kind::Orders,
            &format!("order_id,date,rep,status\n{id},2025-02-03,Zainal,paid\n"),
            "Bandung",
        );
        let full = Dataset::load_with(store.conn(), None).unwrap();
        let patched = caught_up(&cache, store.conn()).expect("only a new order: patched");
        assert_eq!(full.orders.len(), before.orders.len() + 1);
        let bandung = full.branches.find("bandung").unwrap();
        let at = (0..full.orders.len())
            .find(|&i| full.orders.branch[i] == bandung)
            .unwrap();
        // 3 x 20,000.00, and the fee of Bandung's settlement only.
        assert_eq!(full.orders.total[at], 6_000_000);
        assert_eq!(full.orders.lines(at).len(), 1);
        assert_eq!(full.orders.fees[at], 150_000);
        assert_same_orders(&patched, &full, "patched");
        assert_eq!(reports(&patched), reports(&full));
        let loaded = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        assert_same_orders(&loaded, &full, "loaded");
        assert_eq!(reports(&loaded), reports(&full));
    }

    /// The cached dataset brought up to the database's state, if only new
    /// orders separate them.
    fn caught_up(cache: &Cache, conn: &Connection) -> Option<Dataset> {
        let db = PathBuf::from(conn.path().unwrap());
        let settings = Dataset::with_settings(conn).unwrap();
        let (ds, _, journal) = cache.read_any(&db, revision(conn).unwrap(), settings)?;
        super::super::patch::catch_up(conn, ds, &journal)
            .unwrap()
            .map(|(ds, _, _)| ds)
    }

    /// The columns a patch writes, with names instead of ids (a new rep
    /// gets another id than a full load gives it, the same name).
    fn order_columns(ds: &Dataset) -> Vec<String> {
        let o = &ds.orders;
        let mut out: Vec<String> = (0..o.len())
            .map(|i| {
                let lines: Vec<_> = o
                    .lines(i)
                    .map(|l| {
                        (
                            ds.products.name(o.line_product[l]),
                            ds.skus.name(o.line_sku[l]),
                            o.line_qty[l],
                            o.line_total[l],
                            o.line_cogs[l],
                            o.line_costed[l],
                        )
                    })
                    .collect();
                format!(
                    "{} {} {} {} {} {} {} {} {} {} {} {} {} {} {lines:?}",
                    ds.branches.name(o.branch[i]),
                    o.id[i],
                    o.date[i],
                    o.paid[i],
                    o.refunded[i],
                    o.total[i],
                    o.customer[i],
                    ds.reps.name(o.rep[i]),
                    ds.channels.name(o.channel[i]),
                    o.fees[i],
                    o.settled[i],
                    ds.customer_index.first_with_rep[i],
                    ds.customer_index.new_product[i],
                    ds.customers,
                )
            })
            .collect();
        out.push(format!("{:?}", ds.customer_index.first_paid));
        out.push(format!("{:?}", ds.customer_index.first_paid_sorted));
        out
    }

    /// Asserts two datasets have the same order columns, naming the first
    /// order that differs.
    fn assert_same_orders(a: &Dataset, b: &Dataset, what: &str) {
        let (a, b) = (order_columns(a), order_columns(b));
        assert_eq!(a.len(), b.len(), "{what}: orders");
        if let Some((x, y)) = a.iter().zip(&b).find(|(x, y)| x != y) {
            panic!("{what}: first difference\n{x}\n{y}");
        }
    }

    #[test]
    fn new_orders_are_patched_into_the_cache_as_a_full_load_would_read_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let cache = cache(dir.path());
        let (customer, day): (String, String) = store
            .conn()
            .query_row(
                "SELECT customer_id, substr(date, 1, 10) FROM orders WHERE customer_id <> '' LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        // Lines whose order comes later: a full load shows them with it.
        import(
            &mut store,
            Kind::OrderLines,
            "order_id,product,quantity,unit_price\nNEW-2,Kopi Gayo,2,50000.00\nNEW-2,Teh Tarik,1,15000.00\n",
        );
        let before = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        // An old customer on an old order's day, an order with no total (the
        // sum of its waiting lines, 115,000.00), a new customer and rep
        // before every other order, and an empty file.
        import(
            &mut store,
            Kind::Orders,
            &format!(
                "order_id,date,customer_id,rep,total,status\n\
                 NEW-1,{day},{customer},Zainal,1000000.00,paid\n\
                 NEW-2,2024-05-01,C-NEW,Zainal,,paid\n\
                 NEW-3,2019-01-01,C-NEWER,Rep Baru,250.50,paid\n"
            ),
        );
        import(&mut store, Kind::Orders, "order_id,date,total\n");
        let patched = caught_up(&cache, store.conn()).expect("only new orders: patched");
        let full = Dataset::load_with(store.conn(), None).unwrap();
        assert_eq!(patched.orders.len(), before.orders.len() + 3);
        assert_eq!(full.customers, before.customers + 2);
        let new2 = full.orders.id.iter().position(|&id| {
            store
                .conn()
                .query_row("SELECT order_id FROM orders WHERE id = ?1", [id], |r| {
                    r.get::<_, String>(0)
                })
                .unwrap()
                == "NEW-2"
        });
        assert_eq!(full.orders.total[new2.unwrap()], 11_500_000);
        assert_same_orders(&patched, &full, "patched");
        assert_eq!(reports(&patched), reports(&full));
        // The load takes the same path; three orders in 1,500 are too few
        // to write the file again, so the next load patches them in again.
        let file = cache.file_for(Path::new(store.conn().path().unwrap()));
        let written = std::fs::read(&file).unwrap();
        for _ in 0..2 {
            let loaded = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
            assert_eq!(reports(&loaded), reports(&full));
            assert_same_orders(&loaded, &full, "loaded");
            assert_eq!(std::fs::read(&file).unwrap(), written);
        }
        // Enough more to be 5% of the rows: the file is written again, of
        // this revision.
        let many: String = (0..full.rows() / 10)
            .map(|i| format!("BULK-{i},2025-06-{:02},Zainal,{i}.00\n", i % 28 + 1))
            .collect();
        import(
            &mut store,
            Kind::Orders,
            &format!("order_id,date,rep,total\n{many}"),
        );
        let full = Dataset::load_with(store.conn(), None).unwrap();
        let loaded = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        assert_same_orders(&loaded, &full, "loaded after 5% more");
        assert_same_orders(&from_cache(&cache, store.conn()).unwrap(), &full, "cached");
    }

    #[test]
    fn the_latest_orders_are_appended_as_a_full_load_would_read_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let cache = cache(dir.path());
        let (customer, rep, product, last): (String, String, String, String) = store
            .conn()
            .query_row(
                "SELECT o.customer_id, o.rep, l.product, (SELECT max(date) FROM orders)
                 FROM orders o JOIN order_lines l ON l.order_id = o.order_id
                 WHERE o.customer_id <> '' AND o.rep <> '' AND o.status = 'paid' LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert!(
            last.as_str() < "2025-07-01",
            "the new orders come last: {last}"
        );
        // An old customer again with the rep and product they know and a
        // product they never bought, then with a new rep; a new customer
        // twice; a name-only customer; an unpaid order.
        import(
            &mut store,
            Kind::OrderLines,
            &format!(
                "order_id,product,quantity,unit_price\n\
                 NEW-A,{product},1,10000.00\nNEW-A,Produk Baru,2,5000.00\n\
                 NEW-C,{product},1,10000.00\nNEW-D,{product},3,10000.00\n"
            ),
        );
        let lines = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        import(
            &mut store,
            Kind::Orders,
            &format!(
                "order_id,date,customer_id,customer_name,rep,total,status\n\
                 NEW-A,2025-07-01,{customer},,{rep},,paid\n\
                 NEW-B,2025-07-01,{customer},,Zainal,5000.00,paid\n\
                 NEW-C,2025-07-02,C-NEW,,{rep},,paid\n\
                 NEW-D,2025-07-03,C-NEW,,{rep},,paid\n\
                 NEW-E,2025-07-03,C-UNPAID,,{rep},700.00,unpaid\n\
                 NEW-F,2025-07-04,,Bu Baru,Zainal,900.00,paid\n"
            ),
        );
        let patched = caught_up(&cache, store.conn()).expect("only new orders: patched");
        let full = Dataset::load_with(store.conn(), None).unwrap();
        assert_eq!(patched.orders.len(), lines.orders.len() + 6);
        assert_eq!(full.customers, lines.customers + 3);
        assert_same_orders(&patched, &full, "appended");
        assert_eq!(patched.customer_keys, full.customer_keys);
        assert_eq!(reports(&patched), reports(&full));
    }

    /// Writes the cache of the database as it is now.
    fn cache_now(cache: &Cache, store: &Store) {
        let _ = std::fs::remove_dir_all(&cache.dir);
        Dataset::load_with(store.conn(), Some(cache)).unwrap();
        assert!(from_cache(cache, store.conn()).is_some());
    }

    /// Asserts the cache is patched up to the database as a full load reads
    /// it: the same order columns, customers and reports.
    fn assert_patched(cache: &Cache, store: &Store, what: &str) {
        let patched =
            caught_up(cache, store.conn()).unwrap_or_else(|| panic!("{what}: read whole"));
        let full = Dataset::load_with(store.conn(), None).unwrap();
        assert_same_orders(&patched, &full, what);
        assert_eq!(patched.customer_keys, full.customer_keys, "{what}");
        assert_eq!(reports(&patched), reports(&full), "{what}");
    }

    fn order_row(store: &Store, order_id: &str) -> (String, String, String) {
        store
            .conn()
            .query_row(
                "SELECT substr(date, 1, 10), coalesce(customer_id, ''), coalesce(rep, '') FROM orders WHERE order_id = ?1",
                [order_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    }

    #[test]
    fn updated_and_undone_orders_and_other_kinds_are_patched_as_a_full_load_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let cache = cache(dir.path());
        // Two old orders of customers with one order each, each before
        // another of its day: one moves to a new customer (numbered where
        // its row is, not after the others), the other gets another total
        // and a new rep; and a new order.
        let single: Vec<String> = {
            let mut stmt = store
                .conn()
                .prepare(
                    "SELECT o.order_id FROM orders o WHERE o.customer_id IN
                       (SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) = 1)
                     AND EXISTS (SELECT 1 FROM orders p
                                 WHERE substr(p.date, 1, 10) = substr(o.date, 1, 10) AND p.id > o.id)
                     ORDER BY o.id LIMIT 2",
                )
                .unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let (day0, _, _) = order_row(&store, &single[0]);
        let (day1, customer1, _) = order_row(&store, &single[1]);
        cache_now(&cache, &store);
        import(
            &mut store,
            Kind::Orders,
            &format!(
                "order_id,date,customer_id,rep,total,status\n\
                 {},{day0},C-MOVED,Zainal,1234.00,paid\n\
                 {},{day1},{customer1},Rep Pindah,99.00,paid\n\
                 NEW-1,{day1},C-NEW,Zainal,5.00,paid\n",
                single[0], single[1]
            ),
        );
        assert_eq!(batches::list(store.conn()).unwrap()[0].counts.updated, 2);
        assert_patched(&cache, &store, "two updated orders and a new one");

        // An import the cache knows, undone: a new customer's order on an
        // old day and an old customer's, both gone again.
        import(
            &mut store,
            Kind::Orders,
            &format!(
                "order_id,date,customer_id,rep,total\n\
                 GONE-1,{day0},C-GONE,Rep Sekejap,10.00\n\
                 GONE-2,2025-06-30,{customer1},Zainal,20.00\n"
            ),
        );
        cache_now(&cache, &store);
        let gone = batches::list(store.conn()).unwrap()[0].id;
        batches::undo(store.conn_mut(), gone).unwrap();
        assert_patched(&cache, &store, "an undone import of new orders");

        // Other kinds, on top: leads and deals, targets, the pipeline, and
        // an import undone before the next load.
        import(
            &mut store,
            Kind::Leads,
            "lead_id,created_at,source,owner\nL-NEW,2025-02-01 09:00,Instagram,Rep Leads\n",
        );
        assert_patched(&cache, &store, "a new lead");
        import(
            &mut store,
            Kind::Activities,
            "activity_id,date,rep,type,duration_minutes\nA-NEW,2025-02-03,Rep Leads,call,15\n",
        );
        assert_patched(&cache, &store, "a new activity");
        import(
            &mut store,
            Kind::Targets,
            "period,rep,metric,target\n2025-02,Zainal,revenue,5000000.00\n",
        );
        assert_patched(&cache, &store, "a target");
        let mut s = settings::load(store.conn()).unwrap();
        s.pipeline_stages.reverse();
        settings::save(store.conn(), &s).unwrap();
        assert_patched(&cache, &store, "the pipeline's stages");
        import(
            &mut store,
            Kind::Orders,
            &format!(
                "order_id,date,rep,total\n{},{day0},Zainal,1.00\n",
                single[1]
            ),
        );
        let last = batches::list(store.conn()).unwrap()[0].id;
        batches::undo(store.conn_mut(), last).unwrap();
        assert_patched(&cache, &store, "an import undone since");
        // What was patched is what the next load shows, and caches.
        let full = Dataset::load_with(store.conn(), None).unwrap();
        let loaded = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        assert_same_orders(&loaded, &full, "loaded");
        assert_eq!(reports(&loaded), reports(&full));
    }

    #[test]
    fn other_changes_to_stored_orders_read_the_orders_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let cache = cache(dir.path());
        let orders_read_again = |store: &Store, what: &str| {
            assert_patched(&cache, store, what);
            cache_now(&cache, store);
        };
        import(
            &mut store,
            Kind::Orders,
            "order_id,date,rep,total\nNEW-1,2024-05-01,Zainal,1000.00\n",
        );
        import(
            &mut store,
            Kind::Orders,
            "order_id,date,rep,total\nNEW-1,2024-05-01,Zainal,2000.00\n",
        );
        cache_now(&cache, &store);
        let last = batches::list(store.conn()).unwrap()[0].id;
        batches::undo(store.conn_mut(), last).unwrap();
        orders_read_again(&store, "an undo that put an order's old values back");
        import(
            &mut store,
            Kind::OrderLines,
            "order_id,product,quantity,unit_price\nNEW-1,Kopi Gayo,2,500.00\n",
        );
        orders_read_again(&store, "new lines of an old order");
        import(
            &mut store,
            Kind::Products,
            "product,cost\nKopi Gayo,100.00\n",
        );
        orders_read_again(&store, "a product's cost");
    }

    #[test]
    fn a_restored_backup_with_another_import_of_the_same_batch_id_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let cache = cache(dir.path());
        let db = PathBuf::from(store.conn().path().unwrap());
        let before =
            crate::store::backup::create(store.conn(), &db, crate::store::backup::Reason::Manual)
                .unwrap()
                .unwrap();
        let header = "order_id,date,rep,total\n";
        import(
            &mut store,
            Kind::Orders,
            &format!("{header}NEW-1,2024-05-01,Zainal,1000.00\n"),
        );
        Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        drop(store);
        crate::store::backup::restore(&db, &before).unwrap();
        let mut store = Store::open(&db).unwrap();
        // The same batch id again, another file: the cache's journal does
        // not extend to this state.
        import(
            &mut store,
            Kind::Orders,
            &format!("{header}NEW-9,2024-06-01,Zainal,7.00\n"),
        );
        assert!(caught_up(&cache, store.conn()).is_none());
        let loaded = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        let full = Dataset::load_with(store.conn(), None).unwrap();
        assert_same_orders(&loaded, &full, "after the restore");
        assert_eq!(reports(&loaded), reports(&full));
    }

    #[test]
    fn a_damaged_or_foreign_cache_file_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let store = shop(dir.path());
        let cache = cache(dir.path());
        let expected = reports(&Dataset::load_with(store.conn(), None).unwrap());
        Dataset::load_with(store.conn(), Some(&cache)).unwrap();
        let file = cache.file_for(Path::new(store.conn().path().unwrap()));
        let good = std::fs::read(&file).unwrap();

        let mut flipped = good.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x40;
        let mut other_loader = good.clone();
        other_loader[12] ^= 1;
        let mut longer = good.clone();
        longer[40] = longer[40].wrapping_add(8);
        longer.extend_from_slice(&[0; 8]);
        for (what, bytes) in [
            ("a flipped bit", flipped),
            ("a cut file", good[..good.len() - 100].to_vec()),
            ("a header alone", good[..HEADER_LEN].to_vec()),
            ("another loader's file", other_loader),
            ("a longer body", longer),
            ("garbage", b"not a cache file at all".to_vec()),
            ("an empty file", Vec::new()),
        ] {
            std::fs::write(&file, &bytes).unwrap();
            assert!(from_cache(&cache, store.conn()).is_none(), "{what}");
            let ds = Dataset::load_with(store.conn(), Some(&cache)).unwrap();
            assert_eq!(reports(&ds), expected, "{what}");
            // The load from SQLite wrote a good file again.
            assert_eq!(std::fs::read(&file).unwrap().len(), good.len(), "{what}");
        }
    }

    #[test]
    fn small_databases_and_open_transactions_get_no_cache_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = shop(dir.path());
        let small = Cache {
            min_rows: MIN_ROWS,
            ..cache(dir.path())
        };
        Dataset::load_with(store.conn(), Some(&small)).unwrap();
        assert!(
            !small
                .file_for(Path::new(store.conn().path().unwrap()))
                .exists()
        );
        let all = cache(dir.path());
        let tx = store.conn_mut().transaction().unwrap();
        Dataset::load_with(&tx, Some(&all)).unwrap();
        assert!(!all.file_for(Path::new(tx.path().unwrap())).exists());
    }
}
