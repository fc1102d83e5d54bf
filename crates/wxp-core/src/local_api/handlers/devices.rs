//! Device lists, and where PCs are (`routes/devices.rs`).

use super::{at_most, Acting, Call};
use crate::api::Located;
use crate::local_api::request::{Answer, Reply};
use crate::{PartnerId, SerialNumber, TenantId};

/// `GET /partners/{partner}/unassigned-devices`: the partner's holding
/// tenant.
pub(super) fn unassigned(call: &mut Call, a: &Acting) -> Answer {
    let tenant = TenantId::Holding(PartnerId(a.params.text("partner").to_owned()));
    Ok(Reply::json(&call.engine.devices(&a.user, &tenant)?))
}

/// `GET /customers/{id}/devices`: a customer's dashboard.
pub(super) fn of_customer(call: &mut Call, a: &Acting) -> Answer {
    let tenant = TenantId::Customer(a.customer());
    Ok(Reply::json(&call.engine.devices(&a.user, &tenant)?))
}

/// `POST /devices/locate`: where the user sees each of the serial numbers
/// given, grouped by place.
pub(super) fn locate(call: &mut Call, a: &Acting) -> Answer {
    let serials: Vec<SerialNumber> = call.json()?;
    at_most(serials.len(), |max, n| {
        format!("at most {max} serial numbers at once, not {n}")
    })?;
    let found = call.engine.locate(&a.user, &serials)?;
    Ok(Reply::json(&Located::group(found)))
}
