//! The form that creates a customer dashboard.

use crate::backend::use_backend;
use crate::i18n::messages;
use crate::paths::{self, CustomerPage};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use wxp_core::engine::NewCustomer;

/// Name, country and admin e-mail; the backend issues the Customer ID and
/// the cPIN. The new customer appears in the Customers drop-down at once.
#[component]
pub fn CreateCustomer() -> impl IntoView {
    let backend = use_backend();
    let (name, country, email) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let create = Action::new_local(move |new: &NewCustomer| {
        let (backend, new) = (backend.clone(), new.clone());
        async move {
            let id = backend.create_customer(new.clone()).await?;
            for field in [name, country, email] {
                field.set(String::new());
            }
            Ok::<_, crate::backend::BackendError>((id, new.name.trim().to_owned()))
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch_local(NewCustomer {
            name: name.get(),
            country: country.get(),
            admin_email: email.get(),
        });
    };
    let field = |label: Signal<String>, value: RwSignal<String>, kind: &'static str| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input type=kind required prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <form class="panel create-customer" on:submit=submit aria-labelledby="create-customer-title">
            <h2 id="create-customer-title">{move_tr!("create-customer-title")}</h2>
            {field(move_tr!("create-customer-name"), name, "text")}
            {field(move_tr!("create-customer-country"), country, "text")}
            {field(move_tr!("create-customer-admin-email"), email, "email")}
            <button type="submit" class="primary" disabled=move || create.pending().get()>
                {move_tr!("create-customer-create")}
            </button>
            <p role="status">
                {move || create.value().get().map(|result| match result {
                    Ok((id, name)) => view! {
                        <span class="ok">
                            {move_tr!("create-customer-created", {"name" => name.clone()})} " "
                            <code class="customer-id">{id.to_string()}</code> ". "
                            <A href=paths::customer(&id, CustomerPage::Account)>
                                {move_tr!("create-customer-open-account")}
                            </A>
                        </span>
                    }.into_any(),
                    Err(e) => view! { <span class="failed">{messages::backend(&e)}</span> }.into_any(),
                })}
            </p>
        </form>
    }
}
