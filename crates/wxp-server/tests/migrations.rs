//! Migrations carry a database of an older schema forward without losing
//! what it holds: here, jobs written before their counts were kept beside
//! them (0004) list with the right counts afterwards.

mod common;

use common::Scratch;
use sqlx::any::AnyPoolOptions;
use std::borrow::Cow;
use wxp_core::engine::JobState;
use wxp_core::PartnerId;
use wxp_server::store::{self, Db, Dialect};

/// Opens `url` at schema version `upto` (and no further).
async fn at_version(url: &str, upto: i64) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    let dialect = Dialect::of_url(url).unwrap();
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&dialect.connect_url(url))
        .await
        .unwrap();
    let mut migrator = store::migrator(dialect);
    migrator.migrations = Cow::Owned(
        migrator
            .migrations
            .iter()
            .filter(|m| m.version <= upto)
            .cloned()
            .collect(),
    );
    migrator.run(&pool).await.unwrap();
    pool
}

/// A partner with one customer and two jobs: #1 completed (two rows moved,
/// one failed), #2 queued (two rows, no results yet).
const BEFORE_COUNTS: &[&str] = &[
    "INSERT INTO partners (id, name, kind, setup_complete) VALUES ('PRT-1', 'Alpine', 'ResellViewMonitor', TRUE)",
    "INSERT INTO customers (id, partner_id, name, name_key, country, cpin, insights_collection, \
     self_service_alerts) VALUES ('CUST-1', 'PRT-1', 'Contoso Ltd', 'contoso ltd', 'IT', 'PIN1', TRUE, TRUE)",
    "INSERT INTO users (id, name, email, email_key, partner_id, seq) \
     VALUES ('u-1', 'Ada', 'ada@example.com', 'ada@example.com', 'PRT-1', 1)",
    "INSERT INTO transfer_jobs (id, idem_key, user_id, partner_id, source_kind, source_id, \
     source_name, target_id, target_name, state, submitted_at, completed_at) VALUES \
     (1, 'a', 'u-1', 'PRT-1', 'holding', 'PRT-1', '', 'CUST-1', 'Contoso Ltd', 'Completed', 1, 2), \
     (2, 'b', 'u-1', 'PRT-1', 'holding', 'PRT-1', '', 'CUST-1', 'Contoso Ltd', 'Queued', 3, NULL)",
    "INSERT INTO transfer_rows (job_id, line, serial, customer, serial_key, state, description) VALUES \
     (1, 1, '5CG0000001', 'CUST-1', '5CG0000001', 'Success', 'Asset successfully created'), \
     (1, 2, '5CG0000002', 'CUST-1', '5CG0000002', 'Failed', 'Device not found'), \
     (1, 3, '5CG0000003', 'CUST-1', '5CG0000003', 'Success', 'Asset successfully created'), \
     (2, 1, '5CG0000004', 'CUST-1', '5CG0000004', NULL, NULL), \
     (2, 2, '5CG0000005', 'CUST-1', '5CG0000005', NULL, NULL)",
];

#[tokio::test]
async fn jobs_written_before_counts_were_kept_list_with_their_counts() {
    let scratch = Scratch::new();
    let url = scratch.database_url();
    let old = at_version(&url, 3).await;
    for statement in BEFORE_COUNTS {
        let fixed = sqlx::AssertSqlSafe(*statement);
        sqlx::query(fixed).execute(&old).await.unwrap();
    }
    old.close().await;

    let db = Db::open(&url).await.unwrap();
    let mut tx = db.read().await.unwrap();
    let listed = store::jobs_of_partner(&mut tx, &PartnerId("PRT-1".into()))
        .await
        .unwrap();
    let counts: Vec<_> = listed
        .iter()
        .map(|j| (j.id.0, j.state, j.rows, j.succeeded, j.failed))
        .collect();
    assert_eq!(
        counts,
        [
            (2, JobState::Queued, 2, 0, 0),
            (1, JobState::Completed, 3, 2, 1)
        ]
    );
    drop(tx);
    db.close().await;
}
