//! All Customers > Repair requests: a Service Delivery partner's CSDP
//! account, where repairs requested from end-user pop-ups are scheduled.

use crate::backend::{use_backend, BackendError};
use crate::components::loaded::loaded;
use crate::components::shell::current_user;
use leptos::prelude::*;
use wxp_core::date::Date;
use wxp_core::engine::{Alert, AlertId, Repair};

/// The requests, with Schedule for those not yet scheduled.
#[component]
pub fn RepairRequestsPage() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let version = RwSignal::new(0u32);
    let requests = LocalResource::new(move || {
        version.track();
        backend.repair_requests(user.clone())
    });
    view! {
        <h1>"Repair requests"</h1>
        <p class="lede">"Repairs requested by end users from the alert pop-up on PCs in your Unassigned Devices reach your CSDP account. Schedule each one."</p>
        {loaded(requests, move |list| view! { <RequestTable requests=list version/> })}
    }
}

#[component]
fn RequestTable(requests: Vec<Alert>, version: RwSignal<u32>) -> impl IntoView {
    if requests.is_empty() {
        return view! { <p>"No repair requests."</p> }.into_any();
    }
    view! {
        <table class="data-table" aria-label="Repair requests">
            <thead>
                <tr>
                    <th scope="col">"Alert"</th>
                    <th scope="col">"Serial Number"</th>
                    <th scope="col">"What"</th>
                    <th scope="col">"State"</th>
                    <th scope="col">"Schedule"</th>
                </tr>
            </thead>
            <tbody>
                {requests.into_iter().map(|a| view! {
                    <tr>
                        <th scope="row">{a.id.to_string()}</th>
                        <td><code>{a.serial.to_string()}</code></td>
                        <td>{a.kind.label()}</td>
                        <td>{a.repair.to_string()}</td>
                        <td>{(a.repair == Repair::WithPartner).then(|| view! { <Schedule id=a.id version/> })}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }.into_any()
}

/// A date and the Schedule button of one request.
#[component]
fn Schedule(id: AlertId, version: RwSignal<u32>) -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let day = RwSignal::new(String::new());
    let schedule = Action::new_local(move |on: &Date| {
        let (backend, user, on) = (backend.clone(), user.clone(), *on);
        async move {
            backend.schedule_repair(user, id, on).await?;
            version.update(|v| *v += 1);
            Ok::<_, BackendError>(())
        }
    });
    let parsed = move || parse_day(&day.get());
    view! {
        <label class="field">
            <span>{format!("Repair day for alert {id}")}</span>
            <input type="date" prop:value=day on:input=move |ev| day.set(event_target_value(&ev))/>
        </label>
        <button type="button" disabled=move || parsed().is_none()
            on:click=move |_| { if let Some(on) = parsed() { schedule.dispatch_local(on); } }>
            "Schedule"
        </button>
        {move || schedule.value().get().and_then(Result::err).map(|e| view! { <p role="alert" class="failed">{e.to_string()}</p> })}
    }
}

/// `2026-12-01` as a date.
fn parse_day(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| Date::from_ymd(y as i32, m, d))
}
