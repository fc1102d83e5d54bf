//! The messages between the page and the in-browser backend's worker
//! (`wxp_core::local_api::protocol` says what each kind means), as the
//! objects `{kind, id, status, method, path, body}` that are posted: a
//! request's and an answer's body travels as the API's JSON text, never
//! escaped into another document, in UTF-8 bytes (a `Uint8Array`): a list
//! of 100,000 PCs (14 MB) then costs the receiving page a copy and a check,
//! not a conversion from the browser's UTF-16 strings, which was a task of
//! 50 ms on its own. A string body is read too (the loader's own message).

use wasm_bindgen::{JsCast, JsValue};

/// A message's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// What it is: `protocol::HELLO`, `REQUEST`, `ANSWER`, …
    pub kind: String,
    /// A request's number, which its answer repeats.
    pub id: u64,
    /// An answer's HTTP status.
    pub status: u16,
    /// A request's method.
    pub method: String,
    /// A request's path, under the API base.
    pub path: String,
    /// The JSON text it carries (empty for none).
    pub body: String,
}

impl Message {
    /// A message of `kind` carrying `body`.
    pub fn new(kind: &str, body: String) -> Message {
        Message {
            kind: kind.to_owned(),
            body,
            ..Message::default()
        }
    }

    /// The object posted.
    pub fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&object, &key.into(), &value);
        };
        set("kind", self.kind.as_str().into());
        set("id", (self.id as f64).into());
        set("status", self.status.into());
        set("method", self.method.as_str().into());
        set("path", self.path.as_str().into());
        set(
            "body",
            js_sys::Uint8Array::from(self.body.as_bytes()).into(),
        );
        object.into()
    }

    /// The message in a posted object, if it is one.
    pub fn from_js(value: &JsValue) -> Option<Message> {
        let get = |key: &str| js_sys::Reflect::get(value, &key.into()).ok();
        let text = |key: &str| get(key).and_then(|v| v.as_string()).unwrap_or_default();
        let number = |key: &str| get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
        Some(Message {
            kind: get("kind")?.as_string()?,
            id: number("id") as u64,
            status: number("status") as u16,
            method: text("method"),
            path: text("path"),
            body: get("body").map(body_text).unwrap_or_default(),
        })
    }
}

/// A body as posted: UTF-8 bytes, or a string.
fn body_text(body: JsValue) -> String {
    match body.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => String::from_utf8(bytes.to_vec())
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(other) => other.as_string().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[test]
    fn messages_read_back_as_posted() {
        let posted = Message {
            kind: "request".into(),
            id: 7,
            method: "POST".into(),
            path: "/customers".into(),
            body: "{\"name\":\"A\"}".into(),
            ..Message::default()
        };
        assert_eq!(Message::from_js(&posted.to_js()), Some(posted));
        let accented = Message::new("answer", "[\"Caffè Roma ☕\"]".into());
        assert_eq!(Message::from_js(&accented.to_js()), Some(accented));
        // The loader's message carries its body as a string.
        let loader =
            js_sys::JSON::parse(r#"{"kind":"failed","id":0,"status":0,"body":"no wasm"}"#).unwrap();
        assert_eq!(Message::from_js(&loader).unwrap().body, "no wasm");
        assert_eq!(Message::from_js(&JsValue::from_str("not an object")), None);
    }
}
