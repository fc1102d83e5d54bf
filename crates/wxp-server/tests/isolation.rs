//! The isolation matrix: every route of the API, as the server describes it
//! at `/api/openapi.json`, is called by every kind of caller: the owner's
//! partner admin, another partner's admin, the customer's IT Admin, another
//! customer's IT Admin, a signed-out caller and one whose session has
//! expired. Each answers as the rules say, and no answer holds anything of
//! a tenant its caller may not see.
//!
//! The owner is Alpine IT Solutions and its customer Contoso Ltd; the
//! Service Delivery routes act on a repair request of Brightline's, the one
//! partner with a CSDP account.

mod common;
#[path = "common/kit/mod.rs"]
mod kit;

use common::*;
use kit::described::{assert_covers, operations};
use kit::fixtures::{column, Fixtures, ALPINE, BRIGHT, CONTOSO, FABRIKAM};
use kit::sessions::{client_of, demo_token, expire};
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, Method};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

const OPERATOR_TOKEN: &str = "isolation-operator-token";

/// Who calls. Each case lists what each one gets in this order: refusals
/// first, so that the owner's own call is the last to act on a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Caller {
    SignedOut,
    /// Alpine's admin, whose session has expired.
    Expired,
    /// Brightline's admin.
    OtherPartner,
    /// Fabrikam's IT Admin.
    OtherCustomer,
    /// Contoso's IT Admin.
    Customer,
    /// Alpine's admin.
    Owner,
}

use Caller::*;

const CALLERS: [Caller; 6] = [
    SignedOut,
    Expired,
    OtherPartner,
    OtherCustomer,
    Customer,
    Owner,
];

impl Caller {
    /// The account whose data the caller may see: none without a session.
    fn viewer(self) -> Option<&'static str> {
        match self {
            SignedOut | Expired => None,
            OtherPartner => Some(BRIGHT),
            OtherCustomer => Some(FABRIKAM),
            Customer => Some(CONTOSO),
            Owner => Some(ALPINE),
        }
    }
}

/// What a case sends.
enum Body {
    None,
    Json(Value),
    Csv(&'static str),
}

/// How an answer's content is judged.
#[derive(Clone, Copy)]
enum Judge {
    /// By what its caller may see.
    Caller,
    /// By what the account the body signs in as may see (demo sign-in).
    SignedInAs,
    /// Not: the answer is public by design (the case says why).
    Public,
    /// An event stream: its status and type only (it never ends).
    Stream,
}

struct Case {
    route: &'static str,
    path: fn(&Fixtures) -> String,
    body: fn(&Fixtures, Caller) -> Body,
    /// The status each of [`CALLERS`] gets.
    expect: [u16; 6],
    judge: Judge,
}

fn case(route: &'static str, path: fn(&Fixtures) -> String, expect: [u16; 6]) -> Case {
    Case {
        route,
        path,
        body: |_, _| Body::None,
        expect,
        judge: Judge::Caller,
    }
}

impl Case {
    fn body(self, body: fn(&Fixtures, Caller) -> Body) -> Case {
        Case { body, ..self }
    }

