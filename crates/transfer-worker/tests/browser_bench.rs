//! Benchmark, not a test: reads and reviews transfer files of 1,000 to
//! 1,000,000 rows in headless Chromium, with the code the worker runs.
//! Prints figures; asserts nothing. `scripts/bench.sh` runs it with
//! `--release -- --include-ignored`.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use wxp_core::transfer_file::bench_files::{csv, xlsx, BenchDirectory};
use wxp_core::transfer_file::{read, review, Limits};
use wxp_core::{PartnerId, TenantId};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// The median time of `runs` calls, in milliseconds.
fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now();
            f();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

#[wasm_bindgen_test]
#[ignore = "a benchmark, run by scripts/bench.sh"]
fn transfer_files_in_headless_chromium() {
    let source_tenant = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
    console_log!("Transfer files, read + review (wasm in headless Chromium, median)");
    console_log!(
        "  {:>9}  {:>10} {:>10} {:>10}   {:>10} {:>10}",
        "rows",
        "CSV read",
        "review",
        "CSV total",
        "XLSX read",
        "XLSX total"
    );
    for rows in [1_000usize, 10_000, 100_000, 1_000_000] {
        let runs = if rows >= 1_000_000 { 3 } else { 5 };
        let source = BenchDirectory::new(rows);
        let csv_bytes = csv(rows);
        let file = read(&csv_bytes, Limits::BENCHMARK).unwrap();
        let csv_read = median(runs, || drop(read(&csv_bytes, Limits::BENCHMARK).unwrap()));
        let reviewing = median(runs, || drop(review(&file, &source_tenant, &source)));
        let csv_total = median(runs, || {
            let f = read(&csv_bytes, Limits::BENCHMARK).unwrap();
            drop(review(&f, &source_tenant, &source));
        });
        let xlsx_bytes = xlsx(rows);
        let xlsx_read = median(runs, || drop(read(&xlsx_bytes, Limits::BENCHMARK).unwrap()));
        let xlsx_total = median(runs, || {
            let f = read(&xlsx_bytes, Limits::BENCHMARK).unwrap();
            drop(review(&f, &source_tenant, &source));
        });
        console_log!(
            "  {rows:>9}  {csv_read:>7.1} ms {reviewing:>7.1} ms {csv_total:>7.1} ms   {xlsx_read:>7.1} ms {xlsx_total:>7.1} ms"
        );
    }
}
