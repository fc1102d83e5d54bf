//! Performance measures of the verdict on a transfer file, for the browser
//! benchmark (`tests/e2e/bench/verdict.mjs`) and the browser's profiler:
//! each step of the page is a measure named `transfer:<step>` since the
//! previous one, and the worker's steps are recorded with the time they
//! took there.

use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The end of the last step, in the page's clock.
    static LAST: Cell<f64> = const { Cell::new(0.0) };
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// `performance.measure(name, { start, end })` (without web-sys's features
/// for the options).
fn measure(p: &web_sys::Performance, name: &str, start: f64, end: f64) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.max(0.0).into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &end.into());
    if let Ok(measure) = js_sys::Reflect::get(p, &"measure".into()) {
        if let Some(measure) = measure.dyn_ref::<js_sys::Function>() {
            let _ = measure.call2(p, &format!("transfer:{name}").into(), &options);
        }
    }
}

/// The page's clock, in milliseconds.
pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// The time since 1970 in milliseconds, as precise as [`now`]: comparable
/// with the worker's.
pub fn epoch_now() -> f64 {
    performance().map_or(0.0, |p| p.time_origin() + p.now())
}

/// Starts timing a verdict: a file was chosen.
pub fn start() {
    if let Some(p) = performance() {
        LAST.with(|l| l.set(p.now()));
    }
}

/// Ends the step `name` now.
pub fn step(name: &str) {
    if let Some(p) = performance() {
        let now = p.now();
        let start = LAST.with(|l| l.replace(now));
        measure(&p, name, start, now);
    }
}

/// Records a step that took `ms` elsewhere (in the worker), ending now.
pub fn record(name: &str, ms: f64) {
    if let Some(p) = performance() {
        let now = p.now();
        measure(&p, name, now - ms, now);
    }
}
