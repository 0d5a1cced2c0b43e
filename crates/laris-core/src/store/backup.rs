//! Backups: a copy of the database made with SQLite's online backup before
//! the first import or undo of each day ([`daily`]), before every restore
//! and on demand, kept in a folder beside the database
//! (`toko.laris.backups/`). What happens between two backups is covered by
//! the imports themselves: each is one transaction, and each batch keeps
//! what it changed, so that it can be undone. The newest backups are kept
//! while together they take at most 1.5 times the database's size.
//!
//! Each backup is a plain SQLite file (a Laris database of its own) with a
//! small JSON file beside it saying when and why it was made.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Local, NaiveDate, NaiveDateTime};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use super::{Kind, Result, Store, StoreError};
use crate::format;
use crate::i18n::Lang;

/// The newest backups kept whatever their day (within [`KEEP_SIZE`]).
pub const KEEP_LAST: usize = 5;
/// Besides those, the newest backup of each of this many days (today
/// included), within [`KEEP_SIZE`].
pub const KEEP_DAYS: i64 = 7;
/// The backups kept take at most this many halves of the database's size
/// together (three: 1.5 times), the newest always kept: a copy of a 600 MB
/// database per import filled gigabytes in a week.
pub const KEEP_SIZE: u64 = 3;

/// Why a backup was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", content = "file", rename_all = "snake_case")]
pub enum Reason {
    /// Before importing these files (their names).
    Import(String),
    /// Before undoing the import of this file.
    Undo(String),
    /// Before a backup was restored over the database.
    Restore,
    /// Before the database's structure was updated for a newer Laris.
    Migration,
    /// Asked for ("Back up now", `laris backup`).
    Manual,
}

/// One backup, as [`list`] finds it.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupInfo {
    /// The backup file.
    pub path: PathBuf,
    /// When it was made, local time.
    pub made_at: NaiveDateTime,
    pub reason: Reason,
    /// Records per kind in the backup; empty when the backup cannot be read.
    pub counts: Vec<(Kind, u64)>,
    /// Size of the backup file in bytes.
    pub size: u64,
}

impl BackupInfo {
    pub fn records(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// `27 Nov 2026, 07.45`.
    pub fn when(&self, lang: Lang) -> String {
        format::date_time(lang, self.made_at)
    }

    /// Why it was made, in words.
    pub fn why(&self, lang: Lang) -> String {
        match &self.reason {
            Reason::Import(files) => {
                lang.tr_args("backup-why-import", &[("files", files.as_str().into())])
            }
            Reason::Undo(file) => {
                lang.tr_args("backup-why-undo", &[("file", file.as_str().into())])
            }
            Reason::Restore => lang.tr("backup-why-restore"),
            Reason::Migration => lang.tr("backup-why-migration"),
            Reason::Manual => lang.tr("backup-why-manual"),
        }
    }

    /// What it holds: `1.000 pesanan, 234 prospek` (kinds with records only).
    pub fn contents(&self, lang: Lang) -> String {
        if self.counts.is_empty() {
            return lang.tr("backup-unreadable");
        }
        self.counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| {
                lang.tr_args(
                    &format!("kind-count-{}", kind.table()),
                    &[("count", (*n).into())],
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The file size in megabytes, one decimal.
    pub fn size_text(&self, lang: Lang) -> String {
        lang.tr_args(
            "backup-size",
            &[(
                "mb",
                format::decimal(lang, self.size as f64 / 1_048_576.0, 1).into(),
            )],
        )
    }
}

/// What the JSON file beside a backup holds.
#[derive(Serialize, Deserialize)]
struct Meta {
    made_at: NaiveDateTime,
    reason: Reason,
}

/// The folder of `db`'s backups: `<db file name>.backups` beside it.
pub fn folder(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    db.with_file_name(name)
}

fn meta_path(backup: &Path) -> PathBuf {
    backup.with_extension("json")
}

/// Records per kind; a kind whose table an older structure does not have
/// yet has none.
fn counts(conn: &Connection) -> rusqlite::Result<Vec<(Kind, u64)>> {
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let exists: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
                [kind.table()],
                |r| r.get(0),
            )?;
            if !exists {
                return Ok((kind, 0));
            }
            let n: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {}", kind.table()), [], |r| {
                    r.get(0)
                })?;
            Ok((kind, n as u64))
        })
        .collect()
}

