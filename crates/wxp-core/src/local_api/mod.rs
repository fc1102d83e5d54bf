//! The in-browser backend's API: the portal server's HTTP API, answered by
//! a pure function over the domain [`Engine`], so that a web worker can
//! answer the page's requests exactly as the server does.
//!
//! # How a worker drives it
//!
//! - [`LocalApi::open`] (the stored state, or the seed with the reason the
//!   stored one could not be used) or [`LocalApi::new`], with the clock
//!   (milliseconds since 1970; `Date.now()` in a browser).
//! - [`LocalApi::handle`]`(method, path, body)` for each request of the
//!   page: the same routes as the server's API, with paths relative to its
//!   base ([`crate::api::API_BASE`], as the page's HTTP client writes them:
//!   `/customers/{id}/devices`), the same request JSON, the same success
//!   JSON, the same statuses and [`crate::api::ErrorBody`]s. The answer's
//!   [`LocalResponse::changed`] names the topics the request changed for
//!   the signed-in account, as the server's live updates would: the worker
//!   tells them to every tab. [`LocalResponse::session_changed`] says who
//!   is signed in changed (sign-in, sign-out, a reset): every tab reads
//!   `GET /session` again.
//! - [`LocalApi::run_due_jobs`] on a timer (at
//!   [`LocalApi::next_job_due`]): transfers run in the background, as on
//!   the server; its topics are told like a request's.
//! - [`LocalApi::raise_alert_over_time`] every alert interval, as the
//!   server raises HP's analytics alerts.
//! - [`LocalApi::export`] whenever [`LocalApi::revision`] moved on (the
//!   engine's persisted form, [`crate::store`]), and
//!   [`LocalApi::signed_in`] for the identity; the
//!   next start passes both back ([`LocalApi::open`],
//!   [`LocalApi::set_signed_in`]).
//!
//! # What differs from the server, and why
//!
//! - One identity per browser: the signed-in demo account is the
//!   backend's, shared by every tab, as a cookie is. Signing in replaces
//!   it; signing out ends it for every tab.
//! - Routes that mean nothing without a server answer 404 JSON (reason
//!   `not_found`), saying why ([`ServerOnly`]): `POST /session` (there are
//!   no passwords here, only the demo accounts), `GET /events` (live
//!   updates travel with each answer, in `changed`) and
//!   `POST /operator/ingest` (there is no operator).
//! - The demo routes always work: the in-browser backend is the demo.
//! - Every body is taken as JSON (there are no headers, so no 415); a body
//!   the API refuses gets the server's status and reason, and the message
//!   says the same but for the JSON path serde's error is prefixed with on
//!   the server (`name: invalid type…`). The size limit (413) is the
//!   server's.
//! - A queued transfer is marked running, and a due one run, when the
//!   worker calls [`LocalApi::run_due_jobs`], not by a task of its own
//!   ([`LocalApi::next_job_due`] says when: at once for a queued job).
//! - `changed` holds the topics the signed-in account's live-update stream
//!   would pass on (its own organisation's changes); with nobody signed in,
//!   only a reset's.
//! - Customer IDs and cPINs of new dashboards come from the engine's log,
//!   not from a random source; transfer job and case numbers start again
//!   at 1 after a reset (on PostgreSQL the server's carry on).

mod changes;
mod handlers;
mod jobs;
pub mod protocol;
mod request;
mod routes;
mod session;

pub use routes::ServerOnly;

use crate::api::{ErrorBody, Topic, API_BASE};
use crate::date::Timestamp;
use crate::engine::Engine;
use crate::seed::DemoConfig;
use crate::store::{self, RestoreError};
use crate::UserId;
use changes::Changes;
use handlers::Call;
use jobs::Jobs;
use request::Reply;
use routes::Lookup;
use serde::{Deserialize, Serialize};
use session::Identity;

/// The answer to one request, as the server would give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalResponse {
    /// The HTTP status.
    pub status: u16,
    /// The JSON body; empty for `204 No Content`.
    pub body: String,
    /// What the request changed, for the signed-in account: the topics the
    /// server's live-update stream would name. Empty for a read or a
    /// refusal.
    pub changed: Vec<Topic>,
    /// Who is signed in changed (signed in, signed out, the demo data was
    /// reset): every tab reads its session again.
    pub session_changed: bool,
}

/// The clock: milliseconds since 1970-01-01T00:00:00Z.
pub type Clock = Box<dyn Fn() -> i64>;

