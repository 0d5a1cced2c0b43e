//! `laris restore`: list the backups, or put one in place of the database.

use std::path::PathBuf;

use clap::Args;

use super::{Cli, CliError, CliResult};
use crate::i18n::Lang;
use crate::store::backup::{self, BackupInfo};

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// List the backups, newest first, numbered (the default).
    #[arg(long, conflicts_with_all = ["latest", "backup"])]
    pub list: bool,

    /// Restore the newest backup that is whole.
    #[arg(long, conflicts_with = "backup")]
    pub latest: bool,

    /// The backup to restore: its number in --list, or its file.
    #[arg(value_name = "BACKUP")]
    pub backup: Option<String>,
}

pub fn run(cli: &Cli, args: &RestoreArgs) -> CliResult {
    let lang = cli.lang();
    super::file_only_backups(cli)?;
    let db = cli.db_path()?;
    let file = db.display().to_string();
    let backups = match backup::list(&db) {
        Ok(b) => b,
        Err(e) => return Err(super::store_failure(lang, &db, &e)),
    };
    let chosen = if args.latest {
        backup::latest_good(&db)
    } else if let Some(which) = &args.backup {
        match which.parse::<usize>() {
            Ok(n) => n.checked_sub(1).and_then(|i| backups.get(i)).cloned(),
            Err(_) => {
                let path = PathBuf::from(which);
                backups.iter().find(|b| same_file(&b.path, &path)).cloned()
            }
        }
    } else {
        print_list(lang, &file, &backups);
        return Ok(());
    };
    let Some(chosen) = chosen else {
        if args.latest {
            return Err(CliError::User(
                lang.tr_args("restore-no-backups", &[("file", file.as_str().into())]),
            ));
        }
        return Err(CliError::User(lang.tr_args(
            "restore-no-such-backup",
            &[
                ("file", file.as_str().into()),
                ("which", args.backup.clone().unwrap_or_default().into()),
            ],
        )));
    };
    match backup::restore(&db, &chosen) {
        Ok(done) => {
            println!(
                "{}",
                lang.tr_args(
                    "restore-done",
                    &[
                        ("file", file.as_str().into()),
                        ("when", chosen.when(lang).into()),
                        ("contents", chosen.contents(lang).into()),
                    ]
                )
            );
            if let Some(before) = done.before {
                println!(
                    "{}",
                    lang.tr_args(
                        "restore-undo-hint",
                        &[("path", before.path.display().to_string().into())]
                    )
                );
            }
            if let Some(moved) = done.damaged_moved_to {
                println!(
                    "{}",
                    lang.tr_args(
                        "restore-damaged-kept",
                        &[("path", moved.display().to_string().into())]
                    )
                );
            }
            Ok(())
        }
        Err(e) => Err(super::store_failure(lang, &db, &e)),
    }
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn print_list(lang: Lang, file: &str, backups: &[BackupInfo]) {
    if backups.is_empty() {
        println!(
            "{}",
            lang.tr_args("restore-no-backups", &[("file", file.into())])
        );
        return;
    }
    println!(
        "{}",
        lang.tr_args("restore-list-head", &[("file", file.into())])
    );
    for (i, b) in backups.iter().enumerate() {
        println!(
            "{:>3}. {}  {}  ({}; {})\n     {}",
            i + 1,
            b.when(lang),
            b.why(lang),
            b.contents(lang),
            b.size_text(lang),
            b.path.display()
        );
    }
}
