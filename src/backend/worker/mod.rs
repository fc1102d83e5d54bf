//! The in-browser backend's worker (crate `engine-worker`), reached by
//! messages: one engine for every tab of the portal, so that a change made
//! in one tab is never written over by another, and shows in the others at
//! once through the same live-update subscription the server feeds.
//!
//! The page speaks the portal's API to it as to the server
//! ([`Transport`]): each request goes as a message with an id, and its
//! answer comes back with the same id (`wxp_core::local_api::protocol`).
//! It is a SharedWorker where the browser has them (one per origin), else
//! a dedicated worker of this tab, which runs the engine only while it
//! holds a Web Lock: one tab at a time writes (`engine-worker-loader.js`).

use super::client::{Answer, Method, Transport};
use super::listeners::Listeners;
use super::{BackendError, Listener, LocalBoxFuture, Notice, Subscription};
use crate::browser::{self, describe_js_error};
use futures::channel::oneshot;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use worker_message::Message;
use wxp_core::local_api::protocol::{self, Changed, Hello, Ready};

/// The worker's start-up script: a fixed URL, so every tab shares it.
pub const LOADER: &str = "/engine-worker-loader.js";
/// The shared worker's name.
const NAME: &str = "wxp-portal-engine";

/// What an older version kept in local storage, handed to the worker once.
const LEGACY_STATE_KEY: &str = "wxp-portal/mock-state";
const LEGACY_SESSION_KEY: &str = "wxp-portal/session";
/// Settings a tab passes on (tests shorten them).
const TRANSFER_MS_KEY: &str = "wxp-portal/transfer-duration-ms";
const ALERT_INTERVAL_KEY: &str = "wxp-portal/alert-interval-ms";

/// Where messages go.
enum Channel {
    Shared(web_sys::SharedWorker, web_sys::MessagePort),
    Dedicated(web_sys::Worker),
}

impl Channel {
    fn post(&self, message: &JsValue) -> Result<(), JsValue> {
        match self {
            Channel::Shared(_, port) => port.post_message(message),
            Channel::Dedicated(worker) => worker.post_message(message),
        }
    }
}

type Waiting = oneshot::Sender<Result<Answer, BackendError>>;

struct Inner {
    channel: Channel,
    next_id: Cell<u64>,
    waiting: RefCell<HashMap<u64, Waiting>>,
    listeners: Listeners,
    /// Why the worker could not start, once it is known.
    failed: RefCell<Option<String>>,
}

impl Inner {
    fn fail(&self, why: String) {
        self.failed.replace(Some(why.clone()));
        for (_, waiting) in self.waiting.borrow_mut().drain() {
            let _ = waiting.send(Err(BackendError::NotStarted(why.clone())));
        }
    }

    /// The worker could not start: every request, and the user, hear why.
    fn not_started(&self, why: String, on_ready: &dyn Fn(Option<Notice>)) {
        self.fail(why.clone());
        on_ready(Some(Notice::Error(BackendError::NotStarted(why))));
    }

    fn receive(&self, message: Message, on_ready: &dyn Fn(Option<Notice>)) {
        match message.kind.as_str() {
            protocol::ANSWER => {
                if let Some(waiting) = self.waiting.borrow_mut().remove(&message.id) {
                    let _ = waiting.send(Ok(Answer {
                        status: message.status,
                        body: message.body,
                    }));
                }
            }
            protocol::CHANGED => {
                if let Ok(changed) = serde_json::from_str::<Changed>(&message.body) {
                    self.listeners.notify(&changed.topics);
                }
            }
            protocol::READY => {
                // The worker has taken over what an older version kept.
                browser::storage_remove(LEGACY_STATE_KEY);
                browser::storage_remove(LEGACY_SESSION_KEY);
                let ready: Ready = serde_json::from_str(&message.body).unwrap_or_default();
                on_ready(match (ready.reset, ready.not_kept) {
                    (Some(reason), _) => Some(Notice::DataReset(reason)),
                    (None, Some(why)) => Some(Notice::Error(BackendError::Storage(why))),
                    (None, None) => None,
                });
            }
            protocol::FAILED => self.not_started(message.body, on_ready),
            protocol::WAITING => on_ready(Some(Notice::WaitingForOtherTab)),
            _ => {}
        }
    }
}

/// The worker, as a transport of the API client.
#[derive(Clone)]
pub struct EngineWorker {
    // The page has one thread: the wrapper only lets the backend live in
    // Leptos context, which wants Send + Sync.
    inner: Arc<SendWrapper<Rc<Inner>>>,
}

