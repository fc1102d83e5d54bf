//! The things the portal is about: partners, customers, devices and users.

use crate::date::{Date, Timestamp};
use crate::ids::{CustomerId, PartnerId, UserId};
use crate::serial::SerialNumber;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// The two kinds of HP Premium / Premium+ partner. They take different
/// courses to complete their setup, and repair requests from PCs in their
/// holding tenant go to different places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerKind {
    /// Resell and View/Monitor partner.
    ResellViewMonitor,
    /// Service Delivery partner.
    ServiceDelivery,
}

impl PartnerKind {
    /// The HP University course IDs that complete this partner's setup, in
    /// the order they must be taken.
    pub fn required_courses(self) -> &'static [&'static str] {
        match self {
            PartnerKind::ResellViewMonitor => &["0001114751"],
            PartnerKind::ServiceDelivery => &["0001114748", "0001114825"],
        }
    }
}

/// A partner of HP that resells PCs with Premium / Premium+ support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    /// Its identifier.
    pub id: PartnerId,
    /// Its organisation name.
    pub name: String,
    /// Resell and View/Monitor, or Service Delivery.
    pub kind: PartnerKind,
    /// Whether one of its users has completed the partner course. Only then
    /// does the partner have a holding tenant ("Unassigned Devices").
    pub setup_complete: bool,
}

/// A customer of a partner, with its own dashboard (tenant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// The Customer ID, the target of transfer files.
    pub id: CustomerId,
    /// The partner that manages this customer.
    pub partner: PartnerId,
    /// The organisation name.
    pub name: String,
    /// Country, as an English name.
    pub country: String,
    /// The customer PIN used to enrol PCs into this dashboard.
    pub cpin: String,
    /// Whether HP Insights collects the last signed-in user and the
    /// location of this customer's PCs.
    pub insights_collection: bool,
    /// Whether PC end users get self-service pop-up alerts.
    pub self_service_alerts: bool,
}

/// The support plan of a PC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SupportPlan {
    /// HP Premium Support.
    Premium,
    /// HP Premium+ Support.
    PremiumPlus,
}

impl SupportPlan {
    /// Both plans, in display order.
    pub const ALL: [SupportPlan; 2] = [SupportPlan::Premium, SupportPlan::PremiumPlus];

    /// The name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            SupportPlan::Premium => "Premium",
            SupportPlan::PremiumPlus => "Premium+",
        }
    }
}

impl fmt::Display for SupportPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A PC as a device list shows it.
///
/// `last_user` and `location` are `None` where the viewer may not see them:
/// HP Insights collects them only for customers who turned collection on,
/// and never for PCs in a holding tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// The serial number, unique across all tenants.
    pub serial: SerialNumber,
    /// The marketing model name, e.g. "HP EliteBook 840 G10".
    pub model: Arc<str>,
    /// The HP product number (SKU).
    pub product_number: Arc<str>,
    /// Premium or Premium+.
    pub plan: SupportPlan,
    /// The last day of the hardware warranty.
    pub warranty_end: Date,
    /// When the PC last reported to HP.
    pub last_seen: Timestamp,
    /// The last signed-in user, where collected and visible.
    pub last_user: Option<Arc<str>>,
    /// The location, where collected and visible.
    pub location: Option<Arc<str>>,
}

/// What a user may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Role {
    /// Administers a partner account: sees the holding tenant and every
    /// customer dashboard of that partner.
    PartnerAdmin {
        /// The partner.
        partner: PartnerId,
    },
    /// Administers one customer's dashboard, and sees nothing else.
    ItAdmin {
        /// The customer.
        customer: CustomerId,
    },
}

impl Role {
    /// The role's name as the portal shows it.
    pub fn label(&self) -> &'static str {
        match self {
            Role::PartnerAdmin { .. } => "Partner Admin",
            Role::ItAdmin { .. } => "IT Admin",
        }
    }
}

/// A user of the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Its identifier.
    pub id: UserId,
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// What the user may do.
    pub role: Role,
}
