//! The backend engine: answers the portal's operations and enforces who may
//! see what.
//!
//! Every operation takes the acting user and checks it itself; the UI hiding
//! a link is a convenience, never the protection. The engine's state is the
//! seeded [`World`] plus the log of [`Event`]s applied since, which is what
//! gets persisted (see [`crate::store`]): a 100,000-PC demo stores a few
//! bytes, not megabytes.

mod alerts;
mod dashboards;
mod support;

pub use support::{CaseError, CaseState, NewCase, SupportCase};

pub use alerts::{Alert, AlertError, AlertId, AlertKind, Delivery, Repair};
mod transfer_summary;
mod transfers;

pub use dashboards::{DashboardError, EnrolOutcome, NewCustomer};
pub use transfer_summary::TransferSummary;
pub use transfers::{
    succeeded_in, JobId, JobState, RowResult, RowState, SubmitError, SubmittedRow, TransferJob,
    TransferRequest, NOT_FOUND_DESCRIPTION, SUCCESS_DESCRIPTION,
};

use crate::date::Timestamp;
use crate::ids::{CustomerId, PartnerId, TenantId, UserId};
use crate::model::{Customer, Device, Partner, PartnerKind, Role, SupportPlan, User};
use crate::rules::access;
use crate::seed::{self, DemoConfig, World};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why the engine refused an operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessError {
    /// The acting user does not exist (a stale session after a reset).
    UnknownUser(UserId),
    /// The customer does not exist or belongs to someone else. One variant
    /// for both, so that nobody learns which IDs exist in other tenants.
    CustomerNotAvailable(CustomerId),
    /// The operation is for partner admins only.
    PartnersOnly,
    /// The partner has no holding tenant because no user completed the
    /// partner course.
    SetupIncomplete(PartnerId),
    /// The transfer does not exist or is someone else's.
    NoSuchTransfer(JobId),
    /// A partner admin asked for Unassigned Devices that are not their
    /// partner's: the same answer whether that partner exists or not.
    NoSuchHoldingTenant(PartnerId),
}

impl fmt::Display for AccessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessError::UnknownUser(id) => write!(
                f,
                "the account {id} no longer exists (the demo data may have been reset); sign in again"
            ),
            AccessError::CustomerNotAvailable(id) => {
                write!(f, "there is no customer {id} in your account")
            }
            AccessError::PartnersOnly => write!(f, "only a Partner Admin can open this page"),
            AccessError::SetupIncomplete(_) => write!(
                f,
                "Unassigned Devices is not available: the partner account setup is incomplete"
            ),
            AccessError::NoSuchTransfer(job) => write!(f, "there is no transfer {job} in your account"),
            AccessError::NoSuchHoldingTenant(_) => {
                write!(f, "these Unassigned Devices are not in your account")
            }
        }
    }
}

impl std::error::Error for AccessError {}

/// A change to the world, recorded so that it can be persisted and replayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// HP Insights collection of last signed-in user and location was turned
    /// on or off for a customer.
    InsightsCollectionSet {
        /// The customer.
        customer: CustomerId,
        /// On or off.
        enabled: bool,
    },
    /// A transfer was accepted and queued.
    TransferSubmitted {
        /// Its number.
        job: JobId,
        /// Who submitted it.
        user: UserId,
        /// What was submitted.
        request: TransferRequest,
        /// When.
        at: Timestamp,
    },
    /// A queued transfer started running.
    TransferStarted {
        /// Its number.
        job: JobId,
        /// When.
        at: Timestamp,
    },
    /// A transfer ran: its rows were checked and its PCs moved.
    TransferCompleted {
        /// Its number.
        job: JobId,
        /// When.
        at: Timestamp,
    },
    /// The submitter opened the transfer's notification.
    NotificationRead {
        /// The transfer.
        job: JobId,
    },
    /// A partner created a customer dashboard.
    CustomerCreated {
        /// The customer, with its issued Customer ID and cPIN.
        customer: Customer,
        /// The e-mail of its first IT Admin.
        admin_email: String,
    },
    /// PCs were enrolled into a dashboard with its cPIN.
    Enrolled {
        /// The customer.
        customer: CustomerId,
        /// The serial numbers, as entered.
        serials: Vec<String>,
    },
    /// A hardware alert was raised on a PC.
    AlertRaised {
        /// Its number.
        alert: AlertId,
        /// The PC.
        serial: crate::serial::SerialNumber,
        /// What happened.
        kind: AlertKind,
        /// When.
        at: Timestamp,
    },
    /// The end user clicked View on an alert's pop-up.
    RepairRequested {
        /// The alert.
        alert: AlertId,
        /// When.
        at: Timestamp,
    },
    /// The Service Delivery partner scheduled a repair.
    RepairScheduled {
        /// The alert.
        alert: AlertId,
        /// The day.
        on: crate::date::Date,
    },
    /// A user opened a support case.
    CaseOpened {
        /// Who.
        user: UserId,
        /// What they wrote (serial numbers normalised).
        case: NewCase,
        /// When.
        at: Timestamp,
    },
    /// A customer's self-service alerts were turned on or off.
    SelfServiceAlertsSet {
        /// The customer.
        customer: CustomerId,
        /// On or off.
        enabled: bool,
    },
}

