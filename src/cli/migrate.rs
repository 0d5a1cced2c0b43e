//! `laris migrate --from A --to B`: a whole database copied between a file
//! and a PostgreSQL server, either way (laris_core::store::transfer).

use clap::Args;

use super::{Cli, CliError, CliResult};
use crate::store::transfer::{self, Place};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The database to copy: a .laris file or postgres://user@host:port/dbname
    /// (the password from PGPASSWORD).
    #[arg(long, value_name = "FILE|URL")]
    pub from: String,
    /// Where to copy it: an empty PostgreSQL database (postgres://...) or a
    /// new .laris file.
    #[arg(long, value_name = "FILE|URL")]
    pub to: String,
}

pub fn run(cli: &Cli, args: &MigrateArgs) -> CliResult {
    let lang = cli.lang();
    let (from, to) = (Place::parse(&args.from), Place::parse(&args.to));
    let mut progress = |c: transfer::Copied| {
        let id = if c.done {
            "migrate-copied"
        } else {
            "migrate-copying"
        };
        eprintln!(
            "{}",
            lang.tr_args(id, &[("table", c.table.into()), ("rows", c.rows.into())])
        );
    };
    let rows = transfer::migrate(&from, &to, &mut progress)
        .map_err(|e| CliError::User(format!("laris: {}", e.message(lang))))?;
    eprintln!(
        "{}",
        lang.tr_args(
            "migrate-done",
            &[
                ("rows", rows.into()),
                ("from", from.shown().into()),
                ("to", to.shown().into()),
            ],
        )
    );
    Ok(())
}
