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

/// The pipeline a new database starts with, in the words of its locale:
/// an Indonesian shop's CRM says "Penawaran", not "proposal".
pub fn default_stages(locale: &str) -> [&'static str; 5] {
    match locale {
        "en" => [
            "Prospecting",
            "Qualified",
            "Proposal",
            "Negotiation",
            "Closed",
        ],
        _ => [
            "Prospek",
            "Kualifikasi",
            "Penawaran",
            "Negosiasi",
            "Closing",
        ],
    }
}

fn stages_named(names: [&str; 5]) -> Vec<Stage> {
    names
        .iter()
        .map(|s| Stage {
            name: (*s).into(),
            win_probability: None,
        })
        .collect()
}

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
    /// Whether the user has set the pipeline stages; until then an import
    /// that brings the business's own stages replaces the unused defaults.
    pub stages_chosen: bool,
}

impl Default for Settings {
    fn default() -> Self {
        let locale = "id";
        Settings {
            currency: "IDR".into(),
            locale: locale.into(),
            currency_chosen: false,
            pipeline_stages: stages_named(default_stages(locale)),
            stages_chosen: false,
        }
    }
}

pub const KEY: &str = "settings";

pub fn load(conn: &Connection) -> Result<Settings> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(parse(text.as_deref()))
}

/// The settings from their stored text (the row under `KEY`), wherever it
/// was read from.
pub fn parse(text: Option<&str>) -> Settings {
    // Settings that no longer parse (edited by hand) fall back to the defaults
    // rather than locking the user out of their data.
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

pub fn save(conn: &Connection, settings: &Settings) -> Result<()> {
    let text = serde_json::to_string(settings).unwrap_or_default();
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![KEY, text],
    )?;
    Ok(())
}

pub const PRESET_PREFIX: &str = "preset:";

/// Saves an import mapping under a name (JSON made by the importer).
pub fn save_preset(conn: &Connection, name: &str, json: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![format!("{PRESET_PREFIX}{name}"), json],
    )?;
    Ok(())
}

pub fn load_preset(conn: &Connection, name: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [format!("{PRESET_PREFIX}{name}")],
            |r| r.get(0),
        )
        .optional()?)
}

/// The names of the saved presets, sorted.
pub fn preset_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT substr(key, ?1) FROM settings WHERE key LIKE ?2 ORDER BY key")?;
    let names = stmt
        .query_map(
            params![PRESET_PREFIX.len() as i64 + 1, format!("{PRESET_PREFIX}%")],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

impl Settings {
    /// Sets how numbers are written; the default stages, while they are
    /// untouched and no stored deal uses them (`deals_stored`), follow into
    /// the new locale's words.
    pub fn set_locale(&mut self, locale: &str, deals_stored: bool) {
        if !self.stages_chosen
            && !deals_stored
            && self.pipeline_stages == stages_named(default_stages(&self.locale))
        {
            self.pipeline_stages = stages_named(default_stages(locale));
        }
        self.locale = locale.to_string();
    }

    /// Adds stage names not yet known (matching case-insensitively), each at
    /// the place its usual meaning gives it (a "Qualified" after a
    /// "Prospecting"), else after the known ones in the order given. While the
    /// user has not chosen the stages, defaults that no stored deal uses
    /// (`in_use`) give way to the business's own. Returns whether anything
    /// changed.
    pub fn add_stages<'a>(
        &mut self,
        names: impl IntoIterator<Item = &'a str>,
        in_use: &[String],
    ) -> bool {
        let before = self.pipeline_stages.clone();
        let names: Vec<&str> = names.into_iter().collect();
        let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
        if !self.stages_chosen && !names.is_empty() {
            let spelling = |name: &str| -> Option<String> {
                in_use
                    .iter()
                    .map(String::as_str)
                    .chain(names.iter().copied())
                    .find(|u| same(u, name))
                    .map(str::to_string)
            };
            self.pipeline_stages.retain(|s| spelling(&s.name).is_some());
            for stage in &mut self.pipeline_stages {
                if let Some(spelled) = spelling(&stage.name) {
                    stage.name = spelled;
                }
            }
        }
        let mut new: Vec<String> = Vec::new();
        for name in names {
            let known = self.pipeline_stages.iter().any(|s| same(&s.name, name));
            if !known && !new.iter().any(|n| same(n, name)) {
                new.push(name.to_string());
            }
        }
        for name in new {
            let rank = stage_rank(&name);
            let at = rank
                .and_then(|r| {
                    self.pipeline_stages
                        .iter()
                        .position(|s| stage_rank(&s.name).is_some_and(|sr| sr > r))
                })
                .unwrap_or(self.pipeline_stages.len());
            self.pipeline_stages.insert(
                at,
                Stage {
                    name,
                    win_probability: None,
                },
            );
        }
        self.pipeline_stages != before
    }
}

