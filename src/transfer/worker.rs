//! Reads transfer files in the transfer worker (`crates/transfer-worker`),
//! so that a large file never blocks the page and the XLSX reader is
//! downloaded only when a file is read.

use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use leptos_fluent::tr;
use std::fmt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};
use wxp_core::transfer_file::{wire, FileError, TransferFile};

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
        .map_err(describe)?;
    let script = format!(
        r#"importScripts("{origin}/{WORKER}.js"); wasm_bindgen("{origin}/{WORKER}_bg.wasm");"#
    );
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&script.into()), &options)
        .map_err(describe)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let worker = Worker::new(&url).map_err(describe);
    let _ = Url::revoke_object_url(&url);
    worker
}

/// Reads `file`'s bytes in a fresh worker. The outer error is the browser
/// failing (the worker could not start), the inner one the file's.
pub async fn read_file(file: &web_sys::File) -> Result<Result<TransferFile, FileError>, ReadError> {
    let bytes: ArrayBuffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(describe)?
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
    let data = result.map_err(|e| ReadError::ReaderStopped(describe(e)))?;
    let bytes = Uint8Array::new(&data).to_vec();
    crate::browser::yield_to_page().await;
    Ok(wire::decode(&bytes)?)
}

fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}
