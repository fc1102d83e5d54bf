//! The banner for what the backend had to tell at start-up (for example
//! that stored demo data was unreadable and has been reset).

use crate::backend::StartupNotice;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// Shows the start-up notice until the user dismisses it.
#[component]
pub fn StartupNoticeBanner() -> impl IntoView {
    let StartupNotice(notice) = expect_context();
    move || {
        notice.get().map(|shown| {
            view! {
                <div class="startup-notice" role="alert">
                    <p>{move || messages::notice(&shown)}</p>
                    <button type="button" on:click=move |_| notice.set(None)>
                        {move_tr!("startup-notice-dismiss")}
                    </button>
                </div>
            }
        })
    }
}
