//! The page for an address that leads nowhere.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Says which address was not found, with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <main id="main" class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{move || location.pathname.get()}</code> "."</p>
            <p><a href="/">"Go to your Home page"</a></p>
        </main>
    }
}
