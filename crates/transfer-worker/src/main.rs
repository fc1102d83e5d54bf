//! The transfer file worker: reads transfer files (CSV or Excel) and
//! reviews them with the domain's rules, off the page's main thread. A
//! large file never blocks the page, and calamine stays out of the page's
//! initial download.
//!
//! Protocol. The worker first posts `null` (ready): messages sent before
//! it runs are lost. Then:
//!
//! - an `ArrayBuffer` (a file's bytes): it answers with an `ArrayBuffer`
//!   (moved, not copied) in the form of `wxp_core::transfer_file::wire`;
//! - `["source", tenant JSON, ArrayBuffer]`: the tenant transfers start
//!   from and its PCs (`encode_serials`), kept for the reviews that follow;
//! - `["customers", JSON]`: the partner's customers, `[[id, name], …]`;
//! - `["review", id, File, shown]`: reads the file and reviews it against
//!   those facts. When some of its PCs are not in the source, it first asks
//!   where they are, `["locate", id, ArrayBuffer]`, and the page answers
//!   `["located", id, JSON]` (`[[serial, place], …]`) or `["forget", id]`.
//!   The answer is `["verdict", id, ArrayBuffer, [[step, ms], …], sent]`
//!   (`ReviewedFile`'s form, the time each step took, and when it was sent
//!   in milliseconds since 1970), or `["failed", id, why]`. A `review` may
//!   say when it was sent too, after `shown`.

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};
use wxp_core::transfer_file::{
    encode_reviewed, encode_serials, encode_unreadable, json, read, review, wire, AccountFacts,
    FileError, Limits, Place, SourceFacts, TransferFile,
};
use wxp_core::{CustomerId, SerialNumber};

/// A file read, waiting for where its PCs outside the source are.
struct Pending {
    file: TransferFile,
    shown: usize,
    timer: Timer,
}

