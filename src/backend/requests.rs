//! The requests every operation is made of, as methods of `dyn Backend`:
//! a body written as JSON, sent with [`Backend::send`], and the answer read
//! as JSON or as `204 No Content` ([`super::client::answer`]).

use super::client::{answer, Method};
use super::{ready, Answer, Backend, BackendError, Reply};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// No body.
pub(super) const NONE: Option<&()> = None;

impl<'a> dyn Backend + 'a {
    /// The answer to a request with `body` as JSON (or none).
    pub(super) fn request<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Reply<Answer> {
        match body.map(serde_json::to_string).transpose() {
            Ok(body) => self.send(method, path, body),
            Err(e) => ready(Err(BackendError::Transport(e.to_string()))),
        }
    }

    /// `GET path`, answered with JSON.
    pub(super) fn get<T: DeserializeOwned + 'static>(&self, path: &str) -> Reply<T> {
        self.call(Method::Get, path, NONE)
    }

    /// A request answered with JSON.
    pub(super) fn call<B: Serialize + ?Sized, T: DeserializeOwned + 'static>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Reply<T> {
        let answer = self.request(method, path, body);
        Box::pin(async move { answer::json(answer.await?) })
    }

    /// A request answered `204 No Content`.
    pub(super) fn command<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Reply<()> {
        let answer = self.request(method, path, body);
        Box::pin(async move { answer::empty(answer.await?) })
    }
}
