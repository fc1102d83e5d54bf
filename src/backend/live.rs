//! Live updates: the page's one subscription to what changes in the
//! backend, topic by topic ([`Topic`]).
//!
//! [`LiveUpdates`] holds a version per topic, in context. A view that shows
//! a topic tracks its version (`live.track(Topic::Transfers)` in a
//! `LocalResource`) and so reads again when the backend reports a change;
//! no page polls on a timer of its own. The backend feeds the versions
//! through a [`Listener`]: the mock after its own writes and timer steps,
//! the HTTP backend from the server's event stream, which also says when
//! the stream is cut and when it is back ([`LiveUpdates::paused`]).

use super::Backend;
use leptos::prelude::*;
use std::sync::Arc;
use wxp_core::api::Topic;
use wxp_core::UserId;

/// Told which topics changed, and whether the backend's stream of changes
/// flows (a backend without a stream never says otherwise).
#[derive(Clone)]
pub struct Listener {
    changed: OnChanged,
    flowing: Arc<dyn Fn(bool) + Send + Sync>,
}

type OnChanged = Arc<dyn Fn(&[Topic]) + Send + Sync>;

impl Listener {
    /// A listener of both reports.
    pub fn new(
        changed: impl Fn(&[Topic]) + Send + Sync + 'static,
        flowing: impl Fn(bool) + Send + Sync + 'static,
    ) -> Listener {
        Listener {
            changed: Arc::new(changed),
            flowing: Arc::new(flowing),
        }
    }

    /// A listener of the topics only.
    pub fn topics(changed: impl Fn(&[Topic]) + Send + Sync + 'static) -> Listener {
        Listener::new(changed, |_| ())
    }

    /// Reports that `topics` changed.
    pub fn changed(&self, topics: &[Topic]) {
        (self.changed)(topics)
    }

    /// Reports whether the stream of changes flows (`false`: it is cut, and
    /// changes are not reported until it is back).
    pub fn flowing(&self, flowing: bool) {
        (self.flowing)(flowing)
    }
}

/// A backend's subscription: ends when dropped.
#[must_use = "the subscription ends when dropped"]
pub struct Subscription(Option<Box<dyn FnOnce()>>);

impl Subscription {
    /// A subscription that runs `end` when it ends.
    pub fn new(end: impl FnOnce() + 'static) -> Subscription {
        Subscription(Some(Box::new(end)))
    }

    /// A subscription to nothing (a backend without live updates).
    pub fn none() -> Subscription {
        Subscription(None)
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(end) = self.0.take() {
            end();
        }
    }
}

/// A version per topic, bumped whenever the backend reports that topic,
/// and whether the backend's stream of changes is cut.
#[derive(Clone, Copy)]
pub struct LiveUpdates {
    versions: [RwSignal<u64>; Topic::ALL.len()],
    paused: RwSignal<bool>,
}

impl Default for LiveUpdates {
    fn default() -> Self {
        LiveUpdates::new()
    }
}

impl LiveUpdates {
    /// Every topic at version 0.
    pub fn new() -> LiveUpdates {
        LiveUpdates {
            versions: std::array::from_fn(|_| RwSignal::new(0)),
            paused: RwSignal::new(false),
        }
    }

    /// Makes the calling reactive closure run again when `topic` changes.
    pub fn track(self, topic: Topic) {
        self.versions[index(topic)].track();
    }

    /// The version of `topic`, without tracking it.
    pub fn version(self, topic: Topic) -> u64 {
        self.versions[index(topic)].get_untracked()
    }

    /// Reports that `topics` changed.
    pub fn changed(self, topics: &[Topic]) {
        for &topic in topics {
            // A report can arrive after the app is gone (tests unmount it).
            let _ = self.versions[index(topic)].try_update(|v| *v += 1);
        }
    }

    /// Whether the stream of changes is cut (tracked): what the page shows
    /// may be out of date until it is back, when every topic is read again.
    pub fn paused(self) -> bool {
        self.paused.get()
    }

    /// A listener that reports into these versions.
    pub fn listener(self) -> Listener {
        Listener::new(
            move |topics: &[Topic]| self.changed(topics),
            move |flowing| {
                let _ = self.paused.try_set(!flowing);
            },
        )
    }
}

/// The position of `topic` in [`Topic::ALL`].
fn index(topic: Topic) -> usize {
    Topic::ALL
        .iter()
        .position(|t| *t == topic)
        .expect("Topic::ALL lists every topic")
}

/// The live updates provided by the app.
pub fn use_live() -> LiveUpdates {
    expect_context()
}

/// Keeps `backend`'s live updates flowing into `live` while someone is
/// signed in: the subscription starts at sign-in and ends at sign-out (the
/// server streams a user's events only within their session).
pub fn connect(backend: Arc<dyn Backend>, live: LiveUpdates, user: Memo<Option<UserId>>) {
    // Talks to the outside world: opens and closes the backend's stream.
    // The effect keeps the subscription as its value; the previous one ends
    // (is dropped) before the next starts, and the last one with the effect.
    Effect::new(move |previous: Option<Option<Subscription>>| {
        let signed_in = user.with(Option::is_some);
        drop(previous);
        // A stream that has ended is not cut.
        live.paused.set(false);
        signed_in.then(|| backend.subscribe(live.listener()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn each_topic_has_its_own_version() {
        let owner = Owner::new();
        owner.set();
        let live = LiveUpdates::new();
        live.changed(&[Topic::Transfers, Topic::Notifications]);
        live.changed(&[Topic::Transfers]);
        assert_eq!(live.version(Topic::Transfers), 2);
        assert_eq!(live.version(Topic::Notifications), 1);
        assert_eq!(live.version(Topic::Alerts), 0);
        live.listener().changed(&Topic::ALL);
        assert_eq!(live.version(Topic::Cases), 1);
        assert!(!live.paused.get_untracked());
        live.listener().flowing(false);
        assert!(live.paused.get_untracked());
        live.listener().flowing(true);
        assert!(!live.paused.get_untracked());
    }

    #[test]
    fn a_subscription_ends_once_when_dropped() {
        let ended = std::rc::Rc::new(std::cell::Cell::new(0));
        let counter = ended.clone();
        drop(Subscription::new(move || counter.set(counter.get() + 1)));
        assert_eq!(ended.get(), 1);
        drop(Subscription::none());
    }
}
