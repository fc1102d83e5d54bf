//! What can go wrong when asking the backend.

use std::fmt;
use wxp_core::api::{ErrorBody, ErrorBodyFirstStage, ErrorReason, ReasonFirstStage};
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
    /// A rule refused the request: a transfer, a dashboard change, an
    /// alert operation, a support case.
    Refused(Refusal),
    /// The page's address does not name a customer.
    Address(CustomerIdError),
    /// The browser could not keep the change (e.g. storage full).
    Storage(String),
}

/// A rule's refusal, as the backend answered it. Its reason is read in
/// full only where it is shown ([`Refusal::reason`], the second stage of
/// reading an error answer), so that the first page, which meets none,
/// carries no rule's decoder.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// What the backend said, in English.
    pub message: String,
    /// The answer's body: an [`ErrorBody`].
    body: String,
}

impl Refusal {
    /// Why the rule refused, or `None` if the body does not read as a
    /// whole [`ErrorBody`] (it did read in the first stage: only a backend
    /// at odds with this page's version answers that).
    pub fn reason(&self) -> Option<ErrorReason> {
        serde_json::from_str::<ErrorBody>(&self.body)
            .ok()
            .map(|body| body.reason)
    }
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
            BackendError::Refused(refusal) => sentence(f, &refusal.message, "."),
            BackendError::Address(e) => write!(f, "The address of this page is wrong: {e}"),
            BackendError::Storage(m) => {
                write!(f, "The change could not be saved in this browser: {m}")
            }
        }
    }
}

impl std::error::Error for BackendError {}

/// A split module's code (the in-browser backend's) that could not be
/// fetched: the backend cannot start.
#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for BackendError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        BackendError::NotStarted("its code could not be fetched from the server".into())
    }
}

impl BackendError {
    /// What an error answer (`status`, with its body `text`) means: its
    /// [`ErrorBody`] read in the first stage, or its status and text when
    /// it has none (a proxy's page). A rule's refusal keeps the body for the
    /// second stage.
    pub fn from_answer(status: u16, text: &str) -> BackendError {
        let Ok(body) = serde_json::from_str::<ErrorBodyFirstStage>(text) else {
            return BackendError::from_status(status, text.to_owned());
        };
        match body.reason {
            ReasonFirstStage::Access(e) => BackendError::Access(e),
            ReasonFirstStage::Submit(_)
            | ReasonFirstStage::Dashboard(_)
            | ReasonFirstStage::Alert(_)
            | ReasonFirstStage::Case(_) => BackendError::Refused(Refusal {
                message: body.message,
                body: text.to_owned(),
            }),
            ReasonFirstStage::SignedOut => BackendError::SignedOut,
            ReasonFirstStage::WrongCredentials => BackendError::WrongCredentials,
            ReasonFirstStage::TooManyAttempts { retry_after } => {
                BackendError::TooManyAttempts { retry_after }
            }
            ReasonFirstStage::BadRequest => BackendError::BadRequest(body.message),
            ReasonFirstStage::NotFound => BackendError::NotFound(body.message),
            ReasonFirstStage::Server => BackendError::Server {
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

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use wxp_core::engine::SubmitError;
    use wxp_core::{CustomerId, UserId};

    /// The answer the API writes for `reason`.
    fn answer(reason: ErrorReason) -> String {
        serde_json::to_string(&ErrorBody {
            message: "what the server said".into(),
            reason,
        })
        .unwrap()
    }

    #[test]
    fn a_rule_refusal_is_read_in_full_in_the_second_stage() {
        let unknown = AccessError::UnknownUser(UserId("u-ghost".into()));
        assert_eq!(
            BackendError::from_answer(401, &answer(ErrorReason::Access(unknown.clone()))),
            BackendError::Access(unknown)
        );
        let refused = ErrorReason::Submit(SubmitError::UnknownCustomer(CustomerId::from_bits(7)));
        let BackendError::Refused(refusal) =
            BackendError::from_answer(422, &answer(refused.clone()))
        else {
            panic!("a transfer refusal is a rule's refusal");
        };
        assert_eq!(refusal.message, "what the server said");
        assert_eq!(refusal.reason(), Some(refused));
    }

    #[test]
    fn sign_in_refusals_and_request_errors_are_told_apart() {
        let cases = [
            (401, ErrorReason::SignedOut, BackendError::SignedOut),
            (
                401,
                ErrorReason::WrongCredentials,
                BackendError::WrongCredentials,
            ),
            (
                429,
                ErrorReason::TooManyAttempts { retry_after: 30 },
                BackendError::TooManyAttempts { retry_after: 30 },
            ),
            (
                400,
                ErrorReason::BadRequest,
                BackendError::BadRequest("what the server said".into()),
            ),
            (
                404,
                ErrorReason::NotFound,
                BackendError::NotFound("what the server said".into()),
            ),
            (
                503,
                ErrorReason::Server,
                BackendError::Server {
                    status: 503,
                    message: "what the server said".into(),
                },
            ),
        ];
        for (status, reason, expected) in cases {
            assert_eq!(BackendError::from_answer(status, &answer(reason)), expected);
        }
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
