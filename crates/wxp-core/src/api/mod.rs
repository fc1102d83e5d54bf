//! The JSON the portal's page and its server exchange (`/api/v1/…`), beside
//! the domain types that travel as they are ([`crate::engine::Session`],
//! [`crate::engine::TransferJob`], …).
//!
//! Both sides compile these same types, so a field renamed on one side is a
//! build error on the other, not a silent `null`. Every type a client sends
//! (these, and the domain's `TransferRequest`, `NewCustomer`, `NewCase`,
//! `DemoConfig`) refuses unknown fields: a misspelt field is an error, not
//! silently ignored.

mod error;
mod first_stage;

pub use error::{status, ErrorBody, ErrorReason};
pub use first_stage::{ErrorBodyFirstStage, ReasonFirstStage};

use crate::date::Date;
use crate::engine::AlertKind;
use crate::serial::SerialNumber;
use crate::transfer_file::Place;
use serde::{Deserialize, Serialize};

/// The API's path prefix, below the server's origin.
pub const API_BASE: &str = "/api/v1";

/// Most items one request names: the rows of a transfer, the serial
/// numbers of an enrolment, a support case or a locate call (a whole
/// transfer file's worth). More is a malformed request (400).
pub const MAX_ITEMS: usize = 200_000;

/// The largest request body, in bytes: a 200,000-row transfer, with room
/// to spare. More is refused whole (413).
pub const MAX_BODY: usize = 32 * 1024 * 1024;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "wxp_session";

/// `POST /api/v1/session`: a password sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// The account's e-mail address.
    pub email: String,
    /// Its password.
    pub password: String,
}

/// `POST /api/v1/demo/session`: a one-click sign-in as a demo account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSignIn {
    /// The demo account.
    pub user: crate::UserId,
}

/// A switch turned on or off (insights collection, self-service alerts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    /// On or off.
    pub enabled: bool,
}

/// `POST /api/v1/customers/{id}/enrolments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    /// The customer's cPIN.
    pub cpin: String,
    /// The serial numbers, as entered.
    pub serials: Vec<String>,
}

/// `POST /api/v1/alerts`: "Simulate alert".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimulateAlert {
    /// The PC's serial number, as entered.
    pub serial: String,
    /// What happened.
    pub kind: AlertKind,
}

/// `POST /api/v1/repair-requests/{id}/schedule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRepair {
    /// The day of the repair.
    pub on: Date,
}

/// `POST /api/v1/devices/locate` answers the PCs found grouped by where
/// they are: a 100,000-row file's answer names each place once, not once
/// per PC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located {
    /// Where these PCs are.
    pub place: Place,
    /// The PCs.
    pub serials: Vec<SerialNumber>,
}

impl Located {
    /// Groups `(serial, place)` pairs by place, in the order places first
    /// appear.
    pub fn group(pairs: Vec<(SerialNumber, Place)>) -> Vec<Located> {
        let mut groups: Vec<Located> = Vec::new();
        for (serial, place) in pairs {
            match groups.iter_mut().find(|g| g.place == place) {
                Some(group) => group.serials.push(serial),
                None => groups.push(Located {
                    place,
                    serials: vec![serial],
                }),
            }
        }
        groups
    }

    /// The `(serial, place)` pairs of groups.
    pub fn pairs(groups: Vec<Located>) -> Vec<(SerialNumber, Place)> {
        groups
            .into_iter()
            .flat_map(|g| {
                let place = g.place;
                g.serials.into_iter().map(move |s| (s, place.clone()))
            })
            .collect()
    }
}

/// What changed, as the live-update stream (`GET /api/v1/events`, Server-Sent
/// Events) names it. A page refreshes the views that show that topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Customers and their settings.
    Customers,
    /// Where PCs are (a transfer, an enrolment, an ingest).
    Devices,
    /// Transfer jobs: submitted, running, completed.
    Transfers,
    /// The Notification Center.
    Notifications,
    /// Hardware alerts and repair requests.
    Alerts,
    /// Support cases.
    Cases,
}

impl Topic {
    /// Every topic.
    pub const ALL: [Topic; 6] = [
        Topic::Customers,
        Topic::Devices,
        Topic::Transfers,
        Topic::Notifications,
        Topic::Alerts,
        Topic::Cases,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CustomerId;

    #[test]
    fn located_pcs_group_by_place_and_come_back_as_pairs() {
        let s = |t: &str| SerialNumber::parse(t).unwrap();
        let contoso = Place::Customer {
            id: CustomerId::from_bits(1),
            name: "Contoso Ltd".into(),
        };
        let pairs = vec![
            (s("5CG1234ABC"), Place::Unassigned),
            (s("5CG1234ABD"), contoso.clone()),
            (s("5CG1234ABE"), Place::Unassigned),
        ];
        let groups = Located::group(pairs.clone());
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].serials.len(), 2);
        let mut back = Located::pairs(groups);
        back.sort_by_key(|(s, _)| *s);
        assert_eq!(back, pairs);
    }
}
