//! Extractors whose refusals are the API's JSON errors: a malformed body or
//! path answers a 4xx [`ApiError`] that says what is wrong, never axum's
//! plain-text rejection.
//!
//! Every text a client sends, in a JSON body or in the address, is held to
//! the domain's text rule (`wxp_core::rules::text`) before a handler sees
//! it: a control character, NUL included (which PostgreSQL cannot store),
//! or a mark that reorders text is refused with a 400 naming the field, so
//! no such text ever reaches the database.

use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wxp_core::rules::text::{self, TextKind};

/// A JSON body whose texts keep the text rule, or a JSON error saying why
/// it is not one.
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        if !json_content_type(request.headers()) {
            return Err(ApiError::BadRequest {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                message: "the request body is not what this route takes: \
                          expected a body with `Content-Type: application/json`"
                    .to_owned(),
            });
        }
        let bytes = body_bytes(request, state).await?;
        // The text rule reads the body as sent, before the typed parse: a
        // serial number with a NUL is refused as a text, whatever its type.
        // A body that is not JSON at all gets the typed parse's message.
        if let Ok(body) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            text::check_json(&body)
                .map_err(|e| ApiError::bad_request(format!("the request body is refused: {e}")))?;
        }
        let axum::Json(value) = axum::Json::<T>::from_bytes(&bytes)?;
        Ok(Json(value))
    }
}

/// Whether the request says its body is JSON (`application/json`, or any
/// `application/…+json`), as axum's own extractor decides.
fn json_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let essence = essence.to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|subtype| subtype.ends_with("+json"))
}

/// The whole body, within the API's size limit; a JSON 413 beyond it.
async fn body_bytes<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| ApiError::BadRequest {
            status: rejection.status(),
            message: format!("the request body cannot be read: {}", rejection.body_text()),
        })
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::BadRequest {
            status: rejection.status(),
            message: format!(
                "the request body is not what this route takes: {}",
                rejection.body_text()
            ),
        }
    }
}

/// A plain-text body (UTF-8, within the API's size limit), or a JSON error
/// saying why it is not one. Its text rule is the route's to apply.
pub struct Text(pub String);

impl<S: Send + Sync> FromRequest<S> for Text {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = body_bytes(request, state).await?;
        String::from_utf8(bytes.into())
            .map(Text)
            .map_err(|e| ApiError::bad_request(format!("the request body is not UTF-8 text: {e}")))
    }
}

/// Path parameters, or a JSON error saying which one is wrong. Each holds
/// one line of text, as every identifier does.
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let raw = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|rejection| ApiError::BadRequest {
                status: rejection.status(),
                message: format!("the address is wrong: {}", rejection.body_text()),
            })?;
        for (name, value) in &raw {
            text::check(TextKind::Line, value).map_err(|problem| {
                ApiError::bad_request(format!("the address is wrong: its `{name}` {problem}"))
            })?;
        }
        let axum::extract::Path(value) =
            axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(Path(value))
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadRequest {
            status: rejection.status(),
            message: format!("the address is wrong: {}", rejection.body_text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::HeaderValue;

    async fn json<T: DeserializeOwned>(content_type: &str, body: &str) -> Result<T, ApiError> {
        let request = Request::builder()
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body.to_owned()))
            .unwrap();
        Json::<T>::from_request(request, &()).await.map(|Json(v)| v)
    }

    fn refusal(e: ApiError) -> (StatusCode, String) {
        match e {
            ApiError::BadRequest { status, message } => (status, message),
            other => panic!("not a bad request: {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_text_that_breaks_the_rule_is_a_400_naming_its_field() {
        type Body = std::collections::BTreeMap<String, Vec<String>>;
        let (status, message) = refusal(
            json::<Body>("application/json", r#"{"serials": ["ok", "a\u0000"]}"#)
                .await
                .unwrap_err(),
        );
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(message.contains("`serials[1]` holds U+0000"), "{message}");
        assert!(
            json::<Body>("application/json", r#"{"serials": ["O'Brien; --"]}"#)
                .await
                .is_ok()
        );
    }

    #[tokio::test]
    async fn the_typed_parse_still_speaks_for_other_mistakes() {
        let (status, message) = refusal(
            json::<Vec<u8>>("application/json", "[1,")
                .await
                .unwrap_err(),
        );
        assert_eq!(status, StatusCode::BAD_REQUEST, "{message}");
        let (status, _) = refusal(
            json::<Vec<u8>>("application/json", r#"["x"]"#)
                .await
                .unwrap_err(),
        );
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = refusal(json::<Vec<u8>>("text/plain", "[1]").await.unwrap_err());
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(
            json::<Vec<u8>>("application/problem+json; charset=utf-8", "[1]")
                .await
                .unwrap(),
            vec![1]
        );
    }

    #[test]
    fn only_json_content_types_are_json() {
        let is_json = |v: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(v));
            json_content_type(&headers)
        };
        assert!(is_json("application/json"));
        assert!(is_json("Application/JSON; charset=utf-8"));
        assert!(is_json("application/vnd.api+json"));
        assert!(!is_json("text/json"));
        assert!(!is_json("application/jsonp"));
        assert!(!json_content_type(&HeaderMap::new()));
    }
}
