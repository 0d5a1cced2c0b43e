//! `laris backup`: back up the database now.

use clap::Args;

use super::{Cli, CliError, CliResult};
use crate::store::backup::{self, Reason};

#[derive(Debug, Args)]
pub struct BackupArgs {}

pub fn run(cli: &Cli, _args: &BackupArgs) -> CliResult {
    let lang = cli.lang();
    super::file_only_backups(cli)?;
    let db = cli.db_path()?;
    if !db.exists() {
        return Err(CliError::User(lang.tr_args(
            "backup-no-database",
            &[("file", db.display().to_string().into())],
        )));
    }
    let store = super::open_for_writing(lang, &db)?;
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
            Ok(())
        }
        Ok(None) => {
            println!(
                "{}",
                lang.tr_args("backup-empty", &[("file", db.display().to_string().into())])
            );
            Ok(())
        }
        Err(e) => Err(super::store_failure(lang, &db, &e)),
    }
}
