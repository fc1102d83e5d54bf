//! The API client: the backend as requests to the portal's API (the same
//! routes, JSON and errors whatever answers them), carried by a
//! [`Transport`]. The session's and the demo's routes are here; the
//! product's are in [`super::operations`].
//!
//! Error answers carry an [`ErrorBody`](wxp_core::api::ErrorBody), read by
//! [`answer`].

pub(super) mod answer;
mod deferred;
mod events;
mod fetch;
mod json_list;
mod transport;

pub use deferred::Deferred;
pub use fetch::Fetch;
pub use transport::{Answer, Method, Transport};

use super::requests::NONE;
use super::{Backend, BackendError, DemoBackend, Listener, Reply, Subscription};
use std::sync::Arc;
use wxp_core::api;
use wxp_core::engine::{Account, Session};
use wxp_core::seed::DemoConfig;
use wxp_core::UserId;

/// The backend, reached through its API.
#[derive(Clone)]
pub struct ApiClient {
    transport: Arc<dyn Transport>,
}

impl ApiClient {
    /// A client whose requests `transport` carries.
    pub fn new(transport: impl Transport + 'static) -> ApiClient {
        ApiClient {
            transport: Arc::new(transport),
        }
    }

    /// Itself as every backend is used, with the requests of
    /// [`super::requests`].
    fn api(&self) -> &dyn Backend {
        self
    }
}

/// `None` where the server says nobody is signed in.
fn signed_out_as_none<T: 'static>(reply: Reply<T>) -> Reply<Option<T>> {
    Box::pin(async move {
        match reply.await {
            Ok(value) => Ok(Some(value)),
            Err(BackendError::SignedOut) => Ok(None),
            Err(e) => Err(e),
        }
    })
}

impl Backend for ApiClient {
    fn session(&self) -> Reply<Option<Session>> {
        signed_out_as_none(self.api().get("/session"))
    }

    fn supports_passwords(&self) -> bool {
        self.transport.supports_passwords()
    }

    fn sign_in(&self, email: String, password: String) -> Reply<Session> {
        if !self.transport.supports_passwords() {
            return super::ready(Err(BackendError::NoPasswords));
        }
        self.api().call(
            Method::Post,
            "/session",
            Some(&api::SignIn { email, password }),
        )
    }

    fn sign_out(&self) -> Reply<()> {
        let reply = self.api().command(Method::Delete, "/session", NONE);
        Box::pin(async move {
            match reply.await {
                // Already ended (expired, or the demo data was reset).
                Err(BackendError::SignedOut) => Ok(()),
                other => other,
            }
        })
    }

    fn demo(&self) -> Option<&dyn DemoBackend> {
        // Whether the backend runs the demo shows in its answer to
        // `DemoBackend::accounts` (a server outside demo mode has no demo
        // routes).
        Some(self)
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        self.transport.subscribe(listener)
    }

    fn send(&self, method: Method, path: &str, body: Option<String>) -> Reply<Answer> {
        self.transport.send(method, path, body)
    }
}

impl DemoBackend for ApiClient {
    fn accounts(&self) -> Reply<Option<Vec<Account>>> {
        let reply: Reply<Vec<Account>> = self.api().get("/demo/accounts");
        Box::pin(async move {
            match reply.await {
                Ok(accounts) => Ok(Some(accounts)),
                // Not in demo mode: the demo's routes are not there.
                Err(BackendError::NotFound(_)) => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn sign_in_demo(&self, user: UserId) -> Reply<Session> {
        self.api().call(
            Method::Post,
            "/demo/session",
            Some(&api::DemoSignIn { user }),
        )
    }

    fn demo_config(&self) -> Reply<DemoConfig> {
        self.api().get("/demo/config")
    }

    fn reset_demo(&self, config: DemoConfig) -> Reply<()> {
        self.api()
            .command(Method::Post, "/demo/reset", Some(&config))
    }

    fn keeps_data_in_browser(&self) -> bool {
        self.transport.keeps_data_in_browser()
    }
}
