//! The transfer worker (`crates/transfer-worker`) from the page's side: it
//! reads files off the main thread, so that a large file never blocks the
//! page and the XLSX reader is downloaded only when a file is read.
//!
//! [`read_file`] reads a file in a worker of its own (enrolments). The
//! Transfer Devices dialog keeps one worker for the page ([`prepare`],
//! [`review_file`]): it hands it the account facts when it opens, and the
//! worker then reads *and reviews* each file chosen, with the domain's
//! rules, answering with the verdict only.

use super::timing;
use crate::backend::{device_lists, Backend, BackendError, LiveUpdates};
use crate::browser::describe_js_error;
use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use leptos::task::spawn_local;
use leptos_fluent::tr;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};
use wxp_core::api::Topic;
use wxp_core::transfer_file::{
    decode_serials, encode_serials, json, wire, FileError, ReviewedFile, TransferFile,
};
use wxp_core::{CustomerId, TenantId};

/// trunk builds the worker as `transfer-worker.js` + `_bg.wasm` beside the
/// app (wasm-bindgen's no-modules target).
const WORKER: &str = "transfer-worker";

/// The browser failing to read a file, with what it said (in its own
/// words and language).
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The browser refused a step: reading the bytes, starting the worker.
    Browser(String),
    /// The worker stopped before it answered.
    ReaderStopped(String),
}

impl ReadError {
    /// What went wrong, in the user's language (the browser's own words
    /// stay as it gave them). Tracks the language.
    pub fn reason(&self) -> String {
        match self {
            ReadError::Browser(detail) => detail.clone(),
            ReadError::ReaderStopped(detail) => {
                tr!("transfer-file-reader-stopped", {"detail" => detail.clone()})
            }
        }
    }
}

/// In English, for logs.
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Browser(detail) => f.write_str(detail),
            ReadError::ReaderStopped(detail) => write!(f, "the file reader stopped: {detail}"),
        }
    }
}

impl From<String> for ReadError {
    fn from(detail: String) -> ReadError {
        ReadError::Browser(detail)
    }
}

fn spawn() -> Result<Worker, String> {
    let origin = web_sys::window()
        .ok_or("no window")?
        .location()
        .origin()
        .map_err(describe_js_error)?;
    let script = format!(
        r#"importScripts("{origin}/{WORKER}.js"); wasm_bindgen("{origin}/{WORKER}_bg.wasm");"#
    );
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&script.into()), &options)
        .map_err(describe_js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe_js_error)?;
    let worker = Worker::new(&url).map_err(describe_js_error);
    let _ = Url::revoke_object_url(&url);
    worker
}

/// Reads `file`'s bytes in a fresh worker. The outer error is the browser
/// failing (the worker could not start), the inner one the file's.
pub async fn read_file(file: &web_sys::File) -> Result<Result<TransferFile, FileError>, ReadError> {
    let bytes: ArrayBuffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(describe_js_error)?
        .unchecked_into();
    let worker = spawn()?;
    // The worker posts once when ready (messages sent earlier would be
    // lost), then once with the answer.
    let mut handlers = None;
    let answer = Promise::new(&mut |resolve, reject| {
        let sender = worker.clone();
        let bytes = bytes.clone();
        let reject_error = reject.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if event.data().is_null() {
                if let Err(e) = sender.post_message_with_transfer(&bytes, &Array::of1(&bytes)) {
                    let _ = reject.call1(&JsValue::NULL, &e);
                }
            } else {
                let _ = resolve.call1(&JsValue::NULL, &event.data());
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let _ = reject_error.call1(&JsValue::NULL, &e);
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_message, on_error));
    });
    let result = JsFuture::from(answer).await;
    worker.terminate();
    drop(handlers);
    let data = result.map_err(|e| ReadError::ReaderStopped(describe_js_error(e)))?;
    let bytes = Uint8Array::new(&data).to_vec();
    crate::browser::yield_to_page().await;
    Ok(wire::decode(&bytes)?)
}

