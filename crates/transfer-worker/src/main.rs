//! The transfer file worker: receives a file's bytes, reads them as a
//! transfer file (CSV or Excel), and answers with the compact encoding of
//! `wxp_core::transfer_file::wire`. Reading a large file here keeps the
//! page responsive, and calamine stays out of the page's initial download.
//!
//! Protocol: the worker first posts an empty message (ready); then for each
//! message holding an `ArrayBuffer`, it posts back an `ArrayBuffer` (moved,
//! not copied).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use wxp_core::transfer_file::{read, wire, Limits};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
        let answer = wire::encode(&read(&bytes, Limits::TRANSFER));
        let buffer = js_sys::Uint8Array::from(&answer[..]).buffer();
        // Posting can only fail for values that cannot be cloned; a buffer can.
        let _ = reply_to.post_message_with_transfer(&buffer, &js_sys::Array::of1(&buffer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the wasm was running are lost: say we are ready.
    let _ = scope.post_message(&JsValue::NULL);
}