/// Backs up before an import or an undo, if no backup of the database was
/// made today: copying the whole file before each import made an import of
/// one row cost as much as the database's size. Between two backups nothing
/// is lost all the same: an import is one transaction, and undone by its
/// batch's own records.
pub fn daily(conn: &Connection, db: &Path, reason: Reason) -> Result<Option<BackupInfo>> {
    if made_today(db)? {
        return Ok(None);
    }
    create(conn, db, reason)
}

/// Whether a backup of `db` was made today (local time).
pub fn made_today(db: &Path) -> Result<bool> {
    let today = Local::now().date_naive();
    Ok(entries(db)?.iter().any(|e| e.meta.made_at.date() == today))
}

/// Backs up the database `conn` has open (the file `db`), then prunes old
/// backups. An empty database has nothing to lose: no backup is made and
/// None is returned.
pub fn create(conn: &Connection, db: &Path, reason: Reason) -> Result<Option<BackupInfo>> {
    let made = make(conn, db, reason)?;
    if made.is_some() {
        prune(db).map_err(|e| StoreError::Io {
            path: folder(db),
            source: e,
        })?;
    }
    Ok(made)
}

/// [`create`] without pruning.
fn make(conn: &Connection, db: &Path, reason: Reason) -> Result<Option<BackupInfo>> {
    let counts = counts(conn)?;
    if counts.iter().all(|(_, n)| *n == 0) {
        return Ok(None);
    }
    let io = |e: std::io::Error| StoreError::Io {
        path: folder(db),
        source: e,
    };
    let dir = folder(db);
    std::fs::create_dir_all(&dir).map_err(io)?;
    let made_at = Local::now().naive_local();
    let stem = made_at.format("%Y%m%d-%H%M%S-%3f").to_string();
    let mut path = dir.join(format!("{stem}.laris"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{stem}-{n}.laris"));
    }
    // Written under another name and renamed when complete, so that a crash
    // never leaves a half backup that looks whole.
    let partial = path.with_extension("partial");
    copy_into_file(conn, &partial)?;
    let meta = serde_json::to_vec(&Meta {
        made_at,
        reason: reason.clone(),
    })
    .map_err(|e| io(std::io::Error::other(e)))?;
    write_synced(&meta_path(&path), &meta).map_err(io)?;
    std::fs::rename(&partial, &path).map_err(io)?;
    sync_dir(&dir);
    let size = std::fs::metadata(&path).map_err(io)?.len();
    Ok(Some(BackupInfo {
        path,
        made_at,
        reason,
        counts,
        size,
    }))
}

/// Copies the whole database in one step (one read transaction, so the copy
/// is consistent even while another connection writes), as a standalone
/// file with a rollback journal, synced to disk.
fn copy_into_file(conn: &Connection, to: &Path) -> Result<()> {
    let _ = std::fs::remove_file(to);
    {
        let mut dst = Connection::open(to)?;
        run_backup(conn, &mut dst)?;
        dst.pragma_update(None, "journal_mode", "DELETE")?;
    }
    File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::Io {
            path: to.to_path_buf(),
            source: e,
        })
}

