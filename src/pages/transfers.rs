//! All Customers > Transfers: every transfer job with its state and Summary.

use crate::backend::{use_backend, use_live};
use crate::components::download_summary::DownloadSummary;
use crate::components::loaded::loaded;
use crate::i18n::format::{number, timestamp};
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use wxp_core::api::Topic;
use wxp_core::engine::{JobState, TransferSummary};

/// The transfer history, read again as jobs are submitted, run and
/// complete.
#[component]
pub fn TransfersPage() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let jobs = LocalResource::new(move || {
        live.track(Topic::Transfers);
        backend.transfers()
    });
    view! {
        <h1>{move_tr!("menu-transfers")}</h1>
        <p class="lede">{move_tr!("transfers-page-lede")}</p>
        {loaded(jobs, |jobs| view! { <TransferTable jobs/> })}
    }
}

#[component]
fn TransferTable(jobs: Vec<TransferSummary>) -> impl IntoView {
    if jobs.is_empty() {
        return view! { <p>{move_tr!("transfers-page-empty")}</p> }.into_any();
    }
    view! {
        <table class="data-table" aria-label=move_tr!("menu-transfers")>
            <thead>
                <tr>
                    <th scope="col">{move_tr!("transfers-page-col-transfer")}</th>
                    <th scope="col">{move_tr!("transfers-page-col-submitted")}</th>
                    <th scope="col">{move_tr!("transfers-page-col-from")}</th>
                    <th scope="col">{move_tr!("transfers-page-col-to")}</th>
                    <th scope="col" class="num">{move_tr!("transfers-page-col-pcs")}</th>
                    <th scope="col">{move_tr!("transfers-page-col-state")}</th>
                    <th scope="col" class="num">{move_tr!("transfers-page-col-transferred")}</th>
                    <th scope="col" class="num">{move_tr!("transfers-page-col-failed")}</th>
                    <th scope="col">{move_tr!("transfers-page-col-summary")}</th>
                </tr>
            </thead>
            <tbody>
                {jobs.into_iter().map(|job| {
                    let done = job.state == JobState::Completed;
                    let (id, submitted, state) = (job.id, job.submitted_at, job.state);
                    let (rows, succeeded, failed) = (job.rows as usize, job.succeeded as usize, job.failed as usize);
                    let (source, source_text) = (job.source, job.source_name);
                    view! {
                        <tr>
                            <th scope="row">{id.to_string()}</th>
                            <td>{move || timestamp(submitted)}</td>
                            <td>{move || messages::tenant_name(&source, &source_text)}</td>
                            <td>{job.target_name}</td>
                            <td class="num">{move || number(rows)}</td>
                            <td>{move || messages::job_state(state)}</td>
                            <td class="num">{done.then_some(move || number(succeeded))}</td>
                            <td class="num">{done.then_some(move || number(failed))}</td>
                            <td>
                                {done.then(|| view! {
                                    <DownloadSummary job=id
                                        label=move_tr!("transfers-page-download-summary-of", {"id" => id.to_string()})/>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }.into_any()
}
