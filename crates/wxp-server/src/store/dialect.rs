//! Where SQLite's SQL and PostgreSQL's differ. Everything else is one SQL
//! text for both (`$1` parameters, `ON CONFLICT`, `RETURNING`).
//!
//! The PostgreSQL side avoids what PostgreSQL-compatible distributed
//! engines (CockroachDB, YugabyteDB, Citus) lack: no PL/pgSQL, no
//! LISTEN/NOTIFY, no advisory locks; only standard transactions, row locks
//! with `FOR UPDATE SKIP LOCKED`, and JSON functions they all have.

/// The SQL dialect of the database the server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// An embedded SQLite file: one machine, zero set-up.
    Sqlite,
    /// PostgreSQL, or an engine speaking its protocol.
    Postgres,
}

impl Dialect {
    /// The dialect of a `WXP_DATABASE_URL`, if the server runs on it.
    pub fn of_url(url: &str) -> Option<Dialect> {
        if url.starts_with("sqlite:") {
            Some(Dialect::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Dialect::Postgres)
        } else {
            None
        }
    }

    /// The dialect of an open connection.
    pub fn of(conn: &sqlx::AnyConnection) -> Dialect {
        if conn.backend_name() == "PostgreSQL" {
            Dialect::Postgres
        } else {
            Dialect::Sqlite
        }
    }

    /// The URL to connect with: a SQLite file is created when missing.
    pub fn connect_url(self, url: &str) -> String {
        match self {
            Dialect::Sqlite if !url.contains("mode=") && !url.contains(":memory:") => {
                let separator = if url.contains('?') { '&' } else { '?' };
                format!("{url}{separator}mode=rwc")
            }
            _ => url.to_owned(),
        }
    }

    /// What each new connection runs first.
    pub fn session_setup(self) -> &'static [&'static str] {
        match self {
            Dialect::Sqlite => &[
                "PRAGMA journal_mode = WAL",
                // NORMAL is durable across a process crash (kill -9) in WAL
                // mode; only a power loss may lose the last commits.
                "PRAGMA synchronous = NORMAL",
                "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = 10000",
            ],
            // Plan each statement with its parameters: a cached generic
            // plan for `line IN ($4, …)` scans all of a job's rows for
            // every chunk (a 100,000-row job took 50 s instead of 1).
            Dialect::Postgres => &["SET plan_cache_mode = force_custom_plan"],
        }
    }

    /// What a connection runs when it goes back to the pool, if anything:
    /// on PostgreSQL, ending any transaction left open (a warning when
    /// there is none). SQLite's transactions live in the process, and sqlx
    /// tracks them itself.
    pub fn on_release(self) -> Option<&'static str> {
        match self {
            Dialect::Sqlite => None,
            Dialect::Postgres => Some("ROLLBACK"),
        }
    }

    /// What runs after many rows arrived at once (the demo seed, an
    /// ingest), in order of preference: the first that the engine accepts
    /// is enough. PostgreSQL plans its queries from statistics that
    /// autovacuum gathers only later, and without them it would walk a
    /// 100,000-PC tenant row by row; `VACUUM` also marks the new rows
    /// visible to all, so that counting a tenant's PCs reads its index
    /// alone (without it, the partner's Home counted 100,000 PCs from the
    /// table: its p99 was 53 ms under load). Engines without `VACUUM`
    /// (CockroachDB) take `ANALYZE`. SQLite plans from its indexes.
    pub fn after_bulk_load(self) -> &'static [&'static str] {
        match self {
            Dialect::Sqlite => &[],
            Dialect::Postgres => &["VACUUM (ANALYZE)", "ANALYZE"],
        }
    }

    /// Starts a transaction that only reads: one snapshot throughout.
    pub fn begin_read(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN",
            Dialect::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ",
        }
    }

    /// Starts a transaction that reads facts and writes decisions.
    pub fn begin_write(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN ISOLATION LEVEL SERIALIZABLE",
        }
    }

    /// Starts a transaction that locks the rows it changes as it reads
    /// them (see `Db::write_locking_rows`).
    pub fn begin_write_locking_rows(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN ISOLATION LEVEL READ COMMITTED",
        }
    }

    /// What ends a `SELECT` that locks the rows of `alias` it reads until
    /// the transaction ends, in serial-number order (two jobs lock their
    /// PCs in the same order, so neither waits for the other in a circle).
    /// SQLite's write lock already covers them, and an order would cost
    /// it a different plan.
    pub fn lock_rows(self, alias: &str) -> String {
        match self {
            Dialect::Sqlite => String::new(),
            Dialect::Postgres => format!(" ORDER BY {alias}.serial FOR UPDATE OF {alias}"),
        }
    }

    /// What ends a `SELECT` that claims a row for this transaction, leaving
    /// rows another transaction holds to someone else. SQLite has one
    /// writer at a time, so the write transaction's lock already does it.
    pub fn claim(self) -> &'static str {
        match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// The serial numbers of the `devices` rows a query groups, joined by
    /// commas.
    pub fn joined_serials(self) -> &'static str {
        match self {
            Dialect::Sqlite => "group_concat(serial, ',')",
            Dialect::Postgres => "string_agg(serial, ',')",
        }
    }

    /// The rows of the JSON array of strings in parameter `$1`, as a table
    /// `wanted` with one column `value`.
    pub fn json_strings_param(self) -> &'static str {
        match self {
            Dialect::Sqlite => "json_each($1) AS wanted",
            Dialect::Postgres => "json_array_elements_text($1::json) AS wanted (value)",
        }
    }

    /// A JSON array of one object per row (the keys and values alternate in
    /// `pairs`), ordered by `order`, written by the database in one pass.
    pub fn json_array_of_objects(self, pairs: &str, order: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_group_array(json_object({pairs}) ORDER BY {order})"),
            Dialect::Postgres => {
                format!(
                    "COALESCE(json_agg(json_build_object({pairs}) ORDER BY {order}), '[]')::text"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_dialect() {
        assert_eq!(
            Dialect::of_url("sqlite://data/wxp.db"),
            Some(Dialect::Sqlite)
        );
        assert_eq!(Dialect::of_url("sqlite::memory:"), Some(Dialect::Sqlite));
        assert_eq!(
            Dialect::of_url("postgres://u@h/db"),
            Some(Dialect::Postgres)
        );
        assert_eq!(
            Dialect::of_url("postgresql://u@h/db"),
            Some(Dialect::Postgres)
        );
        assert_eq!(Dialect::of_url("mysql://u@h/db"), None);
    }

    #[test]
    fn a_sqlite_file_is_created_when_missing() {
        assert_eq!(
            Dialect::Sqlite.connect_url("sqlite://a.db"),
            "sqlite://a.db?mode=rwc"
        );
        assert_eq!(
            Dialect::Sqlite.connect_url("sqlite://a.db?cache=shared"),
            "sqlite://a.db?cache=shared&mode=rwc"
        );
        assert_eq!(
            Dialect::Sqlite.connect_url("sqlite::memory:"),
            "sqlite::memory:"
        );
        assert_eq!(
            Dialect::Postgres.connect_url("postgres://h/d"),
            "postgres://h/d"
        );
    }
}
