//! A request whose transaction lost a race runs again, and a request is
//! never stopped half-way.
//!
//! On PostgreSQL every write transaction is SERIALIZABLE: when two
//! concurrent requests would not give the same result as one after the
//! other, one of them fails with SQLSTATE 40001 and nothing of it is kept.
//! Its handler answers with [`RunAgain`] and this layer runs the whole
//! request again, from a copy of its body, so that it reads the facts
//! afresh; the client sees one answer. Handlers keep their plain
//! transaction code, and no handler can forget to retry.
//!
//! Each attempt also runs to its end even when the client disconnects.

use crate::error::{ApiError, RunAgain};
use crate::store::retry::{backoff, ATTEMPTS};
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Runs a request, and again while its transaction lost a race.
pub async fn run_again(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let body = match to_bytes(body, super::MAX_BODY).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return ApiError::BadRequest {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                message: format!(
                    "the request body is larger than {} MB",
                    super::MAX_BODY / (1024 * 1024)
                ),
            }
            .into_response()
        }
    };
    let mut attempt = 1;
    loop {
        let request = Request::from_parts(parts.clone(), Body::from(body.clone()));
        // The handler runs in a task of its own: a client that goes away
        // (a page navigating, a tab closing) drops this future, and must
        // not stop a transaction half-way: it runs to its end, committed
        // or rolled back, and its connection goes back to the pool clean.
        let response = match tokio::spawn(next.clone().run(request)).await {
            Ok(response) => response,
            Err(_) => return ApiError::Internal("a handler panicked".to_owned()).into_response(),
        };
        if response.extensions().get::<RunAgain>().is_none() || attempt >= ATTEMPTS {
            return response;
        }
        tokio::time::sleep(backoff(attempt)).await;
        attempt += 1;
    }
}
