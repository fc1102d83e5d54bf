//! The API's errors: why a request was refused ([`ErrorReason`]), the HTTP
//! status that answers each reason, and the body every error travels in
//! ([`ErrorBody`]).
//!
//! The mapping lives here, once, for every backend that answers the API:
//! the server (`wxp-server`'s `error.rs`) and the in-browser backend
//! ([`crate::local_api`]) answer the same refusal with the same status and
//! the same words.

use crate::engine::{AlertError, CaseError, DashboardError, SubmitError};
use crate::AccessError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The body of every error the API answers: what went wrong, in English,
/// and the machine-readable reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong, for a person reading the response.
    pub message: String,
    /// Why, for the client to word it in the user's language.
    pub reason: ErrorReason,
}

/// Why the API refused a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum ErrorReason {
    /// The domain refused: the user may not see or do this (403/404).
    Access(AccessError),
    /// A transfer was refused before it was queued (422).
    Submit(SubmitError),
    /// A dashboard change was refused (422).
    Dashboard(DashboardError),
    /// An alert operation was refused (422).
    Alert(AlertError),
    /// A support case was refused (422).
    Case(CaseError),
    /// Nobody is signed in, or the session ended (401).
    SignedOut,
    /// The e-mail address or password is wrong (401).
    WrongCredentials,
    /// Too many failed sign-ins; try again after this many seconds (429).
    TooManyAttempts {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// The request itself is malformed: bad JSON, wrong types, unknown
    /// fields, a bad path parameter (400, 413, 415, 422).
    BadRequest,
    /// No such route or resource (404).
    NotFound,
    /// The server is in trouble; nothing was changed (500, 503).
    Server,
}

/// HTTP statuses, by name, as the API uses them.
pub mod status {
    /// 200: the answer is the body.
    pub const OK: u16 = 200;
    /// 204: done, nothing to say.
    pub const NO_CONTENT: u16 = 204;
    /// 400: the request is malformed.
    pub const BAD_REQUEST: u16 = 400;
    /// 401: nobody is signed in, or the credentials are wrong.
    pub const UNAUTHORIZED: u16 = 401;
    /// 403: not for this user's role.
    pub const FORBIDDEN: u16 = 403;
    /// 404: not there, or not yours: the same answer either way.
    pub const NOT_FOUND: u16 = 404;
    /// 405: the route exists, with other methods.
    pub const METHOD_NOT_ALLOWED: u16 = 405;
    /// 413: the body is larger than the API takes.
    pub const PAYLOAD_TOO_LARGE: u16 = 413;
    /// 422: well-formed, but refused.
    pub const UNPROCESSABLE_ENTITY: u16 = 422;
    /// 429: too many sign-ins.
    pub const TOO_MANY_REQUESTS: u16 = 429;
    /// 500: the backend failed.
    pub const INTERNAL_SERVER_ERROR: u16 = 500;
}

impl ErrorReason {
    /// The HTTP status that answers this reason: 401 signed out (or an
    /// account that no longer exists), 403 partners only, 404 not yours or
    /// not there, 422 refused by a rule, 429 too many sign-ins. A malformed
    /// request is 400 here; the server may answer it 413, 415 or 422 when
    /// its body is too large, not JSON, or of the wrong shape.
    pub fn status(&self) -> u16 {
        match self {
            ErrorReason::Access(access) => match access {
                AccessError::UnknownUser(_) => status::UNAUTHORIZED,
                AccessError::PartnersOnly | AccessError::SetupIncomplete(_) => status::FORBIDDEN,
                AccessError::CustomerNotAvailable(_)
                | AccessError::NoSuchTransfer(_)
                | AccessError::NoSuchHoldingTenant(_) => status::NOT_FOUND,
            },
            ErrorReason::Alert(AlertError::NoSuchAlert(_) | AlertError::DeviceNotFound(_)) => {
                status::NOT_FOUND
            }
            ErrorReason::Submit(_)
            | ErrorReason::Dashboard(_)
            | ErrorReason::Alert(_)
            | ErrorReason::Case(_) => status::UNPROCESSABLE_ENTITY,
            ErrorReason::SignedOut | ErrorReason::WrongCredentials => status::UNAUTHORIZED,
            ErrorReason::TooManyAttempts { .. } => status::TOO_MANY_REQUESTS,
            ErrorReason::BadRequest => status::BAD_REQUEST,
            ErrorReason::NotFound => status::NOT_FOUND,
            ErrorReason::Server => status::INTERNAL_SERVER_ERROR,
        }
    }

