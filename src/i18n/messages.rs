//! Domain values and errors in the user's language.
//!
//! `wxp-core` words its errors in English (`Display`), for logs, tests and
//! the files the backend reads; the portal shows each one through the
//! Fluent message of its kind, with the same facts as arguments. Each
//! function reads the language (from the reactive owner, as `tr!` does), so
//! text built inside a reactive closure follows a language switch.

use crate::backend::{BackendError, Notice, Refusal};
use crate::i18n::format::number;
use leptos_fluent::tr;
use wxp_core::api::ErrorReason;
use wxp_core::engine::{
    AccountKind, AlertError, AlertKind, CaseError, CaseState, DashboardError, EnrolOutcome,
    JobState, Repair, SubmitError,
};
use wxp_core::ids::CustomerIdError;
use wxp_core::seed::DemoSize;
use wxp_core::serial::{SerialError, SERIAL_LEN};
use wxp_core::store::RestoreError;
use wxp_core::transfer_file::{
    Delimiter, Encoding, FileError, FileProblem, Format, Place, RowReason,
};
use wxp_core::{AccessError, PartnerKind, Role, TenantId};

/// A role's name.
pub fn role(role: &Role) -> String {
    match role {
        Role::PartnerAdmin { .. } => tr!("role-partner-admin"),
        Role::ItAdmin { .. } => tr!("role-it-admin"),
    }
}

