//! A button that puts a value on the clipboard and says so.

use crate::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "Copy" next to a value: copies `value` and reports the outcome in a live
/// region beside the button.
#[component]
pub fn CopyButton(
    /// The text to copy.
    value: String,
    /// What is copied, for the accessible name: "Copy Customer ID".
    what: &'static str,
) -> impl IntoView {
    let (status, set_status) = signal(None::<Result<(), String>>);
    let copy = move |_| {
        let value = value.clone();
        spawn_local(async move {
            set_status.set(Some(browser::copy_to_clipboard(&value).await));
        });
    };
    view! {
        <button type="button" class="copy" aria-label=format!("Copy {what}") on:click=copy>
            "Copy"
        </button>
        <span class="copy-status" role="status">
            {move || match status.get() {
                None => String::new(),
                Some(Ok(())) => "Copied".to_owned(),
                Some(Err(e)) => format!("Could not copy: {e}"),
            }}
        </span>
    }
}
