//! Customers (`routes/customers.rs`, `settings.rs`, `enrolments.rs`): the
//! list, one customer, the portfolio, creating a dashboard, its settings
//! and enrolling PCs with its cPIN.

use super::{at_most, Acting, Call};
use crate::api::{Enrolment, Switch, Topic};
use crate::engine::{EnrolOutcome, NewCustomer};
use crate::local_api::changes::Audience;
use crate::local_api::request::{Answer, Refusal, Reply};
use crate::CustomerId;

/// `GET /customers`: the customers the user may see, by name.
pub(super) fn list(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.customers(&a.user)?))
}

/// `GET /customers/{id}`.
pub(super) fn one(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.customer(&a.user, &a.customer())?))
}

/// `GET /portfolio`: a partner's customers and Unassigned Devices count.
pub(super) fn portfolio(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.portfolio(&a.user)?))
}

/// `POST /customers`: a new dashboard; answers its Customer ID.
pub(super) fn create(call: &mut Call, a: &Acting) -> Answer {
    let new: NewCustomer = call.json()?;
    let id = call.engine.create_customer(&a.user, new)?;
    tell_customer(call, a, &id, &[Topic::Customers])?;
    Ok(Reply::json(&id))
}

/// `PUT /customers/{id}/settings/insights-collection`: what device lists
/// show changes too.
pub(super) fn set_insights_collection(call: &mut Call, a: &Acting) -> Answer {
    let id = a.customer();
    let switch: Switch = call.json()?;
    call.engine
        .set_insights_collection(&a.user, &id, switch.enabled)?;
    tell_customer(call, a, &id, &[Topic::Customers, Topic::Devices])?;
    Ok(Reply::NoContent)
}

/// `PUT /customers/{id}/settings/self-service-alerts`.
pub(super) fn set_self_service_alerts(call: &mut Call, a: &Acting) -> Answer {
    let id = a.customer();
    let switch: Switch = call.json()?;
    call.engine
        .set_self_service_alerts(&a.user, &id, switch.enabled)?;
    tell_customer(call, a, &id, &[Topic::Customers])?;
    Ok(Reply::NoContent)
}

/// `POST /customers/{id}/enrolments`: one outcome per serial number; a
/// change is told only when a PC moved.
pub(super) fn enrol(call: &mut Call, a: &Acting) -> Answer {
    let id = a.customer();
    let form: Enrolment = call.json()?;
    at_most(form.serials.len(), |max, n| {
        format!("an enrolment takes at most {max} serial numbers, not {n}")
    })?;
    let outcomes = call.engine.enrol(&a.user, &id, &form.cpin, &form.serials)?;
    if outcomes.contains(&EnrolOutcome::Enrolled) {
        tell_customer(call, a, &id, &[Topic::Devices, Topic::Customers])?;
    }
    Ok(Reply::json(&outcomes))
}

/// Tells `topics` to the customer's partner and its own IT Admins.
fn tell_customer(
    call: &mut Call,
    a: &Acting,
    id: &CustomerId,
    topics: &[Topic],
) -> Result<(), Refusal> {
    let customer = call.engine.customer(&a.user, id)?.customer;
    call.changes
        .tell_all(topics, &Audience::of_customer(&customer));
    Ok(())
}
