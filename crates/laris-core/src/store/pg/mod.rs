//! A Laris database on a PostgreSQL server (docs/postgres.md): connecting
//! (TLS, the password), the schema and its versions, and the errors, in the
//! user's language.
//!
//! SQL sent from here is made only of constants: table and column names
//! from [`crate::store::tables`], values as parameters or COPY data.

pub mod cluster;
pub mod copy;
mod reader;
pub mod scratch;
mod tls;
pub mod write;

pub use reader::Reader;

use std::str::FromStr;

use postgres::{Client, GenericClient};
use tokio_postgres::Config;
use tokio_postgres::config::{Host, SslMode};

use crate::i18n::{Arg, Lang};
use crate::store::StoreError;

/// The schema versions, in order; version N is `MIGRATIONS[N - 1]`. Version 1
/// has the tables of SQLite's schema version 6, version 2 the indexes of its
/// version 7, version 3 the branches of its version 8.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/postgres/001_initial.sql"),
    include_str!("../migrations/postgres/002_batch_indexes.sql"),
    include_str!("../migrations/postgres/003_branches.sql"),
];

/// The schema version this build writes on a server.
pub fn schema_version() -> i32 {
    MIGRATIONS.len() as i32
}

/// The key of the advisory lock that a writer holds for its transaction
/// (a schema change, a copy in): 'LARS' as a number, like the SQLite
/// application id.
pub const WRITE_LOCK: i64 = 0x4C41_5253;

