//! A connection for reading a whole database out of a server fast: the
//! metrics' loader streams millions of rows through binary COPY, and the
//! sync client enters its runtime once per row (a quarter of the load's
//! time on the million-order shop). This one runs each COPY in one call.

use futures_util::StreamExt;
use tokio_postgres::config::SslMode;

use super::copy::{CopyError, CopyRow, Feeder};
use super::{PgError, Result, all_local, config, label, tls};

/// An open connection for reading, and how messages name its server.
pub struct Reader {
    runtime: tokio::runtime::Runtime,
    client: tokio_postgres::Client,
    pub server: String,
}

impl Reader {
    /// Connects as [`super::PgStore::connect`] does (the same TLS policy
    /// and password sources).
    pub fn connect(url: &str) -> Result<Reader> {
        let config = config(url)?;
        let server = label(&config);
        let connect_err = |reason: String, tls: bool| PgError::Connect {
            server: server.clone(),
            reason,
            tls,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| connect_err(e.to_string(), false))?;
        let local = all_local(&config);
        // The connection's task runs whenever the runtime does: inside
        // each call below.
        let client = match config.get_ssl_mode() {
            SslMode::Disable => runtime.block_on(async {
                let (client, connection) = config.connect(tokio_postgres::NoTls).await?;
                tokio::spawn(connection);
                Ok(client)
            }),
            _ => {
                let tls = tls::connector(local).map_err(|reason| connect_err(reason, true))?;
                runtime.block_on(async {
                    let (client, connection) = config.connect(tls).await?;
                    tokio::spawn(connection);
                    Ok(client)
                })
            }
        }
        .map_err(|e: tokio_postgres::Error| super::connect_error(&server, &e))?;
        Ok(Reader {
            runtime,
            client,
            server,
        })
    }

    /// Runs statements made of constants (a transaction's start and end).
    pub fn batch_execute(&self, sql: &str) -> std::result::Result<(), tokio_postgres::Error> {
        self.runtime.block_on(self.client.batch_execute(sql))
    }

    /// The first row of a query made of constants, if any.
    pub fn query_opt(
        &self,
        sql: &str,
    ) -> std::result::Result<Option<tokio_postgres::Row>, tokio_postgres::Error> {
        self.runtime.block_on(self.client.query_opt(sql, &[]))
    }

    /// Runs `sql` (a SELECT made of our constants) through a binary COPY and
    /// hands each row to `f`, in the order the query gives them.
    pub fn each_row<E: From<CopyError>>(
        &self,
        sql: &str,
        mut f: impl FnMut(&CopyRow<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.runtime.block_on(async {
            let statement = self.client.prepare(sql).await.map_err(CopyError::from)?;
            let mut feeder = Feeder::new(statement.columns());
            let stream = self
                .client
                .copy_out(&format!("COPY ({sql}) TO STDOUT (FORMAT binary)"))
                .await
                .map_err(CopyError::from)?;
            let mut stream = std::pin::pin!(stream);
            while let Some(chunk) = stream.next().await {
                feeder.feed(&chunk.map_err(CopyError::from)?, &mut f)?;
            }
            feeder.finish()
        })
    }
}