/// The in-browser backend's API over an [`Engine`] and the browser's one
/// signed-in account.
pub struct LocalApi {
    engine: Engine,
    identity: Identity,
    jobs: Jobs,
    clock: Clock,
    /// Moves on with every change to the stored form.
    revision: u64,
}

impl std::fmt::Debug for LocalApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalApi")
            .field("identity", &self.identity)
            .field("jobs", &self.jobs)
            .finish_non_exhaustive()
    }
}

impl LocalApi {
    /// The API over `engine`, nobody signed in, reading time from `clock`
    /// (milliseconds since 1970).
    pub fn new(engine: Engine, clock: impl Fn() -> i64 + 'static) -> LocalApi {
        LocalApi {
            engine,
            identity: Identity::default(),
            jobs: Jobs::default(),
            clock: Box::new(clock),
            revision: 0,
        }
    }

    /// The API over a stored state ([`LocalApi::export`]'s), or over the
    /// default demo seed when there is none. A stored state that cannot be
    /// used (corrupted, or written by another version) is replaced by the
    /// seed, and the error says why, for the page to tell the user.
    pub fn open(
        stored: Option<&str>,
        clock: impl Fn() -> i64 + 'static,
    ) -> (LocalApi, Option<RestoreError>) {
        let (engine, error) = match stored.map(store::restore) {
            None => (Engine::new(DemoConfig::default()), None),
            Some(Ok(engine)) => (engine, None),
            Some(Err(e)) => (Engine::new(DemoConfig::default()), Some(e)),
        };
        (LocalApi::new(engine, clock), error)
    }

    /// Answers one request of the page, as the server would: `method` as
    /// HTTP spells it (`GET`, `POST`, `PUT`, `DELETE`), `path` relative to
    /// the API base (`/customers`, a query string is ignored), `body` the
    /// request's JSON (ignored by routes that take none).
    pub fn handle(&mut self, method: &str, path: &str, body: &[u8]) -> LocalResponse {
        let head = method == "HEAD";
        let method = if head { "GET" } else { method };
        let path = path.split_once('?').map_or(path, |(path, _)| path);
        let (route, raw_params) = match routes::lookup(method, path) {
            Lookup::Found(route, params) => match request::within_limit(body) {
                Ok(()) => (route, params),
                Err(refusal) => return LocalResponse::refused(refusal),
            },
            Lookup::OtherMethods => {
                return LocalResponse::refused(request::Refusal {
                    status: 405,
                    body: ErrorBody::method_not_allowed(method, &format!("{API_BASE}{path}")),
                })
            }
            Lookup::Nothing => {
                let body = crate::api::ErrorBody::no_such_route(&format!(
                    "{}{path}",
                    crate::api::API_BASE
                ));
                return LocalResponse::refused(request::Refusal::new(
                    crate::api::status::NOT_FOUND,
                    body,
                ));
            }
        };
        let now_ms = (self.clock)();
        let mut changes = Changes::default();
        let identity_before = self.identity.clone();
        let mut call = Call {
            engine: &mut self.engine,
            identity: &mut self.identity,
            jobs: &mut self.jobs,
            replaced: false,
            changes: &mut changes,
            now: Timestamp(now_ms.div_euclid(1000)),
            now_ms,
            path,
            method,
            raw_params,
            body,
        };
        let logged = call.engine.events().len();
        let answer = handlers::answer(route, &mut call);
        let replaced = call.replaced;
        self.moved_on(logged, replaced);
        let session_changed = self.identity != identity_before;
        let mut response = match answer {
            Ok(Reply::Json(json)) => LocalResponse::ok(json),
            Ok(Reply::NoContent) => LocalResponse::empty(204),
            Err(refusal) => LocalResponse::refused(refusal),
        };
        if head {
            response.body.clear();
        }
        response.changed = self.heard(&changes);
        response.session_changed = session_changed;
        response
    }

    /// Moves transfers on, as the server's runner does: queued jobs are
    /// marked running, and those due (the transfer delay after they were
    /// submitted) run to completion, oldest first. Answers the topics that
    /// changed for the signed-in account. Call it at
    /// [`LocalApi::next_job_due`].
    pub fn run_due_jobs(&mut self) -> Vec<Topic> {
        let now_ms = (self.clock)();
        let mut changes = Changes::default();
        let logged = self.engine.events().len();
        self.jobs.run_due(&mut self.engine, now_ms, &mut changes);
        self.moved_on(logged, false);
        self.heard(&changes)
    }