// ----- The dialog's reviewer ---------------------------------------------

/// Why a file could not be reviewed (its own problems are in the verdict).
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewError {
    /// The browser could not read it, or the worker stopped.
    Browser(ReadError),
    /// The account facts to review it against could not be loaded.
    Backend(BackendError),
}

impl From<ReadError> for ReviewError {
    fn from(e: ReadError) -> ReviewError {
        ReviewError::Browser(e)
    }
}

impl From<BackendError> for ReviewError {
    fn from(e: BackendError) -> ReviewError {
        ReviewError::Backend(e)
    }
}

type Done = oneshot::Sender<Result<(Vec<u8>, Array), ReviewError>>;

/// A review the worker is making.
struct Pending {
    /// Asked where the file's PCs outside the source are.
    backend: Arc<dyn Backend>,
    done: Done,
}

/// What the worker holds, as of which live-update versions: the source
/// and its PCs (devices), the customers.
#[derive(Default)]
struct Facts {
    source: Option<(TenantId, u64)>,
    customers: Option<u64>,
    /// The facts being loaded, for whoever wants them meanwhile.
    loading: Option<Shared<LocalBoxFuture<'static, Result<(), ReviewError>>>>,
}

/// The page's transfer worker.
struct Reviewer {
    worker: Worker,
    /// Whether the worker has said it runs; until then messages wait here.
    ready: Cell<bool>,
    queue: RefCell<Vec<(JsValue, Option<ArrayBuffer>)>>,
    pending: RefCell<HashMap<u32, Pending>>,
    next_id: Cell<u32>,
    facts: RefCell<Facts>,
    handlers: RefCell<Option<Handlers>>,
}

type Handlers = (
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(JsValue)>,
);

thread_local! {
    static REVIEWER: RefCell<Option<Rc<Reviewer>>> = const { RefCell::new(None) };
}

