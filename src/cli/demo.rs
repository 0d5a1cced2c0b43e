//! `laris demo`: fill a database with the sample shop.

use clap::Args;

use super::{Cli, CliError, CliResult};
use crate::demo::{self, DemoOptions};
use crate::format;
use crate::store::Database;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many orders the shop has over its three years.
    #[arg(long, default_value_t = DemoOptions::DEFAULT_SCALE, value_name = "N")]
    pub scale: usize,
    /// Another seed gives another shop; the same seed gives the same shop.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// The last day of the shop's history (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub until: Option<chrono::NaiveDate>,
    /// Print the result as JSON (one object per record kind).
    #[arg(long)]
    pub json: bool,
}

pub fn run(cli: &Cli, args: &DemoArgs) -> CliResult {
    let opts = DemoOptions {
        scale: args.scale,
        seed: args.seed,
        until: args
            .until
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let lang = cli.lang();
    let place = cli.place()?;
    let mut db = Database::open(&place)
        .map_err(|e| CliError::User(format!("laris: {}", e.message(lang))))?;
    let reports = demo::fill_database(&mut db, &opts, &mut |_| {})?;
    super::import::print_reports(cli.lang(), &reports, args.json)?;
    if !args.json {
        let lang = cli.lang();
        println!(
            "{}",
            lang.tr_args(
                "demo-done",
                &[
                    ("db", place.shown().into()),
                    ("orders", opts.scale.into()),
                    ("from", format::date(lang, opts.from()).into()),
                    ("to", format::date(lang, opts.until).into()),
                ]
            )
        );
    }
    Ok(())
}
