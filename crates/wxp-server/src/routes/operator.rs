//! The operator's API: calls authenticated by the operator's bearer token,
//! not by a user's session.

use super::extract::{Json, Text};
use crate::auth::OperatorToken;
use crate::error::{ApiError, ApiResult};
use crate::ingest::{ingest_live, IngestReport};
use crate::state::AppState;
use axum::extract::State;
use wxp_core::rules::text::{self, TextKind};

/// Adds the PCs of an e2Open resale report (CSV: Serial Number, Model,
/// Product Number, Support Plan, Partner) to their partners' Unassigned
/// Devices. Sending the same report again changes nothing.
#[utoipa::path(post, path = "/operator/ingest", tag = "operator",
    request_body(content = String, content_type = "text/csv", description = "The resale report"),
    responses((status = 200, description = "What was added, and every bad row with its line", body = IngestReport),
              (status = 401, description = "Not the operator's token")),
    security(("operator" = [])))]
pub async fn ingest(
    State(state): State<AppState>,
    _operator: OperatorToken,
    Text(body): Text,
) -> ApiResult<Json<IngestReport>> {
    if body.trim().is_empty() {
        return Err(ApiError::bad_request("the resale report is empty"));
    }
    // Each line of the report is one line of text: a file holding a NUL or
    // another control character is not a report, and none of it is taken.
    for (i, line) in body.lines().enumerate() {
        text::check(TextKind::Line, line).map_err(|problem| {
            ApiError::bad_request(format!(
                "the resale report is refused: line {} {problem}",
                i + 1
            ))
        })?;
    }
    Ok(Json(ingest_live(&state, &body).await?))
}
