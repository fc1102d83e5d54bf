//! All Customers > Repair requests: a Service Delivery partner's CSDP
//! account, where repairs requested from end-user pop-ups are scheduled.

use crate::backend::{use_backend, use_live};
use crate::components::loaded::loaded;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use wxp_core::api::Topic;
use wxp_core::date::{Date, Timestamp};
use wxp_core::engine::{Alert, AlertId, Repair};

/// The requests, with Schedule for those not yet scheduled; read again
/// when alerts change (a repair requested, one scheduled).
#[component]
pub fn RepairRequestsPage() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let requests = LocalResource::new(move || {
        live.track(Topic::Alerts);
        backend.repair_requests()
    });
    view! {
        <h1>{move_tr!("repair-requests-title")}</h1>
        <p class="lede">{move_tr!("repair-requests-lede")}</p>
        {loaded(requests, move |list| view! { <RequestTable requests=list/> })}
    }
}

#[component]
fn RequestTable(requests: Vec<Alert>) -> impl IntoView {
    if requests.is_empty() {
        return view! { <p>{move_tr!("repair-requests-none")}</p> }.into_any();
    }
    view! {
        <table class="data-table" aria-label=move_tr!("repair-requests-title")>
            <thead>
                <tr>
                    <th scope="col">{move_tr!("alerts-column-alert")}</th>
                    <th scope="col">{move_tr!("alerts-column-serial-number")}</th>
                    <th scope="col">{move_tr!("alerts-column-what")}</th>
                    <th scope="col">{move_tr!("repair-requests-column-state")}</th>
                    <th scope="col">{move_tr!("repair-requests-column-schedule")}</th>
                </tr>
            </thead>
            <tbody>
                {requests.into_iter().map(|a| {
                    let (kind, repair) = (a.kind, a.repair.clone());
                    view! {
                        <tr>
                            <th scope="row">{a.id.to_string()}</th>
                            <td><code>{a.serial.to_string()}</code></td>
                            <td>{move || messages::alert_kind(kind)}</td>
                            <td>{move || messages::repair(&repair)}</td>
                            <td>{(a.repair == Repair::WithPartner).then(|| view! { <Schedule id=a.id/> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }.into_any()
}

/// A date and the Schedule button of one request. The date picker offers
/// today and later (as the backend's clock counts days, in UTC); a day
/// typed before that is the backend's to refuse, and the refusal says why.
#[component]
fn Schedule(id: AlertId) -> impl IntoView {
    let backend = use_backend();
    let day = RwSignal::new(String::new());
    let schedule = Action::new_local(move |on: &Date| backend.schedule_repair(id, *on));
    let parsed = move || parse_day(&day.get());
    let today = Timestamp((js_sys::Date::now() / 1000.0) as i64)
        .date()
        .to_string();
    view! {
        <label class="field">
            <span>{move_tr!("repair-requests-day-label", {"id" => id.to_string()})}</span>
            <input type="date" min=today prop:value=day on:input=move |ev| day.set(event_target_value(&ev))/>
        </label>
        <button type="button" disabled=move || parsed().is_none()
            on:click=move |_| { if let Some(on) = parsed() { schedule.dispatch_local(on); } }>
            {move_tr!("repair-requests-schedule")}
        </button>
        {move || schedule.value().get().and_then(Result::err).map(|e| view! { <p role="alert" class="failed">{messages::backend(&e)}</p> })}
    }
}

/// `2026-12-01` as a date.
fn parse_day(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| Date::from_ymd(y as i32, m, d))
}
