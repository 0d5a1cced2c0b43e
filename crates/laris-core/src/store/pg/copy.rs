//! Reading a query's rows with `COPY (query) TO STDOUT (FORMAT binary)`:
//! the fastest way out of PostgreSQL, each row parsed in place from one
//! reused buffer (no allocation per row or value).

use std::io::Read;

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

fn read_i32(r: &mut impl Read) -> std::io::Result<i32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(i32::from_be_bytes(b))
}

fn read_i16(r: &mut impl Read) -> std::io::Result<i16> {
    let mut b = [0u8; 2];
    r.read_exact(&mut b)?;
    Ok(i16::from_be_bytes(b))
}

/// Runs `sql` (a SELECT made of our constants) through a binary COPY and
/// hands each row to `f`, in the order the query gives them.
pub fn each_row<C: GenericClient, E: From<CopyError>>(
    client: &mut C,
    sql: &str,
    mut f: impl FnMut(&CopyRow<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let types: Vec<Type> = client
        .prepare(sql)
        .map_err(CopyError::from)?
        .columns()
        .iter()
        .map(|c| c.type_().clone())
        .collect();
    let mut reader = client
        .copy_out(&format!("COPY ({sql}) TO STDOUT (FORMAT binary)"))
        .map_err(CopyError::from)?;
    let mut head = [0u8; 11];
    reader.read_exact(&mut head).map_err(CopyError::from)?;
    if &head != SIGNATURE {
        return Err(CopyError::Format("no COPY signature").into());
    }
    let _flags = read_i32(&mut reader).map_err(CopyError::from)?;
    let extension = read_i32(&mut reader).map_err(CopyError::from)?;
    let extension = u64::try_from(extension).map_err(|_| CopyError::Format("header"))?;
    std::io::copy(&mut (&mut reader).take(extension), &mut std::io::sink())
        .map_err(CopyError::from)?;
    let mut buf: Vec<u8> = Vec::new();
    let mut fields: Vec<Option<(usize, usize)>> = Vec::with_capacity(types.len());
    loop {
        let n = read_i16(&mut reader).map_err(CopyError::from)?;
        if n == -1 {
            break; // the trailer
        }
        if n as usize != types.len() {
            return Err(CopyError::Format("a row of another width").into());
        }
        buf.clear();
        fields.clear();
        for _ in 0..n {
            let len = read_i32(&mut reader).map_err(CopyError::from)?;
            if len < 0 {
                fields.push(None);
                continue;
            }
            let start = buf.len();
            buf.resize(start + len as usize, 0);
            reader
                .read_exact(&mut buf[start..])
                .map_err(CopyError::from)?;
            fields.push(Some((start, buf.len())));
        }
        f(&CopyRow {
            buf: &buf,
            fields: &fields,
            types: &types,
        })?;
    }
    // Reading to the end lets the connection finish the COPY cleanly.
    std::io::copy(&mut reader, &mut std::io::sink()).map_err(CopyError::from)?;
    Ok(())
}
