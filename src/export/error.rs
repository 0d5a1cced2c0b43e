//! Why an export failed, said in the user's language (the `Display` text
//! is the log's, in English).

use std::path::PathBuf;

use laris_view::render::RenderError;

use crate::i18n::Lang;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: the file could not be written: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    #[error("{} was saved, but could not be opened for printing: {source}", path.display())]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the picture could not be put on the clipboard: {0}")]
    Clipboard(String),
}

impl ExportError {
    pub fn write(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> ExportError {
        let path = path.to_path_buf();
        move |source| ExportError::Write { path, source }
    }

    pub fn message(&self, lang: Lang) -> String {
        let file = |p: &PathBuf| ("file", p.display().to_string().into());
        let detail = |d: &String| ("detail", d.as_str().into());
        match self {
            ExportError::Write { path, source } => lang.tr_args(
                "export-error-write",
                &[file(path), ("reason", lang.io_reason(source).into())],
            ),
            ExportError::Render(e) => e.message(lang),
            ExportError::Pdf(d) => lang.tr_args("export-error-pdf", &[detail(d)]),
            ExportError::Open { path, source } => lang.tr_args(
                "export-error-open",
                &[file(path), ("reason", lang.io_reason(source).into())],
            ),
            ExportError::Clipboard(d) => lang.tr_args("export-error-clipboard", &[detail(d)]),
        }
    }
}

/// The message of the first error in `e`'s chain that has one in the
/// user's language: the store's, the importer's, undo's and the exports'.
pub fn in_language(e: &anyhow::Error, lang: Lang) -> Option<String> {
    use crate::import::FileError;
    use crate::store::StoreError;
    use crate::store::batches::UndoError;
    e.chain().find_map(|cause| {
        if let Some(e) = cause.downcast_ref::<StoreError>() {
            Some(e.message(lang))
        } else if let Some(e) = cause.downcast_ref::<FileError>() {
            Some(e.message(lang))
        } else if let Some(e) = cause.downcast_ref::<UndoError>() {
            Some(e.message(lang))
        } else if let Some(e) = cause.downcast_ref::<ExportError>() {
            Some(e.message(lang))
        } else {
            cause.downcast_ref::<RenderError>().map(|e| e.message(lang))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_reads_in_indonesian_with_the_file() {
        let e = ExportError::Write {
            path: PathBuf::from("/media/usb/laporan.pdf"),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        };
        let id = e.message(Lang::Id);
        assert!(id.contains("/media/usb/laporan.pdf"), "{id}");
        assert!(id.contains(&Lang::Id.tr("io-storage-full")), "{id}");
        assert_ne!(id, e.message(Lang::En));
    }

    #[test]
    fn the_chain_is_searched_for_a_message() {
        let e = anyhow::Error::new(ExportError::Clipboard("no X11".into())).context("copying");
        assert_eq!(
            in_language(&e, Lang::Id),
            Some(Lang::Id.tr_args("export-error-clipboard", &[("detail", "no X11".into())]))
        );
        assert_eq!(in_language(&anyhow::anyhow!("plain"), Lang::Id), None);
    }
}
