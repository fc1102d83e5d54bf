//! What a request brings, read as the server's extractors read it
//! (`wxp-server`'s `routes/extract.rs`): path parameters and JSON bodies
//! held to the text rule, and a refusal with the server's status and words
//! for each way they can be wrong.

use crate::api::{status, ErrorBody, ErrorReason};
use crate::rules::text::{self, TextKind};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A request answered with an error: its status and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Refusal {
    /// The HTTP status.
    pub status: u16,
    /// What went wrong, and why.
    pub body: ErrorBody,
}

impl Refusal {
    /// A refusal with this status.
    pub(super) fn new(status: u16, body: ErrorBody) -> Refusal {
        Refusal { status, body }
    }

    /// A malformed request (400), saying what is wrong.
    pub(super) fn bad_request(message: impl Into<String>) -> Refusal {
        Refusal::new(status::BAD_REQUEST, ErrorBody::bad_request(message))
    }
}

impl<E: Into<ErrorReason>> From<E> for Refusal {
    /// A refusal of the domain (or the API's), with the status its reason
    /// maps to.
    fn from(e: E) -> Refusal {
        let reason = e.into();
        Refusal::new(reason.status(), ErrorBody::from(reason))
    }
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reply {
    /// `200 OK` with this JSON.
    Json(String),
    /// `204 No Content`.
    NoContent,
}

impl Reply {
    /// `200 OK` with `value` as JSON.
    pub(super) fn json<T: Serialize + ?Sized>(value: &T) -> Reply {
        Reply::Json(serde_json::to_string(value).expect("answers serialise"))
    }
}

/// A body larger than the API takes: refused whole (413) before anything
/// else of the request is read, as the server's routes refuse it (a path
/// that is no route is still a 404, another method a 405).
pub(super) fn within_limit(body: &[u8]) -> Result<(), Refusal> {
    if body.len() > crate::api::MAX_BODY {
        return Err(Refusal::new(
            status::PAYLOAD_TOO_LARGE,
            ErrorBody::bad_request(format!(
                "the request body is larger than {} MB",
                crate::api::MAX_BODY / (1024 * 1024)
            )),
        ));
    }
    Ok(())
}

/// What a handler answers.
pub(super) type Answer = Result<Reply, Refusal>;

/// The path parameters of a matched route, decoded and held to the text
/// rule: each is one line of text, as every identifier is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Params(Vec<(&'static str, String)>);

impl Params {
    /// Decodes the parameters as sent (percent-encoded), refusing one that
    /// is not UTF-8 or breaks the text rule, as the server does.
    pub(super) fn decode(raw: &[(&'static str, &str)]) -> Result<Params, Refusal> {
        let mut params = Vec::with_capacity(raw.len());
        for (name, value) in raw {
            let value = percent_decode(value).ok_or_else(|| {
                Refusal::bad_request(format!("the address is wrong: Invalid UTF-8 in `{name}`"))
            })?;
            params.push((*name, value));
        }
        for (name, value) in &params {
            text::check(TextKind::Line, value).map_err(|problem| {
                Refusal::bad_request(format!("the address is wrong: its `{name}` {problem}"))
            })?;
        }
        Ok(Params(params))
    }

    /// The parameter `name`, as text.
    pub(super) fn text(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .expect("the route table names its parameters")
    }

    /// The parameter `name`, as a number.
    pub(super) fn number(&self, name: &str) -> Result<u64, Refusal> {
        let text = self.text(name);
        text.parse().map_err(|_| {
            Refusal::bad_request(format!(
                "the address is wrong: Invalid URL: Cannot parse `{text}` to a `u64`"
            ))
        })
    }
}

/// `%XX` escapes decoded (others left as they are), or `None` when the
/// result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The request's JSON body as a `T`. Every text in it keeps the text rule
/// (400 naming the field), read before the typed parse; then a body that
/// is not JSON is a 400, and JSON of the wrong shape (a wrong type, a
/// missing or unknown field) a 422, as the server answers them.
pub(super) fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Refusal> {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        text::check_json(&value)
            .map_err(|e| Refusal::bad_request(format!("the request body is refused: {e}")))?;
    }
    serde_json::from_slice(body).map_err(|e| {
        let (status, what) = match e.classify() {
            serde_json::error::Category::Data => (
                status::UNPROCESSABLE_ENTITY,
                "Failed to deserialize the JSON body into the target type",
            ),
            _ => (
                status::BAD_REQUEST,
                "Failed to parse the request body as JSON",
            ),
        };
        Refusal::new(
            status,
            ErrorBody::bad_request(format!(
                "the request body is not what this route takes: {what}: {e}"
            )),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Switch;
    use crate::engine::NewCustomer;

    #[test]
    fn bad_json_is_a_400_and_the_wrong_shape_a_422() {
        let refusal = json::<Switch>(b"{\"enabled\": tru").unwrap_err();
        assert_eq!(refusal.status, 400);
        assert_eq!(refusal.body.reason, ErrorReason::BadRequest);
        assert!(refusal
            .body
            .message
            .starts_with("the request body is not what this route takes: Failed to parse"));
        assert_eq!(json::<Switch>(b"").unwrap_err().status, 400);
        assert_eq!(
            json::<Switch>(br#"{"enabled": true} x"#)
                .unwrap_err()
                .status,
            400
        );
        let wrong_type = json::<Switch>(br#"{"enabled": "yes"}"#).unwrap_err();
        assert_eq!(wrong_type.status, 422);
        assert_eq!(wrong_type.body.reason, ErrorReason::BadRequest);
        let unknown = json::<Switch>(br#"{"enabled": true, "partner": "x"}"#).unwrap_err();
        assert_eq!(unknown.status, 422);
        assert!(unknown.body.message.contains("partner"), "{unknown:?}");
        assert!(json::<Switch>(br#"{"enabled": true}"#).unwrap().enabled);
    }

    #[test]
    fn a_body_beyond_the_limit_is_a_413() {
        assert!(within_limit(&vec![b' '; crate::api::MAX_BODY]).is_ok());
        let refusal = within_limit(&vec![b' '; crate::api::MAX_BODY + 1]).unwrap_err();
        assert_eq!(refusal.status, 413);
        assert_eq!(
            refusal.body.message,
            "the request body is larger than 32 MB"
        );
    }

    #[test]
    fn a_text_that_breaks_the_rule_is_a_400_naming_its_field() {
        let body = br#"{"name": "A\u0000", "country": "IT", "admin_email": 7}"#;
        let refusal = json::<NewCustomer>(body).unwrap_err();
        assert_eq!(refusal.status, 400);
        assert!(
            refusal.body.message.contains("`name` holds U+0000"),
            "{}",
            refusal.body.message
        );
    }

    #[test]
    fn path_parameters_are_decoded_and_checked() {
        let params = Params::decode(&[("id", "CUS%2D1"), ("n", "42")]).unwrap();
        assert_eq!(params.text("id"), "CUS-1");
        assert_eq!(params.number("n").unwrap(), 42);
        let not_a_number = params.number("id").unwrap_err();
        assert_eq!(not_a_number.status, 400);
        assert_eq!(
            not_a_number.body.message,
            "the address is wrong: Invalid URL: Cannot parse `CUS-1` to a `u64`"
        );
        let nul = Params::decode(&[("id", "CUS-%00")]).unwrap_err();
        assert!(
            nul.body
                .message
                .starts_with("the address is wrong: its `id` holds U+0000"),
            "{}",
            nul.body.message
        );
        let bytes = Params::decode(&[("id", "%FF")]).unwrap_err();
        assert_eq!(
            bytes.body.message,
            "the address is wrong: Invalid UTF-8 in `id`"
        );
        assert_eq!(percent_decode("100%"), Some("100%".into()));
        assert_eq!(percent_decode("%zz%41"), Some("%zzA".into()));
    }
}
