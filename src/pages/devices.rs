//! A customer's Devices > PCs.

use crate::backend::{device_lists, use_backend, use_live, BackendError};
use crate::components::device_table::DeviceTable;
use crate::components::loaded::loaded;
use crate::components::shell::customer_resource;
use crate::components::transfer_dialog::TransferDevices;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use std::future::IntoFuture;
use wxp_core::api::Topic;
use wxp_core::engine::{Scope, Session};
use wxp_core::TenantId;

/// Every PC in the customer's dashboard.
#[component]
pub fn CustomerPcs() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let customer = customer_resource();
    // Only partners transfer PCs between dashboards.
    let is_partner = matches!(expect_context::<Session>().scope, Scope::Partner(_));
    let devices = LocalResource::new(move || {
        live.track(Topic::Devices);
        let backend = backend.clone();
        // Held from here: the page may be gone by the time this runs (and
        // then nobody sees the answer).
        let customer = (!customer.is_disposed()).then(|| customer.into_future());
        async move {
            let Some(customer) = customer else {
                return Err(BackendError::SignedOut);
            };
            let summary = customer.await?;
            let tenant = TenantId::Customer(summary.customer.id.clone());
            let list = device_lists::devices(&*backend, live, tenant).await?;
            Ok((summary, list))
        }
    });
    // Outside the list's reloads, so a transfer that completes does not
    // close a dialog the user is filling in; only for a customer the
    // backend showed (none on a page it refused), and the same one while
    // it is read again.
    let shown = Memo::new(move |_| {
        customer.with(|c| match c {
            Some(Ok(summary)) => Some(summary.customer.id.clone()),
            _ => None,
        })
    });
    let transfer = move || match shown.get() {
        Some(id) if is_partner => Some(view! { <TransferDevices source=TenantId::Customer(id)/> }),
        _ => None,
    };
    view! {
        <h1>{move_tr!("devices-title")}</h1>
        {transfer}
        {loaded(devices, move |(summary, list)| {
            let name = summary.customer.name;
            let label_name = name.clone();
            view! {
                <p class="lede">{move_tr!("devices-lede", {"name" => name.clone()})}</p>
                <DeviceTable
                    devices=list
                    insights=summary.customer.insights_collection
                    label=move_tr!("devices-table-label", {"name" => label_name.clone()})
                    export_name=format!("pcs-{}", summary.customer.id)
                />
            }
        })}
    }
}
