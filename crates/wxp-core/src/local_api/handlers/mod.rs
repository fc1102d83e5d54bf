//! The handlers, by area: each answers one route as the server's handler of
//! that route does (`wxp-server`'s `routes/*.rs`), in the same order of
//! checks: who is acting (401), the path (400), the body (400/422), the
//! request's size (400), then the domain's rules.

mod alerts;
mod cases;
mod customers;
mod demo;
mod devices;
mod session;
mod transfers;

use super::changes::Changes;
use super::jobs::Jobs;
use super::request::{self, Answer, Params, Refusal};
use super::routes::Route;
use super::session::Identity;
use crate::api::{ErrorBody, API_BASE};
use crate::date::Timestamp;
use crate::engine::Engine;
use crate::{CustomerId, UserId};
use serde::de::DeserializeOwned;

/// One request, and what it may change.
pub(super) struct Call<'a> {
    pub engine: &'a mut Engine,
    pub identity: &'a mut Identity,
    pub jobs: &'a mut Jobs,
    /// Set when the request replaced the whole state (a reset).
    pub replaced: bool,
    pub changes: &'a mut Changes,
    /// Now, in seconds, as the domain counts.
    pub now: Timestamp,
    /// Now, in milliseconds.
    pub now_ms: i64,
    /// The method, as matched.
    pub method: &'a str,
    /// The path, relative to the API base.
    pub path: &'a str,
    /// The path parameters, as sent.
    pub raw_params: Vec<(&'static str, &'a str)>,
    /// The body, as sent.
    pub body: &'a [u8],
}

impl Call<'_> {
    /// The body as a `T`, or the server's refusal of it.
    fn json<T: DeserializeOwned>(&self) -> Result<T, Refusal> {
        request::json(self.body)
    }
}

/// The signed-in account and the request's path parameters, read in the
/// server's order: who acts first, then the address.
struct Acting {
    user: UserId,
    params: Params,
}

impl Acting {
    /// The Customer ID the parameter `id` names. A malformed one gets the
    /// same answer as another tenant's: there is no such customer here.
    fn customer(&self) -> CustomerId {
        let id = self.params.text("id");
        CustomerId::parse(id).unwrap_or_else(|_| CustomerId(id.to_owned()))
    }
}

/// Answers `route`.
pub(super) fn answer(route: Route, call: &mut Call) -> Answer {
    if let Some(why) = route.server_only() {
        return Err(Refusal::new(
            crate::api::status::NOT_FOUND,
            ErrorBody::not_found(format!(
                "there is no API route {} {API_BASE}{} in the in-browser backend: {why}",
                call.method, call.path
            )),
        ));
    }
    if !route.needs_actor() {
        return match route {
            Route::SignOut => session::sign_out(call),
            Route::DemoAccounts => demo::accounts(call),
            Route::DemoSignIn => demo::sign_in(call),
            Route::DemoConfig => demo::config(call),
            Route::DemoReset => demo::reset(call),
            other => unreachable!("{other:?} acts as a user"),
        };
    }
    let user = call.identity.actor(call.engine)?;
    let params = Params::decode(&call.raw_params)?;
    let a = Acting { user, params };
    match route {
        Route::CurrentSession => session::current(call, &a),
        Route::Customers => customers::list(call, &a),
        Route::CreateCustomer => customers::create(call, &a),
        Route::Customer => customers::one(call, &a),
        Route::Portfolio => customers::portfolio(call, &a),
        Route::InsightsCollection => customers::set_insights_collection(call, &a),
        Route::SelfServiceAlerts => customers::set_self_service_alerts(call, &a),
        Route::Enrol => customers::enrol(call, &a),
        Route::UnassignedDevices => devices::unassigned(call, &a),
        Route::CustomerDevices => devices::of_customer(call, &a),
        Route::Locate => devices::locate(call, &a),
        Route::SubmitTransfer => transfers::submit(call, &a),
        Route::Transfers => transfers::list(call, &a),
        Route::Transfer => transfers::one(call, &a),
        Route::Notifications => transfers::notifications(call, &a),
        Route::MarkRead => transfers::mark_read(call, &a),
        Route::Alerts => alerts::list(call, &a),
        Route::SimulateAlert => alerts::simulate(call, &a),
        Route::RequestRepair => alerts::request_repair(call, &a),
        Route::RepairRequests => alerts::repair_requests(call, &a),
        Route::ScheduleRepair => alerts::schedule(call, &a),
        Route::OpenCase => cases::open(call, &a),
        Route::Cases => cases::list(call, &a),
        other => unreachable!("{other:?} is answered above"),
    }
}

/// A 400 when a request names more than the API takes.
fn at_most(count: usize, what: impl FnOnce(usize, usize) -> String) -> Result<(), Refusal> {
    if count > crate::api::MAX_ITEMS {
        Err(Refusal::bad_request(what(crate::api::MAX_ITEMS, count)))
    } else {
        Ok(())
    }
}
