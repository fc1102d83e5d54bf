//! A customer's Settings.

use crate::backend::use_backend;
use crate::components::loaded::loaded;
use crate::components::shell::{current_user, customer_resource};
use leptos::prelude::*;
use wxp_core::engine::CustomerSummary;

/// HP Insights data collection, and the state of self-service alerts.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1>"Settings"</h1>
        {loaded(customer_resource(), |s| view! { <Settings summary=s/> })}
    }
}

#[component]
fn Settings(summary: CustomerSummary) -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let customer = summary.customer.clone();
    let insights = RwSignal::new(customer.insights_collection);
    let save = Action::new_local(move |enabled: &bool| {
        let (backend, user, id, enabled) =
            (backend.clone(), user.clone(), customer.id.clone(), *enabled);
        async move {
            let result = backend.set_insights_collection(user, id, enabled).await;
            if result.is_err() {
                insights.set(!enabled);
            }
            result.map(|()| enabled)
        }
    });
    let has_pcs = summary.devices > 0;
    let alerts = RwSignal::new(summary.customer.self_service_alerts);
    let save_alerts = Action::new_local({
        let (backend, user, id) = (use_backend(), current_user(), summary.customer.id.clone());
        move |enabled: &bool| {
            let (backend, user, id, enabled) =
                (backend.clone(), user.clone(), id.clone(), *enabled);
            async move {
                let result = backend.set_self_service_alerts(user, id, enabled).await;
                if result.is_err() {
                    alerts.set(!enabled);
                }
                result.map(|()| enabled)
            }
        }
    });
    view! {
        <section class="panel" aria-labelledby="insights-title">
            <h2 id="insights-title">"HP Insights data collection"</h2>
            <p>
                "When on, HP Insights collects the last signed-in user and the location of this customer's PCs, "
                "and device lists show them. Make sure a PC is really this customer's before it is added: "
                "a PC transferred to the wrong customer exposes this information."
            </p>
            <label class="switch">
                <input
                    type="checkbox"
                    role="switch"
                    prop:checked=insights
                    disabled=move || save.pending().get()
                    on:change=move |ev| {
                        let enabled = event_target_checked(&ev);
                        insights.set(enabled);
                        save.dispatch_local(enabled);
                    }
                />
                " Collect last signed-in user and location"
            </label>
            <p role="status">
                {move || match save.value().get() {
                    Some(Ok(true)) => "Saved: collection is on.".to_owned(),
                    Some(Ok(false)) => "Saved: collection is off.".to_owned(),
                    Some(Err(e)) => e.to_string(),
                    None => String::new(),
                }}
            </p>
        </section>
        <section class="panel" aria-labelledby="notifications-title">
            <h2 id="notifications-title">"Notifications"</h2>
            <p>
                "Hardware alerts on this customer's PCs reach their end users as a pop-up, with a View button that sends the repair request. "
                "Turn them off if you serve this customer yourself, for example in a Device-as-a-Service offer."
            </p>
            <label class="switch">
                <input
                    type="checkbox"
                    role="switch"
                    aria-describedby="alerts-why"
                    prop:checked=alerts
                    disabled=move || !has_pcs || save_alerts.pending().get()
                    on:change=move |ev| {
                        let enabled = event_target_checked(&ev);
                        alerts.set(enabled);
                        save_alerts.dispatch_local(enabled);
                    }
                />
                " Self-service alerts"
            </label>
            <p id="alerts-why" class="hint">
                {if has_pcs {
                    "They were turned on automatically when the first Premium or Premium+ PC was added."
                } else {
                    "This dashboard has no PC yet. Self-service alerts turn on automatically when the first Premium or Premium+ PC is added; only then can they be turned off."
                }}
            </p>
            <p role="status">
                {move || match save_alerts.value().get() {
                    Some(Ok(true)) => "Saved: self-service alerts are on.".to_owned(),
                    Some(Ok(false)) => "Saved: self-service alerts are off.".to_owned(),
                    Some(Err(e)) => e.to_string(),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
