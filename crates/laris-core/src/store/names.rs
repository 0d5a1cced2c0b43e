//! Names as the user first wrote them: the display spelling of each
//! free-text key (a rep typed "sari" after "Sari" shows as "Sari"), and the
//! pipeline stages in use. The importer resolves names through here while
//! it writes.

use std::collections::HashMap;

use crate::util::FastMap;

/// The stages that stored deals are at or have been through.
pub fn stages_in_use(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT stage FROM deals WHERE stage IS NOT NULL UNION SELECT stage FROM deal_stages",
    )?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

/// The first-seen spelling of each free-text key.
pub struct DisplayNames {
    known: HashMap<(String, String), String>,
    /// Per field, the display name of each text as written, so that the
    /// millionth "Sari" costs one lookup (with the loader's fast hash: the
    /// keys are the user's own).
    seen: FastMap<&'static str, FastMap<String, String>>,
}

impl DisplayNames {
    pub fn load(conn: &rusqlite::Connection) -> rusqlite::Result<Self> {
        let mut stmt = conn.prepare("SELECT field, folded, display FROM display_names")?;
        let known = stmt
            .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(DisplayNames {
            known,
            seen: FastMap::default(),
        })
    }

    /// The display name of `text`: a lookup, with no allocation, for every
    /// text seen before. `fold` gives the key two spellings of one name
    /// share (the importer's `name_key`).
    pub fn resolve<'a>(
        &'a mut self,
        conn: &rusqlite::Connection,
        field: &'static str,
        text: &'a str,
        fold: fn(&str) -> String,
    ) -> rusqlite::Result<&'a str> {
        if !self.seen.get(field).is_some_and(|m| m.contains_key(text)) {
            let key = (field.to_string(), fold(text));
            let display = match self.known.get(&key) {
                Some(display) => display.clone(),
                None => {
                    conn.execute(
                        "INSERT INTO display_names(field, folded, display) VALUES (?1, ?2, ?3)",
                        (&key.0, &key.1, text),
                    )?;
                    self.known.insert(key, text.to_string());
                    text.to_string()
                }
            };
            self.seen
                .entry(field)
                .or_default()
                .insert(text.to_string(), display);
        }
        Ok(self
            .seen
            .get(field)
            .and_then(|m| m.get(text))
            .map_or(text, String::as_str))
    }
}
