//! The portal server's API over `fetch` (gloo-net), under the API base the
//! server puts in the page (`/api/v1`).
//!
//! The identity is the server's HttpOnly session cookie: the page and the
//! API share an origin, so every request carries it and the page never
//! sees it. Live updates come from [`super::events`].

use super::transport::{Answer, Method, Transport};
use crate::backend::{BackendError, Listener, LocalBoxFuture, Subscription};
use gloo_net::http::{Request, RequestBuilder};
use web_sys::RequestCredentials;

/// The server, reached with `fetch`.
pub struct Fetch {
    base: String,
}

impl Fetch {
    /// The API at `base`, e.g. `/api/v1`.
    pub fn new(base: impl Into<String>) -> Fetch {
        Fetch {
            base: base.into().trim_end_matches('/').to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Transport for Fetch {
    fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> LocalBoxFuture<Result<Answer, BackendError>> {
        let url = self.url(path);
        Box::pin(async move {
            let builder = match method {
                Method::Get => Request::get(&url),
                Method::Post => Request::post(&url),
                Method::Put => Request::put(&url),
                Method::Delete => Request::delete(&url),
            };
            let builder: RequestBuilder = builder.credentials(RequestCredentials::SameOrigin);
            let request = match body {
                Some(json) => builder
                    .header("Content-Type", "application/json")
                    .body(json),
                None => builder.build(),
            }
            .map_err(|e| BackendError::Transport(e.to_string()))?;
            let response = request
                .send()
                .await
                .map_err(|e| BackendError::Transport(e.to_string()))?;
            let status = response.status();
            // Bytes, checked as UTF-8 here: a copy and a check, cheaper than
            // the browser's text (UTF-16) converted again (a 14 MB list of
            // PCs was a task of its own).
            let bytes = response
                .binary()
                .await
                .map_err(|e| BackendError::Transport(e.to_string()))?;
            let body = String::from_utf8(bytes).map_err(|e| {
                BackendError::Unreadable(format!("the answer is not UTF-8 text: {e}"))
            })?;
            Ok(Answer { status, body })
        })
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        super::events::subscribe(&self.url("/events"), listener)
    }

    fn supports_passwords(&self) -> bool {
        true
    }

    fn keeps_data_in_browser(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn paths_are_built_from_the_base() {
        assert_eq!(Fetch::new("/api/v1/").url("/session"), "/api/v1/session");
    }
}
