//! The in-browser backend's API (`wxp_core::local_api::LocalApi`) against
//! the server's: the same HTTP requests (method, path, JSON body) sent to a
//! real server and to the LocalApi, step by step, asserting for each the
//! same status, the same JSON and the same live-update topics for the
//! signed-in account.
//!
//! What may differ without being a difference is normalised, as in
//! `conformance.rs`: times (`*_at`), the order of lists the page sorts
//! itself (devices, located PCs), the Customer IDs and cPINs of dashboards
//! created during a scenario (named by the order they were created in),
//! and the JSON path serde's error is prefixed with on the server.
//!
//! The server's transfers run in the background: it runs with an hour's
//! transfer delay, so that its runner only marks a new job running (the
//! step waits for that), and a `RunJobs` step makes every job due and waits
//! until the runner has completed them and told so. The LocalApi runs
//! `run_due_jobs` at the same points, its clock moved past the delay.

mod common;

use common::created::name_created;
use common::demo_facts::DemoFacts;
use common::*;
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, Method};
use serde_json::{json, Value};
use std::cell::Cell;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::broadcast::Receiver;
use wxp_core::api::{Located, Topic};
use wxp_core::date::Date;
use wxp_core::engine::Session;
use wxp_core::local_api::LocalApi;
use wxp_core::seed::DemoConfig;
use wxp_core::{Engine, Role, UserId};
use wxp_server::live::{Audience, Change};

const ALPINE: &str = "u-alpine-admin";
const BRIGHT: &str = "u-bright-admin";
const COBALT: &str = "u-cobalt-admin";
const CONTOSO_IT: &str = "u-contoso-it";
const FABRIKAM_IT: &str = "u-fabrikam-it";

/// How long a transfer waits before it runs, on both sides: longer than
/// any scenario, so that only a `RunJobs` step runs them.
const DELAY: Duration = Duration::from_secs(3_600);

/// One step of a scenario.
#[derive(Debug, Clone)]
enum Step {
    /// A request. `{C0}`, `{C1}`… in its path and body stand for the
    /// Customer IDs each backend issued to the dashboards created so far,
    /// `{U0}`… for their IT Admins' accounts.
    Req {
        method: &'static str,
        path: String,
        body: Option<String>,
    },
    /// Every transfer runs to completion.
    RunJobs,
}

fn req(method: &'static str, path: &str, body: Option<String>) -> Step {
    Step::Req {
        method,
        path: path.to_owned(),
        body,
    }
}

fn get(path: &str) -> Step {
    req("GET", path, None)
}

fn post(path: &str, body: Value) -> Step {
    req("POST", path, Some(body.to_string()))
}

fn put(path: &str, body: Value) -> Step {
    req("PUT", path, Some(body.to_string()))
}

fn delete(path: &str) -> Step {
    req("DELETE", path, None)
}

/// A body sent as it is, not necessarily JSON.
fn raw(method: &'static str, path: &str, body: &str) -> Step {
    req(method, path, Some(body.to_owned()))
}

fn sign_in(user: &str) -> Step {
    post("/demo/session", json!({ "user": user }))
}

/// What a backend answered to a step.
#[derive(Debug, PartialEq)]
struct Answered {
    status: u16,
    /// The JSON body; `Null` when empty.
    body: Value,
    /// The topics the signed-in account heard of.
    topics: BTreeSet<String>,
}

fn topic_names(topics: impl IntoIterator<Item = Topic>) -> BTreeSet<String> {
    topics.into_iter().map(|t| format!("{t:?}")).collect()
}

/// `{Cn}` and `{Un}` replaced by this backend's own IDs.
fn fill(text: &str, created: &[String]) -> String {
    let mut text = text.to_owned();
    for (i, id) in created.iter().enumerate() {
        text = text
            .replace(&format!("{{C{i}}}"), id)
            .replace(&format!("{{U{i}}}"), &format!("u-{}", id.to_lowercase()));
    }
    text
}

fn parse(text: &str) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(text).unwrap_or_else(|_| panic!("not JSON: {text}"))
    }
}

/// Whether the step created a dashboard; its Customer ID.
fn created_id(method: &str, path: &str, status: u16, body: &Value) -> Option<String> {
    (method == "POST" && path == "/customers" && status == 200)
        .then(|| body.as_str().map(str::to_owned))
        .flatten()
}

