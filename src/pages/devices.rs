//! A customer's Devices > PCs.

use crate::backend::{use_backend, use_live};
use crate::components::device_table::DeviceTable;
use crate::components::loaded::loaded;
use crate::components::shell::{customer_resource, selection, Selection};
use crate::components::transfer_dialog::TransferDevices;
use leptos::prelude::*;
use leptos_fluent::move_tr;
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
        async move {
            let summary = customer.await?;
            let tenant = TenantId::Customer(summary.customer.id.clone());
            let list = backend.devices(tenant).await?;
            Ok((summary, list))
        }
    });
    // Outside the list's reloads, so a transfer that completes does not
    // close a dialog the user is filling in.
    let selection = selection();
    let transfer = move || match selection.get() {
        Selection::Customer(id) if is_partner => {
            Some(view! { <TransferDevices source=TenantId::Customer(id)/> })
        }
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
