//! What can go wrong when asking the backend.

use std::fmt;
use wxp_core::api::{ErrorBody, ErrorReason};
use wxp_core::engine::{AlertError, CaseError, DashboardError, SubmitError};
use wxp_core::ids::CustomerIdError;
use wxp_core::AccessError;

/// An error from a backend call.
#[derive(Debug, Clone, PartialEq)]
pub enum BackendError {
    /// The backend refused: the user may not see or do this.
    Access(AccessError),
    /// The backend could not be reached.
    Transport(String),
    /// The in-browser backend could not start in this browser (its worker
    /// failed to load, or the browser has no workers): what went wrong.
    NotStarted(String),
    /// The backend answered something that is not what was asked for.
    Unreadable(String),
    /// Nobody is signed in, or the session ended.
    SignedOut,
    /// The e-mail address or password is wrong.
    WrongCredentials,
    /// Too many failed sign-ins: the next try is refused for a while.
    TooManyAttempts {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// This backend has no passwords (the in-browser demo): sign in with a
    /// demo account.
    NoPasswords,
    /// The server could not make sense of the request (what it said).
    BadRequest(String),
    /// The server has no such page or item (what it said).
    NotFound(String),
    /// The server answered with an error status.
    Server {
        /// The HTTP status.
        status: u16,
        /// What it said.
        message: String,
    },
    /// The backend refused a support case.
    Case(CaseError),
    /// The backend refused an alert operation.
    Alert(AlertError),
    /// The backend refused a dashboard change.
    Dashboard(DashboardError),
    /// The backend refused a transfer before queueing it.
    Submit(SubmitError),
    /// The page's address does not name a customer.
    Address(CustomerIdError),
    /// The browser could not keep the change (e.g. storage full).
    Storage(String),
}

/// Writes an engine message, which reads as part of a sentence ("the cPIN
/// is …"), as a sentence of its own, with `end` after it.
fn sentence(f: &mut fmt::Formatter<'_>, message: &dyn fmt::Display, end: &str) -> fmt::Result {
    let text = message.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => write!(f, "{}{}{end}", first.to_uppercase(), chars.as_str()),
        None => Ok(()),
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Access(e) => sentence(f, e, ""),
            BackendError::Transport(m) => write!(f, "The server could not be reached: {m}"),
            BackendError::NotStarted(m) => {
                write!(f, "The in-browser backend could not start: {m}")
            }
            BackendError::Unreadable(m) => write!(f, "The server's answer could not be read: {m}"),
            BackendError::SignedOut => write!(f, "You are signed out: sign in again."),
            BackendError::WrongCredentials => {
                write!(f, "The e-mail address or password is wrong.")
            }
            BackendError::TooManyAttempts { retry_after } => write!(
                f,
                "Too many attempts to sign in: wait {retry_after} seconds and try again."
            ),
            BackendError::NoPasswords => write!(
                f,
                "This demo has no passwords: sign in with one of the demo accounts."
            ),
            BackendError::BadRequest(m) => write!(f, "The server refused the request: {m}"),
            BackendError::NotFound(m) => write!(f, "The server has no such item: {m}"),
            BackendError::Server { status, message } => {
                write!(f, "The server answered with an error ({status}): {message}")
            }
            BackendError::Case(e) => sentence(f, e, "."),
            BackendError::Alert(e) => sentence(f, e, "."),
            BackendError::Dashboard(e) => sentence(f, e, "."),
            BackendError::Submit(e) => write!(f, "The transfer was refused: {e}."),
            BackendError::Address(e) => write!(f, "The address of this page is wrong: {e}"),
            BackendError::Storage(m) => {
                write!(f, "The change could not be saved in this browser: {m}")
            }
        }
    }
}

impl std::error::Error for BackendError {}

impl BackendError {
    /// What an error answer of the server (`status`, with its JSON body)
    /// means: domain refusals keep their domain error, so that pages word
    /// them as the mock's.
    pub fn from_api(status: u16, body: ErrorBody) -> BackendError {
        match body.reason {
            ErrorReason::Access(e) => e.into(),
            ErrorReason::Submit(e) => e.into(),
            ErrorReason::Dashboard(e) => e.into(),
            ErrorReason::Alert(e) => e.into(),
            ErrorReason::Case(e) => e.into(),
            ErrorReason::SignedOut => BackendError::SignedOut,
            ErrorReason::WrongCredentials => BackendError::WrongCredentials,
            ErrorReason::TooManyAttempts { retry_after } => {
                BackendError::TooManyAttempts { retry_after }
            }
            ErrorReason::BadRequest => BackendError::BadRequest(body.message),
            ErrorReason::NotFound => BackendError::NotFound(body.message),
            ErrorReason::Server => BackendError::Server {
                status,
                message: body.message,
            },
        }
    }

