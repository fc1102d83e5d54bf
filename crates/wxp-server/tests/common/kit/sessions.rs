//! Sessions held by their token, not by a cookie jar: a test can send the
//! cookie over a bare socket, and end one session in the database without
//! touching any other.

use crate::common::TestServer;
use reqwest::header::{HeaderMap, HeaderValue, COOKIE, SET_COOKIE};
use reqwest::{Client, StatusCode};
use serde_json::json;
use wxp_core::api::SESSION_COOKIE;

/// Signs in as the demo account `user`; returns the session's token.
pub async fn demo_token(server: &TestServer, user: &str) -> String {
    let r = Client::new()
        .post(server.url("/api/v1/demo/session"))
        .json(&json!({ "user": user }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "demo sign-in as {user}");
    let cookie = r
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{SESSION_COOKIE}=")))
        .expect("a session cookie");
    cookie.split(';').next().unwrap().to_owned()
}

/// The `Cookie` header value of a session.
pub fn cookie(token: &str) -> String {
    format!("{SESSION_COOKIE}={token}")
}

/// A client that sends this session's cookie, whatever it is answered
/// (no cookie jar: a response cannot change who it is).
pub fn client_of(token: Option<&str>) -> Client {
    let mut headers = HeaderMap::new();
    if let Some(token) = token {
        headers.insert(COOKIE, HeaderValue::from_str(&cookie(token)).unwrap());
    }
    Client::builder().default_headers(headers).build().unwrap()
}

/// Ends this one session in the database, as time would.
pub async fn expire(server: &TestServer, token: &str) {
    let ended = sqlx::query("UPDATE sessions SET expires_at = 0 WHERE token_hash = $1")
        .bind(wxp_server::auth::session::token_hash(token))
        .execute(server.state.db.pool())
        .await
        .expect("the session is expired")
        .rows_affected();
    assert_eq!(ended, 1, "exactly this session ended");
}
