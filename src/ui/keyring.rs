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

/// Keeps the password `url` carries, for next time; the keyring's own
/// words when it cannot.
pub fn save(url: &str) -> Result<(), String> {
    let Some(password) = crate::store::pg::config(url).ok().and_then(|c| {
        c.get_password()
            .map(|p| String::from_utf8_lossy(p).into_owned())
    }) else {
        return Ok(());
    };
    entry(url)
        .and_then(|e| e.set_password(&password))
        .map_err(|e| e.to_string())
}
