//! Hostile input on every route of the API, as the server describes it at
//! `/api/openapi.json`: malformed and truncated JSON, wrong types and
//! unknown fields, huge bodies and arrays, 100,000-row transfers, control
//! characters, NUL and marks that reorder text in every text field,
//! SQL-injection strings in every text field, hostile addresses and
//! cookies; and path traversal on the app's files.
//!
//! Each gets a 4xx with a JSON error (`{"message", "reason"}`), never a 5xx,
//! and nothing changes: every table reads the same before and after. An
//! injection string that is a legitimate value (a company called
//! "O'Brien; Ltd") may be taken, if it is stored and read back byte for byte
//! and nothing else changed.

mod common;
#[path = "common/kit/mod.rs"]
mod kit;

use common::*;
use kit::batch::concurrently;
use kit::described::{assert_covers, operations};
use kit::fixtures::{column, Fixtures, ALPINE, BRIGHT, CONTOSO};
use kit::json_paths::{field, json_bytes, name_of, nodes, other_types, replaced, texts};
use kit::raw_http::{self, RawAnswer};
use kit::sessions::{cookie, demo_token};
use kit::tables::{snapshot, snapshot_without, Change, Snapshot};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};

const OPERATOR_TOKEN: &str = "hostile-operator-token";

/// A serial number of the right form that no PC has.
const NO_PC: &str = "HOSTILE000";

/// Who sends a route's hostile requests: someone the route would serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sender {
    /// Alpine's partner admin.
    Admin,
    /// Brightline's partner admin (Service Delivery).
    ServiceDelivery,
    /// Contoso's IT Admin.
    ItAdmin,
    /// The operator, by its bearer token.
    Operator,
}

/// Where an injection string that a route takes as data is kept.
struct Keeps {
    /// The tables that may gain rows (and lose none).
    tables: &'static [&'static str],
    /// Where the sender reads it back (in one of these).
    read_back: &'static [&'static str],
}

struct Plan {
    route: &'static str,
    sender: Sender,
    path: fn(&Fixtures) -> String,
    /// A well-formed JSON body (`n` keeps it unique), to take apart; it is
    /// never sent as it is.
    body: Option<fn(&Fixtures, usize) -> Value>,
    keeps: Option<Keeps>,
    /// Tables that change by design whatever the input: a failed sign-in is
    /// counted.
    counts: &'static [&'static str],
    /// Fields whose every value gets an answer of its own (an enrolment's
    /// serial numbers each get an outcome, "invalid" among them).
    answers: &'static [&'static str],
}

fn plan(route: &'static str, path: fn(&Fixtures) -> String) -> Plan {
    Plan {
        route,
        sender: Sender::Admin,
        path,
        body: None,
        keeps: None,
        counts: &[],
        answers: &[],
    }
}

impl Plan {
    fn body(self, body: fn(&Fixtures, usize) -> Value) -> Plan {
        Plan {
            body: Some(body),
            ..self
        }
    }

    fn by(self, sender: Sender) -> Plan {
        Plan { sender, ..self }
    }

    fn keeps(self, tables: &'static [&'static str], read_back: &'static [&'static str]) -> Plan {
        Plan {
            keeps: Some(Keeps { tables, read_back }),
            ..self
        }
    }

    fn counts(self, counts: &'static [&'static str]) -> Plan {
        Plan { counts, ..self }
    }

    fn answers(self, answers: &'static [&'static str]) -> Plan {
        Plan { answers, ..self }
    }

    fn method(&self) -> &'static str {
        self.route.split(' ').next().unwrap()
    }
}

