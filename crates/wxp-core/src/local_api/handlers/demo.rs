//! The demo's own routes (`routes/demo.rs`): the demo accounts, one-click
//! sign-in, the demo configuration and the reset. The in-browser backend
//! is always the demo, so they always work.

use super::Call;
use crate::api::{DemoSignIn, ErrorReason, Topic};
use crate::engine::Engine;
use crate::local_api::changes::Audience;
use crate::local_api::request::{Answer, Reply};
use crate::seed::DemoConfig;

/// `GET /demo/accounts`: every account, as the sign-in page lists them.
pub(super) fn accounts(call: &mut Call) -> Answer {
    Ok(Reply::json(&call.engine.accounts()))
}

/// `POST /demo/session`: signs in as a demo account, in place of whoever
/// was signed in; an account the data does not have is refused as wrong
/// credentials (401).
pub(super) fn sign_in(call: &mut Call) -> Answer {
    let form: DemoSignIn = call.json()?;
    if call.engine.find_user(&form.user).is_none() {
        return Err(ErrorReason::WrongCredentials.into());
    }
    let session = call.engine.session(&form.user)?;
    call.identity.sign_in(form.user);
    Ok(Reply::json(&session))
}

/// `GET /demo/config`: what the demo data was seeded from.
pub(super) fn config(call: &mut Call) -> Answer {
    Ok(Reply::json(&call.engine.config()))
}

/// `POST /demo/reset`: the seed of the configuration given, in place of
/// every change. Whoever was signed in is signed out, as the server ends
/// every demo session; everyone hears that everything changed.
pub(super) fn reset(call: &mut Call) -> Answer {
    let config: DemoConfig = call.json()?;
    *call.engine = Engine::new(config);
    call.jobs.forget();
    call.replaced = true;
    call.identity.sign_out();
    call.changes.tell_all(&Topic::ALL, &Audience::Everyone);
    Ok(Reply::NoContent)
}
