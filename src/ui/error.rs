//! The errors background work reports to the window. They stay typed until
//! they are drawn, so that a pop-up speaks the user's language: the store's
//! and the import's errors know their own translations.

use crate::i18n::Lang;
use crate::import::FileError;
use crate::store::StoreError;
use crate::store::batches::UndoError;
use crate::store::open::OpenProblem;
use crate::store::pg::PgError;

#[derive(Debug)]
pub enum AppError {
    Store(StoreError),
    /// The team's server (connecting, its role, a statement it refused).
    Server(PgError),
    Undo(UndoError),
    File(FileError),
    /// The database cannot be opened (the recovery screen says more).
    Open(Box<OpenProblem>),
    /// The database is open read-only and the job would write to it.
    ReadOnly,
    /// A library's own text, which has no translation (the sample shop's
    /// generator, the JSON of a preset, a file written outside the store).
    Other(String),
}

impl AppError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Store(e) => e.message(lang),
            AppError::Server(e) => e.message(lang),
            AppError::Undo(e) => e.message(lang),
            AppError::File(e) => e.message(lang),
            AppError::Open(problem) => problem.message(lang),
            AppError::ReadOnly => lang.tr("read-only-refused"),
            AppError::Other(text) => text.clone(),
        }
    }

    /// An error of the `anyhow` kind: typed again when it is a bare store
    /// error, else its whole chain of causes as text.
    pub fn from_anyhow(e: anyhow::Error) -> AppError {
        if e.chain().count() == 1 {
            match e.downcast::<StoreError>() {
                Ok(store) => AppError::Store(store),
                Err(e) => AppError::Other(format!("{e:#}")),
            }
        } else {
            AppError::Other(format!("{e:#}"))
        }
    }

    /// An error of the `anyhow` kind, already in `lang` when the chain
    /// holds one of ours (an export's, the store's, ...).
    pub fn in_language(e: anyhow::Error, lang: Lang) -> AppError {
        match crate::export::error::in_language(&e, lang) {
            Some(text) => AppError::Other(text),
            None => AppError::from_anyhow(e),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Store(e)
    }
}

impl From<PgError> for AppError {
    fn from(e: PgError) -> Self {
        match e {
            PgError::Store(e) => AppError::Store(e),
            e => AppError::Server(e),
        }
    }
}

impl From<UndoError> for AppError {
    fn from(e: UndoError) -> Self {
        AppError::Undo(e)
    }
}

impl From<FileError> for AppError {
    fn from(e: FileError) -> Self {
        AppError::File(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The point of the type: an Indonesian window shows an Indonesian
    /// reason, where `to_string()` gave the English one.
    #[test]
    fn a_store_error_renders_in_indonesian() {
        let e = AppError::from(StoreError::Cancelled);
        assert_eq!(
            e.message(Lang::En),
            "The import was cancelled; nothing was written."
        );
        assert_eq!(
            e.message(Lang::Id),
            "Impor dibatalkan; tidak ada yang disimpan."
        );
        let refused = AppError::ReadOnly;
        assert_eq!(refused.message(Lang::Id), Lang::Id.tr("read-only-refused"));
    }

    #[test]
    fn anyhow_keeps_a_bare_store_error_typed() {
        let typed = AppError::from_anyhow(anyhow::Error::new(StoreError::Cancelled));
        assert!(matches!(typed, AppError::Store(StoreError::Cancelled)));
        let wrapped =
            AppError::from_anyhow(anyhow::Error::new(StoreError::Cancelled).context("sample"));
        assert_eq!(
            wrapped.message(Lang::Id),
            "sample: The import was cancelled; nothing was written."
        );
    }
}