#[derive(Default)]
struct State {
    source: Option<SourceFacts>,
    customers: HashMap<CustomerId, String>,
    pending: HashMap<u32, Pending>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The time each step took, in milliseconds.
struct Timer {
    last: f64,
    steps: Vec<(&'static str, f64)>,
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// The time since 1970 in milliseconds, as precise as `now`: comparable
/// with the page's.
fn epoch_now() -> f64 {
    scope()
        .performance()
        .map_or(0.0, |p| p.time_origin() + p.now())
}

impl Timer {
    fn start() -> Timer {
        Timer {
            last: now(),
            steps: Vec::new(),
        }
    }

    fn step(&mut self, name: &'static str) {
        let t = now();
        self.steps.push((name, t - self.last));
        self.last = t;
    }

    fn to_js(&self) -> js_sys::Array {
        self.steps
            .iter()
            .map(|(name, ms)| js_sys::Array::of2(&(*name).into(), &(*ms).into()))
            .collect()
    }
}

fn post(message: &JsValue, transfer: Option<&js_sys::ArrayBuffer>) {
    // Posting can only fail for values that cannot be cloned; ours can.
    let _ = match transfer {
        Some(buffer) => scope().post_message_with_transfer(message, &js_sys::Array::of1(buffer)),
        None => scope().post_message(message),
    };
}

fn buffer_of(bytes: &[u8]) -> js_sys::ArrayBuffer {
    js_sys::Uint8Array::from(bytes).buffer()
}

fn fail(id: u32, why: &str) {
    post(
        &js_sys::Array::of3(&"failed".into(), &id.into(), &why.into()),
        None,
    );
}

fn main() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        if data.is_instance_of::<js_sys::ArrayBuffer>() {
            return read_bytes(&data);
        }
        let message: js_sys::Array = data.unchecked_into();
        let kind = message.get(0).as_string().unwrap_or_default();
        let id = message.get(1).as_f64().unwrap_or(0.0) as u32;
        match kind.as_str() {
            "source" => set_source(&message),
            "customers" => set_customers(&message),
            "review" => start_review(id, &message),
            "located" => finish_located(id, &message),
            "forget" => {
                STATE.with(|s| s.borrow_mut().pending.remove(&id));
            }
            other => fail(id, &format!("unknown message {other:?}")),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&JsValue::NULL, None);
}

/// The first protocol: bytes in, the file read (not reviewed) out.
fn read_bytes(data: &JsValue) {
    let bytes = js_sys::Uint8Array::new(data).to_vec();
    let buffer = buffer_of(&wire::encode(&read(&bytes, Limits::TRANSFER)));
    post(&buffer, Some(&buffer));
}

fn set_source(message: &js_sys::Array) {
    let tenant = message
        .get(1)
        .as_string()
        .and_then(|text| json::parse_tenant(&text).ok());
    let serials = js_sys::Uint8Array::new(&message.get(2)).to_vec();
    let source = tenant.and_then(|t| SourceFacts::from_encoded(t, &serials).ok());
    STATE.with(|s| s.borrow_mut().source = source);
    warm_up();
}

/// Reads and reviews a made-up file once, while the user finds theirs: the
/// browser first runs wasm with code compiled quickly, and compiles the
/// functions that run a lot again, optimised, for their next call. The
/// user's file then runs the optimised code.
fn warm_up() {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let mut text = String::from("Serial Number,Customer ID\r\n");
    for i in 0..20_000 {
        text.push_str(&format!("5CG{i:07},CUS-00000000\r\n"));
    }
    STATE.with(|s| {
        let state = s.borrow();
        let Some(source) = state.source.as_ref() else {
            return;
        };
        if let Ok(file) = read(text.as_bytes(), Limits::TRANSFER) {
            let _ = source.to_locate(&file);
            let facts = AccountFacts::new(&state.customers, source, Vec::new());
            let review = review(&file, source.tenant(), &facts);
            let _ = encode_reviewed(&file, &review, None, 100);
        }
    });
}

fn set_customers(message: &js_sys::Array) {
    let customers = message
        .get(1)
        .as_string()
        .and_then(|text| json::parse_customers(&text).ok())
        .unwrap_or_default();
    STATE.with(|s| s.borrow_mut().customers = customers);
}

/// Reads the file's bytes; a file over the size limit is refused unread.
fn file_bytes(file: &Blob, timer: &mut Timer) -> Result<Result<Vec<u8>, FileError>, String> {
    let size = file.size() as usize;
    if size > Limits::TRANSFER.max_bytes {
        return Ok(Err(FileError::TooLarge {
            bytes: size,
            limit: Limits::TRANSFER.max_bytes,
        }));
    }
    let reader = FileReaderSync::new().map_err(describe)?;
    let buffer = reader.read_as_array_buffer(file).map_err(describe)?;
    timer.step("reads the file");
    Ok(Ok(js_sys::Uint8Array::new(&buffer).to_vec()))
}

fn start_review(id: u32, message: &js_sys::Array) {
    let mut timer = Timer::start();
    if let Some(posted) = message.get(4).as_f64() {
        timer
            .steps
            .push(("message reaches the worker", epoch_now() - posted));
    }
    let file: Blob = message.get(2).unchecked_into();
    let shown = message.get(3).as_f64().unwrap_or(0.0) as usize;
    let bytes = match file_bytes(&file, &mut timer) {
        Err(why) => return fail(id, &why),
        Ok(Err(e)) => return answer(id, encode_unreadable(&e), &timer),
        Ok(Ok(bytes)) => bytes,
    };
    timer.step("copies the file into wasm");
    let file = match read(&bytes, Limits::TRANSFER) {
        Err(e) => return answer(id, encode_unreadable(&e), &timer),
        Ok(file) => file,
    };
    drop(bytes);
    timer.step("reads the rows");
    let to_locate = STATE.with(|s| s.borrow().source.as_ref().map(|f| f.to_locate(&file)));
    let Some(to_locate) = to_locate else {
        return fail(id, "the source's PCs were not given");
    };
    timer.step("finds PCs outside the source");
    let pending = Pending { file, shown, timer };
    if to_locate.is_empty() {
        return finish(id, pending, Vec::new());
    }
    STATE.with(|s| s.borrow_mut().pending.insert(id, pending));
    let buffer = buffer_of(&encode_serials(&to_locate));
    post(
        &js_sys::Array::of3(&"locate".into(), &id.into(), &buffer),
        Some(&buffer),
    );
}

fn finish_located(id: u32, message: &js_sys::Array) {
    let Some(mut pending) = STATE.with(|s| s.borrow_mut().pending.remove(&id)) else {
        return fail(id, "no file is waiting for where its PCs are");
    };
    pending
        .timer
        .step("the page locates PCs outside the source");
    let located = message
        .get(2)
        .as_string()
        .and_then(|text| json::parse_located(&text).ok());
    match located {
        Some(located) => finish(id, pending, located),
        None => fail(id, "where the PCs are could not be read"),
    }
}

fn finish(id: u32, mut pending: Pending, located: Vec<(SerialNumber, Place)>) {
    let encoded = STATE.with(|s| {
        let state = s.borrow();
        let source = state.source.as_ref()?;
        let facts = AccountFacts::new(&state.customers, source, located);
        let review = review(&pending.file, source.tenant(), &facts);
        pending.timer.step("reviews the rows");
        Some(encode_reviewed(
            &pending.file,
            &review,
            facts.source_name(),
            pending.shown,
        ))
    });
    match encoded {
        Some(encoded) => {
            pending.timer.step("encodes the verdict");
            answer(id, encoded, &pending.timer)
        }
        None => fail(id, "the source's PCs were not given"),
    }
}

fn answer(id: u32, encoded: Vec<u8>, timer: &Timer) {
    let buffer = buffer_of(&encoded);
    let message = js_sys::Array::of5(
        &"verdict".into(),
        &id.into(),
        &buffer,
        &timer.to_js(),
        &epoch_now().into(),
    );
    post(&message, Some(&buffer));
}

fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}
