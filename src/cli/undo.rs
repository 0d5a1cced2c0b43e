//! `laris undo`: list the imports, or undo one, in a file or on a server.

use clap::Args;

use super::{Cli, CliError, CliResult};
use crate::i18n::Lang;
use crate::store::batches::{self, Batch};
use crate::store::pg::PgStore;

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// List the imports, newest first, with their numbers (the default).
    #[arg(long, conflicts_with = "import")]
    pub list: bool,

    /// The import to undo: its number in --list.
    #[arg(value_name = "IMPORT")]
    pub import: Option<i64>,
}

pub fn run(cli: &Cli, args: &UndoArgs) -> CliResult {
    let lang = cli.lang();
    let user = |message: String| CliError::User(message);
    match cli.server_url() {
        Some(url) => {
            let mut pg = PgStore::connect(&url).map_err(|e| user(e.message(lang)))?;
            match args.import {
                Some(id) => {
                    let counts =
                        batches::undo_postgres(&mut pg, id).map_err(|e| user(e.message(lang)))?;
                    print_undone(lang, id, counts);
                }
                None => {
                    pg.check_schema().map_err(|e| user(e.message(lang)))?;
                    let list =
                        batches::list_postgres(&mut pg).map_err(|e| user(e.message(lang)))?;
                    print_list(lang, &list);
                }
            }
        }
        None => {
            let db = cli.db_path()?;
            if !db.exists() {
                return Err(user(lang.tr_args(
                    "undo-no-database",
                    &[("file", db.display().to_string().into())],
                )));
            }
            let mut store = super::open_for_writing(lang, &db)?;
            match args.import {
                Some(id) => {
                    let counts =
                        batches::undo(store.conn_mut(), id).map_err(|e| user(e.message(lang)))?;
                    print_undone(lang, id, counts);
                }
                None => {
                    let list = batches::list(store.conn())
                        .map_err(|e| super::store_failure(lang, &db, &e))?;
                    print_list(lang, &list);
                }
            }
        }
    }
    Ok(())
}

fn print_undone(lang: Lang, id: i64, counts: crate::store::write::Counts) {
    println!(
        "{}",
        lang.tr_args(
            "undo-cli-done",
            &[
                ("batch", id.to_string().into()),
                ("removed", counts.added.into()),
                ("restored", counts.updated.into()),
            ],
        )
    );
}

fn print_list(lang: Lang, list: &[Batch]) {
    if list.is_empty() {
        println!("{}", lang.tr("undo-cli-none"));
        return;
    }
    println!("{}", lang.tr("undo-cli-list-head"));
    for b in list {
        let id = if b.undone_at.is_some() {
            "undo-cli-line-undone"
        } else {
            "undo-cli-line"
        };
        println!(
            "{}",
            lang.tr_args(
                id,
                &[
                    ("batch", b.id.to_string().into()),
                    ("date", b.imported_at.replace('T', " ").into()),
                    ("file", b.file_name.as_str().into()),
                    (
                        "kind",
                        crate::import::kind_and_branch(lang, b.kind, &b.branch).into(),
                    ),
                    ("added", b.counts.added.into()),
                    ("updated", b.counts.updated.into()),
                    ("unchanged", b.counts.unchanged.into()),
                    ("skipped", b.counts.skipped.into()),
                ],
            )
        );
    }
}
