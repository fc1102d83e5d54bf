//! Why a partner has no Unassigned Devices, and what to do about it.

use crate::pages::support::support_link;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::PartnerKind;

/// Shown where the Unassigned Devices link would be when the partner setup
/// is incomplete: names the courses for both kinds of partner, and where to
/// get help.
#[component]
pub fn SetupIncompleteNotice(
    /// The partner's kind, whose course is listed first.
    kind: PartnerKind,
) -> impl IntoView {
    // Tracks the language.
    let courses = |k: PartnerKind| {
        k.required_courses()
            .join(&format!(" {} ", tr!("setup-notice-followed-by")))
    };
    let (first, second) = match kind {
        PartnerKind::ResellViewMonitor => {
            (PartnerKind::ResellViewMonitor, PartnerKind::ServiceDelivery)
        }
        PartnerKind::ServiceDelivery => {
            (PartnerKind::ServiceDelivery, PartnerKind::ResellViewMonitor)
        }
    };
    let line = move |k: PartnerKind| {
        let text = move || {
            let courses = courses(k);
            match k {
                PartnerKind::ResellViewMonitor => {
                    tr!("setup-notice-resellers-course", {"courses" => courses})
                }
                PartnerKind::ServiceDelivery => {
                    tr!("setup-notice-service-delivery-course", {"courses" => courses})
                }
            }
        };
        view! { <li>{text}</li> }
    };
    view! {
        <aside class="setup-notice" aria-labelledby="setup-notice-title">
            <h2 id="setup-notice-title">{move_tr!("setup-notice-title")}</h2>
            <p>
                {move_tr!("setup-notice-incomplete")} " "
                {move_tr!("setup-notice-holding-tenant")}
            </p>
            <ul>{line(first)} {line(second)}</ul>
            <p>
                {move_tr!("setup-notice-help")} " "
                <a href=move || support_link(&tr!("setup-notice-support-subject"), &[])>
                    {move_tr!("setup-notice-create-case")}
                </a>
                " " {move_tr!("setup-notice-or-email")} " "
                <a href="mailto:support@wxp.hp.com">"support@wxp.hp.com"</a> "."
            </p>
        </aside>
    }
}