/// Copies every page of `from` into `to`; SQLite writes the destination in
/// one transaction, so it holds either all of `from` or what it held before.
fn run_backup(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    for _ in 0..100 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // Another connection holds a lock: wait for it.
            _ => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    Err(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some("the database stayed busy for 10 seconds".into()),
    )
    .into())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("json.partial");
    {
        let mut f = File::create(&tmp)?;
        std::io::Write::write_all(&mut f, bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

/// Makes a rename durable (a no-op where folders cannot be opened, as on
/// Windows, whose renames are durable once the file is synced).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A backup file with its description, newest first; its records are not
/// counted (that reads the whole backup).
struct Entry {
    path: PathBuf,
    meta: Meta,
    size: u64,
}

/// Every backup of `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>> {
    Ok(entries(db)?
        .into_iter()
        .map(|e| {
            let counts = open_backup(&e.path)
                .and_then(|c| counts(&c).map_err(StoreError::from))
                .unwrap_or_default();
            BackupInfo {
                size: e.size,
                path: e.path,
                made_at: e.meta.made_at,
                reason: e.meta.reason,
                counts,
            }
        })
        .collect())
}

/// Every backup of `db` (its file, description and size), newest first.
fn entries(db: &Path) -> Result<Vec<Entry>> {
    let dir = folder(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::Io {
                path: dir,
                source: e,
            });
        }
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "laris") {
            continue;
        }
        let Some(meta) = std::fs::read(meta_path(&path))
            .ok()
            .and_then(|b| serde_json::from_slice::<Meta>(&b).ok())
        else {
            continue;
        };
        found.push(Entry {
            size: entry.metadata().map_or(0, |m| m.len()),
            path,
            meta,
        });
    }
    found.sort_by(|a, b| (b.meta.made_at.cmp(&a.meta.made_at)).then(b.path.cmp(&a.path)));
    Ok(found)
}

/// Opens a backup to read, refusing one that is damaged or not a Laris
/// database this version can open.
fn open_backup(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    super::check_identity(&conn, path)?;
    Ok(conn)
}

/// The newest backup that is whole (passes SQLite's quick check): the one to
/// offer when the database is damaged.
pub fn latest_good(db: &Path) -> Option<BackupInfo> {
    list(db)
        .ok()?
        .into_iter()
        .find(|b| open_backup(&b.path).is_ok_and(|c| super::quick_check(&c, &b.path).is_ok()))
}

/// Which of the backups made at these times with these sizes (newest
/// first) to delete at `now`, for a database of `db_size` bytes: all but the
/// newest [`KEEP_LAST`] and the newest of each of the last [`KEEP_DAYS`]
/// days, and of those, every one from the first that would take the kept
/// ones past [`KEEP_SIZE`] halves of the database's size (the newest is
/// kept whatever its size).
fn to_prune(made: &[(NaiveDateTime, u64)], now: NaiveDateTime, db_size: u64) -> Vec<usize> {
    let today = now.date();
    let budget = db_size.saturating_mul(KEEP_SIZE) / 2;
    let mut days_kept: Vec<NaiveDate> = Vec::new();
    let mut gone = Vec::new();
    let mut kept_size = 0u64;
    let mut full = false;
    for (i, &(t, size)) in made.iter().enumerate() {
        let day = t.date();
        let recent = (today - day).num_days() < KEEP_DAYS;
        let by_age = i < KEEP_LAST || (recent && !days_kept.contains(&day));
        full |= i > 0 && kept_size.saturating_add(size) > budget;
        if by_age && !full {
            days_kept.push(day);
            kept_size = kept_size.saturating_add(size);
        } else {
            gone.push(i);
        }
    }
    gone
}

fn prune(db: &Path) -> std::io::Result<()> {
    let backups = entries(db).map_err(std::io::Error::other)?;
    let made: Vec<(NaiveDateTime, u64)> =
        backups.iter().map(|b| (b.meta.made_at, b.size)).collect();
    // The main file's size (its WAL is checkpointed into it at every commit).
    let db_size = std::fs::metadata(db)?.len();
    for i in to_prune(&made, Local::now().naive_local(), db_size) {
        std::fs::remove_file(&backups[i].path)?;
        let _ = std::fs::remove_file(meta_path(&backups[i].path));
    }
    Ok(())
}

/// What [`restore`] did.
#[derive(Clone, Debug)]
pub struct Restored {
    /// The backup of the state before, so that the restore can be undone
    /// (None when the database was empty).
    pub before: Option<BackupInfo>,
    /// Where a damaged database was moved to (it is never deleted).
    pub damaged_moved_to: Option<PathBuf>,
}

