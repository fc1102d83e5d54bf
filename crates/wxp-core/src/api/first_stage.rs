//! An error body read in two stages.
//!
//! A client that shows only its first page (the sign-in) cannot meet a
//! rule's refusal, and should not have to carry every rule's decoder to
//! show it: it reads [`ErrorBodyFirstStage`], whose [`ReasonFirstStage`]
//! has the reasons about the session and the request in full and a rule's
//! refusal by its kind alone. Where a refusal is shown, the same body is
//! read again, whole, as an [`ErrorBody`](super::ErrorBody).

use crate::AccessError;
use serde::de::IgnoredAny;
use serde::Deserialize;

/// An [`ErrorBody`](super::ErrorBody) read in the first stage.
#[derive(Debug, Deserialize)]
pub struct ErrorBodyFirstStage {
    /// What went wrong, in English.
    pub message: String,
    /// Why, as far as the first stage reads it.
    pub reason: ReasonFirstStage,
}

/// An [`ErrorReason`](super::ErrorReason) read in the first stage: the
/// same kinds, written the same way (the tests below hold them together),
/// with a rule's refusal left unread.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum ReasonFirstStage {
    /// The domain refused: the user may not see or do this.
    Access(AccessError),
    /// A transfer was refused before it was queued.
    Submit(IgnoredAny),
    /// A dashboard change was refused.
    Dashboard(IgnoredAny),
    /// An alert operation was refused.
    Alert(IgnoredAny),
    /// A support case was refused.
    Case(IgnoredAny),
    /// Nobody is signed in, or the session ended.
    SignedOut,
    /// The e-mail address or password is wrong.
    WrongCredentials,
    /// Too many failed sign-ins; try again after this many seconds.
    TooManyAttempts {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// The request itself is malformed.
    BadRequest,
    /// No such route or resource.
    NotFound,
    /// The server is in trouble; nothing was changed.
    Server,
}

impl ReasonFirstStage {
    /// Whether this is a rule's refusal, whose detail the second stage
    /// reads.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            ReasonFirstStage::Submit(_)
                | ReasonFirstStage::Dashboard(_)
                | ReasonFirstStage::Alert(_)
                | ReasonFirstStage::Case(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ErrorBody, ErrorReason};
    use crate::engine::{AlertError, CaseError, DashboardError, SubmitError};
    use crate::ids::CustomerId;

    /// Every kind of reason, as the API writes them.
    fn every_kind() -> Vec<ErrorReason> {
        vec![
            AccessError::CustomerNotAvailable(CustomerId::from_bits(7)).into(),
            SubmitError::NoRows.into(),
            DashboardError::WrongCpin.into(),
            AlertError::DeviceNotFound("x".into()).into(),
            CaseError::BadSerial("y".into()).into(),
            ErrorReason::SignedOut,
            ErrorReason::WrongCredentials,
            ErrorReason::TooManyAttempts { retry_after: 12 },
            ErrorReason::BadRequest,
            ErrorReason::NotFound,
            ErrorReason::Server,
        ]
    }

    #[test]
    fn the_first_stage_reads_every_body_the_api_writes_as_its_kind() {
        for reason in every_kind() {
            let body = serde_json::to_string(&ErrorBody::from(reason.clone())).unwrap();
            let first: ErrorBodyFirstStage = serde_json::from_str(&body).unwrap();
            assert_eq!(first.message, reason.message());
            let same = match (&reason, &first.reason) {
                (ErrorReason::Access(a), ReasonFirstStage::Access(b)) => a == b,
                (
                    ErrorReason::TooManyAttempts { retry_after: a },
                    ReasonFirstStage::TooManyAttempts { retry_after: b },
                ) => a == b,
                (ErrorReason::Submit(_), ReasonFirstStage::Submit(_))
                | (ErrorReason::Dashboard(_), ReasonFirstStage::Dashboard(_))
                | (ErrorReason::Alert(_), ReasonFirstStage::Alert(_))
                | (ErrorReason::Case(_), ReasonFirstStage::Case(_))
                | (ErrorReason::SignedOut, ReasonFirstStage::SignedOut)
                | (ErrorReason::WrongCredentials, ReasonFirstStage::WrongCredentials)
                | (ErrorReason::BadRequest, ReasonFirstStage::BadRequest)
                | (ErrorReason::NotFound, ReasonFirstStage::NotFound)
                | (ErrorReason::Server, ReasonFirstStage::Server) => true,
                _ => false,
            };
            assert!(same, "{body} was read as {:?}", first.reason);
            let refusal = matches!(
                reason,
                ErrorReason::Submit(_)
                    | ErrorReason::Dashboard(_)
                    | ErrorReason::Alert(_)
                    | ErrorReason::Case(_)
            );
            assert_eq!(first.reason.is_refusal(), refusal, "{body}");
        }
    }

    #[test]
    fn the_detail_may_come_before_the_kind() {
        let body = r#"{"reason":{"detail":{"retry_after":3},"kind":"too_many_attempts"},"message":"wait"}"#;
        let first: ErrorBodyFirstStage = serde_json::from_str(body).unwrap();
        assert!(matches!(
            first.reason,
            ReasonFirstStage::TooManyAttempts { retry_after: 3 }
        ));
    }
}
