//! The banner for what the backend had to tell at start-up (for example
//! that stored demo data was unreadable and has been reset).

use crate::backend::StartupNotice;
use leptos::prelude::*;

/// Shows the start-up notice until the user dismisses it.
#[component]
pub fn StartupNoticeBanner() -> impl IntoView {
    let StartupNotice(notice) = expect_context();
    move || {
        notice.get().map(|text| {
            view! {
                <div class="startup-notice" role="alert">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
