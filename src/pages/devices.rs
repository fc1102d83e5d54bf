//! A customer's Devices > PCs.

use crate::backend::use_backend;
use crate::components::device_table::DeviceTable;
use crate::components::loaded::loaded;
use crate::components::notification_center::DataVersion;
use crate::components::shell::{current_user, customer_resource};
use crate::components::transfer_dialog::TransferDevices;
use leptos::prelude::*;
use wxp_core::engine::{Scope, Session};
use wxp_core::TenantId;

/// Every PC in the customer's dashboard.
#[component]
pub fn CustomerPcs() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let customer = customer_resource();
    // Only partners transfer PCs between dashboards.
    let is_partner = matches!(expect_context::<Session>().scope, Scope::Partner(_));
    let devices = LocalResource::new(move || {
        DataVersion::track();
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
        {loaded(devices, move |(summary, list)| {
            let name = summary.customer.name;
            let tenant = TenantId::Customer(summary.customer.id.clone());
            view! {
                <p class="lede">"Devices > PCs of " {name.clone()}</p>
                {is_partner.then(|| view! { <TransferDevices source=tenant source_name=name.clone() devices=list.clone()/> })}
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
