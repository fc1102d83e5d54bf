//! Support cases.

use super::extract::Json;
use crate::auth::Actor;
use crate::error::{ApiError, ApiResult};
use crate::live::Audience;
use crate::state::AppState;
use axum::extract::State;
use wxp_core::api::Topic;
use wxp_core::date::Timestamp;
use wxp_core::engine::{NewCase, SupportCase};
use wxp_core::rules::support;
use wxp_core::Role;

/// The organisation a user writes from: their partner's or customer's name.
async fn organisation(conn: &mut crate::store::Conn, actor: &Actor) -> ApiResult<String> {
    Ok(match actor.role() {
        Role::PartnerAdmin { .. } => actor.partner.as_ref().map(|p| p.name.clone()),
        Role::ItAdmin { customer } => crate::store::customer(conn, customer)
            .await?
            .map(|c| c.name),
    }
    .unwrap_or_default())
}

/// Most serial numbers one case names: every row of a transfer (a case
/// opened from its failed rows).
pub const MAX_SERIALS: usize = super::transfers::MAX_ROWS;

/// Opens a support case.
#[utoipa::path(post, path = "/support-cases", tag = "support",
    request_body(content = inline(Object), description = "`{\"subject\", \"description\", \"serials\": […]}`"),
    responses((status = 200, description = "The case's number"),
              (status = 422, description = "No subject, or a serial number is malformed")))]
pub async fn open(
    State(state): State<AppState>,
    actor: Actor,
    Json(case): Json<NewCase>,
) -> ApiResult<Json<u64>> {
    if case.serials.len() > MAX_SERIALS {
        return Err(ApiError::bad_request(format!(
            "a support case names at most {MAX_SERIALS} serial numbers, not {}",
            case.serials.len()
        )));
    }
    let case = support::check_case(case)?;
    let mut tx = state.db.write().await?;
    let org = organisation(&mut tx, &actor).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO support_cases (user_id, organisation, subject, description, opened_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(&actor.user.id.0)
    .bind(&org)
    .bind(&case.subject)
    .bind(&case.description)
    .bind(crate::clock::now().0)
    .fetch_one(&mut *tx)
    .await?;
    for (position, serial) in case.serials.iter().enumerate() {
        sqlx::query(
            "INSERT INTO support_case_serials (case_id, position, serial) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(serial)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    state
        .live
        .tell(Topic::Cases, Audience::User(actor.user.id.clone()));
    Ok(Json(id as u64))
}

/// The user's support cases, newest first.
#[utoipa::path(get, path = "/support-cases", tag = "support",
    responses((status = 200, description = "The cases the user opened, newest first")))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
) -> ApiResult<Json<Vec<SupportCase>>> {
    let mut tx = state.db.read().await?;
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, organisation, subject, description, opened_at FROM support_cases \
         WHERE user_id = $1 ORDER BY id DESC",
    )
    .bind(&actor.user.id.0)
    .fetch_all(&mut *tx)
    .await?;
    let mut cases = Vec::with_capacity(rows.len());
    for (id, organisation, subject, description, opened_at) in rows {
        let serials: Vec<(String,)> = sqlx::query_as(
            "SELECT serial FROM support_case_serials WHERE case_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        cases.push(SupportCase {
            id: id as u64,
            user: actor.user.id.clone(),
            organisation,
            case: NewCase {
                subject,
                description,
                serials: serials.into_iter().map(|(s,)| s).collect(),
            },
            opened_at: Timestamp(opened_at),
        });
    }
    Ok(Json(cases))
}
