//! All Customers > Unassigned Devices: the partner's holding tenant.

use crate::backend::{device_lists, use_backend, use_live, BackendError};
use crate::components::device_table::DeviceTable;
use crate::components::loaded::loaded;
use crate::components::setup_notice::SetupIncompleteNotice;
use crate::components::transfer_dialog::TransferDevices;
use crate::pages::support::support_link;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::api::Topic;
use wxp_core::engine::{Scope, Session};
use wxp_core::{AccessError, TenantId};

/// The PCs reported as resold by the partner that are not yet in a
/// customer's dashboard.
#[component]
pub fn UnassignedDevices() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    // The holding tenant is the signed-in partner's.
    let scope = expect_context::<Session>().scope;
    let devices = LocalResource::new(move || {
        live.track(Topic::Devices);
        let (backend, scope) = (backend.clone(), scope.clone());
        async move {
            let Scope::Partner(partner) = scope else {
                return Err(BackendError::Access(AccessError::PartnersOnly));
            };
            if !partner.setup_complete {
                return Ok(Err(partner.kind));
            }
            let list =
                device_lists::devices(&*backend, live, TenantId::Holding(partner.id)).await?;
            Ok(Ok(list))
        }
    });
    // Outside the list's reloads, so a transfer that completes does not
    // close a dialog the user is filling in.
    let transfer = match &expect_context::<Session>().scope {
        Scope::Partner(p) if p.setup_complete => Some(TenantId::Holding(p.id.clone())),
        _ => None,
    }
    .map(|source| {
        view! {
            <p class="lede">
                {move_tr!("unassigned-lede")} " "
                {move_tr!("unassigned-clear-filters")} " "
                {move_tr!("unassigned-missing")} " "
                <a href=move || support_link(&tr!("unassigned-support-subject"), &[])>
                    {move_tr!("unassigned-create-case")}
                </a>
                " " {move_tr!("unassigned-missing-serials")}
            </p>
            <TransferDevices source/>
        }
    });
    view! {
        <h1>{move_tr!("menu-unassigned-devices")}</h1>
        {transfer}
        {loaded(devices, |result| match result {
            Ok(list) => view! {
                <DeviceTable
                    devices=list
                    insights=false
                    label=move_tr!("menu-unassigned-devices")
                    export_name="unassigned-devices".to_owned()
                />
            }.into_any(),
            Err(kind) => view! { <SetupIncompleteNotice kind/> }.into_any(),
        })}
    }
}
