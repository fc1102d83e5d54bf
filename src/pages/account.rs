//! A customer's Account page, Overview tab.

use crate::components::copy_button::CopyButton;
use crate::components::enrol::EnrolPcs;
use crate::components::loaded::loaded;
use crate::components::shell::{customer_resource, selection, Selection};
use leptos::prelude::*;
use wxp_core::engine::CustomerSummary;
use wxp_core::format::thousands;

/// The customer's identity: the Customer ID a transfer file needs, the
/// cPIN for enrolment, and its figures.
#[component]
pub fn AccountPage() -> impl IntoView {
    let enrolling = RwSignal::new(false);
    let tab = move |id: &'static str, label: &'static str, is_overview: bool| {
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
        <h1>"Account"</h1>
        <div role="tablist" aria-label="Account" class="tabs">
            {tab("overview", "Overview", true)}
            {tab("enrol", "Enrol PCs", false)}
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
    view! {
            <dl class="facts">
                <div><dt>"Customer name"</dt><dd>{c.name.clone()}</dd></div>
                <div>
                    <dt id="customer-id-label">"Customer ID"</dt>
                    <dd>
                        <code aria-labelledby="customer-id-label" class="customer-id">{c.id.to_string()}</code>
                        <CopyButton value=c.id.to_string() what="Customer ID"/>
                    </dd>
                </div>
                <div>
                    <dt id="cpin-label">"cPIN"</dt>
                    <dd>
                        <code aria-labelledby="cpin-label" class="cpin">{c.cpin.clone()}</code>
                        <CopyButton value=c.cpin.clone() what="cPIN"/>
                    </dd>
                </div>
                <div><dt>"Partner"</dt><dd>{summary.partner_name.clone()}</dd></div>
                <div><dt>"Country"</dt><dd>{c.country.clone()}</dd></div>
                <div><dt>"Premium PCs"</dt><dd>{thousands(summary.premium)}</dd></div>
                <div><dt>"Premium+ PCs"</dt><dd>{thousands(summary.premium_plus)}</dd></div>
            </dl>
    }
}
