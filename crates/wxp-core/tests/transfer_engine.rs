//! The engine's transfer rules and invariants.

use std::collections::HashSet;
use wxp_core::date::Timestamp;
use wxp_core::engine::{
    JobState, RowState, SubmitError, SubmittedRow, TransferRequest, NOT_FOUND_DESCRIPTION,
    SUCCESS_DESCRIPTION,
};
use wxp_core::rng::Rng;
use wxp_core::seed::DemoConfig;
use wxp_core::{store, CustomerId, Engine, PartnerId, SerialNumber, TenantId, UserId};

fn admin() -> UserId {
    UserId("u-alpine-admin".into())
}

fn holding() -> TenantId {
    TenantId::Holding(PartnerId("PRT-ALPINE".into()))
}

fn customer(engine: &Engine, name: &str) -> CustomerId {
    engine
        .customers(&admin())
        .unwrap()
        .into_iter()
        .find(|c| c.customer.name == name)
        .unwrap()
        .customer
        .id
}

fn serials(engine: &Engine, tenant: &TenantId) -> Vec<SerialNumber> {
    engine
        .devices(&admin(), tenant)
        .unwrap()
        .iter()
        .map(|d| d.serial)
        .collect()
}

/// The first `n` serial numbers of Unassigned Devices, as text.
fn unassigned(e: &Engine, n: usize) -> Vec<String> {
    serials(e, &holding())[..n]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn request(
    key: &str,
    source: TenantId,
    target: &CustomerId,
    serials: &[String],
) -> TransferRequest {
    TransferRequest {
        key: key.into(),
        source,
        rows: serials
            .iter()
            .map(|s| SubmittedRow {
                serial: s.clone(),
                customer: target.to_string(),
            })
            .collect(),
    }
}

fn run(engine: &mut Engine, req: TransferRequest) -> wxp_core::engine::TransferJob {
    let job = engine.submit_transfer(&admin(), req, Timestamp(1)).unwrap();
    engine.start_transfer(job, Timestamp(2)).unwrap();
    engine.complete_transfer(job, Timestamp(3)).unwrap();
    engine.transfer(&admin(), job).unwrap()
}

#[test]
fn a_transfer_from_unassigned_devices_moves_the_pcs_and_says_so_per_row() {
    let mut e = Engine::new(DemoConfig::default());
    let contoso = customer(&e, "Contoso Ltd");
    let moving: Vec<String> = unassigned(&e, 3);
    let mut rows = moving.clone();
    rows.push("5CGNOTHERE".into());
    let job = run(&mut e, request("k1", holding(), &contoso, &rows));

    assert_eq!(job.state, JobState::Completed);
    assert_eq!((job.succeeded(), job.failed()), (3, 1));
    assert_eq!(job.results[0].description, SUCCESS_DESCRIPTION);
    assert_eq!(job.results[3].description, NOT_FOUND_DESCRIPTION);
    let in_contoso: HashSet<String> = serials(&e, &TenantId::Customer(contoso))
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert!(moving.iter().all(|s| in_contoso.contains(s)));
    assert_eq!(serials(&e, &holding()).len(), 1_200 - 3);

    let summary = job.summary_csv();
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(
        lines[0],
        "Serial Number,Customer ID,State,State Description"
    );
    assert_eq!(
        lines[1],
        format!(
            "{},{},Success,Asset successfully created",
            moving[0], job.target
        )
    );
    assert_eq!(
        lines[4],
        format!("5CGNOTHERE,{},Failed,Device not found", job.target)
    );
}

#[test]
fn starting_from_the_targets_page_completes_with_device_not_found() {
    // The seed's pitfall: the engine accepts it, every row fails.
    let mut e = Engine::new(DemoConfig::default());
    let contoso = customer(&e, "Contoso Ltd");
    let rows: Vec<String> = unassigned(&e, 2);
    let job = run(
        &mut e,
        request("k", TenantId::Customer(contoso.clone()), &contoso, &rows),
    );
    assert!(job
        .results
        .iter()
        .all(|r| r.state == RowState::Failed && r.description == NOT_FOUND_DESCRIPTION));
    assert_eq!(serials(&e, &holding()).len(), 1_200);
}

#[test]
fn submitting_twice_creates_one_job() {
    let mut e = Engine::new(DemoConfig::default());
    let contoso = customer(&e, "Contoso Ltd");
    let rows: Vec<String> = unassigned(&e, 1);
    let a = e
        .submit_transfer(
            &admin(),
            request("same", holding(), &contoso, &rows),
            Timestamp(1),
        )
        .unwrap();
    let b = e
        .submit_transfer(
            &admin(),
            request("same", holding(), &contoso, &rows),
            Timestamp(2),
        )
        .unwrap();
    assert_eq!(a, b);
    assert_eq!(e.transfers(&admin()).unwrap().len(), 1);
}

#[test]
fn submissions_are_checked_again_by_the_engine() {
    let mut e = Engine::new(DemoConfig::default());
    let contoso = customer(&e, "Contoso Ltd");
    let fabrikam = customer(&e, "Fabrikam Inc");
    let mut mixed = request("m", holding(), &contoso, &["5CG0000001".into()]);
    mixed.rows.push(SubmittedRow {
        serial: "5CG0000002".into(),
        customer: fabrikam.to_string(),
    });
    assert_eq!(
        e.submit_transfer(&admin(), mixed, Timestamp(0)),
        Err(SubmitError::MixedCustomerIds)
    );
    assert_eq!(
        e.submit_transfer(
            &admin(),
            request("e", holding(), &contoso, &[]),
            Timestamp(0)
        ),
        Err(SubmitError::NoRows)
    );
    // Another partner's customer is "not one of your customers".
    let bright = UserId("u-bright-admin".into());
    let woodgrove = e.customers(&bright).unwrap()[0].customer.id.clone();
    let err = e.submit_transfer(
        &admin(),
        request("w", holding(), &woodgrove, &["5CG0000001".into()]),
        Timestamp(0),
    );
    assert_eq!(err, Err(SubmitError::UnknownCustomer(woodgrove)));
    // An IT Admin cannot transfer at all.
    let it = UserId("u-contoso-it".into());
    assert!(e
        .submit_transfer(
            &it,
            request(
                "i",
                TenantId::Customer(contoso.clone()),
                &fabrikam,
                &["5CG0000001".into()]
            ),
            Timestamp(0)
        )
        .is_err());
}

#[test]
fn the_first_pc_turns_self_service_alerts_on() {
    let mut e = Engine::new(DemoConfig::default());
    let litware = customer(&e, "Litware Inc");
    assert!(
        !e.customer(&admin(), &litware)
            .unwrap()
            .customer
            .self_service_alerts
    );
    let rows: Vec<String> = unassigned(&e, 1);
    run(&mut e, request("l", holding(), &litware, &rows));
    assert!(
        e.customer(&admin(), &litware)
            .unwrap()
            .customer
            .self_service_alerts
    );
}

#[test]
fn notifications_are_the_submitters_and_can_be_read() {
    let mut e = Engine::new(DemoConfig::default());
    let contoso = customer(&e, "Contoso Ltd");
    let rows: Vec<String> = unassigned(&e, 1);
    let job = run(&mut e, request("n", holding(), &contoso, &rows));
    let notes = e.notifications(&admin()).unwrap();
    assert_eq!(notes.len(), 1);
    assert!(!notes[0].read);
    e.mark_read(&admin(), job.id).unwrap();
    assert!(e.notifications(&admin()).unwrap()[0].read);
    assert!(e
        .mark_read(&UserId("u-bright-admin".into()), job.id)
        .is_err());
}

/// Random sequences of transfers, with PCs from the right and the wrong
/// tenant, bogus serials and repeats: no PC is ever lost or duplicated, the
/// counts add up, every success moved its PC, and replaying the stored log
/// rebuilds the same state.
#[test]
fn property_no_pc_is_lost_or_duplicated() {
    for seed in 0..40 {
        let mut rng = Rng::new(seed);
        let mut e = Engine::new(DemoConfig::default());
        let customers: Vec<CustomerId> = e
            .customers(&admin())
            .unwrap()
            .into_iter()
            .map(|c| c.customer.id)
            .collect();
        let tenants: Vec<TenantId> = std::iter::once(holding())
            .chain(customers.iter().cloned().map(TenantId::Customer))
            .collect();
        let census = |e: &Engine| -> Vec<SerialNumber> {
            let mut all: Vec<SerialNumber> = tenants.iter().flat_map(|t| serials(e, t)).collect();
            all.sort();
            all
        };
        let before = census(&e);
        for step in 0..6 {
            let source = rng.pick(&tenants).clone();
            let target = rng.pick(&customers).clone();
            let mut rows: Vec<String> = Vec::new();
            for _ in 0..rng.between(1, 30) {
                let from = match rng.below(10) {
                    0..=5 => source.clone(),
                    6..=7 => rng.pick(&tenants).clone(),
                    _ => {
                        rows.push(if rng.chance(50) {
                            "BOGUS-1".into()
                        } else {
                            "5CG9999999".into()
                        });
                        continue;
                    }
                };
                let list = serials(&e, &from);
                if !list.is_empty() {
                    rows.push(rng.pick(&list).to_string());
                }
                if rng.chance(10) && !rows.is_empty() {
                    rows.push(rows[0].clone()); // a repeat
                }
            }
            if rows.is_empty() {
                continue;
            }
            let in_source: HashSet<String> =
                serials(&e, &source).iter().map(|s| s.to_string()).collect();
            let job = run(
                &mut e,
                request(&format!("{seed}-{step}"), source.clone(), &target, &rows),
            );
            let in_target: HashSet<String> = serials(&e, &TenantId::Customer(target.clone()))
                .iter()
                .map(|s| s.to_string())
                .collect();
            for (row, result) in job.rows.iter().zip(&job.results) {
                if result.state == RowState::Success {
                    assert!(
                        in_source.contains(&row.serial),
                        "seed {seed}: moved {} not in source",
                        row.serial
                    );
                    assert!(
                        in_target.contains(&row.serial),
                        "seed {seed}: {} not in target",
                        row.serial
                    );
                }
            }
            let now = census(&e);
            assert_eq!(
                now, before,
                "seed {seed} step {step}: the set of PCs changed"
            );
        }
        let restored = store::restore(&store::save(&e)).unwrap();
        for t in &tenants {
            assert_eq!(
                serials(&restored, t),
                serials(&e, t),
                "seed {seed}: replay differs"
            );
        }
    }
}