/// A demo account, as the sign-in page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The user.
    pub user: User,
    /// The partner's or customer's name.
    pub organisation: String,
    /// What this account shows.
    pub kind: AccountKind,
}

/// What a demo account shows, for its one-line description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountKind {
    /// A partner's account.
    Partner {
        /// Its kind.
        kind: PartnerKind,
        /// Whether a user finished the partner course.
        setup_complete: bool,
    },
    /// One customer's dashboard only.
    Customer,
}

/// A customer, with the figures the portal shows about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSummary {
    /// The customer record.
    pub customer: Customer,
    /// The managing partner's name.
    pub partner_name: String,
    /// PCs in the dashboard.
    pub devices: usize,
    /// Of which Premium.
    pub premium: usize,
    /// Of which Premium+.
    pub premium_plus: usize,
}

/// What a signed-in user works on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// A partner account, with all its customers.
    Partner(Partner),
    /// One customer's dashboard.
    Customer(CustomerSummary),
}

/// The signed-in user and what they work on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The user.
    pub user: User,
    /// Their partner or customer.
    pub scope: Scope,
}

/// A partner's portfolio at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Portfolio {
    /// The partner.
    pub partner: Partner,
    /// Its customers, by name.
    pub customers: Vec<CustomerSummary>,
    /// PCs in the holding tenant; `None` when setup is incomplete.
    pub unassigned: Option<usize>,
}

/// The engine behind the mock backend (and, later, a real server).
#[derive(Debug, Clone)]
pub struct Engine {
    config: DemoConfig,
    events: Vec<Event>,
    world: World,
    jobs: Vec<TransferJob>,
    alerts: Vec<Alert>,
    cases: Vec<SupportCase>,
}

impl Engine {
    /// A fresh engine holding the seeded demo data of `config`.
    pub fn new(config: DemoConfig) -> Engine {
        let mut engine = Engine {
            config,
            events: Vec::new(),
            world: seed::generate(config),
            jobs: Vec::new(),
            alerts: Vec::new(),
            cases: Vec::new(),
        };
        engine.seed_alerts();
        engine
    }

    /// The configuration the demo data was generated from.
    pub fn config(&self) -> DemoConfig {
        self.config
    }

