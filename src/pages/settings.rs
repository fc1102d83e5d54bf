//! A customer's Settings.

use crate::backend::use_backend;
use crate::components::loaded::loaded;
use crate::components::shell::{current_user, customer_resource};
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::engine::CustomerSummary;

/// HP Insights data collection, and the state of self-service alerts.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1>{move_tr!("settings-title")}</h1>
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
            <h2 id="insights-title">{move_tr!("settings-insights-title")}</h2>
            <p>{move_tr!("settings-insights-text")}</p>
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
                " "
                {move_tr!("settings-insights-switch")}
            </label>
            <p role="status">
                {move || match save.value().get() {
                    Some(Ok(true)) => tr!("settings-insights-saved-on"),
                    Some(Ok(false)) => tr!("settings-insights-saved-off"),
                    Some(Err(e)) => messages::backend(&e),
                    None => String::new(),
                }}
            </p>
        </section>
        <section class="panel" aria-labelledby="notifications-title">
            <h2 id="notifications-title">{move_tr!("settings-notifications-title")}</h2>
            <p>{move_tr!("settings-notifications-text")}</p>
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
                " "
                {move_tr!("settings-self-service-alerts")}
            </label>
            <p id="alerts-why" class="hint">
                {if has_pcs {
                    move_tr!("settings-alerts-turned-on")
                } else {
                    move_tr!("settings-alerts-no-pc-yet")
                }}
            </p>
            <p role="status">
                {move || match save_alerts.value().get() {
                    Some(Ok(true)) => tr!("settings-alerts-saved-on"),
                    Some(Ok(false)) => tr!("settings-alerts-saved-off"),
                    Some(Err(e)) => messages::backend(&e),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
