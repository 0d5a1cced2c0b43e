//! Small helpers with no better home.

/// Bytes as lowercase hexadecimal: content hashes, cache file names.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The maps that intern names and keys while a million rows are loaded or
/// imported: foldhash is among the fastest hashes for short keys, and its
/// per-map random seed keeps a crafted file from flooding one bucket.
pub type FastMap<K, V> = foldhash::HashMap<K, V>;
