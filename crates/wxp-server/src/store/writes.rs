//! Rows written on behalf of the domain: customers, users, PCs, alerts, and
//! PCs moving between tenants.

use super::facts::Conn;
use super::placeholders;
use super::rows::{enum_text, tenant_columns};
use sqlx::AssertSqlSafe;
use wxp_core::engine::Alert;
use wxp_core::rules::dashboard::name_key;
use wxp_core::{Customer, Device, Role, TenantId, User};

/// Inserts a customer. A name its partner already uses (whatever its case)
/// violates `UNIQUE (partner_id, name_key)`.
pub async fn insert_customer(conn: &mut Conn, c: &Customer) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO customers (id, partner_id, name, name_key, country, cpin, \
         insights_collection, self_service_alerts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&c.id.0)
    .bind(&c.partner.0)
    .bind(&c.name)
    .bind(name_key(&c.name))
    .bind(&c.country)
    .bind(&c.cpin)
    .bind(c.insights_collection)
    .bind(c.self_service_alerts)
    .execute(conn)
    .await?;
    Ok(())
}

/// The position the next user takes in the accounts list.
pub async fn next_user_seq(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    let (next,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(seq), 0) + 1 FROM users")
        .fetch_one(conn)
        .await?;
    Ok(next)
}

/// Inserts a user, with the Argon2id hash of their password if they sign in
/// with one.
pub async fn insert_user(
    conn: &mut Conn,
    u: &User,
    password_hash: Option<&str>,
    seq: i64,
) -> Result<(), sqlx::Error> {
    let (partner, customer) = match &u.role {
        Role::PartnerAdmin { partner } => (Some(&partner.0), None),
        Role::ItAdmin { customer } => (None, Some(&customer.0)),
    };
    sqlx::query(
        "INSERT INTO users (id, name, email, email_key, partner_id, customer_id, password_hash, seq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&u.id.0)
    .bind(&u.name)
    .bind(&u.email)
    .bind(crate::auth::email_key(&u.email))
    .bind(partner)
    .bind(customer)
    .bind(password_hash)
    .bind(seq)
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts PCs into a tenant; a serial number already known anywhere is
/// left where it is. Returns how many were added.
pub async fn insert_devices(
    conn: &mut Conn,
    tenant: &TenantId,
    devices: &[Device],
) -> Result<u64, sqlx::Error> {
    let (kind, id) = tenant_columns(tenant);
    let mut added = 0;
    // Multi-row inserts: one statement per 100 PCs (9 parameters each).
    for chunk in devices.chunks(100) {
        let sql = format!(
            "INSERT INTO devices (serial, tenant_kind, tenant_id, model, product_number, plan, \
             warranty_end, last_seen, last_user, location) VALUES {} \
             ON CONFLICT (serial) DO NOTHING",
            placeholders::rows(chunk.len(), 10)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for d in chunk {
            query = query
                .bind(d.serial.as_str())
                .bind(kind)
                .bind(id)
                .bind(d.model.as_ref())
                .bind(d.product_number.as_ref())
                .bind(enum_text(&d.plan))
                .bind(d.warranty_end.0)
                .bind(d.last_seen.0)
                .bind(d.last_user.as_deref())
                .bind(d.location.as_deref());
        }
        added += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(added)
}

/// Inserts an alert with its number.
pub async fn insert_alert(conn: &mut Conn, a: &Alert) -> Result<(), sqlx::Error> {
    let (kind, id) = tenant_columns(&a.tenant);
    sqlx::query(
        "INSERT INTO alerts (id, serial, tenant_kind, tenant_id, tenant_name, partner_id, kind, \
         raised_at, delivery, repair) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(a.id.0 as i64)
    .bind(a.serial.as_str())
    .bind(kind)
    .bind(id)
    .bind(&a.tenant_name)
    .bind(&a.partner.0)
    .bind(enum_text(&a.kind))
    .bind(a.raised_at.0)
    .bind(enum_text(&a.delivery))
    .bind(serde_json::to_string(&a.repair).expect("repairs serialise"))
    .execute(conn)
    .await?;
    Ok(())
}

/// Moves the PCs among `serials` that are in `source` to `target`; returns
/// how many moved.
pub async fn move_devices(
    conn: &mut Conn,
    source: &TenantId,
    target: &TenantId,
    serials: &[String],
) -> Result<u64, sqlx::Error> {
    let (from_kind, from_id) = tenant_columns(source);
    let (to_kind, to_id) = tenant_columns(target);
    let mut moved = 0;
    for chunk in serials.chunks(500) {
        let sql = format!(
            "UPDATE devices SET tenant_kind = $1, tenant_id = $2 \
             WHERE tenant_kind = $3 AND tenant_id = $4 AND serial IN ({})",
            placeholders::list(5, chunk.len())
        );
        let mut query = sqlx::query(AssertSqlSafe(sql))
            .bind(to_kind)
            .bind(to_id)
            .bind(from_kind)
            .bind(from_id);
        for serial in chunk {
            query = query.bind(serial);
        }
        moved += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(moved)
}

/// Applies the rule that the first Premium / Premium+ PC arriving in an
/// empty dashboard turns its self-service alerts on.
pub async fn after_arrival(
    conn: &mut Conn,
    target: &TenantId,
    devices_before: i64,
    arrived: u64,
) -> Result<(), sqlx::Error> {
    if let TenantId::Customer(id) = target {
        if wxp_core::rules::alerts::arrival_turns_alerts_on(
            devices_before as usize,
            arrived as usize,
        ) {
            sqlx::query("UPDATE customers SET self_service_alerts = TRUE WHERE id = $1")
                .bind(&id.0)
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}