    /// The events applied since the seed, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Applies an event after checking it makes sense in this world. Used to
    /// replay a stored log, whose content cannot be trusted.
    pub fn replay(&mut self, event: Event) -> Result<(), String> {
        match &event {
            Event::InsightsCollectionSet { customer, enabled } => {
                let c = self
                    .customer_mut(customer)
                    .ok_or_else(|| format!("it names an unknown customer {customer}"))?;
                c.insights_collection = *enabled;
            }
            Event::TransferSubmitted {
                job,
                user,
                request,
                at,
            } => self.apply_submitted(*job, user, request, *at)?,
            Event::TransferStarted { job, .. } => self.apply_started(*job)?,
            Event::TransferCompleted { job, at } => self.apply_completed(*job, *at)?,
            Event::NotificationRead { job } => self.apply_read(*job)?,
            Event::CustomerCreated {
                customer,
                admin_email,
            } => self.apply_customer_created(customer, admin_email)?,
            Event::Enrolled { customer, serials } => self.apply_enrolled(customer, serials)?,
            Event::AlertRaised {
                alert,
                serial,
                kind,
                at,
            } => self.apply_alert_raised(*alert, *serial, *kind, *at)?,
            Event::RepairRequested { alert, .. } => self.apply_repair_requested(*alert)?,
            Event::RepairScheduled { alert, on } => self.apply_repair_scheduled(*alert, *on)?,
            Event::CaseOpened { user, case, at } => self.apply_case_opened(user, case, *at)?,
            Event::SelfServiceAlertsSet { customer, enabled } => {
                self.apply_alerts_set(customer, *enabled)?
            }
        }
        self.events.push(event);
        Ok(())
    }

    // ----- operations -------------------------------------------------

    /// The demo accounts the sign-in page offers.
    pub fn accounts(&self) -> Vec<Account> {
        self.world
            .users
            .iter()
            .map(|user| {
                let (organisation, kind) = match &user.role {
                    Role::PartnerAdmin { partner } => {
                        let p = self.partner(partner).expect("seeded users have partners");
                        (
                            p.name.clone(),
                            AccountKind::Partner {
                                kind: p.kind,
                                setup_complete: p.setup_complete,
                            },
                        )
                    }
                    Role::ItAdmin { customer } => {
                        let c = self
                            .find_customer(customer)
                            .expect("seeded users have customers");
                        (c.name.clone(), AccountKind::Customer)
                    }
                };
                Account {
                    user: user.clone(),
                    organisation,
                    kind,
                }
            })
            .collect()
    }

    /// The account `user`, if this world has it (a session may outlive its
    /// account: the demo data was reset or replaced).
    pub fn find_user(&self, user: &UserId) -> Option<&User> {
        self.user(user).ok()
    }

    /// Who `user` is and what they work on.
    pub fn session(&self, user: &UserId) -> Result<Session, AccessError> {
        let user = self.user(user)?;
        let scope = match &user.role {
            Role::PartnerAdmin { partner } => Scope::Partner(
                self.partner(partner)
                    .expect("seeded users have partners")
                    .clone(),
            ),
            Role::ItAdmin { customer } => Scope::Customer(
                self.summary(
                    self.find_customer(customer)
                        .expect("seeded users have customers"),
                ),
            ),
        };
        Ok(Session {
            user: user.clone(),
            scope,
        })
    }

    /// The customers `user` may see, by name: all of a partner's, or an IT
    /// Admin's own.
    pub fn customers(&self, user: &UserId) -> Result<Vec<CustomerSummary>, AccessError> {
        let user = self.user(user)?;
        let mut list: Vec<_> = self
            .world
            .customers
            .iter()
            .filter(|c| access::may_see_customer(&user.role, c))
            .map(|c| self.summary(c))
            .collect();
        list.sort_by(|a, b| a.customer.name.cmp(&b.customer.name));
        Ok(list)
    }

    /// One customer, if `user` may see it.
    pub fn customer(&self, user: &UserId, id: &CustomerId) -> Result<CustomerSummary, AccessError> {
        let user = self.user(user)?;
        self.visible_customer(user, id).map(|c| self.summary(c))
    }

    /// The partner's portfolio: for partner admins only.
    pub fn portfolio(&self, user: &UserId) -> Result<Portfolio, AccessError> {
        let partner = self.acting_partner(self.user(user)?)?;
        let unassigned = self
            .world
            .tenants
            .get(&TenantId::Holding(partner.id.clone()))
            .map(Vec::len);
        Ok(Portfolio {
            partner: partner.clone(),
            customers: self.customers(user)?,
            unassigned,
        })
    }

