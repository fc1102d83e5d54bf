//! Extractors whose refusals are the API's JSON errors: a malformed body or
//! path answers a 4xx [`ApiError`] that says what is wrong, never axum's
//! plain-text rejection.

use crate::error::ApiError;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A JSON body, or a JSON error saying why it is not one.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
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

/// Path parameters, or a JSON error saying which one is wrong.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadRequest {
            status: rejection.status(),
            message: format!("the address is wrong: {}", rejection.body_text()),
        }
    }
}
