//! All Customers > Customers: the partner's customers.

use crate::backend::use_backend;
use crate::components::create_customer::CreateCustomer;
use crate::components::loaded::loaded;
use crate::components::notification_center::DataVersion;
use crate::components::shell::current_user;
use crate::paths::{self, CustomerPage};
use leptos::prelude::*;
use leptos_router::components::A;
use wxp_core::engine::CustomerSummary;
use wxp_core::format::thousands;

/// Every customer of the partner with its Customer ID and PC counts.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    // The portfolio, not the customer list: this page is for partners only.
    let portfolio = LocalResource::new(move || {
        DataVersion::track();
        backend.portfolio(user.clone())
    });
    view! {
        <h1>"Customers"</h1>
        {loaded(portfolio, |p| view! { <CustomerTable customers=p.customers/> })}
        // Outside the reload above, so its message survives the new list.
        <CreateCustomer/>
    }
}

#[component]
fn CustomerTable(customers: Vec<CustomerSummary>) -> impl IntoView {
    view! {
        <table class="data-table" aria-label="Customers">
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Customer ID"</th>
                    <th scope="col">"Country"</th>
                    <th scope="col" class="num">"PCs"</th>
                    <th scope="col" class="num">"Premium"</th>
                    <th scope="col" class="num">"Premium+"</th>
                </tr>
            </thead>
            <tbody>
                {customers
                    .into_iter()
                    .map(|s| {
                        let href = paths::customer(&s.customer.id, CustomerPage::Home);
                        view! {
                            <tr>
                                <th scope="row"><A href=href>{s.customer.name}</A></th>
                                <td><code>{s.customer.id.to_string()}</code></td>
                                <td>{s.customer.country}</td>
                                <td class="num">{thousands(s.devices)}</td>
                                <td class="num">{thousands(s.premium)}</td>
                                <td class="num">{thousands(s.premium_plus)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
