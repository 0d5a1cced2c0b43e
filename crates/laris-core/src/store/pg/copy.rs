//! Reading a query's rows with `COPY (query) TO STDOUT (FORMAT binary)`:
//! the fastest way out of PostgreSQL, each row parsed in place from one
//! reused buffer (no allocation per row or value).

use std::io::BufRead;

use postgres::GenericClient;
use postgres::types::Type;

/// A failure while reading a COPY.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("{}", super::reason(.0))]
    Server(#[from] postgres::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the server sent a COPY this Laris cannot read ({0})")]
    Format(&'static str),
    #[error("one query at a time on a connection")]
    Busy,
}

/// One row of a binary COPY. The columns are read by the types the server
/// said they have, so a value is never taken for another type.
pub struct CopyRow<'a> {
    buf: &'a [u8],
    /// Each column's byte range in `buf`, None for NULL.
    fields: &'a [Option<(usize, usize)>],
    types: &'a [Type],
}

impl<'a> CopyRow<'a> {
    fn raw(&self, i: usize) -> Option<&'a [u8]> {
        let (start, end) = (*self.fields.get(i)?)?;
        self.buf.get(start..end)
    }

    fn ty(&self, i: usize) -> Option<&Type> {
        self.types.get(i)
    }

    /// The column's text; None for NULL or a column that is not text.
    pub fn text(&self, i: usize) -> Option<&'a [u8]> {
        match *self.ty(i)? {
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => self.raw(i),
            _ => None,
        }
    }

    /// A whole number; a real is rounded, as SQLite's loaders do.
    pub fn int(&self, i: usize) -> Option<i64> {
        let v = self.raw(i)?;
        match *self.ty(i)? {
            Type::INT8 => Some(i64::from_be_bytes(v.try_into().ok()?)),
            Type::INT4 => Some(i32::from_be_bytes(v.try_into().ok()?).into()),
            Type::INT2 => Some(i16::from_be_bytes(v.try_into().ok()?).into()),
            Type::BOOL => Some(i64::from(*v.first()? != 0)),
            Type::FLOAT8 | Type::FLOAT4 => self.real(i).map(|f| f.round() as i64),
            _ => None,
        }
    }

    pub fn real(&self, i: usize) -> Option<f64> {
        let v = self.raw(i)?;
        match *self.ty(i)? {
            Type::FLOAT8 => Some(f64::from_be_bytes(v.try_into().ok()?)),
            Type::FLOAT4 => Some(f32::from_be_bytes(v.try_into().ok()?).into()),
            Type::INT8 | Type::INT4 | Type::INT2 => self.int(i).map(|n| n as f64),
            _ => None,
        }
    }
}

const SIGNATURE: &[u8; 11] = b"PGCOPY\n\xff\r\n\0";

/// Parses a binary COPY as its bytes arrive, in chunks of any size (the
/// server sends one message a row, but nothing promises it).
pub(super) struct Feeder {
    types: Vec<Type>,
    header: bool,
    done: bool,
    /// The bytes of a row that has not all arrived.
    pending: Vec<u8>,
    fields: Vec<Option<(usize, usize)>>,
}

impl Feeder {
    pub(super) fn new(columns: &[postgres::Column]) -> Feeder {
        Feeder {
            types: columns.iter().map(|c| c.type_().clone()).collect(),
            header: false,
            done: false,
            pending: Vec::new(),
            fields: Vec::with_capacity(columns.len()),
        }
    }

