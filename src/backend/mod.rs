//! The one interface every page uses to reach the backend.
//!
//! [`MockBackend`] runs the domain engine in the browser (the default);
//! [`HttpBackend`] speaks JSON to a server. Pages get an `Arc<dyn Backend>`
//! from context through [`use_backend`] and never know which one it is.

mod error;
mod http;
mod mock;

pub use error::BackendError;
pub use http::HttpBackend;
pub use mock::MockBackend;

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wxp_core::date::Date;
use wxp_core::engine::{
    Account, CustomerSummary, EnrolOutcome, JobId, NewCustomer, Portfolio, Session, TransferJob,
    TransferRequest,
};
use wxp_core::engine::{Alert, AlertId, AlertKind, NewCase, Repair, SupportCase};
use wxp_core::seed::DemoConfig;
use wxp_core::store::RestoreError;
use wxp_core::transfer_file::Place;
use wxp_core::{CustomerId, Device, SerialNumber, TenantId, UserId};

/// A browser future: not `Send`, as nothing is in wasm.
pub type LocalBoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// What the backend answers.
pub type Reply<T> = LocalBoxFuture<Result<T, BackendError>>;

/// The backend's operations. `user` is the acting user: the demo's stand-in
/// for an authentication token, checked by the backend on every call.
pub trait Backend: Send + Sync {
    /// The accounts offered on the sign-in page.
    fn accounts(&self) -> Reply<Vec<Account>>;
    /// Who `user` is and what they work on.
    fn session(&self, user: UserId) -> Reply<Session>;
    /// The customers `user` may see, by name.
    fn customers(&self, user: UserId) -> Reply<Vec<CustomerSummary>>;
    /// One customer.
    fn customer(&self, user: UserId, id: CustomerId) -> Reply<CustomerSummary>;
    /// A partner's portfolio at a glance.
    fn portfolio(&self, user: UserId) -> Reply<Portfolio>;
    /// The PCs of a tenant.
    fn devices(&self, user: UserId, tenant: TenantId) -> Reply<Arc<Vec<Device>>>;
    /// Turns a customer's HP Insights collection on or off.
    fn set_insights_collection(
        &self,
        user: UserId,
        customer: CustomerId,
        enabled: bool,
    ) -> Reply<()>;
    /// Where the user can see each of `serials` (those it can see at all).
    fn locate(&self, user: UserId, serials: Vec<SerialNumber>)
        -> Reply<Vec<(SerialNumber, Place)>>;
    /// Queues a transfer; the same request key returns the same job.
    fn submit_transfer(&self, user: UserId, request: TransferRequest) -> Reply<JobId>;
    /// The partner's transfer jobs, newest first.
    fn transfers(&self, user: UserId) -> Reply<Vec<TransferJob>>;
    /// The user's notifications (their completed transfers), newest first.
    fn notifications(&self, user: UserId) -> Reply<Vec<TransferJob>>;
    /// Marks a notification read.
    fn mark_read(&self, user: UserId, job: JobId) -> Reply<()>;
    /// Creates a customer dashboard; returns its Customer ID.
    fn create_customer(&self, user: UserId, new: NewCustomer) -> Reply<CustomerId>;
    /// Enrols PCs into a dashboard with its cPIN; one outcome per serial.
    fn enrol(
        &self,
        user: UserId,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>>;
    /// Turns a customer's self-service pop-up alerts on or off.
    fn set_self_service_alerts(
        &self,
        user: UserId,
        customer: CustomerId,
        enabled: bool,
    ) -> Reply<()>;
    /// The hardware alerts the user can see, newest first.
    fn alerts(&self, user: UserId) -> Reply<Vec<Alert>>;
    /// Raises an alert on a PC ("Simulate alert").
    fn simulate_alert(&self, user: UserId, serial: String, kind: AlertKind) -> Reply<AlertId>;
    /// The end user's View on an alert pop-up: sends the repair request.
    fn request_repair(&self, user: UserId, alert: AlertId) -> Reply<Repair>;
    /// Repair requests in a Service Delivery partner's CSDP account.
    fn repair_requests(&self, user: UserId) -> Reply<Vec<Alert>>;
    /// The Service Delivery partner schedules a repair.
    fn schedule_repair(&self, user: UserId, alert: AlertId, on: Date) -> Reply<()>;
    /// Opens a support case; returns its number.
    fn open_case(&self, user: UserId, case: NewCase) -> Reply<u64>;
    /// The user's support cases, newest first.
    fn cases(&self, user: UserId) -> Reply<Vec<SupportCase>>;
    /// The demo data's configuration.
    fn demo_config(&self) -> Reply<DemoConfig>;
    /// Restores the demo data to the seed of `config`.
    fn reset_demo(&self, config: DemoConfig) -> Reply<()>;
}

/// The backend in context.
#[derive(Clone)]
pub struct BackendHandle(pub Arc<dyn Backend>);

/// A message from the backend at start-up, e.g. that stored data was reset.
#[derive(Clone)]
pub struct StartupNotice(pub RwSignal<Option<Notice>>);

/// Something the user must be told about the demo data or their session,
/// worded in their language when shown (`i18n::messages::notice`).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The stored demo data could not be used and was replaced by the seed.
    DataReset(RestoreError),
    /// A backend error ended the session or kept a change from being saved.
    Error(BackendError),
}

/// The backend provided by the app.
pub fn use_backend() -> Arc<dyn Backend> {
    expect_context::<BackendHandle>().0
}

/// The backend this page should use: HTTP when `index.html` names an API
/// base (`<meta name="wxp-api-base" content="https://...">`), the in-browser
/// mock otherwise. Also returns any notice the backend has for the user.
pub fn from_page() -> (Arc<dyn Backend>, Option<Notice>) {
    let api_base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='wxp-api-base']").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|base| !base.trim().is_empty());
    match api_base {
        Some(base) => (Arc::new(HttpBackend::new(base)), None),
        None => {
            let (mock, notice) = MockBackend::open();
            (Arc::new(mock), notice)
        }
    }
}

/// Wraps a ready value as a [`Reply`].
pub(crate) fn ready<T: 'static>(value: Result<T, BackendError>) -> Reply<T> {
    Box::pin(std::future::ready(value))
}
