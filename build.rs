//! Puts the icon and the version information into the Windows executable.
//!
//! Build scripts run on the host, so the target is read from
//! `CARGO_CFG_TARGET_OS` rather than `cfg!(windows)`: a Linux host
//! cross-building with MinGW must embed the resources too.

fn main() {
    println!("cargo:rerun-if-changed=assets/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    // Resource id 1 is the one Explorer and the taskbar show for the file.
    res.set_icon_with_id("assets/icon.ico", "1")
        .set("ProductName", "Laris")
        .set("FileDescription", "Laris: sales metrics for small shops");
    if let Err(e) = res.compile() {
        // A release without its icon is still a working program, but nobody should ship one by accident.
        panic!("cannot embed the Windows resources (is windres installed?): {e}");
    }
}
