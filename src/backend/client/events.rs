//! The server's live-update stream (`GET {base}/events`, Server-Sent
//! Events): each message's data is a JSON [`Topic`], e.g. `"transfers"`.
//!
//! The browser's `EventSource` reconnects by itself after a dropped
//! connection; what happened meanwhile was not reported, so when it opens
//! again every topic is reported once and views read again. While it is
//! down the listener hears that the stream is cut (the top bar says live
//! updates are paused). When the server refuses the stream (it answers
//! with an error, e.g. because the session has ended) the browser stops
//! trying: every topic is reported, so views ask again and learn why.

use crate::backend::{Listener, Subscription};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};
use wxp_core::api::Topic;

/// The topic a message names, if it is one this page knows.
pub(super) fn topic_of(data: &str) -> Option<Topic> {
    serde_json::from_str(data).ok()
}

/// Whether the connection was lost since it last opened.
#[derive(Debug, Default)]
pub(super) struct Connection {
    lost: bool,
}

impl Connection {
    /// The stream failed (the browser retries unless it closed it).
    pub(super) fn failed(&mut self) {
        self.lost = true;
    }

    /// The stream opened; returns whether every topic should be reported,
    /// as changes may have been missed while it was down.
    pub(super) fn opened(&mut self) -> bool {
        std::mem::take(&mut self.lost)
    }
}

/// Listens to the stream at `url` until the subscription is dropped. A
/// stream that cannot even be created reports nothing.
pub(super) fn subscribe(url: &str, listener: Listener) -> Subscription {
    let Ok(source) = EventSource::new(url) else {
        return Subscription::none();
    };
    let connection = std::rc::Rc::new(std::cell::RefCell::new(Connection::default()));

    let on_message = {
        let listener = listener.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(topic) = event.data().as_string().as_deref().and_then(topic_of) {
                listener.changed(&[topic]);
            }
        })
    };
    let on_open = {
        let (connection, listener) = (connection.clone(), listener.clone());
        Closure::<dyn FnMut()>::new(move || {
            listener.flowing(true);
            if connection.borrow_mut().opened() {
                listener.changed(&Topic::ALL);
            }
        })
    };
    let on_error = {
        let source = source.clone();
        Closure::<dyn FnMut()>::new(move || {
            connection.borrow_mut().failed();
            listener.flowing(false);
            if source.ready_state() == EventSource::CLOSED {
                // Refused, not retried: the views' own reads say why.
                listener.changed(&Topic::ALL);
            }
        })
    };
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));

    Subscription::new(move || {
        source.close();
        source.set_onmessage(None);
        source.set_onopen(None);
        source.set_onerror(None);
        // The handlers live as long as the stream, and go with it.
        drop((on_message, on_open, on_error));
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn messages_name_topics_in_json() {
        assert_eq!(topic_of("\"transfers\""), Some(Topic::Transfers));
        assert_eq!(topic_of("\"notifications\""), Some(Topic::Notifications));
        assert_eq!(topic_of("transfers"), None);
        assert_eq!(topic_of("\"weather\""), None);
    }

    #[test]
    fn reopening_after_a_failure_reports_everything_once() {
        let mut connection = Connection::default();
        assert!(!connection.opened(), "the first opening missed nothing");
        connection.failed();
        connection.failed();
        assert!(connection.opened());
        assert!(!connection.opened());
    }
}
