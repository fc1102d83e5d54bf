//! Sessions: a random token in an HttpOnly cookie, its hash in the
//! database, and the extractors that resolve a request into who is acting.

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{self, Conn};
use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use wxp_core::api::SESSION_COOKIE;
use wxp_core::{Partner, Role, User, UserId};

/// How long a session lasts, in seconds (7 days).
pub const SESSION_SECONDS: i64 = 7 * 86_400;

/// The signed-in user whose session cookie came with the request, and their
/// partner (none for an IT Admin).
#[derive(Debug, Clone)]
pub struct Actor {
    /// The user.
    pub user: User,
    /// Their partner's record, for a partner admin.
    pub partner: Option<Partner>,
}

impl Actor {
    /// The acting user's role.
    pub fn role(&self) -> &Role {
        &self.user.role
    }

    /// The user and partner of `user`, as the database has them now.
    pub async fn load(conn: &mut Conn, user: &UserId) -> Result<Option<Actor>, sqlx::Error> {
        let Some(user) = store::user(conn, user).await? else {
            return Ok(None);
        };
        let partner = match &user.role {
            Role::PartnerAdmin { partner } => store::partner(conn, partner).await?,
            Role::ItAdmin { .. } => None,
        };
        Ok(Some(Actor { user, partner }))
    }
}

impl FromRequestParts<AppState> for Actor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Actor, ApiError> {
        let token = session_token(&parts.headers).ok_or(ApiError::SignedOut)?;
        let mut conn = state.db.pool().acquire().await?;
        let user: Option<(String,)> = sqlx::query_as(
            "SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(crate::clock::now().0)
        .fetch_optional(&mut *conn)
        .await?;
        let (user,) = user.ok_or(ApiError::SignedOut)?;
        Actor::load(&mut conn, &UserId(user))
            .await?
            .ok_or(ApiError::SignedOut)
    }
}

/// The operator, authenticated by the bearer token the server was started
/// with (`WXP_OPERATOR_TOKEN`). Without one configured, no request is the
/// operator.
pub struct OperatorToken;

impl FromRequestParts<AppState> for OperatorToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let expected = state
            .config
            .operator_token
            .as_deref()
            .ok_or(ApiError::SignedOut)?;
        let given = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::SignedOut)?;
        // Compare hashes: equal-length inputs, so the time taken says
        // nothing about how much of the token was right.
        if token_hash(given) == token_hash(expected) {
            Ok(OperatorToken)
        } else {
            Err(ApiError::SignedOut)
        }
    }
}

/// A new random session token (256 bits, hex).
pub fn new_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(format!("no randomness: {e}")))?;
    Ok(hex(&bytes))
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The session token of the request's cookie, if any.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// The `Set-Cookie` value that starts a session: HttpOnly (no script reads
/// it), SameSite=Strict (no other site sends it), Secure over HTTPS.
pub fn session_cookie(token: &str, secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={SESSION_SECONDS}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that ends it in the browser.
pub fn cleared_cookie(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Starts a session for `user`; returns the cookie's token.
pub async fn start(conn: &mut Conn, user: &UserId) -> Result<String, ApiError> {
    let token = new_token()?;
    let now = crate::clock::now().0;
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(&user.0)
    .bind(now)
    .bind(now + SESSION_SECONDS)
    .execute(conn)
    .await?;
    Ok(token)
}

/// Ends the session of the request's cookie, if any; returns its token's
/// hash.
pub async fn end(conn: &mut Conn, headers: &HeaderMap) -> Result<Option<String>, sqlx::Error> {
    let Some(token) = session_token(headers) else {
        return Ok(None);
    };
    let hash = token_hash(token);
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(&hash)
        .execute(conn)
        .await?;
    Ok(Some(hash))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("theme=dark; wxp_session=abc123; lang=it"),
        );
        assert_eq!(session_token(&headers), Some("abc123"));
        headers.insert(COOKIE, HeaderValue::from_static("wxp_session="));
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_secure_over_https() {
        let plain = session_cookie("t", false);
        assert!(plain.contains("HttpOnly") && plain.contains("SameSite=Strict"));
        assert!(!plain.contains("Secure"));
        assert!(session_cookie("t", true).ends_with("; Secure"));
        assert!(cleared_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
