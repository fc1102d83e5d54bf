//! The one engine of every tab: answers each tab's requests with
//! [`LocalApi`], saves the state after every change, runs transfers when
//! they are due and raises alerts over time, and tells every tab what
//! changed.

use crate::storage::{Commit, Storage, Stored};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessagePort, WorkerGlobalScope};
use worker_message::Message;
use wxp_core::api::Topic;
use wxp_core::local_api::protocol::{self, Changed, Hello, Ready};
use wxp_core::local_api::LocalApi;
use wxp_core::store::RestoreError;
use wxp_core::UserId;

/// How long a transfer runs unless a tab says otherwise.
const DEFAULT_TRANSFER_MS: u64 = 1_500;
/// How often alerts are raised unless a tab says otherwise.
const DEFAULT_ALERT_INTERVAL_MS: u64 = 90_000;

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A tab: the port of a shared worker, or the dedicated worker's own scope.
#[derive(Clone)]
pub enum Tab {
    Port(MessagePort),
    Scope(web_sys::DedicatedWorkerGlobalScope),
}

impl Tab {
    fn post(&self, message: &Message) {
        let value = message.to_js();
        // Posting fails only for values that cannot be cloned; ours can.
        let _ = match self {
            Tab::Port(port) => port.post_message(&value),
            Tab::Scope(scope) => scope.post_message(&value),
        };
    }
}