    fn judged(self, judge: Judge) -> Case {
        Case { judge, ..self }
    }
}

const SIGNED_IN: [u16; 6] = [401, 401, 200, 200, 200, 200];
const PARTNERS: [u16; 6] = [401, 401, 200, 403, 403, 200];
const CONTOSO_ONLY: [u16; 6] = [401, 401, 404, 404, 200, 200];

/// The matrix, run in this order: signing out and resetting the demo data
/// come last.
fn cases() -> Vec<Case> {
    vec![
        case("GET /session", |_| "/session".into(), SIGNED_IN),
        // One address per caller: a fourth failure for one address is slowed.
        case("POST /session", |_| "/session".into(), [401; 6]).body(|_, caller| {
            Body::Json(json!({
                "email": format!("nobody-{caller:?}@isolation.example"),
                "password": "not it at all",
            }))
        }),
        // In demo mode the sign-in page lists every demo account.
        case("GET /demo/accounts", |_| "/demo/accounts".into(), [200; 6]).judged(Judge::Public),
        case("POST /demo/session", |_| "/demo/session".into(), [200; 6])
            .body(|_, caller| {
                let user = caller.viewer().unwrap_or(CONTOSO);
                Body::Json(json!({ "user": user }))
            })
            .judged(Judge::SignedInAs),
        case("GET /demo/config", |_| "/demo/config".into(), [200; 6]),
        case("GET /customers", |_| "/customers".into(), SIGNED_IN),
        case("POST /customers", |_| "/customers".into(), PARTNERS).body(|_, caller| {
            Body::Json(json!({
                "name": format!("Isolation {caller:?}"),
                "country": "Italy",
                "admin_email": format!("{caller:?}@isolation.example").to_lowercase(),
            }))
        }),
        case(
            "GET /customers/{id}",
            |f| format!("/customers/{}", f.contoso),
            CONTOSO_ONLY,
        ),
        case(
            "GET /customers/{id}/devices",
            |f| format!("/customers/{}/devices", f.contoso),
            CONTOSO_ONLY,
        ),
        case(
            "POST /customers/{id}/enrolments",
            |f| format!("/customers/{}/enrolments", f.contoso),
            CONTOSO_ONLY,
        )
        .body(|f, _| {
            Body::Json(json!({ "cpin": f.contoso_cpin, "serials": [f.alpine_holding[1]] }))
        }),
        case(
            "PUT /customers/{id}/settings/insights-collection",
            |f| format!("/customers/{}/settings/insights-collection", f.contoso),
            [401, 401, 404, 404, 204, 204],
        )
        .body(|_, _| Body::Json(json!({ "enabled": true }))),
        case(
            "PUT /customers/{id}/settings/self-service-alerts",
            |f| format!("/customers/{}/settings/self-service-alerts", f.contoso),
            [401, 401, 404, 404, 204, 204],
        )
        .body(|_, _| Body::Json(json!({ "enabled": true }))),
        case("GET /portfolio", |_| "/portfolio".into(), PARTNERS),
        // Another partner's holding tenant is not found; an IT Admin has none.
        case(
            "GET /partners/{partner}/unassigned-devices",
            |_| "/partners/PRT-ALPINE/unassigned-devices".into(),
            [401, 401, 404, 403, 403, 200],
        ),
        // Each caller asks about PCs of three tenants and learns only of its own.
        case(
            "POST /devices/locate",
            |_| "/devices/locate".into(),
            SIGNED_IN,
        )
        .body(|f, _| {
            Body::Json(json!([
                f.contoso_pcs[1],
                f.alpine_holding[2],
                f.bright_holding[1]
            ]))
        }),
        case("GET /transfers", |_| "/transfers".into(), PARTNERS),
        case(
            "POST /transfers",
            |_| "/transfers".into(),
            [401, 401, 404, 403, 403, 200],
        )
        .body(|f, caller| {
            Body::Json(json!({
                "key": format!("isolation-{caller:?}"),
                "source": { "kind": "holding", "id": "PRT-ALPINE" },
                "rows": [{ "serial": f.alpine_holding[3], "customer": f.contoso }],
            }))
        }),
        case(
            "GET /transfers/{id}",
            |f| format!("/transfers/{}", f.alpine_job),
            [401, 401, 404, 403, 403, 200],
        ),
        case("GET /notifications", |_| "/notifications".into(), SIGNED_IN),
        // Only its submitter reads a transfer's notification.
        case(
            "POST /notifications/{id}/read",
            |f| format!("/notifications/{}/read", f.alpine_job),
            [401, 401, 404, 404, 404, 204],
        ),
        case("GET /alerts", |_| "/alerts".into(), SIGNED_IN),
        case("POST /alerts", |_| "/alerts".into(), CONTOSO_ONLY)
            .body(|f, _| Body::Json(json!({ "serial": f.contoso_pcs[2], "kind": "Memory" }))),
        // Contoso's end user asks first; the owner then finds it requested.
        case(
            "POST /alerts/{id}/repair-request",
            |f| format!("/alerts/{}/repair-request", f.popup_alert),
            [401, 401, 404, 404, 200, 422],
        ),
        // Only a Service Delivery partner (Brightline) has a CSDP account.
        case(
            "GET /repair-requests",
            |_| "/repair-requests".into(),
            [401, 401, 200, 403, 403, 422],
        ),
        case(
            "POST /repair-requests/{id}/schedule",
            |f| format!("/repair-requests/{}/schedule", f.bright_request),
            [401, 401, 204, 403, 403, 422],
        )
        .body(|_, _| Body::Json(json!({ "on": wxp_server::clock::now().date().0 + 7 }))),
        case("GET /support-cases", |_| "/support-cases".into(), SIGNED_IN),
        case(
            "POST /support-cases",
            |_| "/support-cases".into(),
            SIGNED_IN,
        )
        .body(|f, caller| {
            Body::Json(json!({
                "subject": format!("Isolation case of {caller:?}"),
                "description": "",
                "serials": [f.contoso_pcs[3]],
            }))
        }),
        case("GET /events", |_| "/events".into(), SIGNED_IN).judged(Judge::Stream),
        // A session is not the operator's token, whoever holds it.
        case(
            "POST /operator/ingest",
            |_| "/operator/ingest".into(),
            [401; 6],
        )
        .body(|_, _| Body::Csv("Serial Number,Model,Product Number,Support Plan,Partner\n")),
        case("DELETE /session", |_| "/session".into(), [204; 6]),
        case("POST /demo/reset", |_| "/demo/reset".into(), [204; 6])
            .body(|_, _| Body::Json(json!({ "seed": 2026, "size": "Standard" }))),
    ]
}

#[tokio::test]
async fn every_route_answers_every_kind_of_caller_as_the_rules_say_and_nothing_of_another_tenant() {
    let server = TestServer::with(|c| c.operator_token = Some(OPERATOR_TOKEN.into())).await;
    let table = cases();
    let routes: Vec<String> = table.iter().map(|c| c.route.to_owned()).collect();
    assert_covers(&operations(&server).await, &routes, "the isolation matrix");
    let fixtures = Fixtures::build(&server).await;

    let mut wrong = Vec::new();
    // What the detector found of the callers' own tenants: it must find
    // something where there is something, or finding no leak proves nothing.
    let mut own_seen: HashMap<(&str, Caller), usize> = HashMap::new();
    for case in &table {
        let world = World::read(&server).await;
        let clients = sign_in_callers(&server).await;
        for (i, caller) in CALLERS.into_iter().enumerate() {
            let path = (case.path)(&fixtures);
            let body = (case.body)(&fixtures, caller);
            let (status, text, request_text) = call(
                &server,
                &clients[&caller],
                case.route,
                &path,
                &body,
                case.judge,
            )
            .await;
            let who = format!("{} as {caller:?}", case.route);
            if status != case.expect[i] {
                wrong.push(format!("{who}: {status}, not {}: {text}", case.expect[i]));
            }
            if status >= 400 {
                let error: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                if !error["message"].is_string() || !error["reason"]["kind"].is_string() {
                    wrong.push(format!("{who}: {status} without a JSON error: {text}"));
                }
            }
            let viewer = match case.judge {
                Judge::Public | Judge::Stream => continue,
                Judge::Caller => caller.viewer(),
                Judge::SignedInAs => Some(caller.viewer().unwrap_or(CONTOSO)),
            };
            for leak in world.leaks(viewer, &request_text, &text) {
                wrong.push(format!("{who}: the answer holds {leak}"));
            }
            *own_seen.entry((case.route, caller)).or_default() += world.own(viewer, &text);
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    for (route, caller) in [
        ("GET /customers/{id}/devices", Owner),
        ("GET /customers/{id}/devices", Customer),
        ("GET /partners/{partner}/unassigned-devices", Owner),
        ("GET /customers", OtherPartner),
        ("GET /support-cases", OtherCustomer),
        ("GET /transfers", Owner),
    ] {
        assert!(
            own_seen[&(route, caller)] > 0,
            "{route} as {caller:?}: the detector saw nothing of the caller's own"
        );
    }
}

/// A client per caller, the expired one's session ended in the database.
async fn sign_in_callers(server: &TestServer) -> HashMap<Caller, Client> {
    let mut clients = HashMap::new();
    for caller in CALLERS {
        let token = match caller {
            SignedOut => None,
            Expired => {
                let token = demo_token(server, ALPINE).await;
                expire(server, &token).await;
                Some(token)
            }
            other => Some(demo_token(server, other.viewer().unwrap()).await),
        };
        clients.insert(caller, client_of(token.as_deref()));
    }
    clients
}

/// Calls a route; answers its status, its body's text, and the request's
/// own text (what the caller sent is no leak when it comes back).
async fn call(
    server: &TestServer,
    client: &Client,
    route: &str,
    path: &str,
    body: &Body,
    judge: Judge,
) -> (u16, String, String) {
    let method = Method::from_bytes(route.split(' ').next().unwrap().as_bytes()).unwrap();
    let mut request = client.request(method, server.url(&format!("/api/v1{path}")));
    let mut request_text = path.to_owned();
    match body {
        Body::None => {}
        Body::Json(value) => {
            request = request.json(value);
            request_text.push_str(&value.to_string());
        }
        Body::Csv(text) => request = request.header(CONTENT_TYPE, "text/csv").body(*text),
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    if matches!(judge, Judge::Stream) && status == 200 {
        let kind = response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(kind.starts_with("text/event-stream"), "{route}: {kind}");
        // Dropping the response closes the stream.
        return (status, String::new(), request_text);
    }
    (status, response.text().await.unwrap(), request_text)
}

/// Whose a piece of data is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Owner {
    /// A partner's identity (ID, name): its customers see it too.
    PartnerIdentity(String),
    /// A partner's own data: its holding tenant's PCs, its admins.
    Partner(String),
    /// A customer's: its record, cPIN, PCs and IT Admins.
    Customer(String),
    /// One user's: their support cases.
    User(String),
}

/// What a user is, for what they may see.
enum Role {
    PartnerAdmin { partner: String },
    ItAdmin { customer: String, partner: String },
}

/// A text that belongs to someone: a whole word (IDs, serial numbers,
/// cPINs), or a phrase found anywhere (names, addresses, subjects).
struct Marker {
    text: String,
    owner: Owner,
    word: bool,
}

/// Every tenant's markers, as the database has them now.
struct World {
    markers: Vec<Marker>,
    roles: HashMap<String, Role>,
    partner_of: HashMap<String, String>,
}

impl World {
    async fn read(server: &TestServer) -> World {
        let pool = server.state.db.pool();
        let rows = |sql: &'static str| async move {
            sqlx::query_as::<_, (String, Option<String>, Option<String>, Option<String>)>(sql)
                .fetch_all(pool)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"))
        };
        let mut markers = Vec::new();
        let mut mark = |text: &str, owner: &Owner, word: bool| {
            // Short phrases would be found by chance.
            if word || text.len() >= 6 {
                markers.push(Marker {
                    text: text.to_owned(),
                    owner: owner.clone(),
                    word,
                });
            }
        };
        for (id, name, _, _) in rows("SELECT id, name, NULL, NULL FROM partners").await {
            let owner = Owner::PartnerIdentity(id.clone());
            mark(&id, &owner, true);
            mark(&name.unwrap(), &owner, false);
        }
        let mut partner_of = HashMap::new();
        for (id, partner, name, cpin) in
            rows("SELECT id, partner_id, name, cpin FROM customers").await
        {
            let owner = Owner::Customer(id.clone());
            mark(&id, &owner, true);
            mark(&name.unwrap(), &owner, false);
            mark(&cpin.unwrap(), &owner, true);
            partner_of.insert(id, partner.unwrap());
        }
        let mut roles = HashMap::new();
        for (id, email, partner, customer) in
            rows("SELECT id, email, partner_id, customer_id FROM users").await
        {
            // Display names are left out: the seed's PC users share them.
            let (owner, role) = match (partner, customer) {
                (Some(partner), _) => (
                    Owner::Partner(partner.clone()),
                    Role::PartnerAdmin { partner },
                ),
                (None, Some(customer)) => (
                    Owner::Customer(customer.clone()),
                    Role::ItAdmin {
                        partner: partner_of[&customer].clone(),
                        customer,
                    },
                ),
                (None, None) => panic!("user {id} belongs nowhere"),
            };
            mark(&id, &owner, true);
            mark(&email.unwrap(), &owner, false);
            roles.insert(id, role);
        }
        for (serial, kind, tenant, _) in
            rows("SELECT serial, tenant_kind, tenant_id, NULL FROM devices").await
        {
            let tenant = tenant.unwrap();
            let owner = match kind.as_deref() {
                Some("holding") => Owner::Partner(tenant),
                _ => Owner::Customer(tenant),
            };
            mark(&serial, &owner, true);
        }
        for (subject, user, _, _) in
            rows("SELECT subject, user_id, NULL, NULL FROM support_cases").await
        {
            mark(&subject, &Owner::User(user.unwrap()), false);
        }
        assert!(markers.len() > 1_000, "the demo data is marked");
        World {
            markers,
            roles,
            partner_of,
        }
    }

    /// Whether the account `viewer` (none: nobody signed in) may see data
    /// of `owner`.
    fn may_see(&self, viewer: Option<&str>, owner: &Owner) -> bool {
        let Some(role) = viewer.and_then(|v| self.roles.get(v)) else {
            return false;
        };
        match (role, owner) {
            (_, Owner::User(user)) => Some(user.as_str()) == viewer,
            (Role::PartnerAdmin { partner }, Owner::PartnerIdentity(p) | Owner::Partner(p)) => {
                partner == p
            }
            (Role::PartnerAdmin { partner }, Owner::Customer(c)) => {
                self.partner_of.get(c) == Some(partner)
            }
            (Role::ItAdmin { partner, .. }, Owner::PartnerIdentity(p)) => partner == p,
            (Role::ItAdmin { .. }, Owner::Partner(_)) => false,
            (Role::ItAdmin { customer, .. }, Owner::Customer(c)) => customer == c,
        }
    }

    /// The markers `text` holds.
    fn found<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a Marker> + 'a {
        let words: HashSet<&str> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        self.markers.iter().filter(move |m| {
            if m.word {
                words.contains(m.text.as_str())
            } else {
                text.contains(&m.text)
            }
        })
    }

    /// What `answer` holds that `viewer` may not see and did not send.
    fn leaks(&self, viewer: Option<&str>, sent: &str, answer: &str) -> Vec<String> {
        let sent: HashSet<&str> = self.found(sent).map(|m| m.text.as_str()).collect();
        self.found(answer)
            .filter(|m| !sent.contains(m.text.as_str()) && !self.may_see(viewer, &m.owner))
            .map(|m| format!("{:?} of {:?}", m.text, m.owner))
            .collect()
    }

    /// How many markers of what `viewer` may see `answer` holds.
    fn own(&self, viewer: Option<&str>, answer: &str) -> usize {
        self.found(answer)
            .filter(|m| self.may_see(viewer, &m.owner))
            .count()
    }
}

/// The detector finds what it must: a partner's PC list judged as another
/// partner's admin is a leak of every PC in it.
#[tokio::test]
async fn the_detector_finds_another_tenants_data() {
    let server = TestServer::start().await;
    let world = World::read(&server).await;
    let bright = client_of(Some(&demo_token(&server, BRIGHT).await));
    let (status, list) = get(
        &bright,
        server.url("/api/v1/partners/PRT-BRIGHT/unassigned-devices"),
    )
    .await;
    assert_eq!(status, 200);
    let text = list.to_string();
    let pcs = list.as_array().unwrap().len();
    assert!(pcs > 100);
    assert_eq!(world.leaks(Some(BRIGHT), "", &text), Vec::<String>::new());
    assert_eq!(world.leaks(Some(ALPINE), "", &text).len(), pcs);
    assert_eq!(world.leaks(Some(CONTOSO), "", &text).len(), pcs);
    // What the caller sent is not a leak when it comes back.
    let first = list[0]["serial"].as_str().unwrap();
    assert_eq!(world.leaks(None, first, &text).len(), pcs - 1);
    // A customer's IT Admin sees its partner's name, not its partner's PCs
    // or another customer's name.
    let fabrikam = column(
        &server,
        "SELECT id FROM customers WHERE name = $1",
        "Fabrikam Inc",
    )
    .await;
    let answer = format!(
        "Alpine IT Solutions PRT-ALPINE Fabrikam Inc {}",
        fabrikam[0]
    );
    assert_eq!(world.leaks(Some(CONTOSO), "", &answer).len(), 2);
    assert_eq!(world.leaks(Some(ALPINE), "", &answer).len(), 0);
}
