//! The database: opening it, migrating it, and reading its rows back into
//! the domain's types.
//!
//! Every operation is one transaction, and every write transaction is
//! serializable: SQLite takes its write lock at the start (`BEGIN
//! IMMEDIATE`); PostgreSQL runs it at `SERIALIZABLE` and a conflicting one
//! is run again. A transaction that reads facts and then writes decisions
//! therefore never works from a state another writer has changed. Queries
//! use `$1`-style parameters, which SQLite and PostgreSQL both read; where
//! their SQL differs, [`Dialect`] says how.

mod admins;
mod alerts;
mod facts;
mod jobs;
mod placeholders;
mod rows;
mod writes;

pub use admins::*;
pub use alerts::*;
pub use facts::*;
pub use jobs::*;
pub use rows::*;
pub use writes::*;

mod dialect;
pub mod retry;

pub use dialect::Dialect;
pub use retry::{is_retryable, with_retries};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// A transaction on the portal's database.
pub type Tx = Transaction<'static, Any>;

/// The portal's database: an embedded SQLite file, or a PostgreSQL server
/// (or an engine speaking its protocol) that several server processes
/// share.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    dialect: Dialect,
}

/// A pool's settings: each connection set up for the dialect, and back in
/// the pool outside any transaction.
fn pool_options(dialect: Dialect, connections: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(connections)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                for statement in dialect.session_setup() {
                    conn.execute(*statement).await?;
                }
                Ok(())
            })
        })
        .after_release(move |conn, _| {
            Box::pin(async move {
                // A connection goes back to the pool outside any
                // transaction, whatever happened to its last user: a
                // future dropped while PostgreSQL was answering BEGIN
                // leaves the server in a transaction that sqlx does not
                // know about (its guard only rolls back a transaction it
                // has counted), and the next BEGIN would fail.
                if let Some(reset) = dialect.on_release() {
                    conn.execute(reset).await?;
                }
                Ok(true)
            })
        })
}

/// Why the database could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The URL is not one this server reads.
    Url(String),
    /// The database could not be reached or created.
    Connect(sqlx::Error),
    /// Its schema could not be brought up to date.
    Migrate(sqlx::migrate::MigrateError),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Url(url) => write!(
                f,
                "WXP_DATABASE_URL {url:?} is not a database this server runs on \
                 (use sqlite://path/to/file.db or postgres://user@host:port/database)"
            ),
            OpenError::Connect(e) => write!(f, "the database could not be opened: {e}"),
            OpenError::Migrate(e) => write!(f, "the database schema could not be migrated: {e}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// The schema's migrations for `dialect`, from `migrations/` (compiled in).
pub fn migrator(dialect: Dialect) -> sqlx::migrate::Migrator {
    match dialect {
        Dialect::Sqlite => sqlx::migrate!("./migrations/sqlite"),
        Dialect::Postgres => sqlx::migrate!("./migrations/postgres"),
    }
}

impl Db {
    /// Opens (creating a SQLite file if missing) and migrates the database
    /// at `url`.
    pub async fn open(url: &str) -> Result<Db, OpenError> {
        Db::open_with(url, 16).await
    }

    /// Opens the database with at most `connections` connections.
    pub async fn open_with(url: &str, connections: u32) -> Result<Db, OpenError> {
        sqlx::any::install_default_drivers();
        let dialect = Dialect::of_url(url).ok_or_else(|| OpenError::Url(url.to_owned()))?;
        let url = dialect.connect_url(url);
        let options = AnyConnectOptions::from_str(&url).map_err(|_| OpenError::Url(url.clone()))?;
        let pool = pool_options(
            dialect,
            match dialect {
                // Readers share the WAL; a few suffice on a small machine.
                Dialect::Sqlite => connections.min(8),
                Dialect::Postgres => connections,
            },
        )
        .connect_with(options.clone())
        .await
        .map_err(OpenError::Connect)?;
        migrator(dialect)
            .run(&pool)
            .await
            .map_err(OpenError::Migrate)?;
        Ok(Db { pool, dialect })
    }

    /// Which SQL the database speaks where SQLite and PostgreSQL differ.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The pool, for reads that need no transaction of their own.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A read-only transaction: one consistent snapshot.
    pub async fn read(&self) -> Result<Tx, sqlx::Error> {
        self.pool.begin_with(self.dialect.begin_read()).await
    }

    /// A write transaction that behaves as if it ran alone: SQLite takes
    /// its write lock at the start; PostgreSQL runs it SERIALIZABLE and
    /// fails it with SQLSTATE 40001 if another one got in the way, and the
    /// caller runs it again (see [`with_retries`]).
    pub async fn write(&self) -> Result<Tx, sqlx::Error> {
        self.pool.begin_with(self.dialect.begin_write()).await
    }

    /// A write transaction that locks the rows it will change as it reads
    /// them (`FOR UPDATE`, [`Dialect::lock_rows`]), for long work such as a
    /// transfer job: on PostgreSQL it runs at READ COMMITTED and waits for
    /// the rows it needs, rather than failing at its end because some
    /// other, shorter transaction touched what it had read. SQLite takes
    /// its write lock at the start, as for every write.
    pub async fn write_locking_rows(&self) -> Result<Tx, sqlx::Error> {
        self.pool
            .begin_with(self.dialect.begin_write_locking_rows())
            .await
    }

    /// Refreshes the planner's statistics after many rows arrived at once
    /// (see [`Dialect::after_bulk_load`]).
    /// Statistics only speed reads up: if the engine takes none of the
    /// statements, that is logged, not an error.
    pub async fn after_bulk_load(&self) -> Result<(), sqlx::Error> {
        for statement in self.dialect.after_bulk_load() {
            match self.pool.execute(*statement).await {
                Ok(_) => return Ok(()),
                Err(e) => tracing::warn!("after a bulk load, `{statement}` failed: {e}"),
            }
        }
        Ok(())
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
