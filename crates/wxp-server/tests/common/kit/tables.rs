//! Every table's content, read straight from the database, to prove that a
//! request changed nothing (or only what it should). Written against the
//! server's pool whatever its type, on SQLite and on PostgreSQL.

use crate::common::TestServer;
use sqlx::Row;
use std::collections::BTreeMap;

/// A row: each column as text (NULL as `None`).
pub type Rows = Vec<Vec<Option<String>>>;

/// Tables left out: `changes` is the live-update relay's short-lived log,
/// which every process appends to and prunes on its own; it is not state.
/// (sqlx's `_sqlx_migrations` is left out too: no request writes it.)
const NOT_STATE: [&str; 1] = ["changes"];

/// The content of every table, each sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot(pub BTreeMap<String, Rows>);

/// What changed in one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub table: String,
    /// Rows that are there now and were not.
    pub added: Rows,
    /// Rows that were there and are not (a changed row is one of each).
    pub removed: Rows,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |rows: &Rows| {
            rows.iter()
                .take(3)
                .map(|r| format!("{r:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        write!(
            f,
            "{}: {} added [{}], {} removed [{}]",
            self.table,
            self.added.len(),
            show(&self.added),
            self.removed.len(),
            show(&self.removed)
        )
    }
}

fn is_postgres(server: &TestServer) -> bool {
    server.state.config.database_url.starts_with("postgres")
}

/// Reads every table.
pub async fn snapshot(server: &TestServer) -> Snapshot {
    snapshot_without(server, &[]).await
}

/// Reads every table but those `left_out` (a test counts their rows
/// instead of reading 100,000 of them).
pub async fn snapshot_without(server: &TestServer, left_out: &[&str]) -> Snapshot {
    let pool = server.state.db.pool();
    let postgres = is_postgres(server);
    let tables: Vec<(String,)> = sqlx::query_as(if postgres {
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    })
    .fetch_all(pool)
    .await
    .expect("the tables are listed");
    let mut content = BTreeMap::new();
    for (table,) in tables {
        if NOT_STATE.contains(&table.as_str())
            || table.starts_with("_sqlx")
            || left_out.contains(&table.as_str())
        {
            continue;
        }
        let columns: Vec<(String,)> = sqlx::query_as(if postgres {
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
        } else {
            "SELECT name FROM pragma_table_info($1) ORDER BY cid"
        })
        .bind(&table)
        .fetch_all(pool)
        .await
        .expect("the columns are listed");
        let select = columns
            .iter()
            .map(|(c,)| format!("CAST(\"{c}\" AS TEXT)"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT {select} FROM \"{table}\"");
        let mut rows: Rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(pool)
            .await
            .unwrap_or_else(|e| panic!("{table} is read: {e}"))
            .iter()
            .map(|row| {
                (0..columns.len())
                    .map(|i| row.try_get::<Option<String>, _>(i).expect("text"))
                    .collect()
            })
            .collect();
        rows.sort();
        content.insert(table, rows);
    }
    assert!(
        content.contains_key("devices"),
        "the portal's tables are read"
    );
    Snapshot(content)
}

impl Snapshot {
    /// What changed from this snapshot to `after`, table by table.
    pub fn changes(&self, after: &Snapshot) -> Vec<Change> {
        let empty = Rows::new();
        let mut tables: Vec<&String> = self.0.keys().chain(after.0.keys()).collect();
        tables.sort();
        tables.dedup();
        tables
            .into_iter()
            .filter_map(|table| {
                let before = self.0.get(table).unwrap_or(&empty);
                let now = after.0.get(table).unwrap_or(&empty);
                let (added, removed) = difference(before, now);
                (!added.is_empty() || !removed.is_empty()).then(|| Change {
                    table: table.clone(),
                    added,
                    removed,
                })
            })
            .collect()
    }
}

/// (in `now` only, in `before` only) of two sorted lists, as multisets.
fn difference(before: &Rows, now: &Rows) -> (Rows, Rows) {
    let (mut added, mut removed) = (Rows::new(), Rows::new());
    let (mut b, mut n) = (before.iter().peekable(), now.iter().peekable());
    loop {
        match (b.peek(), n.peek()) {
            (None, None) => break,
            (Some(_), None) => removed.push(b.next().unwrap().clone()),
            (None, Some(_)) => added.push(n.next().unwrap().clone()),
            (Some(x), Some(y)) => match x.cmp(y) {
                std::cmp::Ordering::Equal => {
                    b.next();
                    n.next();
                }
                std::cmp::Ordering::Less => removed.push(b.next().unwrap().clone()),
                std::cmp::Ordering::Greater => added.push(n.next().unwrap().clone()),
            },
        }
    }
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_row_is_one_removed_and_one_added() {
        let row = |v: &str| vec![Some(v.to_owned())];
        let (added, removed) = difference(
            &vec![row("a"), row("b"), row("b")],
            &vec![row("b"), row("c")],
        );
        assert_eq!(added, vec![row("c")]);
        assert_eq!(removed, vec![row("a"), row("b")]);
    }
}
