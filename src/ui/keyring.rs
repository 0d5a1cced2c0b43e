//! A team server's password, kept in the system's keyring (Keychain,
//! Windows Credential Manager, the Secret Service) under the connection
//! string without it, never in the settings. Where the system has no
//! keyring Laris can use (a bare X server has no D-Bus), nothing is kept:
//! the password then comes from `PGPASSWORD` or is typed again.

use crate::store::pg::{with_password, without_password};

const SERVICE: &str = "Laris";

fn entry(url: &str) -> keyring::Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, &without_password(url))
}

/// `url` with the password kept for it, if the keyring has one and the
/// string names none (nor does `PGPASSWORD`).
pub fn with_saved(url: &str) -> String {
    let has_own = crate::store::pg::config(url).is_ok_and(|c| c.get_password().is_some());
    if has_own || std::env::var_os("PGPASSWORD").is_some() {
        return url.to_string();
    }
    match entry(url).and_then(|e| e.get_password()) {
        Ok(password) => with_password(url, &password),
        Err(_) => url.to_string(),
    }
}

/// Why a password was not kept.
#[derive(Debug)]
pub enum NotKept {
    /// No keyring answered (no D-Bus session, no Secret Service running).
    Unreachable,
    /// The keyring is locked or refused access.
    Locked,
    /// Anything else, in the keyring's own words.
    Other(String),
}

impl NotKept {
    fn of(e: &keyring::Error) -> NotKept {
        match e {
            keyring::Error::PlatformFailure(_) => NotKept::Unreachable,
            keyring::Error::NoStorageAccess(_) => NotKept::Locked,
            other => NotKept::Other(other.to_string()),
        }
    }

    /// Why, in `lang`.
    pub fn reason(&self, lang: crate::i18n::Lang) -> String {
        match self {
            NotKept::Unreachable => lang.tr("keyring-unreachable"),
            NotKept::Locked => lang.tr("keyring-locked"),
            NotKept::Other(words) => words.clone(),
        }
    }
}

/// Keeps the password `url` carries, for next time.
pub fn save(url: &str) -> Result<(), NotKept> {
    let Some(password) = crate::store::pg::config(url).ok().and_then(|c| {
        c.get_password()
            .map(|p| String::from_utf8_lossy(p).into_owned())
    }) else {
        return Ok(());
    };
    entry(url)
        .and_then(|e| e.set_password(&password))
        .map_err(|e| NotKept::of(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The two failures a shop owner meets (no keyring on a bare desktop,
    /// a locked one) are said in their language; the rare rest keeps the
    /// keyring's words, which name the attribute at fault.
    #[test]
    fn why_a_password_was_not_kept_is_said_in_the_users_language() {
        let platform = keyring::Error::PlatformFailure("org.freedesktop.DBus.Error".into());
        assert_eq!(
            NotKept::of(&platform).reason(Lang::Id),
            "tidak ada keyring yang menjawab"
        );
        let locked = keyring::Error::NoStorageAccess("locked".into());
        assert_eq!(
            NotKept::of(&locked).reason(Lang::En),
            "it is locked or refused Laris"
        );
        let long = keyring::Error::TooLong("service".into(), 255);
        assert_eq!(NotKept::of(&long).reason(Lang::Id), long.to_string());
    }
}