    /// What went wrong, in English: the domain's own words for its
    /// refusals, and the API's for the others. A malformed request or a
    /// missing route is better said by [`ErrorBody::bad_request`] and
    /// [`ErrorBody::not_found`], which say what exactly.
    pub fn message(&self) -> String {
        match self {
            ErrorReason::Access(e) => e.to_string(),
            ErrorReason::Submit(e) => e.to_string(),
            ErrorReason::Dashboard(e) => e.to_string(),
            ErrorReason::Alert(e) => e.to_string(),
            ErrorReason::Case(e) => e.to_string(),
            ErrorReason::SignedOut => {
                "nobody is signed in, or the session has ended; sign in again".to_owned()
            }
            ErrorReason::WrongCredentials => "the e-mail address or password is wrong".to_owned(),
            ErrorReason::TooManyAttempts { retry_after } => {
                format!("too many failed sign-ins for this address; try again in {retry_after} s")
            }
            ErrorReason::BadRequest => "the request is malformed".to_owned(),
            ErrorReason::NotFound => "there is no such thing here".to_owned(),
            ErrorReason::Server => "the server failed; nothing was changed".to_owned(),
        }
    }
}

impl ErrorBody {
    /// A malformed request (400, or the status the caller answers it with),
    /// saying what is wrong.
    pub fn bad_request(message: impl Into<String>) -> ErrorBody {
        ErrorBody {
            message: message.into(),
            reason: ErrorReason::BadRequest,
        }
    }

    /// No such route or resource (404), saying which.
    pub fn not_found(message: impl Into<String>) -> ErrorBody {
        ErrorBody {
            message: message.into(),
            reason: ErrorReason::NotFound,
        }
    }

    /// The API's answer to "there is no route here": the path named as the
    /// page asked for it, under the API base.
    pub fn no_such_route(path: &str) -> ErrorBody {
        ErrorBody::not_found(format!("there is no API route {path}"))
    }

    /// The API's answer (405) to a method a route does not take.
    pub fn method_not_allowed(method: &str, path: &str) -> ErrorBody {
        ErrorBody::bad_request(format!("the API route {path} does not take {method}"))
    }
}

impl From<ErrorReason> for ErrorBody {
    /// The body of a refusal, in the reason's own words.
    fn from(reason: ErrorReason) -> ErrorBody {
        ErrorBody {
            message: reason.message(),
            reason,
        }
    }
}

impl fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<AccessError> for ErrorReason {
    fn from(e: AccessError) -> Self {
        ErrorReason::Access(e)
    }
}

/// Each refusal keeps its own reason, but one that is about access answers
/// as every access refusal does (the same 404 whatever the operation).
macro_rules! domain_reason {
    ($($error:ident => $variant:ident),* $(,)?) => {$(
        impl From<$error> for ErrorReason {
            fn from(e: $error) -> Self {
                match e {
                    $error::Access(access) => ErrorReason::Access(access),
                    other => ErrorReason::$variant(other),
                }
            }
        }
    )*};
}
domain_reason!(
    SubmitError => Submit,
    DashboardError => Dashboard,
    AlertError => Alert,
    CaseError => Case,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{AlertId, JobId};
    use crate::{CustomerId, PartnerId, UserId};

    #[test]
    fn each_refusal_has_its_status() {
        let cases: Vec<(ErrorReason, u16)> = vec![
            (AccessError::UnknownUser(UserId("u".into())).into(), 401),
            (AccessError::PartnersOnly.into(), 403),
            (
                AccessError::SetupIncomplete(PartnerId("P".into())).into(),
                403,
            ),
            (
                AccessError::CustomerNotAvailable(CustomerId::from_bits(7)).into(),
                404,
            ),
            (AccessError::NoSuchTransfer(JobId(1)).into(), 404),
            (
                AccessError::NoSuchHoldingTenant(PartnerId("P".into())).into(),
                404,
            ),
            (AlertError::NoSuchAlert(AlertId(1)).into(), 404),
            (AlertError::DeviceNotFound("x".into()).into(), 404),
            (AlertError::NoPopUp.into(), 422),
            (SubmitError::NoRows.into(), 422),
            (DashboardError::WrongCpin.into(), 422),
            (CaseError::EmptySubject.into(), 422),
            (ErrorReason::SignedOut, 401),
            (ErrorReason::WrongCredentials, 401),
            (ErrorReason::TooManyAttempts { retry_after: 2 }, 429),
            (ErrorReason::BadRequest, 400),
            (ErrorReason::NotFound, 404),
            (ErrorReason::Server, 500),
        ];
        for (reason, expected) in cases {
            assert_eq!(reason.status(), expected, "{reason:?}");
        }
    }

    #[test]
    fn an_access_refusal_answers_as_one_whatever_the_operation() {
        let nested = SubmitError::Access(AccessError::PartnersOnly);
        assert_eq!(
            ErrorReason::from(nested),
            ErrorReason::Access(AccessError::PartnersOnly)
        );
        let body = ErrorBody::from(ErrorReason::from(AccessError::CustomerNotAvailable(
            CustomerId::from_bits(7),
        )));
        assert_eq!(
            body.message,
            "there is no customer CUS-00000007 in your account"
        );
        assert_eq!(
            serde_json::to_value(&body).unwrap()["reason"]["kind"],
            "access"
        );
    }

    #[test]
    fn a_missing_route_is_named() {
        let body = ErrorBody::no_such_route("/api/v1/nothing");
        assert_eq!(body.message, "there is no API route /api/v1/nothing");
        assert_eq!(body.reason, ErrorReason::NotFound);
        assert_eq!(body.reason.status(), 404);
    }
}
