//! Device lists, and where PCs are.

use super::customers::visible;
use super::extract::{Json, Path};
use crate::auth::Actor;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use axum::extract::State;
use wxp_core::api::Located;
use wxp_core::rules::access;
use wxp_core::{Device, PartnerId, SerialNumber, TenantId};

/// Most serial numbers one locate call takes: a whole transfer file.
pub const MAX_LOCATE: usize = 200_000;

/// The PCs of the partner's holding tenant (Unassigned Devices).
#[utoipa::path(get, path = "/partners/{partner}/unassigned-devices", tag = "devices",
    params(("partner" = String, Path, description = "Partner ID")),
    responses((status = 200, description = "The PCs, by serial number"),
              (status = 403, description = "Not this partner's admin, or the partner setup is incomplete")))]
pub async fn unassigned(
    State(state): State<AppState>,
    actor: Actor,
    Path(partner): Path<String>,
) -> ApiResult<Json<Vec<Device>>> {
    let partner = PartnerId(partner);
    access::check_holding_access(actor.role(), actor.partner.as_ref(), &partner)?;
    let tenant = TenantId::Holding(partner);
    let mut tx = state.db.read().await?;
    let devices = store::devices(&mut tx, &tenant).await?;
    let show = access::shows_insights(&tenant, None);
    Ok(Json(
        devices.iter().map(|d| access::as_seen(d, show)).collect(),
    ))
}

/// The PCs of a customer's dashboard.
#[utoipa::path(get, path = "/customers/{id}/devices", tag = "devices",
    params(("id" = String, Path, description = "Customer ID")),
    responses((status = 200, description = "The PCs, by serial number"),
              (status = 404, description = "No such customer in the user's account")))]
pub async fn of_customer(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Device>>> {
    let mut tx = state.db.read().await?;
    let customer = visible(&mut tx, &actor, &id).await?;
    let tenant = TenantId::Customer(customer.id.clone());
    let devices = store::devices(&mut tx, &tenant).await?;
    let show = access::shows_insights(&tenant, Some(&customer));
    Ok(Json(
        devices.iter().map(|d| access::as_seen(d, show)).collect(),
    ))
}

/// Where the user sees each of the serial numbers given, for those they see
/// at all: what reviewing a transfer file needs, without downloading a
/// whole tenant.
#[utoipa::path(post, path = "/devices/locate", tag = "devices",
    request_body(content = inline(Object), description = "An array of serial numbers"),
    responses((status = 200, description = "`[{place, serials}]`: the PCs the user can see, grouped by where they are")))]
pub async fn locate(
    State(state): State<AppState>,
    actor: Actor,
    Json(serials): Json<Vec<SerialNumber>>,
) -> ApiResult<Json<Vec<Located>>> {
    if serials.len() > MAX_LOCATE {
        return Err(ApiError::bad_request(format!(
            "at most {MAX_LOCATE} serial numbers at once, not {}",
            serials.len()
        )));
    }
    let texts: Vec<String> = serials.iter().map(|s| s.to_string()).collect();
    let mut tx = state.db.read().await?;
    let mut found = Vec::new();
    for (tenant, serials) in store::serials_by_tenant(&mut tx, &texts).await? {
        let customer = match &tenant {
            TenantId::Customer(id) => store::customer(&mut tx, id).await?,
            TenantId::Holding(_) => None,
        };
        let Some(place) = access::place_for(actor.role(), &tenant, customer.as_ref()) else {
            continue;
        };
        let serials = serials
            .iter()
            .map(|s| SerialNumber::parse(s).map_err(|e| store::corrupt("serial number", s, e)))
            .collect::<Result<_, _>>()?;
        found.push(Located { place, serials });
    }
    Ok(Json(found))
}
