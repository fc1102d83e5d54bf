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
            backend
                .set_insights_collection(user, id, enabled)
                .await
                .map(|()| enabled)
        }
    });
    let alerts = if summary.customer.self_service_alerts {
        "On: end users see a pop-up on their PC for hardware alerts and can send a repair request."
    } else {
        "Off. They are turned on automatically when the first Premium or Premium+ PC is added to this dashboard."
    };
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
            <p><strong>"Self-service alerts: "</strong> {alerts}</p>
        </section>
    }
}
