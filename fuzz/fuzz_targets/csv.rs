//! Fuzz target: `csv` in crates/laris-core/src/import/fuzz.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laris_core::import::fuzz::csv(data));
