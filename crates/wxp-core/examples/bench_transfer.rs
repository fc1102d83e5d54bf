//! Native benchmark of transfer files and jobs. Prints figures; asserts
//! nothing. Run: `cargo run --release -p wxp-core --features bench-files --example bench_transfer`.
//!
//! - read + review of CSV and XLSX transfer files of 1,000 to 1,000,000 rows
//! - the engine running a 10,000-PC transfer job out of a 100,000-PC tenant

use std::hint::black_box;
use std::time::{Duration, Instant};
use wxp_core::date::Timestamp;
use wxp_core::engine::{SubmittedRow, TransferRequest};
use wxp_core::seed::{DemoConfig, DemoSize};
use wxp_core::transfer_file::{read, review, Limits};
use wxp_core::{Engine, PartnerId, TenantId, UserId};

use wxp_core::transfer_file::bench_files::{csv, xlsx, BenchDirectory};

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    format!("{:9.2} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let source_tenant = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
    println!("Transfer files, read + review (native, median)");
    println!(
        "  {:>9}  {:>12} {:>12} {:>12}   {:>12} {:>12}",
        "rows", "CSV read", "review", "CSV total", "XLSX read", "XLSX total"
    );
    for rows in [1_000, 10_000, 100_000, 1_000_000] {
        let source = BenchDirectory::new(rows);
        let runs = if rows >= 1_000_000 { 3 } else { 7 };
        let csv_bytes = csv(rows);
        let file = read(&csv_bytes, Limits::BENCHMARK).unwrap();
        assert_eq!(file.rows.len(), rows);
        let csv_read = median(runs, || {
            drop(black_box(read(&csv_bytes, Limits::BENCHMARK).unwrap()))
        });
        let reviewing = median(runs, || {
            drop(black_box(review(&file, &source_tenant, &source)))
        });
        let csv_total = median(runs, || {
            let f = read(&csv_bytes, Limits::BENCHMARK).unwrap();
            black_box(review(&f, &source_tenant, &source));
        });
        let xlsx_bytes = xlsx(rows);
        assert_eq!(
            read(&xlsx_bytes, Limits::BENCHMARK).unwrap().rows.len(),
            rows
        );
        let xlsx_read = median(runs, || {
            drop(black_box(read(&xlsx_bytes, Limits::BENCHMARK).unwrap()))
        });
        let xlsx_total = median(runs, || {
            let f = read(&xlsx_bytes, Limits::BENCHMARK).unwrap();
            black_box(review(&f, &source_tenant, &source));
        });
        println!(
            "  {rows:>9}  {} {} {}   {} {}",
            ms(csv_read),
            ms(reviewing),
            ms(csv_total),
            ms(xlsx_read),
            ms(xlsx_total)
        );
    }

    println!(
        "Engine: one transfer job of 10,000 PCs out of 100,000 unassigned (native, median of 5)"
    );
    let admin = UserId("u-alpine-admin".into());
    let base = Engine::new(DemoConfig {
        size: DemoSize::Large,
        ..DemoConfig::default()
    });
    let contoso = base
        .customers(&admin)
        .unwrap()
        .into_iter()
        .find(|c| c.customer.name == "Contoso Ltd")
        .unwrap()
        .customer
        .id;
    let serials: Vec<String> = base
        .devices(&admin, &source_tenant)
        .unwrap()
        .iter()
        .take(10_000)
        .map(|d| d.serial.to_string())
        .collect();
    let request = TransferRequest {
        key: "bench".into(),
        source: source_tenant.clone(),
        rows: serials
            .iter()
            .map(|s| SubmittedRow {
                serial: s.clone(),
                customer: contoso.to_string(),
            })
            .collect(),
    };
    let mut submit = Duration::ZERO;
    let mut complete = Duration::ZERO;
    let mut runs = Vec::new();
    for _ in 0..5 {
        let mut engine = base.clone();
        let start = Instant::now();
        let job = engine
            .submit_transfer(&admin, request.clone(), Timestamp(0))
            .unwrap();
        engine.start_transfer(job, Timestamp(1)).unwrap();
        submit = start.elapsed();
        let start = Instant::now();
        engine.complete_transfer(job, Timestamp(2)).unwrap();
        complete = start.elapsed();
        assert_eq!(engine.transfer(&admin, job).unwrap().succeeded(), 10_000);
        runs.push((submit, complete));
    }
    runs.sort_by_key(|r| r.1);
    let (submit_m, complete_m) = runs[2];
    let _ = (submit, complete);
    println!(
        "  submit + queue {}   run (check rows, move PCs) {}",
        ms(submit_m),
        ms(complete_m)
    );
}
