//! Alerts on PCs, and where the repair request goes.

use wxp_core::date::{Date, Timestamp};
use wxp_core::engine::{AlertError, AlertKind, Delivery, Repair};
use wxp_core::seed::DemoConfig;
use wxp_core::{store, Engine, PartnerId, TenantId, UserId};

fn user(id: &str) -> UserId {
    UserId(id.into())
}

fn first_unassigned(e: &Engine, partner: &str, admin: &UserId) -> String {
    e.devices(admin, &TenantId::Holding(PartnerId(partner.into())))
        .unwrap()[0]
        .serial
        .to_string()
}

#[test]
fn a_reseller_s_unassigned_pc_pops_up_and_the_repair_goes_to_hp_support() {
    let mut e = Engine::new(DemoConfig::default());
    let admin = user("u-alpine-admin");
    let serial = first_unassigned(&e, "PRT-ALPINE", &admin);
    let id = e
        .simulate_alert(&admin, &serial, AlertKind::Battery, Timestamp(10))
        .unwrap();
    let alert = e
        .alerts(&admin)
        .unwrap()
        .into_iter()
        .find(|a| a.id == id)
        .unwrap();
    assert_eq!(
        (alert.delivery, alert.tenant_name.as_str()),
        (Delivery::EndUserPopUp, "Unassigned Devices")
    );
    assert_eq!(
        e.request_repair(&admin, id, Timestamp(11)),
        Ok(Repair::WithHpSupport)
    );
    assert_eq!(
        e.request_repair(&admin, id, Timestamp(12)),
        Err(AlertError::AlreadyRequested)
    );
    // A reseller has no CSDP account.
    assert_eq!(e.repair_requests(&admin), Err(AlertError::CannotSchedule));
}

#[test]
fn a_service_delivery_partner_s_repair_goes_to_its_csdp_account_to_be_scheduled() {
    let mut e = Engine::new(DemoConfig::default());
    let admin = user("u-bright-admin");
    let serial = first_unassigned(&e, "PRT-BRIGHT", &admin);
    let id = e
        .simulate_alert(&admin, &serial, AlertKind::HardDrive, Timestamp(10))
        .unwrap();
    assert_eq!(
        e.request_repair(&admin, id, Timestamp(11)),
        Ok(Repair::WithPartner)
    );
    assert_eq!(e.repair_requests(&admin).unwrap().len(), 1);
    let day = Date::from_ymd(2026, 12, 1);
    e.schedule_repair(&admin, id, day, Timestamp(12)).unwrap();
    let restored = store::restore(&store::save(&e)).unwrap();
    assert_eq!(
        restored.repair_requests(&admin).unwrap()[0].repair,
        Repair::Scheduled(day)
    );
}

#[test]
fn a_customer_with_self_service_alerts_off_gets_no_pop_up() {
    let mut e = Engine::new(DemoConfig::default());
    let admin = user("u-alpine-admin");
    let contoso = e
        .customers(&admin)
        .unwrap()
        .into_iter()
        .find(|c| c.customer.name == "Contoso Ltd")
        .unwrap()
        .customer
        .id;
    let serial = e
        .devices(&admin, &TenantId::Customer(contoso.clone()))
        .unwrap()[0]
        .serial
        .to_string();
    let on = e
        .simulate_alert(&admin, &serial, AlertKind::Fan, Timestamp(1))
        .unwrap();
    e.set_self_service_alerts(&admin, &contoso, false).unwrap();
    let off = e
        .simulate_alert(&admin, &serial, AlertKind::Fan, Timestamp(2))
        .unwrap();
    let delivery = |id| {
        e.alerts(&admin)
            .unwrap()
            .into_iter()
            .find(|a| a.id == id)
            .unwrap()
            .delivery
    };
    assert_eq!(
        (delivery(on), delivery(off)),
        (Delivery::EndUserPopUp, Delivery::AdminsOnly)
    );
    assert_eq!(
        e.request_repair(&admin, off, Timestamp(3)),
        Err(AlertError::NoPopUp)
    );
}

#[test]
fn alerts_are_seen_only_where_the_pc_is_visible() {
    let mut e = Engine::new(DemoConfig::default());
    let alpine = user("u-alpine-admin");
    let serial = first_unassigned(&e, "PRT-ALPINE", &alpine);
    assert!(matches!(
        e.simulate_alert(
            &user("u-bright-admin"),
            &serial,
            AlertKind::Fan,
            Timestamp(1)
        ),
        Err(AlertError::DeviceNotFound(_))
    ));
    assert!(e
        .alerts(&user("u-contoso-it"))
        .unwrap()
        .iter()
        .all(|a| matches!(a.tenant, TenantId::Customer(_))));
    assert!(
        !e.alerts(&alpine).unwrap().is_empty(),
        "the demo starts with some alerts"
    );
}

#[test]
fn alerts_raised_over_time_are_the_same_on_every_run_and_survive_a_reload() {
    let mut a = Engine::new(DemoConfig::default());
    let mut b = Engine::new(DemoConfig::default());
    let admin = user("u-alpine-admin");
    let before = a.alerts(&admin).unwrap().len();
    let raised: Vec<_> = (0..12)
        .map(|i| a.raise_scheduled_alert(Timestamp(1_000 + i)).unwrap())
        .collect();
    let again: Vec<_> = (0..12)
        .map(|i| b.raise_scheduled_alert(Timestamp(1_000 + i)).unwrap())
        .collect();
    assert_eq!(raised, again);
    assert_eq!(a.alerts(&admin).unwrap(), b.alerts(&admin).unwrap());

    // Spread over the tenants: some reach Alpine's admin, not all.
    let seen = a.alerts(&admin).unwrap().len() - before;
    assert!(seen > 0 && seen < 12, "Alpine sees {seen} of 12");

    let restored = store::restore(&store::save(&a)).unwrap();
    assert_eq!(restored.alerts(&admin).unwrap(), a.alerts(&admin).unwrap());
}
