//! Small helpers with no better home.

/// Bytes as lowercase hexadecimal: content hashes, cache file names.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// White space collapsed, trimmed and case-folded: how free-text keys (a
/// rep, a channel) and customer names are matched, on import and on load.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The maps that intern names and keys while a million rows are loaded or
/// imported: foldhash is among the fastest hashes for short keys, and its
/// per-map random seed keeps a crafted file from flooding one bucket.
pub type FastMap<K, V> = foldhash::HashMap<K, V>;

/// The set beside [`FastMap`], for the same reasons.
pub type FastSet<K> = foldhash::HashSet<K>;
