//! `laris backup`: back up the database now.

use clap::Args;

use super::Cli;
use crate::store::backup::{self, Reason};

#[derive(Debug, Args)]
pub struct BackupArgs {}

pub fn run(cli: &Cli, _args: &BackupArgs) -> anyhow::Result<i32> {
    let lang = cli.lang();
    let db = cli.db_path()?;
    if !db.exists() {
        eprintln!(
            "{}",
            lang.tr_args(
                "backup-no-database",
                &[("file", db.display().to_string().into())]
            )
        );
        return Ok(1);
    }
    let store = match super::open_for_writing(lang, &db) {
        Ok(store) => store,
        Err(status) => return Ok(status),
    };
    match backup::create(store.conn(), &db, Reason::Manual) {
        Ok(Some(made)) => {
            println!(
                "{}",
                lang.tr_args(
                    "backup-made",
                    &[
                        ("path", made.path.display().to_string().into()),
                        ("contents", made.contents(lang).into()),
                    ]
                )
            );
            Ok(0)
        }
        Ok(None) => {
            println!(
                "{}",
                lang.tr_args("backup-empty", &[("file", db.display().to_string().into())])
            );
            Ok(0)
        }
        Err(e) => Ok(super::store_failure(lang, &db, &e)),
    }
}
