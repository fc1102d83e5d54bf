//! The Transfer button above a device list, and its Transfer Devices
//! dialog: sample file, upload (file input or drag and drop), the review of
//! every row before anything is sent, and the submission.
//!
//! The transfer worker reads and reviews the file (`crate::transfer::worker`):
//! it is handed the account facts when the dialog opens, and answers a file
//! with its verdict only; the rows that can move and every row with a
//! problem stay in the answer's bytes until Upload or the download needs
//! them.

use crate::backend::{use_backend, use_live, BackendError};
use crate::browser;
use crate::components::file_picker::FilePicker;
use crate::i18n::format::number;
use crate::i18n::messages;
use crate::transfer::timing;
use crate::transfer::worker::{self, ReadError, ReviewError};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_fluent::{move_tr, tr};
use std::borrow::Cow;
use std::sync::Arc;
use wxp_core::api::Topic;
use wxp_core::engine::{JobId, JobState, SubmittedRow, TransferRequest};
use wxp_core::export::write_csv;
use wxp_core::transfer_file::{FileError, Limits, ReviewedFile, Verdict};
use wxp_core::transfer_file::{Reason, SAMPLE_FILE, SAMPLE_FILE_NAME};
use wxp_core::TenantId;

/// Row problems listed in the dialog; the download has them all.
const PROBLEMS_SHOWN: usize = 100;

/// Where the dialog is.
#[derive(Clone)]
enum Stage {
    Choose,
    Reading(String),
    Failed { name: String, failure: Failure },
    Reviewed(Arc<Reviewed>),
}

impl Stage {
    /// The file in the dialog, if any.
    fn file_name(&self) -> Option<String> {
        match self {
            Stage::Choose => None,
            Stage::Reading(name) | Stage::Failed { name, .. } => Some(name.clone()),
            Stage::Reviewed(r) => Some(r.name.clone()),
        }
    }
}

/// Why a file cannot be used.
#[derive(Clone)]
enum Failure {
    /// The browser could not read it.
    Browser(ReadError),
    /// It is not a transfer file.
    File(FileError),
    /// The account facts to review it against could not be loaded.
    Backend(BackendError),
}

/// A failure in the user's language.
fn failure_message(failure: &Failure) -> String {
    match failure {
        Failure::Browser(e) => tr!("transfer-file-not-read", {"reason" => e.reason()}),
        Failure::File(e) => messages::file_error(e),
        Failure::Backend(e) => messages::backend(e),
    }
}

/// The transfer submitted last from this page, for the status line.
#[derive(Clone)]
struct InProgress {
    job: JobId,
    rows: usize,
    source: Option<String>,
    target: String,
}

/// Whether the submitted transfer has finished, read again whenever
/// transfers change, so that the status under the Transfer button does not
/// stay "in progress". The answer names its job: while a new job's state
/// loads, the resource still holds the previous job's.
fn job_finished(in_progress: RwSignal<Option<InProgress>>) -> LocalResource<Option<(JobId, bool)>> {
    let backend = use_backend();
    let live = use_live();
    LocalResource::new(move || {
        live.track(Topic::Transfers);
        let job = in_progress.with(|p| p.as_ref().map(|p| p.job));
        let backend = backend.clone();
        async move {
            let job = job?;
            // The list, not the job: it carries no rows, however many.
            let listed = backend.transfers().await.ok()?;
            let found = listed.into_iter().find(|j| j.id == job)?;
            Some((job, found.state == JobState::Completed))
        }
    })
}

/// A file read and reviewed.
struct Reviewed {
    name: String,
    /// What the dialog shows: how the file was read, its target, what can
    /// move and the first rows with problems; where the PCs are now, for
    /// the message once submitted (`None`: Unassigned Devices).
    verdict: Verdict,
    /// The rest of the review: the rows that can move, every row with a
    /// problem.
    answer: ReviewedFile,
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
    let live = use_live();
    let dialog = NodeRef::<Dialog>::new();
    let stage = RwSignal::new(Stage::Choose);
    let possession = RwSignal::new(false);
    let leave_out = RwSignal::new(false);
    let in_progress = RwSignal::new(None::<InProgress>);
    let finished = job_finished(in_progress);
    let chosen_file = Signal::derive(move || stage.with(Stage::file_name));

