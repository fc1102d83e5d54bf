//! The Download Summary button. The lists of transfers carry no rows, so
//! pressing it reads the job (`GET /transfers/{id}`) and then saves its
//! Summary as CSV; a read that fails says why beside the button.

use crate::backend::{use_backend, BackendError};
use crate::browser;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use wxp_core::engine::JobId;

/// Why a download did not happen.
#[derive(Clone)]
enum Failure {
    Read(BackendError),
    Save(String),
}

/// "Download Summary" for transfer `job`; `label` names it when several
/// sit side by side (the Transfers table).
#[component]
pub fn DownloadSummary(
    job: JobId,
    #[prop(optional, into)] label: Option<Signal<String>>,
) -> impl IntoView {
    let backend = use_backend();
    let download = Action::new_local(move |_: &()| {
        let read = backend.transfer(job);
        async move {
            let job = read.await.map_err(Failure::Read)?;
            browser::download_csv(&job.summary_file_name(), &job.summary_csv())
                .map_err(Failure::Save)
        }
    });
    let failure = move || match download.value().get() {
        Some(Err(Failure::Read(e))) => Some(messages::backend(&e)),
        Some(Err(Failure::Save(why))) => Some(why),
        _ => None,
    };
    view! {
        <button
            type="button"
            aria-label=move || label.map(|l| l.get())
            aria-busy=move || download.pending().get().to_string()
            on:click=move |_| {
                if !download.pending().get_untracked() {
                    download.dispatch_local(());
                }
            }
        >
            {move_tr!("transfer-download-summary")}
        </button>
        {move || failure().map(|why| view! { <span class="failed" role="alert">" " {why}</span> })}
    }
}
