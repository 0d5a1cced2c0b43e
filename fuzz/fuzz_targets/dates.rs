//! Fuzz target: `dates` in src/import/fuzz.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laris_fuzz::import::fuzz::dates(data));
