//! `/`: sends the user to their Home, or to sign in.

use crate::components::loaded::loaded;
use crate::paths::{self, CustomerPage};
use crate::session::CurrentSession;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use wxp_core::engine::{Scope, Session};

/// Where a signed-in user starts: All Customers for a partner, the
/// customer's Home for an IT Admin.
pub fn home_of(session: &Session) -> String {
    match &session.scope {
        Scope::Partner(_) => paths::ALL_HOME.to_owned(),
        Scope::Customer(c) => paths::customer(&c.customer.id, CustomerPage::Home),
    }
}

/// Redirects to the signed-in user's Home, or to the sign-in page.
#[component]
pub fn Landing() -> impl IntoView {
    let current = CurrentSession::expect();
    // Asks again: "Home" is where a user whose session ended (on the
    // server) goes, and must not lead back to the page that said so.
    current.refetch();
    loaded(current.resource(), |found| match found {
        None => view! { <Redirect path=paths::SIGN_IN/> }.into_any(),
        Some(session) => view! { <Redirect path=home_of(&session)/> }.into_any(),
    })
}