impl Reviewer {
    /// The page's worker, started on first use (and again after it failed).
    fn get() -> Result<Rc<Reviewer>, ReviewError> {
        if let Some(r) = REVIEWER.with(|r| r.borrow().clone()) {
            return Ok(r);
        }
        let reviewer = Rc::new(Reviewer {
            worker: spawn().map_err(ReadError::Browser)?,
            ready: Cell::new(false),
            queue: RefCell::default(),
            pending: RefCell::default(),
            next_id: Cell::new(1),
            facts: RefCell::default(),
            handlers: RefCell::default(),
        });
        let weak = Rc::downgrade(&reviewer);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(r) = weak.upgrade() {
                r.on_message(event.data());
            }
        });
        let weak = Rc::downgrade(&reviewer);
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            if let Some(r) = weak.upgrade() {
                r.stopped(describe_js_error(e));
            }
        });
        reviewer
            .worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        reviewer
            .worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *reviewer.handlers.borrow_mut() = Some((on_message, on_error));
        REVIEWER.with(|r| *r.borrow_mut() = Some(reviewer.clone()));
        Ok(reviewer)
    }

    /// Posts `message` (moving `buffer`), once the worker runs.
    fn post(&self, message: JsValue, buffer: Option<ArrayBuffer>) {
        if !self.ready.get() {
            self.queue.borrow_mut().push((message, buffer));
            return;
        }
        let posted = match &buffer {
            Some(b) => self
                .worker
                .post_message_with_transfer(&message, &Array::of1(b)),
            None => self.worker.post_message(&message),
        };
        if let Err(e) = posted {
            self.stopped(describe_js_error(e));
        }
    }

    /// The worker failed: every review waiting fails with `detail`, and
    /// the next one starts a new worker.
    fn stopped(&self, detail: String) {
        REVIEWER.with(|r| {
            let mut r = r.borrow_mut();
            if r.as_ref().is_some_and(|r| std::ptr::eq(&**r, self)) {
                *r = None;
            }
        });
        self.worker.terminate();
        self.queue.borrow_mut().clear();
        for (_, pending) in self.pending.borrow_mut().drain() {
            let _ = pending
                .done
                .send(Err(ReadError::ReaderStopped(detail.clone()).into()));
        }
        // Facts being loaded are for this worker: they fail too, by the
        // next review's prepare starting over on a new worker.
        self.facts.borrow_mut().loading = None;
    }

    fn on_message(self: Rc<Self>, data: JsValue) {
        if data.is_null() {
            self.ready.set(true);
            let queued = std::mem::take(&mut *self.queue.borrow_mut());
            for (message, buffer) in queued {
                self.post(message, buffer);
            }
            return;
        }
        let message: Array = data.unchecked_into();
        let id = message.get(1).as_f64().unwrap_or(0.0) as u32;
        match message.get(0).as_string().as_deref() {
            Some("verdict") => {
                if let Some(p) = self.pending.borrow_mut().remove(&id) {
                    if let Some(sent) = message.get(4).as_f64() {
                        timing::record("verdict reaches the page", timing::epoch_now() - sent);
                    }
                    let bytes = Uint8Array::new(&message.get(2)).to_vec();
                    let _ = p.done.send(Ok((bytes, message.get(3).unchecked_into())));
                }
            }
            Some("locate") => {
                let backend = self.pending.borrow().get(&id).map(|p| p.backend.clone());
                if let Some(backend) = backend {
                    let serials = Uint8Array::new(&message.get(2)).to_vec();
                    spawn_local(self.locate(id, backend, serials));
                }
            }
            Some("failed") => {
                if let Some(p) = self.pending.borrow_mut().remove(&id) {
                    let why = message.get(2).as_string().unwrap_or_default();
                    let _ = p.done.send(Err(ReadError::ReaderStopped(why).into()));
                }
            }
            _ => {}
        }
    }

    /// Asks the backend where the PCs `serials` (outside the source) are,
    /// and tells the worker.
    async fn locate(self: Rc<Self>, id: u32, backend: Arc<dyn Backend>, serials: Vec<u8>) {
        let located = match decode_serials(&serials) {
            Err(e) => Err(ReviewError::Browser(ReadError::ReaderStopped(e))),
            Ok(serials) => backend.locate(serials).await.map_err(ReviewError::from),
        };
        match located {
            Ok(places) => self.post(
                Array::of3(
                    &"located".into(),
                    &id.into(),
                    &json::located(&places).into(),
                )
                .into(),
                None,
            ),
            Err(e) => {
                self.post(Array::of2(&"forget".into(), &id.into()).into(), None);
                if let Some(p) = self.pending.borrow_mut().remove(&id) {
                    let _ = p.done.send(Err(e));
                }
            }
        }
    }

    /// Makes sure the worker holds the facts of `source` as they are now:
    /// loads what changed since they were handed over (nothing, mostly).
    async fn prepare(
        self: &Rc<Self>,
        backend: &Arc<dyn Backend>,
        live: LiveUpdates,
        source: &TenantId,
    ) -> Result<(), ReviewError> {
        loop {
            let loading = self.facts.borrow().loading.clone();
            if let Some(loading) = loading {
                loading.await?;
                continue;
            }
            // While live updates are cut, a change would go unnoticed.
            let paused = leptos::prelude::untrack(|| live.paused());
            let devices = (source.clone(), live.version(Topic::Devices));
            let customers = live.version(Topic::Customers);
            let (load_devices, load_customers) = {
                let facts = self.facts.borrow();
                (
                    paused || facts.source.as_ref() != Some(&devices),
                    paused || facts.customers != Some(customers),
                )
            };
            if !load_devices && !load_customers {
                return Ok(());
            }
            let loading = self
                .clone()
                .load(
                    backend.clone(),
                    live,
                    devices,
                    customers,
                    load_devices,
                    load_customers,
                )
                .boxed_local()
                .shared();
            self.facts.borrow_mut().loading = Some(loading.clone());
            let loaded = loading.await;
            self.facts.borrow_mut().loading = None;
            return loaded;
        }
    }

    async fn load(
        self: Rc<Self>,
        backend: Arc<dyn Backend>,
        live: LiveUpdates,
        devices: (TenantId, u64),
        customers: u64,
        load_devices: bool,
        load_customers: bool,
    ) -> Result<(), ReviewError> {
        let started = timing::now();
        let tenant = devices.0.clone();
        let list = async {
            if load_devices {
                device_lists::devices(&*backend, live, tenant.clone())
                    .await
                    .map(Some)
            } else {
                Ok(None)
            }
        };
        let names = async {
            if load_customers {
                backend.customers().await.map(Some)
            } else {
                Ok(None)
            }
        };
        let (list, names) = futures::future::join(list, names).await;
        if let Some(names) = names? {
            let names: Vec<(CustomerId, String)> = names
                .into_iter()
                .map(|s| (s.customer.id, s.customer.name))
                .collect();
            let message = Array::of2(&"customers".into(), &json::customers(&names).into());
            self.post(message.into(), None);
            self.facts.borrow_mut().customers = Some(customers);
        }
        if let Some(list) = list? {
            let buffer =
                Uint8Array::from(&encode_serials(list.iter().map(|d| &d.serial))[..]).buffer();
            let message = Array::of3(&"source".into(), &json::tenant(&tenant).into(), &buffer);
            self.post(message.into(), Some(buffer));
            self.facts.borrow_mut().source = Some(devices);
        }
        timing::record("account facts loaded", timing::now() - started);
        Ok(())
    }
}

