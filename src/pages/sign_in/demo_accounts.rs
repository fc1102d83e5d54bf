//! The demo accounts, each a button that signs in at once.

use super::use_enter;
use crate::backend::{use_backend, BackendError};
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use wxp_core::engine::Account;
use wxp_core::UserId;

/// Lists the demo accounts; a click signs in as one.
#[component]
pub fn DemoAccounts(accounts: Vec<Account>) -> impl IntoView {
    let backend = use_backend();
    let enter = use_enter();
    let sign_in = Action::new_local(move |user: &UserId| {
        let (backend, user, enter) = (backend.clone(), user.clone(), enter.clone());
        async move {
            // Only listed when the backend runs the demo.
            let Some(reply) = backend.demo().map(|demo| demo.sign_in_demo(user)) else {
                return Ok(());
            };
            let session = reply.await?;
            enter(session);
            Ok::<_, BackendError>(())
        }
    });
    view! {
        <section aria-labelledby="accounts-title">
            <h2 id="accounts-title">{move_tr!("sign-in-accounts-title")}</h2>
            <ul class="accounts">
                {accounts
                    .into_iter()
                    .map(|a| {
                        let id = a.user.id.clone();
                        let role = a.user.role.clone();
                        let kind = a.kind;
                        view! {
                            <li>
                                <button type="button" class="account" on:click=move |_| { sign_in.dispatch_local(id.clone()); }>
                                    <span class="account-role">{move || messages::role(&role)}</span>
                                    " · "
                                    <span class="account-org">{a.organisation}</span>
                                    <span class="account-user">{a.user.name} " (" {a.user.email} ")"</span>
                                    <span class="account-description">{move || messages::account(kind)}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {move || match sign_in.value().get() {
                Some(Err(e)) => Some(view! { <p role="alert" class="failed">{messages::request_error(&e)}</p> }),
                _ => None,
            }}
        </section>
    }
}
