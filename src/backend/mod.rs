//! The one interface every page uses to reach the backend.
//!
//! Both backends speak the portal's API, through one [`ApiClient`]: the
//! server over [`Fetch`], or the in-browser backend ([`InBrowser`], the
//! domain crate's `LocalApi` in this page; the default). Pages get an
//! `Arc<dyn Backend>` from context through [`use_backend`] and never know
//! which one it is.
//!
//! The backend holds the identity: the server's session cookie over HTTP,
//! the signed-in demo account in the mock. No operation names its user.

mod client;
mod demo;
pub mod device_lists;
mod error;
mod guard;
mod in_browser;
mod listeners;
mod live;
mod worker;

pub use client::{Answer, ApiClient, Fetch, Method, Transport};
pub use demo::{demo_accounts, DemoBackend};
pub use error::BackendError;
pub use guard::{SessionEnded, SessionGuard};
pub use in_browser::InBrowser;
pub use live::{connect, use_live, Listener, LiveUpdates, Subscription};
pub use worker::EngineWorker;

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wxp_core::date::Date;
use wxp_core::engine::{Alert, AlertId, AlertKind, NewCase, Repair, SupportCase};
use wxp_core::engine::{
    CustomerSummary, EnrolOutcome, JobId, NewCustomer, Portfolio, Session, TransferJob,
    TransferRequest, TransferSummary,
};
use wxp_core::store::RestoreError;
use wxp_core::transfer_file::Place;
use wxp_core::{CustomerId, Device, SerialNumber, TenantId};

/// A browser future: not `Send`, as nothing is in wasm.
pub type LocalBoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// What the backend answers.
pub type Reply<T> = LocalBoxFuture<Result<T, BackendError>>;

/// The backend's operations, for the signed-in user (the backend knows who
/// that is; nobody signed in is [`BackendError::SignedOut`]).
pub trait Backend: Send + Sync {
    // ----- the session --------------------------------------------------

    /// Who is signed in and what they work on; `None` when nobody is.
    fn session(&self) -> Reply<Option<Session>>;
    /// Whether [`Backend::sign_in`] with an e-mail address and password is
    /// offered (the sign-in page shows its form only then).
    fn supports_passwords(&self) -> bool;
    /// Signs in with an e-mail address and password.
    fn sign_in(&self, email: String, password: String) -> Reply<Session>;
    /// Ends the session.
    fn sign_out(&self) -> Reply<()>;
    /// The demo's operations, if this backend may run the demo.
    fn demo(&self) -> Option<&dyn DemoBackend>;
    /// Reports the topics that change to `listener`, until the
    /// subscription is dropped.
    fn subscribe(&self, listener: Listener) -> Subscription;

    // ----- the product --------------------------------------------------

