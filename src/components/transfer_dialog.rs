//! The Transfer button above a device list, and its Transfer Devices
//! dialog: sample file, upload (file input or drag and drop), the review of
//! every row before anything is sent, and the submission.

use crate::backend::{use_backend, BackendError};
use crate::browser;
use crate::components::shell::current_user;
use crate::transfer::directory::{review_with_backend, Checked};
use crate::transfer::worker;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wxp_core::engine::{SubmittedRow, TransferRequest};
use wxp_core::format::{pcs, thousands};
use wxp_core::transfer_file::{problems_csv, Limits, Review, SAMPLE_FILE, SAMPLE_FILE_NAME};
use wxp_core::TenantId;

/// Row problems listed in the dialog; the download has them all.
const PROBLEMS_SHOWN: usize = 100;

/// "1 row", "1,200 rows".
fn row_count(n: usize) -> String {
    if n == 1 {
        "1 row".to_owned()
    } else {
        format!("{} rows", thousands(n))
    }
}

/// Where the dialog is.
#[derive(Clone)]
enum Stage {
    Choose,
    Reading(String),
    Failed { name: String, message: String },
    Reviewed(Arc<Reviewed>),
}

/// A file read and reviewed.
struct Reviewed {
    name: String,
    read_as: String,
    review: Review,
    /// Where the PCs are now, for the message once submitted.
    source_name: String,
    /// The submission's idempotency key: one per reviewed file, so a double
    /// click or a retry submits once.
    key: String,
}

/// The Transfer button and dialog for the PCs of `source`.
///
/// Place it outside whatever reloads when data changes: a transfer that
/// completes while the dialog is open must not take the user's review away.
#[component]
pub fn TransferDevices(
    /// The tenant the PCs are in: the page the transfer starts from.
    source: TenantId,
) -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let dialog = NodeRef::<Dialog>::new();
    let stage = RwSignal::new(Stage::Choose);
    let possession = RwSignal::new(false);
    let leave_out = RwSignal::new(false);
    let in_progress = RwSignal::new(None::<String>);

    let open = move |_| {
        stage.set(Stage::Choose);
        possession.set(false);
        leave_out.set(false);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };

    let take_file = {
        let (backend, user, source) = (backend.clone(), user.clone(), source.clone());
        move |file: web_sys::File| {
            let name = file.name();
            stage.set(Stage::Reading(name.clone()));
            possession.set(false);
            leave_out.set(false);
            let (backend, user, source) = (backend.clone(), user.clone(), source.clone());
            spawn_local(async move {
                let failed = |message: String| Stage::Failed {
                    name: name.clone(),
                    message,
                };
                let next = match worker::read_file(&file).await {
                    Err(e) => failed(format!("The file could not be read: {e}.")),
                    Ok(Err(e)) => failed(e.to_string()),
                    Ok(Ok(read)) => {
                        match review_with_backend(&*backend, user, &read, &source).await {
                            Err(e) => failed(e.to_string()),
                            Ok(Checked {
                                review,
                                source_name,
                            }) => {
                                let header = if read.header.is_some() {
                                    "; header row skipped"
                                } else {
                                    ""
                                };
                                Stage::Reviewed(Arc::new(Reviewed {
                                    name: name.clone(),
                                    read_as: format!(
                                        "{}{header}; {} read",
                                        read.format,
                                        row_count(read.rows.len())
                                    ),
                                    review,
                                    source_name,
                                    key: format!(
                                        "{}-{}",
                                        js_sys::Date::now(),
                                        js_sys::Math::random()
                                    ),
                                }))
                            }
                        }
                    }
                };
                stage.set(next);
            });
        }
    };
    let on_input = {
        let take_file = take_file.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                take_file(file);
            }
            // Choosing the same file again (after fixing it) must fire again.
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };

    // Once the job is queued: close the dialog and say so on the page.
    let submit = Action::new_local({
        let (backend, user) = (backend.clone(), user.clone());
        move |(request, source, target): &(TransferRequest, String, String)| {
            let (backend, user) = (backend.clone(), user.clone());
            let (request, source, target) = (request.clone(), source.clone(), target.clone());
            async move {
                let rows = request.rows.len();
                let job = backend.submit_transfer(user, request).await?;
                in_progress.set(Some(format!(
                    "Transfer {job} is in progress: {} from {source} to {target}. When it is done, a red mark appears on the Notification Center (the bell, upper right).",
                    pcs(rows)
                )));
                stage.set(Stage::Choose);
                close();
                Ok::<_, BackendError>(job)
            }
        }
    });
    let reviewed = move || match stage.get() {
        Stage::Reviewed(r) => Some(r),
        _ => None,
    };
    let ready = move || {
        reviewed().is_some_and(|r| {
            r.review.can_submit()
                && possession.get()
                && (r.review.problems.is_empty() || leave_out.get())
        }) && !submit.pending().get()
    };
    let upload = {
        let source = source.clone();
        move |_| {
            let Some(r) = reviewed() else { return };
            let Some((target, target_name)) = r.review.target.clone() else {
                return;
            };
            let rows = r
                .review
                .valid
                .iter()
                .map(|v| SubmittedRow {
                    serial: v.serial.to_string(),
                    customer: target.to_string(),
                })
                .collect();
            let request = TransferRequest {
                key: r.key.clone(),
                source: source.clone(),
                rows,
            };
            submit.dispatch_local((request, r.source_name.clone(), target_name));
        }
    };

    let limits = Limits::TRANSFER;
    view! {
        <div class="transfer">
            <button type="button" class="primary" on:click=open>"Transfer"</button>
            <p class="transfer-status" role="status">{move || in_progress.get()}</p>
        </div>
        <dialog node_ref=dialog class="transfer-dialog" aria-labelledby="transfer-title"
            on:dragover=|ev| ev.prevent_default() on:drop=on_drop>
            <h2 id="transfer-title">"Transfer Devices"</h2>
            <ol class="steps">
                <li>
                    "Download the sample transfer file. "
                    <button type="button" on:click=|_| { let _ = browser::download_csv(SAMPLE_FILE_NAME, SAMPLE_FILE); }>
                        "Download sample transfer file"
                    </button>
                </li>
                <li>"For each PC, add a row: column A the serial number, column B the Customer ID of the customer that will receive the PCs (from its Account > Overview). Use the same Customer ID in every row."</li>
                <li>"Upload the file here, from this page: only the PCs listed on this page can be transferred."</li>
            </ol>
            <p class="limits">
                "CSV (comma, semicolon or tab separated) or Excel workbook (.xlsx, first sheet). At most "
                {thousands(limits.max_rows)} " rows and " {limits.max_bytes / (1024 * 1024)} " MB."
            </p>
            <div class="drop-zone">
                <label for="transfer-file">"Transfer file"</label>
                <input id="transfer-file" type="file" accept=".csv,.txt,.xlsx,text/csv" on:change=on_input/>
                <span class="hint">"or drop the file here"</span>
            </div>
            {move || match stage.get() {
                Stage::Choose => ().into_any(),
                Stage::Reading(name) => view! { <p role="status">"Reading " {name} "…"</p> }.into_any(),
                Stage::Failed { name, message } => view! {
                    <div role="alert" class="error-panel">
                        <p><strong>{name} " cannot be used. "</strong> {message}</p>
                    </div>
                }.into_any(),
                Stage::Reviewed(r) => view! { <ReviewPanel reviewed=r possession leave_out/> }.into_any(),
            }}
            {move || {
                // Only this review's submission: an earlier job's outcome is
                // no business of a new file.
                let current = reviewed().map(|r| r.key.clone());
                let submitted = submit.input().get().map(|(request, _, _)| request.key);
                (current.is_some() && current == submitted)
                    .then(|| submit.value().get().and_then(Result::err))
                    .flatten()
                    .map(|e| view! { <p role="alert" class="failed">{e.to_string()}</p> })
            }}
            <div class="dialog-actions">
                <button type="button" class="primary" disabled=move || !ready() on:click=upload>
                    {move || if submit.pending().get() { "Uploading…" } else { "Upload" }}
                </button>
                <button type="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </dialog>
    }
}

