//! The Linux desktop integration behind `laris --install-desktop`: a launcher,
//! the icons and the `.laris` file type, per user (no root), following the XDG
//! base directory, desktop entry, icon theme and shared MIME info specs.
//!
//! Everything written here is listed in [`installed_files`], so uninstalling
//! removes exactly what installing wrote and nothing the user made.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The app id, which names the desktop file and the icons; Wayland matches the
/// window to its launcher (and so its icon) by it.
pub const APP_ID: &str = "laris";

/// The MIME type of a Laris database file.
pub const MIME_TYPE: &str = "application/x-laris";

/// The PNG icons, one per size of the hicolor theme that desktops look up;
/// made from `assets/icon.svg` (see `assets/README.md`).
const PNG_ICONS: [(u32, &[u8]); 7] = [
    (16, include_bytes!("../assets/icon-16.png")),
    (32, include_bytes!("../assets/icon-32.png")),
    (48, include_bytes!("../assets/icon-48.png")),
    (64, include_bytes!("../assets/icon-64.png")),
    (128, include_bytes!("../assets/icon-128.png")),
    (256, laris_view::assets::ICON_256),
    (512, include_bytes!("../assets/icon-512.png")),
];
const SVG_ICON: &[u8] = include_bytes!("../assets/icon.svg");

/// `$XDG_DATA_HOME`, else `~/.local/share`. The spec says a relative
/// `XDG_DATA_HOME` is invalid and must be ignored.
pub fn data_home() -> Option<PathBuf> {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    from_env("XDG_DATA_HOME").or_else(|| from_env("HOME").map(|h| h.join(".local/share")))
}

/// The files that [`install`] writes under `data_home`, with their contents.
fn installed_files(exe: &Path, data_home: &Path) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let icons = data_home.join("icons/hicolor");
    let mut files = vec![
        (
            data_home.join(format!("applications/{APP_ID}.desktop")),
            desktop_entry(exe)?.into_bytes(),
        ),
        (
            data_home.join(format!("mime/packages/{APP_ID}.xml")),
            mime_info().into_bytes(),
        ),
        (
            icons.join(format!("scalable/apps/{APP_ID}.svg")),
            SVG_ICON.to_vec(),
        ),
    ];
    for (size, png) in PNG_ICONS {
        let path = icons.join(format!("{size}x{size}/apps/{APP_ID}.png"));
        files.push((path, png.to_vec()));
    }
    Ok(files)
}

/// Writes the launcher, icons and file type for the program `exe` under
/// `data_home` and refreshes the desktop's caches. Returns the files written.
pub fn install(exe: &Path, data_home: &Path) -> io::Result<Vec<PathBuf>> {
    let files = installed_files(exe, data_home)?;
    let mut written = Vec::with_capacity(files.len());
    for (path, contents) in files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, contents)?;
        written.push(path);
    }
    refresh_caches(data_home);
    Ok(written)
}

/// Removes what [`install`] wrote under `data_home` (files already gone are
/// fine) and refreshes the caches. Returns the files removed.
pub fn uninstall(data_home: &Path) -> io::Result<Vec<PathBuf>> {
    // The launcher's contents do not matter for removal; only the paths do.
    let files = installed_files(Path::new("/"), data_home)?;
    let mut removed = Vec::new();
    for (path, _) in files {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    refresh_caches(data_home);
    Ok(removed)
}

/// The desktop entry. `--db=%f` rather than `--db %f`: launched from the menu
/// there is no file, `%f` expands to nothing, and `--db` alone would be an
/// error while an empty `--db=` means the default database.
pub fn desktop_entry(exe: &Path) -> io::Result<String> {
    let exe = exe.to_str().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "the path of the program is not valid UTF-8, which a desktop file needs: {}",
                exe.display()
            ),
        )
    })?;
    Ok(format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=Laris\n\
         GenericName=Sales metrics\n\
         GenericName[id]=Metrik penjualan\n\
         Comment=See how your shop is selling, from the spreadsheets you already have\n\
         Comment[id]=Lihat penjualan toko Anda dari spreadsheet yang sudah Anda punya\n\
         Exec={} --db=%f\n\
         TryExec={}\n\
         Icon={APP_ID}\n\
         Terminal=false\n\
         Categories=Office;Finance;\n\
         Keywords=sales;shop;metrics;spreadsheet;csv;penjualan;toko;\n\
         MimeType={MIME_TYPE};\n\
         StartupWMClass={APP_ID}\n",
        exec_arg(exe),
        escape_value(exe),
    ))
}

fn mime_info() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <mime-info xmlns=\"http://www.freedesktop.org/standards/shared-mime-info\">\n  \
         <mime-type type=\"{MIME_TYPE}\">\n    \
         <comment>Laris database</comment>\n    \
         <comment xml:lang=\"id\">Database Laris</comment>\n    \
         <icon name=\"{APP_ID}\"/>\n    \
         <sub-class-of type=\"application/vnd.sqlite3\"/>\n    \
         <glob pattern=\"*.laris\"/>\n  \
         </mime-type>\n\
         </mime-info>\n"
    )
}

/// One argument of an `Exec` key: quoted when it holds a character the spec
/// reserves, then escaped as a desktop-file string value.
fn exec_arg(arg: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(',
        ')', '`',
    ];
    let quoted = if arg.contains(RESERVED) {
        let mut q = String::from("\"");
        for c in arg.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                q.push('\\');
            }
            q.push(c);
        }
        q.push('"');
        q
    } else {
        arg.to_string()
    };
    escape_value(&quoted.replace('%', "%%"))
}

/// A desktop-file string value: backslashes and control characters escaped.
fn escape_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Tells the desktop about the new files. The tools are optional: without
/// them the desktop picks the files up at its next scan or login.
fn refresh_caches(data_home: &Path) {
    let run = |tool: &str, args: &[&Path]| {
        // A missing tool or a failed refresh does not undo the install.
        let _ = Command::new(tool)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    };
    run("update-mime-database", &[&data_home.join("mime")]);
    run(
        "update-desktop-database",
        &[&data_home.join("applications")],
    );
    let icons = data_home.join("icons/hicolor");
    // Only refresh an icon cache that exists: creating one would hide icons
    // installed later by tools that do not update it.
    if icons.join("icon-theme.cache").exists() {
        run("gtk-update-icon-cache", &[Path::new("-q"), &icons]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_are_left_alone() {
        assert_eq!(exec_arg("/usr/bin/laris"), "/usr/bin/laris");
    }

    #[test]
    fn paths_with_spaces_and_reserved_characters_are_quoted_and_escaped() {
        assert_eq!(
            exec_arg("/home/a b/100% \"$x\\laris"),
            "\"/home/a b/100%% \\\\\"\\\\$x\\\\\\\\laris\""
        );
    }

    #[test]
    fn the_entry_opens_a_file_or_the_default_database() {
        let entry = desktop_entry(Path::new("/opt/laris/laris")).unwrap();
        assert!(entry.contains("\nExec=/opt/laris/laris --db=%f\n"));
        assert!(entry.contains("\nMimeType=application/x-laris;\n"));
    }
}