/// Where a stage usually sits in a sales pipeline, by its name (English and
/// Indonesian); None for a name with no usual place.
fn stage_rank(name: &str) -> Option<u8> {
    let n = name.trim().to_lowercase();
    let rank = match n.as_str() {
        "lead" | "new" | "baru" | "prospect" | "prospecting" | "prospek" => 1,
        "contacted" | "dihubungi" | "engaging" | "engaged" | "qualification" | "qualified"
        | "kualifikasi" | "discovery" => 2,
        "demo" | "presentation" | "presentasi" | "proposal" | "quote" | "penawaran" => 3,
        "negotiation" | "negosiasi" | "contract" | "kontrak" => 4,
        "closed" | "closing" | "selesai" => 5,
        _ => return None,
    };
    Some(rank)
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
        let names = |s: &Settings| -> Vec<String> {
            s.pipeline_stages.iter().map(|s| s.name.clone()).collect()
        };
        assert_eq!(
            names(&s),
            [
                "Prospek",
                "Kualifikasi",
                "Penawaran",
                "Negosiasi",
                "Closing"
            ]
        );
        let before = s.clone();
        let mut with_deals = s.clone();
        with_deals.set_locale("en", true);
        assert_eq!(
            with_deals.pipeline_stages, before.pipeline_stages,
            "stored deals keep the stage names they use"
        );
        assert_eq!(with_deals.locale, "en");
        s.set_locale("en", false);
        assert_eq!(
            names(&s),
            [
                "Prospecting",
                "Qualified",
                "Proposal",
                "Negotiation",
                "Closed"
            ],
            "untouched defaults follow the locale"
        );
        let in_use = vec!["Qualified".to_string(), "proposal".to_string()];
        assert!(s.add_stages(
            ["Site visit", "Engaging", "Prospecting", "engaging"],
            &in_use
        ));
        let names: Vec<&str> = s.pipeline_stages.iter().map(|s| s.name.as_str()).collect();
        // Unused defaults give way; Engaging sits with Qualified, the visit at the end.
        assert_eq!(
            names,
            [
                "Prospecting",
                "Qualified",
                "Engaging",
                "proposal",
                "Site visit"
            ]
        );
        // Later imports see every stored stage in use.
        let stored: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        assert!(!s.add_stages(["ENGAGING"], &stored));
        s.stages_chosen = true;
        assert!(s.add_stages(["Won back"], &[]));
        assert_eq!(s.pipeline_stages.len(), 6, "chosen stages are kept");
        s.set_locale("id", false);
        assert_eq!(s.pipeline_stages.len(), 6, "chosen stages keep their words");
        assert_eq!(s.locale, "id");
        save_preset(store.conn(), "Toko A", "{}").unwrap();
        save_preset(store.conn(), "Shopee", "{\"kind\":null}").unwrap();
        assert_eq!(preset_names(store.conn()).unwrap(), ["Shopee", "Toko A"]);
        assert_eq!(
            load_preset(store.conn(), "Toko A").unwrap().as_deref(),
            Some("{}")
        );
        assert_eq!(load_preset(store.conn(), "Toko B").unwrap(), None);
        s.currency = "USD".into();
        save(store.conn(), &s).unwrap();
        assert_eq!(load(store.conn()).unwrap(), s);
    }
}
