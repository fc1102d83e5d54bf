//! Hardware alerts and where repair requests go.
//!
//! An alert on a PC in a holding tenant reaches the PC's end user as a
//! pop-up, whose View button sends the repair request: to HP customer
//! support for a Resell and View/Monitor partner, which schedules the
//! repair; to the partner's CSDP account for a Service Delivery partner,
//! where the partner schedules it. In a customer's dashboard the pop-up
//! appears only while the customer's self-service alerts are on.

use super::{AccessError, Engine, Event};
use crate::date::{Date, Timestamp};
use crate::ids::{PartnerId, TenantId, UserId};
use crate::model::Device;
use crate::rules::alerts as rules;
use crate::rules::{access, transfer};
use crate::serial::SerialNumber;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An alert's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AlertId(pub u64);

impl fmt::Display for AlertId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What HP's analytics predicted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertKind {
    /// The battery should be replaced.
    Battery,
    /// The hard drive is likely to fail.
    HardDrive,
    /// A fan is failing.
    Fan,
    /// Memory errors were detected.
    Memory,
}

impl AlertKind {
    /// Every kind, in display order.
    pub const ALL: [AlertKind; 4] = [
        AlertKind::Battery,
        AlertKind::HardDrive,
        AlertKind::Fan,
        AlertKind::Memory,
    ];

    /// The alert as the end user and the admins read it.
    pub fn label(self) -> &'static str {
        match self {
            AlertKind::Battery => "Battery replacement recommended",
            AlertKind::HardDrive => "Hard drive failure predicted",
            AlertKind::Fan => "Fan failure detected",
            AlertKind::Memory => "Memory errors detected",
        }
    }
}

/// Who is told about an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// The PC's end user gets a pop-up with a View button.
    EndUserPopUp,
    /// Only the admins see it: the customer's self-service alerts are off.
    AdminsOnly,
}

/// Where an alert's repair request is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Repair {
    /// No repair was requested.
    NotRequested,
    /// Sent to HP customer support, which schedules the repair.
    WithHpSupport,
    /// Sent to the Service Delivery partner's CSDP account, waiting for the
    /// partner to schedule it.
    WithPartner,
    /// Scheduled by the partner for a day.
    Scheduled(Date),
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repair::NotRequested => write!(f, "Not requested"),
            Repair::WithHpSupport => {
                write!(f, "Sent to HP customer support, which schedules the repair")
            }
            Repair::WithPartner => write!(f, "Sent to the partner's CSDP account, to be scheduled"),
            Repair::Scheduled(day) => write!(f, "Repair scheduled for {day}"),
        }
    }
}

/// A hardware alert on a PC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// Its number.
    pub id: AlertId,
    /// The PC.
    pub serial: SerialNumber,
    /// Where the PC was when the alert was raised.
    pub tenant: TenantId,
    /// "Unassigned Devices" or the customer's name.
    pub tenant_name: String,
    /// The partner responsible.
    pub partner: PartnerId,
    /// What happened.
    pub kind: AlertKind,
    /// When.
    pub raised_at: Timestamp,
    /// Who was told.
    pub delivery: Delivery,
    /// The repair request.
    pub repair: Repair,
}

/// Why an alert operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertError {
    /// The user may not do this.
    Access(AccessError),
    /// No such PC in the user's account.
    DeviceNotFound(String),
    /// No such alert in the user's account.
    NoSuchAlert(AlertId),
    /// The alert reached no end user, so no repair can be requested from
    /// the pop-up.
    NoPopUp,
    /// A repair was requested already.
    AlreadyRequested,
    /// Only a Service Delivery partner schedules repairs, once requested.
    CannotSchedule,
    /// A repair cannot be scheduled for a day that has passed.
    DayInThePast(Date),
}

