//! The server's API against a real server on 127.0.0.1, each test with a
//! fresh SQLite database.

mod common;

use common::*;
use reqwest::header::{CONTENT_TYPE, SET_COOKIE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wxp_server::cli::NewAdmin;

const ALPINE: &str = "u-alpine-admin";
const BRIGHT: &str = "u-bright-admin";
const CONTOSO_IT: &str = "u-contoso-it";

async fn customer_id(server: &TestServer, user: &str, name: &str) -> String {
    let c = demo_client(&server.base, user).await;
    let (_, list) = get(&c, server.url("/api/v1/customers")).await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["customer"]["name"] == name)
        .unwrap_or_else(|| panic!("{user} sees no {name}"))["customer"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn create_admin(server: &TestServer, email: &str, password: &str) {
    let hash = wxp_server::auth::password::hash(password.to_owned())
        .await
        .unwrap();
    let admin = NewAdmin {
        database_url: String::new(),
        email: email.to_owned(),
        name: "Ada Admin".to_owned(),
        partner: "PRT-ALPINE".to_owned(),
        partner_name: None,
        partner_kind: None,
    };
    wxp_server::store::create_admin(&server.state.db, &admin, &hash)
        .await
        .unwrap();
}

#[tokio::test]
async fn password_sign_in_sets_a_strict_http_only_cookie_and_sign_out_ends_the_session() {
    let server = TestServer::start().await;
    create_admin(&server, "ada@alpine-it.example", "correct horse battery").await;
    let c = client();

    let (status, body) = post(
        &c,
        server.url("/api/v1/session"),
        json!({ "email": "ada@alpine-it.example", "password": "wrong" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["reason"]["kind"], "wrong_credentials");

    let r = c
        .post(server.url("/api/v1/session"))
        .json(&json!({ "email": " ADA@alpine-it.example", "password": "correct horse battery" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = r.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("wxp_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let token = cookie.split(';').next().unwrap().to_owned();

    let (status, session) = get(&c, server.url("/api/v1/session")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(session["user"]["email"], "ada@alpine-it.example");

    // An account with a password is no demo account: not listed, no one-click sign-in.
    let ada = session["user"]["id"].clone();
    let (_, accounts) = get(&client(), server.url("/api/v1/demo/accounts")).await;
    assert!(accounts
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["user"]["id"] != ada));
    let (status, _) = post(
        &client(),
        server.url("/api/v1/demo/session"),
        json!({ "user": ada }),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(session["scope"]["Partner"]["id"], "PRT-ALPINE");

    let (status, _) = answer(
        c.delete(server.url("/api/v1/session"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // The old cookie, replayed by someone who kept it, opens nothing.
    let replay = reqwest::Client::new()
        .get(server.url("/api/v1/session"))
        .header("cookie", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn cookies_are_secure_when_the_portal_is_public_over_https() {
    let server = TestServer::with(|c| c.secure_cookies = true).await;
    let r = client()
        .post(server.url("/api/v1/demo/session"))
        .json(&json!({ "user": ALPINE }))
        .send()
        .await
        .unwrap();
    let cookie = r.headers()[SET_COOKIE].to_str().unwrap();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
}

#[tokio::test]
async fn repeated_failed_sign_ins_are_slowed_down() {
    let server = TestServer::start().await;
    create_admin(&server, "ada@alpine-it.example", "correct horse battery").await;
    let c = client();
    let attempt = || {
        post(
            &c,
            server.url("/api/v1/session"),
            json!({ "email": "ada@alpine-it.example", "password": "guess" }),
        )
    };
    for _ in 0..3 {
        assert_eq!(attempt().await.0, StatusCode::UNAUTHORIZED);
    }
    let (status, body) = attempt().await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(body["reason"]["detail"]["retry_after"].as_u64().unwrap() >= 1);
    // Even the right password waits its turn.
    let (status, _) = post(
        &c,
        server.url("/api/v1/session"),
        json!({ "email": "ada@alpine-it.example", "password": "correct horse battery" }),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn identity_comes_from_the_session_never_from_the_request() {
    let server = TestServer::start().await;
    let anonymous = reqwest::Client::new();
    for forged in [
        anonymous
            .get(server.url("/api/v1/customers"))
            .header("X-WXP-User", ALPINE),
        anonymous.get(server.url("/api/v1/customers?user=u-alpine-admin")),
        anonymous
            .get(server.url("/api/v1/customers"))
            .header("cookie", "wxp_session=u-alpine-admin"),
    ] {
        let (status, body) = answer(forged.send().await.unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["reason"]["kind"], "signed_out");
    }
    let contoso = demo_client(&server.base, CONTOSO_IT).await;
    let (_, list) = answer(
        contoso
            .get(server.url("/api/v1/customers"))
            .header("X-WXP-User", ALPINE)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["customer"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Contoso Ltd"]);
}

#[tokio::test]
async fn another_tenants_data_is_not_found_whether_it_exists_or_not() {
    let server = TestServer::start().await;
    let woodgrove = customer_id(&server, BRIGHT, "Woodgrove Bank").await;
    let alpine = demo_client(&server.base, ALPINE).await;
    let (status, exists) = get(
        &alpine,
        server.url(&format!("/api/v1/customers/{woodgrove}")),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, missing) = get(&alpine, server.url("/api/v1/customers/CUS-00000000")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(exists["reason"]["kind"], missing["reason"]["kind"]);
    assert_eq!(
        exists["message"].as_str().unwrap().replace(&woodgrove, "X"),
        missing["message"]
            .as_str()
            .unwrap()
            .replace("CUS-00000000", "X")
    );
    for path in [
        format!("/api/v1/customers/{woodgrove}/devices"),
        format!("/api/v1/customers/{woodgrove}/settings/insights-collection"),
    ] {
        let (status, _) = get(&alpine, server.url(&path)).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::METHOD_NOT_ALLOWED,
            "{path}: {status}"
        );
    }
    let (status, _) = put(
        &alpine,
        server.url(&format!(
            "/api/v1/customers/{woodgrove}/settings/insights-collection"
        )),
        json!({ "enabled": true }),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = post(
        &alpine,
        server.url(&format!("/api/v1/customers/{woodgrove}/enrolments")),
        json!({ "cpin": "x", "serials": [] }),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn partner_only_routes_refuse_an_it_admin_and_another_partner() {
    let server = TestServer::start().await;
    let it = demo_client(&server.base, CONTOSO_IT).await;
    for path in [
        "/api/v1/portfolio",
        "/api/v1/transfers",
        "/api/v1/repair-requests",
        "/api/v1/partners/PRT-ALPINE/unassigned-devices",
    ] {
        let (status, body) = get(&it, server.url(path)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(body["reason"]["detail"], "PartnersOnly", "{path}");
    }
    let (status, _) = post(
        &it,
        server.url("/api/v1/customers"),
        json!({ "name": "Evil", "country": "X", "admin_email": "e@evil.example" }),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Another partner's Unassigned Devices: not found, whether it exists or not.
    let bright = demo_client(&server.base, BRIGHT).await;
    let unassigned = |partner: &str| format!("/api/v1/partners/{partner}/unassigned-devices");
    let (status, exists) = get(&bright, server.url(&unassigned("PRT-ALPINE"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, missing) = get(&bright, server.url(&unassigned("PRT-NOBODY"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(exists["message"], missing["message"]);
    let cobalt = demo_client(&server.base, "u-cobalt-admin").await;
    let (status, body) = get(
        &cobalt,
        server.url("/api/v1/partners/PRT-COBALT/unassigned-devices"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["reason"]["detail"]["SetupIncomplete"], "PRT-COBALT");
}

#[tokio::test]
async fn every_route_refuses_a_signed_out_caller_with_a_json_401() {
    let server = TestServer::start().await;
    let anonymous = reqwest::Client::new();
    let description = wxp_server::routes::openapi();
    let open = [
        "/session",
        "/demo/accounts",
        "/demo/session",
        "/demo/config",
        "/demo/reset",
    ];
    for (path, item) in &description.paths.paths {
        let concrete = path.replace("{id}", "1").replace("{partner}", "PRT-ALPINE");
        let methods = [
            (item.get.is_some(), reqwest::Method::GET),
            (item.post.is_some(), reqwest::Method::POST),
            (item.put.is_some(), reqwest::Method::PUT),
            (item.delete.is_some(), reqwest::Method::DELETE),
        ];
        for (_, method) in methods.into_iter().filter(|(has, _)| *has) {
            if open.contains(&path.as_str()) {
                continue;
            }
            let r = anonymous
                .request(method.clone(), server.url(&format!("/api/v1{concrete}")))
                .header(CONTENT_TYPE, "application/json")
                .body("{}")
                .send()
                .await
                .unwrap();
            let (status, body) = answer(r).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}: {body}");
            assert!(body["message"].is_string(), "{method} {path}");
        }
    }
}

#[tokio::test]
async fn bad_input_gets_a_json_4xx_that_says_what_is_wrong_and_changes_nothing() {
    let server = TestServer::start().await;
    let alpine = demo_client(&server.base, ALPINE).await;
    let before = get(&alpine, server.url("/api/v1/portfolio")).await.1;
    let url = server.url("/api/v1/customers");
    let send = |body: &'static str, content_type: &'static str| {
        alpine
            .post(url.clone())
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
    };
    let cases = [
        (send("{\"name\": \"A", "application/json").await.unwrap(), StatusCode::BAD_REQUEST),
        (send("not json", "application/json").await.unwrap(), StatusCode::BAD_REQUEST),
        (
            send(r#"{"name": 7, "country": "IT", "admin_email": "a@b.example"}"#, "application/json").await.unwrap(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            send(r#"{"name": "A", "country": "IT", "admin_email": "a@b.example", "partner": "PRT-BRIGHT"}"#, "application/json").await.unwrap(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            send(r#"{"name": "A", "country": "IT", "admin_email": "a@b.example"}"#, "text/plain").await.unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
    ];
    for (response, expected) in cases {
        let (status, body) = answer(response).await;
        assert_eq!(status, expected, "{body}");
        assert_eq!(body["reason"]["kind"], "bad_request");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
    let (_, unknown_field) = answer(
        send(r#"{"name": "A", "country": "IT", "admin_email": "a@b.example", "partner": "PRT-BRIGHT"}"#, "application/json")
            .await
            .unwrap(),
    )
    .await;
    assert!(
        unknown_field["message"]
            .as_str()
            .unwrap()
            .contains("partner"),
        "{unknown_field}"
    );

    let huge = format!("[{}\"X\"]", "\"5CG1234ABC\",".repeat(3_000_000));
    let (status, body) = answer(
        alpine
            .post(server.url("/api/v1/devices/locate"))
            .header(CONTENT_TYPE, "application/json")
            .body(huge)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");

    let (status, body) = get(&alpine, server.url("/api/v1/transfers/abc")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = get(&alpine, server.url("/api/v1/nothing/here")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["reason"]["kind"], "not_found");
    let (status, _) = post(
        &alpine,
        server.url("/api/v1/customers"),
        json!({ "name": "'; DROP TABLE customers; --", "country": "Italy; --", "admin_email": "x@y.example" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "odd text is data, not SQL");

    let after = get(&alpine, server.url("/api/v1/portfolio")).await.1;
    assert_eq!(
        after["customers"].as_array().unwrap().len(),
        before["customers"].as_array().unwrap().len() + 1,
        "only the well-formed request created a customer"
    );
    assert!(after["customers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["customer"]["name"] == "'; DROP TABLE customers; --"));
}

#[tokio::test]
async fn a_transfer_runs_in_the_server_and_a_repeated_submission_is_the_same_job() {
    let server = TestServer::start().await;
    let alpine = demo_client(&server.base, ALPINE).await;
    let target = customer_id(&server, ALPINE, "Contoso Ltd").await;
    let (_, unassigned) = get(
        &alpine,
        server.url("/api/v1/partners/PRT-ALPINE/unassigned-devices"),
    )
    .await;
    let serials: Vec<String> = unassigned.as_array().unwrap()[..5]
        .iter()
        .map(|d| d["serial"].as_str().unwrap().to_owned())
        .collect();
    let mut rows: Vec<Value> = serials
        .iter()
        .map(|s| json!({ "serial": s, "customer": target }))
        .collect();
    rows.push(json!({ "serial": "ZZZZZZZZZZ", "customer": target }));
    let request =
        json!({ "key": "once", "source": { "kind": "holding", "id": "PRT-ALPINE" }, "rows": rows });
    let (status, job) = post(&alpine, server.url("/api/v1/transfers"), request.clone()).await;
    assert_eq!(status, StatusCode::OK, "{job}");
    let (_, again) = post(&alpine, server.url("/api/v1/transfers"), request).await;
    assert_eq!(job, again);

    let url = server.url(&format!("/api/v1/transfers/{job}"));
    eventually("the job to complete", || async {
        get(&alpine, url.clone()).await.1["state"] == "Completed"
    })
    .await;
    let (_, done) = get(&alpine, url).await;
    let descriptions: Vec<&str> = done["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["description"].as_str().unwrap())
        .collect();
    assert_eq!(&descriptions[..5], ["Asset successfully created"; 5]);
    assert_eq!(descriptions[5], "Device not found");
    // The lists carry each job's counts, not its rows.
    let (_, notifications) = get(&alpine, server.url("/api/v1/notifications")).await;
    let (_, transfers) = get(&alpine, server.url("/api/v1/transfers")).await;
    assert_eq!(transfers.as_array().unwrap().len(), 1);
    for listed in [&notifications[0], &transfers[0]] {
        assert_eq!(listed["id"], job);
        assert_eq!(
            (&listed["rows"], &listed["succeeded"], &listed["failed"]),
            (&json!(6), &json!(5), &json!(1)),
            "{listed}"
        );
        assert!(listed.get("results").is_none(), "{listed}");
    }
    let (_, after) = get(
        &alpine,
        server.url("/api/v1/partners/PRT-ALPINE/unassigned-devices"),
    )
    .await;
    assert_eq!(
        after.as_array().unwrap().len(),
        unassigned.as_array().unwrap().len() - 5
    );
}

#[tokio::test]
async fn demo_operations_exist_only_in_demo_mode() {
    let server = TestServer::with(|c| c.demo = false).await;
    for path in ["/api/v1/demo/accounts", "/api/v1/demo/config"] {
        let (status, body) = get(&client(), server.url(path)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body["reason"]["kind"], "not_found");
    }
    let (status, _) = post(
        &client(),
        server.url("/api/v1/demo/session"),
        json!({ "user": ALPINE }),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = post(
        &client(),
        server.url("/api/v1/demo/reset"),
        json!({ "seed": 1, "size": "Standard" }),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_operator_ingests_resold_pcs_once_and_reports_bad_rows_by_line() {
    let server = TestServer::with(|c| c.operator_token = Some("s3cret-operator".into())).await;
    let report = "Serial Number,Model,Product Number,Support Plan,Partner\n\
                  9ZZ0000001,HP EliteBook 840 G10,818N0EA,Premium+,PRT-ALPINE\n\
                  not-a-serial,HP EliteBook 840 G10,818N0EA,Premium,PRT-ALPINE\n\
                  9ZZ0000002,HP ProBook 450 G10,725P9EA,Premium,PRT-BRIGHT\n\
                  9ZZ0000003,HP ProBook 450 G10,725P9EA,Premium,PRT-COBALT\n";
    let ingest = |token: &'static str| {
        reqwest::Client::new()
            .post(server.url("/api/v1/operator/ingest"))
            .bearer_auth(token)
            .header(CONTENT_TYPE, "text/csv")
            .body(report)
            .send()
    };
    let (status, _) = answer(ingest("guess").await.unwrap()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, first) = answer(ingest("s3cret-operator").await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["added"], 2);
    let lines: Vec<u64> = first["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3, 5], "bad serial; Cobalt has no holding tenant");
    let (_, second) = answer(ingest("s3cret-operator").await.unwrap()).await;
    assert_eq!(
        (second["added"].clone(), second["already_known"].clone()),
        (json!(0), json!(2))
    );

    let alpine = demo_client(&server.base, ALPINE).await;
    let (_, unassigned) = get(
        &alpine,
        server.url("/api/v1/partners/PRT-ALPINE/unassigned-devices"),
    )
    .await;
    let found = unassigned
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["serial"] == "9ZZ0000001")
        .count();
    assert_eq!(found, 1);
}

#[tokio::test]
async fn the_openapi_description_lists_every_route() {
    let server = TestServer::start().await;
    let (status, served) = get(&client(), server.url("/api/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(served["openapi"].as_str().unwrap().starts_with("3."));
    let mut routes: Vec<String> = Vec::new();
    for (path, item) in served["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            routes.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    routes.sort();
    let listed = routes.join("\n") + "\n";
    let snapshot = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/routes.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(snapshot, &listed).unwrap();
    }
    let expected = std::fs::read_to_string(snapshot).expect("tests/snapshots/routes.txt");
    assert_eq!(
        listed, expected,
        "the API's routes changed: check them, then UPDATE_SNAPSHOTS=1 cargo test -p wxp-server"
    );
}

#[tokio::test]
async fn live_updates_reach_the_users_organisation_only_and_end_when_the_server_stops() {
    let server = TestServer::start().await;
    let alpine = demo_client(&server.base, ALPINE).await;
    let bright = demo_client(&server.base, BRIGHT).await;
    let mut alpine_events = alpine
        .get(server.url("/api/v1/events"))
        .send()
        .await
        .unwrap();
    let mut bright_events = bright
        .get(server.url("/api/v1/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        alpine_events.headers()[CONTENT_TYPE].to_str().unwrap(),
        "text/event-stream"
    );
    let (status, _) = post(
        &alpine,
        server.url("/api/v1/customers"),
        json!({ "name": "Lakeshore Retail", "country": "Italy", "admin_email": "it@lakeshore.example" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let short = std::time::Duration::from_millis(500);
    assert!(heard(&mut alpine_events, short)
        .await
        .contains("data: \"customers\""));
    assert!(!heard(&mut bright_events, short).await.contains("data:"));

    // Signing out ends the stream: nothing more reaches a signed-out tab.
    let (status, _) = answer(
        alpine
            .delete(server.url("/api/v1/session"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    post(
        &demo_client(&server.base, ALPINE).await,
        server.url("/api/v1/customers"),
        json!({ "name": "Harbour Freight", "country": "Italy", "admin_email": "it@harbour.example" }),
    )
    .await;
    let after_sign_out = tokio::time::timeout(std::time::Duration::from_secs(2), async {
        let mut text = String::new();
        while let Ok(Some(chunk)) = alpine_events.chunk().await {
            text.push_str(&String::from_utf8_lossy(&chunk));
        }
        text
    })
    .await
    .expect("the stream ends after sign-out");
    assert!(!after_sign_out.contains("data:"), "{after_sign_out}");

    // Open streams do not keep a stopping server waiting.
    tokio::time::timeout(std::time::Duration::from_secs(5), server.stop())
        .await
        .expect("the server stops with event streams open");
}
