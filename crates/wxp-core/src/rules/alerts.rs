//! Hardware alerts: who an alert reaches, where its repair request goes, and
//! when a customer's self-service alerts may change.

use crate::date::Date;
use crate::engine::{Alert, AlertError, DashboardError, Delivery, Repair};
use crate::ids::TenantId;
use crate::model::{Customer, Partner, PartnerKind};

/// Who is told about an alert on a PC in `tenant` (`customer` = that
/// tenant's customer record when it is a dashboard): a holding tenant ->
/// [`Delivery::EndUserPopUp`]; a dashboard -> the pop-up iff its
/// `self_service_alerts` are on (a missing record: admins only).
pub fn delivery(tenant: &TenantId, customer: Option<&Customer>) -> Delivery {
    let pop_up = match tenant {
        TenantId::Holding(_) => true,
        TenantId::Customer(_) => customer.is_some_and(|c| c.self_service_alerts),
    };
    if pop_up {
        Delivery::EndUserPopUp
    } else {
        Delivery::AdminsOnly
    }
}

/// Where a repair request goes, by the kind of the alert's partner:
/// Resell and View/Monitor -> [`Repair::WithHpSupport`]; Service Delivery ->
/// [`Repair::WithPartner`] (its CSDP account).
pub fn repair_route(kind: PartnerKind) -> Repair {
    match kind {
        PartnerKind::ResellViewMonitor => Repair::WithHpSupport,
        PartnerKind::ServiceDelivery => Repair::WithPartner,
    }
}

/// Whether a repair may be requested from the alert's pop-up: it must have
/// reached the end user ([`AlertError::NoPopUp`]) and have no request yet
/// ([`AlertError::AlreadyRequested`]).
pub fn check_repair_request(alert: &Alert) -> Result<(), AlertError> {
    if alert.delivery != Delivery::EndUserPopUp {
        return Err(AlertError::NoPopUp);
    }
    if alert.repair != Repair::NotRequested {
        return Err(AlertError::AlreadyRequested);
    }
    Ok(())
}

/// Whether the partner has a CSDP account (repair requests to schedule):
/// [`AlertError::CannotSchedule`] unless it is a Service Delivery partner.
pub fn check_csdp_access(partner: &Partner) -> Result<(), AlertError> {
    if partner.kind == PartnerKind::ServiceDelivery {
        Ok(())
    } else {
        Err(AlertError::CannotSchedule)
    }
}

/// Whether an alert with this repair state is in the partner's CSDP account:
/// [`Repair::WithPartner`] or [`Repair::Scheduled`].
pub fn is_repair_request(repair: &Repair) -> bool {
    matches!(repair, Repair::WithPartner | Repair::Scheduled(_))
}

/// A repair is scheduled for today or a later day, never for one that has
/// passed.
pub fn check_schedule_day(on: Date, today: Date) -> Result<(), AlertError> {
    if on < today {
        Err(AlertError::DayInThePast(on))
    } else {
        Ok(())
    }
}

/// Self-service alerts can be turned off only once the dashboard has its
/// first PC ([`DashboardError::AlertsNeedFirstPc`]); turning them on is
/// always allowed.
pub fn check_self_service_change(
    enabled: bool,
    devices_in_dashboard: usize,
) -> Result<(), DashboardError> {
    if !enabled && devices_in_dashboard == 0 {
        Err(DashboardError::AlertsNeedFirstPc)
    } else {
        Ok(())
    }
}

