//! Messages as objects `{kind, id, status, method, path, body}` (see
//! `wxp_core::local_api::protocol`).

use wasm_bindgen::JsValue;

/// A message's fields.
pub struct Message {
    pub kind: String,
    pub id: f64,
    pub status: u16,
    /// A request's method and path.
    pub method: String,
    pub path: String,
    pub body: String,
}

impl Message {
    /// A message to post.
    pub fn new(kind: &str, id: f64, status: u16, body: String) -> Message {
        Message {
            kind: kind.to_owned(),
            id,
            status,
            method: String::new(),
            path: String::new(),
            body,
        }
    }

    /// The object posted.
    pub fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&object, &key.into(), &value);
        };
        set("kind", self.kind.as_str().into());
        set("id", self.id.into());
        set("status", self.status.into());
        set("body", self.body.as_str().into());
        object.into()
    }

    /// The message in an object posted by the page, if it is one.
    pub fn from_js(value: &JsValue) -> Option<Message> {
        let get = |key: &str| js_sys::Reflect::get(value, &key.into()).ok();
        Some(Message {
            kind: get("kind")?.as_string()?,
            id: get("id").and_then(|v| v.as_f64()).unwrap_or(0.0),
            status: get("status").and_then(|v| v.as_f64()).unwrap_or(0.0) as u16,
            method: get("method")
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
            path: get("path").and_then(|v| v.as_string()).unwrap_or_default(),
            body: get("body").and_then(|v| v.as_string()).unwrap_or_default(),
        })
    }
}
