//! Streaming a text file: the first pass finds the header, the mapping and
//! each column's format; the storing pass reads the rows again from disk, so
//! a million-row file is never held in memory.

use super::*;

/// The first pass over a text file finds the header, the mapping and each
/// column's format; the second parses every row for the preview, the count
/// and the row problems. None for a line-item file, which is grouped in
/// memory instead.
pub(super) fn stream_text(
    path: &Path,
    source: TextSource,
    opts: &ReadOptions,
) -> Result<Option<ParsedFile>, FileError> {
    let unreadable = |source| FileError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let malformed = |e: csv::Error| crate::import::limits::csv_error(path, e);
    let mut hasher = Sha256::new();
    let (skip, headers, kind, mapping, matched, inference, complete) = {
        // Unchecked, the file is hashed while it is stored, off this pass.
        let mut rows = source
            .rows(opts.check.then_some(&mut hasher))
            .map_err(unreadable)?;
        let mut head: Vec<TableRow> = Vec::new();
        // Enough rows to profile the columns by their values.
        while head.len() < crate::import::profile::SAMPLE_ROWS
            && let Some(row) = rows.next_row()
        {
            head.push(row.map_err(malformed)?.clone());
        }
        if head.is_empty() {
            return Err(not_recognised(path, &[]));
        }
        let cells: Vec<Vec<String>> = head.iter().take(30).map(|r| r.cells.clone()).collect();
        let at = mapping::header_row(&cells);
        let headers = head[at].cells.clone();
        // A returns list or a users list is small and read whole
        // (`read_bytes`).
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let guessing = opts.kind.is_none() && opts.columns.is_none() && opts.preset.is_none();
        if guessing
            && (returns_columns(&headers, &name.unwrap_or_default()).is_some()
                || rep_names_columns(&headers).is_some())
        {
            return Ok(None);
        }
        let Mapped {
            kind,
            mapping,
            matched,
        } = choose_mapping(path, &headers, &head[at + 1..], opts)?;
        if is_line_items(kind, &mapping) {
            return Ok(None);
        }
        let mut inference = Inference::new(kind, &headers, &mapping);
        head[at + 1..].iter().for_each(|r| inference.observe(r));
        // Checked, every row is read here anyway. Unchecked, the formats of
        // the first rows are taken on trust so that storing starts at once;
        // the storing pass reads every row and settles them
        // ([`Streamed::for_each_record`]).
        let mut observed = head.len() - at - 1;
        let mut complete = true;
        loop {
            if !opts.check && observed >= SPECULATE_ROWS {
                complete = false;
                break;
            }
            let Some(row) = rows.next_row() else { break };
            inference.observe(row.map_err(malformed)?);
            observed += 1;
        }
        (at + 1, headers, kind, mapping, matched, inference, complete)
    };
    let guess = Guess {
        mapping,
        matched,
        settled: inference.settle(opts.locale),
        locale: opts.locale,
        check_rep: opts.columns.is_none() && opts.preset.is_none(),
        score_scale: opts.csat_scale,
    };
    let streamed = Streamed {
        source,
        skip,
        parser: guess.parser(path, headers, kind),
        guess: (!complete).then_some(guess),
    };
    let mut preview = Vec::new();
    let mut count = 0;
    let mut rejected = Vec::new();
    let mut builder = RowBuilder::new(kind);
    if !opts.check {
        let mut file = streamed.parser.file(kind, builder);
        file.checked = false;
        file.stream = Some(Arc::new(streamed));
        return Ok(Some(file));
    }
    streamed
        .each_row(None, &mut builder, &mut |builder, row, bad| {
            if bad {
                rejected.push(row.clone());
            }
            for record in builder.records.drain(..) {
                count += 1;
                if preview.len() < PREVIEW_RECORDS {
                    preview.push(record);
                }
            }
            Ok(())
        })
        .map_err(|e| match e {
            ReadError::Csv(e) => malformed(e),
            ReadError::Io(e) => unreadable(e),
        })?;
    let mut file = streamed.parser.file(kind, builder);
    file.records = preview;
    file.count = count;
    file.content_hash = hex(&hasher.finalize());
    file.source.rejected = rejected;
    file.stream = Some(Arc::new(streamed));
    Ok(Some(file))
}

/// Records a streamed file keeps in memory for the preview.
pub(super) const PREVIEW_RECORDS: usize = 20;

/// Rows whose formats an unchecked file is stored with before the whole file
/// has been read. On a million rows the full first pass took a fifth of the
/// import; the guess from this many rows is nearly always what the whole
/// file settles, and when it is not the file is stored again.
pub const SPECULATE_ROWS: usize = 20_000;

/// Why a streamed file could not be read (again).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Io(std::io::Error),
    #[error(transparent)]
    Csv(csv::Error),
}

/// A text file whose records are read from disk each time they are needed.
#[derive(Debug)]
pub struct Streamed {
    source: TextSource,
    /// Rows of the reader up to and including the header.
    skip: usize,
    parser: Parser<'static>,
    /// For a file stored unchecked: the guess from its first rows that
    /// `parser` reads with, to be settled by the storing pass.
    guess: Option<Guess>,
}

impl Streamed {
    /// Parses every data row into `builder`, then calls `each` with the row
    /// and whether it had an error.
    pub(super) fn each_row(
        &self,
        hasher: Option<&mut Sha256>,
        builder: &mut RowBuilder,
        each: &mut dyn FnMut(&mut RowBuilder, &TableRow, bool) -> Result<(), ReadError>,
    ) -> Result<(), ReadError> {
        let formats = self.parser.formats_for(self.parser.kind);
        let no_returns = HashSet::new();
        let mut rows = self.source.rows(hasher).map_err(ReadError::Io)?;
        let mut skip = self.skip;
        while let Some(row) = rows.next_row() {
            let row = row.map_err(ReadError::Csv)?;
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if row.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let errors = builder.errors.len();
            self.parser.push_row(builder, row, &formats, &no_returns);
            let bad = builder.errors.len() > errors;
            each(builder, row, bad)?;
        }
        Ok(())
    }

