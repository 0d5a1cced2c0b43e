//! Laris: sales metrics for small shops, from the spreadsheets they already have.
//!
//! Three crates, each knowing only those below it (docs/architecture.md):
//! `laris-core` (store, import, metrics, demo, format, i18n; no egui),
//! `laris-view` (theme, charts, cards, offscreen rendering) and this one, the
//! app ([`ui`]), the command line ([`cli`]) and the exports ([`export`]).
//! The core's modules are re-exported so that `laris::store` and friends
//! name the same things everywhere.

pub use laris_core::{demo, format, i18n, import, metrics, store, util};
pub use laris_view as view;

pub mod cli;
pub mod desktop;
pub mod export;
pub mod ui;
