//! The server's one error type, and how each maps to an HTTP status with an
//! [`ErrorBody`] the client can read.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use wxp_core::api::{ErrorBody, ErrorReason};
use wxp_core::engine::{AlertError, CaseError, DashboardError, SubmitError};
use wxp_core::AccessError;

/// Everything a handler can answer instead of its value.
#[derive(Debug)]
pub enum ApiError {
    /// The domain refused; the reason travels as it is.
    Domain(ErrorReason),
    /// Nobody is signed in.
    SignedOut,
    /// Wrong e-mail or password.
    WrongCredentials,
    /// Too many failed sign-ins for this address.
    TooManyAttempts {
        /// Seconds until the next attempt is heard.
        retry_after: u64,
    },
    /// The request is malformed; the text says where.
    BadRequest {
        /// The status: 400, 413, 415 or 422.
        status: StatusCode,
        /// What is wrong.
        message: String,
    },
    /// No such route or resource.
    NotFound(String),
    /// The database failed; nothing was changed.
    Database(sqlx::Error),
    /// Something the server should never meet.
    Internal(String),
}

/// What handlers return.
pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// A 400 saying what is wrong.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// The refusal this error is, when the domain's mapping answers it
    /// (`wxp_core::api`): the same status and words as the in-browser
    /// backend's.
    fn reason(&self) -> Option<ErrorReason> {
        match self {
            ApiError::Domain(reason) => Some(reason.clone()),
            ApiError::SignedOut => Some(ErrorReason::SignedOut),
            ApiError::WrongCredentials => Some(ErrorReason::WrongCredentials),
            ApiError::TooManyAttempts { retry_after } => Some(ErrorReason::TooManyAttempts {
                retry_after: *retry_after,
            }),
            ApiError::BadRequest { .. }
            | ApiError::NotFound(_)
            | ApiError::Database(_)
            | ApiError::Internal(_) => None,
        }
    }

    fn status(&self) -> StatusCode {
        if let Some(reason) = self.reason() {
            return StatusCode::from_u16(reason.status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        }
        match self {
            ApiError::BadRequest { status, .. } => *status,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Database(e) if busy(e) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> ErrorBody {
        if let Some(reason) = self.reason() {
            return ErrorBody::from(reason);
        }
        match self {
            ApiError::BadRequest { message, .. } => ErrorBody::bad_request(message.clone()),
            ApiError::NotFound(what) => ErrorBody::not_found(what.clone()),
            ApiError::Database(e) if busy(e) => ErrorBody {
                message: "the server is busy; nothing was changed, try again".to_owned(),
                reason: ErrorReason::Server,
            },
            _ => ErrorBody::from(ErrorReason::Server),
        }
    }
}

/// A database failure that running the request again may cure: the pool
/// was exhausted, or the transaction lost a race with another one.
fn busy(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::PoolTimedOut) || crate::store::is_retryable(e)
}

/// Marks a response whose request lost a race in the database and ran
/// nothing: the router runs it again (`routes::retry`).
#[derive(Debug, Clone, Copy)]
pub struct RunAgain;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Database(e) => tracing::error!("database: {e}"),
            ApiError::Internal(e) => tracing::error!("internal: {e}"),
            _ => {}
        }
        let mut response = (self.status(), Json(self.body())).into_response();
        if matches!(&self, ApiError::Database(e) if crate::store::is_retryable(e)) {
            response.extensions_mut().insert(RunAgain);
        }
        if let ApiError::TooManyAttempts { retry_after } = self {
            if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::Database(e)
    }
}

/// Each refusal keeps its own reason, but one that is about access answers
/// as every access refusal does (`wxp_core::api::ErrorReason`'s `From`).
macro_rules! domain_error {
    ($($error:ident),* $(,)?) => {$(
        impl From<$error> for ApiError {
            fn from(e: $error) -> Self {
                ApiError::Domain(e.into())
            }
        }
    )*};
}
domain_error!(
    AccessError,
    SubmitError,
    DashboardError,
    AlertError,
    CaseError
);

#[cfg(test)]
mod tests {
    use super::*;
    use wxp_core::CustomerId;

    #[test]
    fn another_tenants_customer_is_not_found() {
        let e = ApiError::from(AccessError::CustomerNotAvailable(CustomerId::from_bits(7)));
        assert_eq!(e.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            e.body().message,
            "there is no customer CUS-00000007 in your account"
        );
    }

    #[test]
    fn a_busy_pool_is_503_and_says_nothing_changed() {
        let e = ApiError::from(sqlx::Error::PoolTimedOut);
        assert_eq!(e.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(e.body().message.contains("nothing was changed"));
    }
}
