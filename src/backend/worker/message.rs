//! The page's side of the worker's messages: objects
//! `{kind, id, status, method, path, body}` (`wxp_core::local_api::protocol`).

use wasm_bindgen::JsValue;

/// A message's fields.
pub(super) struct Message {
    pub kind: String,
    pub id: u64,
    pub status: u16,
    pub method: String,
    pub path: String,
    pub body: String,
}

impl Message {
    /// A message to post.
    pub fn new(kind: &str, id: u64, method: &str, path: &str, body: String) -> Message {
        Message {
            kind: kind.to_owned(),
            id,
            status: 0,
            method: method.to_owned(),
            path: path.to_owned(),
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
        set("id", (self.id as f64).into());
        set("status", self.status.into());
        set("method", self.method.as_str().into());
        set("path", self.path.as_str().into());
        set("body", self.body.as_str().into());
        object.into()
    }

    /// The message in an object the worker posted, if it is one.
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
            body: text("body"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn messages_read_back_as_posted() {
        let posted = Message::new(
            "request",
            7,
            "POST",
            "/customers",
            "{\"name\":\"A\"}".into(),
        );
        let read = Message::from_js(&posted.to_js()).unwrap();
        assert_eq!(
            (
                read.kind.as_str(),
                read.id,
                read.method.as_str(),
                read.path.as_str()
            ),
            ("request", 7, "POST", "/customers")
        );
        assert_eq!(read.body, "{\"name\":\"A\"}");
        assert!(Message::from_js(&JsValue::from_str("not an object")).is_none());
    }
}
