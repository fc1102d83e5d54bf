//! Live updates: what changed, told to the pages that show it.
//!
//! A change names its topic and who may hear of it; the Server-Sent Events
//! stream of each signed-in user passes on the changes of their own
//! organisation only. A change carries no data, only its topic: the page
//! reads what it needs through the API, with its usual access checks.

use tokio::sync::broadcast;
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

/// The broadcaster of this process.
#[derive(Clone)]
pub struct Live {
    sender: broadcast::Sender<Change>,
    /// The token hashes of sessions that just ended: their streams end at
    /// once, not at their next check.
    ended: broadcast::Sender<String>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            sender: broadcast::channel(1024).0,
            ended: broadcast::channel(256).0,
        }
    }
}

impl Live {
    /// Tells the listeners; nobody listening is fine.
    pub fn tell(&self, topic: Topic, audience: Audience) {
        let _ = self.sender.send(Change { topic, audience });
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
