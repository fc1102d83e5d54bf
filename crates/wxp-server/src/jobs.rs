//! The transfer runner: claims due jobs one at a time and runs each inside
//! the transaction that claimed it.
//!
//! A queued job is marked Running at once (so the page can say so) and is
//! due a moment later. Then one transaction claims it (on PostgreSQL with
//! `FOR UPDATE SKIP LOCKED`, so that of several server processes exactly
//! one takes it), checks its rows against the state of that moment with
//! the domain's rules, applies every successful move, writes the Summary
//! and marks the job Completed. A crash (even kill -9) before the commit
//! leaves the job as it was and moves nothing; its row lock goes with the
//! dead connection, and the next runner of any process runs it again. A
//! job therefore completes exactly once, and no PC is ever half-moved.

use crate::live::Audience;
use crate::state::AppState;
use crate::store::{self, tenant_columns, with_retries, Dialect, Tx};
use sqlx::AssertSqlSafe;
use std::collections::HashSet;
use std::time::Duration;
use wxp_core::api::Topic;
use wxp_core::engine::{succeeded_in, JobId, JobState, TransferJob};
use wxp_core::rules::transfer;
use wxp_core::{SerialNumber, TenantId};

/// How often the runner looks for work without being woken: jobs another
/// process queued, or one a dead process held.
const POLL: Duration = Duration::from_secs(1);

/// Runs jobs until the process ends.
pub async fn run(state: AppState) {
    loop {
        match step(&state).await {
            Ok(Some(_)) => continue,
            Ok(None) => {
                let wait = until_due(&state).await.unwrap_or(POLL);
                let _ = tokio::time::timeout(wait, state.jobs.notified()).await;
            }
            Err(e) => {
                tracing::error!("transfer runner: {e}; retrying");
                tokio::time::sleep(POLL).await;
            }
        }
    }
}

/// Marks queued jobs Running, then runs the oldest due job, if any:
/// answers the job it completed.
pub async fn step(state: &AppState) -> Result<Option<JobId>, sqlx::Error> {
    let started = with_retries(|| async {
        let mut tx = state.db.write().await?;
        let started = store::start_queued(&mut tx).await?;
        tx.commit().await?;
        Ok(started)
    })
    .await?;
    for partner in started {
        state
            .live
            .tell(Topic::Transfers, Audience::Partner(partner, None));
    }
    let completed = with_retries(|| async {
        let mut tx = state.db.write_locking_rows().await?;
        let job = run_due_in(&mut tx, crate::clock::now_ms()).await?;
        tx.commit().await?;
        Ok(job)
    })
    .await?;
    let Some(job) = completed else {
        return Ok(None);
    };
    tell_completed(state, &job);
    Ok(Some(job.id))
}

/// How long until the next job is due, at most [`POLL`].
async fn until_due(state: &AppState) -> Result<Duration, sqlx::Error> {
    let due = store::next_due(&mut *state.db.pool().acquire().await?).await?;
    Ok(match due {
        Some(at) => {
            let wait = (at - crate::clock::now_ms()).max(1) as u64;
            Duration::from_millis(wait).min(POLL)
        }
        None => POLL,
    })
}

/// Claims the oldest job due at `now_ms` and runs it in `tx`; answers it,
/// or `None` if no job is due. Nothing of it is kept unless `tx` commits.
pub async fn run_due_in(tx: &mut Tx, now_ms: i64) -> Result<Option<TransferJob>, sqlx::Error> {
    match store::claim_due(tx, now_ms).await? {
        Some(id) => complete(tx, id).await,
        None => Ok(None),
    }
}

/// Runs a claimed job to completion in `tx`; answers it, or `None` if it
/// is gone or already completed.
async fn complete(tx: &mut Tx, id: JobId) -> Result<Option<TransferJob>, sqlx::Error> {
    let Some(job) = store::job(tx, id).await? else {
        return Ok(None);
    };
    if job.state == JobState::Completed {
        return Ok(None);
    }
    let (kind, tenant) = tenant_columns(&job.source);
    // The PCs the job may move, locked until it commits: a concurrent
    // move of one of them waits, or is waited for and then seen.
    let sql = format!(
        "SELECT d.serial FROM devices d JOIN transfer_rows r ON r.serial_key = d.serial \
         WHERE r.job_id = $1 AND d.tenant_kind = $2 AND d.tenant_id = $3{}",
        Dialect::of(tx).lock_rows("d")
    );
    let present: Vec<(String,)> = sqlx::query_as(AssertSqlSafe(sql))
        .bind(id.0 as i64)
        .bind(kind)
        .bind(tenant)
        .fetch_all(&mut **tx)
        .await?;
    let in_source: HashSet<SerialNumber> = present
        .iter()
        .filter_map(|(s,)| SerialNumber::parse(s).ok())
        .collect();
    let (results, moves) = transfer::row_results(&job.rows, &job.source, &job.target, |s| {
        in_source.contains(s)
    });
    store::set_row_results(tx, id, &results).await?;
    let target = TenantId::Customer(job.target.clone());
    let moving: Vec<String> = moves.iter().map(|s| s.to_string()).collect();
    let (before, _) = store::device_counts(tx, &target).await?;
    let moved = store::move_devices(tx, &job.source, &target, &moving).await?;
    store::after_arrival(tx, &target, before, moved).await?;
    let succeeded = succeeded_in(&results);
    sqlx::query(
        "UPDATE transfer_jobs SET state = 'Completed', completed_at = $1, \
         rows_succeeded = $2, rows_failed = $3 WHERE id = $4",
    )
    .bind(crate::clock::now().0)
    .bind(succeeded as i64)
    .bind((results.len() - succeeded) as i64)
    .bind(id.0 as i64)
    .execute(&mut **tx)
    .await?;
    Ok(Some(job))
}

/// Tells the pages that show a completed job.
fn tell_completed(state: &AppState, job: &TransferJob) {
    let partner = Audience::Partner(job.partner.clone(), Some(job.target.clone()));
    state.live.tell_all(
        &[Topic::Transfers, Topic::Devices, Topic::Customers],
        &partner,
    );
    if let TenantId::Customer(source) = &job.source {
        let source = Audience::Partner(job.partner.clone(), Some(source.clone()));
        state
            .live
            .tell_all(&[Topic::Devices, Topic::Customers], &source);
    }
    state
        .live
        .tell(Topic::Notifications, Audience::User(job.user.clone()));
}
