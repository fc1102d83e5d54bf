//! A button that puts a value on the clipboard and says so.

use crate::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_fluent::{move_tr, tr};

/// "Copy" next to a value: copies `value` and reports the outcome in a live
/// region beside the button.
#[component]
pub fn CopyButton(
    /// The text to copy.
    value: String,
    /// What is copied, for the accessible name: "Copy Customer ID".
    #[prop(into)]
    what: Signal<String>,
) -> impl IntoView {
    let (status, set_status) = signal(None::<Result<(), String>>);
    let copy = move |_| {
        let value = value.clone();
        spawn_local(async move {
            set_status.set(Some(browser::copy_to_clipboard(&value).await));
        });
    };
    view! {
        <button type="button" class="copy" aria-label=move_tr!("copy-label", {"what" => what.get()}) on:click=copy>
            {move_tr!("copy-button")}
        </button>
        <span class="copy-status" role="status">
            {move || match status.get() {
                None => String::new(),
                Some(Ok(())) => tr!("copy-copied"),
                Some(Err(e)) => tr!("copy-failed", {"error" => e}),
            }}
        </span>
    }
}
