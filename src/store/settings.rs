//! Settings kept in the database: they belong to the business, not the computer.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::Result;

/// A pipeline stage, in the business's own order. `win_probability` is the
/// user's own figure; `None` means the historical share of deals won.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub name: String,
    #[serde(default)]
    pub win_probability: Option<f64>,
}

pub const DEFAULT_STAGES: [&str; 5] = [
    "prospecting",
    "qualified",
    "proposal",
    "negotiation",
    "closed",
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// ISO 4217 code of the one currency of this database.
    pub currency: String,
    /// `id` or `en`: how numbers and money are written.
    pub locale: String,
    /// Whether the currency was set by the user or by an import, rather than
    /// being the default (an empty database takes the first file's currency).
    pub currency_chosen: bool,
    pub pipeline_stages: Vec<Stage>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            currency: "IDR".into(),
            locale: "id".into(),
            currency_chosen: false,
            pipeline_stages: DEFAULT_STAGES
                .iter()
                .map(|s| Stage {
                    name: (*s).into(),
                    win_probability: None,
                })
                .collect(),
        }
    }
}

const KEY: &str = "settings";

pub fn load(conn: &Connection) -> Result<Settings> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
            r.get(0)
        })
        .optional()?;
    // Settings that no longer parse (edited by hand) fall back to the defaults
    // rather than locking the user out of their data.
    Ok(text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

pub fn save(conn: &Connection, settings: &Settings) -> Result<()> {
    let text = serde_json::to_string(settings).unwrap_or_default();
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![KEY, text],
    )?;
    Ok(())
}

impl Settings {
    /// Adds stage names not yet known after the known ones, in the order given
    /// (matching case-insensitively). Returns whether anything was added.
    pub fn add_stages<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) -> bool {
        let mut added = false;
        for name in names {
            let known = self
                .pipeline_stages
                .iter()
                .any(|s| s.name.to_lowercase() == name.to_lowercase());
            if !known {
                self.pipeline_stages.push(Stage {
                    name: name.to_string(),
                    win_probability: None,
                });
                added = true;
            }
        }
        added
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_then_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("s.laris")).unwrap();
        let mut s = load(store.conn()).unwrap();
        assert_eq!(s.currency, "IDR");
        assert_eq!(s.pipeline_stages.len(), 5);
        assert!(s.add_stages(["Engaging", "Prospecting", "engaging"]));
        assert_eq!(
            s.pipeline_stages.len(),
            6,
            "prospecting is known, engaging added once"
        );
        s.currency = "USD".into();
        save(store.conn(), &s).unwrap();
        assert_eq!(load(store.conn()).unwrap(), s);
    }
}
