//! All Customers > Transfers: every transfer job with its state and Summary.

use crate::backend::use_backend;
use crate::browser;
use crate::components::loaded::loaded;
use crate::components::notification_center::DataVersion;
use crate::components::shell::current_user;
use leptos::prelude::*;
use std::time::Duration;
use wxp_core::engine::{JobState, TransferJob};
use wxp_core::format::thousands;

/// The transfer history, refreshed while jobs run.
#[component]
pub fn TransfersPage() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let tick = RwSignal::new(0u64);
    // Talks to the outside world: asks again every second, for jobs that
    // are still queued or running.
    if let Ok(handle) =
        set_interval_with_handle(move || tick.update(|t| *t += 1), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let jobs = LocalResource::new(move || {
        tick.track();
        DataVersion::track();
        backend.transfers(user.clone())
    });
    view! {
        <h1>"Transfers"</h1>
        <p class="lede">"Every transfer of your account, newest first. The Summary gives each row's State Description."</p>
        {loaded(jobs, |jobs| view! { <TransferTable jobs/> })}
    }
}

#[component]
fn TransferTable(jobs: Vec<TransferJob>) -> impl IntoView {
    if jobs.is_empty() {
        return view! { <p>"No transfers yet. Start one with the Transfer button above Unassigned Devices or a customer's Devices > PCs."</p> }.into_any();
    }
    view! {
        <table class="data-table" aria-label="Transfers">
            <thead>
                <tr>
                    <th scope="col">"Transfer"</th>
                    <th scope="col">"Submitted"</th>
                    <th scope="col">"From"</th>
                    <th scope="col">"To"</th>
                    <th scope="col" class="num">"PCs"</th>
                    <th scope="col">"State"</th>
                    <th scope="col" class="num">"Transferred"</th>
                    <th scope="col" class="num">"Failed"</th>
                    <th scope="col">"Summary"</th>
                </tr>
            </thead>
            <tbody>
                {jobs.into_iter().map(|job| {
                    let done = job.state == JobState::Completed;
                    let (file, summary) = (job.summary_file_name(), job.summary_csv());
                    view! {
                        <tr>
                            <th scope="row">{job.id.to_string()}</th>
                            <td>{job.submitted_at.to_string()}</td>
                            <td>{job.source_name.clone()}</td>
                            <td>{job.target_name.clone()}</td>
                            <td class="num">{thousands(job.rows.len())}</td>
                            <td>{job.state.label()}</td>
                            <td class="num">{done.then(|| thousands(job.succeeded()))}</td>
                            <td class="num">{done.then(|| thousands(job.failed()))}</td>
                            <td>
                                {done.then(|| view! {
                                    <button type="button" aria-label=format!("Download Summary of transfer {}", job.id)
                                        on:click=move |_| { let _ = browser::download_csv(&file, &summary); }>
                                        "Download Summary"
                                    </button>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }.into_any()
}
