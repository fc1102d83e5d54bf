//! Many clients submit overlapping transfers at once: the same PCs to
//! different customers, A → B while B → A, the same submission twice. On
//! PostgreSQL two server processes share the database and the clients are
//! spread over both; on SQLite one process serves them all.
//!
//! Afterwards, read straight from the database: every PC is in exactly one
//! tenant and none is lost or added; the per-tenant counts add up to the
//! total before the run; no PC moved twice within one job; every PC's
//! successful moves form one path from where it was to where it is (each
//! Success row matches where its PC is now, or where a later job moved it);
//! and a submission repeated under one key is one job, whichever process
//! heard it.

mod common;

use common::*;
use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::{json, Value};
use sqlx::AnyPool;
use std::collections::{BTreeMap, BTreeSet};

type Tenant = (String, String);

async fn pool(url: &str) -> AnyPool {
    sqlx::any::install_default_drivers();
    AnyPool::connect(url)
        .await
        .expect("the test reads the database")
}

async fn tenants(db: &AnyPool) -> BTreeMap<String, Tenant> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT serial, tenant_kind, tenant_id FROM devices")
            .fetch_all(db)
            .await
            .unwrap();
    rows.into_iter().map(|(s, k, t)| (s, (k, t))).collect()
}

/// Whether the moves (source, target) of one PC, in some order, lead from
/// `at` to `end`, each move starting where the previous one ended.
fn one_path(at: &Tenant, end: &Tenant, moves: &mut Vec<(Tenant, Tenant)>) -> bool {
    if moves.is_empty() {
        return at == end;
    }
    for i in 0..moves.len() {
        if &moves[i].0 == at {
            let taken = moves.remove(i);
            let found = one_path(&taken.1, end, moves);
            moves.insert(i, taken);
            if found {
                return true;
            }
        }
    }
    false
}