/// Whether the step submitted a transfer; its number.
fn submitted_job(method: &str, path: &str, status: u16, body: &Value) -> Option<u64> {
    (method == "POST" && path == "/transfers" && status == 200)
        .then(|| body.as_u64())
        .flatten()
}

/// The server, through its HTTP API, as one browser: one cookie jar.
struct Server {
    server: TestServer,
    client: Client,
    heard: Receiver<Change>,
    /// Who is signed in, as the live-update stream would know them.
    signed_in: Option<(UserId, Role)>,
    created: Vec<String>,
    jobs: BTreeSet<u64>,
}

impl Server {
    async fn start() -> Server {
        let server = TestServer::with(|c| c.transfer_delay = DELAY).await;
        let heard = server.state.live.subscribe();
        Server {
            server,
            client: client(),
            heard,
            signed_in: None,
            created: Vec::new(),
            jobs: BTreeSet::new(),
        }
    }

    async fn send(&mut self, step: &Step) -> Answered {
        let Step::Req { method, path, body } = step else {
            return self.run_jobs().await;
        };
        let path = fill(path, &self.created);
        let url = self.server.url(&format!("/api/v1{path}"));
        let mut request = self
            .client
            .request(Method::from_bytes(method.as_bytes()).unwrap(), url);
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(fill(body, &self.created));
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let body = parse(&response.text().await.unwrap());
        match (*method, path.as_str(), status) {
            ("POST", "/demo/session", 200) => {
                let session: Session = serde_json::from_value(body.clone()).unwrap();
                self.signed_in = Some((session.user.id, session.user.role));
            }
            ("DELETE", "/session", 204) | ("POST", "/demo/reset", 204) => self.signed_in = None,
            _ => {}
        }
        if let Some(id) = created_id(method, &path, status, &body) {
            self.created.push(id);
        }
        // A new job: its runner marks it running at once, and says so.
        let new_job =
            submitted_job(method, &path, status, &body).is_some_and(|j| self.jobs.insert(j));
        let changes = self
            .hear(|changes| !new_job || count(changes, Topic::Transfers) >= 2)
            .await;
        Answered {
            status,
            body,
            topics: self.topics(&changes),
        }
    }

