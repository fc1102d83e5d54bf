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
        wasm_bindgen_futures::spawn_local(arrival.clone().map(drop));
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
        wasm_bindgen_futures::spawn_local({
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

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use futures::channel::oneshot;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// Answers every request with its path; counts subscriptions.
    struct Echo(Arc<AtomicUsize>);

    impl Transport for Echo {
        fn send(
            &self,
            _: Method,
            path: &str,
            _: Option<String>,
        ) -> LocalBoxFuture<Result<Answer, BackendError>> {
            let body = path.to_owned();
            Box::pin(async move { Ok(Answer { status: 200, body }) })
        }
        fn subscribe(&self, _: Listener) -> Subscription {
            self.0.fetch_add(1, Ordering::SeqCst);
            let count = self.0.clone();
            Subscription::new(move || {
                count.fetch_sub(1, Ordering::SeqCst);
            })
        }
        fn supports_passwords(&self) -> bool {
            true
        }
        fn keeps_data_in_browser(&self) -> bool {
            false
        }
    }

    #[test]
    async fn requests_made_before_the_transport_arrives_are_answered_once_it_does() {
        let (arrive, arrival) = oneshot::channel::<Arrival>();
        let deferred = Deferred::new(async move { arrival.await.unwrap() }, false, true);
        // What it says of itself before it is here.
        assert!(!deferred.supports_passwords());
        assert!(deferred.keeps_data_in_browser());
        let early = deferred.send(Method::Get, "/session", None);
        let subscribers = Arc::new(AtomicUsize::new(0));
        let subscription = deferred.subscribe(Listener::topics(|_| {}));
        arrive
            .send(Ok(Arc::new(Echo(subscribers.clone()))))
            .ok()
            .unwrap();
        assert_eq!(early.await.unwrap().body, "/session");
        assert_eq!(
            deferred
                .send(Method::Get, "/later", None)
                .await
                .unwrap()
                .body,
            "/later"
        );
        // The subscription is made in a task of its own, once it arrives.
        crate::browser::yield_to_page().await;
        assert_eq!(subscribers.load(Ordering::SeqCst), 1);
        drop(subscription);
        assert_eq!(subscribers.load(Ordering::SeqCst), 0);
    }

    #[test]
    async fn a_transport_that_cannot_come_answers_every_request_with_why() {
        let why = BackendError::NotStarted("its code could not be fetched from the server".into());
        let deferred = Deferred::new(std::future::ready(Err(why.clone())), false, true);
        assert_eq!(
            deferred.send(Method::Get, "/session", None).await,
            Err(why.clone())
        );
        assert_eq!(
            deferred.send(Method::Post, "/demo/session", None).await,
            Err(why)
        );
        // A subscription to nothing, ended without harm.
        drop(deferred.subscribe(Listener::topics(|_| {})));
    }
}
