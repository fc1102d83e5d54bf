//! Signing in with an e-mail address and password.

use super::use_enter;
use crate::backend::{use_backend, BackendError};
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// The e-mail and password form; the server's refusal (wrong password, too
/// many attempts) is said under it.
#[component]
pub fn PasswordForm() -> impl IntoView {
    let backend = use_backend();
    let enter = use_enter();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sign_in = Action::new_local(move |(email, password): &(String, String)| {
        let reply = backend.sign_in(email.clone(), password.clone());
        let enter = enter.clone();
        async move {
            let session = reply.await?;
            enter(session);
            Ok::<_, BackendError>(())
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        sign_in.dispatch_local((email.get(), password.get()));
    };
    view! {
        <form class="panel password-sign-in" on:submit=submit aria-labelledby="password-title">
            <h2 id="password-title">{move_tr!("sign-in-password-title")}</h2>
            <label class="field">
                <span>{move_tr!("sign-in-email")}</span>
                <input type="email" autocomplete="username" required
                    prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>{move_tr!("sign-in-password")}</span>
                <input type="password" autocomplete="current-password" required
                    prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="primary" disabled=move || sign_in.pending().get()>
                {move_tr!("sign-in-button")}
            </button>
            {move || sign_in.value().get().and_then(Result::err).map(|e| view! {
                <p role="alert" class="failed">{messages::request_error(&e)}</p>
            })}
        </form>
    }
}
