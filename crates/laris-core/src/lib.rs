//! Laris without its window: everything a shop's figures are made of.
//!
//! Data flows one way: file -> [`import`] -> [`store`] -> [`metrics`] -> (the
//! app, `laris report`, the exports). This crate has no egui, eframe or wgpu
//! in its dependencies, so the compiler keeps drawing out of it; its tests
//! build without a graphics stack (docs/architecture.md).

pub mod demo;
pub mod format;
pub mod i18n;
pub mod import;
pub mod metrics;
pub mod store;
pub mod util;
