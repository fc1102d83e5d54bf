//! The in-browser backend: the portal's API answered in this page by the
//! domain crate's [`LocalApi`] (the same routes, JSON and errors as the
//! server), persisted to local storage after every change, running
//! transfer jobs on timers and raising alerts over time. The page reaches
//! it through the same [`ApiClient`](super::ApiClient) as the server.
//!
//! It keeps the signed-in demo account itself (in local storage too, so a
//! reload keeps the user signed in) and tells its [`Listeners`] what each
//! change touched. Other tabs' changes arrive through storage events.

use super::client::{Answer, Method, Transport};
use super::listeners::Listeners;
use super::{BackendError, Listener, LocalBoxFuture, Notice, Subscription};
use crate::browser;
use leptos::prelude::{set_interval, set_timeout};
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wxp_core::api::Topic;
use wxp_core::local_api::LocalApi;
use wxp_core::seed::DemoConfig;
use wxp_core::{Engine, UserId};

const KEY: &str = "wxp-portal/mock-state";
/// The signed-in demo account.
const SESSION_KEY: &str = "wxp-portal/session";
/// How long a transfer job runs, in milliseconds; tests set it shorter.
const DELAY_KEY: &str = "wxp-portal/transfer-duration-ms";
const DEFAULT_DURATION_MS: u64 = 1_500;
/// How often HP's analytics raise an alert on some PC, in milliseconds;
/// tests set it shorter, `0` stops them.
const ALERT_INTERVAL_KEY: &str = "wxp-portal/alert-interval-ms";
const DEFAULT_ALERT_INTERVAL_MS: u64 = 90_000;

/// The in-browser backend. Works offline; its state survives reloads,
/// running transfers included (they resume after a reload).
#[derive(Clone)]
pub struct InBrowser {
    // The page has one thread: the wrapper only lets the backend live in
    // Leptos context, which wants Send + Sync.
    api: Arc<SendWrapper<Rc<RefCell<LocalApi>>>>,
    listeners: Listeners,
    /// When the job timer is set for, if it is.
    job_timer: Arc<SendWrapper<Rc<RefCell<Option<i64>>>>>,
    /// The revision of the state last saved.
    saved: Arc<SendWrapper<Rc<RefCell<u64>>>>,
}

/// The browser's clock, in milliseconds since 1970.
fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

impl InBrowser {
    /// Opens the stored state, or the seed if there is none. When the stored
    /// state cannot be used it is replaced by the seed, and the returned
    /// notice says why. Transfers left unfinished by a reload resume.
    pub fn open() -> (InBrowser, Option<Notice>) {
        let stored = browser::storage_get(KEY);
        let (api, restore_error) = LocalApi::open(stored.as_deref(), now_ms);
        let backend = InBrowser::with_api(api);
        let notice = match (restore_error, backend.persist(true)) {
            (Some(e), _) => Some(Notice::DataReset(e)),
            (None, Ok(())) => None,
            (None, Err(e)) => Some(Notice::Error(e)),
        };
        backend.run_jobs_when_due();
        backend.raise_alerts_over_time();
        backend.follow_other_tabs();
        (backend, notice)
    }

    /// A backend over `engine`, e.g. for component tests, with the demo
    /// account signed in in this browser, if any.
    pub fn with_engine(engine: Engine) -> InBrowser {
        InBrowser::with_api(LocalApi::new(engine, now_ms))
    }

    fn with_api(mut api: LocalApi) -> InBrowser {
        api.set_signed_in(browser::storage_get(SESSION_KEY).map(UserId));
        let delay = browser::storage_get(DELAY_KEY)
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(DEFAULT_DURATION_MS);
        api.set_transfer_delay_ms(delay);
        let revision = api.revision();
        InBrowser {
            api: Arc::new(SendWrapper::new(Rc::new(RefCell::new(api)))),
            listeners: Listeners::default(),
            job_timer: Arc::new(SendWrapper::new(Rc::new(RefCell::new(None)))),
            saved: Arc::new(SendWrapper::new(Rc::new(RefCell::new(revision)))),
        }
    }

    /// A backend over the seed of `config`, for component tests.
    pub fn seeded(config: DemoConfig) -> InBrowser {
        InBrowser::with_engine(Engine::new(config))
    }

