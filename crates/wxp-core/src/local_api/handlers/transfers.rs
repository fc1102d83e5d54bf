//! Transfers and the Notification Center (`routes/transfers.rs`). A
//! submitted job runs in the background: `LocalApi::run_due_jobs`.

use super::{at_most, Acting, Call};
use crate::api::Topic;
use crate::engine::{JobId, TransferRequest};
use crate::local_api::changes::Audience;
use crate::local_api::request::{Answer, Reply};

/// `POST /transfers`: queues a transfer; the same key from the same user
/// answers the job it first created, and changes nothing.
pub(super) fn submit(call: &mut Call, a: &Acting) -> Answer {
    let request: TransferRequest = call.json()?;
    at_most(request.rows.len(), |max, n| {
        format!("a transfer takes at most {max} rows, not {n}")
    })?;
    let logged = call.engine.events().len();
    let job = call.engine.submit_transfer(&a.user, request, call.now)?;
    let queued = call.engine.events().len() > logged;
    if queued {
        call.jobs.submitted(job, call.now_ms);
        if let Some(j) = call.engine.job(job) {
            let audience = Audience::Partner(j.partner.clone(), None);
            call.changes.tell(Topic::Transfers, audience);
        }
    }
    Ok(Reply::json(&job))
}

/// `GET /transfers`: the partner's transfers, newest first.
pub(super) fn list(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.transfers(&a.user)?))
}

/// `GET /transfers/{id}`.
pub(super) fn one(call: &mut Call, a: &Acting) -> Answer {
    let id = JobId(a.params.number("id")?);
    Ok(Reply::json(&call.engine.transfer(&a.user, id)?))
}

/// `GET /notifications`: the user's completed transfers, newest first.
pub(super) fn notifications(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.notifications(&a.user)?))
}

/// `POST /notifications/{id}/read`.
pub(super) fn mark_read(call: &mut Call, a: &Acting) -> Answer {
    let id = JobId(a.params.number("id")?);
    call.engine.mark_read(&a.user, id)?;
    call.changes
        .tell(Topic::Notifications, Audience::User(a.user.clone()));
    Ok(Reply::NoContent)
}
