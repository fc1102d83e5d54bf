//! The sign-in page: the e-mail and password form where the backend has
//! passwords (the portal's server), the demo accounts and demo data
//! controls where it runs the demo (the in-browser mock, a server in demo
//! mode).

mod demo_accounts;
mod demo_data;

pub use demo_data::DemoData;
mod password_form;

use crate::backend::{demo_accounts, use_backend, BackendError, StartupNotice};
use crate::components::loaded::loaded;
use crate::i18n::LanguageSwitch;
use crate::lazy_pages::{LateSection, LateView};
use crate::pages::landing::home_of;
use crate::paths;
use crate::session::CurrentSession;
use demo_accounts::DemoAccounts;
use demo_data::DemoReset;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::{use_navigate, use_query_map};
use password_form::PasswordForm;
use wxp_core::engine::Session;
use wxp_core::seed::DemoConfig;

/// The password form and the demo, as the backend offers them.
#[component]
pub fn SignIn() -> impl IntoView {
    let backend = use_backend();
    let passwords = backend.supports_passwords();
    // Here, not in the demo section, so that its outcome stays on screen
    // while the accounts it reset load again.
    let current = CurrentSession::expect();
    let reset = Action::new_local({
        let backend = backend.clone();
        move |config: &DemoConfig| {
            let (backend, config) = (backend.clone(), *config);
            async move {
                let reset = match backend.demo() {
                    Some(demo) => demo.reset_demo(config),
                    None => return Ok(()),
                };
                reset.await?;
                // Resetting signs everyone out; make sure of it here too.
                let _ = backend.sign_out().await;
                current.signed_out();
                Ok::<_, BackendError>(())
            }
        }
    });
    provide_context(DemoReset(reset));
    let accounts = LocalResource::new(move || {
        reset.version().track();
        demo_accounts(&*backend)
    });
    // The pages behind sign-in load while the user picks an account: once
    // the accounts are painted, not before, so they never delay them. The
    // demo data section comes with their code, and shows then.
    let i18n = expect_context::<leptos_fluent::I18n>();
    let accounts_painted = RwSignal::new(false);
    Effect::new(move |started: Option<bool>| {
        let shown = accounts.with(Option::is_some);
        if shown && started != Some(true) {
            let language = i18n.language.get_untracked().id;
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        accounts_painted.set(true);
                        leptos::task::spawn_local(crate::lazy_pages::preload(language))
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        shown || started == Some(true)
    });
    let demo_data = move || {
        accounts_painted
            .get()
            .then(|| view! { <LateSection view=LateView::DemoData/> })
    };
    // The demo data section is a sibling of the accounts, not inside their
    // reload: a reset reloads both, and neither may take the other away
    // while it is reading.
    view! {
        <main id="main" class="sign-in">
            <LanguageSwitch/>
            <header class="sign-in-header">
                <span class="brand-mark" aria-hidden="true">"hp"</span>
                <h1>{move_tr!("sign-in-title")}</h1>
                <p>{move_tr!("sign-in-subtitle")}</p>
            </header>
            {passwords.then(|| view! { <PasswordForm/> })}
            {loaded(accounts, move |found| found.map(|accounts| view! { <DemoAccounts accounts/> }))}
            {demo_data}
        </main>
    }
}

/// What to do once signed in: keep the session, drop any notice about an
/// earlier one, and go to the page the user asked for before signing in
/// (`?next=`, a page of this portal), else their Home.
fn use_enter() -> impl Fn(Session) + Clone + 'static {
    let current = CurrentSession::expect();
    let StartupNotice(notice) = expect_context();
    let navigate = use_navigate();
    let query = use_query_map();
    move |session: Session| {
        // A notice about an earlier session is stale once signed in.
        notice.set(None);
        let wanted = query.with_untracked(|q| q.get(paths::NEXT));
        let target = wanted
            .as_deref()
            .and_then(paths::wanted_path)
            .map(str::to_owned)
            .unwrap_or_else(|| home_of(&session));
        current.signed_in(session);
        navigate(&target, Default::default());
    }
}
