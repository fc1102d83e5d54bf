//! Who may see what: customers, holding tenants, alerts, the HP Insights
//! fields of a PC, and where a PC appears to a user.

use crate::engine::AccessError;
use crate::ids::{CustomerId, PartnerId, TenantId};
use crate::model::{Customer, Device, Partner, Role};
use crate::transfer_file::Place;

/// Whether a user with `role` may see `customer`: a partner admin sees its
/// partner's customers, an IT admin its own customer only.
pub fn may_see_customer(role: &Role, customer: &Customer) -> bool {
    match role {
        Role::PartnerAdmin { partner } => &customer.partner == partner,
        Role::ItAdmin { customer: own } => &customer.id == own,
    }
}

/// The acting user's partner id; IT admins get [`AccessError::PartnersOnly`].
pub fn acting_partner_id(role: &Role) -> Result<&PartnerId, AccessError> {
    match role {
        Role::PartnerAdmin { partner } => Ok(partner),
        Role::ItAdmin { .. } => Err(AccessError::PartnersOnly),
    }
}

/// The customer `id`, if a user with `role` may see it.
///
/// `found` is the customer record with that id, if any exists at all.
/// Missing or not visible -> [`AccessError::CustomerNotAvailable`]`(id)`
/// (same answer, so nobody learns which ids exist). A record whose id is not
/// `id` counts as missing.
pub fn visible_customer<'a>(
    role: &Role,
    id: &CustomerId,
    found: Option<&'a Customer>,
) -> Result<&'a Customer, AccessError> {
    found
        .filter(|c| &c.id == id && may_see_customer(role, c))
        .ok_or_else(|| AccessError::CustomerNotAvailable(id.clone()))
}

/// Whether a user with `role` may open the holding tenant ("Unassigned
/// Devices") of the partner `requested`.
///
/// `partner` is the ACTING user's own partner record (None for an IT admin).
/// IT admin -> [`AccessError::PartnersOnly`]; another partner's holding
/// tenant, whether that partner exists or not ->
/// [`AccessError::NoSuchHoldingTenant`]; setup incomplete ->
/// [`AccessError::SetupIncomplete`]. A partner admin whose partner record is
/// missing (or is not theirs) is refused with `PartnersOnly`.
pub fn check_holding_access(
    role: &Role,
    partner: Option<&Partner>,
    requested: &PartnerId,
) -> Result<(), AccessError> {
    let own = acting_partner_id(role)?;
    if own != requested {
        return Err(AccessError::NoSuchHoldingTenant(requested.clone()));
    }
    let partner = partner
        .filter(|p| &p.id == own)
        .ok_or(AccessError::PartnersOnly)?;
    if !partner.setup_complete {
        return Err(AccessError::SetupIncomplete(partner.id.clone()));
    }
    Ok(())
}

/// Whether a user with `role` may see an alert raised for the partner
/// `alert_partner` on a PC in `alert_tenant`: a partner admin sees all its
/// partner's alerts, an IT admin those of its own dashboard only.
pub fn may_see_alert(role: &Role, alert_partner: &PartnerId, alert_tenant: &TenantId) -> bool {
    match (role, alert_tenant) {
        (Role::PartnerAdmin { partner }, _) => partner == alert_partner,
        (Role::ItAdmin { customer }, TenantId::Customer(c)) => c == customer,
        (Role::ItAdmin { .. }, TenantId::Holding(_)) => false,
    }
}

/// Whether last signed-in user and location are shown: never in a holding
/// tenant; in a dashboard when its insights collection is on.
///
/// `customer` is the record of the dashboard's customer (ignored for a
/// holding tenant); a missing record shows nothing.
pub fn shows_insights(tenant: &TenantId, customer: Option<&Customer>) -> bool {
    match tenant {
        TenantId::Holding(_) => false,
        TenantId::Customer(_) => customer.is_some_and(|c| c.insights_collection),
    }
}

/// The device as the viewer sees it (last_user/location cleared unless
/// `show_insights`).
pub fn as_seen(device: &Device, show_insights: bool) -> Device {
    if show_insights {
        return device.clone();
    }
    Device {
        serial: device.serial,
        model: device.model.clone(),
        product_number: device.product_number.clone(),
        plan: device.plan,
        warranty_end: device.warranty_end,
        last_seen: device.last_seen,
        last_user: None,
        location: None,
    }
}

