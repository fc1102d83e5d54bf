//! Live updates: what changed, told to the pages that show it.
//!
//! A change names its topic and who may hear of it; the Server-Sent Events
//! stream of each signed-in user passes on the changes of their own
//! organisation only. A change carries no data, only its topic: the page
//! reads what it needs through the API, with its usual access checks.
//!
//! A change is told to this process's pages at once, and written to the
//! database for the other server processes sharing it (see
//! [`crate::live_relay`]), which tell their own pages.

use std::sync::{Arc, Mutex};
use tokio::sync::{broadcast, mpsc};
use wxp_core::api::Topic;
use wxp_core::{CustomerId, PartnerId, Role, UserId};

/// Who hears of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// Everyone (the demo data was reset).
    Everyone,
    /// A partner's admins, and the IT Admins of the customer named, if any.
    Partner(PartnerId, Option<CustomerId>),
    /// One user (their notifications).
    User(UserId),
}

/// A change.
#[derive(Debug, Clone)]
pub struct Change {
    /// What changed.
    pub topic: Topic,
    /// Who may hear of it.
    pub audience: Audience,
}

impl Change {
    /// Whether a user of `role` hears of it.
    pub fn reaches(&self, user: &UserId, role: &Role) -> bool {
        match (&self.audience, role) {
            (Audience::Everyone, _) => true,
            (Audience::User(u), _) => u == user,
            (Audience::Partner(p, _), Role::PartnerAdmin { partner }) => p == partner,
            (Audience::Partner(_, Some(c)), Role::ItAdmin { customer }) => c == customer,
            (Audience::Partner(_, None), Role::ItAdmin { .. }) => false,
        }
    }
}

/// What one process tells the others.
#[derive(Debug, Clone)]
pub enum Shared {
    /// A change.
    Change(Change),
    /// A session ended (its token's hash).
    SessionEnded(String),
}

/// The broadcaster of this process.
#[derive(Clone)]
pub struct Live {
    sender: broadcast::Sender<Change>,
    /// The token hashes of sessions that just ended: their streams end at
    /// once, not at their next check.
    ended: broadcast::Sender<String>,
    /// What the relay writes for the other processes.
    outbox: mpsc::UnboundedSender<Shared>,
    outbox_reader: Arc<Mutex<Option<mpsc::UnboundedReceiver<Shared>>>>,
    /// This process, among those sharing the database.
    origin: Arc<str>,
}

impl Default for Live {
    fn default() -> Self {
        let (outbox, reader) = mpsc::unbounded_channel();
        let mut bytes = [0u8; 12];
        let origin = match getrandom::fill(&mut bytes) {
            Ok(()) => bytes.iter().map(|b| format!("{b:02x}")).collect::<String>(),
            Err(_) => format!("pid-{}", std::process::id()),
        };
        Live {
            sender: broadcast::channel(1024).0,
            ended: broadcast::channel(256).0,
            outbox,
            outbox_reader: Arc::new(Mutex::new(Some(reader))),
            origin: origin.into(),
        }
    }
}

impl Live {
    /// Tells the listeners of every process; nobody listening is fine.
    pub fn tell(&self, topic: Topic, audience: Audience) {
        let change = Change { topic, audience };
        let _ = self.outbox.send(Shared::Change(change.clone()));
        let _ = self.sender.send(change);
    }

    /// Tells this process's listeners what another process told.
    pub fn deliver(&self, shared: Shared) {
        match shared {
            Shared::Change(change) => {
                let _ = self.sender.send(change);
            }
            Shared::SessionEnded(hash) => {
                let _ = self.ended.send(hash);
            }
        }
    }

    /// This process's name among those sharing the database.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// What this process tells the others, for the relay (taken once).
    pub fn take_outbox(&self) -> Option<mpsc::UnboundedReceiver<Shared>> {
        self.outbox_reader.lock().ok()?.take()
    }

    /// Tells several topics to one audience.
    pub fn tell_all(&self, topics: &[Topic], audience: &Audience) {
        for topic in topics {
            self.tell(*topic, audience.clone());
        }
    }

    /// A new listener.
    pub fn subscribe(&self) -> broadcast::Receiver<Change> {
        self.sender.subscribe()
    }

    /// Says a session ended (its token's hash).
    pub fn session_ended(&self, token_hash: String) {
        let _ = self.outbox.send(Shared::SessionEnded(token_hash.clone()));
        let _ = self.ended.send(token_hash);
    }

    /// A new listener to ended sessions.
    pub fn subscribe_ended(&self) -> broadcast::Receiver<String> {
        self.ended.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_reach_their_own_organisation_only() {
        let alpine = PartnerId("PRT-ALPINE".into());
        let contoso = CustomerId::from_bits(1);
        let admin = Role::PartnerAdmin {
            partner: alpine.clone(),
        };
        let other_admin = Role::PartnerAdmin {
            partner: PartnerId("PRT-BRIGHT".into()),
        };
        let it = Role::ItAdmin {
            customer: contoso.clone(),
        };
        let u = UserId("u".into());
        let change = Change {
            topic: Topic::Devices,
            audience: Audience::Partner(alpine.clone(), Some(contoso)),
        };
        assert!(change.reaches(&u, &admin));
        assert!(change.reaches(&u, &it));
        assert!(!change.reaches(&u, &other_admin));
        let holding_only = Change {
            topic: Topic::Devices,
            audience: Audience::Partner(alpine, None),
        };
        assert!(!holding_only.reaches(&u, &it));
        let mine = Change {
            topic: Topic::Notifications,
            audience: Audience::User(u.clone()),
        };
        assert!(mine.reaches(&u, &admin));
        assert!(!mine.reaches(&UserId("v".into()), &admin));
    }
}