/// Starts the page's transfer worker and hands it the account facts of
/// `source`, so that a file chosen next is reviewed at once: when the
/// Transfer Devices dialog opens. Errors come again with the review.
pub async fn prepare(
    backend: Arc<dyn Backend>,
    live: LiveUpdates,
    source: TenantId,
) -> Result<(), ReviewError> {
    let reviewer = Reviewer::get()?;
    reviewer.prepare(&backend, live, &source).await
}

/// Reads and reviews `file` for a transfer from `source` in the page's
/// worker, listing the first `shown` rows with problems in the verdict.
/// The outer error is the browser's or the backend's; a file that cannot
/// be read says why in the answer.
pub async fn review_file(
    backend: Arc<dyn Backend>,
    live: LiveUpdates,
    source: TenantId,
    file: web_sys::File,
    shown: usize,
) -> Result<ReviewedFile, ReviewError> {
    let reviewer = Reviewer::get()?;
    reviewer.prepare(&backend, live, &source).await?;
    timing::step("account facts current");
    let id = reviewer.next_id.get();
    reviewer.next_id.set(id.wrapping_add(1));
    let (done, answer) = oneshot::channel();
    reviewer
        .pending
        .borrow_mut()
        .insert(id, Pending { backend, done });
    let message = Array::of5(
        &"review".into(),
        &id.into(),
        &file,
        &(shown as f64).into(),
        &timing::epoch_now().into(),
    );
    reviewer.post(message.into(), None);
    let (bytes, steps) = answer
        .await
        .map_err(|_| ReadError::ReaderStopped("no answer".into()))??;
    timing::step("worker reads and reviews");
    for step in steps.iter() {
        let step: Array = step.unchecked_into();
        let name = step.get(0).as_string().unwrap_or_default();
        timing::record(
            &format!("worker {name}"),
            step.get(1).as_f64().unwrap_or(0.0),
        );
    }
    let reviewed = ReviewedFile::decode(bytes).map_err(ReadError::ReaderStopped)?;
    timing::step("page decodes the verdict");
    Ok(reviewed)
}