#[tokio::test]
async fn overlapping_transfers_from_many_clients_lose_duplicate_and_half_move_nothing() {
    let scratch = Scratch::new();
    let url = scratch.database_url();
    let processes = if postgres().is_some() { 2 } else { 1 };
    let servers: Vec<ServerProcess> = (0..processes)
        .map(|_| ServerProcess::start(&url, &[("WXP_TRANSFER_DELAY_MS", "0")]))
        .collect();
    let mut clients = Vec::new();
    for i in 0..12 {
        let base = servers[i % processes].base.clone();
        clients.push((demo_client(&base, "u-alpine-admin").await, base));
    }
    let (first, base) = &clients[0];
    let (_, portfolio) = get(first, format!("{base}/api/v1/portfolio")).await;
    let customer = |name: &str| {
        portfolio["customers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["customer"]["name"] == name)
            .unwrap()["customer"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (contoso, fabrikam, northwind) = (
        customer("Contoso Ltd"),
        customer("Fabrikam Inc"),
        customer("Northwind Traders"),
    );
    let serials_of = |list: Value, n: usize| -> Vec<String> {
        list.as_array().unwrap()[..n]
            .iter()
            .map(|d| d["serial"].as_str().unwrap().to_owned())
            .collect()
    };
    let holding = serials_of(
        get(
            first,
            format!("{base}/api/v1/partners/PRT-ALPINE/unassigned-devices"),
        )
        .await
        .1,
        60,
    );
    let in_contoso = serials_of(
        get(first, format!("{base}/api/v1/customers/{contoso}/devices"))
            .await
            .1,
        40,
    );
    let in_fabrikam = serials_of(
        get(first, format!("{base}/api/v1/customers/{fabrikam}/devices"))
            .await
            .1,
        40,
    );

    let db = pool(&url).await;
    let before = tenants(&db).await;

    let holding_source = json!({ "kind": "holding", "id": "PRT-ALPINE" });
    let customer_source = |id: &str| json!({ "kind": "customer", "id": id });
    let rows = |serials: &[String], target: &str| -> Vec<Value> {
        serials
            .iter()
            .map(|s| json!({ "serial": s, "customer": target }))
            .collect()
    };
    let mut submissions: Vec<Value> = Vec::new();
    for round in 0..2 {
        let mixed = |a: &[String], b: &[String]| [a, b].concat();
        let mut with_duplicate = rows(&holding[30..60], &northwind);
        with_duplicate.push(json!({ "serial": holding[31], "customer": northwind }));
        for (source, rows) in [
            // The same PCs to different customers.
            (holding_source.clone(), rows(&holding, &contoso)),
            (holding_source.clone(), rows(&holding, &fabrikam)),
            (holding_source.clone(), with_duplicate),
            // A → B while B → A.
            (customer_source(&contoso), rows(&in_contoso, &fabrikam)),
            (customer_source(&fabrikam), rows(&in_fabrikam, &contoso)),
            (
                customer_source(&contoso),
                rows(&mixed(&in_contoso[..20], &in_fabrikam[..20]), &fabrikam),
            ),
            (
                customer_source(&fabrikam),
                rows(&mixed(&in_fabrikam[20..], &in_contoso[20..]), &contoso),
            ),
        ] {
            let key = format!("round-{round}-{}", submissions.len());
            submissions.push(json!({ "key": key, "source": source, "rows": rows }));
        }
    }
    // Every submission is sent twice at once, by two clients on (on
    // PostgreSQL) two different processes: one job each.
    let sends = submissions.iter().enumerate().flat_map(|(i, request)| {
        [i, i + 1].map(|c| {
            let (client, base) = &clients[(2 * i + c) % clients.len()];
            let request = request.clone();
            async move {
                let (status, job) = post(client, format!("{base}/api/v1/transfers"), request).await;
                assert_eq!(status, StatusCode::OK, "{job}");
                (i, job.as_u64().unwrap())
            }
        })
    });
    let mut jobs: BTreeMap<usize, BTreeSet<u64>> = BTreeMap::new();
    for (i, job) in join_all(sends).await {
        jobs.entry(i).or_default().insert(job);
    }
    assert!(
        jobs.values().all(|ids| ids.len() == 1),
        "a submission repeated under one key is one job: {jobs:?}"
    );
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM transfer_jobs")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(count as usize, submissions.len());

    eventually("every job to complete", || async {
        let (pending,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM transfer_jobs WHERE state <> 'Completed'")
                .fetch_one(&db)
                .await
                .unwrap();
        pending == 0
    })
    .await;

    let after = tenants(&db).await;
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "no PC lost or added"
    );
    let mut per_tenant: BTreeMap<&Tenant, usize> = BTreeMap::new();
    for tenant in after.values() {
        *per_tenant.entry(tenant).or_default() += 1;
    }
    assert_eq!(per_tenant.values().sum::<usize>(), before.len());

    // Every Success row, with its job's source and target.
    let successes: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT j.id, r.serial_key, j.source_kind, j.source_id, j.target_id \
         FROM transfer_rows r JOIN transfer_jobs j ON j.id = r.job_id \
         WHERE r.state = 'Success'",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert!(!successes.is_empty());
    let mut moves: BTreeMap<String, Vec<(Tenant, Tenant)>> = BTreeMap::new();
    let mut per_job: BTreeSet<(i64, String)> = BTreeSet::new();
    for (job, serial, kind, source, target) in successes {
        assert!(
            per_job.insert((job, serial.clone())),
            "PC {serial} moved twice within job {job}"
        );
        moves
            .entry(serial)
            .or_default()
            .push(((kind, source), ("customer".to_owned(), target)));
    }
    for (serial, mut its_moves) in moves {
        assert!(
            one_path(&before[&serial], &after[&serial], &mut its_moves),
            "PC {serial}'s successful moves {its_moves:?} do not lead from {:?} to {:?}",
            before[&serial],
            after[&serial]
        );
    }
    // A PC no job moved is where it was.
    for (serial, tenant) in &after {
        if !per_job.iter().any(|(_, s)| s == serial) {
            assert_eq!(
                tenant, &before[serial],
                "PC {serial} moved without a Success row"
            );
        }
    }
    drop(servers);
}

#[tokio::test]
async fn live_updates_reach_a_page_whichever_process_it_is_connected_to() {
    let scratch = Scratch::new();
    let url = scratch.database_url();
    // Two processes over one database (on SQLite too: it shares the file).
    let one = ServerProcess::start(&url, &[]);
    let two = ServerProcess::start(&url, &[]);
    // A session is a row in the shared database: the cookie works on both.
    let alpine = demo_client(&one.base, "u-alpine-admin").await;
    let bright = demo_client(&one.base, "u-bright-admin").await;
    let mut alpine_events = alpine
        .get(format!("{}/api/v1/events", one.base))
        .send()
        .await
        .unwrap();
    let mut bright_events = bright
        .get(format!("{}/api/v1/events", one.base))
        .send()
        .await
        .unwrap();
    let (status, _) = post(
        &alpine,
        format!("{}/api/v1/customers", two.base),
        json!({ "name": "Lakeshore Retail", "country": "Italy", "admin_email": "it@lakeshore.example" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let second = std::time::Duration::from_secs(1);
    let told = heard(&mut alpine_events, second).await;
    assert!(told.contains("data: \"customers\""), "{told}");
    assert!(!heard(&mut bright_events, second).await.contains("data:"));

    // Signing out on the other process ends this process's stream at once.
    let (status, _) = answer(
        alpine
            .delete(format!("{}/api/v1/session", two.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    tokio::time::timeout(std::time::Duration::from_secs(3), async {
        while let Ok(Some(_)) = alpine_events.chunk().await {}
    })
    .await
    .expect("the stream ends after sign-out on another process");
}

#[tokio::test]
async fn clients_that_go_away_mid_request_leave_the_server_sound() {
    let server = TestServer::start().await;
    let alpine = demo_client(&server.base, "u-alpine-admin").await;
    let (_, list) = get(&alpine, server.url("/api/v1/customers")).await;
    let contoso = list.as_array().unwrap()[0]["customer"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Requests given up after a few hundred microseconds: most are cut off
    // while their transaction is under way.
    let impatient = (0..300u64).map(|i| {
        let (alpine, server) = (&alpine, &server);
        let contoso = contoso.clone();
        async move {
            let wait = std::time::Duration::from_micros(200 + (i * 37) % 3000);
            let request = match i % 3 {
                0 => alpine
                    .put(server.url(&format!(
                        "/api/v1/customers/{contoso}/settings/insights-collection"
                    )))
                    .json(&json!({ "enabled": i % 2 == 0 })),
                1 => alpine.get(server.url("/api/v1/portfolio")),
                _ => alpine
                    .post(server.url("/api/v1/demo/session"))
                    .json(&json!({ "user": "u-alpine-admin" })),
            };
            let _ = request.timeout(wait).send().await;
        }
    });
    join_all(impatient).await;
    // Every connection went back to the pool clean: what follows works.
    for _ in 0..40 {
        let (status, body) = get(&alpine, server.url("/api/v1/portfolio")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = put(
            &alpine,
            server.url(&format!(
                "/api/v1/customers/{contoso}/settings/insights-collection"
            )),
            json!({ "enabled": true }),
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    }
}