/// Puts `backup` in place of the database at `db`. The backup is checked
/// first. A sound database is backed up, then overwritten in one SQLite
/// transaction (all or nothing); a damaged one is moved aside, not deleted,
/// and the backup copied in its place.
pub fn restore(db: &Path, backup: &BackupInfo) -> Result<Restored> {
    let src = open_backup(&backup.path)?;
    super::quick_check(&src, &backup.path)?;
    let sound = Store::open(db).and_then(|s| s.quick_check().map(|()| s));
    match sound {
        Ok(mut store) => {
            // Pruned only once the restore is done: the backup restored
            // may be one of those that make way.
            let before = make(store.conn(), db, Reason::Restore)?;
            run_backup(&src, store.conn_mut())?;
            drop((store, src));
            // The backup may be from before a schema change.
            Store::open(db)?;
            // A backup that cannot be removed only takes room.
            let _ = prune(db);
            Ok(Restored {
                before,
                damaged_moved_to: None,
            })
        }
        Err(StoreError::Damaged { .. } | StoreError::NotLaris { .. }) => {
            let moved = move_aside(db).map_err(|e| StoreError::Io {
                path: db.to_path_buf(),
                source: e,
            })?;
            copy_into_file(&src, &partial_path(db))?;
            std::fs::rename(partial_path(db), db).map_err(|e| StoreError::Io {
                path: db.to_path_buf(),
                source: e,
            })?;
            if let Some(dir) = db.parent() {
                sync_dir(dir);
            }
            Store::open(db)?;
            Ok(Restored {
                before: None,
                damaged_moved_to: Some(moved),
            })
        }
        Err(e) => Err(e),
    }
}

fn partial_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push(".restoring");
    PathBuf::from(name)
}

/// Renames a damaged database and its WAL files to `<db>.damaged-<time>`.
fn move_aside(db: &Path) -> std::io::Result<PathBuf> {
    let stamp = Local::now().format("%Y%m%d-%H%M%S");
    let mut to = db.as_os_str().to_os_string();
    to.push(format!(".damaged-{stamp}"));
    let to = PathBuf::from(to);
    for suffix in ["-wal", "-shm"] {
        let mut from = db.as_os_str().to_os_string();
        from.push(suffix);
        let mut dest = to.as_os_str().to_os_string();
        dest.push(suffix);
        match std::fs::rename(&from, &dest) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    std::fs::rename(db, &to)?;
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn the_last_five_and_one_a_day_for_a_week_are_kept() {
        // Newest first: four on the 20th, then two a day back to the 10th.
        let mut made = vec![at(20, 12), at(20, 11), at(20, 10), at(20, 9)];
        for day in (10..20).rev() {
            made.push(at(day, 18));
            made.push(at(day, 8));
        }
        let made: Vec<(NaiveDateTime, u64)> = made.into_iter().map(|t| (t, 10)).collect();
        // 24 backups of 10 bytes fit in 1.5 times a database of 1,000.
        let gone = to_prune(&made, at(20, 13), 1_000);
        let kept: Vec<NaiveDateTime> = (0..made.len())
            .filter(|i| !gone.contains(i))
            .map(|i| made[i].0)
            .collect();
        assert_eq!(
            kept,
            vec![
                // The last five (the fifth is the 19th's evening one).
                at(20, 12),
                at(20, 11),
                at(20, 10),
                at(20, 9),
                at(19, 18),
                // The newest of each other day from the 14th on.
                at(18, 18),
                at(17, 18),
                at(16, 18),
                at(15, 18),
                at(14, 18),
            ]
        );
    }

    #[test]
    fn backups_kept_take_at_most_one_and_a_half_times_the_database() {
        // Newest first: today's 90 bytes, yesterday's 50, then 40 and 10.
        let made = [
            (at(20, 9), 90),
            (at(19, 9), 50),
            (at(18, 9), 40),
            (at(17, 9), 10),
        ];
        // A database of 100 bytes: 150 for backups; 90 + 50 = 140 fit, +40
        // does not, and nothing older is kept once one did not fit.
        assert_eq!(to_prune(&made, at(20, 10), 100), vec![2, 3]);
        // The newest is kept even when it alone is larger than the budget.
        assert_eq!(to_prune(&made, at(20, 10), 10), vec![1, 2, 3]);
        // A database of 200 bytes: 300 for backups, all 190 bytes fit.
        assert!(to_prune(&made, at(20, 10), 200).is_empty());
    }
}