    /// When [`LocalApi::run_due_jobs`] next has work, in milliseconds since
    /// 1970 (at once for a queued job); `None` when no job is waiting.
    pub fn next_job_due(&self) -> Option<i64> {
        self.jobs.next_due(&self.engine)
    }

    /// How long a transfer shows as running before it runs, in
    /// milliseconds (300 by default, as the server's
    /// `WXP_TRANSFER_DELAY_MS`).
    pub fn set_transfer_delay_ms(&mut self, ms: u64) {
        self.jobs.set_delay_ms(ms);
    }

    /// Raises the next of the alerts HP's analytics flag over time, as the
    /// server does every alert interval; answers the topics that changed
    /// for the signed-in account.
    pub fn raise_alert_over_time(&mut self) -> Vec<Topic> {
        let now = Timestamp((self.clock)().div_euclid(1000));
        let mut changes = Changes::default();
        let logged = self.engine.events().len();
        let raised = self.engine.raise_scheduled_alert(now);
        self.moved_on(logged, false);
        if let Some(alert) = raised {
            if let Some(alert) = self.engine.alert(alert) {
                changes.tell(Topic::Alerts, changes::Audience::of_alert(alert));
            }
        }
        self.heard(&changes)
    }

    /// The state to store: the engine's persisted form ([`crate::store`]).
    /// The signed-in account is not part of it ([`LocalApi::signed_in`]).
    pub fn export(&self) -> String {
        store::save(&self.engine)
    }

    /// Replaces the state by a stored one (another worker's, or a backup);
    /// on error nothing changes. The signed-in account stays; if the new
    /// state does not have it, requests answer 401 as after a sign-out.
    /// Answers every topic: everything may have changed.
    pub fn import(&mut self, stored: &str) -> Result<Vec<Topic>, RestoreError> {
        self.engine = store::restore(stored)?;
        self.jobs.forget();
        self.moved_on(0, true);
        Ok(Topic::ALL.to_vec())
    }

    /// Moves on whenever the state's stored form ([`LocalApi::export`])
    /// does: a request that changed something, a job that moved, an alert
    /// raised, a reset or an import. A worker stores the state when it
    /// differs from the revision it last stored: the topics of an answer
    /// are the signed-in account's, and may be empty when another
    /// organisation's data changed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The signed-in account, to store beside the state.
    pub fn signed_in(&self) -> Option<&UserId> {
        self.identity.user()
    }

    /// Signs `user` in (or, with `None`, out) without a request: the
    /// account stored by a previous start.
    pub fn set_signed_in(&mut self, user: Option<UserId>) {
        self.identity = Identity::from(user);
    }

    /// The engine, to read.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Every route this API answers, as `METHOD /path` with the server's
    /// parameter names (`GET /customers/{id}`), in the order of its table.
    pub fn routes() -> Vec<String> {
        routes::served()
    }

    /// The server's routes this API answers with 404, each with why.
    pub fn server_only_routes() -> Vec<(String, ServerOnly)> {
        routes::server_only()
    }

    /// Moves the revision on if the log grew (or was replaced) since it
    /// held `logged` events.
    fn moved_on(&mut self, logged: usize, replaced: bool) {
        if replaced || self.engine.events().len() != logged {
            self.revision += 1;
        }
    }

    /// The topics of `changes` the signed-in account hears of.
    fn heard(&self, changes: &Changes) -> Vec<Topic> {
        let user = self.identity.user().and_then(|u| self.engine.find_user(u));
        changes.heard_by(user)
    }

    /// Whether a job is still waiting or running.
    #[cfg(test)]
    fn job_state(&self, job: crate::engine::JobId) -> Option<crate::engine::JobState> {
        self.engine.job(job).map(|j| j.state)
    }
}

impl LocalResponse {
    fn ok(body: String) -> LocalResponse {
        LocalResponse {
            status: crate::api::status::OK,
            body,
            changed: Vec::new(),
            session_changed: false,
        }
    }

    fn empty(status: u16) -> LocalResponse {
        LocalResponse {
            status,
            body: String::new(),
            changed: Vec::new(),
            session_changed: false,
        }
    }

    fn refused(refusal: request::Refusal) -> LocalResponse {
        LocalResponse {
            status: refusal.status,
            body: serde_json::to_string(&refusal.body).expect("error bodies serialise"),
            changed: Vec::new(),
            session_changed: false,
        }
    }
}

#[cfg(test)]
mod tests;
