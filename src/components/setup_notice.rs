//! Why a partner has no Unassigned Devices, and what to do about it.

use crate::pages::support::support_link;
use leptos::prelude::*;
use wxp_core::PartnerKind;

/// Shown where the Unassigned Devices link would be when the partner setup
/// is incomplete: names the courses for both kinds of partner, and where to
/// get help.
#[component]
pub fn SetupIncompleteNotice(
    /// The partner's kind, whose course is listed first.
    kind: PartnerKind,
) -> impl IntoView {
    let courses = |k: PartnerKind| k.required_courses().join(" followed by ");
    let (first, second) = match kind {
        PartnerKind::ResellViewMonitor => {
            (PartnerKind::ResellViewMonitor, PartnerKind::ServiceDelivery)
        }
        PartnerKind::ServiceDelivery => {
            (PartnerKind::ServiceDelivery, PartnerKind::ResellViewMonitor)
        }
    };
    let line = move |k: PartnerKind| {
        let who = match k {
            PartnerKind::ResellViewMonitor => "Resellers",
            PartnerKind::ServiceDelivery => "Service Delivery Partners",
        };
        view! { <li>{who} ": course ID " {courses(k)}</li> }
    };
    view! {
        <aside class="setup-notice" aria-labelledby="setup-notice-title">
            <h2 id="setup-notice-title">"Unassigned Devices is not available"</h2>
            <p>
                "Your partner account setup is incomplete: none of your users has completed the HP Premium/Premium+ partner course. "
                "The holding tenant, and with it Unassigned Devices, is created once one of them does."
            </p>
            <ul>{line(first)} {line(second)}</ul>
            <p>
                "If you need additional help, "
                <a href=support_link("Unassigned Devices is missing", &[])>"create a support case"</a>
                " or email "
                <a href="mailto:support@wxp.hp.com">"support@wxp.hp.com"</a> "."
            </p>
        </aside>
    }
}
