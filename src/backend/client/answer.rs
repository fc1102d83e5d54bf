//! The backend's answers: JSON on success, nothing on `204 No Content`, an
//! [`ErrorBody`](wxp_core::api::ErrorBody) on every error.

use super::json_list;
use super::transport::Answer;
use crate::backend::BackendError;
use serde::de::DeserializeOwned;

/// The JSON of a successful answer.
pub(crate) fn json<T: DeserializeOwned>(answer: Answer) -> Result<T, BackendError> {
    let body = success(answer)?;
    serde_json::from_str(&body).map_err(|e| BackendError::Unreadable(e.to_string()))
}

/// The JSON array of a successful answer, decoded a slice at a time with
/// the page free in between: for long lists.
pub(crate) async fn json_list<T: DeserializeOwned>(answer: Answer) -> Result<Vec<T>, BackendError> {
    let body = success(answer)?;
    json_list::decode(&body, json_list::PER_SLICE, crate::browser::yield_to_page)
        .await
        .map_err(|e| BackendError::Unreadable(e.to_string()))
}

/// A successful answer without a body (`204`).
pub(crate) fn empty(answer: Answer) -> Result<(), BackendError> {
    success(answer).map(drop)
}

/// The body if the status is a success, else what went wrong.
fn success(answer: Answer) -> Result<String, BackendError> {
    if (200..300).contains(&answer.status) {
        Ok(answer.body)
    } else {
        Err(BackendError::from_answer(answer.status, &answer.body))
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
        assert_eq!(
            BackendError::from_answer(401, text),
            BackendError::WrongCredentials
        );
        let text = r#"{"message":"wait","reason":{"kind":"too_many_attempts","detail":{"retry_after":12}}}"#;
        assert_eq!(
            BackendError::from_answer(429, text),
            BackendError::TooManyAttempts { retry_after: 12 }
        );
        assert_eq!(
            BackendError::from_answer(502, "<html>Bad Gateway</html>"),
            BackendError::Server {
                status: 502,
                message: "<html>Bad Gateway</html>".into()
            }
        );
    }
}
