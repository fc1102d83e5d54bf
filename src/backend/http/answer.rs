//! The server's answers: JSON on success, nothing on `204 No Content`, an
//! [`ErrorBody`] on every error.

use crate::backend::BackendError;
use gloo_net::http::Response;
use serde::de::DeserializeOwned;
use wxp_core::api::ErrorBody;

/// The JSON of a successful answer.
pub(super) async fn json<T: DeserializeOwned>(
    response: Result<Response, gloo_net::Error>,
) -> Result<T, BackendError> {
    let response = success(response).await?;
    response
        .json()
        .await
        .map_err(|e| BackendError::Unreadable(e.to_string()))
}

/// A successful answer without a body (`204`).
pub(super) async fn empty(response: Result<Response, gloo_net::Error>) -> Result<(), BackendError> {
    success(response).await.map(drop)
}

/// The response if its status is a success, else what went wrong.
async fn success(response: Result<Response, gloo_net::Error>) -> Result<Response, BackendError> {
    let response = response.map_err(|e| BackendError::Transport(e.to_string()))?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    Err(error(status, &text))
}

/// An error answer: its [`ErrorBody`], or its status and text when it has
/// none (a proxy's page).
pub(super) fn error(status: u16, text: &str) -> BackendError {
    match serde_json::from_str::<ErrorBody>(text) {
        Ok(body) => BackendError::from_api(status, body),
        Err(_) => BackendError::from_status(status, text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn error_bodies_are_read_as_the_api_writes_them() {
        let text = r#"{"message":"wrong","reason":{"kind":"wrong_credentials"}}"#;
        assert_eq!(error(401, text), BackendError::WrongCredentials);
        let text = r#"{"message":"wait","reason":{"kind":"too_many_attempts","detail":{"retry_after":12}}}"#;
        assert_eq!(
            error(429, text),
            BackendError::TooManyAttempts { retry_after: 12 }
        );
        assert_eq!(
            error(502, "<html>Bad Gateway</html>"),
            BackendError::Server {
                status: 502,
                message: "<html>Bad Gateway</html>".into()
            }
        );
    }
}
