//! The demo data in the database: the same deterministic partners,
//! customers, PCs and alerts as the in-browser backend's seed.
//!
//! Seeding happens only into an empty database, or when a user resets the
//! demo data on purpose; a restart never reseeds.

use crate::store::{enum_text, Conn};
use std::collections::BTreeMap;
use wxp_core::engine::{Alert, Repair};
use wxp_core::seed::{self, DemoConfig};
use wxp_core::{Engine, Role};

/// Whether the database holds no portal data yet.
pub async fn is_empty(conn: &mut Conn) -> Result<bool, sqlx::Error> {
    let (partners,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM partners")
        .fetch_one(conn)
        .await?;
    Ok(partners == 0)
}

/// The configuration the demo data was seeded from.
pub async fn config(conn: &mut Conn) -> Result<DemoConfig, sqlx::Error> {
    let stored: Option<(String,)> =
        sqlx::query_as("SELECT value FROM meta WHERE key = 'demo_config'")
            .fetch_optional(conn)
            .await?;
    match stored {
        Some((json,)) => serde_json::from_str(&json)
            .map_err(|e| crate::store::corrupt("demo configuration", &json, e)),
        None => Ok(DemoConfig::default()),
    }
}

/// Replaces the demo data by the seed of `config`, keeping the accounts that
/// sign in with a password (an operator's admins) and their partners.
pub async fn reset(conn: &mut Conn, config: DemoConfig) -> Result<(), sqlx::Error> {
    for statement in [
        "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE password_hash IS NULL)",
        "DELETE FROM transfer_rows",
        "DELETE FROM transfer_jobs",
        "DELETE FROM alerts",
        "DELETE FROM support_case_serials",
        "DELETE FROM support_cases",
        "DELETE FROM devices",
        "DELETE FROM users WHERE password_hash IS NULL",
        "DELETE FROM customers",
    ] {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    insert(conn, config).await
}

/// Inserts the seed of `config` (partners are upserted: an operator's admin
/// may already belong to one).
pub async fn insert(conn: &mut Conn, config: DemoConfig) -> Result<(), sqlx::Error> {
    let world = seed::generate(config);
    sqlx::query(
        "INSERT INTO meta (key, value) VALUES ('demo_config', $1) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(serde_json::to_string(&config).expect("configs serialise"))
    .execute(&mut *conn)
    .await?;
    for p in &world.partners {
        sqlx::query(
            "INSERT INTO partners (id, name, kind, setup_complete) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             setup_complete = excluded.setup_complete",
        )
        .bind(&p.id.0)
        .bind(&p.name)
        .bind(enum_text(&p.kind))
        .bind(p.setup_complete)
        .execute(&mut *conn)
        .await?;
    }
    for c in &world.customers {
        crate::store::insert_customer(conn, c).await?;
    }
    let next_seq = crate::store::next_user_seq(conn).await?;
    for (i, u) in world.users.iter().enumerate() {
        crate::store::insert_user(conn, u, None, next_seq + i as i64).await?;
    }
    for (tenant, devices) in &world.tenants {
        crate::store::insert_devices(conn, tenant, devices).await?;
    }
    for alert in seeded_alerts(config, &world.users) {
        crate::store::insert_alert(conn, &alert).await?;
    }
    Ok(())
}

/// The alerts the in-browser engine starts with, read from the engine
/// itself (through each partner's admin, who sees all of its alerts).
fn seeded_alerts(config: DemoConfig, users: &[wxp_core::User]) -> Vec<Alert> {
    let engine = Engine::new(config);
    let mut alerts = BTreeMap::new();
    for u in users {
        if let Role::PartnerAdmin { .. } = u.role {
            for a in engine.alerts(&u.id).unwrap_or_default() {
                alerts.insert(a.id, a);
            }
        }
    }
    debug_assert!(alerts.values().all(|a| a.repair == Repair::NotRequested));
    alerts.into_values().collect()
}
