//! How the API client reaches a backend: a request (method, path under the
//! API base, JSON body) answered with a status and a body, and a stream of
//! live updates. The server is reached with `fetch` ([`super::fetch`]); the
//! client above it is the same whatever carries its requests.

use crate::backend::{BackendError, Listener, LocalBoxFuture, Subscription};

/// An HTTP method the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    /// Its name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A backend's answer: its status and its body (JSON, or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// What carries the API client's requests.
pub trait Transport: Send + Sync {
    /// Sends a request to `path` (under the API base) with `body` as JSON.
    fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> LocalBoxFuture<Result<Answer, BackendError>>;
    /// Reports the topics that change to `listener` until dropped.
    fn subscribe(&self, listener: Listener) -> Subscription;
    /// Whether the backend signs users in with a password.
    fn supports_passwords(&self) -> bool;
    /// Whether the backend keeps its data in this browser.
    fn keeps_data_in_browser(&self) -> bool;
}