/// Where a user sees a PC that sits in `tenant` (customer = that tenant's
/// customer record when it is a dashboard): own partner's holding ->
/// `Some(Place::Unassigned)`; a visible customer ->
/// `Some(Place::Customer{id,name})`; else `None`.
pub fn place_for(role: &Role, tenant: &TenantId, customer: Option<&Customer>) -> Option<Place> {
    match tenant {
        TenantId::Holding(p) => match role {
            Role::PartnerAdmin { partner } if partner == p => Some(Place::Unassigned),
            _ => None,
        },
        TenantId::Customer(id) => {
            visible_customer(role, id, customer)
                .ok()
                .map(|c| Place::Customer {
                    id: c.id.clone(),
                    name: c.name.clone(),
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Date, Timestamp};
    use crate::model::{PartnerKind, SupportPlan};
    use crate::serial::SerialNumber;

    fn pid(s: &str) -> PartnerId {
        PartnerId(s.to_owned())
    }

    fn customer(id: u32, partner: &str) -> Customer {
        Customer {
            id: CustomerId::from_bits(id),
            partner: pid(partner),
            name: format!("Customer {id}"),
            country: "France".to_owned(),
            cpin: "ABC123".to_owned(),
            insights_collection: true,
            self_service_alerts: false,
        }
    }

    fn partner_admin(p: &str) -> Role {
        Role::PartnerAdmin { partner: pid(p) }
    }

    fn partner(p: &str, setup_complete: bool) -> Partner {
        Partner {
            id: pid(p),
            name: p.to_owned(),
            kind: PartnerKind::ResellViewMonitor,
            setup_complete,
        }
    }

    #[test]
    fn partners_see_their_customers_it_admins_their_own() {
        let mine = customer(1, "P1");
        let theirs = customer(2, "P2");
        assert!(may_see_customer(&partner_admin("P1"), &mine));
        assert!(!may_see_customer(&partner_admin("P1"), &theirs));
        let it = Role::ItAdmin {
            customer: mine.id.clone(),
        };
        assert!(may_see_customer(&it, &mine));
        assert!(!may_see_customer(&it, &customer(3, "P1")));
    }

    #[test]
    fn only_partner_admins_act_for_a_partner() {
        assert_eq!(acting_partner_id(&partner_admin("P1")), Ok(&pid("P1")));
        let it = Role::ItAdmin {
            customer: CustomerId::from_bits(1),
        };
        assert_eq!(acting_partner_id(&it), Err(AccessError::PartnersOnly));
    }

    #[test]
    fn missing_and_foreign_customers_get_the_same_answer() {
        let role = partner_admin("P1");
        let theirs = customer(2, "P2");
        let missing = visible_customer(&role, &theirs.id, None);
        let foreign = visible_customer(&role, &theirs.id, Some(&theirs));
        assert_eq!(
            missing,
            Err(AccessError::CustomerNotAvailable(theirs.id.clone()))
        );
        assert_eq!(foreign, missing);
        let mine = customer(1, "P1");
        assert_eq!(visible_customer(&role, &mine.id, Some(&mine)), Ok(&mine));
        // A record that is not the one asked for counts as missing.
        assert!(visible_customer(&role, &theirs.id, Some(&mine)).is_err());
    }

    #[test]
    fn holding_tenant_is_the_own_partners_once_set_up() {
        let role = partner_admin("P1");
        let done = partner("P1", true);
        assert_eq!(check_holding_access(&role, Some(&done), &pid("P1")), Ok(()));
        assert_eq!(
            check_holding_access(&role, Some(&done), &pid("P2")),
            Err(AccessError::NoSuchHoldingTenant(pid("P2")))
        );
        assert_eq!(
            check_holding_access(&role, Some(&partner("P1", false)), &pid("P1")),
            Err(AccessError::SetupIncomplete(pid("P1")))
        );
        let it = Role::ItAdmin {
            customer: CustomerId::from_bits(1),
        };
        assert_eq!(
            check_holding_access(&it, None, &pid("P1")),
            Err(AccessError::PartnersOnly)
        );
    }

    #[test]
    fn it_admins_see_their_dashboards_alerts_only() {
        let own = CustomerId::from_bits(1);
        let it = Role::ItAdmin {
            customer: own.clone(),
        };
        let p1 = pid("P1");
        assert!(may_see_alert(&it, &p1, &TenantId::Customer(own)));
        assert!(!may_see_alert(
            &it,
            &p1,
            &TenantId::Customer(CustomerId::from_bits(2))
        ));
        assert!(!may_see_alert(&it, &p1, &TenantId::Holding(p1.clone())));
        let holding = TenantId::Holding(p1.clone());
        assert!(may_see_alert(&partner_admin("P1"), &p1, &holding));
        assert!(!may_see_alert(&partner_admin("P2"), &p1, &holding));
    }

    #[test]
    fn insights_only_in_dashboards_that_collect_them() {
        let mut c = customer(1, "P1");
        let dashboard = TenantId::Customer(c.id.clone());
        assert!(shows_insights(&dashboard, Some(&c)));
        assert!(!shows_insights(&TenantId::Holding(pid("P1")), Some(&c)));
        assert!(!shows_insights(&dashboard, None));
        c.insights_collection = false;
        assert!(!shows_insights(&dashboard, Some(&c)));

        let device = Device {
            serial: SerialNumber::parse("5CG1234ABC").unwrap(),
            model: "HP EliteBook 840 G10".into(),
            product_number: "8A3H2EA".into(),
            plan: SupportPlan::Premium,
            warranty_end: Date::from_ymd(2027, 1, 1),
            last_seen: Timestamp(0),
            last_user: Some("jane".into()),
            location: Some("Paris".into()),
        };
        assert_eq!(as_seen(&device, true), device);
        let hidden = as_seen(&device, false);
        assert_eq!((hidden.last_user, hidden.location), (None, None));
        assert_eq!(hidden.serial, device.serial);
    }

    #[test]
    fn places_are_what_the_user_may_see() {
        let role = partner_admin("P1");
        let mine = customer(1, "P1");
        let theirs = customer(2, "P2");
        assert_eq!(
            place_for(&role, &TenantId::Holding(pid("P1")), None),
            Some(Place::Unassigned)
        );
        assert_eq!(place_for(&role, &TenantId::Holding(pid("P2")), None), None);
        assert_eq!(
            place_for(&role, &TenantId::Customer(mine.id.clone()), Some(&mine)),
            Some(Place::Customer {
                id: mine.id.clone(),
                name: mine.name.clone()
            })
        );
        assert_eq!(
            place_for(&role, &TenantId::Customer(theirs.id.clone()), Some(&theirs)),
            None
        );
        let it = Role::ItAdmin {
            customer: mine.id.clone(),
        };
        assert_eq!(place_for(&it, &TenantId::Holding(pid("P1")), None), None);
    }
}
