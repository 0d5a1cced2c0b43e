//! The modules the fuzz targets exercise, compiled from the app's own source
//! files: the same code as `laris::import` and `laris::store`, without the
//! window's dependencies (wgpu, winit, ...), which an instrumented build would
//! take an hour to compile on a small machine.
#![allow(dead_code, unused_imports)]

#[path = "../../src/format.rs"]
pub mod format;
#[path = "../../src/i18n.rs"]
pub mod i18n;
#[path = "../../src/import/mod.rs"]
pub mod import;
#[path = "../../src/store/mod.rs"]
pub mod store;

pub mod metrics;
