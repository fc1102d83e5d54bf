//! Customer dashboards: creating them, enrolling PCs with the cPIN, and
//! their self-service alerts.

use super::{AccessError, Engine, Event};
use crate::ids::{CustomerId, PartnerId, TenantId, UserId};
use crate::model::Customer;
use crate::rng::Rng;
use crate::rules::enrolment::{self, EnrolPlace};
use crate::rules::{alerts, dashboard};
use crate::serial::{SerialError, SerialNumber};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the partner fills in to create a customer dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCustomer {
    /// The organisation's name, unique within the partner.
    pub name: String,
    /// Its country.
    pub country: String,
    /// The e-mail address of its first IT Admin.
    pub admin_email: String,
}

/// Why a customer dashboard was not created, or a setting not changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DashboardError {
    /// The user may not do this.
    Access(AccessError),
    /// The name is empty.
    EmptyName,
    /// The partner already has a customer of that name.
    DuplicateName(String),
    /// The country is empty.
    EmptyCountry,
    /// The e-mail address is not one.
    BadEmail(String),
    /// Another account already has this e-mail address.
    EmailTaken(String),
    /// The cPIN does not match the customer's.
    WrongCpin,
    /// Self-service alerts cannot be turned off before the dashboard has
    /// its first Premium / Premium+ PC.
    AlertsNeedFirstPc,
}

impl fmt::Display for DashboardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DashboardError::Access(e) => write!(f, "{e}"),
            DashboardError::EmptyName => write!(f, "the customer name is empty"),
            DashboardError::DuplicateName(n) => write!(f, "you already have a customer named {n:?}"),
            DashboardError::EmptyCountry => write!(f, "the country is empty"),
            DashboardError::BadEmail(e) => write!(f, "{e:?} is not an e-mail address"),
            DashboardError::EmailTaken(e) => {
                write!(f, "there is already an account for {e:?}; give another e-mail address")
            }
            DashboardError::WrongCpin => write!(f, "the cPIN is not this customer's cPIN"),
            DashboardError::AlertsNeedFirstPc => write!(
                f,
                "self-service alerts can be turned off only once the first Premium or Premium+ PC is in the dashboard"
            ),
        }
    }
}

impl std::error::Error for DashboardError {}

impl From<AccessError> for DashboardError {
    fn from(e: AccessError) -> Self {
        DashboardError::Access(e)
    }
}

/// What enrolling one serial number did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnrolOutcome {
    /// The PC moved from the partner's holding tenant into the dashboard.
    Enrolled,
    /// The PC was in the dashboard already.
    AlreadyEnrolled,
    /// The PC is in another customer's dashboard: refused.
    OtherCustomer,
    /// No such PC among the partner's.
    NotFound,
    /// Not a serial number.
    Invalid(SerialError),
}

impl fmt::Display for EnrolOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnrolOutcome::Enrolled => write!(f, "Enrolled"),
            EnrolOutcome::AlreadyEnrolled => write!(f, "Already in this dashboard"),
            EnrolOutcome::OtherCustomer => {
                write!(f, "Refused: this PC is in another customer's dashboard")
            }
            EnrolOutcome::NotFound => write!(f, "Device not found"),
            EnrolOutcome::Invalid(e) => write!(f, "Not a serial number: {e}"),
        }
    }
}

impl Engine {
    /// Creates a customer dashboard for the user's partner, issuing its
    /// Customer ID and cPIN, and an IT Admin account for its e-mail.
    pub fn create_customer(
        &mut self,
        user: &UserId,
        new: NewCustomer,
    ) -> Result<CustomerId, DashboardError> {
        let partner = self.acting_partner(self.user(user)?)?.id.clone();
        let new = self.check_new_customer(&partner, new)?;
        // Deterministic from the log, so replay issues the same IDs.
        let mut rng = Rng::new(self.events.len() as u64 ^ 0xC0FF_EE00 ^ self.config.seed);
        let id = loop {
            let id = CustomerId::from_bits(rng.next_u64() as u32);
            if self.find_customer(&id).is_none() {
                break id;
            }
        };
        let cpin = crate::seed::cpin(&mut rng);
        let customer = Customer {
            id: id.clone(),
            partner,
            name: new.name,
            country: new.country,
            cpin,
            insights_collection: false,
            self_service_alerts: false,
        };
        self.replay(Event::CustomerCreated {
            customer,
            admin_email: new.admin_email,
        })
        .map_err(|_| DashboardError::EmptyName)?;
        Ok(id)
    }

    fn check_new_customer(
        &self,
        partner: &PartnerId,
        new: NewCustomer,
    ) -> Result<NewCustomer, DashboardError> {
        dashboard::check_new_customer(
            new,
            |key| {
                self.world
                    .customers
                    .iter()
                    .any(|c| &c.partner == partner && dashboard::name_key(&c.name) == key)
            },
            |key| {
                self.world
                    .users
                    .iter()
                    .any(|u| dashboard::email_key(&u.email) == key)
            },
        )
    }

