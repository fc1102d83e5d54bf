//! The live-update stream: Server-Sent Events naming the topics that
//! changed for the signed-in user's organisation.
//!
//! A stream lasts as long as its session: it ends at once when the user
//! signs out (here or in another tab) or the demo data is reset, within a
//! check interval when the session expires, and when the server stops.

use crate::auth::{session, Actor};
use crate::live::Change;
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::broadcast::Receiver;
use wxp_core::api::Topic;
use wxp_core::{Role, UserId};

/// How often an idle stream checks that its session still stands.
const SESSION_CHECK: Duration = Duration::from_secs(15);

fn event(topic: Topic) -> Event {
    Event::default().data(serde_json::to_string(&topic).expect("topics serialise"))
}

/// One user's listening.
struct Listener {
    state: AppState,
    changes: Receiver<Change>,
    ended: Receiver<String>,
    token_hash: String,
    user: UserId,
    role: Role,
    checks: tokio::time::Interval,
}

impl Listener {
    async fn session_stands(&self) -> bool {
        let found: Result<Option<(i64,)>, _> =
            sqlx::query_as("SELECT 1 FROM sessions WHERE token_hash = $1 AND expires_at > $2")
                .bind(&self.token_hash)
                .bind(crate::clock::now().0)
                .fetch_optional(self.state.db.pool())
                .await;
        // A database that cannot answer ends nothing: the next check will.
        !matches!(found, Ok(None))
    }

    /// The next topics to tell, or `None` when the stream ends.
    async fn next(mut self) -> Option<(Vec<Topic>, Listener)> {
        loop {
            // The database is asked whether the session stands on the
            // tick only, not for every change passed on: a sign-out ends
            // the stream at once through `ended`, from any process.
            let topics = tokio::select! {
                _ = self.state.stopped() => return None,
                _ = self.checks.tick() => {
                    if !self.session_stands().await {
                        return None;
                    }
                    Vec::new()
                }
                ended = self.ended.recv() => match ended {
                    Ok(hash) if hash == self.token_hash => return None,
                    // Another session, or missed ones: the check below tells.
                    _ => Vec::new(),
                },
                change = self.changes.recv() => match change {
                    Ok(change) if change.reaches(&self.user, &self.role) => vec![change.topic],
                    Ok(_) => continue,
                    // Missed changes: everything may have changed.
                    Err(RecvError::Lagged(_)) => Topic::ALL.to_vec(),
                    Err(RecvError::Closed) => return None,
                },
            };
            if !topics.is_empty() {
                return Some((topics, self));
            }
        }
    }
}

/// Live updates for the signed-in user.
#[utoipa::path(get, path = "/events", tag = "live",
    responses((status = 200, description = "text/event-stream; each message's data is a topic, e.g. \"transfers\""),
              (status = 401, description = "Nobody is signed in")))]
pub async fn stream(
    State(state): State<AppState>,
    actor: Actor,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let token_hash = session::session_token(&headers)
        .map(session::token_hash)
        .unwrap_or_default();
    let mut checks = tokio::time::interval(SESSION_CHECK);
    checks.reset();
    let listener = Listener {
        changes: state.live.subscribe(),
        ended: state.live.subscribe_ended(),
        state,
        token_hash,
        user: actor.user.id,
        role: actor.user.role,
        checks,
    };
    let topics = stream::unfold(listener, Listener::next)
        .flat_map(|topics| stream::iter(topics.into_iter().map(|t| Ok(event(t)))));
    Sse::new(topics).keep_alive(KeepAlive::default())
}
