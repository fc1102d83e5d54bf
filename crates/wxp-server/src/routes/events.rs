//! The live-update stream: Server-Sent Events naming the topics that
//! changed for the signed-in user's organisation.

use crate::auth::Actor;
use crate::state::AppState;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use tokio_stream::wrappers::BroadcastStream;
use wxp_core::api::Topic;

fn event(topic: Topic) -> Event {
    Event::default().data(serde_json::to_string(&topic).expect("topics serialise"))
}

/// Live updates for the signed-in user.
#[utoipa::path(get, path = "/events", tag = "live",
    responses((status = 200, description = "text/event-stream; each message's data is a topic, e.g. \"transfers\""),
              (status = 401, description = "Nobody is signed in")))]
pub async fn stream(
    State(state): State<AppState>,
    actor: Actor,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stopped = {
        let state = state.clone();
        async move { state.stopped().await }
    };
    let user = actor.user.id;
    let role = actor.user.role;
    let changes = BroadcastStream::new(state.live.subscribe()).flat_map(move |change| {
        let topics: Vec<Topic> = match change {
            Ok(change) if change.reaches(&user, &role) => vec![change.topic],
            Ok(_) => Vec::new(),
            // Missed changes: everything may have changed.
            Err(BroadcastStreamRecvError::Lagged(_)) => Topic::ALL.to_vec(),
        };
        stream::iter(topics.into_iter().map(|t| Ok(event(t))))
    });
    Sse::new(changes.take_until(Box::pin(stopped))).keep_alive(KeepAlive::default())
}
