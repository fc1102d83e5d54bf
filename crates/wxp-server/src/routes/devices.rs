//! Device lists, and where PCs are.

use super::customers::visible;
use super::extract::{Json, Path};
use crate::auth::Actor;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{self, Conn};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::collections::HashSet;
use wxp_core::api::Located;
use wxp_core::rules::access;
use wxp_core::transfer_file::Place;
use wxp_core::{PartnerId, Role, SerialNumber, TenantId};

/// A device list as the database wrote it: a JSON array of `Device`s.
pub struct DeviceList(String);

impl IntoResponse for DeviceList {
    fn into_response(self) -> Response {
        ([(header::CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}

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
) -> ApiResult<DeviceList> {
    let partner = PartnerId(partner);
    access::check_holding_access(actor.role(), actor.partner.as_ref(), &partner)?;
    let tenant = TenantId::Holding(partner);
    let mut tx = state.db.read().await?;
    let show = access::shows_insights(&tenant, None);
    Ok(DeviceList(
        store::devices_json(&mut tx, &tenant, show).await?,
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
) -> ApiResult<DeviceList> {
    let mut tx = state.db.read().await?;
    let customer = visible(&mut tx, &actor, &id).await?;
    let tenant = TenantId::Customer(customer.id.clone());
    let show = access::shows_insights(&tenant, Some(&customer));
    Ok(DeviceList(
        store::devices_json(&mut tx, &tenant, show).await?,
    ))
}

/// Above this many serial numbers, locating scans the user's tenants
/// rather than looking each PC up: 100,000 index lookups cost more than
/// reading 100,000 index entries in order.
const SCAN_ABOVE: usize = 2_000;

/// The tenants a user sees, each with the place the domain names it by.
async fn visible_places(conn: &mut Conn, actor: &Actor) -> ApiResult<Vec<(TenantId, Place)>> {
    let mut tenants = Vec::new();
    if let Role::PartnerAdmin { partner } = actor.role() {
        tenants.push((TenantId::Holding(partner.clone()), None));
    }
    for c in store::customers_of(conn, actor.role()).await? {
        tenants.push((TenantId::Customer(c.id.clone()), Some(c)));
    }
    Ok(tenants
        .into_iter()
        .filter_map(|(tenant, customer)| {
            let place = access::place_for(actor.role(), &tenant, customer.as_ref())?;
            Some((tenant, place))
        })
        .collect())
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
    let mut tx = state.db.read().await?;
    let places = visible_places(&mut tx, &actor).await?;
    let mut found = Vec::new();
    if serials.len() > SCAN_ABOVE {
        let wanted: HashSet<SerialNumber> = serials.into_iter().collect();
        for (tenant, place) in places {
            let here: Vec<SerialNumber> = store::serials_in(&mut tx, &tenant)
                .await?
                .iter()
                .filter_map(|s| SerialNumber::parse(s).ok())
                .filter(|s| wanted.contains(s))
                .collect();
            if !here.is_empty() {
                found.push(Located {
                    place,
                    serials: here,
                });
            }
        }
    } else {
        let texts: Vec<String> = serials.iter().map(|s| s.to_string()).collect();
        for (tenant, here) in store::serials_by_tenant(&mut tx, &texts).await? {
            let Some((_, place)) = places.iter().find(|(t, _)| *t == tenant) else {
                continue;
            };
            let serials = here
                .iter()
                .map(|s| SerialNumber::parse(s).map_err(|e| store::corrupt("serial number", s, e)))
                .collect::<Result<_, _>>()?;
            found.push(Located {
                place: place.clone(),
                serials,
            });
        }
    }
    Ok(Json(found))
}
