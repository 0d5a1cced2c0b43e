//! A throwaway PostgreSQL cluster for tests: made with `initdb` in a
//! temporary folder, listening on a free local port, and stopped and
//! deleted by a watchdog once the test process is gone (however it ends:
//! a static is never dropped, and a killed process runs no destructor).
//!
//! Here rather than under `tests/` because the core's unit tests and the
//! integration tests both use it. As root (a CI container), the server runs
//! as the `postgres` user, since `initdb` refuses to run as root.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Debug)]
pub struct Cluster {
    port: u16,
    /// The authority that signed the server's certificate, when the cluster
    /// speaks TLS (it does where the `openssl` command is installed).
    ca: Option<PathBuf>,
}

/// The name the server's certificate is made out to, besides 127.0.0.1:
/// a name that is not this computer's, so that a connection to it (with
/// `hostaddr=127.0.0.1`) is held to the rules for another computer.
pub const TLS_NAME: &str = "db.laris.test";

impl Cluster {
    /// The cluster of this test process, started on first use. None, with a
    /// note, where PostgreSQL is not installed; with `CI` set that is a
    /// failure instead, as is a cluster that does not start.
    pub fn shared() -> Option<&'static Cluster> {
        static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();
        CLUSTER
            .get_or_init(|| {
                let Some(bin) = bin_dir() else {
                    let why = "PostgreSQL's initdb and pg_ctl were not found \
                        (install Debian's postgresql package, or set LARIS_PG_BIN)";
                    if std::env::var_os("CI").is_some() {
                        panic!("{why}; CI must run the PostgreSQL tests");
                    }
                    eprintln!("skipped: {why}");
                    return None;
                };
                match start(&bin) {
                    Ok(c) => Some(c),
                    Err(e) => panic!("the test PostgreSQL cluster did not start: {e}"),
                }
            })
            .as_ref()
    }

    /// A new empty database for one test (`name` and a counter, so that
    /// tests never share one), as a connection string.
    pub fn database(&self, name: &str) -> String {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let clean: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        let db = format!("t{}_{clean}", NEXT.fetch_add(1, Ordering::Relaxed));
        let admin = format!(
            "host=127.0.0.1 port={} user=postgres dbname=postgres",
            self.port
        );
        let made = postgres::Client::connect(&admin, postgres::NoTls).and_then(|mut c| {
            // The name is made of [a-z0-9_] above.
            c.batch_execute(&format!("CREATE DATABASE \"{db}\""))
        });
        if let Err(e) = made {
            panic!("creating the test database {db}: {e}");
        }
        self.url(&db)
    }

    /// The certificate authority to trust for [`TLS_NAME`], if the cluster
    /// has TLS.
    pub fn ca_file(&self) -> Option<&Path> {
        self.ca.as_deref()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The connection string of database `db` of this cluster.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }
}

/// `LARIS_PG_BIN`, else the newest of Debian's /usr/lib/postgresql/*/bin,
/// else `pg_config --bindir`.
fn bin_dir() -> Option<PathBuf> {
    let has = |d: &Path| d.join("initdb").is_file() && d.join("pg_ctl").is_file();
    if let Some(d) = std::env::var_os("LARIS_PG_BIN") {
        return Some(PathBuf::from(d)).filter(|d| has(d));
    }
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, d)| has(d))
        .collect();
    debian.sort();
    if let Some((_, d)) = debian.pop() {
        return Some(d);
    }
    let out = Command::new("pg_config").arg("--bindir").output().ok()?;
    let d = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    has(&d).then_some(d)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A command of the server's, as the `postgres` user when we are root.
fn server_command(root: bool, program: &Path) -> Command {
    if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn run(mut c: Command, what: &str) -> Result<(), String> {
    let out = c.output().map_err(|e| format!("{what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn start(bin: &Path) -> Result<Cluster, String> {
    let root = is_root();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("laris-pg-{}-{stamp}", std::process::id()));
    let (data, sock) = (dir.join("data"), dir.join("sock"));
    std::fs::create_dir_all(&sock).map_err(|e| format!("{}: {e}", sock.display()))?;
    let tls = dir.join("tls");
    // Without openssl the cluster runs without TLS; the TLS tests say so.
    let has_tls = certificates(&tls).is_ok();
    if root {
        let mut chown = Command::new("chown");
        chown.arg("-R").arg("postgres:").arg(&dir);
        run(chown, "chown")?;
    }
    let mut initdb = server_command(root, &bin.join("initdb"));
    initdb.arg("-D").arg(&data).args([
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    ]);
    run(initdb, "initdb")?;
    let ssl = if has_tls {
        format!(
            " -c ssl=on -c ssl_cert_file={0}/server.crt -c ssl_key_file={0}/server.key",
            tls.display()
        )
    } else {
        String::new()
    };
    // A free port: the system picks one for a listener that is then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let pg_ctl = bin.join("pg_ctl");
    let mut startc = server_command(root, &pg_ctl);
    startc
        .arg("-D")
        .arg(&data)
        .arg("-l")
        .arg(dir.join("log"))
        .arg("-w")
        .arg("-o")
        .arg(format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off{ssl}",
            sock.display()
        ))
        .arg("start");
    run(startc, "pg_ctl start")?;
    // The watchdog: when this process is gone, stop the server and delete
    // its folder. In its own session, so that a Ctrl+C of the tests does
    // not kill it before it has cleaned up.
    let stop = format!(
        "{}'{}' stop -D '{}' -m immediate",
        if root { "runuser -u postgres -- " } else { "" },
        pg_ctl.display(),
        data.display()
    );
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{dir}'",
        pid = std::process::id(),
        dir = dir.display()
    );
    Command::new("setsid")
        .args(["sh", "-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .or_else(|_| {
            Command::new("sh")
                .args(["-c", &script])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
        })
        .map_err(|e| format!("the watchdog: {e}"))?;
    Ok(Cluster {
        port,
        ca: has_tls.then(|| tls.join("ca.crt")),
    })
}

/// A certificate authority and a server certificate it signed, for
/// [`TLS_NAME`] and 127.0.0.1, made with the `openssl` command.
fn certificates(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("ext"),
        format!("subjectAltName=DNS:{TLS_NAME},IP:127.0.0.1\n"),
    )
    .map_err(|e| e.to_string())?;
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let openssl = |args: &[&str], what: &str| {
        let mut c = Command::new("openssl");
        c.current_dir(dir).args(args);
        run(c, what)
    };
    openssl(
        &[
            &["req", "-x509"][..],
            &ec,
            &[
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
                "-days",
                "2",
                "-subj",
                "/CN=Laris test CA",
            ],
        ]
        .concat(),
        "the test CA",
    )?;
    openssl(
        &[
            &["req"][..],
            &ec,
            &[
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                &format!("/CN={TLS_NAME}"),
            ],
        ]
        .concat(),
        "the server key",
    )?;
    openssl(
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "ext",
        ],
        "the server certificate",
    )?;
    // PostgreSQL refuses a key others may read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.join("server.key"),
            std::fs::Permissions::from_mode(0o600),
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}
