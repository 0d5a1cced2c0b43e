//! `laris --install-desktop` / `--uninstall-desktop` in a throwaway home.

use std::path::Path;
use std::process::{Command, Output};

const SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

fn laris(home: &Path, data_home: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_laris"))
        .args(args)
        .args(["--lang", "en"])
        .env("HOME", home)
        .env("XDG_DATA_HOME", data_home)
        .output()
        .expect("run laris");
    assert!(
        out.status.success(),
        "laris {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn installed_paths(data_home: &Path) -> Vec<std::path::PathBuf> {
    let mut paths = vec![
        data_home.join("applications/laris.desktop"),
        data_home.join("mime/packages/laris.xml"),
        data_home.join("icons/hicolor/scalable/apps/laris.svg"),
    ];
    for size in SIZES {
        paths.push(data_home.join(format!("icons/hicolor/{size}x{size}/apps/laris.png")));
    }
    paths
}

#[test]
fn install_desktop_puts_a_launcher_icons_and_file_type_in_place_and_uninstall_removes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let data_home = tmp.path().join("data");
    std::fs::create_dir_all(&home).unwrap();

    let out = laris(&home, &data_home, &["--install-desktop"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("applications menu"));
    for path in installed_paths(&data_home) {
        assert!(path.is_file(), "{} was not installed", path.display());
    }
    let png = std::fs::read(data_home.join("icons/hicolor/48x48/apps/laris.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));

    let desktop_file = data_home.join("applications/laris.desktop");
    let entry = std::fs::read_to_string(&desktop_file).unwrap();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_laris")).unwrap();
    assert!(exe.is_absolute());
    let lines: Vec<&str> = entry.lines().collect();
    assert_eq!(lines[0], "[Desktop Entry]");
    // The test binary's path has no character the Exec key would quote.
    let exec = format!("Exec={} --db=%f", exe.display());
    assert!(lines.contains(&exec.as_str()), "no {exec:?} in\n{entry}");
    assert!(lines.contains(&"Icon=laris"), "{entry}");
    assert!(lines.contains(&"MimeType=application/x-laris;"), "{entry}");
    assert!(lines.contains(&"Type=Application"), "{entry}");

    let mime = std::fs::read_to_string(data_home.join("mime/packages/laris.xml")).unwrap();
    assert!(mime.contains(r#"<mime-type type="application/x-laris">"#));
    assert!(mime.contains(r#"<glob pattern="*.laris"/>"#));

    match Command::new("desktop-file-validate")
        .arg(&desktop_file)
        .output()
    {
        Ok(v) => assert!(
            v.status.success() && v.stdout.is_empty(),
            "desktop-file-validate: {}{}",
            String::from_utf8_lossy(&v.stdout),
            String::from_utf8_lossy(&v.stderr)
        ),
        Err(_) => eprintln!(
            "note: desktop-file-validate is not installed (Debian: desktop-file-utils); \
             the desktop file was not validated"
        ),
    }
    if Command::new("update-mime-database")
        .arg("-v")
        .output()
        .is_ok()
    {
        let globs = std::fs::read_to_string(data_home.join("mime/globs2")).unwrap();
        assert!(globs.contains("application/x-laris:*.laris"), "{globs}");
    } else {
        eprintln!("note: update-mime-database is not installed; the MIME cache was not checked");
    }

    let out = laris(&home, &data_home, &["--uninstall-desktop"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("10 files removed"));
    for path in installed_paths(&data_home) {
        assert!(!path.exists(), "{} was not removed", path.display());
    }
    // Removing twice is not an error.
    laris(&home, &data_home, &["--uninstall-desktop"]);
}

#[test]
fn install_desktop_falls_back_to_home_local_share() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_laris"))
        .args(["--install-desktop", "--lang", "id"])
        .env("HOME", tmp.path())
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("menu aplikasi"));
    let data_home = tmp.path().join(".local/share");
    assert!(data_home.join("applications/laris.desktop").is_file());
    assert!(
        data_home
            .join("icons/hicolor/512x512/apps/laris.png")
            .is_file()
    );
}

#[test]
fn an_empty_db_from_the_launcher_means_the_default_database() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_laris"))
        .args([
            "--db=",
            "report",
            "--period",
            "month:2024-03",
            "--lang",
            "en",
        ])
        .env("HOME", tmp.path())
        .env("XDG_DATA_HOME", tmp.path().join("data"))
        .output()
        .unwrap();
    // No database yet: the message names the default one, so `--db=` was read as "none given".
    let stderr = String::from_utf8_lossy(&out.stderr);
    let default = tmp.path().join("data/laris/laris.laris");
    assert!(stderr.contains(&default.display().to_string()), "{stderr}");
}