/// What the file will do, and everything wrong with it.
#[component]
fn ReviewPanel(
    reviewed: Arc<Reviewed>,
    possession: RwSignal<bool>,
    leave_out: RwSignal<bool>,
) -> impl IntoView {
    let review = &reviewed.review;
    let problems = review.problems.len();
    let download_problems = {
        let reviewed = reviewed.clone();
        move |_| {
            let _ = browser::download_csv(
                "transfer-rows-with-problems.csv",
                &problems_csv(&reviewed.review),
            );
        }
    };
    let target = review.target.clone().map(|(id, name)| {
        view! {
            <p class="target">
                "Target customer: " <strong>{name}</strong> " (" <code>{id.to_string()}</code> ")"
            </p>
        }
    });
    let file_problems = (!review.file_problems.is_empty()).then(|| {
        view! {
            <div role="alert" class="error-panel">
                <p><strong>"Nothing can be transferred with this file:"</strong></p>
                <ul>{review.file_problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let rows = review
        .problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .map(|p| {
            view! {
                <tr>
                    <td class="num">{p.line}</td>
                    <td><code>{p.serial.clone()}</code></td>
                    <td><code>{p.customer.clone()}</code></td>
                    <td>{p.reason.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let can_submit = review.can_submit();
    let valid = review.valid.len();
    view! {
        <section class="review" aria-label="File check">
            <p class="read-as">{reviewed.name.clone()} ": " {reviewed.read_as.clone()} "."</p>
            {target}
            {file_problems}
            {can_submit.then(|| view! { <p class="will-move"><strong>{pcs(valid)} " will be transferred."</strong></p> })}
            {(problems > 0).then(|| view! {
                <div class="row-problems">
                    <p role="alert">
                        <strong>{if problems == 1 { "1 row has a problem".to_owned() } else { format!("{} have problems", row_count(problems)) }}</strong>
                        {(problems > PROBLEMS_SHOWN).then(|| format!(" (the first {PROBLEMS_SHOWN} are listed; the download has them all)"))}
                        ". Fix the file and upload it again, or transfer the other rows without them."
                    </p>
                    <button type="button" on:click=download_problems.clone()>"Download rows with problems"</button>
                    <table class="data-table" aria-label="Rows with problems">
                        <thead><tr><th scope="col" class="num">"Line"</th><th scope="col">"Serial Number"</th><th scope="col">"Customer ID"</th><th scope="col">"Problem"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {can_submit.then(|| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=leave_out on:change=move |ev| leave_out.set(event_target_checked(&ev))/>
                            {format!(" Leave out the {} with problems and transfer the other {}", if problems == 1 { "row".to_owned() } else { row_count(problems) }, pcs(valid))}
                        </label>
                    })}
                </div>
            })}
            {can_submit.then(|| view! {
                <div class="possession">
                    <p class="warning">
                        "Transfer PCs only to the customer that has them: its administrators can have HP Insights collect the last signed-in user and the location of its PCs, so a PC transferred to the wrong customer exposes them."
                    </p>
                    <label class="check">
                        <input type="checkbox" prop:checked=possession on:change=move |ev| possession.set(event_target_checked(&ev))/>
                        " The customer has these devices in their physical possession"
                    </label>
                </div>
            })}
        </section>
    }
}
