//! Exports (issue #6): charts as images, the meeting report as a PDF and
//! tables as CSV or XLSX. No UI here: the app and `laris export` call these
//! off the UI thread. docs/export.md says how charts are drawn without a
//! window or a graphics device.

pub mod chart;
pub mod error;
pub mod pdf;
pub mod table;
mod vector;
