//! The conformance suite: the same scenarios against every backend — the
//! in-memory engine (what the in-browser backend runs) and the server over
//! SQLite — asserting the same answers, step by step.
//!
//! Both backends apply `wxp_core::rules`; this proves they gather the same
//! facts and apply the rules the same way: who sees what, each transfer
//! row's outcome, the self-service alerts rule, the cPIN checks, repair
//! routing and support cases.

mod common;

use common::created::name_created;
use common::demo_facts::DemoFacts;
use common::*;
use reqwest::Client;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use wxp_core::api::{ErrorReason, Located};
use wxp_core::date::{Date, Timestamp};
use wxp_core::engine::{AlertKind, NewCase, NewCustomer, SubmittedRow, TransferRequest};
use wxp_core::seed::DemoConfig;
use wxp_core::{CustomerId, Engine, PartnerId, SerialNumber, TenantId, UserId};

/// One call of the portal's operations.
#[derive(Debug, Clone)]
enum Call {
    Session,
    Customers,
    Customer(String),
    Portfolio,
    Devices(TenantId),
    Locate(Vec<SerialNumber>),
    Submit(TransferRequest),
    RunJobs,
    Transfers,
    Notifications,
    Enrol(CustomerId, &'static str, Vec<String>),
    SelfServiceAlerts(CustomerId, bool),
    Alerts,
    Simulate(String, AlertKind),
    RequestRepair(u64),
    RepairRequests,
    Schedule(u64, Date),
    OpenCase(NewCase),
    Cases,
    CreateCustomer(NewCustomer),
}

/// What a backend answered: a value, or the reason it refused.
type Answer = Result<Value, ErrorReason>;

trait Backend {
    async fn call(&mut self, user: &str, call: &Call) -> Answer;
}

fn value<T: Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// Now, as both backends' clocks read it (the server reads its own).
fn clock_now() -> Timestamp {
    wxp_server::clock::now()
}

/// The in-memory engine, as the in-browser backend drives it.
struct InMemory(Engine);

impl Backend for InMemory {
    async fn call(&mut self, user: &str, call: &Call) -> Answer {
        let e = &mut self.0;
        let u = UserId(user.to_owned());
        let now = clock_now();
        let access = ErrorReason::Access;
        Ok(match call {
            Call::Session => value(e.session(&u).map_err(access)?),
            Call::Customers => value(e.customers(&u).map_err(access)?),
            Call::Customer(id) => value(e.customer(&u, &CustomerId(id.clone())).map_err(access)?),
            Call::Portfolio => value(e.portfolio(&u).map_err(access)?),
            Call::Devices(t) => value(e.devices(&u, t).map_err(access)?),
            Call::Locate(s) => value(e.locate(&u, s).map_err(access)?),
            Call::Submit(r) => value(e.submit_transfer(&u, r.clone(), now).map_err(submit)?),
            Call::RunJobs => {
                for (job, _) in e.pending_transfers() {
                    let _ = e.start_transfer(job, now);
                    e.complete_transfer(job, now).unwrap();
                }
                Value::Null
            }
            Call::Transfers => value(e.transfers(&u).map_err(access)?),
            Call::Notifications => value(e.notifications(&u).map_err(access)?),
            Call::Enrol(c, cpin, s) => value(e.enrol(&u, c, cpin, s).map_err(dashboard)?),
            Call::SelfServiceAlerts(c, on) => {
                value(e.set_self_service_alerts(&u, c, *on).map_err(dashboard)?)
            }
            Call::Alerts => value(e.alerts(&u).map_err(access)?),
            Call::Simulate(s, k) => value(e.simulate_alert(&u, s, *k, now).map_err(alert)?),
            Call::RequestRepair(a) => value(
                e.request_repair(&u, wxp_core::engine::AlertId(*a), now)
                    .map_err(alert)?,
            ),
            Call::RepairRequests => value(e.repair_requests(&u).map_err(alert)?),
            Call::Schedule(a, on) => value(
                e.schedule_repair(&u, wxp_core::engine::AlertId(*a), *on, now)
                    .map_err(alert)?,
            ),
            Call::OpenCase(c) => value(e.open_case(&u, c.clone(), now).map_err(case)?),
            Call::Cases => value(e.cases(&u).map_err(access)?),
            Call::CreateCustomer(new) => {
                value(e.create_customer(&u, new.clone()).map_err(dashboard)?)
            }
        })
    }
}

// The server answers a refusal about access as an access refusal, whatever
// the operation; the engine nests it. Compare them the server's way.
macro_rules! flatten {
    ($name:ident, $error:ident, $variant:ident) => {
        fn $name(e: wxp_core::engine::$error) -> ErrorReason {
            match e {
                wxp_core::engine::$error::Access(a) => ErrorReason::Access(a),
                other => ErrorReason::$variant(other),
            }
        }
    };
}
flatten!(submit, SubmitError, Submit);
flatten!(dashboard, DashboardError, Dashboard);
flatten!(alert, AlertError, Alert);
flatten!(case, CaseError, Case);

/// The server over SQLite, through its HTTP API, one session per user.
struct OverHttp {
    server: TestServer,
    clients: HashMap<String, Client>,
}

impl Backend for OverHttp {
    async fn call(&mut self, user: &str, call: &Call) -> Answer {
        if !self.clients.contains_key(user) {
            let c = demo_client(&self.server.base, user).await;
            self.clients.insert(user.to_owned(), c);
        }
        let c = &self.clients[user];
        let url = |path: String| self.server.url(&format!("/api/v1{path}"));
        let tenant_path = |t: &TenantId| match t {
            TenantId::Holding(p) => format!("/partners/{p}/unassigned-devices"),
            TenantId::Customer(id) => format!("/customers/{id}/devices"),
        };
        let (status, body) = match call {
            Call::Session => get(c, url("/session".into())).await,
            Call::Customers => get(c, url("/customers".into())).await,
            Call::Customer(id) => get(c, url(format!("/customers/{id}"))).await,
            Call::Portfolio => get(c, url("/portfolio".into())).await,
            Call::Devices(t) => get(c, url(tenant_path(t))).await,
            Call::Locate(s) => {
                let (status, groups) = post(c, url("/devices/locate".into()), value(s)).await;
                let groups: Vec<Located> = serde_json::from_value(groups).unwrap();
                (status, value(Located::pairs(groups)))
            }
            Call::Submit(r) => post(c, url("/transfers".into()), value(r)).await,
            Call::RunJobs => {
                let all = url("/transfers".into());
                eventually("every job to complete", || async {
                    let (_, jobs) = get(c, all.clone()).await;
                    jobs.as_array()
                        .is_some_and(|j| j.iter().all(|j| j["state"] == "Completed"))
                })
                .await;
                return Ok(Value::Null);
            }
            Call::Transfers => get(c, url("/transfers".into())).await,
            Call::Notifications => get(c, url("/notifications".into())).await,
            Call::Enrol(id, cpin, s) => {
                post(
                    c,
                    url(format!("/customers/{id}/enrolments")),
                    json!({ "cpin": cpin, "serials": s }),
                )
                .await
            }
            Call::SelfServiceAlerts(id, on) => {
                put(
                    c,
                    url(format!("/customers/{id}/settings/self-service-alerts")),
                    json!({ "enabled": on }),
                )
                .await
            }
            Call::Alerts => get(c, url("/alerts".into())).await,
            Call::Simulate(s, k) => {
                post(c, url("/alerts".into()), json!({ "serial": s, "kind": k })).await
            }
            Call::RequestRepair(a) => {
                post(c, url(format!("/alerts/{a}/repair-request")), Value::Null).await
            }
            Call::RepairRequests => get(c, url("/repair-requests".into())).await,
            Call::Schedule(a, on) => {
                post(
                    c,
                    url(format!("/repair-requests/{a}/schedule")),
                    json!({ "on": on }),
                )
                .await
            }
            Call::OpenCase(case) => post(c, url("/support-cases".into()), value(case)).await,
            Call::Cases => get(c, url("/support-cases".into())).await,
            Call::CreateCustomer(new) => post(c, url("/customers".into()), value(new)).await,
        };
        if status.is_success() {
            Ok(body)
        } else {
            Err(serde_json::from_value(body["reason"].clone())
                .unwrap_or_else(|_| panic!("{call:?}: {status} {body}")))
        }
    }
}

/// What may differ between backends without being a difference: clocks,
/// and the order of lists the page sorts itself (devices, located PCs).
fn normalise(call: &Call, answer: Answer, created: &mut Vec<String>) -> Answer {
    fn strip_times(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.retain(|k, _| !k.ends_with("_at"));
                map.values_mut().for_each(strip_times);
            }
            Value::Array(items) => items.iter_mut().for_each(strip_times),
            _ => {}
        }
    }
    answer.map(|mut v| {
        if let (Call::CreateCustomer(_), Value::String(id)) = (call, &v) {
            created.push(id.clone());
        }
        name_created(&mut v, created);
        strip_times(&mut v);
        if let (Call::Devices(_) | Call::Locate(_), Value::Array(items)) = (call, &mut v) {
            items.sort_by_key(|item| item.to_string());
        }
        v
    })
}

