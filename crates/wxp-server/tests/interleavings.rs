//! A property test of the transfer runner: thousands of random sequences of
//! submissions, job runs and crashes, each against a fresh in-memory
//! database, checked step by step against a model that applies the domain's
//! rules (`rules::transfer::row_results`) in the order the jobs completed.
//!
//! A crash is a transaction that never commits: what kill -9 does to the
//! transaction in flight. After every step the database holds exactly the
//! PCs the model says, each in one tenant; every job completes once; and
//! each Summary is the one the rules give for the state it ran against.
//!
//! `WXP_INTERLEAVINGS=N` runs N sequences (2,000 by default); a failure
//! names the sequence's seed, and `WXP_INTERLEAVINGS_SEED=S` replays it.

use std::collections::{BTreeMap, BTreeSet};
use wxp_core::date::{Date, Timestamp};
use wxp_core::engine::{JobId, JobState, RowResult, SubmittedRow, TransferRequest};
use wxp_core::rng::Rng;
use wxp_core::rules::transfer;
use wxp_core::{
    Customer, CustomerId, Device, PartnerId, Role, SerialNumber, SupportPlan, TenantId, User,
    UserId,
};
use wxp_server::jobs::run_due_in;
use wxp_server::store::{self, Db, NewJob};

const PCS: usize = 12;
const CUSTOMERS: u32 = 3;

fn serial(i: usize) -> String {
    format!("PCX{i:07}")
}

/// What the database must hold: where each PC is, and each job's Summary.
#[derive(Default)]
struct Model {
    tenants: BTreeMap<String, TenantId>,
    /// Jobs submitted and not yet completed, with their request.
    pending: BTreeMap<u64, TransferRequest>,
    completed: BTreeMap<u64, Vec<RowResult>>,
    keys: BTreeSet<String>,
}

impl Model {
    /// Applies a job the way the rules say, against the model's state now.
    fn complete(&mut self, id: u64) -> Vec<RowResult> {
        let request = self.pending.remove(&id).expect("a pending job");
        let target = transfer::claimed_target(&request.rows).expect("rows name their target");
        let (results, moves) =
            transfer::row_results(&request.rows, &request.source, &target, |s| {
                self.tenants.get(&s.to_string()) == Some(&request.source)
            });
        for s in moves {
            self.tenants
                .insert(s.to_string(), TenantId::Customer(target.clone()));
        }
        self.completed.insert(id, results.clone());
        results
    }
}

struct World {
    db: Db,
    partner: PartnerId,
    user: UserId,
    customers: Vec<CustomerId>,
}

async fn world() -> (World, Model) {
    let db = Db::open_with("sqlite::memory:", 1).await.expect("opens");
    let partner = PartnerId("PRT-TEST".into());
    let user = UserId("u-test".into());
    let mut tx = db.write().await.unwrap();
    sqlx::query("INSERT INTO partners (id, name, kind, setup_complete) VALUES ($1, 'Test', 'ServiceDelivery', TRUE)")
        .bind(&partner.0)
        .execute(&mut *tx)
        .await
        .unwrap();
    let admin = User {
        id: user.clone(),
        name: "Ada".into(),
        email: "ada@test.example".into(),
        role: Role::PartnerAdmin {
            partner: partner.clone(),
        },
    };
    store::insert_user(&mut tx, &admin, None, 1).await.unwrap();
    let mut customers = Vec::new();
    for i in 1..=CUSTOMERS {
        let id = CustomerId::from_bits(i);
        let customer = Customer {
            id: id.clone(),
            partner: partner.clone(),
            name: format!("Customer {i}"),
            country: "Italy".into(),
            cpin: format!("CPIN0{i}"),
            insights_collection: false,
            self_service_alerts: false,
        };
        store::insert_customer(&mut tx, &customer).await.unwrap();
        customers.push(id);
    }
    let holding = TenantId::Holding(partner.clone());
    let devices: Vec<Device> = (0..PCS)
        .map(|i| Device {
            serial: SerialNumber::parse(&serial(i)).unwrap(),
            model: "HP EliteBook 840 G10".into(),
            product_number: "8A3F7EA".into(),
            plan: SupportPlan::Premium,
            warranty_end: Date(21_000),
            last_seen: Timestamp(0),
            last_user: None,
            location: None,
        })
        .collect();
    store::insert_devices(&mut tx, &holding, &devices)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let model = Model {
        tenants: (0..PCS).map(|i| (serial(i), holding.clone())).collect(),
        ..Model::default()
    };
    (
        World {
            db,
            partner,
            user,
            customers,
        },
        model,
    )
}

/// Where every PC is, by the database.
async fn stored_tenants(db: &Db) -> BTreeMap<String, TenantId> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT serial, tenant_kind, tenant_id FROM devices ORDER BY serial")
            .fetch_all(db.pool())
            .await
            .unwrap();
    rows.into_iter()
        .map(|(serial, kind, id)| (serial, store::tenant_from(&kind, id).unwrap()))
        .collect()
}

