//! Native benchmark of transfer files and jobs. Prints figures; asserts
//! nothing. Run: `cargo run --release -p wxp-core --features xlsx --example bench_transfer`.
//!
//! - read + review of CSV and XLSX transfer files of 1,000 to 1,000,000 rows
//! - the engine running a 10,000-PC transfer job out of a 100,000-PC tenant

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};
use wxp_core::date::Timestamp;
use wxp_core::engine::{SubmittedRow, TransferRequest};
use wxp_core::fast_hash::FastSet;
use wxp_core::seed::{DemoConfig, DemoSize};
use wxp_core::transfer_file::{read, review, Directory, Limits, Place};
use wxp_core::{CustomerId, Engine, PartnerId, SerialNumber, TenantId, UserId};

const TARGET: &str = "CUS-0000C0A7";

fn serial(i: usize) -> String {
    format!("5CG{i:07}")
}

fn csv(rows: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows * 25 + 32);
    out.extend_from_slice(b"Serial Number,Customer ID\r\n");
    for i in 0..rows {
        write!(out, "{},{TARGET}\r\n", serial(i)).unwrap();
    }
    out
}

/// A minimal workbook: one sheet of inline strings, entries stored.
fn xlsx(rows: usize) -> Vec<u8> {
    let mut sheet = String::with_capacity(rows * 120);
    sheet.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#);
    let cell = |r: usize, c: char, v: &str| {
        format!(r#"<c r="{c}{r}" t="inlineStr"><is><t>{v}</t></is></c>"#)
    };
    sheet.push_str(&format!(
        r#"<row r="1">{}{}</row>"#,
        cell(1, 'A', "Serial Number"),
        cell(1, 'B', "Customer ID")
    ));
    for i in 0..rows {
        let r = i + 2;
        sheet.push_str(&format!(
            r#"<row r="{r}">{}{}</row>"#,
            cell(r, 'A', &serial(i)),
            cell(r, 'B', TARGET)
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Transfer" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    for (name, body) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Every serial is in the source but the last one per thousand.
struct Source(FastSet<SerialNumber>);

impl Directory for Source {
    fn customer_name(&self, id: &CustomerId) -> Option<String> {
        (id.as_str() == TARGET).then(|| "Contoso Ltd".to_owned())
    }
    fn in_source(&self, serial: &SerialNumber) -> bool {
        self.0.contains(serial)
    }
    fn locate(&self, _: &SerialNumber) -> Option<Place> {
        None
    }
}

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
        let source = Source(
            (0..rows)
                .filter(|i| i % 1000 != 999)
                .map(|i| SerialNumber::parse(&serial(i)).unwrap())
                .collect(),
        );
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