async fn run(scenario: &[(&str, Call)]) {
    let mut memory = InMemory(Engine::new(DemoConfig::default()));
    let mut http = OverHttp {
        server: TestServer::start().await,
        clients: HashMap::new(),
    };
    let (mut created_in_memory, mut created_over_http) = (Vec::new(), Vec::new());
    for (step, (user, call)) in scenario.iter().enumerate() {
        let expected = normalise(call, memory.call(user, call).await, &mut created_in_memory);
        let answered = normalise(call, http.call(user, call).await, &mut created_over_http);
        assert_eq!(
            answered, expected,
            "step {step}: {user} {call:?}: the server (left) and the engine (right) disagree"
        );
    }
}

const ALPINE: &str = "u-alpine-admin";
const BRIGHT: &str = "u-bright-admin";
const COBALT: &str = "u-cobalt-admin";
const CONTOSO_IT: &str = "u-contoso-it";
const FABRIKAM_IT: &str = "u-fabrikam-it";

fn holding(p: &str) -> TenantId {
    TenantId::Holding(PartnerId(p.to_owned()))
}

fn request(key: &str, source: TenantId, serials: &[String], target: &str) -> TransferRequest {
    TransferRequest {
        key: key.to_owned(),
        source,
        rows: serials
            .iter()
            .map(|s| SubmittedRow {
                serial: s.clone(),
                customer: target.to_owned(),
            })
            .collect(),
    }
}

