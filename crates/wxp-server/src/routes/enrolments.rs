//! Enrolling PCs into a dashboard with its cPIN.

use super::customers::{audience_of, visible};
use super::extract::{Json, Path};
use crate::auth::Actor;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use axum::extract::State;
use std::collections::HashMap;
use wxp_core::api::{Enrolment, Topic};
use wxp_core::engine::EnrolOutcome;
use wxp_core::rules::enrolment::{self, EnrolPlace};
use wxp_core::{SerialNumber, TenantId};

/// Most serial numbers one enrolment takes: a whole transfer file's.
pub const MAX_SERIALS: usize = super::transfers::MAX_ROWS;

/// Enrols PCs with the customer's cPIN: a PC in the partner's Unassigned
/// Devices moves in; one in another customer's dashboard is refused.
#[utoipa::path(post, path = "/customers/{id}/enrolments", tag = "customers",
    params(("id" = String, Path, description = "Customer ID")),
    request_body(content = inline(Object), description = "`{\"cpin\": …, \"serials\": […]}`"),
    responses((status = 200, description = "One outcome per serial number, in order"),
              (status = 404, description = "No such customer in the user's account"),
              (status = 422, description = "The cPIN is wrong")))]
pub async fn enrol(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
    Json(form): Json<Enrolment>,
) -> ApiResult<Json<Vec<EnrolOutcome>>> {
    if form.serials.len() > MAX_SERIALS {
        return Err(ApiError::bad_request(format!(
            "an enrolment takes at most {MAX_SERIALS} serial numbers, not {}",
            form.serials.len()
        )));
    }
    let mut tx = state.db.write().await?;
    let customer = visible(&mut tx, &actor, &id).await?;
    enrolment::check_cpin(&customer, &form.cpin)?;

    let parsed: Vec<String> = form
        .serials
        .iter()
        .filter_map(|s| SerialNumber::parse(s).ok())
        .map(|s| s.to_string())
        .collect();
    let mut places = HashMap::new();
    for (serial, tenant) in store::tenants_of(&mut tx, &parsed).await? {
        let place = match &tenant {
            TenantId::Customer(c) if *c == customer.id => EnrolPlace::ThisDashboard,
            TenantId::Holding(p) if *p == customer.partner => EnrolPlace::PartnerHolding,
            TenantId::Customer(c) => match store::customer(&mut tx, c).await? {
                Some(other) if other.partner == customer.partner => {
                    EnrolPlace::OtherCustomerOfPartner
                }
                _ => EnrolPlace::Elsewhere,
            },
            TenantId::Holding(_) => EnrolPlace::Elsewhere,
        };
        places.insert(serial, place);
    }
    let outcomes = enrolment::enrol_outcomes(&form.serials, |s| {
        places
            .get(s.as_str())
            .copied()
            .unwrap_or(EnrolPlace::Elsewhere)
    });
    let moving: Vec<String> = enrolment::enrolled(&form.serials, &outcomes)
        .iter()
        .map(|s| s.to_string())
        .collect();
    if !moving.is_empty() {
        let target = TenantId::Customer(customer.id.clone());
        let (before, _) = store::device_counts(&mut tx, &target).await?;
        let holding = TenantId::Holding(customer.partner.clone());
        let moved = store::move_devices(&mut tx, &holding, &target, &moving).await?;
        store::after_arrival(&mut tx, &target, before, moved).await?;
    }
    tx.commit().await?;
    if !moving.is_empty() {
        state
            .live
            .tell_all(&[Topic::Devices, Topic::Customers], &audience_of(&customer));
    }
    Ok(Json(outcomes))
}
