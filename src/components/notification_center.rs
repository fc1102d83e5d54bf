//! The Notification Center: the bell in the top bar, with a red mark when
//! a transfer has finished, and the Summary of each transfer.

use crate::backend::{use_backend, use_live, BackendError};
use crate::components::download_summary::DownloadSummary;
use crate::i18n::format::{number, timestamp};
use crate::i18n::messages;
use crate::pages::support::support_link;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use std::collections::HashSet;
use wxp_core::api::Topic;
use wxp_core::engine::{JobId, RowState, TransferSummary};

/// "Transfer 7: 12 PCs to Contoso Ltd: 11 transferred, 1 failed", in the
/// user's language. Tracks the language. (Notifications are of completed
/// transfers only.)
fn headline(job: &TransferSummary) -> String {
    let rows = job.rows as usize;
    let (succeeded, failed) = (job.succeeded as usize, job.failed as usize);
    tr!("notifications-headline-completed", {
        "id" => job.id.to_string(),
        "count" => rows,
        "n" => number(rows),
        "target" => job.target_name.clone(),
        "succeeded" => number(succeeded),
        "succeeded-count" => succeeded,
        "failed" => number(failed),
        "failed-count" => failed,
    })
}

/// The bell and its panel, read again whenever the user's notifications
/// change (a transfer completes, one is read).
#[component]
pub fn NotificationCenter() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let open = RwSignal::new(false);
    let read = LocalResource::new({
        let backend = backend.clone();
        move || {
            live.track(Topic::Notifications);
            backend.notifications()
        }
    });
    // Redrawn only when the list differs: a redraw closes the open one.
    let notes = Memo::new(move |_| read.get());
    let unread = Memo::new(move |_| {
        notes.with(|n| match n {
            Some(Ok(list)) => list.iter().filter(|j| !j.read).count(),
            _ => 0,
        })
    });
    let mark_read = Action::new_local(move |job: &JobId| backend.mark_read(*job));
    // Which notifications were opened: kept here, not in each one, because
    // a redraw (one was read) makes each notification anew over its old
    // elements, and an open one must go on showing what it loaded.
    let opened = RwSignal::new(HashSet::<JobId>::new());
    let label = move || match unread.get() {
        0 => tr!("notifications-bell-label-none"),
        n => tr!("notifications-bell-label", {"count" => n, "n" => number(n)}),
    };
    view! {
        <div class="notification-center">
            <button
                type="button"
                class="bell"
                aria-label=label
                aria-expanded=move || open.get().to_string()
                aria-controls="notification-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" fill="currentColor"></path>
                </svg>
                {move || (unread.get() > 0).then(|| view! { <span class="red-mark" aria-hidden="true">{number(unread.get())}</span> })}
            </button>
            <div id="notification-panel" class="notification-panel" role="region" aria-label=move_tr!("notifications-title") hidden=move || !open.get()>
                <h2>{move_tr!("notifications-title")}</h2>
                {move || match notes.get() {
                    None => view! { <p>{move_tr!("loading")}</p> }.into_any(),
                    Some(Err(e)) => view! { <p>{messages::backend(&e)}</p> }.into_any(),
                    Some(Ok(list)) if list.is_empty() => view! { <p>{move_tr!("notifications-empty")}</p> }.into_any(),
                    Some(Ok(list)) => view! {
                        <ul>
                            {list.into_iter().map(|job| view! { <Notification job mark_read opened/> }).collect_view()}
                        </ul>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}

/// One finished transfer: opening it marks it read. Its rows are read
/// when it is first opened, and only if some failed: the case link names
/// the failed PCs.
#[component]
fn Notification(
    job: TransferSummary,
    mark_read: Action<JobId, Result<(), BackendError>>,
    opened: RwSignal<HashSet<JobId>>,
) -> impl IntoView {
    let backend = use_backend();
    let id = job.id;
    let unread = !job.read;
    let failed_count = job.failed as usize;
    let is_open = Memo::new(move |_| opened.with(|o| o.contains(&id)));
    let failed_serials = LocalResource::new(move || {
        let read = (is_open.get() && failed_count > 0).then(|| backend.transfer(id));
        async move {
            let job = read?.await.ok()?;
            let failed: Vec<String> = job
                .rows
                .iter()
                .zip(&job.results)
                .filter(|(_, r)| r.state == RowState::Failed)
                .map(|(row, _)| row.serial.clone())
                .collect();
            Some(failed)
        }
    });
    // Shown once the failed PCs are known, so that the case names them.
    let case_link = move || {
        let serials = failed_serials.get().flatten()?;
        let subject = tr!("notifications-support-subject", {
            "id" => id.to_string(),
            "count" => failed_count,
            "n" => number(failed_count),
        });
        let href = support_link(&subject, &serials);
        Some(view! { " " <a href=href>{move_tr!("notifications-create-case")}</a> })
    };
    let from = {
        let (source, name) = (job.source.clone(), job.source_name.clone());
        let completed_at = job.completed_at;
        move || {
            let completed = completed_at.map(timestamp).unwrap_or_default();
            tr!("notifications-from", {"source" => messages::tenant_name(&source, &name), "completed" => completed})
        }
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        let details: web_sys::HtmlDetailsElement = event_target(&ev);
        if details.open() {
            if !is_open.get_untracked() {
                opened.update(|o| {
                    o.insert(id);
                });
            }
            if unread {
                mark_read.dispatch_local(id);
            }
        }
    };
    view! {
        <li class:unread=unread>
            <details on:toggle=on_toggle>
                <summary>
                    {unread.then(|| view! { <span class="visually-hidden">{move_tr!("notifications-unread")} " "</span> })}
                    {move || headline(&job)}
                </summary>
                <p>{from}</p>
                <DownloadSummary job=id/>
                {case_link}
            </details>
        </li>
    }
}
