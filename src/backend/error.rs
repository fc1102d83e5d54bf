//! What can go wrong when asking the backend.

use std::fmt;
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
    /// The backend answered something that is not what was asked for.
    Unreadable(String),
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
            BackendError::Unreadable(m) => write!(f, "The server's answer could not be read: {m}"),
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
