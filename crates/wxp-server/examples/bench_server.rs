//! Server benchmarks; they print figures and assert nothing.
//!
//! Against a real server on 127.0.0.1 over a fresh SQLite file, with the
//! large demo (100,000 PCs in Alpine's Unassigned Devices):
//!   1. the device list of the 100,000-PC tenant over HTTP — bytes on the
//!      wire per encoding, and the endpoint's time — beside, as the
//!      yardstick, SQLite reading the same rows on its own;
//!   2. a transfer of 10,000 of those PCs: time in the server from submit to
//!      completed.
//!
//! `cargo run --release -p wxp-server --example bench_server`

use reqwest::header::ACCEPT_ENCODING;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use wxp_server::config::Config;

const RUNS: usize = 7;

/// A `devices` row as SQLite gives it, before any conversion.
type DeviceColumns = (
    String,
    String,
    String,
    String,
    i32,
    i64,
    Option<String>,
    Option<String>,
);

/// The JSON answer of a request.
async fn answer<T: serde::de::DeserializeOwned>(request: reqwest::RequestBuilder) -> T {
    request.send().await.unwrap().json().await.unwrap()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join(format!("wxp-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let running = wxp_server::start(Config::for_test(url)).await.unwrap();
    let base = format!("http://{}/api/v1", running.address);
    let state = running.state.clone();
    tokio::spawn(running.serve(std::future::pending()));

    let c = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let started = Instant::now();
    let r = c
        .post(format!("{base}/demo/reset"))
        .json(&json!({ "seed": 2026, "size": "Large" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    println!(
        "Seeding the large demo into SQLite: {}",
        ms(started.elapsed())
    );
    c.post(format!("{base}/demo/session"))
        .json(&json!({ "user": "u-alpine-admin" }))
        .send()
        .await
        .unwrap();

    println!("\n== The 100,000-PC device list (GET /partners/PRT-ALPINE/unassigned-devices)");
    let list = format!("{base}/partners/PRT-ALPINE/unassigned-devices");
    let mut rows = 0;
    for encoding in ["identity", "gzip", "br"] {
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let body = c
                .get(&list)
                .header(ACCEPT_ENCODING, encoding)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap();
            times.push(t.elapsed());
            bytes = body.len();
            if encoding == "identity" {
                rows = serde_json::from_slice::<Vec<Value>>(&body).unwrap().len();
            }
        }
        println!(
            "  {encoding:>8}: {:>6.2} MB on the wire, median {} over {RUNS} runs",
            bytes as f64 / 1e6,
            ms(median(times))
        );
    }
    let mut yardstick = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let raw: Vec<DeviceColumns> = sqlx::query_as(
            "SELECT serial, model, product_number, plan, warranty_end, last_seen, last_user, \
                 location FROM devices WHERE tenant_kind = 'holding' AND tenant_id = 'PRT-ALPINE' \
                 ORDER BY serial",
        )
        .fetch_all(state.db.pool())
        .await
        .unwrap();
        assert_eq!(raw.len(), rows);
        yardstick.push(t.elapsed());
    }
    println!(
        "  yardstick: SQLite reading the same {rows} rows on its own: median {}",
        ms(median(yardstick))
    );

    let customers: Value = answer(c.get(format!("{base}/customers"))).await;
    let devices: Value = answer(c.get(&list)).await;
    let target = customers[0]["customer"]["id"].as_str().unwrap().to_owned();

    let serials: Vec<&Value> = devices
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["serial"])
        .collect();
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let found: Vec<wxp_core::api::Located> =
            answer(c.post(format!("{base}/devices/locate")).json(&serials)).await;
        let located: usize = found.iter().map(|g| g.serials.len()).sum();
        assert_eq!(located, serials.len());
        times.push(t.elapsed());
    }
    println!(
        "  where the {} PCs of a 100,000-row file are (POST /devices/locate): median {}",
        serials.len(),
        ms(median(times))
    );

    let rows: Vec<Value> = devices.as_array().unwrap()[..10_000]
        .iter()
        .map(|d| json!({ "serial": d["serial"], "customer": target }))
        .collect();
    let request = json!({ "key": "bench", "source": { "kind": "holding", "id": "PRT-ALPINE" }, "rows": rows });
    let t = Instant::now();
    let job: u64 = answer(c.post(format!("{base}/transfers")).json(&request)).await;
    let accepted = t.elapsed();
    loop {
        let state: Value = answer(c.get(format!("{base}/transfers/{job}"))).await;
        if state["state"] == "Completed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let completed = t.elapsed();
    println!(
        "  submitted and queued (10,000 rows stored): {}",
        ms(accepted)
    );
    println!(
        "  submit to completed (checked, moved, Summary written): {}",
        ms(completed)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
