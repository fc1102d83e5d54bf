//! Demo-only operations: the demo accounts, one-click sign-in, and
//! resetting the data. Outside demo mode none of these routes exist (404).

use super::extract::Json;
use super::session::start_session;
use crate::error::{ApiError, ApiResult};
use crate::live::Audience;
use crate::state::AppState;
use crate::store;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use wxp_core::api::{DemoSignIn, Topic};
use wxp_core::engine::{Account, AccountKind};
use wxp_core::seed::DemoConfig;
use wxp_core::Role;

fn demo_only(state: &AppState) -> ApiResult<()> {
    if state.config.demo {
        Ok(())
    } else {
        Err(ApiError::NotFound(
            "demo operations exist only when the server runs in demo mode".to_owned(),
        ))
    }
}

/// The demo accounts, as the sign-in page lists them (not the accounts
/// with a password).
#[utoipa::path(get, path = "/demo/accounts", tag = "demo",
    responses((status = 200, description = "Every demo account"),
              (status = 404, description = "Not in demo mode")))]
pub async fn accounts(State(state): State<AppState>) -> ApiResult<Json<Vec<Account>>> {
    demo_only(&state)?;
    let mut tx = state.db.read().await?;
    let mut accounts = Vec::new();
    for user in store::demo_users(&mut tx).await? {
        let (organisation, kind) = match &user.role {
            Role::PartnerAdmin { partner } => {
                let Some(p) = store::partner(&mut tx, partner).await? else {
                    continue;
                };
                (
                    p.name,
                    AccountKind::Partner {
                        kind: p.kind,
                        setup_complete: p.setup_complete,
                    },
                )
            }
            Role::ItAdmin { customer } => {
                let Some(c) = store::customer(&mut tx, customer).await? else {
                    continue;
                };
                (c.name, AccountKind::Customer)
            }
        };
        accounts.push(Account {
            user,
            organisation,
            kind,
        });
    }
    Ok(Json(accounts))
}

/// Signs in as a demo account with one click (never as an account with a
/// password).
#[utoipa::path(post, path = "/demo/session", tag = "demo",
    request_body(content = inline(Object), description = "`{\"user\": \"u-alpine-admin\"}`"),
    responses((status = 200, description = "Signed in; the session cookie is set"),
              (status = 401, description = "No such account"),
              (status = 404, description = "Not in demo mode")))]
pub async fn sign_in(
    State(state): State<AppState>,
    Json(form): Json<DemoSignIn>,
) -> ApiResult<impl IntoResponse> {
    demo_only(&state)?;
    let mut tx = state.db.write().await?;
    // One click never opens an account that has a password.
    if store::demo_user(&mut tx, &form.user).await?.is_none() {
        return Err(ApiError::WrongCredentials);
    }
    let response = start_session(&state, &mut tx, &form.user).await?;
    tx.commit().await?;
    Ok(response)
}

/// What the demo data was seeded from.
#[utoipa::path(get, path = "/demo/config", tag = "demo",
    responses((status = 200, description = "The demo configuration"),
              (status = 404, description = "Not in demo mode")))]
pub async fn config(State(state): State<AppState>) -> ApiResult<Json<DemoConfig>> {
    demo_only(&state)?;
    Ok(Json(
        crate::seed::config(&mut *state.db.pool().acquire().await?).await?,
    ))
}

/// Replaces every demo change by the seed of the configuration given.
#[utoipa::path(post, path = "/demo/reset", tag = "demo",
    request_body(content = inline(Object), description = "`{\"seed\": 2026, \"size\": \"Standard\"}`"),
    responses((status = 204, description = "The demo data is the seed again"),
              (status = 404, description = "Not in demo mode")))]
pub async fn reset(
    State(state): State<AppState>,
    Json(config): Json<DemoConfig>,
) -> ApiResult<impl IntoResponse> {
    demo_only(&state)?;
    let mut tx = state.db.write().await?;
    crate::seed::reset(&mut tx, config).await?;
    tx.commit().await?;
    state.db.after_bulk_load().await?;
    state.live.tell_all(&Topic::ALL, &Audience::Everyone);
    Ok(StatusCode::NO_CONTENT)
}
