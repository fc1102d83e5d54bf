//! The LocalApi as a worker drives it: requests in, the server's answers
//! out. The server's own answers are compared step by step in
//! `wxp-server/tests/local_api.rs`.

use super::*;
use crate::api::ErrorBody;
use crate::api::ErrorReason;
use crate::engine::{JobId, JobState, Session};
use serde_json::{json, Value};
use std::cell::Cell;
use std::rc::Rc;

/// Now: 2026-11-22 09:00 UTC, in milliseconds.
const NOW_MS: i64 = 1_795_338_000_000;

/// An API over the default demo, with a clock the test moves.
fn api() -> (LocalApi, Rc<Cell<i64>>) {
    let now = Rc::new(Cell::new(NOW_MS));
    let clock = now.clone();
    let api = LocalApi::new(Engine::new(DemoConfig::default()), move || clock.get());
    (api, now)
}

fn call(api: &mut LocalApi, method: &str, path: &str, body: Value) -> LocalResponse {
    let body = if body.is_null() {
        Vec::new()
    } else {
        serde_json::to_vec(&body).unwrap()
    };
    api.handle(method, path, &body)
}

fn json_of(r: &LocalResponse) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|_| panic!("not JSON: {r:?}"))
}

fn error_of(r: &LocalResponse) -> ErrorBody {
    serde_json::from_str(&r.body).unwrap_or_else(|_| panic!("not an error body: {r:?}"))
}

fn signed_in(user: &str) -> (LocalApi, Rc<Cell<i64>>) {
    let (mut api, now) = api();
    let r = call(&mut api, "POST", "/demo/session", json!({ "user": user }));
    assert_eq!(r.status, 200, "{r:?}");
    (api, now)
}

#[test]
fn signed_out_every_route_but_the_open_ones_is_a_json_401() {
    let (mut api, _) = api();
    let open = [
        "DELETE /session",
        "GET /demo/accounts",
        "POST /demo/session",
        "GET /demo/config",
        "POST /demo/reset",
    ];
    for route in LocalApi::routes() {
        if open.contains(&route.as_str()) {
            continue;
        }
        let (method, pattern) = route.split_once(' ').unwrap();
        let path = pattern
            .replace("{id}", "1")
            .replace("{partner}", "PRT-ALPINE");
        let r = api.handle(method, &path, b"{}");
        assert_eq!(r.status, 401, "{route}: {r:?}");
        assert_eq!(error_of(&r).reason, ErrorReason::SignedOut, "{route}");
        assert!(r.changed.is_empty());
    }
}

#[test]
fn signing_in_and_out_is_the_one_identity_of_every_tab() {
    let (mut api, _) = api();
    let r = call(
        &mut api,
        "POST",
        "/demo/session",
        json!({ "user": "u-alpine-admin" }),
    );
    assert_eq!(r.status, 200);
    assert!(r.session_changed);
    let session: Session = serde_json::from_str(&r.body).unwrap();
    assert_eq!(session.user.id.0, "u-alpine-admin");
    let r = call(&mut api, "GET", "/session", Value::Null);
    assert_eq!(r.status, 200);
    assert!(!r.session_changed);
    assert_eq!(api.signed_in().unwrap().0, "u-alpine-admin");

    let nobody = call(
        &mut api,
        "POST",
        "/demo/session",
        json!({ "user": "u-ghost" }),
    );
    assert_eq!(nobody.status, 401);
    assert_eq!(error_of(&nobody).reason, ErrorReason::WrongCredentials);
    assert!(
        !nobody.session_changed,
        "a refused sign-in keeps who was in"
    );

    let out = call(&mut api, "DELETE", "/session", Value::Null);
    assert_eq!((out.status, out.body.as_str()), (204, ""));
    assert!(out.session_changed);
    let r = call(&mut api, "GET", "/session", Value::Null);
    assert_eq!(r.status, 401);
    // Signing out when nobody is in is still a 204.
    assert_eq!(
        call(&mut api, "DELETE", "/session", Value::Null).status,
        204
    );
}

