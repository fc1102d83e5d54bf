//! Domain values and errors in the user's language.
//!
//! `wxp-core` words its errors in English (`Display`), for logs, tests and
//! the files the backend reads; the portal shows each one through the
//! Fluent message of its kind, with the same facts as arguments.

use crate::backend::BackendError;
use leptos_fluent::tr;
use wxp_core::engine::{AlertKind, JobState};
use wxp_core::seed::DemoSize;
use wxp_core::transfer_file::{FileError, FileProblem, RowReason};
use wxp_core::{PartnerKind, Role};

/// A role's name.
pub fn role(role: &Role) -> String {
    match role {
        Role::PartnerAdmin { .. } => tr!("role-partner-admin"),
        Role::ItAdmin { .. } => tr!("role-it-admin"),
    }
}

/// Any error a page shows: a backend error in the user's language, other
/// errors as they describe themselves.
pub fn error(error: &(dyn std::error::Error + Send + Sync + 'static)) -> String {
    match error.downcast_ref::<BackendError>() {
        Some(e) => backend(e),
        None => error.to_string(),
    }
}

/// A backend error.
pub fn backend(error: &BackendError) -> String {
    error.to_string()
}

/// A partner kind's name, as HP calls it.
pub fn partner_kind(kind: PartnerKind) -> String {
    match kind {
        PartnerKind::ResellViewMonitor => tr!("partner-kind-resell"),
        PartnerKind::ServiceDelivery => tr!("partner-kind-service-delivery"),
    }
}

/// An alert as the end user and the admins read it.
pub fn alert_kind(kind: AlertKind) -> String {
    match kind {
        AlertKind::Battery => tr!("alert-kind-battery"),
        AlertKind::HardDrive => tr!("alert-kind-hard-drive"),
        AlertKind::Fan => tr!("alert-kind-fan"),
        AlertKind::Memory => tr!("alert-kind-memory"),
    }
}

/// Where a transfer job is.
pub fn job_state(state: JobState) -> String {
    match state {
        JobState::Queued => tr!("job-state-queued"),
        JobState::Running => tr!("job-state-running"),
        JobState::Completed => tr!("job-state-completed"),
    }
}

/// A demo data size.
pub fn demo_size(size: DemoSize) -> String {
    match size {
        DemoSize::Standard => tr!("demo-size-standard"),
        DemoSize::Large => tr!("demo-size-large"),
    }
}

/// A whole transfer (or enrolment) file that cannot be read.
pub fn file_error(error: &FileError) -> String {
    error.to_string()
}

/// A problem with a whole transfer file.
pub fn file_problem(problem: &FileProblem) -> String {
    problem.to_string()
}

/// Why one row of a transfer file cannot be transferred.
pub fn row_reason(reason: &RowReason) -> String {
    reason.to_string()
}