    /// The PCs of a tenant, as `user` may see them: the last signed-in user
    /// and location only where the customer's HP Insights collection is on.
    pub fn devices(&self, user: &UserId, tenant: &TenantId) -> Result<Vec<Device>, AccessError> {
        let user = self.user(user)?;
        let customer = match tenant {
            TenantId::Holding(partner_id) => {
                access::check_holding_access(&user.role, self.own_partner(user), partner_id)?;
                None
            }
            TenantId::Customer(id) => Some(self.visible_customer(user, id)?),
        };
        let show_insights = access::shows_insights(tenant, customer);
        let devices = self
            .world
            .tenants
            .get(tenant)
            .map(Vec::as_slice)
            .unwrap_or_default();
        Ok(devices
            .iter()
            .map(|d| access::as_seen(d, show_insights))
            .collect())
    }

    /// Turns HP Insights collection of last signed-in user and location on
    /// or off for a customer.
    pub fn set_insights_collection(
        &mut self,
        user: &UserId,
        customer: &CustomerId,
        enabled: bool,
    ) -> Result<(), AccessError> {
        let acting = self.user(user)?;
        self.visible_customer(acting, customer)?;
        self.replay(Event::InsightsCollectionSet {
            customer: customer.clone(),
            enabled,
        })
        .expect("the customer was just found");
        Ok(())
    }

    // ----- helpers ----------------------------------------------------

    fn user(&self, id: &UserId) -> Result<&User, AccessError> {
        self.world
            .users
            .iter()
            .find(|u| &u.id == id)
            .ok_or_else(|| AccessError::UnknownUser(id.clone()))
    }

    fn partner(&self, id: &PartnerId) -> Option<&Partner> {
        self.world.partners.iter().find(|p| &p.id == id)
    }

    fn find_customer(&self, id: &CustomerId) -> Option<&Customer> {
        self.world.customers.iter().find(|c| &c.id == id)
    }

    fn customer_mut(&mut self, id: &CustomerId) -> Option<&mut Customer> {
        self.world.customers.iter_mut().find(|c| &c.id == id)
    }

    fn acting_partner(&self, user: &User) -> Result<&Partner, AccessError> {
        let id = access::acting_partner_id(&user.role)?;
        Ok(self.partner(id).expect("seeded users have partners"))
    }

    /// The acting user's own partner record (None for an IT admin): the
    /// fact the rules take as "the acting partner".
    fn own_partner(&self, user: &User) -> Option<&Partner> {
        access::acting_partner_id(&user.role)
            .ok()
            .and_then(|id| self.partner(id))
    }

    fn visible_customer(&self, user: &User, id: &CustomerId) -> Result<&Customer, AccessError> {
        access::visible_customer(&user.role, id, self.find_customer(id))
    }

