//! The frame around every signed-in page: the top bar, the left menu with
//! the Customers drop-down, and the page in `<main>`.

use crate::backend::{use_backend, use_live, BackendError, Notice, StartupNotice};
use crate::components::loaded::{error_panel, loaded};
use crate::components::notification_center::NotificationCenter;
use crate::components::setup_notice::SetupIncompleteNotice;
use crate::i18n::{messages, LanguageSwitch};
use crate::paths::{self, CustomerPage};
use crate::session::CurrentSession;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::{Outlet, Redirect, A};
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use wxp_core::api::Topic;
use wxp_core::engine::{CustomerSummary, Scope, Session};
use wxp_core::ids::CustomerIdError;
use wxp_core::{CustomerId, PartnerKind};

/// What the Customers drop-down has selected, read from the URL.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// All Customers.
    All,
    /// One customer.
    Customer(CustomerId),
    /// The URL names something that is not a Customer ID.
    Invalid(String),
}

/// The selection in context.
#[derive(Clone, Copy)]
pub struct SelectionCtx(pub Memo<Selection>);

/// The selection inside the shell.
pub fn selection() -> Memo<Selection> {
    expect_context::<SelectionCtx>().0
}

/// The shell: redirects to sign-in when nobody is signed in, keeping the
/// address asked for.
///
/// Not a `<Transition>`: the frame is built once per session and never
/// again while it lasts, whatever its views read (a `<Transition>` above
/// it would take in every read of the views that have none of their own,
/// and rebuild the frame, with an open dialog, when a live update reloads
/// one).
#[component]
pub fn Shell() -> impl IntoView {
    let params = use_params_map();
    let selection = Memo::new(move |_| match params.read().get("customer") {
        None => Selection::All,
        Some(text) => match CustomerId::parse(&text) {
            Ok(id) => Selection::Customer(id),
            Err(_) => Selection::Invalid(text),
        },
    });
    provide_context(SelectionCtx(selection));

    let current = CurrentSession::expect().resource();
    // Changes only when the session does: reading it again gives the same.
    let session = Memo::new(move |_| current.get());
    let location = use_location();
    move || match session.get() {
        None => view! { <p class="loading" role="status">{move_tr!("loading")}</p> }.into_any(),
        Some(Err(e)) => error_panel(e).into_any(),
        Some(Ok(None)) => {
            let (path, query) = (
                location.pathname.get_untracked(),
                location.search.get_untracked(),
            );
            let wanted = if query.is_empty() {
                path
            } else {
                format!("{path}?{query}")
            };
            view! { <Redirect path=paths::sign_in_then(&wanted)/> }.into_any()
        }
        Some(Ok(Some(session))) => view! { <Frame session/> }.into_any(),
    }
}

/// The frame, once the session is known.
#[component]
fn Frame(session: Session) -> impl IntoView {
    let current = CurrentSession::expect();
    let StartupNotice(notice) = expect_context();
    let backend = use_backend();
    let live = use_live();
    let navigate = use_navigate();
    let sign_out = Action::new_local(move |_: &()| {
        let (reply, navigate) = (backend.sign_out(), navigate.clone());
        async move {
            match reply.await {
                Ok(()) => {
                    // Leaving on purpose: no page to come back to.
                    navigate(paths::SIGN_IN, Default::default());
                    current.signed_out();
                }
                // Still signed in: say why, on this page.
                Err(e) => notice.set(Some(Notice::Error(e))),
            }
        }
    });
    let organisation = match &session.scope {
        Scope::Partner(p) => p.name.clone(),
        Scope::Customer(c) => c.customer.name.clone(),
    };
    // Pages inside the frame know who is signed in and what they work on.
    provide_context(session.clone());
    let role = session.user.role.clone();
    let is_partner = matches!(session.scope, Scope::Partner(_));
    let menu = match session.scope {
        Scope::Partner(partner) => view! { <PartnerMenu partner/> }.into_any(),
        Scope::Customer(summary) => {
            view! { <CustomerMenu id=summary.customer.id.clone() name=summary.customer.name/> }
                .into_any()
        }
    };
    view! {
        <a class="skip-link" href="#main">{move_tr!("shell-skip-to-content")}</a>
        <div class="layout">
            <header class="topbar">
                <span class="brand">
                    <span class="brand-mark" aria-hidden="true">"hp"</span>
                    {move_tr!("shell-product-name")}
                </span>
                <span class="whoami">
                    <span class="user-name">{session.user.name.clone()}</span>
                    <span class="user-role">
                        {move || messages::role(&role)} " · " {organisation}
                    </span>
                </span>
                {move || live.paused().then(|| view! {
                    <span class="live-paused" role="status">{move_tr!("shell-live-updates-paused")}</span>
                })}
                <A href=paths::SUPPORT attr:class="help">{move_tr!("shell-help")}</A>
                <LanguageSwitch/>
                {is_partner.then(|| view! { <NotificationCenter/> })}
                <button type="button" class="sign-out" disabled=move || sign_out.pending().get()
                    on:click=move |_| { sign_out.dispatch_local(()); }>
                    {move_tr!("shell-sign-out")}
                </button>
            </header>
            <nav class="sidebar" aria-label=move_tr!("shell-main-menu")>
                {menu}
            </nav>
            <main id="main" tabindex="-1">
                <Outlet/>
            </main>
        </div>
    }
}

