//! A customer's Account page, Overview tab.

use crate::components::copy_button::CopyButton;
use crate::components::enrol::EnrolPcs;
use crate::components::loaded::loaded;
use crate::components::shell::{customer_resource, selection, Selection};
use crate::i18n::format::number;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use wxp_core::engine::CustomerSummary;

/// The customer's identity: the Customer ID a transfer file needs, the
/// cPIN for enrolment, and its figures.
#[component]
pub fn AccountPage() -> impl IntoView {
    let enrolling = RwSignal::new(false);
    let tab = move |id: &'static str, label: Signal<String>, is_overview: bool| {
        view! {
            <button type="button" role="tab" id=format!("tab-{id}") aria-controls=format!("panel-{id}")
                aria-selected=move || (enrolling.get() != is_overview).to_string()
                on:click=move |_| enrolling.set(!is_overview)>
                {label}
            </button>
        }
    };
    // The enrolment form is keyed on the address only, so that reloading
    // the figures after an enrolment keeps its results on screen.
    let selection = selection();
    view! {
        <h1>{move_tr!("account-title")}</h1>
        <div role="tablist" aria-label=move_tr!("account-title") class="tabs">
            {tab("overview", move_tr!("account-tab-overview"), true)}
            {tab("enrol", move_tr!("account-tab-enrol-pcs"), false)}
        </div>
        <section role="tabpanel" id="panel-enrol" aria-labelledby="tab-enrol" class="panel" hidden=move || !enrolling.get()>
            {move || match selection.get() {
                Selection::Customer(id) => Some(view! { <EnrolPcs customer=id/> }),
                _ => None,
            }}
        </section>
        <section role="tabpanel" id="panel-overview" aria-labelledby="tab-overview" class="panel" hidden=move || enrolling.get()>
            {loaded(customer_resource(), |s| view! { <Overview summary=s/> })}
        </section>
    }
}

#[component]
fn Overview(summary: CustomerSummary) -> impl IntoView {
    let c = summary.customer;
    let (premium, premium_plus) = (summary.premium, summary.premium_plus);
    view! {
            <dl class="facts">
                <div><dt>{move_tr!("account-customer-name")}</dt><dd>{c.name.clone()}</dd></div>
                <div>
                    <dt id="customer-id-label">{move_tr!("account-customer-id")}</dt>
                    <dd>
                        <code aria-labelledby="customer-id-label" class="customer-id">{c.id.to_string()}</code>
                        <CopyButton value=c.id.to_string() what=move_tr!("account-customer-id")/>
                    </dd>
                </div>
                <div>
                    <dt id="cpin-label">{move_tr!("account-cpin")}</dt>
                    <dd>
                        <code aria-labelledby="cpin-label" class="cpin">{c.cpin.clone()}</code>
                        <CopyButton value=c.cpin.clone() what=move_tr!("account-cpin")/>
                    </dd>
                </div>
                <div><dt>{move_tr!("account-partner")}</dt><dd>{summary.partner_name.clone()}</dd></div>
                <div><dt>{move_tr!("account-country")}</dt><dd>{c.country.clone()}</dd></div>
                <div><dt>{move_tr!("account-premium-pcs")}</dt><dd>{move || number(premium)}</dd></div>
                <div><dt>{move_tr!("account-premium-plus-pcs")}</dt><dd>{move || number(premium_plus)}</dd></div>
            </dl>
    }
}