fn plans() -> Vec<Plan> {
    vec![
        plan("GET /session", |_| "/session".into()),
        plan("POST /session", |_| "/session".into())
            .body(|_, n| json!({ "email": format!("nobody{n}@hostile.example"), "password": "not the password" }))
            .counts(&["sign_in_failures"]),
        plan("DELETE /session", |_| "/session".into()),
        plan("GET /demo/accounts", |_| "/demo/accounts".into()),
        plan("POST /demo/session", |_| "/demo/session".into())
            .body(|_, _| json!({ "user": ALPINE })),
        plan("GET /demo/config", |_| "/demo/config".into()),
        plan("POST /demo/reset", |_| "/demo/reset".into())
            .body(|_, _| json!({ "seed": 2026, "size": "Standard" })),
        plan("GET /customers", |_| "/customers".into()),
        plan("POST /customers", |_| "/customers".into())
            .body(|_, n| {
                json!({
                    "name": format!("Hostile {n}"),
                    "country": "Italy",
                    "admin_email": format!("hostile{n}@hostile.example"),
                })
            })
            // The admin's address shows among the demo accounts.
            .keeps(&["customers", "users"], &["/customers", "/demo/accounts"]),
        plan("GET /customers/{id}", |f| format!("/customers/{}", f.contoso)),
        plan("GET /customers/{id}/devices", |f| {
            format!("/customers/{}/devices", f.contoso)
        }),
        plan("POST /customers/{id}/enrolments", |f| {
            format!("/customers/{}/enrolments", f.contoso)
        })
        .body(|f, _| json!({ "cpin": f.contoso_cpin, "serials": [NO_PC] }))
        .answers(&["serials"]),
        plan("PUT /customers/{id}/settings/insights-collection", |f| {
            format!("/customers/{}/settings/insights-collection", f.contoso)
        })
        .body(|_, _| json!({ "enabled": true })),
        plan("PUT /customers/{id}/settings/self-service-alerts", |f| {
            format!("/customers/{}/settings/self-service-alerts", f.contoso)
        })
        .body(|_, _| json!({ "enabled": true })),
        plan("GET /portfolio", |_| "/portfolio".into()),
        plan("GET /partners/{partner}/unassigned-devices", |_| {
            "/partners/PRT-ALPINE/unassigned-devices".into()
        }),
        plan("POST /devices/locate", |_| "/devices/locate".into()).body(|_, _| json!([NO_PC])),
        plan("GET /transfers", |_| "/transfers".into()),
        plan("POST /transfers", |_| "/transfers".into())
            .body(|f, n| {
                json!({
                    "key": format!("hostile-{n}"),
                    "source": { "kind": "holding", "id": "PRT-ALPINE" },
                    "rows": [{ "serial": NO_PC, "customer": f.contoso }],
                })
            })
            .keeps(&["transfer_jobs", "transfer_rows"], &["/transfers"]),
        plan("GET /transfers/{id}", |f| format!("/transfers/{}", f.alpine_job)),
        plan("GET /notifications", |_| "/notifications".into()),
        plan("POST /notifications/{id}/read", |f| {
            format!("/notifications/{}/read", f.alpine_job)
        }),
        plan("GET /alerts", |_| "/alerts".into()),
        plan("POST /alerts", |_| "/alerts".into())
            .body(|f, _| json!({ "serial": f.contoso_pcs[5], "kind": "Battery" })),
        plan("POST /alerts/{id}/repair-request", |f| {
            format!("/alerts/{}/repair-request", f.popup_alert)
        }),
        plan("GET /repair-requests", |_| "/repair-requests".into()).by(Sender::ServiceDelivery),
        plan("POST /repair-requests/{id}/schedule", |f| {
            format!("/repair-requests/{}/schedule", f.bright_request)
        })
        .by(Sender::ServiceDelivery)
        .body(|_, _| json!({ "on": wxp_server::clock::now().date().0 + 3 })),
        plan("GET /support-cases", |_| "/support-cases".into()),
        plan("POST /support-cases", |_| "/support-cases".into())
            .body(|_, n| {
                json!({
                    "subject": format!("Hostile {n}"),
                    "description": "What happened.\n\tAnd then.",
                    "serials": [NO_PC],
                })
            })
            .keeps(&["support_cases", "support_case_serials"], &["/support-cases"]),
        plan("GET /events", |_| "/events".into()),
        // Its body is a CSV report: see `the_operators_report_*`.
        plan("POST /operator/ingest", |_| "/operator/ingest".into()).by(Sender::Operator),
    ]
}

/// A demo server with the fixtures, and a session for each sender.
struct Harness {
    server: TestServer,
    fixtures: Fixtures,
    admin: String,
    service_delivery: String,
    it_admin: String,
    next: AtomicUsize,
}

impl Harness {
    async fn start() -> Harness {
        let server = TestServer::with(|c| c.operator_token = Some(OPERATOR_TOKEN.into())).await;
        let fixtures = Fixtures::build(&server).await;
        let no_pc = column(
            &server,
            "SELECT serial FROM devices WHERE serial = $1",
            NO_PC,
        )
        .await;
        assert!(no_pc.is_empty(), "{NO_PC} is no PC");
        Harness {
            admin: demo_token(&server, ALPINE).await,
            service_delivery: demo_token(&server, BRIGHT).await,
            it_admin: demo_token(&server, CONTOSO).await,
            server,
            fixtures,
            next: AtomicUsize::new(0),
        }
    }

    fn unique(&self) -> usize {
        self.next.fetch_add(1, Ordering::Relaxed)
    }

    /// How `sender` proves who it is.
    fn credentials(&self, sender: Sender) -> (&'static str, String) {
        match sender {
            Sender::Admin => ("Cookie", cookie(&self.admin)),
            Sender::ServiceDelivery => ("Cookie", cookie(&self.service_delivery)),
            Sender::ItAdmin => ("Cookie", cookie(&self.it_admin)),
            Sender::Operator => ("Authorization", format!("Bearer {OPERATOR_TOKEN}")),
        }
    }