    // The file chosen last: an earlier one's verdict arriving late is not
    // shown.
    let chosen = StoredValue::new(0u64);
    let open = {
        let (backend, source) = (backend.clone(), source.clone());
        move |_| {
            stage.set(Stage::Choose);
            possession.set(false);
            leave_out.set(false);
            if let Some(d) = dialog.get_untracked() {
                let _ = d.show_modal();
            }
            // The worker gets the account facts while the user finds the
            // file; a failure shows if it recurs when a file is chosen.
            let prepared = worker::prepare(backend.clone(), live, source.clone());
            spawn_local(async move {
                let _ = prepared.await;
            });
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };

    let take_file = {
        let (backend, source) = (backend.clone(), source.clone());
        move |file: web_sys::File| {
            timing::start();
            let name = file.name();
            stage.set(Stage::Reading(name.clone()));
            possession.set(false);
            leave_out.set(false);
            let this = chosen.get_value() + 1;
            chosen.set_value(this);
            let reviewed =
                worker::review_file(backend.clone(), live, source.clone(), file, PROBLEMS_SHOWN);
            spawn_local(async move {
                let failed = |failure: Failure| Stage::Failed {
                    name: name.clone(),
                    failure,
                };
                let next = match reviewed.await {
                    Err(ReviewError::Browser(e)) => failed(Failure::Browser(e)),
                    Err(ReviewError::Backend(e)) => failed(Failure::Backend(e)),
                    Ok(answer) => match answer.result.clone() {
                        Err(e) => failed(Failure::File(e)),
                        Ok(verdict) => Stage::Reviewed(Arc::new(Reviewed {
                            name: name.clone(),
                            verdict,
                            answer,
                            key: format!("{}-{}", js_sys::Date::now(), js_sys::Math::random()),
                        })),
                    },
                };
                if chosen.get_value() == this {
                    stage.set(next);
                    timing::step("dialog shows the verdict");
                }
            });
        }
    };
    let on_drop = {
        let take_file = take_file.clone();
        move |ev: leptos::ev::DragEvent| {
            ev.prevent_default();
            if let Some(file) = ev
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                take_file(file);
            }
        }
    };

