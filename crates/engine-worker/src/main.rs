//! The in-browser backend in a worker: one engine for every tab of the
//! portal, so that no tab writes its own copy of the data over another's.
//!
//! It runs as a SharedWorker (one per browser profile and origin): each tab
//! connects a port and speaks the portal's API to it
//! (`wxp_core::local_api::protocol`); the state lives in IndexedDB.
//! `engine-worker-loader.js` (in `public/`) starts it and keeps the tabs
//! that connect while the wasm loads. Where a browser has no
//! SharedWorker, the page runs it as a dedicated worker instead.

mod hub;
mod storage;

use hub::{Hub, Tab};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessagePort, SharedWorkerGlobalScope};

/// Where the loader keeps the ports of tabs that connected early.
const EARLY_PORTS: &str = "wxpEarlyPorts";

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let hub = Hub::open().await;
        let global = js_sys::global();
        if let Some(scope) = global.dyn_ref::<SharedWorkerGlobalScope>() {
            let serving = hub.clone();
            let on_connect = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    if let Ok(port) = event.ports().get(0).dyn_into::<MessagePort>() {
                        serving.serve(Tab::Port(port));
                    }
                },
            );
            scope.set_onconnect(Some(on_connect.as_ref().unchecked_ref()));
            on_connect.forget();
            // The tabs that connected while the engine was loading.
            let early = js_sys::Reflect::get(&global, &EARLY_PORTS.into()).unwrap_or_default();
            if let Some(early) = early.dyn_ref::<js_sys::Array>() {
                for port in early.iter() {
                    if let Ok(port) = port.dyn_into::<MessagePort>() {
                        hub.serve(Tab::Port(port));
                    }
                }
                early.set_length(0);
            }
        } else if let Some(scope) = global.dyn_ref::<DedicatedWorkerGlobalScope>() {
            hub.serve(Tab::Scope(scope.clone()));
        }
    });
}