    /// Sends `body` as `content_type` (none: no such header) to `method
    /// path` (below `/api/v1`), as `sender`, bytes exactly.
    async fn send_as(
        &self,
        sender: Sender,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> RawAnswer {
        let (name, value) = self.credentials(sender);
        let mut headers = vec![(name, value.as_str())];
        if let Some(kind) = content_type {
            headers.push(("Content-Type", kind));
        }
        raw_http::send(
            &self.server.base,
            method,
            &format!("/api/v1{path}"),
            &headers,
            body,
        )
        .await
    }

    async fn send(&self, plan: &Plan, content_type: Option<&str>, body: &[u8]) -> RawAnswer {
        let path = (plan.path)(&self.fixtures);
        self.send_as(plan.sender, plan.method(), &path, content_type, body)
            .await
    }

    fn valid_body(&self, plan: &Plan) -> Option<Value> {
        plan.body.map(|body| body(&self.fixtures, self.unique()))
    }

    async fn snapshot(&self) -> Snapshot {
        snapshot(&self.server).await
    }
}

/// What changed, less the tables that change by design.
fn changes(before: &Snapshot, after: &Snapshot, counts: &[&str]) -> Vec<Change> {
    before
        .changes(after)
        .into_iter()
        .filter(|c| !counts.contains(&c.table.as_str()))
        .collect()
}

/// Why `answer` is not a refusal: a 4xx with a JSON `{message, reason}`.
fn not_refused(answer: &RawAnswer) -> Option<String> {
    if !(400..500).contains(&answer.status) {
        return Some(format!("{}: {}", answer.status, clip(&answer.text())));
    }
    let error: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
    if !error["message"].is_string() || !error["reason"]["kind"].is_string() {
        return Some(format!(
            "{} without a JSON error: {}",
            answer.status,
            clip(&answer.text())
        ));
    }
    None
}

fn message(answer: &RawAnswer) -> String {
    let error: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
    error["message"].as_str().unwrap_or_default().to_owned()
}

fn clip(text: &str) -> String {
    text.chars().take(300).collect()
}

/// What a hostile request must get.
#[derive(Clone)]
enum Expect {
    /// A 4xx with a JSON error: this status, if given; a message holding
    /// this text (a field's name), if given.
    Refused {
        status: Option<u16>,
        names: Option<String>,
    },
    /// Whatever the route answers (it reads no such input), but no 5xx,
    /// and a JSON error for a 4xx.
    Answered,
}

const REFUSED: Expect = Expect::Refused {
    status: None,
    names: None,
};

fn refused_with(status: u16) -> Expect {
    Expect::Refused {
        status: Some(status),
        names: None,
    }
}

/// A 400 whose message names `field` (as `` `field` ``).
fn names(field: String) -> Expect {
    Expect::Refused {
        status: Some(400),
        names: Some(format!("`{field}`")),
    }
}

/// One hostile request.
struct Probe {
    what: String,
    method: &'static str,
    /// Below `/api/v1`, as it goes on the wire.
    path: String,
    /// Whose credentials it carries, if anybody's.
    sender: Option<Sender>,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    expect: Expect,
}

impl Probe {
    /// `body` to the plan's route, as JSON, from its sender.
    fn json(plan: &Plan, h: &Harness, what: String, body: Vec<u8>, expect: Expect) -> Probe {
        Probe {
            what: format!("{} {what}", plan.route),
            method: plan.method(),
            path: (plan.path)(&h.fixtures),
            sender: Some(plan.sender),
            headers: vec![("Content-Type", "application/json".into())],
            body,
            expect,
        }
    }
}

/// Why `answer` is not what `probe` must get.
fn mismatch(probe: &Probe, answer: &RawAnswer) -> Option<String> {
    let why = match &probe.expect {
        Expect::Answered if answer.status < 400 => None,
        Expect::Answered => not_refused(answer),
        Expect::Refused { status, names } => not_refused(answer).or_else(|| {
            if status.is_some_and(|s| s != answer.status) {
                Some(format!(
                    "{}, not {}: {}",
                    answer.status,
                    status.unwrap(),
                    message(answer)
                ))
            } else if names.as_ref().is_some_and(|f| !message(answer).contains(f)) {
                Some(format!(
                    "the message does not name the field: {}",
                    message(answer)
                ))
            } else {
                None
            }
        }),
    };
    why.map(|why| format!("{}: {why}", probe.what))
}

/// Sends every probe (several at once), and checks each answer, then that
/// the database is as it was but for the tables that change by design.
async fn all_refused(h: &Harness, probes: Vec<Probe>, counts: &[&str]) -> Vec<String> {
    let before = h.snapshot().await;
    let answers = concurrently(probes.iter().map(|p| h.probe(p)).collect()).await;
    let mut wrong: Vec<String> = probes
        .iter()
        .zip(&answers)
        .filter_map(|(p, a)| mismatch(p, a))
        .collect();
    let after = h.snapshot().await;
    for change in changes(&before, &after, counts) {
        wrong.push(format!("the database changed: {change}"));
    }
    wrong
}

impl Harness {
    async fn probe(&self, probe: &Probe) -> RawAnswer {
        let mut headers: Vec<(&str, String)> = probe.headers.clone();
        if let Some(sender) = probe.sender {
            headers.push(self.credentials(sender));
        }
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        raw_http::send(
            &self.server.base,
            probe.method,
            &format!("/api/v1{}", probe.path),
            &headers,
            &probe.body,
        )
        .await
    }
}

fn report(wrong: Vec<String>) {
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

fn json_plans() -> Vec<Plan> {
    plans().into_iter().filter(|p| p.body.is_some()).collect()
}

#[tokio::test]
async fn the_plans_cover_every_route_and_take_the_bodies_the_description_says() {
    let server = TestServer::start().await;
    let described = operations(&server).await;
    let table = plans();
    let routes: Vec<String> = table.iter().map(|p| p.route.to_owned()).collect();
    assert_covers(&described, &routes, "the hostile-input plans");
    for operation in &described {
        let plan = table.iter().find(|p| p.route == operation.route()).unwrap();
        let json = operation.body.as_deref() == Some("application/json");
        assert_eq!(
            plan.body.is_some(),
            json,
            "{}: a JSON body is described iff the plan has one",
            plan.route
        );
        if operation.body.is_some() && !json {
            assert_eq!(
                operation.route(),
                "POST /operator/ingest",
                "the one CSV route"
            );
        }
    }
}

/// Malformed, truncated and mistyped bodies, unknown and repeated fields,
/// and bodies that say they are not JSON.
#[tokio::test]
async fn malformed_truncated_and_mistyped_json_is_refused_and_changes_nothing() {
    let h = Harness::start().await;
    let mut wrong = Vec::new();
    for plan in &json_plans() {
        let valid = h.valid_body(plan).unwrap();
        let text = valid.to_string();
        let mut bodies: Vec<(String, Vec<u8>)> = [
            "",
            " ",
            "{",
            "}",
            "[",
            "nul",
            "tru",
            "{\"a\":",
            "{\"a\" 1}",
            "{'a': 1}",
            "{\"a\":1,}",
            "[1,]",
            "{\"a\":\"unterminated}",
            "\"\\ud800\"",
            "{\"a\":\"\\x41\"}",
            "1e400",
        ]
        .iter()
        .map(|b| (format!("malformed {b:?}"), b.as_bytes().to_vec()))
        .collect();
        bodies.push(("deeply nested".into(), "[".repeat(100_000).into_bytes()));
        bodies.push((
            "with trailing garbage".into(),
            format!("{text} x").into_bytes(),
        ));
        bodies.push(("twice".into(), format!("{text}{text}").into_bytes()));
        bodies.push((
            "after a byte-order mark".into(),
            format!("\u{feff}{text}").into_bytes(),
        ));
        let mut latin1 = text.clone().into_bytes();
        latin1.insert(text.find('"').unwrap() + 1, 0xE9);
        bodies.push(("not UTF-8".into(), latin1));
        for end in (1..text.len()).filter(|&end| text.is_char_boundary(end)) {
            bodies.push((
                format!("truncated at {end}"),
                text.as_bytes()[..end].to_vec(),
            ));
        }
        // Every value, the whole body included, of each other type.
        for (path, value) in nodes(&valid) {
            for other in other_types(value) {
                let body = json_bytes(&replaced(&valid, &path, other.clone()));
                bodies.push((format!("`{}` = {other}", field(&path)), body));
            }
        }
        let mut probes: Vec<Probe> = bodies
            .into_iter()
            .map(|(what, body)| Probe::json(plan, &h, what, body, REFUSED))
            .collect();
        // An unknown field in every object, named in the answer; a field
        // given twice.
        for (path, value) in nodes(&valid) {
            let Some(members) = value.as_object() else {
                continue;
            };
            let mut with_unknown = members.clone();
            with_unknown.insert("unexpected".into(), json!(1));
            let body = json_bytes(&replaced(&valid, &path, Value::Object(with_unknown)));
            let what = format!("with an unknown field in `{}`", field(&path));
            let expect = Expect::Refused {
                status: Some(422),
                names: Some("unexpected".into()),
            };
            probes.push(Probe::json(plan, &h, what, body, expect));
            if path.is_empty() {
                let (first, value) = members.iter().next().unwrap();
                let twice = format!("{{\"{first}\":{value},{}", &text[1..]);
                let what = format!("with `{first}` twice");
                probes.push(Probe::json(plan, &h, what, twice.into_bytes(), REFUSED));
            }
        }
        for kind in [
            "",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/jsonx",
        ] {
            let mut probe = Probe::json(
                plan,
                &h,
                format!("as {kind:?}"),
                text.clone().into(),
                refused_with(415),
            );
            probe.headers.clear();
            if !kind.is_empty() {
                probe.headers.push(("Content-Type", kind.into()));
            }
            probes.push(probe);
        }
        wrong.extend(all_refused(&h, probes, plan.counts).await);
    }
    report(wrong);
}

/// Control characters (NUL first), line breaks, and the marks that reorder
/// text.
const ODDITIES: [char; 25] = [
    '\u{0}', '\u{1}', '\u{7}', '\u{8}', '\t', '\n', '\r', '\u{b}', '\u{1b}', '\u{7f}', '\u{85}',
    '\u{9b}', '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
    '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}',
];

/// What a field holding `c` gets, as the rule says (stated here on its
/// own): a description may break lines (then it is data, not tried here);
/// a password may hold anything (a wrong password then: NUL and an
/// override stand for the rest, each try costing an Argon2 hash); every
/// other text is refused, naming the field.
fn expected_for(name: &str, path: &str, c: char) -> Option<Expect> {
    match name {
        "description" if matches!(c, '\n' | '\r' | '\t') => None,
        "password" if matches!(c, '\u{0}' | '\u{202e}') => Some(refused_with(401)),
        "password" => None,
        _ => Some(names(path.to_owned())),
    }
}

#[tokio::test]
async fn control_characters_nul_and_reordering_marks_in_any_text_field_are_a_400_naming_it() {
    let h = Harness::start().await;
    let mut wrong = Vec::new();
    for plan in &json_plans() {
        let mut probes = Vec::new();
        for (path, text) in texts(&h.valid_body(plan).unwrap()) {
            let mid = (0..=text.len() / 2)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap();
            for c in ODDITIES {
                let Some(expect) = expected_for(name_of(&path), &field(&path), c) else {
                    continue;
                };
                let odd = format!("{}{c}{}", &text[..mid], &text[mid..]);
                // A fresh body each time: a fourth failed sign-in for one
                // address would be slowed down (429) instead.
                let body = replaced(&h.valid_body(plan).unwrap(), &path, json!(odd));
                let what = format!("`{}` holding U+{:04X}", field(&path), c as u32);
                probes.push(Probe::json(plan, &h, what, json_bytes(&body), expect));
            }
        }
        wrong.extend(all_refused(&h, probes, plan.counts).await);
    }
    report(wrong);
}

const INJECTIONS: [&str; 12] = [
    "'; DROP TABLE devices; --",
    "' OR '1'='1",
    "\" OR \"\"=\"",
    "1; DELETE FROM customers WHERE 1=1",
    "Robert'); DROP TABLE users;--",
    "%' OR 1=1 --",
    "' UNION SELECT token_hash, user_id FROM sessions --",
    "$1",
    "?",
    "\\'; SELECT pg_sleep(5); --",
    "O'Brien; Ltd",
    "'OR'1'='1'--@evil.example",
];

/// Waits until transfer `job` has run. It asks the database: asking the
/// API would read back all of a 100,000-row job's rows at every try.
async fn ran(h: &Harness, job: &str) {
    let id: i64 = job
        .parse()
        .unwrap_or_else(|_| panic!("a job number: {job}"));
    for _ in 0..1_200 {
        let (state,): (String,) = sqlx::query_as("SELECT state FROM transfer_jobs WHERE id = $1")
            .bind(id)
            .fetch_one(h.server.state.db.pool())
            .await
            .unwrap();
        if state == "Completed" {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("transfer {job} did not run within 60 s");
}

/// The injection strings a route took: each is kept byte for byte (each
/// table it keeps gained one row per string taken, and nothing else
/// changed) and reads back as sent.
async fn kept(h: &Harness, plan: &Plan, taken: &[&str], changed: &[Change]) -> Vec<String> {
    let Some(keeps) = &plan.keeps else {
        return changed
            .iter()
            .map(|c| format!("taken, and the database changed: {c}"))
            .collect();
    };
    let mut wrong: Vec<String> = changed
        .iter()
        .filter(|c| !keeps.tables.contains(&c.table.as_str()) || !c.removed.is_empty())
        .map(|c| format!("changed more than it keeps: {c}"))
        .collect();
    for table in keeps.tables {
        let added = changed
            .iter()
            .find(|c| c.table == *table)
            .map_or(0, |c| c.added.len());
        if added != taken.len() {
            wrong.push(format!(
                "{table} gained {added} rows for {} taken",
                taken.len()
            ));
        }
    }
    let mut read = String::new();
    for path in keeps.read_back {
        read.push_str(&h.send_as(plan.sender, "GET", path, None, b"").await.text());
    }
    for injection in taken {
        let stored = changed
            .iter()
            .flat_map(|c| &c.added)
            .flatten()
            .any(|cell| cell.as_deref() == Some(*injection));
        if !stored {
            wrong.push(format!("{injection:?} taken but not stored as sent"));
        }
        if !read.contains(&serde_json::to_string(injection).unwrap()) {
            wrong.push(format!(
                "{injection:?} not read back as sent from {:?}",
                keeps.read_back
            ));
        }
    }
    wrong
}

#[tokio::test]
async fn sql_injection_strings_in_any_text_field_are_refused_or_kept_as_data() {
    let h = Harness::start().await;
    let mut wrong = Vec::new();
    for plan in &json_plans() {
        let mut probes: Vec<(&str, Probe)> = Vec::new();
        for (path, _) in texts(&h.valid_body(plan).unwrap()) {
            let name = name_of(&path);
            // A password never reaches SQL (it is hashed): two strings
            // stand for the rest, each try costing an Argon2 hash.
            let tried = if name == "password" {
                2
            } else {
                INJECTIONS.len()
            };
            for injection in &INJECTIONS[..tried] {
                let body = replaced(&h.valid_body(plan).unwrap(), &path, json!(injection));
                let what = format!("`{}` = {injection:?}", field(&path));
                let expect = if plan.answers.contains(&name) {
                    Expect::Answered
                } else {
                    REFUSED
                };
                probes.push((
                    injection,
                    Probe::json(plan, &h, what, json_bytes(&body), expect),
                ));
            }
        }
        let before = h.snapshot().await;
        let answers = concurrently(probes.iter().map(|(_, p)| h.probe(p)).collect()).await;
        // Taken: data (a job first runs); refused: as a refusal must be.
        let mut taken = Vec::new();
        for ((injection, probe), answer) in probes.iter().zip(&answers) {
            let takes = plan.keeps.is_some() && (200..300).contains(&answer.status);
            if !takes {
                wrong.extend(mismatch(probe, answer));
                continue;
            }
            if plan.route == "POST /transfers" {
                ran(&h, &answer.text()).await;
            }
            taken.push(*injection);
        }
        let after = h.snapshot().await;
        let changed = changes(&before, &after, plan.counts);
        if !changed.is_empty() || !taken.is_empty() {
            for why in kept(&h, plan, &taken, &changed).await {
                wrong.push(format!("{}: {why}", plan.route));
            }
        }
    }
    report(wrong);
}

#[tokio::test]
async fn huge_bodies_arrays_and_texts_are_refused_and_change_nothing() {
    let h = Harness::start().await;
    let limit = 32 * 1024 * 1024;
    let over = format!("{{\"name\": \"{}\"}}", "a".repeat(limit + 1_000)).into_bytes();
    let mut wrong = Vec::new();
    for plan in &plans() {
        let Some(valid) = h.valid_body(plan) else {
            if plan.route == "POST /operator/ingest" {
                let mut probe = Probe::json(
                    plan,
                    &h,
                    "over 32 MB".into(),
                    over.clone(),
                    refused_with(413),
                );
                probe.headers = vec![("Content-Type", "text/csv".into())];
                wrong.extend(all_refused(&h, vec![probe], plan.counts).await);
            }
            continue;
        };
        let mut probes = vec![Probe::json(
            plan,
            &h,
            "over 32 MB".into(),
            over.clone(),
            refused_with(413),
        )];
        // Arrays longer than any route takes (200,000 items), under 32 MB.
        for (path, value) in nodes(&valid) {
            let Some(items) = value.as_array() else {
                continue;
            };
            let huge = replaced(&valid, &path, Value::Array(vec![items[0].clone(); 200_001]));
            let body = json_bytes(&huge);
            assert!(body.len() < limit);
            let what = format!("`{}` of 200,001 items", field(&path));
            probes.push(Probe::json(plan, &h, what, body, REFUSED));
        }
        // A text of a million characters in every text field.
        for (path, _) in texts(&valid) {
            let body = json_bytes(&replaced(&valid, &path, json!("x".repeat(1_000_000))));
            let what = format!("`{}` of 1,000,000 characters", field(&path));
            probes.push(Probe::json(plan, &h, what, body, names(field(&path))));
        }
        wrong.extend(all_refused(&h, probes, plan.counts).await);
    }
    report(wrong);
}

/// A transfer's body with `rows` rows, written out: a 100,000-row `Value`
/// would be slow to build. Each submission gets a key of its own.
fn transfer(source: &Value, rows: usize, row: impl Fn(usize) -> (String, String)) -> Vec<u8> {
    static KEY: AtomicUsize = AtomicUsize::new(0);
    let key = KEY.fetch_add(1, Ordering::Relaxed);
    let mut body = format!(r#"{{"key":"big-{key}","source":{source},"rows":["#);
    for i in 0..rows {
        let (serial, customer) = row(i);
        let text = |t: &str| serde_json::to_string(t).unwrap();
        if i > 0 {
            body.push(',');
        }
        body.push_str(&format!(
            r#"{{"serial":{},"customer":{}}}"#,
            text(&serial),
            text(&customer)
        ));
    }
    body.push_str("]}");
    body.into_bytes()
}

#[tokio::test]
async fn transfer_submissions_of_100000_rows_are_refused_whole_or_run_whole() {
    const ROWS: usize = 100_000;
    let h = Harness::start().await;
    let f = &h.fixtures;
    let serial = |i: usize| format!("X{i:09}");
    let (unknown,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM devices WHERE serial LIKE 'X%'")
        .fetch_one(h.server.state.db.pool())
        .await
        .unwrap();
    assert_eq!(unknown, 0, "no PC has these serial numbers");
    let holding = |p: &str| json!({ "kind": "holding", "id": p });
    let alpine = holding("PRT-ALPINE");
    let to_contoso = |i: usize| (serial(i), f.contoso.clone());
    let last = ROWS - 1;
    let submissions = [
        (
            "whose last row names another Customer ID",
            Sender::Admin,
            transfer(&alpine, ROWS, |i| {
                let customer = if i == last { &f.woodgrove } else { &f.contoso };
                (serial(i), customer.clone())
            }),
            refused_with(422),
        ),
        (
            "whose every row names another partner's customer",
            Sender::Admin,
            transfer(&alpine, ROWS, |i| (serial(i), f.woodgrove.clone())),
            refused_with(422),
        ),
        (
            "whose last serial number holds a NUL",
            Sender::Admin,
            transfer(&alpine, ROWS, |i| {
                let serial = if i == last {
                    "X\u{0}".into()
                } else {
                    serial(i)
                };
                (serial, f.contoso.clone())
            }),
            names(format!("rows[{last}].serial")),
        ),
        (
            "from another partner's Unassigned Devices",
            Sender::Admin,
            transfer(&holding("PRT-BRIGHT"), ROWS, to_contoso),
            refused_with(404),
        ),
        (
            "from another partner's customer",
            Sender::Admin,
            transfer(
                &json!({ "kind": "customer", "id": f.woodgrove }),
                ROWS,
                to_contoso,
            ),
            refused_with(404),
        ),
        (
            "by an IT Admin",
            Sender::ItAdmin,
            transfer(&alpine, ROWS, to_contoso),
            refused_with(403),
        ),
        (
            "of 200,001 rows",
            Sender::Admin,
            transfer(&alpine, 200_001, to_contoso),
            refused_with(400),
        ),
    ];
    let probes = submissions
        .into_iter()
        .map(|(what, sender, body, expect)| Probe {
            what: format!("a transfer {what}"),
            method: "POST",
            path: "/transfers".into(),
            sender: Some(sender),
            headers: vec![("Content-Type", "application/json".into())],
            body,
            expect,
        })
        .collect();
    report(all_refused(&h, probes, &[]).await);

    // 100,000 rows of PCs that are nowhere: the job runs whole, every row
    // fails, and no PC moves. (Its rows are counted, not read back whole.)
    let before = snapshot_without(&h.server, &["transfer_rows"]).await;
    let all_rows = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM transfer_rows")
            .fetch_one(h.server.state.db.pool())
            .await
            .unwrap();
        n
    };
    let rows_before = all_rows().await;
    let body = transfer(&alpine, ROWS, to_contoso);
    let answer = h
        .send_as(
            Sender::Admin,
            "POST",
            "/transfers",
            Some("application/json"),
            &body,
        )
        .await;
    assert_eq!(answer.status, 200, "{}", clip(&answer.text()));
    let job = answer.text();
    ran(&h, &job).await;
    let (failed,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM transfer_rows WHERE job_id = $1 AND state = 'Failed'")
            .bind(job.parse::<i64>().unwrap())
            .fetch_one(h.server.state.db.pool())
            .await
            .unwrap();
    assert_eq!(failed, ROWS as i64, "every row failed");
    assert_eq!(
        all_rows().await,
        rows_before + ROWS as i64,
        "the job's rows only"
    );
    let after = snapshot_without(&h.server, &["transfer_rows"]).await;
    let changed: Vec<String> = before
        .changes(&after)
        .iter()
        .map(|c| c.table.clone())
        .collect();
    assert_eq!(
        changed,
        ["transfer_jobs"],
        "no PC moved, nothing else changed"
    );
}

/// Path parameters as they go on the wire: encoded control characters and
/// marks, traversal, SQL, numbers that are no number, another tenant's.
fn hostile_segments() -> Vec<String> {
    let mut segments: Vec<String> = [
        "%00",
        "CUS-%00",
        "%0A",
        "%0D%0ASet-Cookie:%20x=1",
        "%E2%80%AE",
        "%E2%80%8F",
        "%1B",
        "..",
        ".",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%5C..%5Cwindows",
        "%27%20OR%20%271%27%3D%271",
        "%27%3B%20DROP%20TABLE%20devices%3B%20--",
        "-1",
        "18446744073709551616",
        "1e3",
        "0x10",
        "%FF%FE",
        "PRT-BRIGHT",
        "CUS-00000000",
        "%25%30%30",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    segments.push("A".repeat(5_000));
    segments
}

/// What a hostile path parameter gets: one that decodes to a text the
/// rule refuses is a 400 naming it; any other is refused somehow.
fn expected_for_segment(param: &str, segment: &str) -> Expect {
    let odd = ["%00", "%0A", "%0D", "%E2%80%AE", "%E2%80%8F", "%1B"];
    if odd.iter().any(|o| segment.contains(o)) || segment.len() > 1_000 {
        names(param.to_owned())
    } else {
        REFUSED
    }
}

/// Routes that act without a session.
const OPEN: [&str; 6] = [
    "POST /session",
    "DELETE /session",
    "GET /demo/accounts",
    "POST /demo/session",
    "GET /demo/config",
    "POST /demo/reset",
];

#[tokio::test]
async fn hostile_addresses_and_credentials_on_every_route_are_refused_and_change_nothing() {
    let h = Harness::start().await;
    let described = operations(&h.server).await;
    let mut probes = Vec::new();
    for plan in &plans() {
        let operation = described.iter().find(|o| o.route() == plan.route).unwrap();
        let template = plan.route.split_once(' ').unwrap().1;
        let json = plan
            .body
            .map(|_| ("Content-Type", "application/json".to_owned()));
        for param in &operation.params {
            for segment in hostile_segments() {
                probes.push(Probe {
                    what: format!("{} `{param}` = {}", plan.route, clip(&segment)),
                    method: plan.method(),
                    path: template.replace(&format!("{{{param}}}"), &segment),
                    sender: Some(plan.sender),
                    headers: json.clone().into_iter().collect(),
                    body: h
                        .valid_body(plan)
                        .map(|b| json_bytes(&b))
                        .unwrap_or_default(),
                    expect: expected_for_segment(param, &segment),
                });
            }
        }
        // Forged credentials are nobody's: only the open routes answer
        // (a malformed body, so that they change nothing).
        let long = format!("wxp_session={}", "A".repeat(4_096));
        for (name, value) in [
            ("Cookie", "wxp_session=' OR '1'='1"),
            ("Cookie", "wxp_session=../../etc/passwd"),
            ("Cookie", "wxp_session=%00"),
            ("Cookie", long.as_str()),
            ("Cookie", "wxp_session="),
            ("Authorization", "Bearer ' OR '1'='1"),
        ] {
            let mut headers = vec![(name, value.to_owned())];
            headers.extend(json.clone());
            probes.push(Probe {
                what: format!("{} with {name}: {}", plan.route, clip(value)),
                method: plan.method(),
                path: (plan.path)(&h.fixtures),
                sender: None,
                headers,
                body: if plan.body.is_some() {
                    b"{".to_vec()
                } else {
                    Vec::new()
                },
                expect: if OPEN.contains(&plan.route) {
                    Expect::Answered
                } else {
                    refused_with(401)
                },
            });
        }
    }
    report(all_refused(&h, probes, &[]).await);
}

/// A CSV cell, quoted.
fn cell(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[tokio::test]
async fn the_operators_report_refuses_odd_text_and_keeps_injection_strings_as_data() {
    let h = Harness::start().await;
    let ingest = plans()
        .into_iter()
        .find(|p| p.route == "POST /operator/ingest")
        .unwrap();
    let header = "Serial Number,Model,Product Number,Support Plan,Partner\n";
    let report_of = |cells: [&str; 5]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("{header}{}\n", cells.join(","))
    };
    let good = [
        "INJ0000000",
        "HP EliteBook 840 G10",
        "818N0EA",
        "Premium",
        "PRT-ALPINE",
    ];
    let csv = |what: String, body: Vec<u8>, expect: Expect| {
        let mut probe = Probe::json(&ingest, &h, what, body, expect);
        probe.headers = vec![("Content-Type", "text/csv".into())];
        probe
    };
    let mut probes = Vec::new();
    for column in 0..good.len() {
        for c in [
            '\u{0}', '\u{7}', '\t', '\u{1b}', '\u{85}', '\u{200f}', '\u{202e}', '\u{2066}',
        ] {
            let mut cells = good;
            let odd = format!("Ab{c}cd");
            cells[column] = &odd;
            let what = format!("column {column} holding U+{:04X}", c as u32);
            let expect = Expect::Refused {
                status: Some(400),
                names: None,
            };
            probes.push(csv(what, report_of(cells).into_bytes(), expect));
        }
    }
    probes.push(csv(
        "not UTF-8".into(),
        b"Serial Number\n\xff\xfe,\x80\n".to_vec(),
        refused_with(400),
    ));
    probes.push(csv("empty".into(), Vec::new(), refused_with(400)));
    for (name, value) in [
        ("Authorization", "Bearer wrong"),
        ("Cookie", "wxp_session=x"),
    ] {
        let mut probe = csv(
            format!("with {name}: {value}"),
            report_of(good).into_bytes(),
            refused_with(401),
        );
        probe.sender = None;
        probe.headers.push((name, value.into()));
        probes.push(probe);
    }
    let mut wrong = all_refused(&h, probes, &[]).await;

    // In a serial number or a partner, an injection string makes a bad
    // row; in a model's name or product number it is data: that PC is
    // added, with it byte for byte, and nothing else changes.
    let mut reports = Vec::new();
    for (i, injection) in INJECTIONS.iter().enumerate() {
        for column in [0, 1, 2, 4] {
            let serial = format!("INJ{i:03}{column:04}");
            let mut cells = good;
            cells[0] = &serial;
            cells[column] = injection;
            reports.push((serial.clone(), column, *injection, report_of(cells)));
        }
    }
    let before = h.snapshot().await;
    let answers = concurrently(
        reports
            .iter()
            .map(|(_, _, _, report)| h.send(&ingest, Some("text/csv"), report.as_bytes()))
            .collect(),
    )
    .await;
    let changed = before.changes(&h.snapshot().await);
    let added: Vec<&Vec<Option<String>>> = changed
        .iter()
        .filter(|c| c.table == "devices" && c.removed.is_empty())
        .flat_map(|c| &c.added)
        .collect();
    let data = reports
        .iter()
        .filter(|(_, column, _, _)| matches!(column, 1 | 2));
    if changed
        .iter()
        .any(|c| c.table != "devices" || !c.removed.is_empty())
        || added.len() != data.count()
    {
        wrong.push(format!("more changed than the PCs added: {changed:?}"));
    }
    for ((serial, column, injection, _), answer) in reports.iter().zip(&answers) {
        let what = format!("column {column} = {injection:?}");
        let taken: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        let row = added.iter().find(|r| r.contains(&Some(serial.clone())));
        let expected = if matches!(column, 1 | 2) { 1 } else { 0 };
        if answer.status != 200 || taken["added"] != expected {
            wrong.push(format!(
                "{what}: {} {}",
                answer.status,
                clip(&answer.text())
            ));
        } else if expected == 1 && !row.is_some_and(|r| r.contains(&Some(injection.to_string()))) {
            wrong.push(format!("{what}: not stored as sent: {row:?}"));
        }
    }
    let list = h
        .send_as(
            Sender::Admin,
            "GET",
            "/partners/PRT-ALPINE/unassigned-devices",
            None,
            b"",
        )
        .await
        .text();
    for injection in INJECTIONS {
        if !list.contains(&serde_json::to_string(injection).unwrap()) {
            wrong.push(format!("{injection:?} is not read back as sent"));
        }
    }
    report(wrong);
}

#[tokio::test]
async fn path_traversal_never_serves_a_file_outside_the_app() {
    let scratch = Scratch::new();
    let site = scratch.0.join("site");
    let app = site.join("app");
    std::fs::create_dir_all(app.join("assets")).unwrap();
    std::fs::create_dir_all(site.join("app-private")).unwrap();
    std::fs::write(
        app.join("index.html"),
        r#"<html><head><meta name="wxp-api-base" content=""></head><body>APP-INDEX</body></html>"#,
    )
    .unwrap();
    std::fs::write(app.join("assets/app.js"), "console.log('APP-ASSET');").unwrap();
    std::fs::write(site.join("secret.txt"), "TOP-SECRET-OUTSIDE").unwrap();
    std::fs::write(site.join("app-private/secret.txt"), "TOP-SECRET-SIBLING").unwrap();
    // Without an extension, a path the app would answer with its page.
    std::fs::write(site.join("SECRET"), "TOP-SECRET-NO-EXTENSION").unwrap();
    let server = TestServer::with(|c| c.app_dir = Some(app.clone())).await;
    let get = |target: String| {
        let base = server.base.clone();
        async move { raw_http::send(&base, "GET", &target, &[], b"").await }
    };
    // The app is served, so a refusal below is the server's choice.
    assert!(get("/".into()).await.text().contains("APP-INDEX"));
    assert!(get("/assets/app.js".into())
        .await
        .text()
        .contains("APP-ASSET"));

    let secret = site.join("secret.txt").display().to_string();
    let mut targets: Vec<String> = [
        "/../secret.txt",
        "/../../secret.txt",
        "/assets/../../secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/.%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/%252e%252e%252fsecret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/..%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/....//secret.txt",
        "/..;/secret.txt",
        "/../SECRET",
        "/..%2fSECRET",
        "/%2e%2e/SECRET",
        "/assets/%2e%2e%2f%2e%2e%2fSECRET",
        "/../app-private/secret.txt",
        "/..%2fapp-private%2fsecret.txt",
        "/%2e%2e%2fapp-private%2fsecret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/etc/passwd",
        "/../../../../../../etc/passwd",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/assets/app.js%00.html",
        "/%00",
        "/index.html/../../secret.txt",
        "/api/v1/../../secret.txt",
        "/api/v1/..%2f..%2fsecret.txt",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    targets.push(format!("/{secret}"));
    targets.push(format!("/{}", secret.replace('/', "%2F")));
    targets.push(format!("/..{secret}"));
    targets.push(format!("{}/../secret.txt", server.base));
    let mut wrong = Vec::new();
    for target in targets {
        let answer = get(target.clone()).await;
        let text = answer.text();
        if text.contains("TOP-SECRET") || text.contains("root:x:0:0") {
            wrong.push(format!("{target}: served a file outside the app"));
        } else if answer.status == 200 {
            if !text.contains("APP-INDEX") && !text.contains("APP-ASSET") {
                wrong.push(format!(
                    "{target}: 200 with something else: {}",
                    clip(&text)
                ));
            }
        } else if !(400..500).contains(&answer.status) {
            wrong.push(format!("{target}: {}", answer.status));
        }
    }
    report(wrong);
    server.stop().await;
}
