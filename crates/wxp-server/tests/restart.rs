//! Data outlives the process: the server binary is killed (-9) and started
//! again over the same database.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn count(list: &Value) -> usize {
    list.as_array().unwrap().len()
}

#[tokio::test]
async fn a_transfer_running_at_kill_9_completes_exactly_once_after_the_restart() {
    let scratch = Scratch::new();
    let db = scratch.database_url();
    // The job shows as running for three seconds: long enough to kill it
    // there; it is due when the restarted server is up.
    let server = ServerProcess::start(&db, &[("WXP_TRANSFER_DELAY_MS", "3000")]);
    let base = server.base.clone();
    let url = |path: &str| format!("{base}/api/v1{path}");
    let alpine = demo_client(&base, "u-alpine-admin").await;

    let (status, customer) = post(
        &alpine,
        url("/customers"),
        json!({ "name": "Lakeshore Retail", "country": "Italy", "admin_email": "it@tailspin.example" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{customer}");
    let customer = customer.as_str().unwrap().to_owned();
    let (status, case) = post(
        &alpine,
        url("/support-cases"),
        json!({ "subject": "Missing PCs", "description": "", "serials": [] }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let (_, unassigned) = get(&alpine, url("/partners/PRT-ALPINE/unassigned-devices")).await;
    let rows: Vec<Value> = unassigned.as_array().unwrap()[..10]
        .iter()
        .map(|d| json!({ "serial": d["serial"], "customer": customer }))
        .collect();
    let request =
        json!({ "key": "k", "source": { "kind": "holding", "id": "PRT-ALPINE" }, "rows": rows });
    let (status, job) = post(&alpine, url("/transfers"), request.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let job_url = url(&format!("/transfers/{job}"));
    eventually("the job to run", || async {
        get(&alpine, job_url.clone()).await.1["state"] == "Running"
    })
    .await;
    server.kill();

    let server = ServerProcess::start(&db, &[("WXP_TRANSFER_DELAY_MS", "0")]);
    let base = server.base.clone();
    let url = |path: &str| format!("{base}/api/v1{path}");
    let alpine = demo_client(&base, "u-alpine-admin").await;
    let job_url = url(&format!("/transfers/{job}"));
    eventually("the job to complete after the restart", || async {
        get(&alpine, job_url.clone()).await.1["state"] == "Completed"
    })
    .await;
    let (_, done) = get(&alpine, job_url).await;
    assert!(done["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["description"] == "Asset successfully created"));
    let (_, after) = get(&alpine, url("/partners/PRT-ALPINE/unassigned-devices")).await;
    assert_eq!(count(&after), count(&unassigned) - 10);
    let (_, moved) = get(&alpine, url(&format!("/customers/{customer}/devices"))).await;
    assert_eq!(count(&moved), 10);
    let (_, cases) = get(&alpine, url("/support-cases")).await;
    assert_eq!(cases[0]["id"], case);
    let (_, notifications) = get(&alpine, url("/notifications")).await;
    assert_eq!(notifications[0]["id"], job);
    // A retry of the acknowledged submission is still the same job.
    let (_, again) = post(&alpine, url("/transfers"), request).await;
    assert_eq!(again, job);
    server.kill();

    // Once more: nothing runs twice.
    let server = ServerProcess::start(&db, &[]);
    let alpine = demo_client(&server.base, "u-alpine-admin").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (_, transfers) = get(&alpine, format!("{}/api/v1/transfers", server.base)).await;
    assert_eq!(count(&transfers), 1);
    let (_, moved) = get(
        &alpine,
        format!("{}/api/v1/customers/{customer}/devices", server.base),
    )
    .await;
    assert_eq!(count(&moved), 10);
    let (_, after_again) = get(
        &alpine,
        format!(
            "{}/api/v1/partners/PRT-ALPINE/unassigned-devices",
            server.base
        ),
    )
    .await;
    assert_eq!(count(&after_again), count(&after));
}