/// A random transfer: from one tenant, a few rows naming one customer.
fn random_request(rng: &mut Rng, world: &World, key: String) -> TransferRequest {
    let source = match rng.below(u64::from(CUSTOMERS) + 1) {
        0 => TenantId::Holding(world.partner.clone()),
        n => TenantId::Customer(world.customers[n as usize - 1].clone()),
    };
    let target = world.customers[rng.below(u64::from(CUSTOMERS)) as usize].clone();
    let rows = (0..1 + rng.below(6))
        .map(|_| SubmittedRow {
            serial: match rng.below(12) {
                0 => "not a serial".to_owned(),
                1 => "ZZZ0000000".to_owned(),
                _ => serial(rng.below(PCS as u64) as usize),
            },
            customer: target.0.clone(),
        })
        .collect();
    TransferRequest { key, source, rows }
}

/// One random sequence; panics with what went wrong.
async fn sequence(seed: u64) {
    let mut rng = Rng::new(seed);
    let (world, mut model) = world().await;
    let steps = 4 + rng.below(24);
    for step in 0..steps {
        let crash = rng.below(4) == 0;
        match rng.below(5) {
            // Submit (or submit again under a key already used).
            0 | 1 => {
                let reuse = !model.keys.is_empty() && rng.below(5) == 0;
                let key = if reuse {
                    model.keys.iter().next().unwrap().clone()
                } else {
                    format!("k{step}")
                };
                let request = random_request(&mut rng, &world, key.clone());
                let mut tx = world.db.write().await.unwrap();
                let known = store::job_by_key(&mut tx, &world.user, &key).await.unwrap();
                assert_eq!(
                    known.is_some(),
                    model.keys.contains(&key),
                    "seed {seed}: key {key}"
                );
                if known.is_some() {
                    continue;
                }
                let job = store::insert_job(
                    &mut tx,
                    &request,
                    NewJob {
                        user: &world.user,
                        partner: &world.partner,
                        source_name: "source",
                        target: &transfer::claimed_target(&request.rows).unwrap(),
                        target_name: "target",
                        at: Timestamp(0),
                        run_after_ms: 0,
                    },
                )
                .await
                .unwrap();
                if crash {
                    drop(tx);
                } else {
                    tx.commit().await.unwrap();
                    model.keys.insert(key);
                    model.pending.insert(job.0, request);
                }
            }
            // Show queued jobs as running.
            2 => {
                let mut tx = world.db.write().await.unwrap();
                store::start_queued(&mut tx).await.unwrap();
                if !crash {
                    tx.commit().await.unwrap();
                }
            }
            // Run the next job (or crash in the middle of it).
            _ => {
                let mut tx = world.db.write().await.unwrap();
                let ran = run_due_in(&mut tx, i64::MAX).await.unwrap();
                let expected_next = model.pending.keys().next().copied();
                assert_eq!(
                    ran.as_ref().map(|j| j.id.0),
                    expected_next,
                    "seed {seed}: the oldest pending job runs"
                );
                if crash {
                    drop(tx);
                } else if let Some(job) = ran {
                    tx.commit().await.unwrap();
                    assert!(
                        !model.completed.contains_key(&job.id.0),
                        "seed {seed}: job {} completed twice",
                        job.id.0
                    );
                    let expected = model.complete(job.id.0);
                    let stored = store::job(&mut world.db.pool().acquire().await.unwrap(), job.id)
                        .await
                        .unwrap()
                        .unwrap();
                    assert_eq!(stored.state, JobState::Completed);
                    assert_eq!(
                        stored.results, expected,
                        "seed {seed}: job {}'s Summary",
                        job.id.0
                    );
                }
            }
        }
        assert_eq!(
            stored_tenants(&world.db).await,
            model.tenants,
            "seed {seed}: after step {step} every PC is where the completed jobs put it"
        );
    }
    // Whatever is left runs, each job once.
    while let Some(&next) = model.pending.keys().next() {
        let mut tx = world.db.write().await.unwrap();
        let job = run_due_in(&mut tx, i64::MAX).await.unwrap().unwrap();
        tx.commit().await.unwrap();
        assert_eq!(job.id, JobId(next));
        let expected = model.complete(next);
        let stored = store::job(&mut world.db.pool().acquire().await.unwrap(), job.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            stored.results, expected,
            "seed {seed}: job {next}'s Summary"
        );
    }
    let mut tx = world.db.write().await.unwrap();
    assert!(run_due_in(&mut tx, i64::MAX).await.unwrap().is_none());
    drop(tx);
    let tenants = stored_tenants(&world.db).await;
    assert_eq!(tenants.len(), PCS, "seed {seed}: no PC lost or added");
    assert_eq!(tenants, model.tenants, "seed {seed}: the end state");
    world.db.close().await;
}

#[tokio::test]
async fn random_interleavings_of_submissions_job_runs_and_crashes_keep_every_pc() {
    if let Some(seed) = std::env::var("WXP_INTERLEAVINGS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        sequence(seed).await;
        return;
    }
    let cases: u64 = std::env::var("WXP_INTERLEAVINGS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let started = std::time::Instant::now();
    for seed in 0..cases {
        sequence(seed).await;
    }
    eprintln!(
        "{cases} sequences of submissions, job runs and crashes in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
