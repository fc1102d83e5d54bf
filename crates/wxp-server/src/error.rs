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

    fn status(&self) -> StatusCode {
        match self {
            ApiError::Domain(ErrorReason::Access(access)) => match access {
                AccessError::UnknownUser(_) => StatusCode::UNAUTHORIZED,
                AccessError::PartnersOnly | AccessError::SetupIncomplete(_) => {
                    StatusCode::FORBIDDEN
                }
                AccessError::CustomerNotAvailable(_)
                | AccessError::NoSuchTransfer(_)
                | AccessError::NoSuchHoldingTenant(_) => StatusCode::NOT_FOUND,
            },
            ApiError::Domain(ErrorReason::Alert(AlertError::NoSuchAlert(_)))
            | ApiError::Domain(ErrorReason::Alert(AlertError::DeviceNotFound(_))) => {
                StatusCode::NOT_FOUND
            }
            ApiError::Domain(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::SignedOut | ApiError::WrongCredentials => StatusCode::UNAUTHORIZED,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::BadRequest { status, .. } => *status,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Database(e) if busy(e) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Database(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> ErrorBody {
        let (message, reason) = match self {
            ApiError::Domain(reason) => (domain_message(reason), reason.clone()),
            ApiError::SignedOut => (
                "nobody is signed in, or the session has ended; sign in again".to_owned(),
                ErrorReason::SignedOut,
            ),
            ApiError::WrongCredentials => (
                "the e-mail address or password is wrong".to_owned(),
                ErrorReason::WrongCredentials,
            ),
            ApiError::TooManyAttempts { retry_after } => (
                format!("too many failed sign-ins for this address; try again in {retry_after} s"),
                ErrorReason::TooManyAttempts {
                    retry_after: *retry_after,
                },
            ),
            ApiError::BadRequest { message, .. } => (message.clone(), ErrorReason::BadRequest),
            ApiError::NotFound(what) => (what.clone(), ErrorReason::NotFound),
            ApiError::Database(e) if busy(e) => (
                "the server is busy; nothing was changed, try again".to_owned(),
                ErrorReason::Server,
            ),
            ApiError::Database(_) | ApiError::Internal(_) => (
                "the server failed; nothing was changed".to_owned(),
                ErrorReason::Server,
            ),
        };
        ErrorBody { message, reason }
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

fn domain_message(reason: &ErrorReason) -> String {
    match reason {
        ErrorReason::Access(e) => e.to_string(),
        ErrorReason::Submit(e) => e.to_string(),
        ErrorReason::Dashboard(e) => e.to_string(),
        ErrorReason::Alert(e) => e.to_string(),
        ErrorReason::Case(e) => e.to_string(),
        other => format!("{other:?}"),
    }
}

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

impl From<AccessError> for ApiError {
    fn from(e: AccessError) -> Self {
        ApiError::Domain(ErrorReason::Access(e))
    }
}

/// Each refusal keeps its own reason, but one that is about access answers
/// as every access refusal does (the same 404 whatever the operation).
macro_rules! domain_error {
    ($($error:ident => $variant:ident),* $(,)?) => {$(
        impl From<$error> for ApiError {
            fn from(e: $error) -> Self {
                match e {
                    $error::Access(access) => access.into(),
                    other => ApiError::Domain(ErrorReason::$variant(other)),
                }
            }
        }
    )*};
}
domain_error!(
    SubmitError => Submit,
    DashboardError => Dashboard,
    AlertError => Alert,
    CaseError => Case,
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
