//! `laris --help` in the user's language. The texts of every command and
//! option are messages (`cli-help.ftl`): `{path}-about`, `{path}-long-about`
//! and `{path}-arg-{id}`, where the path is `cli` for `laris` itself and
//! `cli-import` for `laris import`. The doc comments on the argument structs
//! are for the code's readers.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n::Lang;

/// The command line's language: `--lang`, wherever it is given, else the
/// system's (the help is printed before the arguments are parsed).
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_code) {
            return lang;
        }
    }
    Lang::from_system()
}

/// The whole command line, its help in `lang`.
pub fn command(lang: Lang) -> Command {
    localised(Cli::command(), lang, "cli")
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(lang.tr("cli-version"))
                .help_heading(lang.tr("cli-options")),
        )
}

fn localised(cmd: Command, lang: Lang, path: &str) -> Command {
    let own = |suffix: &str| lang.try_tr(&format!("{path}-{suffix}"));
    // Options that several commands share (the period, the filters) have
    // one text for all of them.
    let shared = |id: &str| lang.try_tr(&format!("cli-arg-{id}"));
    let mut cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            lang.tr("cli-usage")
        ))
        .subcommand_help_heading(lang.tr("cli-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true);
    if let Some(about) = own("about") {
        cmd = cmd.about(about);
    }
    if let Some(long) = own("long-about") {
        cmd = cmd.long_about(long);
    }
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let help = own(&format!("arg-{id}")).or_else(|| shared(&id));
        let heading = lang.tr(if positional {
            "cli-arguments"
        } else {
            "cli-options"
        });
        cmd = cmd.mut_arg(&id, |a| {
            // clap says "[default: ...]" and "[possible values: ...]" in
            // English; the Indonesian texts name both themselves.
            let hide = lang != Lang::En && a.get_action().takes_values();
            let a = a
                .help_heading(heading)
                .hide_default_value(hide)
                .hide_possible_values(hide);
            match help {
                Some(help) => a.help(help),
                None => a,
            }
        });
    }
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(lang.tr("cli-help"))
            .help_heading(lang.tr("cli-options")),
    );
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| localised(s, lang, &format!("{path}-{name}")));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option of the command line has its text in the
    /// message files (the messages test sees that Indonesian has them all).
    #[test]
    fn every_command_and_option_has_its_message() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            if Lang::En.try_tr(&format!("{path}-about")).is_none() {
                missing.push(format!("{path}-about"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                let own = format!("{path}-arg-{id}");
                let shared = format!("cli-arg-{id}");
                if Lang::En.try_tr(&own).is_none() && Lang::En.try_tr(&shared).is_none() {
                    missing.push(own);
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &format!("{path}-{}", s.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "cli", &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn the_help_speaks_indonesian_and_names_workbooks() {
        let help = command(Lang::Id).render_long_help().to_string();
        assert!(help.starts_with(&Lang::Id.tr("cli-about")), "{help}");
        for words in ["Cara pakai:", "Perintah", "Opsi", "Tampilkan bantuan ini"] {
            assert!(help.contains(words), "{words} in {help}");
        }
        let import = command(Lang::Id)
            .find_subcommand_mut("import")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(import.contains("workbook (.xlsx"), "{import}");
        assert!(
            import.contains("Lewati") || import.contains("lewati"),
            "{import}"
        );
        assert!(!import.contains("Print help"), "{import}");
    }

    #[test]
    fn the_language_is_found_wherever_lang_is() {
        let args = |xs: &[&str]| -> Vec<OsString> { xs.iter().map(OsString::from).collect() };
        assert_eq!(
            lang_of(&args(&["laris", "--lang", "id", "import"])),
            Lang::Id
        );
        assert_eq!(lang_of(&args(&["laris", "import", "--lang=en"])), Lang::En);
        assert_eq!(lang_of(&args(&["laris", "--lang=id-ID", "-h"])), Lang::Id);
    }
}