    /// Hands each row `chunk` completes to `f`.
    pub(super) fn feed<E: From<CopyError>>(
        &mut self,
        chunk: &[u8],
        f: &mut impl FnMut(&CopyRow<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.pending.is_empty() {
            // Most chunks are whole rows: parsed where they are.
            let used = self.parse(chunk, f)?;
            self.pending.extend_from_slice(&chunk[used..]);
        } else {
            let mut data = std::mem::take(&mut self.pending);
            data.extend_from_slice(chunk);
            let used = self.parse(&data, f)?;
            data.drain(..used);
            self.pending = data;
        }
        Ok(())
    }

    /// Checks the COPY ended with its trailer.
    pub(super) fn finish<E: From<CopyError>>(self) -> Result<(), E> {
        match self.done {
            true => Ok(()),
            false => Err(CopyError::Format("the COPY ended early").into()),
        }
    }

    /// Parses the header and the rows complete in `data`; returns how many
    /// bytes they took.
    fn parse<E: From<CopyError>>(
        &mut self,
        data: &[u8],
        f: &mut impl FnMut(&CopyRow<'_>) -> Result<(), E>,
    ) -> Result<usize, E> {
        let be_i32 = |b: &[u8]| b.try_into().ok().map(i32::from_be_bytes);
        let mut pos = 0;
        if !self.header {
            let Some(extension) = data.get(15..19).and_then(be_i32) else {
                return Ok(0);
            };
            if !data.starts_with(SIGNATURE) {
                return Err(CopyError::Format("no COPY signature").into());
            }
            let extension = usize::try_from(extension).map_err(|_| CopyError::Format("header"))?;
            if data.len() < 19 + extension {
                return Ok(0);
            }
            pos = 19 + extension;
            self.header = true;
        }
        while !self.done {
            let row = &data[pos..];
            let Some(n) = row.get(..2).map(|b| i16::from_be_bytes([b[0], b[1]])) else {
                break;
            };
            if n == -1 {
                self.done = true; // the trailer
                pos += 2;
                break;
            }
            if usize::try_from(n).ok() != Some(self.types.len()) {
                return Err(CopyError::Format("a row of another width").into());
            }
            self.fields.clear();
            let mut at = 2;
            for _ in 0..n {
                let Some(len) = row.get(at..at + 4).and_then(be_i32) else {
                    return Ok(pos);
                };
                at += 4;
                let Ok(len) = usize::try_from(len) else {
                    self.fields.push(None); // NULL
                    continue;
                };
                if row.len() < at + len {
                    return Ok(pos);
                }
                self.fields.push(Some((pos + at, pos + at + len)));
                at += len;
            }
            f(&CopyRow {
                buf: data,
                fields: &self.fields,
                types: &self.types,
            })?;
            pos += at;
        }
        Ok(pos)
    }
}

/// Runs `sql` (a SELECT made of our constants) through a binary COPY and
/// hands each row to `f`, in the order the query gives them.
pub fn each_row<C: GenericClient, E: From<CopyError>>(
    client: &mut C,
    sql: &str,
    mut f: impl FnMut(&CopyRow<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let statement = client.prepare(sql).map_err(CopyError::from)?;
    let mut feeder = Feeder::new(statement.columns());
    let mut reader = client
        .copy_out(&format!("COPY ({sql}) TO STDOUT (FORMAT binary)"))
        .map_err(CopyError::from)?;
    loop {
        let chunk = reader.fill_buf().map_err(CopyError::from)?;
        if chunk.is_empty() {
            break;
        }
        let len = chunk.len();
        feeder.feed(chunk, &mut f)?;
        reader.consume(len);
    }
    feeder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A binary COPY of (bigint, text) rows, as the server writes it.
    fn copy_bytes(rows: &[(Option<i64>, Option<&str>)]) -> Vec<u8> {
        let mut b = SIGNATURE.to_vec();
        b.extend_from_slice(&0i32.to_be_bytes()); // flags
        b.extend_from_slice(&3i32.to_be_bytes()); // an extension of 3 bytes
        b.extend_from_slice(b"ext");
        for (n, t) in rows {
            b.extend_from_slice(&2i16.to_be_bytes());
            match n {
                Some(n) => {
                    b.extend_from_slice(&8i32.to_be_bytes());
                    b.extend_from_slice(&n.to_be_bytes());
                }
                None => b.extend_from_slice(&(-1i32).to_be_bytes()),
            }
            match t {
                Some(t) => {
                    b.extend_from_slice(&(t.len() as i32).to_be_bytes());
                    b.extend_from_slice(t.as_bytes());
                }
                None => b.extend_from_slice(&(-1i32).to_be_bytes()),
            }
        }
        b.extend_from_slice(&(-1i16).to_be_bytes());
        b
    }

    fn feeder() -> Feeder {
        Feeder {
            types: vec![Type::INT8, Type::TEXT],
            header: false,
            done: false,
            pending: Vec::new(),
            fields: Vec::new(),
        }
    }

    type Parsed = Vec<(Option<i64>, Option<String>)>;

    fn parse_in_chunks(bytes: &[u8], size: usize) -> Result<Parsed, CopyError> {
        let mut f = feeder();
        let mut rows = Vec::new();
        for chunk in bytes.chunks(size) {
            f.feed(chunk, &mut |r: &CopyRow<'_>| -> Result<(), CopyError> {
                let text = r.text(1).map(|t| String::from_utf8_lossy(t).into_owned());
                rows.push((r.int(0), text));
                Ok(())
            })?;
        }
        f.finish::<CopyError>()?;
        Ok(rows)
    }

    #[test]
    fn a_copy_parses_the_same_whatever_chunks_it_arrives_in() {
        let rows = [
            (Some(1), Some("Toko Sari")),
            (None, Some("")),
            (Some(-7), None),
            (Some(i64::MAX), Some("Kopi, \"Gayo\"\n250g")),
        ];
        let bytes = copy_bytes(&rows);
        let expected: Parsed = rows
            .iter()
            .map(|(n, t)| (*n, t.map(str::to_string)))
            .collect();
        for size in [1, 2, 3, 5, 7, 19, 64, bytes.len()] {
            assert_eq!(
                parse_in_chunks(&bytes, size).unwrap(),
                expected,
                "chunks of {size}"
            );
        }
    }

    #[test]
    fn a_cut_or_foreign_copy_is_an_error() {
        let bytes = copy_bytes(&[(Some(1), Some("a"))]);
        let cut = &bytes[..bytes.len() - 3];
        assert!(matches!(
            parse_in_chunks(cut, 4),
            Err(CopyError::Format("the COPY ended early"))
        ));
        let mut foreign = bytes.clone();
        foreign[0] = b'X';
        assert!(matches!(
            parse_in_chunks(&foreign, 100),
            Err(CopyError::Format("no COPY signature"))
        ));
        let mut wide = bytes.clone();
        wide[22] = 3; // the row's column count, after the 22-byte header
        assert!(matches!(
            parse_in_chunks(&wide, 100),
            Err(CopyError::Format("a row of another width"))
        ));
    }
}
