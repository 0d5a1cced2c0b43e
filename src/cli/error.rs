//! How a command ends when it does not simply succeed, and the exit status
//! of each case, decided here and nowhere else (xsv's `CliError` shape).

use std::fmt;

/// A command's failure. What the user reads is already in their language;
/// `main` prints it and exits with [`CliError::exit_code`].
#[derive(Debug)]
pub enum CliError {
    /// Something the user can put right (a bad period, an unknown preset, a
    /// database that cannot be used): the text says what to do.
    User(String),
    /// Some files were left out (not recognised, empty) and the rest was
    /// done: scripts can tell this from a full success or a failure.
    Partial,
    /// Anything else: a bug or the system refusing (printed with its causes).
    Internal(anyhow::Error),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Partial => 2,
            CliError::User(_) | CliError::Internal(_) => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::User(text) => f.write_str(text),
            CliError::Partial => Ok(()),
            CliError::Internal(e) => write!(f, "laris: {e:#}"),
        }
    }
}

impl<E: Into<anyhow::Error>> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError::Internal(e.into())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_ending_has_its_status_and_text() {
        assert_eq!(CliError::User("no".into()).exit_code(), 1);
        assert_eq!(CliError::Partial.exit_code(), 2);
        let internal = CliError::from(anyhow::anyhow!("disk full").context("writing x.pdf"));
        assert_eq!(internal.exit_code(), 1);
        assert_eq!(internal.to_string(), "laris: writing x.pdf: disk full");
        assert_eq!(
            CliError::User("Pick a period".into()).to_string(),
            "Pick a period"
        );
        assert_eq!(CliError::Partial.to_string(), "");
    }
}
