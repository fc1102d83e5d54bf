//! All Customers > Alerts: hardware alerts on the partner's PCs, a Simulate
//! alert action, and the pop-up the PC's end user sees.

use crate::backend::{use_backend, use_live, BackendError};
use crate::components::loaded::loaded;
use crate::i18n::format::timestamp;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::api::Topic;
use wxp_core::engine::{Alert, AlertId, AlertKind, Delivery, Repair};

/// The alerts, newest first, with what reached the end user; read again
/// whenever alerts change (the backend raises them over time too).
#[component]
pub fn AlertsPage() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let alerts = LocalResource::new({
        let backend = backend.clone();
        move || {
            live.track(Topic::Alerts);
            backend.alerts()
        }
    });
    // The alert whose end-user pop-up is on screen.
    let pop_up = RwSignal::new(None::<Alert>);
    let simulate = Action::new_local({
        let backend = backend.clone();
        move |(serial, kind): &(String, AlertKind)| {
            let (backend, serial, kind) = (backend.clone(), serial.clone(), *kind);
            async move {
                let id = backend.simulate_alert(serial, kind).await?;
                let alert = backend.alerts().await?.into_iter().find(|a| a.id == id);
                pop_up.set(
                    alert
                        .clone()
                        .filter(|a| a.delivery == Delivery::EndUserPopUp),
                );
                Ok::<_, BackendError>(alert)
            }
        }
    });
    let serial = RwSignal::new(String::new());
    let kind = RwSignal::new(AlertKind::Battery);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        simulate.dispatch_local((serial.get(), kind.get()));
    };
    view! {
        <h1>{move_tr!("alerts-title")}</h1>
        <p class="lede">{move_tr!("alerts-lede")}</p>
        <form class="panel simulate" on:submit=submit aria-labelledby="simulate-title">
            <h2 id="simulate-title">{move_tr!("alerts-simulate-title")}</h2>
            <label class="field">
                <span>{move_tr!("alerts-field-serial-number")}</span>
                <input type="text" required prop:value=serial on:input=move |ev| serial.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>{move_tr!("alerts-field-alert")}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = AlertKind::ALL.into_iter().find(|k| k.label() == v) {
                        kind.set(k);
                    }
                }>
                    {AlertKind::ALL.map(|k| view! { <option value=k.label()>{move || messages::alert_kind(k)}</option> })}
                </select>
            </label>
            <button type="submit" class="primary">{move_tr!("alerts-simulate-button")}</button>
            <p role="status">
                {move || simulate.value().get().map(|r| match r {
                    Ok(Some(a)) if a.delivery == Delivery::AdminsOnly => tr!(
                        "alerts-raised-admins-only",
                        {
                            "id" => a.id.to_string(),
                            "serial" => a.serial.to_string(),
                            "customer" => a.tenant_name,
                        }
                    ),
                    Ok(Some(a)) => tr!(
                        "alerts-raised-pop-up",
                        {"id" => a.id.to_string(), "serial" => a.serial.to_string()}
                    ),
                    Ok(None) => String::new(),
                    Err(e) => messages::backend(&e),
                })}
            </p>
        </form>
        {move || pop_up.get().map(|alert| view! { <EndUserPopUp alert/> })}
        {loaded(alerts, move |list| view! { <AlertTable alerts=list pop_up/> })}
    }
}

/// What the PC's end user sees: HP's pop-up with a View button that sends
/// the repair request.
#[component]
fn EndUserPopUp(alert: Alert) -> impl IntoView {
    let backend = use_backend();
    let id: AlertId = alert.id;
    let serial = alert.serial.to_string();
    let kind = alert.kind;
    let send = Action::new_local(move |_: &()| backend.request_repair(id));
    view! {
        <aside class="device-pop-up" role="dialog" aria-label=move_tr!("popup-label", {"serial" => serial.clone()})>
            <p class="pop-up-caption">
                {move_tr!("popup-caption-before")} " " <code>{alert.serial.to_string()}</code>
                {move_tr!("popup-caption-after")}
            </p>
            <div class="toast">
                <strong>{move_tr!("popup-title")}</strong>
                <p>{move_tr!("popup-text", {"alert" => messages::alert_kind(kind)})}</p>
                <button type="button" class="primary" disabled=move || send.pending().get() || send.value().get().is_some_and(|r| r.is_ok())
                    on:click=move |_| { send.dispatch_local(()); }>
                    {move_tr!("popup-view")}
                </button>
            </div>
            <p role="status">
                {move || send.value().get().map(|r| match r {
                    Ok(Repair::WithHpSupport) => tr!("popup-sent-to-hp-support"),
                    Ok(Repair::WithPartner) => tr!("popup-sent-to-partner"),
                    Ok(other) => messages::repair(&other),
                    Err(e) => messages::backend(&e),
                })}
            </p>
        </aside>
    }
}

#[component]
fn AlertTable(alerts: Vec<Alert>, pop_up: RwSignal<Option<Alert>>) -> impl IntoView {
    view! {
        <table class="data-table" aria-label=move_tr!("alerts-title")>
            <thead>
                <tr>
                    <th scope="col">{move_tr!("alerts-column-alert")}</th>
                    <th scope="col">{move_tr!("alerts-column-raised")}</th>
                    <th scope="col">{move_tr!("alerts-column-serial-number")}</th>
                    <th scope="col">{move_tr!("alerts-column-where")}</th>
                    <th scope="col">{move_tr!("alerts-column-what")}</th>
                    <th scope="col">{move_tr!("alerts-column-end-user")}</th>
                    <th scope="col">{move_tr!("alerts-column-repair")}</th>
                </tr>
            </thead>
            <tbody>
                {alerts.into_iter().map(|a| {
                    let pending = a.delivery == Delivery::EndUserPopUp && a.repair == Repair::NotRequested;
                    let shown = a.clone();
                    let (id, raised_at, kind, repair) = (a.id, a.raised_at, a.kind, a.repair.clone());
                    let (tenant, tenant_name) = (a.tenant.clone(), a.tenant_name.clone());
                    view! {
                        <tr>
                            <th scope="row">{a.id.to_string()}</th>
                            <td>{move || timestamp(raised_at)}</td>
                            <td><code>{a.serial.to_string()}</code></td>
                            <td>{move || messages::tenant_name(&tenant, &tenant_name)}</td>
                            <td>{move || messages::alert_kind(kind)}</td>
                            <td>
                                {match a.delivery {
                                    Delivery::EndUserPopUp => move_tr!("alerts-delivery-pop-up"),
                                    Delivery::AdminsOnly => move_tr!("alerts-delivery-admins-only"),
                                }}
                                {pending.then(|| view! {
                                    " "
                                    <button type="button" class="link" aria-label=move_tr!("alerts-show-pop-up-label", {"id" => id.to_string()})
                                        on:click=move |_| pop_up.set(Some(shown.clone()))>{move_tr!("alerts-show-pop-up")}</button>
                                })}
                            </td>
                            <td>{move || messages::repair(&repair)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
