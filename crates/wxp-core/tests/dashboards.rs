//! Customer dashboards: creation, cPIN enrolment, self-service alerts.

use wxp_core::engine::{CaseState, DashboardError, EnrolOutcome, NewCustomer};
use wxp_core::seed::DemoConfig;
use wxp_core::serial::SerialError;
use wxp_core::{store, AccessError, CustomerId, Engine, PartnerId, TenantId, UserId};

fn admin() -> UserId {
    UserId("u-alpine-admin".into())
}

fn new(name: &str) -> NewCustomer {
    NewCustomer {
        name: name.into(),
        country: "Italy".into(),
        admin_email: "it@acme.example".into(),
    }
}

fn unassigned(e: &Engine, n: usize) -> Vec<String> {
    let holding = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
    e.devices(&admin(), &holding)
        .unwrap()
        .iter()
        .take(n)
        .map(|d| d.serial.to_string())
        .collect()
}

fn customer(e: &Engine, name: &str) -> wxp_core::engine::CustomerSummary {
    e.customers(&admin())
        .unwrap()
        .into_iter()
        .find(|c| c.customer.name == name)
        .unwrap()
}

#[test]
fn a_partner_creates_a_dashboard_with_its_ids_and_it_admin() {
    let mut e = Engine::new(DemoConfig::default());
    let id = e.create_customer(&admin(), new("  Acme Srl ")).unwrap();
    let acme = customer(&e, "Acme Srl");
    assert_eq!(acme.customer.id, id);
    assert!(CustomerId::parse(id.as_str()).is_ok());
    assert_eq!(acme.customer.cpin.len(), 8);
    assert_eq!(
        (acme.devices, acme.customer.self_service_alerts),
        (0, false)
    );
    assert!(e
        .accounts()
        .iter()
        .any(|a| a.organisation == "Acme Srl" && a.user.email == "it@acme.example"));
    // Replaying the log issues the same IDs.
    let restored = store::restore(&store::save(&e)).unwrap();
    assert_eq!(
        restored.customer(&admin(), &id).unwrap().customer.cpin,
        acme.customer.cpin
    );
}

#[test]
fn dashboards_need_a_unique_name_a_country_and_an_email() {
    let mut e = Engine::new(DemoConfig::default());
    assert_eq!(
        e.create_customer(&admin(), new(" ")),
        Err(DashboardError::EmptyName)
    );
    assert_eq!(
        e.create_customer(&admin(), new("contoso ltd")),
        Err(DashboardError::DuplicateName("contoso ltd".into()))
    );
    let no_country = NewCustomer {
        country: "".into(),
        ..new("Acme")
    };
    assert_eq!(
        e.create_customer(&admin(), no_country),
        Err(DashboardError::EmptyCountry)
    );
    let bad_email = NewCustomer {
        admin_email: "nobody".into(),
        ..new("Acme")
    };
    assert_eq!(
        e.create_customer(&admin(), bad_email),
        Err(DashboardError::BadEmail("nobody".into()))
    );
    let it = UserId("u-contoso-it".into());
    assert_eq!(
        e.create_customer(&it, new("Acme")),
        Err(DashboardError::Access(AccessError::PartnersOnly))
    );
    // Another partner may use the same name.
    assert!(e
        .create_customer(&UserId("u-bright-admin".into()), new("Contoso Ltd"))
        .is_ok());
}

