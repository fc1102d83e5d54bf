//! All Customers > Customers: the partner's customers.

use crate::backend::{use_backend, use_live};
use crate::components::create_customer::CreateCustomer;
use crate::components::loaded::loaded;
use crate::i18n::format::number;
use crate::paths::{self, CustomerPage};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use wxp_core::api::Topic;
use wxp_core::engine::{CustomerSummary, Scope, Session};

/// Every customer of the partner with its Customer ID and PC counts, and
/// the form that creates one. Partners only: anyone else sees the refusal,
/// and no form.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let is_partner = matches!(expect_context::<Session>().scope, Scope::Partner(_));
    // The portfolio, not the customer list: this page is for partners only.
    let portfolio = LocalResource::new(move || {
        live.track(Topic::Customers);
        live.track(Topic::Devices);
        backend.portfolio()
    });
    view! {
        <h1>{move_tr!("customers-title")}</h1>
        {loaded(portfolio, |p| view! { <CustomerTable customers=p.customers/> })}
        // Outside the reload above, so its message survives the new list.
        {is_partner.then(|| view! { <CreateCustomer/> })}
    }
}

#[component]
fn CustomerTable(customers: Vec<CustomerSummary>) -> impl IntoView {
    view! {
        <table class="data-table" aria-label=move_tr!("customers-title")>
            <thead>
                <tr>
                    <th scope="col">{move_tr!("customers-name")}</th>
                    <th scope="col">{move_tr!("customers-customer-id")}</th>
                    <th scope="col">{move_tr!("customers-country")}</th>
                    <th scope="col" class="num">{move_tr!("customers-pcs")}</th>
                    <th scope="col" class="num">"Premium"</th>
                    <th scope="col" class="num">"Premium+"</th>
                </tr>
            </thead>
            <tbody>
                {customers
                    .into_iter()
                    .map(|s| {
                        let href = paths::customer(&s.customer.id, CustomerPage::Home);
                        let (devices, premium, premium_plus) = (s.devices, s.premium, s.premium_plus);
                        view! {
                            <tr>
                                <th scope="row"><A href=href>{s.customer.name}</A></th>
                                <td class="customer-id"><code>{s.customer.id.to_string()}</code></td>
                                <td>{s.customer.country}</td>
                                <td class="num">{move || number(devices)}</td>
                                <td class="num">{move || number(premium)}</td>
                                <td class="num">{move || number(premium_plus)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