    fn summary(&self, customer: &Customer) -> CustomerSummary {
        let devices = self
            .world
            .tenants
            .get(&TenantId::Customer(customer.id.clone()))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let premium_plus = devices
            .iter()
            .filter(|d| d.plan == SupportPlan::PremiumPlus)
            .count();
        CustomerSummary {
            customer: customer.clone(),
            partner_name: self
                .partner(&customer.partner)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            devices: devices.len(),
            premium: devices.len() - premium_plus,
            premium_plus,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::new(DemoConfig::default())
    }

    fn uid(s: &str) -> UserId {
        UserId(s.to_owned())
    }

    fn customer_named(engine: &Engine, name: &str) -> CustomerId {
        let c = engine
            .world
            .customers
            .iter()
            .find(|c| c.name == name)
            .unwrap();
        c.id.clone()
    }

    #[test]
    fn sign_in_lists_every_kind_of_account() {
        let accounts = engine().accounts();
        let labels: Vec<String> = accounts
            .iter()
            .map(|a| format!("{} {}", a.user.role.label(), a.organisation))
            .collect();
        for expected in [
            "Partner Admin Alpine IT Solutions",
            "Partner Admin Brightline Services",
            "Partner Admin Cobalt Systems",
            "IT Admin Contoso Ltd",
        ] {
            assert!(
                labels.iter().any(|l| l == expected),
                "{expected} missing from {labels:?}"
            );
        }
    }

    #[test]
    fn partner_sees_only_its_own_customers() {
        let e = engine();
        let names: Vec<_> = e
            .customers(&uid("u-alpine-admin"))
            .unwrap()
            .into_iter()
            .map(|s| s.customer.name)
            .collect();
        assert!(names.contains(&"Contoso Ltd".to_owned()));
        assert!(!names.contains(&"Woodgrove Bank".to_owned()));
        let woodgrove = customer_named(&e, "Woodgrove Bank");
        assert_eq!(
            e.customer(&uid("u-alpine-admin"), &woodgrove),
            Err(AccessError::CustomerNotAvailable(woodgrove.clone()))
        );
    }

    #[test]
    fn it_admin_sees_only_its_own_dashboard() {
        let e = engine();
        let me = uid("u-contoso-it");
        let contoso = customer_named(&e, "Contoso Ltd");
        let fabrikam = customer_named(&e, "Fabrikam Inc");
        assert_eq!(e.customers(&me).unwrap().len(), 1);
        assert!(e.devices(&me, &TenantId::Customer(contoso)).is_ok());
        assert_eq!(
            e.devices(&me, &TenantId::Customer(fabrikam.clone())),
            Err(AccessError::CustomerNotAvailable(fabrikam))
        );
        assert_eq!(e.portfolio(&me), Err(AccessError::PartnersOnly));
        let holding = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
        assert_eq!(e.devices(&me, &holding), Err(AccessError::PartnersOnly));
    }

    #[test]
    fn holding_tenant_needs_completed_setup_and_own_partner() {
        let e = engine();
        let cobalt = PartnerId("PRT-COBALT".into());
        assert_eq!(
            e.devices(&uid("u-cobalt-admin"), &TenantId::Holding(cobalt.clone())),
            Err(AccessError::SetupIncomplete(cobalt))
        );
        assert_eq!(
            e.portfolio(&uid("u-cobalt-admin")).unwrap().unassigned,
            None
        );
        let alpine = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
        assert_eq!(
            e.devices(&uid("u-alpine-admin"), &alpine).unwrap().len(),
            1_200
        );
        assert_eq!(
            e.devices(&uid("u-bright-admin"), &alpine),
            Err(AccessError::NoSuchHoldingTenant(PartnerId(
                "PRT-ALPINE".into()
            )))
        );
    }

    #[test]
    fn insights_fields_show_only_where_collection_is_on() {
        let mut e = engine();
        let admin = uid("u-alpine-admin");
        let contoso = customer_named(&e, "Contoso Ltd"); // collection on
        let fabrikam = customer_named(&e, "Fabrikam Inc"); // collection off
        let on = e.devices(&admin, &TenantId::Customer(contoso)).unwrap();
        assert!(on
            .iter()
            .all(|d| d.last_user.is_some() && d.location.is_some()));
        let off = e
            .devices(&admin, &TenantId::Customer(fabrikam.clone()))
            .unwrap();
        assert!(off
            .iter()
            .all(|d| d.last_user.is_none() && d.location.is_none()));

        e.set_insights_collection(&admin, &fabrikam, true).unwrap();
        let now_on = e.devices(&admin, &TenantId::Customer(fabrikam)).unwrap();
        assert!(now_on.iter().all(|d| d.last_user.is_some()));
        assert_eq!(e.events().len(), 1);
    }

    #[test]
    fn unknown_user_is_refused_everywhere() {
        let e = engine();
        let ghost = uid("u-ghost");
        assert_eq!(
            e.session(&ghost),
            Err(AccessError::UnknownUser(ghost.clone()))
        );
        assert!(e.customers(&ghost).is_err());
    }

    #[test]
    fn summaries_count_plans() {
        let e = engine();
        let s = e
            .customer(&uid("u-alpine-admin"), &customer_named(&e, "Contoso Ltd"))
            .unwrap();
        assert_eq!(s.devices, 420);
        assert_eq!(s.premium + s.premium_plus, 420);
        assert!(s.premium_plus > 0);
    }
}