    // Once the job is queued: close the dialog and say so on the page.
    let submit = Action::new_local({
        let backend = backend.clone();
        move |(request, source, target): &(TransferRequest, Option<String>, String)| {
            let backend = backend.clone();
            let (request, source, target) = (request.clone(), source.clone(), target.clone());
            async move {
                let rows = request.rows.len();
                let job = backend.submit_transfer(request).await?;
                in_progress.set(Some(InProgress {
                    job,
                    rows,
                    source,
                    target,
                }));
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
            r.verdict.can_submit && possession.get() && (r.verdict.problems == 0 || leave_out.get())
        }) && !submit.pending().get()
    };
    let upload = {
        let source = source.clone();
        move |_| {
            let Some(r) = reviewed() else { return };
            let Some((target, target_name)) = r.verdict.target.clone() else {
                return;
            };
            // The answer was decoded when it arrived: its serial numbers are
            // well formed.
            let Ok(serials) = r.answer.valid_serials() else {
                return;
            };
            let rows = serials
                .iter()
                .map(|serial| SubmittedRow {
                    serial: serial.to_string(),
                    customer: target.to_string(),
                })
                .collect();
            let request = TransferRequest {
                key: r.key.clone(),
                source: source.clone(),
                rows,
            };
            submit.dispatch_local((request, r.verdict.source_name.clone(), target_name));
        }
    };

    let limits = Limits::TRANSFER;
    let (max_rows, max_mb) = (limits.max_rows, limits.max_bytes / (1024 * 1024));
    let status = move || {
        in_progress.get().map(|p| {
            let source = messages::source_name(p.source.as_deref());
            if finished.get().flatten() == Some((p.job, true)) {
                tr!("transfer-done", {
                    "job" => p.job.to_string(),
                    "count" => p.rows,
                    "n" => number(p.rows),
                    "source" => source,
                    "target" => p.target,
                })
            } else {
                tr!("transfer-in-progress", {
                    "job" => p.job.to_string(),
                    "count" => p.rows,
                    "n" => number(p.rows),
                    "source" => source,
                    "target" => p.target,
                })
            }
        })
    };
    view! {
        <div class="transfer">
            <button type="button" class="primary" on:click=open>{move_tr!("transfer-button")}</button>
            <p class="transfer-status" role="status">{status}</p>
        </div>
        <dialog node_ref=dialog class="transfer-dialog" aria-labelledby="transfer-title"
            on:dragover=|ev| ev.prevent_default() on:drop=on_drop>
            <h2 id="transfer-title">{move_tr!("transfer-dialog-title")}</h2>
            <ol class="steps">
                <li>
                    {move_tr!("transfer-step-sample")} " "
                    <button type="button" on:click=|_| { let _ = browser::download_csv(SAMPLE_FILE_NAME, SAMPLE_FILE); }>
                        {move_tr!("transfer-download-sample")}
                    </button>
                </li>
                <li>{move_tr!("transfer-step-fill")}</li>
                <li>{move_tr!("transfer-step-upload")}</li>
            </ol>
            <p class="limits">
                {move || tr!("transfer-limits", {"rows" => number(max_rows), "mb" => number(max_mb)})}
            </p>
            <div class="drop-zone">
                <label for="transfer-file">{move_tr!("transfer-file-label")}</label>
                <FilePicker id="transfer-file" accept=".csv,.txt,.xlsx,text/csv" chosen=chosen_file on_file=take_file/>
                <span class="hint">{move_tr!("transfer-drop-hint")}</span>
            </div>
            {move || match stage.get() {
                Stage::Choose => ().into_any(),
                Stage::Reading(name) => view! {
                    <p role="status">{move_tr!("transfer-reading", {"name" => name.clone()})}</p>
                }.into_any(),
                Stage::Failed { name, failure } => view! {
                    <div role="alert" class="error-panel">
                        <p>
                            <strong>{move_tr!("transfer-cannot-be-used", {"name" => name.clone()})} " "</strong>
                            {move || failure_message(&failure)}
                        </p>
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
                    .map(|e| view! { <p role="alert" class="failed">{messages::backend(&e)}</p> })
            }}
            <div class="dialog-actions">
                <button type="button" class="primary" disabled=move || !ready() on:click=upload>
                    {move || if submit.pending().get() { tr!("transfer-uploading") } else { tr!("transfer-upload") }}
                </button>
                <button type="button" on:click=move |_| close()>{move_tr!("transfer-cancel")}</button>
            </div>
        </dialog>
    }
}

/// Why a row cannot move, in the user's language.
fn reason_text(reason: &Reason) -> String {
    match reason {
        Reason::Row(reason) => messages::row_reason(reason),
        Reason::OtherCustomerId { expected } => {
            tr!("transfer-row-other-customer-id", {"expected" => expected.clone()})
        }
    }
}

/// What the file will do, and everything wrong with it.
#[component]
fn ReviewPanel(
    reviewed: Arc<Reviewed>,
    possession: RwSignal<bool>,
    leave_out: RwSignal<bool>,
) -> impl IntoView {
    let review = &reviewed.verdict;
    let problems = review.problems;
    let download_problems = {
        let reviewed = reviewed.clone();
        move |_| {
            // Decoded from the answer only now: most files have none.
            let Ok(all) = reviewed.answer.problems() else {
                return;
            };
            let rows = all.iter().map(|p| {
                let cell = tr!("transfer-problem-cell", {
                    "line" => p.line,
                    "reason" => reason_text(&p.reason),
                });
                [
                    Cow::Borrowed(p.serial.as_str()),
                    Cow::Borrowed(p.customer.as_str()),
                    Cow::Owned(cell),
                ]
            });
            // The column names stay English: the backend reads them.
            let csv = write_csv(&["Serial Number", "Customer ID", "Problem"], rows);
            let _ = browser::download_csv("transfer-rows-with-problems.csv", &csv);
        }
    };
    let read_as = {
        let (format, header, count) = (review.format.clone(), review.header, review.rows);
        move || {
            let format = messages::file_format(&format);
            if header {
                tr!("transfer-read-as-header-skipped", {"format" => format, "count" => count, "n" => number(count)})
            } else {
                tr!("transfer-read-as", {"format" => format, "count" => count, "n" => number(count)})
            }
        }
    };
    let target = review.target.clone().map(|(id, name)| {
        view! {
            <p class="target">
                {move_tr!("transfer-target-customer")} " " <strong>{name}</strong> " (" <code class="customer-id">{id.to_string()}</code> ")"
            </p>
        }
    });
    let file_problems = (!review.file_problems.is_empty()).then(|| {
        view! {
            <div role="alert" class="error-panel">
                <p><strong>{move_tr!("transfer-nothing-can-be-transferred")}</strong></p>
                <ul>
                    {review
                        .file_problems
                        .iter()
                        .map(|p| {
                            let p = p.clone();
                            view! { <li>{move || messages::file_problem(&p)}</li> }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let rows = review
        .first_problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .map(|p| {
            let reason = p.reason.clone();
            view! {
                <tr>
                    <td class="num">{p.line}</td>
                    <td><code>{p.serial.clone()}</code></td>
                    <td class="customer-id"><code>{p.customer.clone()}</code></td>
                    <td>{move || reason_text(&reason)}</td>
                </tr>
            }
        })
        .collect_view();
    // Outside the `<tr>`: see `crate::i18n` on the translations check.
    let headers = view! {
        <th scope="col" class="num">{move_tr!("transfer-col-line")}</th>
        <th scope="col">{move_tr!("transfer-col-serial")}</th>
        <th scope="col">{move_tr!("transfer-col-customer-id")}</th>
        <th scope="col">{move_tr!("transfer-col-problem")}</th>
    };
    let can_submit = review.can_submit;
    let valid = review.valid;
    view! {
        <section class="review" aria-label=move_tr!("transfer-file-check")>
            <p class="read-as">{reviewed.name.clone()} ": " {read_as} "."</p>
            {target}
            {file_problems}
            {can_submit.then(|| view! {
                <p class="will-move">
                    <strong>{move || tr!("transfer-will-move", {"count" => valid, "n" => number(valid)})}</strong>
                </p>
            })}
            {(problems > 0).then(|| view! {
                <div class="row-problems">
                    <p role="alert">
                        <strong>{move || tr!("transfer-rows-have-problems", {"count" => problems, "n" => number(problems)})}</strong>
                        {(problems > PROBLEMS_SHOWN).then(|| view! {
                            " " {move || tr!("transfer-problems-first-listed", {"shown" => number(PROBLEMS_SHOWN)})}
                        })}
                        ". " {move_tr!("transfer-problems-fix")}
                    </p>
                    <button type="button" on:click=download_problems.clone()>{move_tr!("transfer-download-problems")}</button>
                    <table class="data-table" aria-label=move_tr!("transfer-problems-table")>
                        <thead><tr>{headers}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {can_submit.then(|| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=leave_out on:change=move |ev| leave_out.set(event_target_checked(&ev))/>
                            " "
                            {move || if problems == 1 {
                                tr!("transfer-leave-out-row", {"count" => valid, "n" => number(valid)})
                            } else {
                                tr!("transfer-leave-out-rows", {
                                    "rows" => number(problems),
                                    "count" => valid,
                                    "n" => number(valid),
                                })
                            }}
                        </label>
                    })}
                </div>
            })}
            {can_submit.then(|| view! {
                <div class="possession">
                    <p class="warning">{move_tr!("transfer-possession-warning")}</p>
                    <label class="check">
                        <input type="checkbox" prop:checked=possession on:change=move |ev| possession.set(event_target_checked(&ev))/>
                        " " {move_tr!("transfer-possession-confirm")}
                    </label>
                </div>
            })}
        </section>
    }
}