    /// An error answer whose body is not an [`ErrorBody`] (a proxy's page,
    /// an older server): its status, and its text as the message.
    pub fn from_status(status: u16, text: String) -> BackendError {
        match status {
            401 => BackendError::SignedOut,
            _ => BackendError::Server {
                status,
                message: text,
            },
        }
    }
}

impl From<AccessError> for BackendError {
    fn from(e: AccessError) -> Self {
        BackendError::Access(e)
    }
}

impl From<SubmitError> for BackendError {
    fn from(e: SubmitError) -> Self {
        match e {
            SubmitError::Access(a) => BackendError::Access(a),
            other => BackendError::Submit(other),
        }
    }
}

impl From<DashboardError> for BackendError {
    fn from(e: DashboardError) -> Self {
        match e {
            DashboardError::Access(a) => BackendError::Access(a),
            other => BackendError::Dashboard(other),
        }
    }
}

impl From<AlertError> for BackendError {
    fn from(e: AlertError) -> Self {
        match e {
            AlertError::Access(a) => BackendError::Access(a),
            other => BackendError::Alert(other),
        }
    }
}

impl From<CaseError> for BackendError {
    fn from(e: CaseError) -> Self {
        match e {
            CaseError::Access(a) => BackendError::Access(a),
            other => BackendError::Case(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use wxp_core::engine::SubmitError;
    use wxp_core::{CustomerId, UserId};

    fn body(reason: ErrorReason) -> ErrorBody {
        ErrorBody {
            message: "what the server said".into(),
            reason,
        }
    }

    #[test]
    fn domain_refusals_keep_their_domain_error() {
        let unknown = AccessError::UnknownUser(UserId("u-ghost".into()));
        assert_eq!(
            BackendError::from_api(404, body(ErrorReason::Access(unknown.clone()))),
            BackendError::Access(unknown.clone())
        );
        // An access refusal inside a transfer refusal is an access refusal.
        assert_eq!(
            BackendError::from_api(
                403,
                body(ErrorReason::Submit(SubmitError::Access(unknown.clone())))
            ),
            BackendError::Access(unknown)
        );
        let id = CustomerId::from_bits(7);
        assert_eq!(
            BackendError::from_api(
                422,
                body(ErrorReason::Submit(SubmitError::UnknownCustomer(
                    id.clone()
                )))
            ),
            BackendError::Submit(SubmitError::UnknownCustomer(id))
        );
    }

    #[test]
    fn sign_in_refusals_and_request_errors_are_told_apart() {
        assert_eq!(
            BackendError::from_api(401, body(ErrorReason::SignedOut)),
            BackendError::SignedOut
        );
        assert_eq!(
            BackendError::from_api(401, body(ErrorReason::WrongCredentials)),
            BackendError::WrongCredentials
        );
        assert_eq!(
            BackendError::from_api(429, body(ErrorReason::TooManyAttempts { retry_after: 30 })),
            BackendError::TooManyAttempts { retry_after: 30 }
        );
        assert_eq!(
            BackendError::from_api(400, body(ErrorReason::BadRequest)),
            BackendError::BadRequest("what the server said".into())
        );
        assert_eq!(
            BackendError::from_api(404, body(ErrorReason::NotFound)),
            BackendError::NotFound("what the server said".into())
        );
        assert_eq!(
            BackendError::from_api(503, body(ErrorReason::Server)),
            BackendError::Server {
                status: 503,
                message: "what the server said".into()
            }
        );
    }

    #[test]
    fn an_answer_without_an_error_body_keeps_its_status() {
        assert_eq!(
            BackendError::from_status(502, "Bad Gateway".into()),
            BackendError::Server {
                status: 502,
                message: "Bad Gateway".into()
            }
        );
        assert_eq!(
            BackendError::from_status(401, String::new()),
            BackendError::SignedOut
        );
    }
}
