//! Laris: sales metrics for small shops, from the spreadsheets they already have.
//!
//! Data flows one way: file -> `import` -> `store` -> metrics -> (`ui` | report | export).
//! Nothing below `ui` knows egui exists.

pub mod cli;
pub mod demo;
pub mod desktop;
pub mod export;
pub mod format;
pub mod i18n;
pub mod import;
pub mod metrics;
pub mod store;
pub mod ui;