/// The messages the loader kept while the wasm loaded (a dedicated worker).
fn early_messages() -> js_sys::Array {
    let kept = js_sys::Reflect::get(&js_sys::global(), &"wxpEarlyMessages".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .unwrap_or_default();
    let taken = kept.slice(0, kept.length());
    kept.set_length(0);
    taken
}

struct State {
    api: LocalApi,
    storage: Option<Storage>,
    /// Why the data is not kept, if it is not.
    not_kept: Option<String>,
    /// Why the stored data was replaced by the seed, told to the first tab.
    reset: Option<RestoreError>,
    saved_revision: Option<u64>,
    tabs: Vec<Tab>,
    job_timer_at: Option<i64>,
    alerts_started: bool,
}

/// The engine and the tabs it serves.
#[derive(Clone)]
pub struct Hub(Rc<RefCell<State>>);

impl Hub {
    /// Opens the stored state (or the seed).
    pub async fn open() -> Hub {
        let (storage, stored, not_kept) = match Storage::open().await {
            Ok(storage) => match storage.load().await {
                Ok(stored) => (Some(storage), stored, None),
                Err(e) => (Some(storage), Stored::default(), Some(e)),
            },
            Err(e) => (None, Stored::default(), Some(e)),
        };
        let (mut api, reset) = LocalApi::open(stored.state.as_deref(), now_ms);
        api.set_signed_in(stored.session.map(UserId));
        api.set_transfer_delay_ms(DEFAULT_TRANSFER_MS);
        let saved_revision = if reset.is_none() && stored.state.is_some() {
            Some(api.revision())
        } else {
            None
        };
        let hub = Hub(Rc::new(RefCell::new(State {
            api,
            storage,
            not_kept,
            reset,
            saved_revision,
            tabs: Vec::new(),
            job_timer_at: None,
            alerts_started: false,
        })));
        hub.save();
        hub.run_jobs_when_due();
        hub
    }

    /// Serves a tab's messages.
    pub fn serve(&self, tab: Tab) {
        let hub = self.clone();
        let from = tab.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(message) = Message::from_js(&event.data()) {
                    hub.receive(&from, message);
                }
            },
        );
        self.0.borrow_mut().tabs.push(tab.clone());
        match &tab {
            // Setting the handler starts the port: messages sent before
            // were queued, none is lost.
            Tab::Port(port) => port.set_onmessage(Some(on_message.as_ref().unchecked_ref())),
            Tab::Scope(scope) => {
                scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                // A dedicated worker has no queue: the loader kept them.
                for data in early_messages().iter() {
                    if let Some(message) = Message::from_js(&data) {
                        self.receive(&tab, message);
                    }
                }
            }
        }
        // As long as the worker: a closed tab's port just hears nothing.
        on_message.forget();
    }

    fn receive(&self, tab: &Tab, message: Message) {
        match message.kind.as_str() {
            protocol::HELLO => {
                let hello: Hello = serde_json::from_str(&message.body).unwrap_or_default();
                let ready = self.hello(hello);
                let body = serde_json::to_string(&ready).expect("answers serialise");
                tab.post(&Message {
                    id: message.id,
                    status: 200,
                    ..Message::new(protocol::READY, body)
                });
            }
            protocol::REQUEST => self.request(tab, message),
            _ => {}
        }
    }

    fn hello(&self, hello: Hello) -> Ready {
        let mut reset = {
            let mut state = self.0.borrow_mut();
            if let Some(ms) = hello.transfer_ms {
                state.api.set_transfer_delay_ms(ms);
            }
            state.reset.take()
        };
        if let Some(legacy) = hello.legacy_state {
            let taken = self.0.borrow_mut().api.import(&legacy);
            if let Err(e) = taken {
                // What an older version kept cannot be used: the seed.
                let mut state = self.0.borrow_mut();
                let delay = hello.transfer_ms.unwrap_or(DEFAULT_TRANSFER_MS);
                state.api = LocalApi::open(None, now_ms).0;
                state.api.set_transfer_delay_ms(delay);
                reset = Some(e);
            }
        }
        if let Some(user) = hello.legacy_session {
            self.0.borrow_mut().api.set_signed_in(Some(UserId(user)));
        }
        self.start_alerts(hello.alert_interval_ms.unwrap_or(DEFAULT_ALERT_INTERVAL_MS));
        self.save();
        self.run_jobs_when_due();
        Ready {
            reset,
            not_kept: self.0.borrow().not_kept.clone(),
        }
    }

    fn request(&self, tab: &Tab, message: Message) {
        let response =
            self.0
                .borrow_mut()
                .api
                .handle(&message.method, &message.path, message.body.as_bytes());
        let hub = self.clone();
        let tab = tab.clone();
        // Like a server after COMMIT: nobody hears of a change before it
        // is kept.
        self.save_then(move || {
            tab.post(&Message {
                id: message.id,
                status: response.status,
                ..Message::new(protocol::ANSWER, response.body)
            });
            if response.session_changed {
                hub.tell(&Topic::ALL);
            } else if !response.changed.is_empty() {
                hub.tell(&response.changed);
            }
        });
        self.run_jobs_when_due();
    }

    /// Tells every tab that `topics` changed.
    fn tell(&self, topics: &[Topic]) {
        let body = serde_json::to_string(&Changed {
            topics: topics.to_vec(),
        })
        .expect("topics serialise");
        let message = Message::new(protocol::CHANGED, body);
        for tab in self.0.borrow().tabs.iter() {
            tab.post(&message);
        }
    }

    /// Saves the state if it changed since it was last saved.
    fn save(&self) -> Option<Commit> {
        let mut state = self.0.borrow_mut();
        let revision = state.api.revision();
        let changed = state.saved_revision != Some(revision);
        let storage = state.storage.clone()?;
        let json = changed.then(|| state.api.export());
        let session = state.api.signed_in().map(|u| u.0.clone());
        match storage.save(json.as_deref(), session.as_deref()) {
            Ok(commit) => {
                state.saved_revision = Some(revision);
                Some(commit)
            }
            Err(e) => {
                state.not_kept = Some(e);
                None
            }
        }
    }

    /// Saves the state, then runs `kept` once the write is on disk (or
    /// could not be: then the tabs that say hello next hear why).
    fn save_then(&self, kept: impl FnOnce() + 'static) {
        let Some(commit) = self.save() else {
            return kept();
        };
        let hub = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = commit.kept().await {
                let mut state = hub.0.borrow_mut();
                state.not_kept = Some(e);
                // The next save writes the whole state again.
                state.saved_revision = None;
            }
            kept();
        });
    }

    /// Runs the transfers that are due, when they are: one timer for the
    /// next one, set again after each run.
    fn run_jobs_when_due(&self) {
        let due = {
            let mut state = self.0.borrow_mut();
            let Some(due) = state.api.next_job_due() else {
                return;
            };
            if state.job_timer_at.is_some_and(|set| set <= due) {
                return;
            }
            state.job_timer_at = Some(due);
            due
        };
        let hub = self.clone();
        let run = Closure::once_into_js(move || {
            hub.0.borrow_mut().job_timer_at = None;
            let changed = hub.0.borrow_mut().api.run_due_jobs();
            let told = hub.clone();
            hub.save_then(move || {
                if !changed.is_empty() {
                    told.tell(&changed);
                }
            });
            hub.run_jobs_when_due();
        });
        let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
        let wait = (due - now_ms()).clamp(0, i32::MAX as i64) as i32;
        let _ =
            scope.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), wait);
    }

    /// Raises an alert on some PC every `interval_ms` (0: never), as HP's
    /// analytics would; started once, by the first tab.
    fn start_alerts(&self, interval_ms: u64) {
        {
            let mut state = self.0.borrow_mut();
            if state.alerts_started || interval_ms == 0 {
                return;
            }
            state.alerts_started = true;
        }
        let hub = self.clone();
        let raise = Closure::<dyn FnMut()>::new(move || {
            let changed = hub.0.borrow_mut().api.raise_alert_over_time();
            let told = hub.clone();
            hub.save_then(move || {
                if !changed.is_empty() {
                    told.tell(&changed);
                }
            });
        });
        let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.set_interval_with_callback_and_timeout_and_arguments_0(
            raise.as_ref().unchecked_ref(),
            interval_ms.min(i32::MAX as u64) as i32,
        );
        raise.forget();
    }
}
