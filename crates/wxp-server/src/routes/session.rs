//! Signing in and out, and who is signed in.

use super::extract::Json;
use crate::auth::{self, password, session, throttle, Actor};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{self, Conn};
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse};
use wxp_core::api::SignIn;
use wxp_core::engine::{Scope, Session};
use wxp_core::{AccessError, Role, UserId};

/// What a signed-in user works on: their partner account, or their
/// customer's dashboard.
pub async fn session_of(conn: &mut Conn, actor: &Actor) -> ApiResult<Session> {
    let scope = match (actor.role(), &actor.partner) {
        (Role::PartnerAdmin { .. }, Some(partner)) => Scope::Partner(partner.clone()),
        (Role::ItAdmin { customer }, _) => {
            let c = store::customer(conn, customer)
                .await?
                .ok_or_else(|| AccessError::UnknownUser(actor.user.id.clone()))?;
            Scope::Customer(store::summary(conn, c).await?)
        }
        (Role::PartnerAdmin { .. }, None) => {
            return Err(AccessError::UnknownUser(actor.user.id.clone()).into())
        }
    };
    Ok(Session {
        user: actor.user.clone(),
        scope,
    })
}

/// Starts a session for `user` and answers it with its cookie.
pub async fn start_session(
    state: &AppState,
    conn: &mut Conn,
    user: &UserId,
) -> ApiResult<impl IntoResponse> {
    let actor = Actor::load(conn, user)
        .await?
        .ok_or(ApiError::WrongCredentials)?;
    let body = session_of(conn, &actor).await?;
    let token = session::start(conn, user).await?;
    let cookie = session::session_cookie(&token, state.config.secure_cookies);
    Ok((AppendHeaders([(SET_COOKIE, cookie)]), Json(body)))
}

/// Who is signed in.
#[utoipa::path(get, path = "/session", tag = "session",
    responses((status = 200, description = "The signed-in user and what they work on"),
              (status = 401, description = "Nobody is signed in")))]
pub async fn current(State(state): State<AppState>, actor: Actor) -> ApiResult<Json<Session>> {
    let mut conn = state.db.pool().acquire().await?;
    Ok(Json(session_of(&mut conn, &actor).await?))
}

/// Signs in with an e-mail address and password.
#[utoipa::path(post, path = "/session", tag = "session",
    request_body(content = inline(Object), description = "`{\"email\": …, \"password\": …}`"),
    responses((status = 200, description = "Signed in; the session cookie is set"),
              (status = 401, description = "The e-mail address or password is wrong"),
              (status = 429, description = "Too many failed sign-ins for this address")))]
pub async fn sign_in(
    State(state): State<AppState>,
    Json(form): Json<SignIn>,
) -> ApiResult<impl IntoResponse> {
    let key = auth::email_key(&form.email);
    let now = crate::clock::now().0;
    let wait = throttle::pending_wait(&mut *state.db.pool().acquire().await?, &key, now).await?;
    if wait > 0 {
        return Err(ApiError::TooManyAttempts { retry_after: wait });
    }
    let account: Option<(String, String)> = sqlx::query_as(
        "SELECT id, password_hash FROM users WHERE email_key = $1 AND password_hash IS NOT NULL",
    )
    .bind(&key)
    .fetch_optional(state.db.pool())
    .await?;
    let (user, stored) = account.map_or((None, None), |(u, h)| (Some(UserId(u)), Some(h)));
    let matches = password::verify(stored, form.password).await;
    let mut tx = state.db.write().await?;
    let Some(user) = user.filter(|_| matches) else {
        throttle::record_failure(&mut tx, &key, now).await?;
        tx.commit().await?;
        return Err(ApiError::WrongCredentials);
    };
    throttle::clear(&mut tx, &key).await?;
    let response = start_session(&state, &mut tx, &user).await?;
    tx.commit().await?;
    Ok(response)
}

/// Signs out: the session ends on the server, and the cookie is cleared.
#[utoipa::path(delete, path = "/session", tag = "session",
    responses((status = 204, description = "Signed out")))]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> ApiResult<impl IntoResponse> {
    let mut tx = state.db.write().await?;
    let ended = session::end(&mut tx, &headers).await?;
    tx.commit().await?;
    if let Some(hash) = ended {
        state.live.session_ended(hash);
    }
    Ok((
        StatusCode::NO_CONTENT,
        AppendHeaders([(
            SET_COOKIE,
            session::cleared_cookie(state.config.secure_cookies),
        )]),
    ))
}
