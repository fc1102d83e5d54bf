//! Enrolling PCs into a dashboard with its cPIN: typed serial numbers, or a
//! file of them read like a transfer file (column A).

use crate::backend::{use_backend, BackendError};
use crate::components::file_picker::FilePicker;
use crate::i18n::format::number;
use crate::i18n::messages;
use crate::lists;
use crate::transfer::worker::{self, ReadError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_fluent::{move_tr, tr};
use wxp_core::engine::EnrolOutcome;
use wxp_core::transfer_file::FileError;
use wxp_core::CustomerId;

/// What reading a file of serial numbers gave, worded when shown.
#[derive(Clone)]
enum FileNote {
    /// `count` serial numbers read from the file `name`.
    Read { count: usize, name: String },
    /// The file is not a file of serial numbers.
    Invalid(FileError),
    /// The browser could not read the file.
    Unreadable(ReadError),
}

impl FileNote {
    fn text(&self) -> String {
        match self {
            FileNote::Read { count, name } => tr!(
                "enrol-file-read",
                {"count" => *count, "n" => number(*count), "file" => name.clone()}
            ),
            FileNote::Invalid(e) => messages::file_error(e),
            FileNote::Unreadable(e) => tr!("enrol-file-unreadable", {"error" => e.reason()}),
        }
    }
}

/// The enrolment form and its results, one per serial number.
#[component]
pub fn EnrolPcs(customer: CustomerId) -> impl IntoView {
    let backend = use_backend();
    let serials = RwSignal::new(String::new());
    let cpin = RwSignal::new(String::new());
    let file_note = RwSignal::new(None::<FileNote>);
    // Outside the `<tr>`: see `crate::i18n` on the translations check.
    let serial_number_header = move_tr!("enrol-column-serial-number");
    let enrol = Action::new_local(move |(cpin, serials): &(String, Vec<String>)| {
        let (backend, customer) = (backend.clone(), customer.clone());
        let (cpin, serials) = (cpin.clone(), serials.clone());
        async move {
            let outcomes = backend.enrol(customer, cpin, serials.clone()).await?;
            Ok::<_, BackendError>(serials.into_iter().zip(outcomes).collect::<Vec<_>>())
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        enrol.dispatch_local((cpin.get(), lists::items(&serials.get())));
    };
    // A file's column A fills the list, read like a transfer file.
    let chosen_file = RwSignal::new(None::<String>);
    let on_file = move |file: web_sys::File| {
        chosen_file.set(Some(file.name()));
        spawn_local(async move {
            match worker::read_file(&file).await {
                Ok(Ok(read)) => {
                    let list: Vec<&str> = read.rows.iter().map(|r| r.serial.text()).collect();
                    file_note.set(Some(FileNote::Read {
                        count: list.len(),
                        name: file.name(),
                    }));
                    serials.set(list.join("\n"));
                }
                Ok(Err(e)) => file_note.set(Some(FileNote::Invalid(e))),
                Err(e) => file_note.set(Some(FileNote::Unreadable(e))),
            }
        });
    };
    view! {
        <form class="enrol" on:submit=submit aria-labelledby="enrol-title">
            <h2 id="enrol-title">{move_tr!("enrol-title")}</h2>
            <p>{move_tr!("enrol-intro")}</p>
            <label class="field wide">
                <span>{move_tr!("enrol-serials-one-per-line")}</span>
                <textarea rows="5" required prop:value=serials on:input=move |ev| serials.set(event_target_value(&ev))></textarea>
            </label>
            <div class="field">
                <label for="enrol-file">{move_tr!("enrol-file")}</label>
                <FilePicker id="enrol-file" accept=".csv,.txt,.xlsx" chosen=chosen_file on_file/>
            </div>
            <p role="status">{move || file_note.with(|note| note.as_ref().map(FileNote::text))}</p>
            <label class="field">
                <span>{move_tr!("account-cpin")}</span>
                <input type="text" autocomplete="off" required prop:value=cpin on:input=move |ev| cpin.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="primary" disabled=move || enrol.pending().get()>
                {move_tr!("enrol-button")}
            </button>
            {move || enrol.value().get().map(|result| match result {
                Err(e) => view! { <p role="alert" class="failed">{messages::backend(&e)}</p> }.into_any(),
                Ok(rows) => {
                    let enrolled = rows.iter().filter(|(_, o)| *o == EnrolOutcome::Enrolled).count();
                    let total = rows.len();
                    view! {
                        <p role="status">
                            {move || tr!(
                                "enrol-summary",
                                {"enrolled" => number(enrolled), "count" => total, "n" => number(total)}
                            )}
                        </p>
                        <table class="data-table" aria-label=move_tr!("enrol-results")>
                            <thead>
                                <tr>
                                    <th scope="col">{serial_number_header}</th>
                                    <th scope="col">{move_tr!("enrol-column-result")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|(serial, outcome)| view! {
                                    <tr><td><code>{serial}</code></td><td>{move || messages::enrol_outcome(&outcome)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            })}
        </form>
    }
}
