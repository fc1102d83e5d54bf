//! Hardware alerts and repairs (`routes/alerts.rs`).

use super::{Acting, Call};
use crate::api::{ScheduleRepair, SimulateAlert, Topic};
use crate::engine::AlertId;
use crate::local_api::changes::Audience;
use crate::local_api::request::{Answer, Reply};

/// `GET /alerts`: the alerts the user can see, newest first.
pub(super) fn list(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.alerts(&a.user)?))
}

/// `POST /alerts`: "Simulate alert" on a PC the user can see.
pub(super) fn simulate(call: &mut Call, a: &Acting) -> Answer {
    let form: SimulateAlert = call.json()?;
    let id = call
        .engine
        .simulate_alert(&a.user, &form.serial, form.kind, call.now)?;
    tell_alert(call, id);
    Ok(Reply::json(&id))
}

/// `POST /alerts/{id}/repair-request`: where the repair request went.
pub(super) fn request_repair(call: &mut Call, a: &Acting) -> Answer {
    let id = AlertId(a.params.number("id")?);
    let repair = call.engine.request_repair(&a.user, id, call.now)?;
    tell_alert(call, id);
    Ok(Reply::json(&repair))
}

/// `GET /repair-requests`: a Service Delivery partner's CSDP account.
pub(super) fn repair_requests(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.repair_requests(&a.user)?))
}

/// `POST /repair-requests/{id}/schedule`.
pub(super) fn schedule(call: &mut Call, a: &Acting) -> Answer {
    let id = AlertId(a.params.number("id")?);
    let form: ScheduleRepair = call.json()?;
    call.engine
        .schedule_repair(&a.user, id, form.on, call.now)?;
    tell_alert(call, id);
    Ok(Reply::NoContent)
}

/// Tells the alert's partner, and the customer whose PC it is.
fn tell_alert(call: &mut Call, id: AlertId) {
    if let Some(alert) = call.engine.alert(id) {
        call.changes.tell(Topic::Alerts, Audience::of_alert(alert));
    }
}
