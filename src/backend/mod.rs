//! The one interface every page uses to reach the backend.
//!
//! Both backends speak the portal's API, through one [`ApiClient`]: the
//! server over [`Fetch`], or the in-browser backend in its worker, shared
//! by every tab ([`EngineWorker`]; [`InBrowser`] runs the same `LocalApi`
//! in the page, for component tests). Pages get an `Arc<dyn Backend>` from
//! context through [`use_backend`] and never know which one it is; the
//! product's operations are methods of `dyn Backend` (`operations.rs`).
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
mod operations;
mod requests;
mod worker;

pub use client::{Answer, ApiClient, Deferred, Fetch, Method, Transport};
pub use demo::{demo_accounts, DemoBackend};
pub use error::{BackendError, Refusal};
pub use guard::{SessionEnded, SessionGuard};
pub use in_browser::InBrowser;
pub use live::{connect, use_live, Listener, LiveUpdates, Subscription};
pub use worker::EngineWorker;

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wxp_core::engine::Session;
use wxp_core::store::RestoreError;

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

    /// Sends a request to the API; every operation of the product is one
    /// (`operations.rs`, where each is a method of `dyn Backend`).
    fn send(&self, method: Method, path: &str, body: Option<String>) -> Reply<Answer>;
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
    let on_ready = move |told| match told {
        Some(told) => notice.set(Some(told)),
        // It runs now: the wait is over.
        None if matches!(notice.get_untracked(), Some(Notice::WaitingForOtherTab)) => {
            notice.set(None)
        }
        None => {}
    };
    #[cfg(feature = "split")]
    let connected = engine_worker(Box::new(on_ready));
    #[cfg(not(feature = "split"))]
    let connected = std::future::ready(engine_worker(Box::new(on_ready)));
    let arrival = async move {
        // Every request then says why, so the page shows a clear message
        // rather than nothing.
        connected
            .await
            .inspect_err(|error| notice.set(Some(Notice::Error(error.clone()))))
    };
    // Meanwhile, what it says of itself: no passwords, data kept in this
    // browser.
    Arc::new(ApiClient::new(Deferred::new(arrival, false, true)))
}

/// The in-browser backend's transport, started: with the `split` feature,
/// its code is a wasm module of its own, which a page served by the
/// portal's server never fetches.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(engine_worker, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn engine_worker(
    on_ready: Box<dyn Fn(Option<Notice>)>,
) -> Result<Arc<dyn Transport>, BackendError> {
    match EngineWorker::connect(worker::LOADER, on_ready) {
        Ok(worker) => Ok(Arc::new(worker)),
        Err(why) => Err(BackendError::NotStarted(why)),
    }
}

/// Wraps a ready value as a [`Reply`].
pub(crate) fn ready<T: 'static>(value: Result<T, BackendError>) -> Reply<T> {
    Box::pin(std::future::ready(value))
}
