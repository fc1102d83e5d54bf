//! Reads transfer files in the transfer worker (`crates/transfer-worker`),
//! so that a large file never blocks the page and the XLSX reader is
//! downloaded only when a file is read.

use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};
use wxp_core::transfer_file::{wire, FileError, TransferFile};

/// trunk builds the worker as `transfer-worker.js` + `_bg.wasm` beside the
/// app (wasm-bindgen's no-modules target).
const WORKER: &str = "transfer-worker";

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
pub async fn read_file(file: &web_sys::File) -> Result<Result<TransferFile, FileError>, String> {
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
    let data = result.map_err(|e| format!("the file reader stopped: {}", describe(e)))?;
    let bytes = Uint8Array::new(&data).to_vec();
    crate::browser::yield_to_page().await;
    wire::decode(&bytes)
}

fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}
