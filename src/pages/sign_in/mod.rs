//! The sign-in page: the mock backend's demo accounts, and the demo data
//! controls.

use crate::backend::{use_backend, StartupNotice};
use crate::components::loaded::loaded;
use crate::i18n::{messages, LanguageSwitch};
use crate::pages::landing::home_of;
use crate::session::SignedIn;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::hooks::use_navigate;
use wxp_core::engine::Account;
use wxp_core::seed::{DemoConfig, DemoSize};
use wxp_core::UserId;

/// Lists the demo accounts, each a button that signs in.
#[component]
pub fn SignIn() -> impl IntoView {
    let backend = use_backend();
    let reset_version = RwSignal::new(0);
    let accounts = LocalResource::new({
        let backend = backend.clone();
        move || {
            reset_version.track();
            backend.accounts()
        }
    });
    view! {
        <main id="main" class="sign-in">
            <LanguageSwitch/>
            <header class="sign-in-header">
                <span class="brand-mark" aria-hidden="true">"hp"</span>
                <h1>{move_tr!("sign-in-title")}</h1>
                <p>{move_tr!("sign-in-subtitle")}</p>
            </header>
            <section aria-labelledby="accounts-title">
                <h2 id="accounts-title">{move_tr!("sign-in-accounts-title")}</h2>
                {loaded(accounts, |list| view! { <AccountList accounts=list/> })}
            </section>
            <DemoData reset_version/>
        </main>
    }
}

#[component]
fn AccountList(accounts: Vec<Account>) -> impl IntoView {
    let signed_in = SignedIn::expect();
    let StartupNotice(notice) = expect_context();
    let backend = use_backend();
    let navigate = use_navigate();
    let sign_in = Action::new_local(move |user: &UserId| {
        let (backend, user) = (backend.clone(), user.clone());
        async move { backend.session(user).await }
    });
    // Once the session is known, remember it and go to its Home.
    Effect::new(move |_| {
        if let Some(Ok(session)) = sign_in.value().get() {
            // A notice about an earlier session is stale once signed in.
            notice.set(None);
            signed_in.sign_in(session.user.id.clone());
            navigate(&home_of(&session), Default::default());
        }
    });
    view! {
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
            Some(Err(e)) => Some(view! { <p role="alert" class="failed">{messages::backend(&e)}</p> }),
            _ => None,
        }}
    }
}

/// The demo data's size and the Reset demo data action, with an inline
/// confirmation (nothing is discarded on a single click).
#[component]
fn DemoData(reset_version: RwSignal<usize>) -> impl IntoView {
    let backend = use_backend();
    let signed_in = SignedIn::expect();
    let config = LocalResource::new({
        let backend = backend.clone();
        move || {
            reset_version.track();
            backend.demo_config()
        }
    });
    let size = RwSignal::new(None::<DemoSize>);
    let confirming = RwSignal::new(false);
    let reset = Action::new_local(move |config: &DemoConfig| {
        let (backend, config) = (backend.clone(), *config);
        async move { backend.reset_demo(config).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = reset.value().get() {
            signed_in.sign_out();
            reset_version.update(|v| *v += 1);
        }
    });
    view! {
        <section class="demo-data" aria-labelledby="demo-data-title">
            <h2 id="demo-data-title">{move_tr!("demo-data-title")}</h2>
            {loaded(config, move |current| {
                let chosen = move || size.get().unwrap_or(current.size);
                view! {
                    <p>
                        {move_tr!("demo-data-current", {
                            "seed" => current.seed.to_string(),
                            "size" => messages::demo_size(current.size),
                        })}
                    </p>
                    <label class="field">
                        <span>{move_tr!("demo-data-size-after-reset")}</span>
                        <select
                            prop:value=move || format!("{:?}", chosen())
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                size.set(DemoSize::ALL.into_iter().find(|s| format!("{s:?}") == v));
                            }
                        >
                            {DemoSize::ALL.map(|s| view! { <option value=format!("{s:?}")>{move || messages::demo_size(s)}</option> })}
                        </select>
                    </label>
                    {move || if confirming.get() {
                        view! {
                            <div class="confirm" role="group" aria-label=move_tr!("demo-data-confirm-reset")>
                                <p>{move_tr!("demo-data-reset-warning")}</p>
                                <button type="button" class="danger" on:click=move |_| {
                                    confirming.set(false);
                                    reset.dispatch_local(DemoConfig { seed: current.seed, size: chosen() });
                                }>{move_tr!("demo-data-reset-now")}</button>
                                <button type="button" on:click=move |_| confirming.set(false)>{move_tr!("demo-data-cancel")}</button>
                            </div>
                        }.into_any()
                    } else {
                        view! { <button type="button" on:click=move |_| confirming.set(true)>{move_tr!("demo-data-reset")}</button> }.into_any()
                    }}
                }
            })}
            <p role="status">
                {move || match reset.value().get() {
                    Some(Ok(())) => tr!("demo-data-reset-done"),
                    Some(Err(e)) => messages::backend(&e),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
