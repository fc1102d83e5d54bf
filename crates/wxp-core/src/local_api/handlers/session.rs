//! Who is signed in, and signing out (`routes/session.rs`). Signing in
//! with a password is the server's only; the demo accounts sign in with
//! one click (`demo.rs`).

use super::{Acting, Call};
use crate::local_api::request::{Answer, Reply};

/// `GET /session`: the signed-in user and what they work on.
pub(super) fn current(call: &mut Call, a: &Acting) -> Answer {
    Ok(Reply::json(&call.engine.session(&a.user)?))
}

/// `DELETE /session`: signs out, whoever was signed in (204 either way).
pub(super) fn sign_out(call: &mut Call) -> Answer {
    call.identity.sign_out();
    Ok(Reply::NoContent)
}
