//! A customer's Settings.

use crate::backend::{use_backend, BackendError};
use crate::components::loaded::loaded;
use crate::components::shell::customer_resource;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::engine::CustomerSummary;
use wxp_core::CustomerId;

/// Saving a switch of a customer: answered with the position saved.
type Save = Action<(CustomerId, bool), (CustomerId, Result<bool, BackendError>)>;

/// HP Insights data collection, and the state of self-service alerts.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let backend = use_backend();
    // Here, outside the customer's reloads (a saved switch changes the
    // customer, which is read again), so that "Saved" stays on screen.
    let save_insights: Save = Action::new_local({
        let backend = backend.clone();
        move |(id, enabled): &(CustomerId, bool)| {
            let reply = backend.set_insights_collection(id.clone(), *enabled);
            let (id, enabled) = (id.clone(), *enabled);
            async move { (id, reply.await.map(|()| enabled)) }
        }
    });
    let save_alerts: Save = Action::new_local(move |(id, enabled): &(CustomerId, bool)| {
        let reply = backend.set_self_service_alerts(id.clone(), *enabled);
        let (id, enabled) = (id.clone(), *enabled);
        async move { (id, reply.await.map(|()| enabled)) }
    });
    view! {
        <h1>{move_tr!("settings-title")}</h1>
        {loaded(customer_resource(), move |s| view! { <Settings summary=s save_insights save_alerts/> })}
    }
}

/// What `save` last did for `customer` (the page stays when the Customers
/// drop-down picks another one).
fn outcome(save: Save, customer: &CustomerId) -> Option<Result<bool, BackendError>> {
    save.value()
        .get()
        .filter(|(id, _)| id == customer)
        .map(|(_, result)| result)
}

/// A switch's position: what is being saved, else what was saved, else the
/// customer's as read (also after a refused change).
fn position(save: Save, customer: CustomerId, stored: bool) -> impl Fn() -> bool + Clone {
    move || match save.input().get() {
        Some((id, saving)) if id == customer => saving,
        _ => match outcome(save, &customer) {
            Some(Ok(saved)) => saved,
            _ => stored,
        },
    }
}

#[component]
fn Settings(summary: CustomerSummary, save_insights: Save, save_alerts: Save) -> impl IntoView {
    let customer = summary.customer;
    let id = customer.id.clone();
    let insights = position(save_insights, id.clone(), customer.insights_collection);
    let alerts = position(save_alerts, id.clone(), customer.self_service_alerts);
    let has_pcs = summary.devices > 0;
    let insights_saved = {
        let id = id.clone();
        move || match outcome(save_insights, &id) {
            Some(Ok(true)) => tr!("settings-insights-saved-on"),
            Some(Ok(false)) => tr!("settings-insights-saved-off"),
            Some(Err(e)) => messages::backend(&e),
            None => String::new(),
        }
    };
    let alerts_saved = {
        let id = id.clone();
        move || match outcome(save_alerts, &id) {
            Some(Ok(true)) => tr!("settings-alerts-saved-on"),
            Some(Ok(false)) => tr!("settings-alerts-saved-off"),
            Some(Err(e)) => messages::backend(&e),
            None => String::new(),
        }
    };
    let save_insights_to = {
        let id = id.clone();
        move |enabled| {
            save_insights.dispatch_local((id.clone(), enabled));
        }
    };
    let save_alerts_to = move |enabled| {
        save_alerts.dispatch_local((id.clone(), enabled));
    };
    view! {
        <section class="panel" aria-labelledby="insights-title">
            <h2 id="insights-title">{move_tr!("settings-insights-title")}</h2>
            <p>{move_tr!("settings-insights-text")}</p>
            <label class="switch">
                <input
                    type="checkbox"
                    role="switch"
                    prop:checked=insights
                    disabled=move || save_insights.pending().get()
                    on:change=move |ev| save_insights_to(event_target_checked(&ev))
                />
                " "
                {move_tr!("settings-insights-switch")}
            </label>
            <p role="status">{insights_saved}</p>
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
                    on:change=move |ev| save_alerts_to(event_target_checked(&ev))
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
            <p role="status">{alerts_saved}</p>
        </section>
    }
}
