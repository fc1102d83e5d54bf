//! All Customers > Alerts: hardware alerts on the partner's PCs, a Simulate
//! alert action, and the pop-up the PC's end user sees.

use crate::backend::{use_backend, BackendError};
use crate::components::loaded::loaded;
use crate::components::shell::current_user;
use crate::i18n::format::timestamp;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_fluent::{move_tr, tr};
use std::time::Duration;
use wxp_core::engine::{Alert, AlertId, AlertKind, Delivery, Repair};

/// How often the page looks for alerts raised since it loaded.
const POLL: Duration = Duration::from_secs(2);

/// The newest alert's id in a list (newest first).
fn newest(list: &[Alert]) -> Option<AlertId> {
    list.first().map(|a| a.id)
}

/// Alerts arrive over time (the backend raises them): bumps `version`, and
/// so reloads `shown`, when the backend's newest alert is not the one on
/// screen.
fn watch_for_new_alerts(
    shown: LocalResource<Result<Vec<Alert>, BackendError>>,
    version: RwSignal<u32>,
) {
    let backend = use_backend();
    let user = current_user();
    // Talks to the outside world: polls the backend.
    let poll = move || {
        let (backend, user) = (backend.clone(), user.clone());
        spawn_local(async move {
            let Ok(list) = backend.alerts(user).await else {
                return;
            };
            // The page may have gone while the backend answered.
            let Some(Some(on_screen)) = shown.try_with_untracked(|shown| match shown {
                Some(Ok(alerts)) => Some(newest(alerts)),
                _ => None,
            }) else {
                return;
            };
            if on_screen != newest(&list) {
                let _ = version.try_update(|v| *v += 1);
            }
        });
    };
    if let Ok(handle) = set_interval_with_handle(poll, POLL) {
        on_cleanup(move || handle.clear());
    }
}

/// The alerts, newest first, with what reached the end user.
#[component]
pub fn AlertsPage() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let version = RwSignal::new(0u32);
    let alerts = LocalResource::new({
        let (backend, user) = (backend.clone(), user.clone());
        move || {
            version.track();
            backend.alerts(user.clone())
        }
    });
    watch_for_new_alerts(alerts, version);
    // The alert whose end-user pop-up is on screen.
    let pop_up = RwSignal::new(None::<Alert>);
    let simulate = Action::new_local({
        let (backend, user) = (backend.clone(), user.clone());
        move |(serial, kind): &(String, AlertKind)| {
            let (backend, user, serial, kind) =
                (backend.clone(), user.clone(), serial.clone(), *kind);
            async move {
                let id = backend.simulate_alert(user.clone(), serial, kind).await?;
                let alert = backend.alerts(user).await?.into_iter().find(|a| a.id == id);
                version.update(|v| *v += 1);
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
        {move || pop_up.get().map(|alert| view! { <EndUserPopUp alert on_sent=move || version.update(|v| *v += 1)/> })}
        {loaded(alerts, move |list| view! { <AlertTable alerts=list pop_up/> })}
    }
}

/// What the PC's end user sees: HP's pop-up with a View button that sends
/// the repair request.
#[component]
fn EndUserPopUp(alert: Alert, on_sent: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let id: AlertId = alert.id;
    let serial = alert.serial.to_string();
    let kind = alert.kind;
    let send = Action::new_local(move |_: &()| {
        let (backend, user, on_sent) = (backend.clone(), user.clone(), on_sent.clone());
        async move {
            let repair = backend.request_repair(user, id).await?;
            on_sent();
            Ok::<_, BackendError>(repair)
        }
    });
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