#[tokio::test]
async fn who_sees_what() {
    let f = DemoFacts::new();
    let woodgrove = f.customer("Woodgrove Bank").0;
    let contoso = f.customer("Contoso Ltd");
    let mut scenario = Vec::new();
    for user in [ALPINE, BRIGHT, COBALT, CONTOSO_IT, FABRIKAM_IT] {
        scenario.extend([
            (user, Call::Session),
            (user, Call::Customers),
            (user, Call::Portfolio),
            (user, Call::Customer(woodgrove.clone())),
            (user, Call::Customer("CUS-00000000".into())),
            (user, Call::Devices(TenantId::Customer(contoso.clone()))),
            (user, Call::Devices(holding("PRT-ALPINE"))),
            (user, Call::Devices(holding("PRT-COBALT"))),
            (user, Call::Alerts),
            (user, Call::Transfers),
        ]);
    }
    let mut located = f.serials(&holding("PRT-ALPINE"), 3);
    located.extend(f.serials(&TenantId::Customer(contoso), 2));
    located.extend(f.serials(&TenantId::Customer(f.customer("Woodgrove Bank")), 2));
    let located: Vec<SerialNumber> = located.iter().map(|s| s.parse().unwrap()).collect();
    // A whole file's worth (more than the server looks up one by one):
    // every PC of several tenants, some of another partner's.
    let mut many: Vec<String> = Vec::new();
    for tenant in [
        holding("PRT-ALPINE"),
        TenantId::Customer(f.customer("Contoso Ltd")),
        TenantId::Customer(f.customer("Fabrikam Inc")),
        TenantId::Customer(f.customer("Northwind Traders")),
        TenantId::Customer(f.customer("Woodgrove Bank")),
    ] {
        many.extend(f.serials(&tenant, f.world.tenants[&tenant].len()));
    }
    assert!(many.len() > 2_000);
    let many: Vec<SerialNumber> = many.iter().map(|s| s.parse().unwrap()).collect();
    for user in [ALPINE, BRIGHT, CONTOSO_IT] {
        scenario.push((user, Call::Locate(located.clone())));
        scenario.push((user, Call::Locate(many.clone())));
    }
    run(&scenario).await;
}