impl fmt::Display for AlertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AlertError::Access(e) => write!(f, "{e}"),
            AlertError::DeviceNotFound(s) => write!(f, "there is no PC {s:?} in your account"),
            AlertError::NoSuchAlert(id) => write!(f, "there is no alert {id} in your account"),
            AlertError::NoPopUp => write!(
                f,
                "this alert reached no end user: the customer's self-service alerts are off"
            ),
            AlertError::AlreadyRequested => {
                write!(f, "a repair was requested for this alert already")
            }
            AlertError::CannotSchedule => write!(
                f,
                "only a Service Delivery partner schedules repairs sent to its CSDP account"
            ),
            AlertError::DayInThePast(day) => {
                write!(
                    f,
                    "{day} has passed: schedule the repair for today or later"
                )
            }
        }
    }
}

impl std::error::Error for AlertError {}

impl From<AccessError> for AlertError {
    fn from(e: AccessError) -> Self {
        AlertError::Access(e)
    }
}

impl Engine {
    /// The alerts the demo starts with: a few PCs per tenant, chosen
    /// deterministically, as HP's analytics would have flagged them over the
    /// last days. Part of the seed, not of the log.
    pub(super) fn seed_alerts(&mut self) {
        let mut rng = crate::rng::Rng::new(self.config.seed ^ 0xA1E7);
        let picks: Vec<(SerialNumber, AlertKind, Timestamp)> = self
            .world
            .tenants
            .values()
            .filter(|devices| !devices.is_empty())
            .flat_map(|devices| {
                (0..2)
                    .map(|_| {
                        (
                            devices[rng.below(devices.len() as u64) as usize].serial,
                            *rng.pick(&AlertKind::ALL),
                            Timestamp(crate::seed::demo_now().0 - rng.between(3_600, 5 * 86_400)),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        for (i, (serial, kind, at)) in picks.into_iter().enumerate() {
            self.apply_alert_raised(AlertId(i as u64 + 1), serial, kind, at)
                .expect("seeded PCs exist");
        }
    }

    /// Raises an alert on a PC the user can see ("Simulate alert").
    pub fn simulate_alert(
        &mut self,
        user: &UserId,
        serial: &str,
        kind: AlertKind,
        now: Timestamp,
    ) -> Result<AlertId, AlertError> {
        let found = SerialNumber::parse(serial)
            .ok()
            .and_then(|s| self.locate(user, &[s]).ok()?.into_iter().next())
            .ok_or_else(|| AlertError::DeviceNotFound(serial.trim().to_owned()))?;
        let id = self.next_alert_id();
        self.replay(Event::AlertRaised {
            alert: id,
            serial: found.0,
            kind,
            at: now,
        })
        .map_err(|_| AlertError::DeviceNotFound(serial.to_owned()))?;
        Ok(id)
    }

    /// Raises the next of the alerts HP's analytics flag over time: on a PC
    /// of any tenant, with a kind, both chosen from the seed and the number
    /// of alerts so far, so that the same demo raises the same alerts in the
    /// same order on every machine. `None` when there is no PC at all.
    pub fn raise_scheduled_alert(&mut self, now: Timestamp) -> Option<AlertId> {
        let count = self.alerts.len() as u64;
        let mut rng = crate::rng::Rng::new(self.config.seed ^ 0x5CED_A1E7 ^ count.rotate_left(17));
        let tenants: Vec<&Vec<Device>> = self
            .world
            .tenants
            .values()
            .filter(|devices| !devices.is_empty())
            .collect();
        if tenants.is_empty() {
            return None;
        }
        let devices = *rng.pick(&tenants);
        let serial = devices[rng.below(devices.len() as u64) as usize].serial;
        let kind = *rng.pick(&AlertKind::ALL);
        let id = self.next_alert_id();
        self.replay(Event::AlertRaised {
            alert: id,
            serial,
            kind,
            at: now,
        })
        .ok()?;
        Some(id)
    }

    fn next_alert_id(&self) -> AlertId {
        AlertId(self.alerts.iter().map(|a| a.id.0).max().unwrap_or(0) + 1)
    }

    /// An alert, whoever sees it: for telling who should hear of it.
    pub fn alert(&self, alert: AlertId) -> Option<&Alert> {
        self.alerts.iter().find(|a| a.id == alert)
    }

    /// The alerts the user can see, newest first.
    pub fn alerts(&self, user: &UserId) -> Result<Vec<Alert>, AccessError> {
        let acting = self.user(user)?;
        Ok(self
            .alerts
            .iter()
            .rev()
            .filter(|a| access::may_see_alert(&acting.role, &a.partner, &a.tenant))
            .cloned()
            .collect())
    }

    /// The end user clicked View on the pop-up: the repair request goes to
    /// HP customer support or to the partner's CSDP account.
    pub fn request_repair(
        &mut self,
        user: &UserId,
        alert: AlertId,
        now: Timestamp,
    ) -> Result<Repair, AlertError> {
        rules::check_repair_request(&self.visible_alert(user, alert)?)?;
        self.replay(Event::RepairRequested { alert, at: now })
            .map_err(|_| AlertError::NoSuchAlert(alert))?;
        Ok(self.visible_alert(user, alert)?.repair)
    }

    /// Repair requests in the Service Delivery partner's CSDP account.
    pub fn repair_requests(&self, user: &UserId) -> Result<Vec<Alert>, AlertError> {
        rules::check_csdp_access(self.acting_partner(self.user(user)?)?)?;
        Ok(self
            .alerts(user)?
            .into_iter()
            .filter(|a| rules::is_repair_request(&a.repair))
            .collect())
    }

    /// The Service Delivery partner schedules a requested repair, for today
    /// or a later day.
    pub fn schedule_repair(
        &mut self,
        user: &UserId,
        alert: AlertId,
        on: Date,
        now: Timestamp,
    ) -> Result<(), AlertError> {
        let requests = self.repair_requests(user)?;
        if !requests.iter().any(|a| a.id == alert) {
            return Err(AlertError::NoSuchAlert(alert));
        }
        crate::rules::alerts::check_schedule_day(on, now.date())?;
        self.replay(Event::RepairScheduled { alert, on })
            .map_err(|_| AlertError::CannotSchedule)
    }

    fn visible_alert(&self, user: &UserId, alert: AlertId) -> Result<Alert, AlertError> {
        self.alerts(user)?
            .into_iter()
            .find(|a| a.id == alert)
            .ok_or(AlertError::NoSuchAlert(alert))
    }

    // ----- applying events ----------------------------------------------

    pub(super) fn apply_alert_raised(
        &mut self,
        id: AlertId,
        serial: SerialNumber,
        kind: AlertKind,
        at: Timestamp,
    ) -> Result<(), String> {
        let tenant = self
            .world
            .tenants
            .iter()
            .find(|(_, devices)| devices.iter().any(|d| d.serial == serial))
            .map(|(t, _)| t.clone())
            .ok_or_else(|| format!("there is no PC {serial}"))?;
        let (partner, customer) = match &tenant {
            TenantId::Holding(p) => (p.clone(), None),
            TenantId::Customer(id) => {
                let c = self.find_customer(id).ok_or("an unknown customer")?;
                (c.partner.clone(), Some(c))
            }
        };
        let tenant_name = transfer::tenant_name(&tenant, customer.map(|c| c.name.as_str()));
        let delivery = rules::delivery(&tenant, customer);
        self.alerts.push(Alert {
            id,
            serial,
            tenant,
            tenant_name,
            partner,
            kind,
            raised_at: at,
            delivery,
            repair: Repair::NotRequested,
        });
        Ok(())
    }

    pub(super) fn apply_repair_requested(&mut self, id: AlertId) -> Result<(), String> {
        let kind = {
            let a = self
                .alerts
                .iter()
                .find(|a| a.id == id)
                .ok_or_else(|| format!("there is no alert {id}"))?;
            self.partner(&a.partner)
                .map(|p| p.kind)
                .ok_or("an unknown partner")?
        };
        let a = self
            .alerts
            .iter_mut()
            .find(|a| a.id == id)
            .expect("just found");
        a.repair = rules::repair_route(kind);
        Ok(())
    }

    pub(super) fn apply_repair_scheduled(&mut self, id: AlertId, on: Date) -> Result<(), String> {
        let a = self
            .alerts
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| format!("there is no alert {id}"))?;
        a.repair = Repair::Scheduled(on);
        Ok(())
    }
}
