//! The Notification Center: the bell in the top bar, with a red mark when
//! a transfer has finished, and the Summary of each transfer.

use crate::backend::use_backend;
use crate::browser;
use crate::components::shell::current_user;
use crate::pages::support::support_link;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wxp_core::engine::{JobId, RowState, TransferJob};

/// How often the bell asks the backend for news.
const POLL: Duration = Duration::from_millis(1_000);

/// Bumped whenever a transfer completes, so that pages showing PCs reload
/// what moved.
#[derive(Clone, Copy)]
pub struct DataVersion(pub RwSignal<u64>);

impl DataVersion {
    /// Makes the calling reactive closure re-run when data changes.
    pub fn track() {
        expect_context::<DataVersion>().0.track();
    }
}

/// The bell and its panel.
#[component]
pub fn NotificationCenter() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let DataVersion(version) = expect_context();
    let notes = RwSignal::new(None::<Vec<TransferJob>>);
    let open = RwSignal::new(false);

    // Talks to the outside world: polls the backend.
    let refresh = {
        let (backend, user) = (backend.clone(), user.clone());
        move || {
            let (backend, user) = (backend.clone(), user.clone());
            spawn_local(async move {
                let Ok(list) = backend.notifications(user).await else {
                    return;
                };
                let before = notes.with_untracked(|n| n.as_ref().map(Vec::len));
                if notes.with_untracked(|n| n.as_ref() != Some(&list)) {
                    let grew = before.is_some_and(|b| list.len() > b);
                    notes.set(Some(list));
                    if grew {
                        version.update(|v| *v += 1);
                    }
                }
            });
        }
    };
    refresh();
    if let Ok(handle) = set_interval_with_handle(refresh.clone(), POLL) {
        on_cleanup(move || handle.clear());
    }

    let unread = Memo::new(move |_| {
        notes.with(|n| {
            n.as_ref()
                .map_or(0, |n| n.iter().filter(|j| !j.read).count())
        })
    });
    let mark_read = move |job: JobId| {
        let (backend, user, refresh) = (backend.clone(), user.clone(), refresh.clone());
        spawn_local(async move {
            if backend.mark_read(user, job).await.is_ok() {
                refresh();
            }
        });
    };
    let label = move || match unread.get() {
        0 => "Notification Center, no unread notifications".to_owned(),
        1 => "Notification Center, 1 unread notification".to_owned(),
        n => format!("Notification Center, {n} unread notifications"),
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
                {move || (unread.get() > 0).then(|| view! { <span class="red-mark" aria-hidden="true">{unread.get()}</span> })}
            </button>
            <div id="notification-panel" class="notification-panel" role="region" aria-label="Notifications" hidden=move || !open.get()>
                <h2>"Notifications"</h2>
                {move || match notes.get() {
                    None => view! { <p>"Loading…"</p> }.into_any(),
                    Some(list) if list.is_empty() => view! { <p>"No notifications yet. Finished transfers appear here."</p> }.into_any(),
                    Some(list) => view! {
                        <ul>
                            {list.into_iter().map(|job| view! { <Notification job mark_read=mark_read.clone()/> }).collect_view()}
                        </ul>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}

/// One finished transfer: opening it marks it read.
#[component]
fn Notification(
    job: TransferJob,
    mark_read: impl Fn(JobId) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let id = job.id;
    let unread = !job.read;
    let summary = job.summary_csv();
    let file = job.summary_file_name();
    let failed: Vec<String> = job
        .rows
        .iter()
        .zip(&job.results)
        .filter(|(_, r)| r.state == RowState::Failed)
        .map(|(row, _)| row.serial.clone())
        .collect();
    let on_toggle = move |ev: leptos::ev::Event| {
        let details: web_sys::HtmlDetailsElement = event_target(&ev);
        if details.open() && unread {
            mark_read(id);
        }
    };
    view! {
        <li class:unread=unread>
            <details on:toggle=on_toggle>
                <summary>
                    {unread.then(|| view! { <span class="visually-hidden">"Unread: "</span> })}
                    "Transfer " {id.to_string()} ": " {job.headline()}
                </summary>
                <p>
                    "From " {job.source_name.clone()} " · completed "
                    {job.completed_at.map(|t| t.to_string()).unwrap_or_default()}
                </p>
                <button type="button" on:click=move |_| { let _ = browser::download_csv(&file, &summary); }>
                    "Download Summary"
                </button>
                {(!failed.is_empty()).then(|| view! {
                    " "
                    <a href=support_link(&format!("Transfer {id}: {} failed", if failed.len() == 1 { "1 row".to_owned() } else { format!("{} rows", failed.len()) }), &failed)>
                        "Create support case for the failed rows"
                    </a>
                })}
            </details>
        </li>
    }
}