    /// Saves the state if it changed since it was last saved (or `always`),
    /// and who is signed in.
    fn persist(&self, always: bool) -> Result<(), BackendError> {
        let api = self.api.borrow();
        match api.signed_in() {
            // Without storage (private mode, quota) the session lasts until
            // reload.
            Some(user) => {
                let _ = browser::storage_set(SESSION_KEY, &user.0);
            }
            None => browser::storage_remove(SESSION_KEY),
        }
        let revision = api.revision();
        if !always && revision == *self.saved.borrow() {
            return Ok(());
        }
        browser::storage_set(KEY, &api.export()).map_err(BackendError::Storage)?;
        *self.saved.borrow_mut() = revision;
        Ok(())
    }

    /// Runs the transfers that are due, when they are: one timer for the
    /// next one, set again after each run. Each step is saved, so a reload
    /// resumes the rest, and told to the listeners.
    fn run_jobs_when_due(&self) {
        let Some(due) = self.api.borrow().next_job_due() else {
            return;
        };
        {
            let mut timer = self.job_timer.borrow_mut();
            if timer.is_some_and(|set| set <= due) {
                return;
            }
            *timer = Some(due);
        }
        let backend = self.clone();
        set_timeout(
            move || {
                *backend.job_timer.borrow_mut() = None;
                let changed = backend.api.borrow_mut().run_due_jobs();
                // A full storage only loses this step; it is run again
                // after a reload.
                let _ = backend.persist(false);
                if !changed.is_empty() {
                    backend.listeners.notify(&changed);
                }
                backend.run_jobs_when_due();
            },
            Duration::from_millis((due - now_ms()).max(0) as u64),
        );
    }

    /// Raises an alert on some PC every interval, as HP's analytics would
    /// (which PC and what kind follow from the seed), and reports it.
    fn raise_alerts_over_time(&self) {
        let interval = browser::storage_get(ALERT_INTERVAL_KEY)
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(DEFAULT_ALERT_INTERVAL_MS);
        if interval == 0 {
            return;
        }
        let backend = self.clone();
        set_interval(
            move || {
                // A tab in the background would write its copy of the
                // state over changes made meanwhile in the one in use.
                if browser::page_hidden() {
                    return;
                }
                let changed = backend.api.borrow_mut().raise_alert_over_time();
                let _ = backend.persist(false);
                if !changed.is_empty() {
                    backend.listeners.notify(&changed);
                }
            },
            Duration::from_millis(interval),
        );
    }

    /// Takes in what other tabs of the portal store: who is signed in (a
    /// sign-out there signs out here too) and the demo data (their changes,
    /// or a reset), each reported as a change of every topic.
    fn follow_other_tabs(&self) {
        let backend = self.clone();
        let on_storage = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let field = |name: &str| {
                js_sys::Reflect::get(&event, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            match field("key").as_deref() {
                Some(SESSION_KEY) => {
                    let user = field("newValue").map(UserId);
                    backend.api.borrow_mut().set_signed_in(user);
                    // Views read again, as the new user (or nobody).
                    backend.listeners.notify(&Topic::ALL);
                }
                Some(KEY) => {
                    let Some(json) = field("newValue") else {
                        return;
                    };
                    let imported = backend.api.borrow_mut().import(&json);
                    if imported.is_ok() {
                        *backend.saved.borrow_mut() = backend.api.borrow().revision();
                        backend.listeners.notify(&Topic::ALL);
                        backend.run_jobs_when_due();
                    }
                }
                _ => {}
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        }
        // As long as the page: the backend lives until it is closed.
        on_storage.forget();
    }
}

impl Transport for InBrowser {
    fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> LocalBoxFuture<Result<Answer, BackendError>> {
        let response = self.api.borrow_mut().handle(
            method.as_str(),
            path,
            body.as_deref().unwrap_or("").as_bytes(),
        );
        let saved = self.persist(false);
        // Changed in this tab even if the browser could not keep it.
        if response.session_changed {
            self.listeners.notify(&Topic::ALL);
        } else if !response.changed.is_empty() {
            self.listeners.notify(&response.changed);
        }
        self.run_jobs_when_due();
        let answer = Answer {
            status: response.status,
            body: response.body,
        };
        Box::pin(std::future::ready(saved.map(|()| answer)))
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        self.listeners.subscribe(listener)
    }

    fn supports_passwords(&self) -> bool {
        false
    }

    fn keeps_data_in_browser(&self) -> bool {
        true
    }
}
