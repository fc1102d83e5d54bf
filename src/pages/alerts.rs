//! All Customers > Alerts: hardware alerts on the partner's PCs, a Simulate
//! alert action, and the pop-up the PC's end user sees.

use crate::backend::{use_backend, BackendError};
use crate::components::loaded::loaded;
use crate::components::shell::current_user;
use leptos::prelude::*;
use wxp_core::engine::{Alert, AlertId, AlertKind, Delivery, Repair};

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
        <h1>"Alerts"</h1>
        <p class="lede">
            "Alerts on PCs in Unassigned Devices go to the PC's end user as a pop-up; the end user clicks View to send the repair request. "
            "In a customer's dashboard the pop-up appears only while the customer's self-service alerts are on."
        </p>
        <form class="panel simulate" on:submit=submit aria-labelledby="simulate-title">
            <h2 id="simulate-title">"Simulate alert"</h2>
            <label class="field">
                <span>"Serial Number"</span>
                <input type="text" required prop:value=serial on:input=move |ev| serial.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>"Alert"</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = AlertKind::ALL.into_iter().find(|k| k.label() == v) {
                        kind.set(k);
                    }
                }>
                    {AlertKind::ALL.map(|k| view! { <option value=k.label()>{k.label()}</option> })}
                </select>
            </label>
            <button type="submit" class="primary">"Simulate alert"</button>
            <p role="status">
                {move || simulate.value().get().map(|r| match r {
                    Ok(Some(a)) if a.delivery == Delivery::AdminsOnly => format!(
                        "Alert {} raised on {}. {}'s self-service alerts are off: no pop-up reached the end user.",
                        a.id, a.serial, a.tenant_name
                    ),
                    Ok(Some(a)) => format!("Alert {} raised on {}: the end user sees the pop-up below.", a.id, a.serial),
                    Ok(None) => String::new(),
                    Err(e) => e.to_string(),
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
    let send = Action::new_local(move |_: &()| {
        let (backend, user, on_sent) = (backend.clone(), user.clone(), on_sent.clone());
        async move {
            let repair = backend.request_repair(user, id).await?;
            on_sent();
            Ok::<_, BackendError>(repair)
        }
    });
    view! {
        <aside class="device-pop-up" role="dialog" aria-label=format!("End-user pop-up on PC {}", alert.serial)>
            <p class="pop-up-caption">"On the PC " <code>{alert.serial.to_string()}</code> ", its end user sees:"</p>
            <div class="toast">
                <strong>"HP Support"</strong>
                <p>{alert.kind.label()} ". HP can repair this PC for you."</p>
                <button type="button" class="primary" disabled=move || send.pending().get() || send.value().get().is_some_and(|r| r.is_ok())
                    on:click=move |_| { send.dispatch_local(()); }>
                    "View"
                </button>
            </div>
            <p role="status">
                {move || send.value().get().map(|r| match r {
                    Ok(Repair::WithHpSupport) => "Repair request sent to HP customer support, which will schedule the repair.".to_owned(),
                    Ok(Repair::WithPartner) => "Repair request sent to your CSDP account: schedule it on the Repair requests page.".to_owned(),
                    Ok(other) => other.to_string(),
                    Err(e) => e.to_string(),
                })}
            </p>
        </aside>
    }
}

#[component]
fn AlertTable(alerts: Vec<Alert>, pop_up: RwSignal<Option<Alert>>) -> impl IntoView {
    view! {
        <table class="data-table" aria-label="Alerts">
            <thead>
                <tr>
                    <th scope="col">"Alert"</th>
                    <th scope="col">"Raised"</th>
                    <th scope="col">"Serial Number"</th>
                    <th scope="col">"Where"</th>
                    <th scope="col">"What"</th>
                    <th scope="col">"End user"</th>
                    <th scope="col">"Repair"</th>
                </tr>
            </thead>
            <tbody>
                {alerts.into_iter().map(|a| {
                    let pending = a.delivery == Delivery::EndUserPopUp && a.repair == Repair::NotRequested;
                    let shown = a.clone();
                    view! {
                        <tr>
                            <th scope="row">{a.id.to_string()}</th>
                            <td>{a.raised_at.to_string()}</td>
                            <td><code>{a.serial.to_string()}</code></td>
                            <td>{a.tenant_name.clone()}</td>
                            <td>{a.kind.label()}</td>
                            <td>
                                {match a.delivery {
                                    Delivery::EndUserPopUp => "Pop-up",
                                    Delivery::AdminsOnly => "No pop-up (self-service alerts off)",
                                }}
                                {pending.then(|| view! {
                                    " "
                                    <button type="button" class="link" aria-label=format!("Show the end-user pop-up of alert {}", a.id)
                                        on:click=move |_| pop_up.set(Some(shown.clone()))>"Show pop-up"</button>
                                })}
                            </td>
                            <td>{a.repair.to_string()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
