//! The integration tests, one module per area, in one binary (one link
//! instead of one per file). `common` holds their shared helpers.
// Tests may panic on what they set up themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod branches;
mod cli_import;
mod common;
mod desktop;
mod explain_cli;
mod export;
mod import_mapping;
mod import_real;
mod import_returns;
mod postgres;
mod postgres_app;
mod projection_backtest;
mod records_cli;
mod reliability_backup;
mod reliability_fuzz_corpus;
mod reliability_hostile;
mod reliability_kill;
mod reliability_open;
mod reliability_security;
mod report_cli;
mod report_profit;
mod report_synthetic;
mod store;
mod ui_answers;
mod ui_charts;
mod ui_dashboard;
mod ui_data;
mod ui_import;
mod ui_language;
mod ui_profit;
mod ui_recovery;
mod ui_snapshots;
