//! The parts of `laris::metrics` that the modules of `lib.rs` name: the
//! filters and periods `format.rs` writes out, and the hash of the
//! importer's maps.

#[path = "../../../src/metrics/filters.rs"]
mod filters;
#[path = "../../../src/metrics/hash.rs"]
pub mod hash;
#[path = "../../../src/metrics/period.rs"]
pub mod period;
pub use filters::Filters;