#[test]
fn a_url_to_nothing_is_a_json_404_and_another_method_a_405() {
    let (mut api, _) = signed_in("u-alpine-admin");
    let r = call(&mut api, "GET", "/nothing/here", Value::Null);
    assert_eq!(r.status, 404);
    assert_eq!(
        error_of(&r),
        ErrorBody::no_such_route("/api/v1/nothing/here")
    );
    let r = call(&mut api, "GET", "/customers?page=2", Value::Null);
    assert_eq!(r.status, 200, "a query string is ignored");
    let r = call(&mut api, "DELETE", "/customers", Value::Null);
    assert_eq!(r.status, 405);
    assert_eq!(
        error_of(&r),
        ErrorBody::method_not_allowed("DELETE", "/api/v1/customers")
    );
    let r = call(&mut api, "HEAD", "/customers", Value::Null);
    assert_eq!((r.status, r.body.as_str()), (200, ""));
}

#[test]
fn the_servers_only_routes_are_404_saying_why() {
    let (mut api, _) = signed_in("u-alpine-admin");
    for (method, path) in [
        ("POST", "/session"),
        ("GET", "/events"),
        ("POST", "/operator/ingest"),
    ] {
        let r = api.handle(
            method,
            path,
            br#"{"email": "a@b.example", "password": "x"}"#,
        );
        assert_eq!(r.status, 404, "{method} {path}");
        let body = error_of(&r);
        assert_eq!(body.reason, ErrorReason::NotFound);
        assert!(body.message.contains("in-browser backend"), "{body:?}");
    }
    let served = LocalApi::routes();
    for (route, _) in LocalApi::server_only_routes() {
        assert!(!served.contains(&route));
    }
}

#[test]
fn bad_input_is_refused_as_the_server_refuses_it_and_changes_nothing() {
    let (mut api, _) = signed_in("u-alpine-admin");
    let before = api.export();
    let revision = api.revision();
    let cases: [(&[u8], u16); 5] = [
        (b"{\"name\": \"A", 400),
        (b"not json", 400),
        (
            br#"{"name": 7, "country": "IT", "admin_email": "a@b.example"}"#,
            422,
        ),
        (
            br#"{"name": "A", "country": "IT", "admin_email": "a@b.example", "partner": "P"}"#,
            422,
        ),
        (
            b"{\"name\": \"A\\u0000\", \"country\": \"IT\", \"admin_email\": \"a@b.example\"}",
            400,
        ),
    ];
    for (body, status) in cases {
        let r = api.handle("POST", "/customers", body);
        assert_eq!(r.status, status, "{r:?}");
        assert_eq!(error_of(&r).reason, ErrorReason::BadRequest);
        assert!(r.changed.is_empty());
    }
    let r = call(&mut api, "GET", "/transfers/abc", Value::Null);
    assert_eq!(r.status, 400);
    assert_eq!(
        error_of(&r).message,
        "the address is wrong: Invalid URL: Cannot parse `abc` to a `u64`"
    );
    let r = call(&mut api, "GET", "/customers/CUS-%00", Value::Null);
    assert_eq!(r.status, 400);
    assert_eq!(api.export(), before);
    assert_eq!(api.revision(), revision);
}

#[test]
fn another_tenants_customer_is_not_found_whether_it_exists_or_not() {
    let (mut api, _) = signed_in("u-alpine-admin");
    let woodgrove = api
        .engine()
        .customers(&UserId("u-bright-admin".into()))
        .unwrap()
        .into_iter()
        .find(|c| c.customer.name == "Woodgrove Bank")
        .unwrap()
        .customer
        .id;
    let exists = call(
        &mut api,
        "GET",
        &format!("/customers/{woodgrove}"),
        Value::Null,
    );
    let missing = call(&mut api, "GET", "/customers/cus-00000000", Value::Null);
    assert_eq!((exists.status, missing.status), (404, 404));
    assert_eq!(
        error_of(&missing).message,
        "there is no customer CUS-00000000 in your account"
    );
    let it = call(&mut api, "GET", "/customers/nonsense/devices", Value::Null);
    assert_eq!(it.status, 404);
}

