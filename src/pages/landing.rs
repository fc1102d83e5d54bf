//! `/`: sends the user to their Home, or to sign in.

use crate::backend::use_backend;
use crate::components::loaded::loaded;
use crate::paths::{self, CustomerPage};
use crate::session::SignedIn;
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
    let signed_in = SignedIn::expect();
    let backend = use_backend();
    move || match signed_in.0.get() {
        None => view! { <Redirect path=paths::SIGN_IN/> }.into_any(),
        Some(user) => {
            let backend = backend.clone();
            let session = LocalResource::new(move || backend.session(user.clone()));
            loaded(session, |s| view! { <Redirect path=home_of(&s)/> }).into_any()
        }
    }
}