    /// Enrols PCs into a customer's dashboard with its cPIN: a PC in the
    /// partner's holding tenant moves in; one in another customer's
    /// dashboard is refused. The IT Admin of the customer, or its partner,
    /// may do it.
    pub fn enrol(
        &mut self,
        user: &UserId,
        customer: &CustomerId,
        cpin: &str,
        serials: &[String],
    ) -> Result<Vec<EnrolOutcome>, DashboardError> {
        let acting = self.user(user)?;
        enrolment::check_cpin(self.visible_customer(acting, customer)?, cpin)?;
        let outcomes = self.plan_enrolment(customer, serials);
        self.replay(Event::Enrolled {
            customer: customer.clone(),
            serials: serials.to_vec(),
        })
        .map_err(|_| DashboardError::WrongCpin)?;
        Ok(outcomes)
    }

    fn plan_enrolment(&self, customer: &CustomerId, serials: &[String]) -> Vec<EnrolOutcome> {
        let Some(c) = self.find_customer(customer) else {
            return Vec::new();
        };
        let holding = TenantId::Holding(c.partner.clone());
        let own = TenantId::Customer(customer.clone());
        let in_tenant = |t: &TenantId, serial: &SerialNumber| {
            self.world
                .tenants
                .get(t)
                .is_some_and(|d| d.iter().any(|d| d.serial == *serial))
        };
        enrolment::enrol_outcomes(serials, |serial| {
            if in_tenant(&own, serial) {
                EnrolPlace::ThisDashboard
            } else if in_tenant(&holding, serial) {
                EnrolPlace::PartnerHolding
            } else if self.in_partner_customer(&c.partner, serial) {
                EnrolPlace::OtherCustomerOfPartner
            } else {
                EnrolPlace::Elsewhere
            }
        })
    }

    /// Whether the PC is in a dashboard of another customer of the same
    /// partner. Another partner's PCs are "not found": nobody learns what
    /// exists outside their account.
    fn in_partner_customer(&self, partner: &PartnerId, serial: &SerialNumber) -> bool {
        self.world.tenants.iter().any(|(t, devices)| match t {
            TenantId::Customer(id) => {
                self.find_customer(id)
                    .is_some_and(|c| &c.partner == partner)
                    && devices.iter().any(|d| d.serial == *serial)
            }
            TenantId::Holding(_) => false,
        })
    }

    /// Turns a customer's self-service pop-up alerts on or off. They cannot
    /// be turned off before the first Premium / Premium+ PC is in the
    /// dashboard (adding it turns them on).
    pub fn set_self_service_alerts(
        &mut self,
        user: &UserId,
        customer: &CustomerId,
        enabled: bool,
    ) -> Result<(), DashboardError> {
        let acting = self.user(user)?;
        self.visible_customer(acting, customer)?;
        let devices = self
            .world
            .tenants
            .get(&TenantId::Customer(customer.clone()))
            .map_or(0, Vec::len);
        alerts::check_self_service_change(enabled, devices)?;
        self.replay(Event::SelfServiceAlertsSet {
            customer: customer.clone(),
            enabled,
        })
        .map_err(|_| DashboardError::AlertsNeedFirstPc)
    }

    // ----- applying events ----------------------------------------------

    pub(super) fn apply_customer_created(
        &mut self,
        customer: &Customer,
        admin_email: &str,
    ) -> Result<(), String> {
        if self.find_customer(&customer.id).is_some() {
            return Err(format!("customer {} is created twice", customer.id));
        }
        self.world.customers.push(customer.clone());
        self.world
            .tenants
            .entry(TenantId::Customer(customer.id.clone()))
            .or_default();
        self.world
            .users
            .push(dashboard::it_admin_for(customer, admin_email));
        Ok(())
    }

    pub(super) fn apply_enrolled(
        &mut self,
        customer: &CustomerId,
        serials: &[String],
    ) -> Result<(), String> {
        let c = self
            .find_customer(customer)
            .ok_or_else(|| format!("it names an unknown customer {customer}"))?;
        let holding = TenantId::Holding(c.partner.clone());
        let moves = enrolment::enrolled(serials, &self.plan_enrolment(customer, serials));
        self.move_devices(&holding, &TenantId::Customer(customer.clone()), &moves);
        Ok(())
    }

    pub(super) fn apply_alerts_set(
        &mut self,
        customer: &CustomerId,
        enabled: bool,
    ) -> Result<(), String> {
        let c = self
            .customer_mut(customer)
            .ok_or_else(|| format!("it names an unknown customer {customer}"))?;
        c.self_service_alerts = enabled;
        Ok(())
    }
}
