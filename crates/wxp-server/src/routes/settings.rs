//! A customer's settings: HP Insights collection, and self-service pop-up
//! alerts.

use super::customers::{audience_of, visible};
use super::extract::{Json, Path};
use crate::auth::Actor;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store;
use axum::extract::State;
use axum::http::StatusCode;
use wxp_core::api::{Switch, Topic};
use wxp_core::rules::alerts;
use wxp_core::TenantId;

/// A switch of a customer's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Setting {
    InsightsCollection,
    SelfServiceAlerts,
}

impl Setting {
    fn update(self) -> &'static str {
        match self {
            Setting::InsightsCollection => {
                "UPDATE customers SET insights_collection = $1 WHERE id = $2"
            }
            Setting::SelfServiceAlerts => {
                "UPDATE customers SET self_service_alerts = $1 WHERE id = $2"
            }
        }
    }

    /// What the pages must refresh: insights change what device lists show.
    fn topics(self) -> &'static [Topic] {
        match self {
            Setting::InsightsCollection => &[Topic::Customers, Topic::Devices],
            Setting::SelfServiceAlerts => &[Topic::Customers],
        }
    }
}

async fn change(
    state: AppState,
    actor: Actor,
    id: String,
    setting: Setting,
    enabled: bool,
) -> ApiResult<StatusCode> {
    let mut tx = state.db.write().await?;
    let c = visible(&mut tx, &actor, &id).await?;
    if setting == Setting::SelfServiceAlerts {
        let tenant = TenantId::Customer(c.id.clone());
        let (devices, _) = store::device_counts(&mut tx, &tenant).await?;
        alerts::check_self_service_change(enabled, devices as usize)?;
    }
    sqlx::query(setting.update())
        .bind(enabled)
        .bind(&c.id.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    state.live.tell_all(setting.topics(), &audience_of(&c));
    Ok(StatusCode::NO_CONTENT)
}

/// Turns HP Insights collection of last signed-in user and location on or
/// off.
#[utoipa::path(put, path = "/customers/{id}/settings/insights-collection", tag = "customers",
    params(("id" = String, Path, description = "Customer ID")),
    request_body(content = inline(Object), description = "`{\"enabled\": true}`"),
    responses((status = 204, description = "Changed"),
              (status = 404, description = "No such customer in the user's account")))]
pub async fn set_insights_collection(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
    Json(switch): Json<Switch>,
) -> ApiResult<StatusCode> {
    change(
        state,
        actor,
        id,
        Setting::InsightsCollection,
        switch.enabled,
    )
    .await
}

/// Turns the customer's self-service pop-up alerts on or off (off only once
/// the dashboard has its first PC).
#[utoipa::path(put, path = "/customers/{id}/settings/self-service-alerts", tag = "customers",
    params(("id" = String, Path, description = "Customer ID")),
    request_body(content = inline(Object), description = "`{\"enabled\": false}`"),
    responses((status = 204, description = "Changed"),
              (status = 404, description = "No such customer in the user's account"),
              (status = 422, description = "Not before the dashboard's first PC")))]
pub async fn set_self_service_alerts(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
    Json(switch): Json<Switch>,
) -> ApiResult<StatusCode> {
    change(state, actor, id, Setting::SelfServiceAlerts, switch.enabled).await
}
