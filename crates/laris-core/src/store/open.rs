//! Opening the database for the app: every way it can fail becomes a
//! [`Problem`] with a plain-language message and a way forward, never a
//! crash. A damaged file is found by SQLite's quick check at open.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use super::backup::{self, BackupInfo};
use super::{Store, StoreError};
use crate::i18n::Lang;

/// Why a database cannot be opened (or written).
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// SQLite found the file damaged; `detail` is what it said.
    Damaged { detail: String },
    /// Written by a newer Laris.
    NewerVersion { found: i64, supported: usize },
    /// Not a Laris database (another program's file).
    NotLaris,
    /// This user may not change the file or its folder.
    ReadOnly,
    /// Another Laris window has it open.
    InUse,
    /// The disk (or the user's quota) is full.
    DiskFull,
    /// Anything else, with the system's words.
    Other { message: String },
}

/// A database that could not be opened: what went wrong, and the newest
/// sound backup to offer.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenProblem {
    pub path: PathBuf,
    pub problem: Problem,
    pub latest_backup: Option<BackupInfo>,
}

impl Problem {
    /// The problem a store error is, if it is one of those a user can act on.
    pub fn of(e: &StoreError) -> Problem {
        match e {
            StoreError::Damaged { detail, .. } => Problem::Damaged {
                detail: detail.clone(),
            },
            StoreError::NewerVersion {
                found, supported, ..
            } => Problem::NewerVersion {
                found: *found,
                supported: *supported,
            },
            StoreError::NotLaris { .. } => Problem::NotLaris,
            StoreError::ReadOnly { .. } => Problem::ReadOnly,
            StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::StorageFull => {
                Problem::DiskFull
            }
            StoreError::Open { source: e, .. } | StoreError::Sqlite(e) => {
                match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::DiskFull) => Problem::DiskFull,
                    Some(rusqlite::ErrorCode::ReadOnly) => Problem::ReadOnly,
                    Some(rusqlite::ErrorCode::DatabaseCorrupt) => Problem::Damaged {
                        detail: e.to_string(),
                    },
                    _ => Problem::Other {
                        message: e.to_string(),
                    },
                }
            }
            e => Problem::Other {
                message: e.to_string(),
            },
        }
    }

    /// Whether opening the file read-only is a way forward.
    pub fn can_open_read_only(&self) -> bool {
        matches!(self, Problem::ReadOnly | Problem::InUse | Problem::DiskFull)
    }

    /// Whether restoring a backup is a way forward.
    pub fn can_restore(&self) -> bool {
        matches!(self, Problem::Damaged { .. })
    }

    /// The short title of the recovery screen.
    pub fn title(&self, lang: Lang) -> String {
        lang.tr(match self {
            Problem::Damaged { .. } => "open-damaged-title",
            Problem::NewerVersion { .. } => "open-newer-title",
            Problem::NotLaris => "open-not-laris-title",
            Problem::ReadOnly => "open-read-only-title",
            Problem::InUse => "open-in-use-title",
            Problem::DiskFull => "open-disk-full-title",
            Problem::Other { .. } => "open-other-title",
        })
    }

    /// What happened and what to do, naming the file.
    pub fn message(&self, lang: Lang, path: &Path) -> String {
        let file = ("file", path.display().to_string().into());
        match self {
            Problem::Damaged { detail } => {
                lang.tr_args("open-damaged", &[file, ("detail", detail.as_str().into())])
            }
            Problem::NewerVersion { found, supported } => lang.tr_args(
                "open-newer",
                &[
                    file,
                    ("found", (*found as u64).into()),
                    ("supported", (*supported as u64).into()),
                ],
            ),
            Problem::NotLaris => lang.tr_args("open-not-laris", &[file]),
            Problem::ReadOnly => lang.tr_args("open-read-only", &[file]),
            Problem::InUse => lang.tr_args("open-in-use", &[file]),
            Problem::DiskFull => lang.tr_args("open-disk-full", &[file]),
            Problem::Other { message } => {
                lang.tr_args("open-other", &[file, ("reason", message.as_str().into())])
            }
        }
    }
}

impl OpenProblem {
    pub fn new(path: &Path, problem: Problem) -> OpenProblem {
        let latest_backup = if problem.can_restore() {
            backup::latest_good(path)
        } else {
            None
        };
        OpenProblem {
            path: path.to_path_buf(),
            problem,
            latest_backup,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang, &self.path)
    }
}

/// Held while a Laris window has the database open: an exclusive advisory
/// lock on `<db>.lock`, released when dropped (or when the process dies, so a
/// crash never leaves the file locked).
#[derive(Debug)]
pub struct AppLock {
    _file: File,
}

pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

impl AppLock {
    /// Takes the lock, or says that another Laris holds it. Where the lock
    /// file cannot be made (a folder that cannot be written), no lock is
    /// needed: nothing can be written there anyway.
    pub fn acquire(db: &Path) -> Result<Option<AppLock>, Problem> {
        let Ok(file) = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(db))
        else {
            return Ok(None);
        };
        match file.try_lock() {
            Ok(()) => Ok(Some(AppLock { _file: file })),
            Err(TryLockError::WouldBlock) => Err(Problem::InUse),
            // A file system without locks: go on without one.
            Err(TryLockError::Error(_)) => Ok(None),
        }
    }
}

/// Opens the database for the app: takes the window lock, opens (creating
/// or migrating as needed) and quick-checks it. The lock must be kept for
/// as long as the window shows this database.
pub fn open_checked(path: &Path) -> Result<(Store, Option<AppLock>), Box<OpenProblem>> {
    let lock = AppLock::acquire(path).map_err(|p| Box::new(OpenProblem::new(path, p)))?;
    let store = Store::open(path)
        .and_then(|s| s.quick_check().map(|()| s))
        .map_err(|e| Box::new(OpenProblem::new(path, Problem::of(&e))))?;
    Ok((store, lock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_window_finds_the_database_in_use_until_the_first_closes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("toko.laris");
        let (_store, first) = open_checked(&db).unwrap();
        assert!(first.is_some());
        let second = open_checked(&db).unwrap_err();
        assert_eq!(second.problem, Problem::InUse);
        assert!(second.problem.can_open_read_only());
        drop(first);
        assert!(open_checked(&db).is_ok());
    }

    #[test]
    fn sqlite_errors_become_problems_a_user_can_act_on() {
        let err = |code| {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                None,
            ))
        };
        assert_eq!(
            Problem::of(&err(rusqlite::ffi::SQLITE_FULL)),
            Problem::DiskFull
        );
        assert_eq!(
            Problem::of(&err(rusqlite::ffi::SQLITE_READONLY)),
            Problem::ReadOnly
        );
        assert!(matches!(
            Problem::of(&err(rusqlite::ffi::SQLITE_CORRUPT)),
            Problem::Damaged { .. }
        ));
    }
}
