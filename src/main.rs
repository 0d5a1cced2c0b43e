// No console window behind the app on Windows (release builds).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::FromArgMatches;

fn main() {
    laris::ui::mark_process_start();
    attach_parent_console();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = laris::cli::help::lang_of(&args);
    let cli = laris::cli::help::command(lang)
        .try_get_matches_from(args)
        .and_then(|m| laris::cli::Cli::from_arg_matches(&m))
        .unwrap_or_else(|e| e.exit());
    if cli.command.is_some() {
        quiet_graphics();
    }
    let status = if cli.install_desktop || cli.uninstall_desktop {
        desktop(&cli)
    } else {
        match &cli.command {
            Some(command) => match laris::cli::run(&cli, command) {
                Ok(()) => 0,
                Err(e) => {
                    let text = e.to_string();
                    if !text.is_empty() {
                        eprintln!("{text}");
                    }
                    e.exit_code()
                }
            },
            None => match open_app(&cli) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("laris: {e:#}");
                    1
                }
            },
        }
    };
    std::process::exit(status);
}

fn open_app(cli: &laris::cli::Cli) -> anyhow::Result<()> {
    let mut config = laris::ui::AppConfig::new(cli.place()?);
    config.lang = cli.lang;
    laris::ui::run(config)
}

/// `--install-desktop` / `--uninstall-desktop`: the XDG launcher, on the
/// systems that read one.
fn desktop(cli: &laris::cli::Cli) -> i32 {
    let lang = cli.lang();
    if cfg!(any(windows, target_os = "macos")) {
        eprintln!("laris: {}", lang.tr("desktop-unsupported"));
        return 1;
    }
    let Some(data_home) = laris::desktop::data_home() else {
        eprintln!("laris: {}", lang.tr("desktop-no-data-home"));
        return 1;
    };
    let result = if cli.install_desktop {
        std::env::current_exe()
            .and_then(|exe| laris::desktop::install(&exe, &data_home))
            .map(|_| {
                lang.tr_args(
                    "desktop-installed",
                    &[("dir", data_home.display().to_string().into())],
                )
            })
    } else {
        laris::desktop::uninstall(&data_home).map(|removed| {
            lang.tr_args(
                "desktop-uninstalled",
                &[("count", (removed.len() as u64).into())],
            )
        })
    };
    match result {
        Ok(message) => {
            println!("{message}");
            0
        }
        Err(e) => {
            let reason = e.to_string();
            eprintln!(
                "laris: {}",
                lang.tr_args("desktop-failed", &[("reason", reason.into())])
            );
            1
        }
    }
}

/// The command line draws its pictures offscreen, where Mesa's Vulkan
/// device-select layer has nothing to choose for, yet connects to the
/// display server to choose and, on a terminal without one, prints
/// "error: XDG_RUNTIME_DIR is invalid or not set" to the user. Turned off
/// for commands, before any thread starts; the window keeps it.
fn quiet_graphics() {
    if std::env::var_os("NODEVICE_SELECT").is_none() {
        // SAFETY: main has started no thread yet, so nothing reads the
        // environment while it changes.
        unsafe { std::env::set_var("NODEVICE_SELECT", "1") };
    }
}

/// The release build on Windows has no console of its own (so that a
/// double-click opens no black window); started from a terminal, the CLI
/// writes to that terminal instead. Without a parent console this does nothing.
#[cfg(all(windows, not(debug_assertions)))]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no Rust memory; its
    // failure (no parent console, or one already attached) is harmless.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(all(windows, not(debug_assertions))))]
fn attach_parent_console() {}
