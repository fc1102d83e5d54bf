//! Transfers: submitting one, the partner's list, one job, and the
//! submitter's notifications.

use super::extract::{Json, Path};
use crate::auth::Actor;
use crate::error::{ApiError, ApiResult};
use crate::live::Audience;
use crate::state::AppState;
use crate::store::{self, NewJob};
use axum::extract::State;
use axum::http::StatusCode;
use wxp_core::api::Topic;
use wxp_core::engine::{JobId, TransferJob, TransferRequest, TransferSummary};
use wxp_core::rules::{access, transfer};
use wxp_core::{AccessError, TenantId};

/// Most rows one transfer takes.
pub const MAX_ROWS: usize = 200_000;

/// Queues a transfer. The same key from the same user answers the job it
/// first created, whatever happened in between.
#[utoipa::path(post, path = "/transfers", tag = "transfers",
    request_body(content = inline(Object), description = "`{\"key\", \"source\", \"rows\": [{\"serial\", \"customer\"}]}`"),
    responses((status = 200, description = "The job's number"),
              (status = 403, description = "Not a partner admin, or not this source"),
              (status = 422, description = "Refused before it was queued")))]
pub async fn submit(
    State(state): State<AppState>,
    actor: Actor,
    Json(request): Json<TransferRequest>,
) -> ApiResult<Json<JobId>> {
    if request.rows.len() > MAX_ROWS {
        return Err(ApiError::bad_request(format!(
            "a transfer takes at most {MAX_ROWS} rows, not {}",
            request.rows.len()
        )));
    }
    let mut tx = state.db.write().await?;
    if let Some(job) = store::job_by_key(&mut tx, &actor.user.id, &request.key).await? {
        return Ok(Json(job));
    }
    let source_customer = match &request.source {
        TenantId::Customer(id) => store::customer(&mut tx, id).await?,
        TenantId::Holding(_) => None,
    };
    let target_customer = match transfer::claimed_target(&request.rows) {
        Some(id) => store::customer(&mut tx, &id).await?,
        None => None,
    };
    let facts = transfer::SubmissionFacts {
        role: actor.role(),
        partner: actor.partner.as_ref(),
        source_customer: source_customer.as_ref(),
        target_customer: target_customer.as_ref(),
    };
    let (partner, target) = transfer::check_submission(&request, &facts)?;
    let source_name = transfer::tenant_name(
        &request.source,
        source_customer.as_ref().map(|c| c.name.as_str()),
    );
    let target_name = target_customer.map(|c| c.name).unwrap_or_default();
    let now = crate::clock::now();
    let job = store::insert_job(
        &mut tx,
        &request,
        NewJob {
            user: &actor.user.id,
            partner: &partner,
            source_name: &source_name,
            target: &target,
            target_name: &target_name,
            at: now,
            run_after_ms: crate::clock::now_ms() + state.config.transfer_delay.as_millis() as i64,
        },
    )
    .await?;
    tx.commit().await?;
    state.jobs.notify_one();
    state
        .live
        .tell(Topic::Transfers, Audience::Partner(partner, None));
    Ok(Json(job))
}

/// The partner's transfers, newest first.
#[utoipa::path(get, path = "/transfers", tag = "transfers",
    responses((status = 200, description = "Every transfer of the partner, newest first: state and counts, without rows"),
              (status = 403, description = "Not a partner admin")))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
) -> ApiResult<Json<Vec<TransferSummary>>> {
    let partner = access::acting_partner_id(actor.role())?;
    let mut tx = state.db.read().await?;
    Ok(Json(store::jobs_of_partner(&mut tx, partner).await?))
}

/// One transfer of the partner's.
#[utoipa::path(get, path = "/transfers/{id}", tag = "transfers",
    params(("id" = u64, Path, description = "The transfer's number")),
    responses((status = 200, description = "The transfer, with its Summary once completed"),
              (status = 404, description = "No such transfer in the user's account")))]
pub async fn one(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<u64>,
) -> ApiResult<Json<TransferJob>> {
    let partner = access::acting_partner_id(actor.role())?;
    let mut tx = state.db.read().await?;
    store::job(&mut tx, JobId(id))
        .await?
        .filter(|j| &j.partner == partner)
        .map(Json)
        .ok_or_else(|| AccessError::NoSuchTransfer(JobId(id)).into())
}

/// The user's notifications: their completed transfers, newest first.
#[utoipa::path(get, path = "/notifications", tag = "transfers",
    responses((status = 200, description = "The user's completed transfers, newest first: state and counts, without rows")))]
pub async fn notifications(
    State(state): State<AppState>,
    actor: Actor,
) -> ApiResult<Json<Vec<TransferSummary>>> {
    let mut tx = state.db.read().await?;
    Ok(Json(
        store::completed_jobs_of(&mut tx, &actor.user.id).await?,
    ))
}

/// Marks a notification read.
#[utoipa::path(post, path = "/notifications/{id}/read", tag = "transfers",
    params(("id" = u64, Path, description = "The transfer's number")),
    responses((status = 204, description = "Marked read"),
              (status = 404, description = "No such transfer of the user's")))]
pub async fn mark_read(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<u64>,
) -> ApiResult<StatusCode> {
    let mut tx = state.db.write().await?;
    let updated =
        sqlx::query("UPDATE transfer_jobs SET read = TRUE WHERE id = $1 AND user_id = $2")
            .bind(id as i64)
            .bind(&actor.user.id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    tx.commit().await?;
    if updated == 0 {
        return Err(AccessError::NoSuchTransfer(JobId(id)).into());
    }
    state
        .live
        .tell(Topic::Notifications, Audience::User(actor.user.id.clone()));
    Ok(StatusCode::NO_CONTENT)
}
