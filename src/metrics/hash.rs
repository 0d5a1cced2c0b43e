//! The hash of the maps that intern names and keys while a million rows are
//! loaded or imported.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hash for interning: eight bytes at a time, each
/// word multiplied and folded, then murmur3's finaliser so that the low bits,
/// which pick the bucket, depend on every byte. (The keys come from the
/// user's own database, so flooding attacks are not a concern; the speed of
/// loading a million rows is.)
#[derive(Clone, Copy, Default)]
pub struct KeyHasher(u64);

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

impl KeyHasher {
    fn mix(&mut self, word: u64) {
        let h = (self.0 ^ word).wrapping_mul(GOLDEN);
        self.0 = h ^ (h >> 29);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }
    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_hash_spreads_sequential_ids_over_buckets() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<KeyHasher>::default();
        let mut low: Vec<u64> = (0..65_536)
            .map(|i| build.hash_one(format!("ORD-{i:07}").into_bytes().into_boxed_slice()) & 0xFFFF)
            .collect();
        low.sort_unstable();
        low.dedup();
        // Uniform hashing fills about 1 - 1/e of 65,536 buckets (41,427).
        assert!(low.len() > 38_000, "only {} distinct buckets", low.len());
    }
}