#[test]
fn writes_tell_what_changed_to_the_signed_in_account() {
    let (mut api, _) = signed_in("u-alpine-admin");
    let created = call(
        &mut api,
        "POST",
        "/customers",
        json!({ "name": "Lakeshore Retail", "country": "Italy", "admin_email": "it@lakeshore.example" }),
    );
    assert_eq!(created.status, 200, "{created:?}");
    assert_eq!(created.changed, [Topic::Customers]);
    let id: String = serde_json::from_str(&created.body).unwrap();
    let r = call(
        &mut api,
        "PUT",
        &format!("/customers/{id}/settings/insights-collection"),
        json!({ "enabled": true }),
    );
    assert_eq!((r.status, r.body.as_str()), (204, ""));
    assert_eq!(r.changed, [Topic::Customers, Topic::Devices]);
    let refused = call(
        &mut api,
        "PUT",
        &format!("/customers/{id}/settings/self-service-alerts"),
        json!({ "enabled": false }),
    );
    assert_eq!(refused.status, 422);
    assert!(refused.changed.is_empty());
    let case = call(
        &mut api,
        "POST",
        "/support-cases",
        json!({ "subject": "Missing PCs", "description": "", "serials": [] }),
    );
    assert_eq!((case.status, json_of(&case)), (200, json!(1)));
    assert_eq!(case.changed, [Topic::Cases]);
    // Reads change nothing.
    assert!(call(&mut api, "GET", "/customers", Value::Null)
        .changed
        .is_empty());
}

#[test]
fn transfers_run_when_due_and_a_repeat_answers_the_first_job() {
    let (mut api, now) = signed_in("u-alpine-admin");
    let e = api.engine();
    let alpine = UserId("u-alpine-admin".into());
    let target = e
        .customers(&alpine)
        .unwrap()
        .into_iter()
        .find(|c| c.customer.name == "Fabrikam Inc")
        .unwrap()
        .customer
        .id;
    let holding = crate::TenantId::Holding(crate::PartnerId("PRT-ALPINE".into()));
    let serial = e.devices(&alpine, &holding).unwrap()[0].serial.to_string();
    let request = json!({
        "key": "k1",
        "source": { "kind": "holding", "id": "PRT-ALPINE" },
        "rows": [{ "serial": serial, "customer": target.0 }],
    });
    let r = call(&mut api, "POST", "/transfers", request.clone());
    assert_eq!((r.status, json_of(&r)), (200, json!(1)), "{r:?}");
    assert_eq!(r.changed, [Topic::Transfers]);
    let again = call(&mut api, "POST", "/transfers", request);
    assert_eq!(json_of(&again), json!(1));
    assert!(again.changed.is_empty(), "a repeat changes nothing");

    assert_eq!(api.next_job_due(), Some(NOW_MS / 1000 * 1000));
    let submitted = api.revision();
    api.set_signed_in(None);
    assert!(api.run_due_jobs().is_empty(), "nobody signed in hears");
    assert_eq!(api.revision(), submitted + 1, "yet the job moved");
    api.set_signed_in(Some(alpine.clone()));
    assert_eq!(api.job_state(JobId(1)), Some(JobState::Running));
    assert_eq!(api.next_job_due(), Some(NOW_MS + 300));
    assert!(api.run_due_jobs().is_empty(), "not due yet");
    now.set(NOW_MS + 300);
    assert_eq!(
        api.run_due_jobs(),
        [
            Topic::Transfers,
            Topic::Devices,
            Topic::Customers,
            Topic::Notifications
        ]
    );
    assert_eq!(api.job_state(JobId(1)), Some(JobState::Completed));
    assert_eq!(api.next_job_due(), None);
    let job = call(&mut api, "GET", "/transfers/1", Value::Null);
    assert_eq!(json_of(&job)["state"], "Completed");
    let read = call(&mut api, "POST", "/notifications/1/read", Value::Null);
    assert_eq!(
        (read.status, read.changed.clone()),
        (204, vec![Topic::Notifications])
    );
    let theirs = call(&mut api, "GET", "/transfers/2", Value::Null);
    assert_eq!(theirs.status, 404);
}