/// What a demo account on the sign-in page shows.
pub fn account(kind: AccountKind) -> String {
    match kind {
        AccountKind::Partner {
            kind,
            setup_complete: true,
        } => tr!("account-partner-setup-complete", {"kind" => partner_kind(kind)}),
        AccountKind::Partner {
            kind,
            setup_complete: false,
        } => tr!("account-partner-setup-incomplete", {"kind" => partner_kind(kind)}),
        AccountKind::Customer => tr!("account-customer"),
    }
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

/// Where an alert's repair request is.
pub fn repair(repair: &Repair) -> String {
    match repair {
        Repair::NotRequested => tr!("repair-not-requested"),
        Repair::WithHpSupport => tr!("repair-with-hp-support"),
        Repair::WithPartner => tr!("repair-with-partner"),
        Repair::Scheduled(day) => tr!("repair-scheduled", {"day" => super::format::date(*day)}),
    }
}

/// Where a support case is.
pub fn case_state(state: CaseState) -> String {
    match state {
        CaseState::Open => tr!("case-state-open"),
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

/// What happened to one serial number of a cPIN enrolment.
pub fn enrol_outcome(outcome: &EnrolOutcome) -> String {
    match outcome {
        EnrolOutcome::Enrolled => tr!("enrol-outcome-enrolled"),
        EnrolOutcome::AlreadyEnrolled => tr!("enrol-outcome-already-enrolled"),
        EnrolOutcome::OtherCustomer => tr!("enrol-outcome-other-customer"),
        EnrolOutcome::NotFound => tr!("enrol-outcome-not-found"),
        EnrolOutcome::Invalid(e) => tr!("enrol-outcome-invalid", {"reason" => serial(e)}),
    }
}

/// Any error a read shows: a backend error in the user's language
/// ([`request_error`]: no rule refuses a read), other errors as they
/// describe themselves.
pub fn error(error: &(dyn std::error::Error + Send + Sync + 'static)) -> String {
    match error.downcast_ref::<BackendError>() {
        Some(e) => request_error(e),
        None => error.to_string(),
    }
}

/// A notice shown when the portal starts or a session ends.
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::DataReset(reason) => tr!("notice-data-reset", {"reason" => restore(reason)}),
        Notice::Error(e) => request_error(e),
        Notice::SessionEnded => tr!("notice-session-ended"),
        Notice::WaitingForOtherTab => tr!("notice-waiting-for-other-tab"),
    }
}

fn restore(error: &RestoreError) -> String {
    match error {
        RestoreError::Corrupted { reason } => {
            tr!("restore-corrupted", {"reason" => reason.clone()})
        }
        RestoreError::OtherVersion { found } => tr!("restore-other-version", {
            "found" => *found,
            "reads" => wxp_core::store::SCHEMA_VERSION,
        }),
        RestoreError::InvalidEvent { number, reason } => tr!("restore-invalid-event", {
            "number" => *number,
            "reason" => reason.clone(),
        }),
    }
}

/// A backend error, as a sentence, a rule's refusal included: what a
/// change shows when it fails.
pub fn backend(error: &BackendError) -> String {
    match error {
        BackendError::Refused(refusal) => refused(refusal),
        other => request_error(other),
    }
}

/// A backend error, as a sentence, but a rule's refusal only as the
/// backend worded it, in English: what the first screen and the reads
/// show, which no rule refuses. [`backend`] reads a refusal in full; here,
/// that reading would be code the first download carries for nothing.
pub fn request_error(error: &BackendError) -> String {
    match error {
        BackendError::Access(e) => access(e),
        // What the browser said ("TypeError: Failed to fetch") means nothing
        // to the user: it stays in the error's English description.
        BackendError::Transport(_) => tr!("backend-transport"),
        BackendError::NotStarted(why) => tr!("backend-not-started", {"reason" => why.clone()}),
        BackendError::Unreadable(m) => tr!("backend-unreadable", {"message" => m.clone()}),
        BackendError::SignedOut => tr!("backend-signed-out"),
        BackendError::WrongCredentials => tr!("backend-wrong-credentials"),
        BackendError::TooManyAttempts { retry_after } => tr!("backend-too-many-attempts", {
            "count" => *retry_after,
            "n" => number(*retry_after as usize),
        }),
        BackendError::NoPasswords => tr!("backend-no-passwords"),
        BackendError::BadRequest(m) => tr!("backend-bad-request", {"message" => m.clone()}),
        BackendError::NotFound(m) => tr!("backend-not-found", {"message" => m.clone()}),
        BackendError::Server { status, message } => tr!("backend-server", {
            "status" => *status,
            "message" => message.clone(),
        }),
        BackendError::Refused(refusal) => {
            tr!("backend-bad-request", {"message" => refusal.message.clone()})
        }
        BackendError::Address(e) => tr!("backend-address", {"reason" => customer_id(e)}),
        BackendError::Storage(m) => tr!("backend-storage", {"message" => m.clone()}),
    }
}

/// A rule's refusal, read in full.
fn refused(refusal: &Refusal) -> String {
    match refusal.reason() {
        Some(ErrorReason::Case(e)) => case(&e),
        Some(ErrorReason::Alert(e)) => alert(&e),
        Some(ErrorReason::Dashboard(e)) => dashboard(&e),
        Some(ErrorReason::Submit(e)) => submit(&e),
        Some(ErrorReason::Access(e)) => access(&e),
        // Not a refusal after all: the backend's own words.
        _ => tr!("backend-bad-request", {"message" => refusal.message.clone()}),
    }
}

fn access(error: &AccessError) -> String {
    match error {
        AccessError::UnknownUser(id) => tr!("access-unknown-user", {"id" => id.to_string()}),
        AccessError::CustomerNotAvailable(id) => {
            tr!("access-customer-not-available", {"id" => id.to_string()})
        }
        AccessError::PartnersOnly => tr!("access-partners-only"),
        AccessError::NoSuchHoldingTenant(_) => tr!("access-no-such-holding-tenant"),
        AccessError::SetupIncomplete(_) => tr!("access-setup-incomplete"),
        AccessError::NoSuchTransfer(job) => {
            tr!("access-no-such-transfer", {"job" => job.to_string()})
        }
    }
}

fn case(error: &CaseError) -> String {
    match error {
        CaseError::Access(e) => access(e),
        CaseError::EmptySubject => tr!("case-empty-subject"),
        CaseError::BadSerial(text) => tr!("case-bad-serial", {"text" => text.clone()}),
    }
}

fn alert(error: &AlertError) -> String {
    match error {
        AlertError::Access(e) => access(e),
        AlertError::DeviceNotFound(text) => {
            tr!("alert-device-not-found", {"text" => text.clone()})
        }
        AlertError::NoSuchAlert(id) => tr!("alert-no-such-alert", {"id" => id.to_string()}),
        AlertError::NoPopUp => tr!("alert-no-pop-up"),
        AlertError::AlreadyRequested => tr!("alert-already-requested"),
        AlertError::CannotSchedule => tr!("alert-cannot-schedule"),
        AlertError::DayInThePast(day) => {
            tr!("alert-day-in-the-past", {"day" => super::format::date(*day)})
        }
    }
}

fn dashboard(error: &DashboardError) -> String {
    match error {
        DashboardError::Access(e) => access(e),
        DashboardError::EmptyName => tr!("dashboard-empty-name"),
        DashboardError::DuplicateName(name) => {
            tr!("dashboard-duplicate-name", {"name" => name.clone()})
        }
        DashboardError::EmptyCountry => tr!("dashboard-empty-country"),
        DashboardError::BadEmail(text) => tr!("dashboard-bad-email", {"text" => text.clone()}),
        DashboardError::EmailTaken(text) => {
            tr!("dashboard-email-taken", {"text" => text.clone()})
        }
        DashboardError::WrongCpin => tr!("dashboard-wrong-cpin"),
        DashboardError::AlertsNeedFirstPc => tr!("dashboard-alerts-need-first-pc"),
    }
}

fn submit(error: &SubmitError) -> String {
    let reason = match error {
        SubmitError::Access(e) => return access(e),
        SubmitError::NoRows => tr!("submit-no-rows"),
        SubmitError::MixedCustomerIds => tr!("submit-mixed-customer-ids"),
        SubmitError::MalformedCustomerId(text) => {
            tr!("submit-malformed-customer-id", {"text" => text.clone()})
        }
        SubmitError::UnknownCustomer(id) => {
            tr!("submit-unknown-customer", {"id" => id.to_string()})
        }
    };
    tr!("submit-refused", {"reason" => reason})
}

/// Why a text is not a Customer ID.
pub fn customer_id(error: &CustomerIdError) -> String {
    if error.found.is_empty() {
        tr!("customer-id-empty")
    } else {
        tr!("customer-id-malformed", {"text" => error.found.clone()})
    }
}

/// Why a text is not a serial number.
pub fn serial(error: &SerialError) -> String {
    match error {
        SerialError::Empty => tr!("serial-empty"),
        SerialError::WrongLength { found } => tr!("serial-wrong-length", {
            "len" => SERIAL_LEN,
            "found" => *found,
        }),
        SerialError::InvalidCharacter { found } => {
            tr!("serial-invalid-character", {"found" => found.to_string()})
        }
    }
}

/// A whole transfer (or enrolment) file that cannot be read.
pub fn file_error(error: &FileError) -> String {
    match error {
        FileError::Empty => tr!("file-error-empty"),
        FileError::TooLarge { bytes, limit } => tr!("file-error-too-large", {
            "bytes" => number(*bytes),
            "limit" => number(*limit),
            "mb" => limit / (1024 * 1024),
        }),
        FileError::TooManyRows { line, limit } => tr!("file-error-too-many-rows", {
            "limit" => number(*limit),
            "line" => *line,
        }),
        FileError::Binary => tr!("file-error-binary"),
        FileError::ExtraColumn {
            line,
            column,
            value,
        } => tr!("file-error-extra-column", {
            "line" => *line,
            "column" => column.clone(),
            "value" => value.clone(),
        }),
        FileError::Workbook { reason } => {
            tr!("file-error-workbook", {"reason" => reason.clone()})
        }
        // `FileError` is non-exhaustive: a new kind shows as wxp-core words it.
        other => other.to_string(),
    }
}

/// How a transfer file was read: "CSV, UTF-8, comma-separated".
pub fn file_format(format: &Format) -> String {
    match format {
        Format::Csv {
            encoding,
            delimiter,
        } => {
            let encoding = match encoding {
                Encoding::Utf8Bom => tr!("encoding-utf8-bom"),
                // The other encodings' names are the same in every language.
                other => other.to_string(),
            };
            match delimiter {
                Delimiter::Comma => tr!("format-csv-comma", {"encoding" => encoding}),
                Delimiter::Semicolon => tr!("format-csv-semicolon", {"encoding" => encoding}),
                Delimiter::Tab => tr!("format-csv-tab", {"encoding" => encoding}),
            }
        }
        Format::Xlsx { sheet } => tr!("format-xlsx", {"sheet" => sheet.clone()}),
    }
}

/// A problem with a whole transfer file.
pub fn file_problem(problem: &FileProblem) -> String {
    match problem {
        FileProblem::NoRows => tr!("file-problem-no-rows"),
        FileProblem::NoCustomerId => tr!("file-problem-no-customer-id"),
        FileProblem::MixedCustomerIds { ids } => {
            let parts: Vec<String> = ids
                .iter()
                .map(|(id, lines)| {
                    tr!("file-problem-id-on-lines", {
                        "id" => id.clone(),
                        "lines" => lines_list(lines),
                    })
                })
                .collect();
            tr!("file-problem-mixed-customer-ids", {"ids" => parts.join("; ")})
        }
        FileProblem::MalformedCustomerId { text } => {
            tr!("file-problem-malformed-customer-id", {"text" => text.clone()})
        }
        FileProblem::UnknownCustomer { id } => {
            tr!("file-problem-unknown-customer", {"id" => id.to_string()})
        }
        FileProblem::TransferToSelf { name } => {
            tr!("file-problem-transfer-to-self", {"name" => name.clone()})
        }
    }
}

/// "line 3", "lines 3, 7", "lines 3, 7, 9, 12, 15 and 4 more".
fn lines_list(lines: &[u32]) -> String {
    const SHOWN: usize = 5;
    let listed: Vec<String> = lines.iter().take(SHOWN).map(u32::to_string).collect();
    match lines.len() {
        1 => tr!("lines-one", {"line" => listed[0].clone()}),
        n if n <= SHOWN => tr!("lines-some", {"lines" => listed.join(", ")}),
        n => tr!("lines-many", {
            "lines" => listed.join(", "),
            "more" => number(n - SHOWN),
        }),
    }
}

/// Why one row of a transfer file cannot be transferred.
pub fn row_reason(reason: &RowReason) -> String {
    match reason {
        RowReason::BadSerial(SerialError::Empty) => tr!("row-serial-empty"),
        RowReason::BadSerial(e) => tr!("row-bad-serial", {"reason" => serial(e)}),
        RowReason::MissingCustomerId => tr!("row-missing-customer-id"),
        RowReason::Duplicate { first_line } => {
            tr!("row-duplicate", {"line" => *first_line})
        }
        RowReason::Elsewhere(place) => tr!("row-elsewhere", {"place" => self::place(place)}),
        RowReason::AlreadyInTarget => tr!("row-already-in-target"),
        RowReason::NotFound => tr!("row-not-found"),
    }
}

/// The name of the page PCs are on: a customer's name, or (`None`) the
/// partner's Unassigned Devices.
pub fn source_name(customer_name: Option<&str>) -> String {
    match customer_name {
        Some(name) => name.to_owned(),
        None => tr!("menu-unassigned-devices"),
    }
}

/// [`source_name`] of a tenant: its customer's name as recorded with it
/// (`customer_name`), or Unassigned Devices for a holding tenant.
pub fn tenant_name(tenant: &TenantId, customer_name: &str) -> String {
    source_name(matches!(tenant, TenantId::Customer(_)).then_some(customer_name))
}

/// A page PCs can be on.
pub fn place(place: &Place) -> String {
    match place {
        Place::Unassigned => source_name(None),
        Place::Customer { name, .. } => tr!("place-customer-pcs", {"name" => name.clone()}),
    }
}
