//! The database: opening it, migrating it, and reading its rows back into
//! the domain's types.
//!
//! Every operation is one transaction. Writes take SQLite's write lock at
//! their start (`BEGIN IMMEDIATE`), so a transaction that reads facts and
//! then writes decisions never works from a snapshot another writer has
//! already changed. Queries use `$1`-style parameters, which SQLite and
//! PostgreSQL both read.

mod admins;
mod alerts;
mod facts;
mod jobs;
mod rows;
mod writes;

pub use admins::*;
pub use alerts::*;
pub use facts::*;
pub use jobs::*;
pub use rows::*;
pub use writes::*;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// A transaction on the portal's database.
pub type Tx = Transaction<'static, Sqlite>;

/// The portal's database.
#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
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
                "WXP_DATABASE_URL {url:?} is not a database this server runs on (use sqlite://path/to/file.db)"
            ),
            OpenError::Connect(e) => write!(f, "the database could not be opened: {e}"),
            OpenError::Migrate(e) => write!(f, "the database schema could not be migrated: {e}"),
        }
    }
}

impl std::error::Error for OpenError {}

impl Db {
    /// Opens (creating it if missing) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Db, OpenError> {
        if !url.starts_with("sqlite:") {
            return Err(OpenError::Url(url.to_owned()));
        }
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|_| OpenError::Url(url.to_owned()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL is durable across a process crash (kill -9) in WAL
            // mode; only a power loss may lose the last commits.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(OpenError::Connect)?;
        sqlx::migrate!("./migrations/sqlite")
            .run(&pool)
            .await
            .map_err(OpenError::Migrate)?;
        Ok(Db { pool })
    }

    /// The pool, for reads that need no transaction of their own.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// A read-only transaction: one consistent snapshot.
    pub async fn read(&self) -> Result<Tx, sqlx::Error> {
        self.pool.begin().await
    }

    /// A write transaction, holding the write lock from its start.
    pub async fn write(&self) -> Result<Tx, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
