//! Every user-visible text, in the user's language, from the Fluent files in
//! `assets/locales` (English is the fallback for a missing message).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use serde::{Deserialize, Serialize};
use unic_langid::{LanguageIdentifier, langid};

use crate::format;

static_loader! {
    static LOCALES = {
        locales: "../../assets/locales",
        fallback_language: "en",
        customise: |bundle| {
            // Isolation marks would show as boxes in egui's text and break
            // tests that look for a label.
            bundle.set_use_isolating(false);
            // A count is passed as a number so that it picks its plural form;
            // Fluent alone would then print it ungrouped (`1250`).
            if bundle.locales.first() == Some(&ID) {
                bundle.set_formatter(Some(number_id));
            } else {
                bundle.set_formatter(Some(number_en));
            }
        },
    };
}

static EN: LanguageIdentifier = langid!("en");
static ID: LanguageIdentifier = langid!("id");

// The bundle's formatter is a plain function of the value, so each language
// has its own.
fn number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    number(Lang::En, value)
}
fn number_id<M>(value: &FluentValue, _: &M) -> Option<String> {
    number(Lang::Id, value)
}

/// A whole number argument as the language writes it (`1.250`, `1,250`);
/// None leaves any other value to Fluent.
fn number(lang: Lang, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < i64::MAX as f64 => {
            Some(format::count(lang, n.value as i64))
        }
        _ => None,
    }
}

/// The languages Laris speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "id")]
    Id,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// Indonesian when the system is set to it, else English.
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or(Lang::En)
    }

    /// `id`, `id-ID`, `in`, `en-US`, ... (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.to_ascii_lowercase();
        let primary = code.split(['-', '_', '.']).next().unwrap_or("");
        match primary {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Id => &ID,
        }
    }

    /// The message `id` in this language.
    pub fn tr(self, id: &str) -> String {
        LOCALES.lookup(self.langid(), id)
    }

    /// An activity type as this language names it: the data model's
    /// standard types (`follow_up`) from the messages, a shop's own type as
    /// it was imported, its underscores as spaces.
    pub fn activity_type(self, code: &str) -> String {
        self.try_tr(&format!("activity-type-{code}"))
            .unwrap_or_else(|| code.replace('_', " "))
    }

    /// A record's status (`paid`, `won`, ...) as this language says it; a
    /// status the data model does not know, as it was imported.
    pub fn status(self, code: &str) -> String {
        self.try_tr(&format!("status-{code}"))
            .unwrap_or_else(|| code.to_string())
    }

    /// Why the system refused a file operation, in this language for the
    /// common cases and in the system's words for the rest.
    pub fn io_reason(self, e: &std::io::Error) -> String {
        use std::io::ErrorKind;
        let id = match e.kind() {
            ErrorKind::PermissionDenied => "io-permission-denied",
            ErrorKind::NotFound => "io-not-found",
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "io-storage-full",
            ErrorKind::ReadOnlyFilesystem => "io-read-only",
            ErrorKind::IsADirectory => "io-is-a-directory",
            _ => return e.to_string(),
        };
        self.tr(id)
    }

    /// The message `id`, if there is one.
    pub fn try_tr(self, id: &str) -> Option<String> {
        LOCALES.try_lookup(self.langid(), id)
    }

    /// The message `id` with its `{ $name }` arguments filled in.
    pub fn tr_args(self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.langid(), id, &map)
    }
}

/// A value for a message argument.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::from_code("in_ID.UTF-8"), Some(Lang::Id));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr-FR"), None);
    }

    /// A count is a number: it picks the English plural form and shows with
    /// the language's thousands separators.
    #[test]
    fn counts_in_messages_are_grouped_and_plural() {
        let import = |lang: Lang, n: u64| lang.tr_args("wizard-import", &[("count", n.into())]);
        assert_eq!(import(Lang::En, 1), "Import 1 row");
        assert_eq!(import(Lang::En, 2), "Import 2 rows");
        assert_eq!(import(Lang::En, 1250), "Import 1,250 rows");
        assert_eq!(import(Lang::Id, 1250), "Impor 1.250 baris");
        let undo = |lang: Lang, added: u64, updated: u64| {
            lang.tr_args(
                "undo-body",
                &[
                    ("file", "a.csv".into()),
                    ("added", added.into()),
                    ("updated", updated.into()),
                ],
            )
        };
        assert!(undo(Lang::Id, 1250, 0).starts_with("1.250 data"));
        assert!(
            undo(Lang::En, 1, 2).starts_with("The 1 record that a.csv added"),
            "{}",
            undo(Lang::En, 1, 2)
        );
        assert!(undo(Lang::En, 1250, 1).starts_with("The 1,250 records"));
        let files = |n: u64| Lang::En.tr_args("wizard-more-files", &[("count", n.into())]);
        assert_eq!(files(1), "1 more file after this one");
        assert_eq!(files(3), "3 more files after this one");
        // Numbers passed as text stay as they are (years, ids).
        assert_eq!(
            Lang::En.tr_args(
                "period-quarter",
                &[("quarter", "1".into()), ("year", "2024".into())]
            ),
            "Q1 2024"
        );
    }

    /// Every message of the English file exists in Indonesian too, so nothing
    /// falls back to English on an Indonesian screen.
    #[test]
    fn indonesian_is_complete() {
        let ids = |text: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| l.split_once(" ="))
                .map(|(k, _)| k.trim().to_string())
                .filter(|k| !k.starts_with('#') && !k.starts_with('.') && !k.is_empty())
                .collect()
        };
        // Every .ftl file of a language folder is loaded, so all are checked.
        let all = |lang: &str| -> Vec<String> {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../assets/locales")
                .join(lang);
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .expect("locale folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            files.sort();
            files
                .iter()
                .flat_map(|f| ids(&std::fs::read_to_string(f).expect("ftl file")))
                .collect()
        };
        let en = all("en");
        let id = all("id");
        let mut unique = en.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), en.len(), "a message id is defined twice");
        let missing: Vec<_> = en.iter().filter(|k| !id.contains(k)).collect();
        assert!(missing.is_empty(), "missing in Indonesian: {missing:?}");
        let extra: Vec<_> = id.iter().filter(|k| !en.contains(k)).collect();
        assert!(extra.is_empty(), "only in Indonesian: {extra:?}");
        for key in &en {
            assert_ne!(Lang::Id.tr(key), "", "{key}");
        }
    }
}
