//! When a write may skip SQLite's quick check. The check reads every page:
//! on a 645 MB database it costs 0.7 s, far more than importing 1,000 orders,
//! so checking before every import made an import's cost grow with the
//! store. A seal records the database as Laris left it after a write that
//! started from a checked file: the length and modification time of the file
//! and of its write-ahead log. While both are as sealed and the seal is from
//! today, nothing has written the file since it was last found sound, and
//! the check is skipped. The day's first write still checks the whole file:
//! a disk can damage pages nobody wrote.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Local, NaiveDate};
use serde::{Deserialize, Serialize};

/// A file's length and modification time, or None for a file that is not
/// there (a write-ahead log after the last connection closed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified_ns: u128,
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Seal {
    day: NaiveDate,
    db: Option<Stamp>,
    wal: Option<Stamp>,
}

/// How far a file's modification time may lag the clock: file systems take
/// it from a coarse clock that ticks every few milliseconds.
const TICK: Duration = Duration::from_millis(25);

fn path(db: &Path) -> PathBuf {
    super::backup::folder(db).join("sealed.json")
}

fn wal(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push("-wal");
    PathBuf::from(name)
}

fn stamp(file: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta.modified().ok()?;
    Some(Stamp {
        len: meta.len(),
        modified_ns: modified
            .duration_since(SystemTime::UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    })
}

fn now(db: &Path) -> Seal {
    Seal {
        day: Local::now().date_naive(),
        db: stamp(db),
        wal: stamp(&wal(db)),
    }
}

/// Whether `db` is as Laris sealed it today. To be asked before the file is
/// opened: opening it makes a write-ahead log.
pub fn holds(db: &Path) -> bool {
    let Some(sealed) = std::fs::read(path(db))
        .ok()
        .and_then(|b| serde_json::from_slice::<Seal>(&b).ok())
    else {
        return false;
    };
    sealed.db.is_some() && sealed == now(db)
}

/// Seals `db` as it is now. Only for a file that was checked (or sealed)
/// before Laris wrote it, and after the last connection to it closed.
/// Failing to seal costs only a check on the next write, so it is not an
/// error.
pub fn seal(db: &Path) {
    let before = now(db);
    let Some(file) = before.db else { return };
    // A write in the same tick of the coarse clock as Laris's own last one
    // would leave the modification time as it was: wait until the clock has
    // moved on, then look again. Any write after that shows as a new time.
    let written = SystemTime::UNIX_EPOCH + Duration::from_nanos(file.modified_ns as u64);
    if let Ok(ahead) = (written + TICK).duration_since(SystemTime::now()) {
        std::thread::sleep(ahead.min(TICK));
    }
    if now(db) != before {
        return;
    }
    let _ = std::fs::create_dir_all(super::backup::folder(db));
    if let Ok(json) = serde_json::to_vec(&before) {
        let _ = std::fs::write(path(db), json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_with(dir: &Path, bytes: &[u8]) -> PathBuf {
        let db = dir.join("toko.laris");
        std::fs::write(&db, bytes).unwrap();
        db
    }

    #[test]
    fn a_seal_holds_until_anything_writes_the_file_even_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = file_with(dir.path(), &[1u8; 4096]);
        assert!(!holds(&db), "never sealed");
        seal(&db);
        assert!(holds(&db));
        // Same length, written right after the seal: only the time differs.
        std::fs::write(&db, [2u8; 4096]).unwrap();
        assert!(!holds(&db));
        seal(&db);
        assert!(holds(&db));
        // A write-ahead log that appears breaks it too.
        std::fs::File::create(wal(&db))
            .unwrap()
            .write_all(b"frames")
            .unwrap();
        assert!(!holds(&db));
        seal(&db);
        assert!(holds(&db));
    }

    #[test]
    fn a_seal_of_another_day_or_of_no_file_does_not_hold() {
        let dir = tempfile::tempdir().unwrap();
        let db = file_with(dir.path(), b"x");
        seal(&db);
        let mut old: Seal = serde_json::from_slice(&std::fs::read(path(&db)).unwrap()).unwrap();
        old.day = old.day.pred_opt().unwrap();
        std::fs::write(path(&db), serde_json::to_vec(&old).unwrap()).unwrap();
        assert!(!holds(&db));
        std::fs::remove_file(&db).unwrap();
        seal(&db);
        assert!(!holds(&db));
    }
}
