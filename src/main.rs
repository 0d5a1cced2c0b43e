// No console window behind the app on Windows (release builds).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;

fn main() {
    let cli = laris::cli::Cli::parse();
    let status = match &cli.command {
        Some(command) => match laris::cli::run(&cli, command) {
            Ok(status) => status,
            Err(e) => {
                eprintln!("laris: {e:#}");
                1
            }
        },
        None => match open_app(&cli) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("laris: {e:#}");
                1
            }
        },
    };
    std::process::exit(status);
}

fn open_app(cli: &laris::cli::Cli) -> anyhow::Result<()> {
    let mut config = laris::ui::AppConfig::new(cli.db_path()?);
    config.lang = cli.lang;
    laris::ui::run(config)
}
