//! Live updates across the server processes that share one database.
//!
//! Each process writes the changes it made to the `changes` table and reads
//! the other processes' changes from it a few times a second, to tell its
//! own pages. This is plain polling on an indexed column: it needs no
//! LISTEN/NOTIFY, so it runs the same on SQLite, PostgreSQL and the
//! distributed engines that speak PostgreSQL's protocol. Nothing depends
//! on a change being read: a page that missed one still reads the truth
//! from the API.

use crate::live::{Audience, Change, Live, Shared};
use crate::state::AppState;
use crate::store::{with_retries, Db};
use std::collections::BTreeSet;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedReceiver;
use wxp_core::api::Topic;
use wxp_core::{CustomerId, PartnerId, UserId};

/// How often the other processes' changes are read.
const POLL: Duration = Duration::from_millis(200);
/// How long a change is kept.
const KEEP_MS: i64 = 60_000;
/// How far below the newest change read the next read starts: identities
/// are handed out at insert but become visible at commit, so a change with
/// a smaller number may appear after a larger one.
const LOOKBACK: i64 = 512;

/// A `changes` row.
type ChangeRow = (i64, String, String, String, Option<String>, Option<String>);

/// Relays changes until the process ends.
pub async fn run(state: AppState) {
    let Some(mut outbox) = state.live.take_outbox() else {
        return;
    };
    let mut reader = Reader::default();
    if let Err(e) = reader.start(&state.db).await {
        tracing::warn!("live updates: {e}");
    }
    let mut ticks = tokio::time::interval(POLL);
    let mut cleanup = tokio::time::interval(Duration::from_secs(30));
    loop {
        tokio::select! {
            _ = ticks.tick() => {
                if let Err(e) = reader.read(&state.db, &state.live).await {
                    tracing::warn!("live updates: reading others' changes: {e}");
                }
            }
            _ = cleanup.tick() => {
                let _ = forget_old(&state.db).await;
            }
            first = outbox.recv() => match first {
                Some(first) => {
                    let batch = drain(first, &mut outbox);
                    if let Err(e) = write(&state.db, state.live.origin(), &batch).await {
                        tracing::warn!("live updates: telling other processes: {e}");
                    }
                }
                None => return,
            },
        }
    }
}

fn drain(first: Shared, outbox: &mut UnboundedReceiver<Shared>) -> Vec<Shared> {
    let mut batch = vec![first];
    while let Ok(next) = outbox.try_recv() {
        batch.push(next);
    }
    batch
}

/// A row's columns for a shared change: topic, audience kind, id, customer.
fn columns(shared: &Shared) -> (String, &'static str, Option<String>, Option<String>) {
    match shared {
        Shared::SessionEnded(hash) => ("session_ended".into(), "session", Some(hash.clone()), None),
        Shared::Change(Change { topic, audience }) => {
            let topic = serde_json::to_value(topic)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            match audience {
                Audience::Everyone => (topic, "everyone", None, None),
                Audience::Partner(p, c) => (
                    topic,
                    "partner",
                    Some(p.0.clone()),
                    c.as_ref().map(|c| c.0.clone()),
                ),
                Audience::User(u) => (topic, "user", Some(u.0.clone()), None),
            }
        }
    }
}

/// A shared change from its row; `None` for one this version cannot read.
fn from_row(
    topic: &str,
    kind: &str,
    id: Option<String>,
    customer: Option<String>,
) -> Option<Shared> {
    if kind == "session" {
        return id.map(Shared::SessionEnded);
    }
    let topic: Topic = serde_json::from_value(serde_json::Value::String(topic.to_owned())).ok()?;
    let audience = match kind {
        "everyone" => Audience::Everyone,
        "partner" => Audience::Partner(PartnerId(id?), customer.map(CustomerId)),
        "user" => Audience::User(UserId(id?)),
        _ => return None,
    };
    Some(Shared::Change(Change { topic, audience }))
}

async fn write(db: &Db, origin: &str, batch: &[Shared]) -> Result<(), sqlx::Error> {
    let at = crate::clock::now_ms();
    with_retries(|| async {
        let mut tx = db.write().await?;
        for shared in batch {
            let (topic, kind, id, customer) = columns(shared);
            sqlx::query(
                "INSERT INTO changes (origin, topic, audience_kind, audience_id, \
                 audience_customer, at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(origin)
            .bind(topic)
            .bind(kind)
            .bind(id)
            .bind(customer)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    })
    .await
}

async fn forget_old(db: &Db) -> Result<(), sqlx::Error> {
    let before = crate::clock::now_ms() - KEEP_MS;
    with_retries(|| async {
        let mut tx = db.write().await?;
        sqlx::query("DELETE FROM changes WHERE at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    })
    .await
}

/// Reads the changes other processes made, each once.
#[derive(Default)]
struct Reader {
    /// The changes read, down to the lookback.
    seen: BTreeSet<i64>,
    /// Nothing at or below this number is read again.
    floor: i64,
}

impl Reader {
    /// Starts after the changes made before this process started.
    async fn start(&mut self, db: &Db) -> Result<(), sqlx::Error> {
        let (newest,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM changes")
            .fetch_one(db.pool())
            .await?;
        self.floor = newest.unwrap_or(0);
        Ok(())
    }

    async fn read(&mut self, db: &Db, live: &Live) -> Result<(), sqlx::Error> {
        let rows: Vec<ChangeRow> = sqlx::query_as(
            "SELECT id, origin, topic, audience_kind, audience_id, audience_customer \
             FROM changes WHERE id > $1 ORDER BY id LIMIT 2000",
        )
        .bind(self.floor)
        .fetch_all(db.pool())
        .await?;
        for (id, origin, topic, kind, audience_id, customer) in rows {
            if !self.seen.insert(id) || origin == live.origin() {
                continue;
            }
            if let Some(shared) = from_row(&topic, &kind, audience_id, customer) {
                live.deliver(shared);
            }
        }
        if let Some(&newest) = self.seen.last() {
            let floor = (newest - LOOKBACK).max(self.floor);
            self.seen = self.seen.split_off(&(floor + 1));
            self.floor = floor;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_change_survives_its_row() {
        let alpine = PartnerId("PRT-ALPINE".into());
        let all = [
            Shared::Change(Change {
                topic: Topic::Devices,
                audience: Audience::Partner(alpine.clone(), Some(CustomerId::from_bits(3))),
            }),
            Shared::Change(Change {
                topic: Topic::Customers,
                audience: Audience::Partner(alpine, None),
            }),
            Shared::Change(Change {
                topic: Topic::Notifications,
                audience: Audience::User(UserId("u".into())),
            }),
            Shared::Change(Change {
                topic: Topic::Alerts,
                audience: Audience::Everyone,
            }),
            Shared::SessionEnded("abc".into()),
        ];
        for shared in all {
            let (topic, kind, id, customer) = columns(&shared);
            let back = from_row(&topic, kind, id, customer).expect("readable");
            assert_eq!(format!("{back:?}"), format!("{shared:?}"));
        }
    }

    #[test]
    fn a_row_of_a_newer_version_is_skipped() {
        assert!(from_row("Weather", "everyone", None, None).is_none());
        assert!(from_row("Devices", "planet", None, None).is_none());
        assert!(from_row("Devices", "user", None, None).is_none());
    }
}