    /// Every valid record, in file order; returns the rows with problems
    /// met on the way, with their problems. The rows are read and parsed on
    /// a second thread while `f` (storing them) runs on this one: on a
    /// million rows each side takes seconds, and the machine has two cores.
    pub fn for_each_record<E>(
        &self,
        f: &mut dyn FnMut(&mut Record) -> Result<(), E>,
        read_error: impl Fn(ReadError) -> E,
    ) -> Result<Issues, E> {
        // Records cross in chunks, so that the channel costs nothing per
        // record; a few chunks in flight keep the memory small. Stored
        // chunks go back to be emptied and refilled: the records are freed
        // by the thread that made them, off the storing thread.
        const CHUNK: usize = 1024;
        let stopped = || ReadError::Io(std::io::Error::other("stopped"));
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Record>>(8);
            let (give_back, spent) = std::sync::mpsc::channel::<Vec<Record>>();
            let reader = scope.spawn(move || {
                let mut inference = self
                    .guess
                    .as_ref()
                    .map(|g| Inference::new(self.parser.kind, &self.parser.headers, &g.mapping));
                let mut builder = RowBuilder::new(self.parser.kind);
                let mut rejected = Vec::new();
                let mut chunk = Vec::with_capacity(CHUNK);
                let mut hasher = Sha256::new();
                let mut r =
                    self.each_row(Some(&mut hasher), &mut builder, &mut |builder, row, bad| {
                        if let Some(inference) = &mut inference {
                            inference.observe(row);
                        }
                        if bad {
                            rejected.push(row.clone());
                        }
                        chunk.append(&mut builder.records);
                        if chunk.len() >= CHUNK {
                            let mut next = spent
                                .try_recv()
                                .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
                            next.clear();
                            let full = std::mem::replace(&mut chunk, next);
                            // The receiver is gone only when storing failed.
                            send.send(full).map_err(|_| stopped())?;
                        }
                        Ok(())
                    });
                if r.is_ok() && !chunk.is_empty() {
                    r = send.send(chunk).map_err(|_| stopped());
                }
                let settled = self
                    .guess
                    .as_ref()
                    .zip(inference)
                    .map(|(g, i)| self.settle(g, &i));
                (r, builder, rejected, hex(&hasher.finalize()), settled)
            });
            let mut failed = None;
            'chunks: for mut chunk in receive {
                for record in &mut chunk {
                    if let Err(e) = f(record) {
                        failed = Some(e);
                        // Dropping the receiver stops the reader.
                        break 'chunks;
                    }
                }
                // Once the reader is done, the chunk is freed here.
                let _ = give_back.send(chunk);
            }
            let (r, builder, rejected, content_hash, settled) = reader
                .join()
                .map_err(|_| read_error(ReadError::Io(std::io::Error::other("reader failed"))))?;
            match (failed, r) {
                (Some(e), _) => Err(e),
                (None, Err(e)) => Err(read_error(e)),
                (None, Ok(())) => {
                    let (currency, reread) = settled.unwrap_or((self.parser.currency, None));
                    Ok(Issues {
                        errors: builder.errors,
                        warnings: builder.warnings,
                        rejected,
                        content_hash,
                        currency,
                        reread,
                        ..Issues::default()
                    })
                }
            }
        })
    }

    /// What the whole file settled, against the guess the pass read with:
    /// the file's currency, and a stream that reads the file right if the
    /// guess was wrong.
    pub(super) fn settle(
        &self,
        guess: &Guess,
        inference: &Inference,
    ) -> (Option<&'static str>, Option<Arc<Streamed>>) {
        let settled = inference.settle(guess.locale);
        let currency = settled.currency;
        if settled.parses_like(&guess.settled) {
            return (currency, None);
        }
        let guess = Guess {
            settled,
            mapping: guess.mapping.clone(),
            matched: guess.matched.clone(),
            ..*guess
        };
        let parser = guess.parser(
            &self.parser.path,
            self.parser.headers.clone(),
            self.parser.kind,
        );
        let reread = Streamed {
            source: self.source.clone(),
            skip: self.skip,
            parser,
            guess: None,
        };
        (currency, Some(Arc::new(reread)))
    }
}

/// What a pass over a file found wrong.
#[derive(Clone, Debug, Default)]
pub struct Issues {
    pub errors: Vec<crate::import::RowIssue>,
    pub warnings: Vec<crate::import::RowIssue>,
    pub rejected: Vec<TableRow>,
    /// SHA-256 of the file's bytes as this pass read them (a streamed file).
    pub content_hash: String,
    /// The currency the whole file names (a streamed file).
    pub currency: Option<&'static str>,
    /// The whole file settled other formats than its first rows did: the
    /// records of this pass were read wrong. Undo what was stored of them
    /// and store the file again from this stream.
    pub reread: Option<Arc<Streamed>>,
    /// For a returns list: the orders it marked refunded, and those it names
    /// that are not stored yet.
    pub returns: Option<crate::store::returns::Marked>,
    /// For a users list: the owner ids it named and the records that show
    /// those names now.
    pub rep_names: Option<crate::store::rep_names::Named>,
}

impl Issues {
    /// How many rows have at least one error.
    pub fn error_rows(&self) -> u64 {
        crate::import::error_rows(&self.errors)
    }
}