/// How long a connection attempt may take unless the connection string
/// says otherwise (`connect_timeout`).
pub const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// Whether `--db` (or `--from`, `--to`) names a server rather than a file.
pub fn is_url(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

#[derive(Debug, thiserror::Error)]
pub enum PgError {
    BadUrl {
        url: String,
        reason: String,
    },
    Connect {
        server: String,
        reason: String,
        /// The encryption failed (an untrusted certificate, no TLS on a
        /// server that must use it): the message says how to trust it.
        tls: bool,
    },
    NotLaris {
        server: String,
    },
    NewerVersion {
        server: String,
        found: i32,
        supported: i32,
    },
    NoSchema {
        server: String,
    },
    Server {
        server: String,
        reason: String,
    },
    Table {
        place: String,
        table: String,
        reason: String,
    },
    NotEmpty {
        target: String,
        table: String,
        rows: i64,
    },
    NoSource {
        path: String,
    },
    SameKind,
    /// The server wants a password: none was given, or it was `refused`.
    Password {
        server: String,
        refused: bool,
    },
    /// The role may read the server's database but not change it.
    ReadOnly {
        server: String,
    },
    Store(#[from] StoreError),
}

impl std::fmt::Display for PgError {
    /// The English message, as the CLI prints it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl PgError {
    pub fn message(&self, lang: Lang) -> String {
        let s = |v: &str| -> Arg { v.into() };
        match self {
            PgError::BadUrl { url, reason } => lang.tr_args(
                "pg-error-bad-url",
                &[("url", s(&redact(url))), ("reason", s(reason))],
            ),
            PgError::Connect {
                server,
                reason,
                tls,
            } => lang.tr_args(
                if *tls {
                    "pg-error-connect-tls"
                } else {
                    "pg-error-connect"
                },
                &[("server", s(server)), ("reason", s(reason))],
            ),
            PgError::NotLaris { server } => {
                lang.tr_args("pg-error-not-laris", &[("server", s(server))])
            }
            PgError::NewerVersion {
                server,
                found,
                supported,
            } => lang.tr_args(
                "pg-error-newer",
                &[
                    ("server", s(server)),
                    ("found", s(&found.to_string())),
                    ("supported", s(&supported.to_string())),
                ],
            ),
            PgError::NoSchema { server } => {
                lang.tr_args("pg-error-no-schema", &[("server", s(server))])
            }
            PgError::Server { server, reason } => lang.tr_args(
                "pg-error-server",
                &[("server", s(server)), ("reason", s(reason))],
            ),
            PgError::Table {
                place,
                table,
                reason,
            } => lang.tr_args(
                "pg-error-table",
                &[
                    ("place", s(place)),
                    ("table", s(table)),
                    ("reason", s(reason)),
                ],
            ),
            PgError::NotEmpty {
                target,
                table,
                rows,
            } => lang.tr_args(
                "pg-error-not-empty",
                &[
                    ("target", s(target)),
                    ("table", s(table)),
                    ("rows", s(&rows.to_string())),
                ],
            ),
            PgError::NoSource { path } => lang.tr_args("pg-error-no-source", &[("path", s(path))]),
            PgError::SameKind => lang.tr("pg-error-same-kind"),
            PgError::Password { server, refused } => lang.tr_args(
                if *refused {
                    "pg-error-password-refused"
                } else {
                    "pg-error-password-missing"
                },
                &[("server", s(server))],
            ),
            PgError::ReadOnly { server } => {
                lang.tr_args("pg-error-read-only", &[("server", s(server))])
            }
            PgError::Store(e) => e.message(lang),
        }
    }
}

pub type Result<T, E = PgError> = std::result::Result<T, E>;

/// A connection string without its password, to show.
pub fn redact(url: &str) -> String {
    match Config::from_str(url) {
        Ok(config) => label(&config),
        Err(_) => {
            // Not parsable: at least never echo what could be a password.
            match url.split_once('@') {
                Some((_, rest)) => format!("postgres://…@{rest}"),
                None => url.to_string(),
            }
        }
    }
}

/// The connection string without a password (in its user part or as a
/// `password=` parameter), to remember: the password comes from
/// `PGPASSWORD`, the system's keyring or the user each time.
pub fn without_password(url: &str) -> String {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split_once(':').map_or(user, |(name, _)| name);
            format!("{user}@{host}")
        }
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|p| !p.to_ascii_lowercase().starts_with("password="))
                .collect();
            if kept.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// `url` with `password` as one of its parameters (percent-encoded), for
/// a connection made now: kept in memory, never remembered (see
/// [`without_password`]).
pub fn with_password(url: &str, password: &str) -> String {
    let url = without_password(url);
    if password.is_empty() {
        return url;
    }
    let encoded: String = password
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect();
    let joint = if url.contains('?') { '&' } else { '?' };
    format!("{url}{joint}password={encoded}")
}

/// The database's name in a connection string (the user's name where it
/// names none, as the server takes it), empty when it cannot be read.
pub fn database_name(url: &str) -> String {
    Config::from_str(url.trim())
        .ok()
        .and_then(|c| c.get_dbname().or(c.get_user()).map(str::to_string))
        .unwrap_or_default()
}

/// `user@host:port/dbname`, how messages name a server.
fn label(config: &Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or("");
    let db = config.get_dbname().unwrap_or(user);
    format!("postgres://{user}@{}:{port}/{db}", hosts.join(","))
}

/// Whether every host of the connection is this computer: then the
/// traffic never leaves it, and TLS is used only when the server offers it.
fn all_local(config: &Config) -> bool {
    // A `hostaddr` is where the connection really goes, whatever the host
    // is called.
    let addrs_local = config.get_hostaddrs().iter().all(|ip| ip.is_loopback());
    addrs_local
        && !config.get_hosts().is_empty()
        && config.get_hosts().iter().all(|h| match h {
            Host::Tcp(name) => {
                let name = name.trim_start_matches('[').trim_end_matches(']');
                name.eq_ignore_ascii_case("localhost")
                    || name
                        .parse::<std::net::IpAddr>()
                        .is_ok_and(|ip| ip.is_loopback())
            }
            #[cfg(unix)]
            Host::Unix(_) => true,
        })
}

/// The TLS policy: a server on another computer is only spoken to
/// encrypted, unless the connection string says `sslmode=disable`; a local
/// one is encrypted when it offers it (`prefer`, the default).
fn tls_mode(config: &Config) -> SslMode {
    match config.get_ssl_mode() {
        SslMode::Disable => SslMode::Disable,
        _ if !all_local(config) => SslMode::Require,
        mode => mode,
    }
}

/// The connection settings from a connection string, with what libpq would
/// take from the environment: the password from `PGPASSWORD` when the
/// string has none, the user from `PGUSER` or the login name.
pub fn config(url: &str) -> Result<Config> {
    let bad = |reason: String| PgError::BadUrl {
        url: url.to_string(),
        reason,
    };
    let mut config = Config::from_str(url.trim()).map_err(|e| bad(e.to_string()))?;
    if config.get_hosts().is_empty() {
        return Err(bad("no host".into()));
    }
    if config.get_password().is_none()
        && let Ok(password) = std::env::var("PGPASSWORD")
    {
        config.password(password);
    }
    if config.get_user().is_none() {
        let user = ["PGUSER", "USER", "USERNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
            .ok_or_else(|| bad("no user name".into()))?;
        config.user(&user);
    }
    let mode = tls_mode(&config);
    config.ssl_mode(mode);
    // A server that does not answer (a wrong address, a firewall) is
    // reported in seconds rather than after the system's TCP timeout.
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    Ok(config)
}

/// An open connection to a server, and how messages name it.
pub struct PgStore {
    pub client: Client,
    pub server: String,
    /// The connection string it was opened with, to open another (never
    /// shown: it may hold the password).
    pub url: String,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("server", &self.server)
            .finish()
    }
}

impl PgStore {
    /// Connects, encrypted as [`tls_mode`] decides; nothing is written.
    pub fn connect(url: &str) -> Result<PgStore> {
        let config = config(url)?;
        let server = label(&config);
        let tls_err = |reason: String| PgError::Connect {
            server: server.clone(),
            reason,
            tls: true,
        };
        let local = all_local(&config);
        let config = postgres::Config::from(config);
        let client = match config.get_ssl_mode() {
            SslMode::Disable => config.connect(postgres::NoTls),
            _ => config.connect(tls::connector(local).map_err(tls_err)?),
        }
        .map_err(|e| connect_error(&server, &e))?;
        Ok(PgStore {
            client,
            server,
            url: url.to_string(),
        })
    }

    /// The error of a statement, naming this server.
    pub fn error(&self, e: &postgres::Error) -> PgError {
        PgError::Server {
            server: self.server.clone(),
            reason: reason(e),
        }
    }

    /// The schema version on the server: None when it has no Laris schema.
    /// Refuses a database holding other tables and one of a newer Laris.
    pub fn version(&mut self) -> Result<Option<i32>> {
        let server = self.server.clone();
        version(&mut self.client, &server)
    }

    /// Brings the schema up to date, creating it in an empty database; one
    /// writer at a time (an advisory lock), all or nothing.
    pub fn ensure_schema(&mut self) -> Result<()> {
        let server = self.server.clone();
        let err = |e: postgres::Error| PgError::Server {
            server: server.clone(),
            reason: reason(&e),
        };
        if self.version()? == Some(schema_version()) {
            return Ok(());
        }
        let mut tx = self.client.transaction().map_err(err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(err)?;
        // Another computer may have migrated while this one waited.
        let found = version(&mut tx, &server)?.unwrap_or(0);
        if found == 0 {
            tx.batch_execute(
                "CREATE TABLE laris_schema (
                     version    INTEGER PRIMARY KEY,
                     applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                 )",
            )
            .map_err(err)?;
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
            tx.batch_execute(sql).map_err(err)?;
            tx.execute(
                "INSERT INTO laris_schema(version) VALUES ($1)",
                &[&(i as i32 + 1)],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Refuses, in words, a role that may only read (the viewer of
    /// docs/postgres.md), before it meets the server's "permission denied"
    /// halfway through a change: it must be able to add import batches, or
    /// to create the tables in a database that has none.
    pub fn require_writer(&mut self) -> Result<()> {
        let may: bool = self
            .client
            .query_one(
                "SELECT CASE WHEN to_regclass('import_batches') IS NULL
                             THEN has_schema_privilege(current_schema(), 'CREATE')
                             ELSE has_table_privilege('import_batches', 'INSERT') END",
                &[],
            )
            .map_err(|e| self.error(&e))?
            .get(0);
        if may {
            Ok(())
        } else {
            Err(PgError::ReadOnly {
                server: self.server.clone(),
            })
        }
    }

    /// A stored setting (the row `key` of the table settings): None where
    /// there is none, or no Laris database yet. Nothing is written.
    pub fn setting(&mut self, key: &str) -> Result<Option<String>> {
        if self.version()?.is_none() {
            return Ok(None);
        }
        let row = self
            .client
            .query_opt("SELECT value FROM settings WHERE key = $1", &[&key])
            .map_err(|e| self.error(&e))?;
        Ok(row.and_then(|r| r.get(0)))
    }

    /// Checks that the server holds a Laris database of a version this
    /// build reads. An older schema is brought up to date first, as a
    /// file's is when it is opened; that needs the owner's role, and a
    /// read-only role gets the server's refusal. A current one is not
    /// written to.
    pub fn check_schema(&mut self) -> Result<()> {
        match self.version()? {
            Some(v) if v == schema_version() => Ok(()),
            Some(_) => self.ensure_schema(),
            None => Err(PgError::NoSchema {
                server: self.server.clone(),
            }),
        }
    }
}

fn version(client: &mut impl GenericClient, server: &str) -> Result<Option<i32>> {
    let err = |e: postgres::Error| PgError::Server {
        server: server.to_string(),
        reason: reason(&e),
    };
    let row = client
        .query_one(
            "SELECT to_regclass('laris_schema') IS NOT NULL,
                    (SELECT count(*) FROM information_schema.tables
                     WHERE table_schema = current_schema())",
            &[],
        )
        .map_err(err)?;
    let (ours, tables): (bool, i64) = (row.get(0), row.get(1));
    if !ours {
        return if tables == 0 {
            Ok(None)
        } else {
            Err(PgError::NotLaris {
                server: server.to_string(),
            })
        };
    }
    let found: Option<i32> = client
        .query_one("SELECT max(version) FROM laris_schema", &[])
        .map_err(err)?
        .get(0);
    match found {
        Some(v) if v > schema_version() => Err(PgError::NewerVersion {
            server: server.to_string(),
            found: v,
            supported: schema_version(),
        }),
        other => Ok(other),
    }
}

/// What went wrong, in the server's own words where it gave some (its
/// message is more useful than the driver's "db error").
/// Why connecting to `server` failed: a password the server wants and was
/// not given, or refused, said as such; anything else in the driver's words.
pub(super) fn connect_error(server: &str, e: &postgres::Error) -> PgError {
    let server = server.to_string();
    if e.code() == Some(&postgres::error::SqlState::INVALID_PASSWORD) {
        return PgError::Password {
            server,
            refused: true,
        };
    }
    // The driver's configuration error, raised before anything is sent.
    if e.as_db_error().is_none() && e.to_string().contains("password missing") {
        return PgError::Password {
            server,
            refused: false,
        };
    }
    PgError::Connect {
        server,
        reason: reason(e),
        tls: failed_encrypting(e),
    }
}

/// Whether the connection failed in its TLS handshake (the driver's own
/// kind of error, or rustls's among its causes).
fn failed_encrypting(e: &postgres::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        let io_inner = s
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref);
        if s.is::<rustls::Error>() || io_inner.is_some_and(|i| i.is::<rustls::Error>()) {
            return true;
        }
        source = s.source();
    }
    // tokio-postgres's Kind::Tls, whose cause may be any connector's.
    e.to_string().contains("TLS handshake")
}

pub fn reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                text = format!("{text}: {s}");
                source = s.source();
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(url: &str) -> SslMode {
        config(url).unwrap().get_ssl_mode()
    }

    #[test]
    fn tls_is_required_for_another_computer_unless_disabled() {
        assert_eq!(mode("postgres://u@db.example.com/shop"), SslMode::Require);
        assert_eq!(
            mode("postgres://u@db.example.com/shop?sslmode=prefer"),
            SslMode::Require
        );
        assert_eq!(mode("postgres://u@10.0.0.7/shop"), SslMode::Require);
        assert_eq!(
            mode("postgres://u@db.example.com/shop?sslmode=disable"),
            SslMode::Disable
        );
        assert_eq!(mode("postgres://u@localhost/shop"), SslMode::Prefer);
        assert_eq!(mode("postgres://u@127.0.0.1:5433/shop"), SslMode::Prefer);
        assert_eq!(mode("postgres://u@[::1]/shop"), SslMode::Prefer);
        assert_eq!(
            mode("postgres://u@localhost/shop?sslmode=require"),
            SslMode::Require
        );
        // A local name whose address is another computer's is not local.
        assert_eq!(
            mode("postgres://u@localhost/shop?hostaddr=10.0.0.7"),
            SslMode::Require
        );
        assert_eq!(
            mode("postgres://u@localhost/shop?hostaddr=127.0.0.1"),
            SslMode::Prefer
        );
        // One remote host among local ones is enough to require it.
        assert_eq!(
            mode("postgres://u@localhost,db.example.com/shop"),
            SslMode::Require
        );
    }

    #[test]
    fn a_remembered_connection_string_keeps_everything_but_the_password() {
        let cases = [
            (
                "postgres://laris:s3cret@db.example.com:5433/toko",
                "postgres://laris@db.example.com:5433/toko",
            ),
            (
                "postgresql://laris:p@ss@db/toko?sslmode=disable",
                "postgresql://laris@db/toko?sslmode=disable",
            ),
            (
                "postgres://laris@db/toko?password=x&sslmode=require",
                "postgres://laris@db/toko?sslmode=require",
            ),
            (
                "postgres://laris@db/toko?PASSWORD=x",
                "postgres://laris@db/toko",
            ),
            (
                "postgres://laris@/toko?host=/run/pg&port=5432",
                "postgres://laris@/toko?host=/run/pg&port=5432",
            ),
            (
                "postgres://kasir@db.example.com/toko",
                "postgres://kasir@db.example.com/toko",
            ),
        ];
        for (url, kept) in cases {
            assert_eq!(without_password(url), kept, "{url}");
            assert_eq!(config(kept).unwrap().get_password(), None);
        }
    }

    #[test]
    fn a_typed_password_reaches_the_server_and_is_never_shown() {
        for password in ["s3cret", "p@ss w/rd&x=1%", "kata sandi ñ"] {
            let url = with_password(
                "postgres://laris@db.example.com/toko?sslmode=disable",
                password,
            );
            let config = config(&url).unwrap();
            assert_eq!(config.get_password(), Some(password.as_bytes()), "{url}");
            assert_eq!(config.get_ssl_mode(), SslMode::Disable);
            assert!(!redact(&url).contains("password"), "{}", redact(&url));
            assert_eq!(
                without_password(&url),
                "postgres://laris@db.example.com/toko?sslmode=disable"
            );
        }
        assert_eq!(with_password("postgres://u@h/d", ""), "postgres://u@h/d");
    }

    #[test]
    fn a_silent_server_is_given_up_on_unless_the_string_says_how_long_to_wait() {
        let timeout = |url: &str| config(url).unwrap().get_connect_timeout().copied();
        assert_eq!(
            timeout("postgres://u@db.example.com/shop"),
            Some(CONNECT_TIMEOUT)
        );
        assert_eq!(
            timeout("postgres://u@db.example.com/shop?connect_timeout=3"),
            Some(std::time::Duration::from_secs(3))
        );
    }

    #[test]
    fn a_password_is_never_shown() {
        let shown = redact("postgres://sari:rahasia@db.example.com:6543/toko");
        assert_eq!(shown, "postgres://sari@db.example.com:6543/toko");
        assert!(!redact("postgres://sari:rahasia@db.example.com:bad/toko").contains("rahasia"));
        let e = PgError::BadUrl {
            url: "postgres://sari:rahasia@db:x/toko".into(),
            reason: "invalid port".into(),
        };
        assert!(!e.to_string().contains("rahasia"), "{e}");
        assert!(!e.message(Lang::Id).contains("rahasia"));
    }

    #[test]
    fn a_server_s_business_is_its_database() {
        assert_eq!(
            database_name("postgres://sari@db.example.com/toko_sari"),
            "toko_sari"
        );
        assert_eq!(database_name("postgres://sari@db.example.com"), "sari");
        assert_eq!(database_name("postgres://sari@db:x/toko"), "");
    }

    #[test]
    fn urls_are_told_from_files() {
        assert!(is_url("postgres://u@h/db"));
        assert!(is_url("PostgreSQL://u@h/db"));
        assert!(!is_url("toko.laris"));
        assert!(!is_url("postgres.laris"));
    }
}
