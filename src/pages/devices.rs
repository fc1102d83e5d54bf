//! A customer's Devices > PCs.

use crate::backend::use_backend;
use crate::components::device_table::DeviceTable;
use crate::components::loaded::loaded;
use crate::components::shell::{current_user, customer_resource};
use leptos::prelude::*;
use wxp_core::TenantId;

/// Every PC in the customer's dashboard.
#[component]
pub fn CustomerPcs() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let customer = customer_resource();
    let devices = LocalResource::new(move || {
        let (backend, user) = (backend.clone(), user.clone());
        async move {
            let summary = customer.await?;
            let tenant = TenantId::Customer(summary.customer.id.clone());
            let list = backend.devices(user, tenant).await?;
            Ok((summary, list))
        }
    });
    view! {
        <h1>"PCs"</h1>
        {loaded(devices, |(summary, list)| {
            let name = summary.customer.name;
            view! {
                <p class="lede">"Devices > PCs of " {name.clone()}</p>
                <DeviceTable
                    devices=list
                    insights=summary.customer.insights_collection
                    label=format!("PCs of {name}")
                    export_name=format!("pcs-{}", summary.customer.id)
                />
            }
        })}
    }
}