#[tokio::test]
async fn transfer_rows_get_the_same_outcome() {
    let f = DemoFacts::new();
    let fabrikam = f.customer("Fabrikam Inc");
    let target = fabrikam.0.clone();
    let mut serials = f.serials(&holding("PRT-ALPINE"), 4);
    serials.push(serials[0].to_lowercase()); // a duplicate, as typed
    serials.push("5CG-BAD".into());
    serials.push("9ZZ9999999".into()); // nowhere
    serials.extend(f.serials(&TenantId::Customer(f.customer("Contoso Ltd")), 1));
    serials.extend(f.serials(&TenantId::Customer(f.customer("Woodgrove Bank")), 1));
    let from_target = request(
        "pitfall",
        TenantId::Customer(fabrikam.clone()),
        &f.serials(&holding("PRT-ALPINE"), 3),
        &target,
    );
    let mut mixed = request("mixed", holding("PRT-ALPINE"), &serials[..2], &target);
    mixed.rows[1].customer = f.customer("Contoso Ltd").0;
    let scenario = [
        (
            ALPINE,
            Call::Submit(request("main", holding("PRT-ALPINE"), &serials, &target)),
        ),
        (
            ALPINE,
            Call::Submit(request("main", holding("PRT-ALPINE"), &serials, &target)),
        ),
        // HP's pitfall: started from the target's own page, every row is "Device not found".
        (ALPINE, Call::Submit(from_target)),
        (ALPINE, Call::RunJobs),
        (ALPINE, Call::Transfers),
        (ALPINE, Call::Notifications),
        (BRIGHT, Call::Notifications),
        (ALPINE, Call::Devices(TenantId::Customer(fabrikam.clone()))),
        (ALPINE, Call::Portfolio),
        (ALPINE, Call::Submit(mixed)),
        (
            ALPINE,
            Call::Submit(request(
                "malformed",
                holding("PRT-ALPINE"),
                &serials[..1],
                "12345",
            )),
        ),
        (
            ALPINE,
            Call::Submit(request(
                "theirs",
                holding("PRT-ALPINE"),
                &serials[..1],
                &f.customer("Woodgrove Bank").0,
            )),
        ),
        (
            ALPINE,
            Call::Submit(request("empty", holding("PRT-ALPINE"), &[], &target)),
        ),
        (
            ALPINE,
            Call::Submit(request(
                "other-source",
                holding("PRT-BRIGHT"),
                &serials[..1],
                &target,
            )),
        ),
        (
            CONTOSO_IT,
            Call::Submit(request("it", holding("PRT-ALPINE"), &serials[..1], &target)),
        ),
        (
            COBALT,
            Call::Submit(request(
                "cobalt",
                holding("PRT-COBALT"),
                &serials[..1],
                &target,
            )),
        ),
    ];
    run(&scenario).await;
}

#[tokio::test]
async fn the_self_service_alerts_rule_and_the_cpin_checks() {
    let f = DemoFacts::new();
    let litware = f.customer("Litware Inc"); // no PC yet
    let unassigned = f.serials(&holding("PRT-ALPINE"), 3);
    let mut enrolled = vec![
        unassigned[0].clone(),
        unassigned[0].clone(),
        unassigned[1].clone(),
    ];
    enrolled.extend(f.serials(&TenantId::Customer(f.customer("Contoso Ltd")), 1));
    enrolled.extend(f.serials(&TenantId::Customer(f.customer("Woodgrove Bank")), 1));
    enrolled.push("9ZZ9999999".into());
    enrolled.push("not a serial".into());
    let scenario = [
        (ALPINE, Call::SelfServiceAlerts(litware.clone(), false)),
        (ALPINE, Call::Customer(litware.0.clone())),
        (
            ALPINE,
            Call::Enrol(litware.clone(), "WRONGPIN", enrolled.clone()),
        ),
        (
            ALPINE,
            Call::Enrol(
                litware.clone(),
                Box::leak(f.cpin("Litware Inc").into_boxed_str()),
                enrolled.clone(),
            ),
        ),
        // The first PC turned self-service alerts on; now they may go off.
        (ALPINE, Call::Customer(litware.0.clone())),
        (ALPINE, Call::SelfServiceAlerts(litware.clone(), false)),
        (ALPINE, Call::Customer(litware.0.clone())),
        (
            ALPINE,
            Call::Enrol(
                litware.clone(),
                Box::leak(f.cpin("Litware Inc").into_boxed_str()),
                vec![unassigned[0].clone()],
            ),
        ),
        (
            CONTOSO_IT,
            Call::Enrol(
                f.customer("Contoso Ltd"),
                Box::leak(f.cpin("Contoso Ltd").into_boxed_str()),
                vec![unassigned[2].clone()],
            ),
        ),
        (
            CONTOSO_IT,
            Call::Enrol(
                litware.clone(),
                Box::leak(f.cpin("Litware Inc").into_boxed_str()),
                vec![unassigned[2].clone()],
            ),
        ),
        (BRIGHT, Call::SelfServiceAlerts(litware.clone(), true)),
        (ALPINE, Call::Devices(holding("PRT-ALPINE"))),
    ];
    run(&scenario).await;
}

