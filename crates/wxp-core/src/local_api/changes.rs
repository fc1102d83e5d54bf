//! What a request changed, and who hears of it: the server's live updates
//! (`wxp-server`'s `live.rs`), computed the same way. A change names its
//! topic and its audience; the signed-in account hears the changes of its
//! own organisation only.

use crate::api::Topic;
use crate::engine::Alert;
use crate::ids::{CustomerId, PartnerId, TenantId, UserId};
use crate::model::{Customer, Role, User};

/// Who hears of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Audience {
    /// Everyone (the demo data was reset).
    Everyone,
    /// A partner's admins, and the IT Admins of the customer named, if any.
    Partner(PartnerId, Option<CustomerId>),
    /// One user (their notifications, their cases).
    User(UserId),
}

impl Audience {
    /// A change to a customer: its partner's admins and its own IT Admins.
    pub(super) fn of_customer(customer: &Customer) -> Audience {
        Audience::Partner(customer.partner.clone(), Some(customer.id.clone()))
    }

    /// A change to an alert: its partner's admins, and the IT Admins of the
    /// customer whose PC it is.
    pub(super) fn of_alert(alert: &Alert) -> Audience {
        match &alert.tenant {
            TenantId::Customer(c) => Audience::Partner(alert.partner.clone(), Some(c.clone())),
            TenantId::Holding(_) => Audience::Partner(alert.partner.clone(), None),
        }
    }

    /// Whether `user` hears of it.
    fn reaches(&self, user: &User) -> bool {
        match (self, &user.role) {
            (Audience::Everyone, _) => true,
            (Audience::User(u), _) => *u == user.id,
            (Audience::Partner(p, _), Role::PartnerAdmin { partner }) => p == partner,
            (Audience::Partner(_, Some(c)), Role::ItAdmin { customer }) => c == customer,
            (Audience::Partner(_, None), Role::ItAdmin { .. }) => false,
        }
    }
}

/// The changes one request (or one run of the jobs) made.
#[derive(Debug, Default)]
pub(super) struct Changes(Vec<(Topic, Audience)>);

impl Changes {
    /// One change.
    pub(super) fn tell(&mut self, topic: Topic, audience: Audience) {
        self.0.push((topic, audience));
    }

    /// Several topics to one audience.
    pub(super) fn tell_all(&mut self, topics: &[Topic], audience: &Audience) {
        for topic in topics {
            self.tell(*topic, audience.clone());
        }
    }

    /// The topics `user` hears of, each once, in the order first told;
    /// nobody signed in hears only what is told to everyone.
    pub(super) fn heard_by(&self, user: Option<&User>) -> Vec<Topic> {
        let mut topics = Vec::new();
        for (topic, audience) in &self.0 {
            let heard = match user {
                Some(user) => audience.reaches(user),
                None => *audience == Audience::Everyone,
            };
            if heard && !topics.contains(topic) {
                topics.push(*topic);
            }
        }
        topics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: &str, role: Role) -> User {
        User {
            id: UserId(id.into()),
            name: id.into(),
            email: format!("{id}@example.com"),
            role,
        }
    }

    #[test]
    fn changes_reach_their_own_organisation_only() {
        let alpine = PartnerId("PRT-ALPINE".into());
        let contoso = CustomerId::from_bits(1);
        let admin = user(
            "a",
            Role::PartnerAdmin {
                partner: alpine.clone(),
            },
        );
        let other_admin = user(
            "b",
            Role::PartnerAdmin {
                partner: PartnerId("PRT-BRIGHT".into()),
            },
        );
        let it = user(
            "c",
            Role::ItAdmin {
                customer: contoso.clone(),
            },
        );
        let mut changes = Changes::default();
        changes.tell(
            Topic::Devices,
            Audience::Partner(alpine.clone(), Some(contoso)),
        );
        changes.tell(Topic::Transfers, Audience::Partner(alpine, None));
        changes.tell(Topic::Notifications, Audience::User(admin.id.clone()));
        changes.tell(Topic::Devices, Audience::User(admin.id.clone()));
        assert_eq!(
            changes.heard_by(Some(&admin)),
            [Topic::Devices, Topic::Transfers, Topic::Notifications]
        );
        assert_eq!(changes.heard_by(Some(&it)), [Topic::Devices]);
        assert!(changes.heard_by(Some(&other_admin)).is_empty());
        assert!(changes.heard_by(None).is_empty());
        changes.tell(Topic::Cases, Audience::Everyone);
        assert_eq!(changes.heard_by(None), [Topic::Cases]);
    }
}
