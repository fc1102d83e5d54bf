//! The transfer runner: takes queued jobs one at a time and runs each in a
//! single transaction.
//!
//! A job is marked Running (so the page can say so), then run: its rows are
//! checked against the state of that moment by the domain's rules, every
//! successful move is applied, and the job is marked Completed, all in one
//! write transaction that first checks the job is not completed yet. A
//! crash (even kill -9) before the commit leaves the job as it was and
//! moves nothing; the next start runs it again. A job is therefore run
//! exactly once, and no PC is ever half-moved.

use crate::live::Audience;
use crate::state::AppState;
use crate::store::{self, tenant_columns};
use std::collections::HashSet;
use std::time::Duration;
use wxp_core::api::Topic;
use wxp_core::engine::{JobId, JobState};
use wxp_core::rules::transfer;
use wxp_core::{SerialNumber, TenantId};

/// How often the runner looks for work without being woken.
const POLL: Duration = Duration::from_secs(2);

/// Runs jobs until the process ends.
pub async fn run(state: AppState) {
    loop {
        match next(&state).await {
            Ok(true) => continue,
            Ok(false) => {
                let _ = tokio::time::timeout(POLL, state.jobs.notified()).await;
            }
            Err(e) => {
                tracing::error!("transfer runner: {e}; retrying");
                tokio::time::sleep(POLL).await;
            }
        }
    }
}

/// Takes one step on the oldest pending job; `false` when there is none.
pub async fn next(state: &AppState) -> Result<bool, sqlx::Error> {
    let pending = store::next_pending(&mut *state.db.pool().acquire().await?).await?;
    let Some((job, job_state)) = pending else {
        return Ok(false);
    };
    if job_state == JobState::Queued {
        start(state, job).await?;
        // A person sees the job running for a moment; a test kills the
        // server in this window to prove a running job survives a crash.
        tokio::time::sleep(state.config.transfer_delay).await;
    }
    complete(state, job).await?;
    Ok(true)
}

async fn start(state: &AppState, job: JobId) -> Result<(), sqlx::Error> {
    let mut tx = state.db.write().await?;
    let partner: Option<(String,)> = sqlx::query_as(
        "UPDATE transfer_jobs SET state = 'Running' WHERE id = $1 AND state = 'Queued' RETURNING partner_id",
    )
    .bind(job.0 as i64)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    if let Some((partner,)) = partner {
        state.live.tell(
            Topic::Transfers,
            Audience::Partner(wxp_core::PartnerId(partner), None),
        );
    }
    Ok(())
}

/// Runs a job to completion in one transaction.
pub async fn complete(state: &AppState, id: JobId) -> Result<(), sqlx::Error> {
    let mut tx = state.db.write().await?;
    let Some(job) = store::job(&mut tx, id).await? else {
        return Ok(());
    };
    if job.state == JobState::Completed {
        return Ok(());
    }
    let (kind, tenant) = tenant_columns(&job.source);
    let present: Vec<(String,)> = sqlx::query_as(
        "SELECT d.serial FROM devices d JOIN transfer_rows r ON r.serial_key = d.serial \
         WHERE r.job_id = $1 AND d.tenant_kind = $2 AND d.tenant_id = $3",
    )
    .bind(id.0 as i64)
    .bind(kind)
    .bind(tenant)
    .fetch_all(&mut *tx)
    .await?;
    let in_source: HashSet<SerialNumber> = present
        .iter()
        .filter_map(|(s,)| SerialNumber::parse(s).ok())
        .collect();
    let (results, moves) = transfer::row_results(&job.rows, &job.source, &job.target, |s| {
        in_source.contains(s)
    });
    store::set_row_results(&mut tx, id, &results).await?;
    let target = TenantId::Customer(job.target.clone());
    let moving: Vec<String> = moves.iter().map(|s| s.to_string()).collect();
    let (before, _) = store::device_counts(&mut tx, &target).await?;
    let moved = store::move_devices(&mut tx, &job.source, &target, &moving).await?;
    store::after_arrival(&mut tx, &target, before, moved).await?;
    sqlx::query("UPDATE transfer_jobs SET state = 'Completed', completed_at = $1 WHERE id = $2")
        .bind(crate::clock::now().0)
        .bind(id.0 as i64)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

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
    Ok(())
}