#[tokio::test]
async fn alerts_route_repairs_by_partner_type() {
    let f = DemoFacts::new();
    let alpine_pc = f.serials(&holding("PRT-ALPINE"), 1).remove(0);
    let bright_pc = f.serials(&holding("PRT-BRIGHT"), 1).remove(0);
    let fabrikam_pc = f
        .serials(&TenantId::Customer(f.customer("Fabrikam Inc")), 1)
        .remove(0);
    let seeded = 24; // the alerts the demo starts with
    let in_three_days = Date(clock_now().date().0 + 3);
    let scenario = [
        (
            ALPINE,
            Call::Simulate(alpine_pc.clone(), AlertKind::Battery),
        ),
        (BRIGHT, Call::Simulate(bright_pc.clone(), AlertKind::Fan)),
        (
            ALPINE,
            Call::Simulate(fabrikam_pc.clone(), AlertKind::Memory),
        ),
        (ALPINE, Call::Simulate(bright_pc.clone(), AlertKind::Fan)),
        (ALPINE, Call::Simulate("nonsense".into(), AlertKind::Fan)),
        (ALPINE, Call::RequestRepair(seeded + 1)),
        (ALPINE, Call::RequestRepair(seeded + 1)),
        (BRIGHT, Call::RequestRepair(seeded + 2)),
        (ALPINE, Call::RequestRepair(seeded + 3)),
        (ALPINE, Call::RequestRepair(seeded + 2)),
        (BRIGHT, Call::RepairRequests),
        (ALPINE, Call::RepairRequests),
        (
            BRIGHT,
            Call::Schedule(seeded + 2, Date::from_ymd(2020, 1, 1)),
        ),
        (BRIGHT, Call::Schedule(seeded + 2, in_three_days)),
        (BRIGHT, Call::Schedule(seeded + 1, in_three_days)),
        (BRIGHT, Call::RepairRequests),
        (ALPINE, Call::Alerts),
        (FABRIKAM_IT, Call::Alerts),
    ];
    run(&scenario).await;
}

#[tokio::test]
async fn support_cases() {
    let case = |subject: &str, serials: &[&str]| NewCase {
        subject: subject.to_owned(),
        description: " PCs missing from Unassigned Devices ".to_owned(),
        serials: serials.iter().map(|s| s.to_string()).collect(),
    };
    let scenario = [
        (ALPINE, Call::OpenCase(case("  ", &[]))),
        (
            ALPINE,
            Call::OpenCase(case("Missing PCs", &["5cg1234abc", "", "bad serial"])),
        ),
        (
            ALPINE,
            Call::OpenCase(case(" Missing PCs ", &["5cg1234abc", " "])),
        ),
        (CONTOSO_IT, Call::OpenCase(case("Enrolment", &[]))),
        (ALPINE, Call::Cases),
        (CONTOSO_IT, Call::Cases),
        (BRIGHT, Call::Cases),
    ];
    run(&scenario).await;
}

#[tokio::test]
async fn creating_dashboards() {
    let new = |name: &str, email: &str| {
        Call::CreateCustomer(NewCustomer {
            name: name.to_owned(),
            country: "Italy".to_owned(),
            admin_email: email.to_owned(),
        })
    };
    let scenario = [
        (ALPINE, new("Lakeshore Retail", "it@lakeshore.example")),
        (ALPINE, new(" lakeshore RETAIL ", "other@lakeshore.example")),
        (ALPINE, new("Contoso Ltd", "x@contoso.example")),
        (BRIGHT, new("Contoso Ltd", "it@contoso-bright.example")),
        // An address that already has an account (Contoso's IT Admin's).
        (
            ALPINE,
            new("Harbour Freight", " MARCO.BIANCHI@contoso.example "),
        ),
        (ALPINE, new("Harbour Freight", "IT@lakeshore.example")),
        (ALPINE, new("", "a@b.example")),
        (ALPINE, new("Riverside", "not an address")),
        (CONTOSO_IT, new("Evil Corp", "evil@evil.example")),
        (ALPINE, Call::Customers),
        (ALPINE, Call::Portfolio),
    ];
    run(&scenario).await;
}
