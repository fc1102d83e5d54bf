//! A file input that speaks the portal's language.
//!
//! The browser draws a file input's button and its "no file chosen" text in
//! the browser's own language, whatever the page's; an Italian page in an
//! English Chrome would say "Choose File". The input stays (visually hidden
//! but focusable, labelled by the caller) and a button of ours opens it.

use leptos::html::Input;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

/// A file input with id `id` (give it a `<label for=id>`), calling
/// `on_file` with each file chosen. Choosing the same file again (after
/// fixing it) calls it again.
#[component]
pub fn FilePicker(
    /// The input's id.
    id: &'static str,
    /// The file types offered (the input's `accept`).
    accept: &'static str,
    /// The name of the file in use, shown beside the button; the caller's,
    /// as a file can also come by drag and drop, or be let go.
    #[prop(into)]
    chosen: Signal<Option<String>>,
    /// Called with the chosen file.
    on_file: impl Fn(web_sys::File) + 'static,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let element: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = element.files().and_then(|files| files.get(0)) {
            on_file(file);
        }
        element.set_value("");
    };
    let open = move |_| {
        if let Some(element) = input.get_untracked() {
            element.click();
        }
    };
    view! {
        <span class="file-picker">
            <input node_ref=input id=id type="file" class="visually-hidden" accept=accept on:change=on_change/>
            // The input itself is what keyboards and assistive technology
            // reach (by its label); this button is its face for the mouse.
            <button type="button" tabindex="-1" aria-hidden="true" on:click=open>
                {move_tr!("file-picker-choose")}
            </button>
            <span class="file-name" aria-hidden="true">
                {move || chosen.get().unwrap_or_else(|| tr!("file-picker-none"))}
            </span>
        </span>
    }
}
