//! A transport whose code arrives after the page starts: the in-browser
//! backend's, a wasm module of its own in the split build
//! (`backend::from_page`), which a page served by the portal's server never
//! fetches. Requests and subscriptions made meanwhile wait for it.

use super::transport::{Answer, Method, Transport};
use crate::backend::{BackendError, Listener, LocalBoxFuture, Subscription};
use futures::future::{FutureExt, Shared};
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

/// The transport once here, or why it could not come.
type Arrival = Result<Arc<dyn Transport>, BackendError>;

/// A [`Transport`] still on its way.
pub struct Deferred {
    // The page has one thread: the wrapper only lets the backend live in
    // Leptos context, which wants Send + Sync.
    arrival: SendWrapper<Shared<LocalBoxFuture<Arrival>>>,
    supports_passwords: bool,
    keeps_data_in_browser: bool,
}

impl Deferred {
    /// The transport `arrival` brings, fetched from now on, whether or not
    /// anything is sent yet. What it says of itself before it is here:
    /// whether it takes passwords, whether it keeps data in the browser.
    pub fn new(
        arrival: impl std::future::Future<Output = Arrival> + 'static,
        supports_passwords: bool,
        keeps_data_in_browser: bool,
    ) -> Deferred {
        let arrival = (Box::pin(arrival) as LocalBoxFuture<Arrival>).shared();
        leptos::task::spawn_local(arrival.clone().map(drop));
        Deferred {
            arrival: SendWrapper::new(arrival),
            supports_passwords,
            keeps_data_in_browser,
        }
    }
}

impl Transport for Deferred {
    fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> LocalBoxFuture<Result<Answer, BackendError>> {
        let (arrival, path) = ((*self.arrival).clone(), path.to_owned());
        Box::pin(async move { arrival.await?.send(method, &path, body).await })
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        let arrival = (*self.arrival).clone();
        let subscription = Rc::new(RefCell::new(None));
        let ended = Rc::new(Cell::new(false));
        leptos::task::spawn_local({
            let (subscription, ended) = (subscription.clone(), ended.clone());
            async move {
                if let Ok(transport) = arrival.await {
                    if !ended.get() {
                        *subscription.borrow_mut() = Some(transport.subscribe(listener));
                    }
                }
            }
        });
        Subscription::new(move || {
            ended.set(true);
            subscription.borrow_mut().take();
        })
    }

    fn supports_passwords(&self) -> bool {
        self.supports_passwords
    }

    fn keeps_data_in_browser(&self) -> bool {
        self.keeps_data_in_browser
    }
}
