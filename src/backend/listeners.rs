//! Who the in-browser backend tells about its changes.

use crate::backend::{Listener, Subscription};
use std::sync::{Arc, Mutex};
use wxp_core::api::Topic;

/// The subscribers.
#[derive(Clone, Default)]
pub(crate) struct Listeners(Arc<Mutex<List>>);

#[derive(Default)]
struct List {
    next: u64,
    listeners: Vec<(u64, Listener)>,
}

impl Listeners {
    /// Adds `listener` until the subscription is dropped.
    pub(crate) fn subscribe(&self, listener: Listener) -> Subscription {
        let id = {
            let mut list = self.0.lock().expect("single-threaded");
            list.next += 1;
            let id = list.next;
            list.listeners.push((id, listener));
            id
        };
        let all = self.0.clone();
        Subscription::new(move || {
            let mut list = all.lock().expect("single-threaded");
            list.listeners.retain(|(each, _)| *each != id);
        })
    }

    /// Tells every listener that `topics` changed.
    pub(crate) fn notify(&self, topics: &[Topic]) {
        // Called without the lock held: a listener may subscribe or end a
        // subscription in turn.
        let listeners: Vec<Listener> = {
            let list = self.0.lock().expect("single-threaded");
            list.listeners.iter().map(|(_, l)| l.clone()).collect()
        };
        for listener in listeners {
            listener.changed(topics);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn only_current_subscribers_are_told() {
        let heard = Arc::new(Mutex::new(Vec::new()));
        let listeners = Listeners::default();
        let record = heard.clone();
        let subscription = listeners.subscribe(Listener::topics(move |topics: &[Topic]| {
            record.lock().unwrap().extend_from_slice(topics)
        }));
        listeners.notify(&[Topic::Transfers]);
        drop(subscription);
        listeners.notify(&[Topic::Alerts]);
        assert_eq!(*heard.lock().unwrap(), vec![Topic::Transfers]);
    }
}