#[test]
fn enrolment_with_the_cpin_moves_pcs_from_the_holding_tenant_only() {
    let mut e = Engine::new(DemoConfig::default());
    let contoso = customer(&e, "Contoso Ltd");
    let fabrikam_pc = e
        .devices(
            &admin(),
            &TenantId::Customer(customer(&e, "Fabrikam Inc").customer.id),
        )
        .unwrap()[0]
        .serial
        .to_string();
    let mut serials = unassigned(&e, 2);
    serials.extend([
        fabrikam_pc,
        "5CG9999999".into(),
        "oops".into(),
        serials[0].clone(),
    ]);
    let it = UserId("u-contoso-it".into());
    assert_eq!(
        e.enrol(&it, &contoso.customer.id, "WRONG123", &serials),
        Err(DashboardError::WrongCpin)
    );
    let outcomes = e
        .enrol(
            &it,
            &contoso.customer.id,
            &contoso.customer.cpin.to_lowercase(),
            &serials,
        )
        .unwrap();
    assert_eq!(
        outcomes[..5],
        [
            EnrolOutcome::Enrolled,
            EnrolOutcome::Enrolled,
            EnrolOutcome::OtherCustomer,
            EnrolOutcome::NotFound,
            EnrolOutcome::Invalid(SerialError::WrongLength { found: 4 })
        ]
    );
    assert_eq!(outcomes[5], EnrolOutcome::AlreadyEnrolled);
    assert_eq!(customer(&e, "Contoso Ltd").devices, contoso.devices + 2);
    // The IT Admin of another customer cannot enrol into Contoso.
    let fabrikam_it = UserId("u-fabrikam-it".into());
    assert!(matches!(
        e.enrol(
            &fabrikam_it,
            &contoso.customer.id,
            &contoso.customer.cpin,
            &serials
        ),
        Err(DashboardError::Access(_))
    ));
    let restored = store::restore(&store::save(&e)).unwrap();
    assert_eq!(
        restored
            .customer(&admin(), &contoso.customer.id)
            .unwrap()
            .devices,
        contoso.devices + 2
    );
}

#[test]
fn self_service_alerts_stay_on_until_the_first_pc_then_follow_the_switch() {
    let mut e = Engine::new(DemoConfig::default());
    let id = e.create_customer(&admin(), new("Acme Srl")).unwrap();
    assert_eq!(
        e.set_self_service_alerts(&admin(), &id, false),
        Err(DashboardError::AlertsNeedFirstPc)
    );
    let cpin = customer(&e, "Acme Srl").customer.cpin;
    e.enrol(&admin(), &id, &cpin, &unassigned(&e, 1)).unwrap();
    assert!(
        customer(&e, "Acme Srl").customer.self_service_alerts,
        "the first PC turns them on"
    );
    e.set_self_service_alerts(&admin(), &id, false).unwrap();
    assert!(!customer(&e, "Acme Srl").customer.self_service_alerts);
}

#[test]
fn support_cases_keep_their_serials_and_are_the_opener_s() {
    use wxp_core::date::Timestamp;
    use wxp_core::engine::{CaseError, NewCase};
    let mut e = Engine::new(DemoConfig::default());
    let case = |subject: &str, serials: &[&str]| NewCase {
        subject: subject.into(),
        description: "Resold PCs are missing".into(),
        serials: serials.iter().map(|s| s.to_string()).collect(),
    };
    assert_eq!(
        e.open_case(&admin(), case(" ", &[]), Timestamp(0)),
        Err(CaseError::EmptySubject)
    );
    assert_eq!(
        e.open_case(&admin(), case("Missing PCs", &["bad"]), Timestamp(0)),
        Err(CaseError::BadSerial("bad".into()))
    );
    let id = e
        .open_case(
            &admin(),
            case("Missing PCs", &["5cg1234abc", " "]),
            Timestamp(0),
        )
        .unwrap();
    let cases = e.cases(&admin()).unwrap();
    assert_eq!(
        (cases[0].id, cases[0].case.serials.clone(), cases[0].state()),
        (id, vec!["5CG1234ABC".to_owned()], CaseState::Open)
    );
    assert!(e
        .cases(&UserId("u-bright-admin".into()))
        .unwrap()
        .is_empty());
    assert_eq!(
        store::restore(&store::save(&e))
            .unwrap()
            .cases(&admin())
            .unwrap(),
        cases
    );
}

#[test]
fn another_partner_s_pcs_are_not_found_not_refused() {
    let mut e = Engine::new(DemoConfig::default());
    let bright = UserId("u-bright-admin".into());
    let theirs = e
        .devices(
            &bright,
            &TenantId::Customer(e.customers(&bright).unwrap()[0].customer.id.clone()),
        )
        .unwrap()[0]
        .serial
        .to_string();
    let fabrikam = customer(&e, "Fabrikam Inc");
    let outcomes = e
        .enrol(
            &admin(),
            &fabrikam.customer.id,
            &fabrikam.customer.cpin,
            &[theirs],
        )
        .unwrap();
    assert_eq!(outcomes, [EnrolOutcome::NotFound]);
}
