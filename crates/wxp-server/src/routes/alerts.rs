//! Hardware alerts, the end user's repair request, and the Service Delivery
//! partner's repair requests (its CSDP account).

use super::extract::{Json, Path};
use crate::auth::Actor;
use crate::error::{ApiError, ApiResult};
use crate::live::Audience;
use crate::state::AppState;
use crate::store::{self, Conn};
use axum::extract::State;
use axum::http::StatusCode;
use wxp_core::api::{ScheduleRepair, SimulateAlert, Topic};
use wxp_core::engine::{Alert, AlertError, AlertId, Repair};
use wxp_core::rules::{access, alerts};
use wxp_core::{AccessError, Partner, SerialNumber, TenantId};

async fn visible_alerts(conn: &mut Conn, actor: &Actor) -> ApiResult<Vec<Alert>> {
    Ok(store::alerts_of(conn, actor.role())
        .await?
        .into_iter()
        .filter(|a| access::may_see_alert(actor.role(), &a.partner, &a.tenant))
        .collect())
}

async fn visible_alert(conn: &mut Conn, actor: &Actor, id: AlertId) -> ApiResult<Alert> {
    store::alert(conn, id)
        .await?
        .filter(|a| access::may_see_alert(actor.role(), &a.partner, &a.tenant))
        .ok_or_else(|| AlertError::NoSuchAlert(id).into())
}

fn audience(alert: &Alert) -> Audience {
    match &alert.tenant {
        TenantId::Customer(c) => Audience::Partner(alert.partner.clone(), Some(c.clone())),
        TenantId::Holding(_) => Audience::Partner(alert.partner.clone(), None),
    }
}

/// The hardware alerts the user can see, newest first.
#[utoipa::path(get, path = "/alerts", tag = "alerts",
    responses((status = 200, description = "The alerts, newest first")))]
pub async fn list(State(state): State<AppState>, actor: Actor) -> ApiResult<Json<Vec<Alert>>> {
    let mut tx = state.db.read().await?;
    Ok(Json(visible_alerts(&mut tx, &actor).await?))
}

/// Raises an alert on a PC the user can see ("Simulate alert").
#[utoipa::path(post, path = "/alerts", tag = "alerts",
    request_body(content = inline(Object), description = "`{\"serial\", \"kind\"}`"),
    responses((status = 200, description = "The new alert's number"),
              (status = 404, description = "No such PC in the user's account")))]
pub async fn simulate(
    State(state): State<AppState>,
    actor: Actor,
    Json(form): Json<SimulateAlert>,
) -> ApiResult<Json<AlertId>> {
    let not_found = || ApiError::from(AlertError::DeviceNotFound(form.serial.trim().to_owned()));
    let serial = SerialNumber::parse(&form.serial).map_err(|_| not_found())?;
    let mut tx = state.db.write().await?;
    let tenant = store::tenant_of(&mut tx, &serial)
        .await?
        .ok_or_else(not_found)?;
    let owner = match &tenant {
        TenantId::Customer(id) => store::customer(&mut tx, id).await?,
        TenantId::Holding(_) => None,
    };
    if access::place_for(actor.role(), &tenant, owner.as_ref()).is_none() {
        return Err(not_found());
    }
    let alert = store::raise_alert(&mut tx, serial, tenant, form.kind, crate::clock::now()).await?;
    tx.commit().await?;
    state.live.tell(Topic::Alerts, audience(&alert));
    Ok(Json(alert.id))
}

/// The end user clicked View on the pop-up: the repair request goes to HP
/// customer support or to the partner's CSDP account, by partner type.
#[utoipa::path(post, path = "/alerts/{id}/repair-request", tag = "alerts",
    params(("id" = u64, Path, description = "The alert's number")),
    responses((status = 200, description = "Where the repair request went"),
              (status = 404, description = "No such alert in the user's account"),
              (status = 422, description = "No pop-up, or already requested")))]
pub async fn request_repair(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<u64>,
) -> ApiResult<Json<Repair>> {
    let mut tx = state.db.write().await?;
    let alert = visible_alert(&mut tx, &actor, AlertId(id)).await?;
    alerts::check_repair_request(&alert)?;
    let partner = store::partner(&mut tx, &alert.partner)
        .await?
        .ok_or_else(|| ApiError::Internal(format!("alert {id} names an unknown partner")))?;
    let repair = alerts::repair_route(partner.kind);
    store::set_repair(&mut tx, alert.id, &repair).await?;
    tx.commit().await?;
    state.live.tell(Topic::Alerts, audience(&alert));
    Ok(Json(repair))
}

fn csdp_partner(actor: &Actor) -> ApiResult<&Partner> {
    access::acting_partner_id(actor.role())?;
    let partner = actor.partner.as_ref().ok_or(AccessError::PartnersOnly)?;
    alerts::check_csdp_access(partner)?;
    Ok(partner)
}

async fn requests(conn: &mut Conn, actor: &Actor) -> ApiResult<Vec<Alert>> {
    csdp_partner(actor)?;
    Ok(visible_alerts(conn, actor)
        .await?
        .into_iter()
        .filter(|a| alerts::is_repair_request(&a.repair))
        .collect())
}

/// Repair requests in the Service Delivery partner's CSDP account.
#[utoipa::path(get, path = "/repair-requests", tag = "alerts",
    responses((status = 200, description = "Requested and scheduled repairs"),
              (status = 403, description = "Not a partner admin"),
              (status = 422, description = "Not a Service Delivery partner")))]
pub async fn repair_requests(
    State(state): State<AppState>,
    actor: Actor,
) -> ApiResult<Json<Vec<Alert>>> {
    let mut tx = state.db.read().await?;
    Ok(Json(requests(&mut tx, &actor).await?))
}

/// The Service Delivery partner schedules a requested repair.
#[utoipa::path(post, path = "/repair-requests/{id}/schedule", tag = "alerts",
    params(("id" = u64, Path, description = "The alert's number")),
    request_body(content = inline(Object), description = "`{\"on\": day}`"),
    responses((status = 204, description = "Scheduled"),
              (status = 404, description = "No such repair request"),
              (status = 422, description = "Not a Service Delivery partner")))]
pub async fn schedule(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<u64>,
    Json(form): Json<ScheduleRepair>,
) -> ApiResult<StatusCode> {
    let mut tx = state.db.write().await?;
    let alert = requests(&mut tx, &actor)
        .await?
        .into_iter()
        .find(|a| a.id == AlertId(id))
        .ok_or(AlertError::NoSuchAlert(AlertId(id)))?;
    alerts::check_schedule_day(form.on, crate::clock::now().date())?;
    store::set_repair(&mut tx, alert.id, &Repair::Scheduled(form.on)).await?;
    tx.commit().await?;
    state.live.tell(Topic::Alerts, audience(&alert));
    Ok(StatusCode::NO_CONTENT)
}
