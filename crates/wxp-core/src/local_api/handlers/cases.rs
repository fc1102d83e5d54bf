//! Support cases (`routes/cases.rs`).

use super::{at_most, Acting, Call};
use crate::api::Topic;
use crate::engine::NewCase;
use crate::local_api::changes::Audience;
use crate::local_api::request::{Answer, Reply};

/// `POST /support-cases`: answers the case's number.
pub(super) fn open(call: &mut Call, a: &Acting) -> Answer {
    let case: NewCase = call.json()?;
    at_most(case.serials.len(), |max, n| {
        format!("a support case names at most {max} serial numbers, not {n}")
    })?;
    let id = call.engine.open_case(&a.user, case, call.now)?;
    call.changes
        .tell(Topic::Cases, Audience::User(a.user.clone()));
    Ok(Reply::json(&id))
}

/// `GET /support-cases`: the user's cases, newest first.
pub(super) fn list(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.cases(&a.user)?))
}