    /// Makes every job due at once, and waits until the runner has
    /// completed them and told so (each completion tells its submitter's
    /// notifications last).
    async fn run_jobs(&mut self) -> Answered {
        let pool = self.server.state.db.pool();
        let (pending,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM transfer_jobs WHERE state <> 'Completed'")
                .fetch_one(pool)
                .await
                .unwrap();
        sqlx::query("UPDATE transfer_jobs SET run_after = 0 WHERE state <> 'Completed'")
            .execute(pool)
            .await
            .unwrap();
        self.server.state.jobs.notify_one();
        let changes = self
            .hear(|changes| count(changes, Topic::Notifications) >= pending as usize)
            .await;
        Answered {
            status: 0,
            body: Value::Null,
            topics: self.topics(&changes),
        }
    }

    /// The changes told since the last step, once `enough` holds of them.
    async fn hear(&mut self, enough: impl Fn(&[Change]) -> bool) -> Vec<Change> {
        let mut changes = Vec::new();
        for _ in 0..1_000 {
            while let Ok(change) = self.heard.try_recv() {
                changes.push(change);
            }
            if enough(&changes) {
                return changes;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the server did not tell what was expected; it told {changes:?}");
    }

    /// The topics the signed-in account's live-update stream passes on.
    fn topics(&self, changes: &[Change]) -> BTreeSet<String> {
        topic_names(
            changes
                .iter()
                .filter(|c| match &self.signed_in {
                    Some((user, role)) => c.reaches(user, role),
                    None => c.audience == Audience::Everyone,
                })
                .map(|c| c.topic),
        )
    }
}

fn count(changes: &[Change], topic: Topic) -> usize {
    changes.iter().filter(|c| c.topic == topic).count()
}

/// The LocalApi over the same demo, with a clock a `RunJobs` step moves
/// past the transfer delay.
struct Local {
    api: LocalApi,
    ahead_ms: Rc<Cell<i64>>,
    created: Vec<String>,
    jobs: BTreeSet<u64>,
}

impl Local {
    fn new() -> Local {
        let ahead_ms = Rc::new(Cell::new(0));
        let ahead = ahead_ms.clone();
        let clock = move || {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
            now.as_millis() as i64 + ahead.get()
        };
        let mut api = LocalApi::new(Engine::new(DemoConfig::default()), clock);
        api.set_transfer_delay_ms(DELAY.as_millis() as u64);
        Local {
            api,
            ahead_ms,
            created: Vec::new(),
            jobs: BTreeSet::new(),
        }
    }

    fn send(&mut self, step: &Step) -> Answered {
        let Step::Req { method, path, body } = step else {
            // Past the delay, then back: times are not compared.
            let delay = DELAY.as_millis() as i64;
            self.ahead_ms.set(2 * delay);
            let topics = self.api.run_due_jobs();
            self.ahead_ms.set(0);
            return Answered {
                status: 0,
                body: Value::Null,
                topics: topic_names(topics),
            };
        };
        let path = fill(path, &self.created);
        let body = body.as_deref().map(|b| fill(b, &self.created));
        let response = self.api.handle(
            method,
            &path,
            body.as_deref().unwrap_or_default().as_bytes(),
        );
        let value = parse(&response.body);
        if let Some(id) = created_id(method, &path, response.status, &value) {
            self.created.push(id);
        }
        let mut topics = response.changed;
        // The worker runs due jobs at once after a submission: a queued
        // job is marked running, as the server's runner does.
        let new_job = submitted_job(method, &path, response.status, &value)
            .is_some_and(|j| self.jobs.insert(j));
        if new_job {
            assert_eq!(
                self.api.next_job_due().map(|due| due <= now_ms()),
                Some(true)
            );
            topics.extend(self.api.run_due_jobs());
        }
        Answered {
            status: response.status,
            body: value,
            topics: topic_names(topics),
        }
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

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

/// What may differ between backends without being a difference.
fn normalise(step: &Step, mut answered: Answered, created: &[String]) -> Answered {
    let v = &mut answered.body;
    name_created(v, created);
    strip_times(v);
    let Step::Req { method, path, .. } = step else {
        return answered;
    };
    if answered.status == 200 {
        if *method == "GET" && path.ends_with("devices") {
            if let Value::Array(items) = v {
                items.sort_by_key(|item| item.to_string());
            }
        }
        if path == "/devices/locate" {
            let groups: Vec<Located> = serde_json::from_value(v.clone()).unwrap();
            let mut pairs: Vec<Value> = Located::pairs(groups)
                .into_iter()
                .map(|pair| serde_json::to_value(pair).unwrap())
                .collect();
            pairs.sort_by_key(|pair| pair.to_string());
            *v = Value::Array(pairs);
        }
    }
    answered
}

/// The server names the JSON path of a body's mistake (`name: invalid
/// type…`), which the LocalApi does not: the same message otherwise.
fn forgive_json_path(server: &mut Value, local: &Value) {
    const PREFIXES: [&str; 2] = [
        "the request body is not what this route takes: Failed to deserialize the JSON body into the target type: ",
        "the request body is not what this route takes: Failed to parse the request body as JSON: ",
    ];
    let (Some(theirs), Some(ours)) = (server["message"].as_str(), local["message"].as_str()) else {
        return;
    };
    let same = PREFIXES.iter().any(|prefix| {
        theirs.starts_with(prefix)
            && ours
                .strip_prefix(prefix)
                .is_some_and(|tail| theirs.ends_with(tail))
    });
    if same && server["reason"]["kind"] == "bad_request" {
        server["message"] = Value::from(ours);
    }
}

/// Runs `scenario` against both, step by step.
async fn run(scenario: &[Step]) {
    let mut server = Server::start().await;
    let mut local = Local::new();
    for (i, step) in scenario.iter().enumerate() {
        let theirs = server.send(step).await;
        let ours = local.send(step);
        let mut theirs = normalise(step, theirs, &server.created);
        let ours = normalise(step, ours, &local.created);
        forgive_json_path(&mut theirs.body, &ours.body);
        assert_eq!(
            ours, theirs,
            "step {i}: {step:?}: the LocalApi (left) and the server (right) disagree"
        );
    }
}

#[test]
fn the_route_table_is_the_servers_but_for_the_routes_only_a_server_has() {
    let described: BTreeSet<String> = include_str!("snapshots/routes.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let served: BTreeSet<String> = LocalApi::routes().into_iter().collect();
    let server_only: BTreeSet<String> = LocalApi::server_only_routes()
        .into_iter()
        .map(|(route, _)| route)
        .collect();
    assert_eq!(
        server_only,
        BTreeSet::from([
            "POST /session".to_owned(),
            "GET /events".to_owned(),
            "POST /operator/ingest".to_owned(),
        ])
    );
    let expected: BTreeSet<String> = described.difference(&server_only).cloned().collect();
    assert_eq!(served, expected);
    assert!(served.is_disjoint(&server_only));
}

#[tokio::test]
async fn signing_in_and_who_sees_what() {
    let f = DemoFacts::new();
    let woodgrove = f.customer("Woodgrove Bank").0;
    let contoso = f.customer("Contoso Ltd").0;
    let mut located = f.holding("PRT-ALPINE", 3);
    located.extend(f.of("Contoso Ltd", 2));
    located.extend(f.of("Woodgrove Bank", 2));
    located.extend(f.holding("PRT-BRIGHT", 1));
    let mut scenario = vec![
        get("/session"),
        get("/customers"),
        delete("/session"),
        get("/demo/accounts"),
        get("/demo/config"),
        sign_in("u-ghost"),
        raw("POST", "/demo/session", r#"{"user": "#),
        post("/demo/session", json!({ "user": ALPINE, "as": "admin" })),
        post("/demo/session", json!({ "user": 7 })),
        get("/session"),
    ];
    for user in [ALPINE, BRIGHT, COBALT, CONTOSO_IT, FABRIKAM_IT] {
        scenario.push(sign_in(user));
        for path in [
            "/session".to_owned(),
            "/customers".to_owned(),
            "/portfolio".to_owned(),
            format!("/customers/{woodgrove}"),
            format!("/customers/{contoso}"),
            "/customers/CUS-00000000".to_owned(),
            "/customers/cus-00000000".to_owned(),
            "/customers/nonsense".to_owned(),
            format!("/customers/{contoso}/devices"),
            format!("/customers/{}/devices", contoso.to_lowercase()),
            format!("/customers/{woodgrove}/devices"),
            "/partners/PRT-ALPINE/unassigned-devices".to_owned(),
            "/partners/PRT-COBALT/unassigned-devices".to_owned(),
            "/partners/PRT-NOBODY/unassigned-devices".to_owned(),
            "/alerts".to_owned(),
            "/transfers".to_owned(),
            "/transfers/1".to_owned(),
            "/notifications".to_owned(),
            "/repair-requests".to_owned(),
            "/support-cases".to_owned(),
        ] {
            scenario.push(get(&path));
        }
        scenario.push(post("/devices/locate", json!(located)));
    }
    scenario.extend([
        // Addresses and bodies the API refuses.
        get("/nothing/here"),
        get("/customers/"),
        get("/customers/a/b/c"),
        delete("/customers"),
        req("PUT", "/session", None),
        req("PATCH", "/portfolio", None),
        get("/transfers/abc"),
        get("/transfers/-1"),
        get("/customers/CUS-%00"),
        get("/customers/%E2%80%AE"),
        get("/customers/%FF"),
        get("/partners/PRT%2DALPINE/unassigned-devices"),
        post("/devices/locate", json!(["bad serial"])),
        post("/devices/locate", json!({ "serials": [] })),
        raw("POST", "/devices/locate", "[1,"),
        raw("POST", "/devices/locate", ""),
        // Larger than any body the API takes, whatever the route.
        raw(
            "POST",
            "/devices/locate",
            &format!("[{}\"X\"]", "\"5CG1234ABC\",".repeat(3_000_000)),
        ),
        raw(
            "GET",
            "/nothing/here",
            &" ".repeat(wxp_core::api::MAX_BODY + 1),
        ),
        delete("/session"),
        get("/session"),
        get("/portfolio"),
        delete("/session"),
    ]);
    run(&scenario).await;
}

#[tokio::test]
async fn dashboards_their_settings_and_enrolments() {
    let f = DemoFacts::new();
    let litware = f.customer("Litware Inc").0; // no PC yet
    let contoso = f.customer("Contoso Ltd").0;
    let unassigned = f.holding("PRT-ALPINE", 3);
    let mut enrolled = vec![
        unassigned[0].clone(),
        unassigned[0].clone(),
        unassigned[1].clone(),
    ];
    enrolled.extend(f.of("Contoso Ltd", 1));
    enrolled.extend(f.of("Woodgrove Bank", 1));
    enrolled.push("9ZZ9999999".into());
    enrolled.push("not a serial".into());
    let new = |name: &str, email: &str| {
        post(
            "/customers",
            json!({ "name": name, "country": "Italy", "admin_email": email }),
        )
    };
    let enrol = |customer: &str, cpin: &str, serials: &[String]| {
        post(
            &format!("/customers/{customer}/enrolments"),
            json!({ "cpin": cpin, "serials": serials }),
        )
    };
    let switch = |customer: &str, setting: &str, on: bool| {
        put(
            &format!("/customers/{customer}/settings/{setting}"),
            json!({ "enabled": on }),
        )
    };
    let scenario = [
        new("Lakeshore Retail", "it@lakeshore.example"),
        sign_in(ALPINE),
        new("Lakeshore Retail", "it@lakeshore.example"),
        new(" lakeshore RETAIL ", "other@lakeshore.example"),
        new("Contoso Ltd", "x@contoso.example"),
        new("Harbour Freight", " MARCO.BIANCHI@contoso.example "),
        new("Harbour Freight", "IT@lakeshore.example"),
        new("Riverside", "not an address"),
        new("", "a@b.example"),
        new("Second Street", "it@second.example"),
        raw("POST", "/customers", r#"{"name": "A"#),
        raw("POST", "/customers", "not json"),
        post(
            "/customers",
            json!({ "name": 7, "country": "IT", "admin_email": "a@b.example" }),
        ),
        post(
            "/customers",
            json!({ "name": "A", "country": "IT", "admin_email": "a@b.example", "partner": "PRT-BRIGHT" }),
        ),
        post("/customers", json!({ "name": "A", "country": "IT" })),
        post(
            "/customers",
            json!({ "name": "A\u{0}", "country": "IT", "admin_email": "a@b.example" }),
        ),
        get("/customers/{C0}"),
        get("/customers/{C1}"),
        get("/customers/{C0}/devices"),
        get("/customers"),
        get("/portfolio"),
        switch("{C0}", "insights-collection", true),
        switch("{C0}", "self-service-alerts", false),
        put(
            "/customers/{C0}/settings/insights-collection",
            json!({ "enabled": "yes" }),
        ),
        put("/customers/{C0}/settings/insights-collection", json!({})),
        get("/customers/{C0}"),
        switch(&litware, "self-service-alerts", false),
        enrol(&litware, "WRONGPIN", &enrolled),
        enrol(&litware, &f.cpin("Litware Inc"), &enrolled),
        // The first PC turned self-service alerts on; now they may go off.
        get(&format!("/customers/{litware}")),
        switch(&litware, "self-service-alerts", false),
        get(&format!("/customers/{litware}")),
        enrol(&litware, &f.cpin("Litware Inc"), &unassigned[..1]),
        post(
            &format!("/customers/{litware}/enrolments"),
            json!({ "cpin": "x", "serials": [], "extra": 1 }),
        ),
        get(&format!("/customers/{litware}/devices")),
        get("/partners/PRT-ALPINE/unassigned-devices"),
        sign_in(BRIGHT),
        switch(&litware, "insights-collection", true),
        enrol(&litware, &f.cpin("Litware Inc"), &unassigned[2..]),
        get("/customers/{C0}"),
        // The new dashboard's IT Admin.
        sign_in("{U0}"),
        get("/session"),
        get("/customers"),
        get("/customers/{C0}/devices"),
        get("/customers/{C1}"),
        new("Evil Corp", "evil@evil.example"),
        switch("{C0}", "insights-collection", false),
        get("/portfolio"),
        sign_in(CONTOSO_IT),
        enrol(&contoso, &f.cpin("Contoso Ltd"), &unassigned[2..]),
        enrol(&litware, &f.cpin("Litware Inc"), &unassigned[2..]),
        switch(&contoso, "insights-collection", false),
        get("/demo/accounts"),
    ];
    run(&scenario).await;
}

#[tokio::test]
async fn transfers_and_the_notification_center() {
    let f = DemoFacts::new();
    let fabrikam = f.customer("Fabrikam Inc").0;
    let contoso = f.customer("Contoso Ltd").0;
    let holding = json!({ "kind": "holding", "id": "PRT-ALPINE" });
    let mut serials = f.holding("PRT-ALPINE", 4);
    serials.push(serials[0].to_lowercase()); // a duplicate, as typed
    serials.push("5CG-BAD".into());
    serials.push("9ZZ9999999".into()); // nowhere
    serials.extend(f.of("Contoso Ltd", 1));
    serials.extend(f.of("Woodgrove Bank", 1));
    let transfer = |key: &str, source: &Value, serials: &[String], target: &str| {
        let rows: Vec<Value> = serials
            .iter()
            .map(|s| json!({ "serial": s, "customer": target }))
            .collect();
        post(
            "/transfers",
            json!({ "key": key, "source": source, "rows": rows }),
        )
    };
    let from = |customer: &str| json!({ "kind": "customer", "id": customer });
    let mixed = post(
        "/transfers",
        json!({ "key": "mixed", "source": holding, "rows": [
            { "serial": serials[0], "customer": fabrikam },
            { "serial": serials[1], "customer": contoso },
        ] }),
    );
    let scenario = [
        transfer("signed-out", &holding, &serials[..1], &fabrikam),
        sign_in(ALPINE),
        transfer("main", &holding, &serials, &fabrikam),
        transfer("main", &holding, &serials, &fabrikam),
        // HP's pitfall: started from the target's own page, every row is
        // "Device not found".
        transfer(
            "pitfall",
            &from(&fabrikam),
            &f.holding("PRT-ALPINE", 3),
            &fabrikam,
        ),
        get("/transfers"),
        get("/transfers/1"),
        get("/notifications"),
        Step::RunJobs,
        get("/transfers"),
        get("/transfers/1"),
        get("/transfers/2"),
        get("/transfers/99"),
        get("/notifications"),
        post("/notifications/1/read", Value::Null),
        req("POST", "/notifications/2/read", None),
        req("POST", "/notifications/99/read", None),
        req("POST", "/notifications/x/read", None),
        get("/notifications"),
        get(&format!("/customers/{fabrikam}/devices")),
        get("/partners/PRT-ALPINE/unassigned-devices"),
        get("/portfolio"),
        // Refused before they are queued.
        mixed,
        transfer("malformed", &holding, &serials[..1], "12345"),
        transfer(
            "theirs",
            &holding,
            &serials[..1],
            &f.customer("Woodgrove Bank").0,
        ),
        transfer("empty", &holding, &[], &fabrikam),
        transfer(
            "other-source",
            &json!({ "kind": "holding", "id": "PRT-BRIGHT" }),
            &serials[..1],
            &fabrikam,
        ),
        raw("POST", "/transfers", r#"{"key": "k", "source": "#),
        post(
            "/transfers",
            json!({ "key": "k", "source": holding, "rows": [{ "serial": "x", "customer": "y", "z": 1 }] }),
        ),
        post(
            "/transfers",
            json!({ "key": "k", "source": { "kind": "holding", "id": "PRT-ALPINE", "x": 1 }, "rows": [] }),
        ),
        post("/transfers", json!({ "key": "k", "rows": [] })),
        // From one customer's dashboard to another's: its IT Admin hears of it.
        transfer("c2f", &from(&contoso), &f.of("Contoso Ltd", 2), &fabrikam),
        sign_in(CONTOSO_IT),
        get("/transfers"),
        get("/transfers/3"),
        get("/notifications"),
        req("POST", "/notifications/1/read", None),
        transfer("it", &holding, &serials[..1], &fabrikam),
        Step::RunJobs,
        get(&format!("/customers/{contoso}")),
        get(&format!("/customers/{contoso}/devices")),
        sign_in(BRIGHT),
        req("POST", "/notifications/1/read", None),
        get("/transfers/1"),
        get("/transfers"),
        get("/notifications"),
        sign_in(COBALT),
        transfer(
            "cobalt",
            &json!({ "kind": "holding", "id": "PRT-COBALT" }),
            &serials[..1],
            &fabrikam,
        ),
        sign_in(ALPINE),
        get("/transfers"),
        get("/notifications"),
    ];
    run(&scenario).await;
}

#[tokio::test]
async fn alerts_repairs_and_support_cases() {
    let f = DemoFacts::new();
    let alpine_pc = f.holding("PRT-ALPINE", 1).remove(0);
    let bright_pc = f.holding("PRT-BRIGHT", 1).remove(0);
    let fabrikam_pc = f.of("Fabrikam Inc", 1).remove(0);
    let seeded = 24; // the alerts the demo starts with
    let today = wxp_server::clock::now().date();
    let in_three_days = Date(today.0 + 3);
    let simulate =
        |serial: &str, kind: &str| post("/alerts", json!({ "serial": serial, "kind": kind }));
    let repair = |id: u64| req("POST", &format!("/alerts/{id}/repair-request"), None);
    let schedule = |id: u64, on: Date| {
        post(
            &format!("/repair-requests/{id}/schedule"),
            json!({ "on": on }),
        )
    };
    let case = |subject: &str, serials: &[&str]| {
        post(
            "/support-cases",
            json!({
                "subject": subject,
                "description": " PCs missing from\nUnassigned Devices ",
                "serials": serials,
            }),
        )
    };
    let scenario = [
        sign_in(ALPINE),
        simulate(&alpine_pc, "Battery"),
        simulate(&fabrikam_pc, "Memory"),
        simulate(&bright_pc, "Fan"),
        simulate("nonsense", "Fan"),
        simulate(&alpine_pc, "Nope"),
        post("/alerts", json!({ "serial": alpine_pc })),
        sign_in(BRIGHT),
        simulate(&bright_pc, "Fan"),
        sign_in(ALPINE),
        repair(seeded + 1),
        repair(seeded + 1),
        repair(seeded + 2),
        repair(seeded + 3),
        repair(999),
        req("POST", "/alerts/x/repair-request", None),
        get("/repair-requests"),
        schedule(seeded + 3, in_three_days),
        sign_in(BRIGHT),
        repair(seeded + 3),
        get("/repair-requests"),
        schedule(seeded + 3, Date::from_ymd(2020, 1, 1)),
        schedule(seeded + 3, in_three_days),
        schedule(seeded + 1, in_three_days),
        post(
            &format!("/repair-requests/{}/schedule", seeded + 3),
            json!({ "on": "tomorrow" }),
        ),
        get("/repair-requests"),
        get("/alerts"),
        sign_in(FABRIKAM_IT),
        get("/alerts"),
        get("/repair-requests"),
        repair(seeded + 2),
        // Support cases.
        sign_in(ALPINE),
        case("  ", &[]),
        case("Missing PCs", &["5cg1234abc", "", "bad serial"]),
        case(" Missing PCs ", &["5cg1234abc", " "]),
        post(
            "/support-cases",
            json!({ "subject": "A", "description": "", "serials": [], "priority": 1 }),
        ),
        post(
            "/support-cases",
            json!({ "subject": "A\u{202E}", "description": "", "serials": [] }),
        ),
        sign_in(CONTOSO_IT),
        case("Enrolment", &[]),
        get("/support-cases"),
        sign_in(ALPINE),
        get("/support-cases"),
        sign_in(BRIGHT),
        get("/support-cases"),
    ];
    run(&scenario).await;
}

#[tokio::test]
async fn the_demo_reset_signs_out_and_brings_the_seed_back() {
    let scenario = [
        sign_in(ALPINE),
        post(
            "/support-cases",
            json!({ "subject": "Missing PCs", "description": "", "serials": [] }),
        ),
        post(
            "/customers",
            json!({ "name": "Lakeshore Retail", "country": "Italy", "admin_email": "it@lakeshore.example" }),
        ),
        post("/demo/reset", json!({ "seed": 2026 })),
        raw("POST", "/demo/reset", "{"),
        get("/support-cases"),
        post("/demo/reset", json!({ "seed": 2026, "size": "Standard" })),
        get("/session"),
        get("/support-cases"),
        get("/demo/config"),
        get("/demo/accounts"),
        sign_in("{U0}"),
        sign_in(ALPINE),
        get("/support-cases"),
        get("/customers"),
        get("/portfolio"),
    ];
    run(&scenario).await;
}