    /// The customers the user may see, by name.
    fn customers(&self) -> Reply<Vec<CustomerSummary>>;
    /// One customer.
    fn customer(&self, id: CustomerId) -> Reply<CustomerSummary>;
    /// A partner's portfolio at a glance.
    fn portfolio(&self) -> Reply<Portfolio>;
    /// The PCs of a tenant.
    fn devices(&self, tenant: TenantId) -> Reply<Arc<Vec<Device>>>;
    /// Turns a customer's HP Insights collection on or off.
    fn set_insights_collection(&self, customer: CustomerId, enabled: bool) -> Reply<()>;
    /// Where the user can see each of `serials` (those it can see at all).
    fn locate(&self, serials: Vec<SerialNumber>) -> Reply<Vec<(SerialNumber, Place)>>;
    /// Queues a transfer; the same request key returns the same job.
    fn submit_transfer(&self, request: TransferRequest) -> Reply<JobId>;
    /// The partner's transfer jobs, newest first, without their rows.
    fn transfers(&self) -> Reply<Vec<TransferSummary>>;
    /// One transfer job of the partner, with its rows and Summary.
    fn transfer(&self, job: JobId) -> Reply<TransferJob>;
    /// The user's notifications (their completed transfers), newest first,
    /// without their rows.
    fn notifications(&self) -> Reply<Vec<TransferSummary>>;
    /// Marks a notification read.
    fn mark_read(&self, job: JobId) -> Reply<()>;
    /// Creates a customer dashboard; returns its Customer ID.
    fn create_customer(&self, new: NewCustomer) -> Reply<CustomerId>;
    /// Enrols PCs into a dashboard with its cPIN; one outcome per serial.
    fn enrol(
        &self,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>>;
    /// Turns a customer's self-service pop-up alerts on or off.
    fn set_self_service_alerts(&self, customer: CustomerId, enabled: bool) -> Reply<()>;
    /// The hardware alerts the user can see, newest first.
    fn alerts(&self) -> Reply<Vec<Alert>>;
    /// Raises an alert on a PC ("Simulate alert").
    fn simulate_alert(&self, serial: String, kind: AlertKind) -> Reply<AlertId>;
    /// The end user's View on an alert pop-up: sends the repair request.
    fn request_repair(&self, alert: AlertId) -> Reply<Repair>;
    /// Repair requests in a Service Delivery partner's CSDP account.
    fn repair_requests(&self) -> Reply<Vec<Alert>>;
    /// The Service Delivery partner schedules a repair.
    fn schedule_repair(&self, alert: AlertId, on: Date) -> Reply<()>;
    /// Opens a support case; returns its number.
    fn open_case(&self, case: NewCase) -> Reply<u64>;
    /// The user's support cases, newest first.
    fn cases(&self) -> Reply<Vec<SupportCase>>;
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
    /// The backend answered that nobody is signed in any more (signed out
    /// in another tab, the demo data reset, the session expired).
    SessionEnded,
    /// The portal is open in another tab of a browser that cannot share
    /// one engine between tabs: this tab waits until that one closes.
    WaitingForOtherTab,
}

/// The backend provided by the app.
pub fn use_backend() -> Arc<dyn Backend> {
    expect_context::<BackendHandle>().0
}

/// The backend this page should use: the server when the page names an
/// API base (`<meta name="wxp-api-base" content="/api/v1">`, which the
/// portal's server injects), else the in-browser backend in its worker,
/// shared by every tab. What the user must be told at start-up (the stored
/// demo data was reset, the worker could not start) goes to `notice`.
pub fn from_page(notice: RwSignal<Option<Notice>>) -> Arc<dyn Backend> {
    let api_base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='wxp-api-base']").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|base| !base.trim().is_empty());
    if let Some(base) = api_base {
        return Arc::new(ApiClient::new(Fetch::new(base)));
    }
    match EngineWorker::connect(worker::LOADER, move |told| match told {
        Some(told) => notice.set(Some(told)),
        // It runs now: the wait is over.
        None if matches!(notice.get_untracked(), Some(Notice::WaitingForOtherTab)) => {
            notice.set(None)
        }
        None => {}
    }) {
        Ok(worker) => Arc::new(ApiClient::new(worker)),
        Err(why) => {
            let error = BackendError::NotStarted(why);
            notice.set(Some(Notice::Error(error.clone())));
            Arc::new(ApiClient::new(NotStarted(error)))
        }
    }
}

/// The in-browser backend that could not start: every request says why,
/// so the page shows a clear message rather than nothing.
struct NotStarted(BackendError);

impl Transport for NotStarted {
    fn send(&self, _: Method, _: &str, _: Option<String>) -> Reply<Answer> {
        ready(Err(self.0.clone()))
    }

    fn subscribe(&self, _: Listener) -> Subscription {
        Subscription::none()
    }

    fn supports_passwords(&self) -> bool {
        false
    }

    fn keeps_data_in_browser(&self) -> bool {
        true
    }
}

/// Wraps a ready value as a [`Reply`].
pub(crate) fn ready<T: 'static>(value: Result<T, BackendError>) -> Reply<T> {
    Box::pin(std::future::ready(value))
}