/// The first Premium/Premium+ PC arriving in an empty dashboard turns
/// self-service alerts on: `devices_before` PCs were there, `arriving` come.
pub fn arrival_turns_alerts_on(devices_before: usize, arriving: usize) -> bool {
    devices_before == 0 && arriving > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Date, Timestamp};
    use crate::engine::{AlertId, AlertKind};
    use crate::ids::{CustomerId, PartnerId};
    use crate::serial::SerialNumber;

    fn customer(self_service_alerts: bool) -> Customer {
        Customer {
            id: CustomerId::from_bits(1),
            partner: PartnerId("P1".into()),
            name: "Contoso".into(),
            country: "France".into(),
            cpin: "AB12CD".into(),
            insights_collection: false,
            self_service_alerts,
        }
    }

    fn alert(delivery: Delivery, repair: Repair) -> Alert {
        Alert {
            id: AlertId(1),
            serial: SerialNumber::parse("5CG1234ABC").unwrap(),
            tenant: TenantId::Holding(PartnerId("P1".into())),
            tenant_name: "Unassigned Devices".into(),
            partner: PartnerId("P1".into()),
            kind: AlertKind::Fan,
            raised_at: Timestamp(0),
            delivery,
            repair,
        }
    }

    #[test]
    fn pop_ups_reach_holding_tenants_and_opted_in_dashboards() {
        let holding = TenantId::Holding(PartnerId("P1".into()));
        assert_eq!(delivery(&holding, None), Delivery::EndUserPopUp);
        let dashboard = TenantId::Customer(CustomerId::from_bits(1));
        let on = customer(true);
        let off = customer(false);
        assert_eq!(delivery(&dashboard, Some(&on)), Delivery::EndUserPopUp);
        assert_eq!(delivery(&dashboard, Some(&off)), Delivery::AdminsOnly);
        assert_eq!(delivery(&dashboard, None), Delivery::AdminsOnly);
    }

    #[test]
    fn repairs_are_routed_by_partner_kind() {
        assert_eq!(
            repair_route(PartnerKind::ResellViewMonitor),
            Repair::WithHpSupport
        );
        assert_eq!(
            repair_route(PartnerKind::ServiceDelivery),
            Repair::WithPartner
        );
        assert!(is_repair_request(&repair_route(
            PartnerKind::ServiceDelivery
        )));
        assert!(!is_repair_request(&repair_route(
            PartnerKind::ResellViewMonitor
        )));
        assert!(is_repair_request(&Repair::Scheduled(Date::from_ymd(
            2025, 3, 1
        ))));
        assert!(!is_repair_request(&Repair::NotRequested));
    }

    #[test]
    fn a_repair_is_requested_once_from_a_pop_up() {
        assert_eq!(
            check_repair_request(&alert(Delivery::EndUserPopUp, Repair::NotRequested)),
            Ok(())
        );
        assert_eq!(
            check_repair_request(&alert(Delivery::AdminsOnly, Repair::NotRequested)),
            Err(AlertError::NoPopUp)
        );
        assert_eq!(
            check_repair_request(&alert(Delivery::EndUserPopUp, Repair::WithPartner)),
            Err(AlertError::AlreadyRequested)
        );
    }

    #[test]
    fn only_service_delivery_partners_have_a_csdp_account() {
        let mut p = Partner {
            id: PartnerId("P1".into()),
            name: "P1".into(),
            kind: PartnerKind::ServiceDelivery,
            setup_complete: true,
        };
        assert_eq!(check_csdp_access(&p), Ok(()));
        p.kind = PartnerKind::ResellViewMonitor;
        assert_eq!(check_csdp_access(&p), Err(AlertError::CannotSchedule));
    }

    #[test]
    fn self_service_alerts_stay_on_until_the_first_pc() {
        assert_eq!(
            check_self_service_change(false, 0),
            Err(DashboardError::AlertsNeedFirstPc)
        );
        assert_eq!(check_self_service_change(true, 0), Ok(()));
        assert_eq!(check_self_service_change(false, 1), Ok(()));
    }

    #[test]
    fn the_first_pc_turns_alerts_on() {
        assert!(arrival_turns_alerts_on(0, 1));
        assert!(arrival_turns_alerts_on(0, 500));
        assert!(!arrival_turns_alerts_on(0, 0));
        assert!(!arrival_turns_alerts_on(3, 1));
    }

    #[test]
    fn repairs_are_scheduled_for_today_or_later() {
        let today = Date::from_ymd(2026, 11, 30);
        assert_eq!(check_schedule_day(today, today), Ok(()));
        assert_eq!(check_schedule_day(Date(today.0 + 1), today), Ok(()));
        let yesterday = Date(today.0 - 1);
        assert_eq!(
            check_schedule_day(yesterday, today),
            Err(AlertError::DayInThePast(yesterday))
        );
    }
}
