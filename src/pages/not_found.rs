//! The page for an address that leads nowhere.

use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_location;

/// Says which address was not found, with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <main id="main" class="not-found">
            <h1>{move_tr!("not-found-title")}</h1>
            <p>{move_tr!("not-found-no-page-at")} " " <code>{move || location.pathname.get()}</code> "."</p>
            <p><a href="/">{move_tr!("error-go-home")}</a></p>
        </main>
    }
}
