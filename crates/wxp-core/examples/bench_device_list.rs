//! Native benchmark of the device list's domain work with 100,000 PCs:
//! seeding, indexing, sorting, filtering per keystroke, CSV export.
//! Prints figures; asserts nothing. Run with `--release`.

use std::hint::black_box;
use std::time::{Duration, Instant};
use wxp_core::device_query::{self, Filter, SearchIndex, Sort, SortKey};
use wxp_core::seed::{DemoConfig, DemoSize};
use wxp_core::{export, Engine, PartnerId, TenantId, UserId};

/// The median of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    format!("{:8.2} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let config = DemoConfig {
        size: DemoSize::Large,
        ..DemoConfig::default()
    };
    println!("Device list domain work, 100,000 PCs (native, median of runs)");
    println!(
        "  seed the large demo (all tenants)   {}",
        ms(time(3, || Engine::new(config)))
    );
    let engine = Engine::new(config);
    let holding = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
    let admin = UserId("u-alpine-admin".into());
    let devices = engine
        .devices(&admin, &holding)
        .expect("the partner sees its holding tenant");
    println!(
        "  devices() of the holding tenant     {}",
        ms(time(5, || engine.devices(&admin, &holding)))
    );
    println!(
        "  build the search index              {}",
        ms(time(5, || SearchIndex::new(&devices)))
    );
    let index = SearchIndex::new(&devices);
    for key in [SortKey::Serial, SortKey::Model, SortKey::LastSeen] {
        let sort = Sort {
            key,
            descending: false,
        };
        println!(
            "  sort by {:<27} {}",
            format!("{key:?}"),
            ms(time(5, || device_query::sorted_order(&devices, sort)))
        );
    }
    let order = device_query::sorted_order(&devices, Sort::default());
    for text in ["e", "elitebook", "elitebook 8", "5cg2", "zzzz"] {
        let filter = Filter {
            text: text.into(),
            ..Filter::default()
        };
        let shown = device_query::filter_rows(&devices, &index, &order, &filter).len();
        let t = time(11, || {
            device_query::filter_rows(&devices, &index, &order, &filter)
        });
        println!(
            "  filter {:<28} {} ({shown} shown)",
            format!("{text:?}"),
            ms(t)
        );
    }
    println!(
        "  export all as CSV                   {}",
        ms(time(3, || export::devices_csv(&devices, &order, false)))
    );
}