impl EngineWorker {
    /// Starts (or joins, in another tab's SharedWorker) the worker at
    /// `loader`, and says hello; `on_ready` hears what the user must be
    /// told (the stored data was reset, or cannot be kept, or the worker
    /// could not start). A worker that cannot even be created is an error.
    pub fn connect(
        loader: &str,
        on_ready: impl Fn(Option<Notice>) + 'static,
    ) -> Result<EngineWorker, String> {
        let channel = open(loader)?;
        let inner = Rc::new(Inner {
            channel,
            next_id: Cell::new(1),
            waiting: RefCell::new(HashMap::new()),
            listeners: Listeners::default(),
            failed: RefCell::new(None),
        });
        let on_ready: Rc<dyn Fn(Option<Notice>)> = Rc::new(on_ready);
        let on_message = {
            let (inner, on_ready) = (Rc::downgrade(&inner), on_ready.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                if let (Some(inner), Some(message)) =
                    (inner.upgrade(), Message::from_js(&event.data()))
                {
                    inner.receive(message, &*on_ready);
                }
            })
        };
        let on_error = {
            let inner = Rc::downgrade(&inner);
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                let why = event
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| format!("{LOADER} could not be loaded"));
                if let Some(inner) = inner.upgrade() {
                    inner.not_started(why, &*on_ready);
                }
            })
        };
        match &inner.channel {
            Channel::Shared(worker, port) => {
                port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                port.start();
                // A script that cannot be loaded is told on the worker.
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            }
            Channel::Dedicated(worker) => {
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            }
        }
        // As long as the page: the backend lives until it is closed.
        on_message.forget();
        on_error.forget();
        let hello = Hello {
            transfer_ms: browser::storage_get(TRANSFER_MS_KEY).and_then(|v| v.parse().ok()),
            alert_interval_ms: browser::storage_get(ALERT_INTERVAL_KEY)
                .and_then(|v| v.parse().ok()),
            legacy_state: browser::storage_get(LEGACY_STATE_KEY),
            legacy_session: browser::storage_get(LEGACY_SESSION_KEY),
        };
        let body = serde_json::to_string(&hello).expect("hellos serialise");
        inner
            .channel
            .post(&Message::new(protocol::HELLO, body).to_js())
            .map_err(describe_js_error)?;
        Ok(EngineWorker {
            inner: Arc::new(SendWrapper::new(inner)),
        })
    }
}

/// Creates the worker: shared where the browser can.
fn open(loader: &str) -> Result<Channel, String> {
    let global = js_sys::global();
    let has_shared = js_sys::Reflect::has(&global, &"SharedWorker".into()).unwrap_or(false);
    if has_shared {
        let worker =
            web_sys::SharedWorker::new_with_str(loader, NAME).map_err(describe_js_error)?;
        let port = worker.port();
        Ok(Channel::Shared(worker, port))
    } else {
        let worker = web_sys::Worker::new(loader).map_err(describe_js_error)?;
        Ok(Channel::Dedicated(worker))
    }
}

impl Transport for EngineWorker {
    fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> LocalBoxFuture<Result<Answer, BackendError>> {
        let inner = self.inner.clone();
        if let Some(why) = inner.failed.borrow().clone() {
            return Box::pin(std::future::ready(Err(BackendError::NotStarted(why))));
        }
        let id = inner.next_id.get();
        inner.next_id.set(id + 1);
        let (answer, answered) = oneshot::channel();
        inner.waiting.borrow_mut().insert(id, answer);
        let message = Message {
            id,
            method: method.as_str().to_owned(),
            path: path.to_owned(),
            ..Message::new(protocol::REQUEST, body.unwrap_or_default())
        };
        if let Err(e) = inner.channel.post(&message.to_js()) {
            inner.waiting.borrow_mut().remove(&id);
            return Box::pin(std::future::ready(Err(BackendError::NotStarted(
                describe_js_error(e),
            ))));
        }
        Box::pin(async move {
            answered.await.unwrap_or_else(|_| {
                Err(BackendError::NotStarted(
                    "the worker stopped answering".into(),
                ))
            })
        })
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        self.inner.listeners.subscribe(listener)
    }

    fn supports_passwords(&self) -> bool {
        false
    }

    fn keeps_data_in_browser(&self) -> bool {
        true
    }
}