/// The partner's menu: the Customers drop-down and the links of the
/// selection.
#[component]
fn PartnerMenu(partner: wxp_core::Partner) -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let customers = LocalResource::new(move || {
        live.track(Topic::Customers);
        backend.customers()
    });
    let selection = selection();
    // A customer the partner does not have gets no links: its pages only
    // say so.
    let menu_of = Memo::new(move |_| match selection.get() {
        Selection::Customer(id) => {
            let theirs = customers.with(|list| match list {
                Some(Ok(list)) => list.iter().any(|s| s.customer.id == id),
                _ => true,
            });
            if theirs {
                Selection::Customer(id)
            } else {
                Selection::Invalid(id.to_string())
            }
        }
        other => other,
    });
    let setup_complete = partner.setup_complete;
    let kind = partner.kind;
    view! {
        {loaded(customers, move |list| view! { <CustomersDropDown customers=list/> })}
        {move || match menu_of.get() {
            Selection::All => {
                view! {
                    <ul class="menu">
                        <li><A href=paths::ALL_HOME exact=true>{move_tr!("menu-home")}</A></li>
                        <li><A href=paths::ALL_CUSTOMERS>{move_tr!("menu-customers")}</A></li>
                        <li><A href=paths::TRANSFERS>{move_tr!("menu-transfers")}</A></li>
                        <li><A href=paths::ALERTS>{move_tr!("menu-alerts")}</A></li>
                        {(kind == PartnerKind::ServiceDelivery).then(|| view! {
                            <li><A href=paths::REPAIR_REQUESTS>{move_tr!("menu-repair-requests")}</A></li>
                        })}
                        {setup_complete
                            .then(|| {
                                view! {
                                    <li><A href=paths::UNASSIGNED_DEVICES>{move_tr!("menu-unassigned-devices")}</A></li>
                                }
                            })}
                    </ul>
                    {(!setup_complete).then(|| view! { <SetupIncompleteNotice kind/> })}
                }
                    .into_any()
            }
            Selection::Customer(id) => view! { <CustomerLinks id/> }.into_any(),
            Selection::Invalid(_) => ().into_any(),
        }}
    }
}

/// The IT Admin's menu: their own customer's pages.
#[component]
fn CustomerMenu(id: CustomerId, name: String) -> impl IntoView {
    view! {
        <p class="menu-customer">{name}</p>
        <CustomerLinks id/>
    }
}

/// The links of one customer's dashboard.
#[component]
fn CustomerLinks(id: CustomerId) -> impl IntoView {
    let href = move |page| paths::customer(&id, page);
    view! {
        <ul class="menu">
            <li><A href=href(CustomerPage::Home) exact=true>{move_tr!("menu-home")}</A></li>
            <li>
                <span class="menu-group">{move_tr!("menu-devices")}</span>
                <ul>
                    <li><A href=href(CustomerPage::Pcs)>{move_tr!("menu-pcs")}</A></li>
                </ul>
            </li>
            <li><A href=href(CustomerPage::Account)>{move_tr!("menu-account")}</A></li>
            <li class="menu-bottom"><A href=href(CustomerPage::Settings)>{move_tr!("menu-settings")}</A></li>
        </ul>
    }
}

/// The Customers drop-down: All Customers, then every customer by name.
/// Choosing one navigates, so the selection lives in the URL; the page kind
/// is kept where the new selection has it (PCs of one customer to PCs of
/// another). An address that names none of them shows "Choose a
/// customer…".
#[component]
fn CustomersDropDown(customers: Vec<CustomerSummary>) -> impl IntoView {
    let listed: Vec<CustomerId> = customers.iter().map(|s| s.customer.id.clone()).collect();
    let selection = selection();
    let navigate = use_navigate();
    let location = use_location();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let target = match CustomerId::parse(&value) {
            Err(_) => paths::ALL_HOME.to_owned(),
            Ok(id) => {
                let page = CustomerPage::of_path(&location.pathname.get_untracked())
                    .unwrap_or(CustomerPage::Home);
                paths::customer(&id, page)
            }
        };
        navigate(&target, Default::default());
    };
    let value_of = move |s: &Selection| match s {
        Selection::All => "all".to_owned(),
        Selection::Customer(id) if listed.contains(id) => id.to_string(),
        _ => String::new(),
    };
    let value = {
        let value_of = value_of.clone();
        move || selection.with(&value_of)
    };
    // The initial `selected` attribute; `prop:value` follows changes.
    let initial = selection.with_untracked(&value_of);
    let choose = {
        let value = value.clone();
        move || {
            value().is_empty().then(|| {
                view! { <option value="" disabled selected>{move_tr!("menu-choose-customer")}</option> }
            })
        }
    };
    view! {
        <div class="customers-picker">
            <label for="customers-select">{move_tr!("menu-customers-picker")}</label>
            <select id="customers-select" on:change=on_change prop:value=value>
                {choose}
                <option value="all">{move_tr!("menu-all-customers")}</option>
                {customers
                    .into_iter()
                    .map(|s| {
                        let id = s.customer.id.to_string();
                        view! { <option value=id.clone() selected=initial == id>{s.customer.name}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The customer selected in the URL, loaded for the signed-in user and
/// again when it changes (its settings, or its PC counts); an address that
/// names no Customer ID is an error that says so.
pub fn customer_resource() -> LocalResource<Result<CustomerSummary, BackendError>> {
    let backend = use_backend();
    let live = use_live();
    let selection = selection();
    LocalResource::new(move || {
        live.track(Topic::Customers);
        live.track(Topic::Devices);
        let backend = backend.clone();
        let selection = selection.get();
        async move {
            match selection {
                Selection::Customer(id) => backend.customer(id).await,
                Selection::Invalid(found) => Err(BackendError::Address(CustomerIdError { found })),
                Selection::All => Err(BackendError::Address(CustomerIdError {
                    found: String::new(),
                })),
            }
        }
    })
}