#[test]
fn only_the_changes_of_the_accounts_organisation_are_heard() {
    let (mut api, _) = signed_in("u-bright-admin");
    api.set_signed_in(Some(UserId("u-alpine-admin".into())));
    let r = call(
        &mut api,
        "POST",
        "/customers",
        json!({ "name": "Lakeshore Retail", "country": "Italy", "admin_email": "it@lakeshore.example" }),
    );
    assert_eq!(r.changed, [Topic::Customers]);
    // The same change, heard by another partner's admin: nothing.
    let mut changes = Changes::default();
    changes.tell(
        Topic::Customers,
        changes::Audience::Partner(crate::PartnerId("PRT-ALPINE".into()), None),
    );
    api.set_signed_in(Some(UserId("u-bright-admin".into())));
    assert!(api.heard(&changes).is_empty());
}

#[test]
fn the_demo_routes_always_work_and_a_reset_signs_out() {
    let (mut api, _) = signed_in("u-alpine-admin");
    let accounts = call(&mut api, "GET", "/demo/accounts", Value::Null);
    assert!(json_of(&accounts).as_array().unwrap().len() >= 5);
    let config = call(&mut api, "GET", "/demo/config", Value::Null);
    assert_eq!(
        json_of(&config),
        json!({ "seed": 2026, "size": "Standard" })
    );
    let bad = call(&mut api, "POST", "/demo/reset", json!({ "seed": 1 }));
    assert_eq!(bad.status, 422);
    let reset = call(
        &mut api,
        "POST",
        "/demo/reset",
        json!({ "seed": 7, "size": "Standard" }),
    );
    assert_eq!(reset.status, 204);
    assert!(reset.session_changed);
    assert_eq!(reset.changed, Topic::ALL);
    let after_reset = api.revision();
    let again = call(
        &mut api,
        "POST",
        "/demo/reset",
        json!({ "seed": 7, "size": "Standard" }),
    );
    assert_eq!(again.status, 204);
    assert_eq!(api.revision(), after_reset + 1, "a reset is a change");
    assert_eq!(api.signed_in(), None);
    assert_eq!(api.engine().config().seed, 7);
}

#[test]
fn the_state_exports_and_imports_in_the_stores_form() {
    let (mut api, _) = signed_in("u-alpine-admin");
    call(
        &mut api,
        "POST",
        "/support-cases",
        json!({ "subject": "Missing PCs", "description": "", "serials": [] }),
    );
    let stored = api.export();
    assert!(crate::store::restore(&stored).is_ok());
    let (mut other, _) = api_with(&stored);
    other.set_signed_in(api.signed_in().cloned());
    let cases = call(&mut other, "GET", "/support-cases", Value::Null);
    assert_eq!(json_of(&cases).as_array().unwrap().len(), 1);

    let fresh = LocalApi::new(Engine::new(DemoConfig::default()), || 0).export();
    assert_eq!(api.import(&fresh).unwrap(), Topic::ALL);
    let cases = call(&mut api, "GET", "/support-cases", Value::Null);
    assert_eq!(json_of(&cases), json!([]));
    assert!(api.import("not json").is_err());

    let (_, error) = LocalApi::open(Some(r#"{"schema": 0}"#), || 0);
    assert!(matches!(
        error,
        Some(RestoreError::OtherVersion { found: 0 })
    ));
    let (_, error) = LocalApi::open(None, || 0);
    assert!(error.is_none());
}

fn api_with(stored: &str) -> (LocalApi, Option<RestoreError>) {
    LocalApi::open(Some(stored), || NOW_MS)
}

#[test]
fn limits_are_the_servers() {
    let (mut api, _) = signed_in("u-alpine-admin");
    let serials = vec!["5CG1234ABC"; crate::api::MAX_ITEMS + 1];
    let r = call(&mut api, "POST", "/devices/locate", json!(serials));
    assert_eq!(r.status, 400);
    assert_eq!(
        error_of(&r).message,
        format!(
            "at most {} serial numbers at once, not {}",
            crate::api::MAX_ITEMS,
            crate::api::MAX_ITEMS + 1
        )
    );
}
