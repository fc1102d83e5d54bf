//! Hardware alerts and support cases.

use super::facts::{customer, Conn};
use super::rows::{enum_from, tenant_from};
use super::writes::insert_alert;
use sqlx::FromRow;
use wxp_core::date::Timestamp;
use wxp_core::engine::{Alert, AlertId, AlertKind, Repair};
use wxp_core::rules::{alerts, transfer};
use wxp_core::{PartnerId, Role, SerialNumber, TenantId};

#[derive(FromRow)]
struct AlertRow {
    id: i64,
    serial: String,
    tenant_kind: String,
    tenant_id: String,
    tenant_name: String,
    partner_id: String,
    kind: String,
    raised_at: i64,
    delivery: String,
    repair: String,
}

impl AlertRow {
    fn into_alert(self) -> Result<Alert, sqlx::Error> {
        Ok(Alert {
            id: AlertId(self.id as u64),
            serial: SerialNumber::parse(&self.serial)
                .map_err(|e| super::rows::corrupt("serial number", &self.serial, e))?,
            tenant: tenant_from(&self.tenant_kind, self.tenant_id)?,
            tenant_name: self.tenant_name,
            partner: PartnerId(self.partner_id),
            kind: enum_from("alert kind", &self.kind)?,
            raised_at: Timestamp(self.raised_at),
            delivery: enum_from("delivery", &self.delivery)?,
            repair: serde_json::from_str(&self.repair)
                .map_err(|e| super::rows::corrupt("repair", &self.repair, e))?,
        })
    }
}

macro_rules! alert_columns {
    () => {
        "id, serial, tenant_kind, tenant_id, tenant_name, partner_id, kind, raised_at, delivery, repair"
    };
}

/// The alerts of the user's organisation, newest first. The caller still
/// applies `rules::access::may_see_alert`.
pub async fn alerts_of(conn: &mut Conn, role: &Role) -> Result<Vec<Alert>, sqlx::Error> {
    let rows = match role {
        Role::PartnerAdmin { partner } => {
            sqlx::query_as::<_, AlertRow>(concat!(
                "SELECT ",
                alert_columns!(),
                " FROM alerts WHERE partner_id = $1 ORDER BY id DESC"
            ))
            .bind(&partner.0)
            .fetch_all(conn)
            .await?
        }
        Role::ItAdmin { customer } => {
            sqlx::query_as::<_, AlertRow>(concat!(
                "SELECT ",
                alert_columns!(),
                " FROM alerts WHERE tenant_kind = 'customer' AND tenant_id = $1 ORDER BY id DESC"
            ))
            .bind(&customer.0)
            .fetch_all(conn)
            .await?
        }
    };
    rows.into_iter().map(AlertRow::into_alert).collect()
}

/// One alert, whoever it belongs to.
pub async fn alert(conn: &mut Conn, id: AlertId) -> Result<Option<Alert>, sqlx::Error> {
    sqlx::query_as::<_, AlertRow>(concat!(
        "SELECT ",
        alert_columns!(),
        " FROM alerts WHERE id = $1"
    ))
    .bind(id.0 as i64)
    .fetch_optional(conn)
    .await?
    .map(AlertRow::into_alert)
    .transpose()
}

/// Raises an alert on a PC in `tenant`: who is told follows the domain's
/// rule for that tenant.
pub async fn raise_alert(
    conn: &mut Conn,
    serial: SerialNumber,
    tenant: TenantId,
    kind: AlertKind,
    at: Timestamp,
) -> Result<Alert, sqlx::Error> {
    let (partner, owner) = match &tenant {
        TenantId::Holding(p) => (p.clone(), None),
        TenantId::Customer(id) => {
            let c = customer(conn, id)
                .await?
                .ok_or_else(|| super::rows::corrupt("device tenant", &id.0, "no such customer"))?;
            (c.partner.clone(), Some(c))
        }
    };
    let (next,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) + 1 FROM alerts")
        .fetch_one(&mut *conn)
        .await?;
    let alert = Alert {
        id: AlertId(next as u64),
        serial,
        tenant_name: transfer::tenant_name(&tenant, owner.as_ref().map(|c| c.name.as_str())),
        delivery: alerts::delivery(&tenant, owner.as_ref()),
        tenant,
        partner,
        kind,
        raised_at: at,
        repair: Repair::NotRequested,
    };
    insert_alert(conn, &alert).await?;
    Ok(alert)
}

/// Records where an alert's repair is.
pub async fn set_repair(conn: &mut Conn, id: AlertId, repair: &Repair) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE alerts SET repair = $1 WHERE id = $2")
        .bind(serde_json::to_string(repair).expect("repairs serialise"))
        .bind(id.0 as i64)
        .execute(conn)
        .await?;
    Ok(())
}

/// The tenant a PC is in, if it exists.
pub async fn tenant_of(
    conn: &mut Conn,
    serial: &SerialNumber,
) -> Result<Option<TenantId>, sqlx::Error> {
    let found: Option<(String, String)> =
        sqlx::query_as("SELECT tenant_kind, tenant_id FROM devices WHERE serial = $1")
            .bind(serial.as_str())
            .fetch_optional(conn)
            .await?;
    found.map(|(kind, id)| tenant_from(&kind, id)).transpose()
}

/// The PC at `offset` in serial-number order, and its tenant.
pub async fn device_at(
    conn: &mut Conn,
    offset: i64,
) -> Result<Option<(SerialNumber, TenantId)>, sqlx::Error> {
    let found: Option<(String, String, String)> = sqlx::query_as(
        "SELECT serial, tenant_kind, tenant_id FROM devices ORDER BY serial LIMIT 1 OFFSET $1",
    )
    .bind(offset)
    .fetch_optional(conn)
    .await?;
    found
        .map(|(serial, kind, id)| {
            Ok((
                SerialNumber::parse(&serial)
                    .map_err(|e| super::rows::corrupt("serial number", &serial, e))?,
                tenant_from(&kind, id)?,
            ))
        })
        .transpose()
}
