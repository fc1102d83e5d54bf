//! The messages between the page and the worker that runs [`LocalApi`]
//! (crate `engine-worker`) for every tab of the portal.
//!
//! Each message is an object `{kind, id, status, method, path, body}`. A
//! request's and an answer's `body` is the API's JSON text, carried as it
//! is (a 100,000-PC list is not escaped into another JSON document); the
//! other kinds carry their JSON below in `body`.
//!
//! - page → worker: [`HELLO`] once per tab ([`Hello`]), then [`REQUEST`]s
//!   (`id`, `method`, `path` under the API base, `body`).
//! - worker → page: [`READY`] once per hello ([`Ready`]), an [`ANSWER`] to
//!   each request (`id`, `status`, `body`), and [`CHANGED`] to every tab
//!   after a change ([`Changed`]).
//!
//! [`LocalApi`]: super::LocalApi

use crate::api::Topic;
use crate::store::RestoreError;
use serde::{Deserialize, Serialize};

/// A tab's first message.
pub const HELLO: &str = "hello";
/// A request of the page's API client.
pub const REQUEST: &str = "request";
/// The worker's answer to a hello.
pub const READY: &str = "ready";
/// The worker's answer to a request.
pub const ANSWER: &str = "answer";
/// Something changed: every tab hears it.
pub const CHANGED: &str = "changed";
/// The worker could not start (its loader says so, with why in `body`).
pub const FAILED: &str = "failed";
/// A dedicated worker (the browser has no SharedWorker) waits for another
/// tab's engine to stop before it starts: only one may write (its loader
/// says so; `ready` follows once it runs).
pub const WAITING: &str = "waiting";

/// What a tab tells the worker first: the settings it was opened with, and
/// what an older version of the portal left in this tab's local storage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// How long a transfer runs, in milliseconds (tests shorten it).
    pub transfer_ms: Option<u64>,
    /// How often alerts are raised over time, in milliseconds; 0 stops them.
    pub alert_interval_ms: Option<u64>,
    /// A state an older version kept in local storage, taken over once.
    pub legacy_state: Option<String>,
    /// Who that version had signed in.
    pub legacy_session: Option<String>,
}

/// The worker's answer to a hello.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ready {
    /// The stored demo data could not be used and was replaced by the seed.
    pub reset: Option<RestoreError>,
    /// The worker cannot keep the data (no IndexedDB): it lasts until the
    /// last tab closes.
    pub not_kept: Option<String>,
}

/// What changed, for every tab.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changed {
    /// The topics that changed (every topic when who is signed in did).
    pub topics: Vec<Topic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_written() {
        let hello = Hello {
            transfer_ms: Some(200),
            alert_interval_ms: Some(0),
            legacy_state: Some("{}".into()),
            legacy_session: None,
        };
        let text = serde_json::to_string(&hello).unwrap();
        assert_eq!(serde_json::from_str::<Hello>(&text).unwrap(), hello);
        let ready = Ready {
            reset: Some(RestoreError::OtherVersion { found: 0 }),
            not_kept: None,
        };
        let text = serde_json::to_string(&ready).unwrap();
        assert_eq!(serde_json::from_str::<Ready>(&text).unwrap(), ready);
        let changed = Changed {
            topics: vec![Topic::Transfers],
        };
        assert_eq!(
            serde_json::to_string(&changed).unwrap(),
            r#"{"topics":["transfers"]}"#
        );
    }
}
