//! Enrolling PCs into a dashboard with its cPIN: typed serial numbers, or a
//! file of them read like a transfer file (column A).

use crate::backend::{use_backend, BackendError};
use crate::components::notification_center::DataVersion;
use crate::components::shell::current_user;
use crate::transfer::worker;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wxp_core::engine::EnrolOutcome;
use wxp_core::format::pcs;
use wxp_core::CustomerId;

/// The enrolment form and its results, one per serial number.
#[component]
pub fn EnrolPcs(customer: CustomerId) -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let DataVersion(version) = expect_context();
    let serials = RwSignal::new(String::new());
    let cpin = RwSignal::new(String::new());
    let file_note = RwSignal::new(None::<String>);
    let enrol = Action::new_local(move |(cpin, serials): &(String, Vec<String>)| {
        let (backend, user, customer) = (backend.clone(), user.clone(), customer.clone());
        let (cpin, serials) = (cpin.clone(), serials.clone());
        async move {
            let outcomes = backend.enrol(user, customer, cpin, serials.clone()).await?;
            version.update(|v| *v += 1);
            Ok::<_, BackendError>(serials.into_iter().zip(outcomes).collect::<Vec<_>>())
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list: Vec<String> = serials
            .get()
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        enrol.dispatch_local((cpin.get(), list));
    };
    // A file's column A fills the list, read like a transfer file.
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move {
            match worker::read_file(&file).await {
                Ok(Ok(read)) => {
                    let list: Vec<&str> = read.rows.iter().map(|r| r.serial.text()).collect();
                    file_note.set(Some(format!(
                        "{} serial numbers read from {}.",
                        list.len(),
                        file.name()
                    )));
                    serials.set(list.join("\n"));
                }
                Ok(Err(e)) => file_note.set(Some(e.to_string())),
                Err(e) => file_note.set(Some(format!("The file could not be read: {e}."))),
            }
        });
    };
    view! {
        <form class="enrol" on:submit=submit aria-labelledby="enrol-title">
            <h2 id="enrol-title">"Enrol PCs with the cPIN"</h2>
            <p>"The preferred way to add PCs: enter their serial numbers and this customer's cPIN. PCs in your partner's Unassigned Devices move into this dashboard; a PC in another customer's dashboard is refused."</p>
            <label class="field wide">
                <span>"Serial numbers (one per line)"</span>
                <textarea rows="5" required prop:value=serials on:input=move |ev| serials.set(event_target_value(&ev))></textarea>
            </label>
            <label class="field">
                <span>"Or a file of serial numbers (column A)"</span>
                <input type="file" accept=".csv,.txt,.xlsx" on:change=on_file/>
            </label>
            <p role="status">{move || file_note.get()}</p>
            <label class="field">
                <span>"cPIN"</span>
                <input type="text" autocomplete="off" required prop:value=cpin on:input=move |ev| cpin.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="primary" disabled=move || enrol.pending().get()>"Enrol"</button>
            {move || enrol.value().get().map(|result| match result {
                Err(e) => view! { <p role="alert" class="failed">{e.to_string()}</p> }.into_any(),
                Ok(rows) => {
                    let enrolled = rows.iter().filter(|(_, o)| *o == EnrolOutcome::Enrolled).count();
                    view! {
                        <p role="status">{format!("{enrolled} of {} enrolled.", pcs(rows.len()))}</p>
                        <table class="data-table" aria-label="Enrolment results">
                            <thead><tr><th scope="col">"Serial Number"</th><th scope="col">"Result"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(serial, outcome)| view! {
                                    <tr><td><code>{serial}</code></td><td>{outcome.to_string()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            })}
        </form>
    }
}
